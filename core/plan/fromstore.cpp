// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plan/fromstore.h"

#include "core/plan/clusterfigures.h"

#include "core/bench/statistics.h"
#include "core/error.h"
#include "core/graph/shape.h"
#include "core/plan/problem.h"
#include "core/store/store.h"
#include "core/store/storedmodels.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace cleave::plan {

namespace {

ResourceCosts toCosts(const store::Resource &resource, const store::ModelRecord &model,
                      const store::Timings &t)
{
    ResourceCosts costs;
    costs.name = resource.name;
    costs.tier = parseTier(resource.role);
    const size_t K = size_t(model.blocks);
    costs.block_s.assign(K, 0.0);
    costs.cutBytes.assign(K + 1, 0);
    // Cut 0 is the input (float32); cut b + 1 is block b's output.
    costs.cutBytes[0] = graph::elementCount(model.inputShape) * 4;
    for (const auto &b : t.blocks) {
        if (b.block < 0 || size_t(b.block) >= K)
            throw Error(ErrorKind::InvalidInput, model.name + ": run " + std::to_string(t.run.id) +
                                                     " has a timing for block " +
                                                     std::to_string(b.block) + " of " +
                                                     std::to_string(K));
        costs.block_s[size_t(b.block)] = b.median_s;
        costs.cutBytes[size_t(b.block) + 1] = b.outputBytes;
        if (b.peakBytes > 0) {
            costs.blockWeightBytes.resize(K, 0);
            costs.blockPeakBytes.resize(K, 0);
            costs.blockWeightBytes[size_t(b.block)] = b.weightBytes;
            costs.blockPeakBytes[size_t(b.block)] = b.peakBytes;
        }
    }
    double sum = 0;
    for (const auto s : costs.block_s)
        sum += s;
    // Calibrated against the whole model, timed in the same run (BlockTimer interleaves it).
    if (t.run.wholeModel_s && *t.run.wholeModel_s > 0 && sum > 0) {
        costs.blockScale = *t.run.wholeModel_s / sum;
        for (auto &s : costs.block_s)
            s *= costs.blockScale;
    }
    for (const auto &c : t.codecs) {
        auto &cuts = costs.codecs[c.codec];
        cuts.resize(K + 1);
        if (c.cut >= 0 && size_t(c.cut) <= K)
            cuts[size_t(c.cut)] = WireCost{c.encodedBytes, c.serialise_s, c.deserialise_s};
    }
    for (const auto &c : t.tls) {
        auto &cuts = costs.tls[c.spec];
        cuts.resize(K + 1);
        if (c.cut >= 0 && size_t(c.cut) <= K)
            cuts[size_t(c.cut)] = TlCost{c.deviceTl_s, c.edgeTl_s, c.outputBytes};
    }
    return costs;
}

MeasuredAccuracy measuredAccuracy(const store::AccuracyRecord &r)
{
    MeasuredAccuracy m;
    m.dataset = r.dataset;
    m.images = r.images;
    const double n = r.images > 0 ? double(r.images) : 1.0;
    m.top1 = double(r.top1) / n;
    m.top5 = double(r.top5) / n;
    m.agreement = double(r.agree) / n;
    m.fineTuned = r.fineTuned;
    return m;
}

} // namespace

std::optional<AccuracyTable> accuracyTable(const std::vector<store::AccuracyRecord> &records,
                                           int blocks)
{
    // The data set with the unsplit model measured and the most configurations.
    std::map<std::string, int> count;
    std::map<std::string, const store::AccuracyRecord *> unsplit;
    for (const auto &r : records) {
        if (r.images <= 0)
            continue;
        ++count[r.dataset];
        if (r.split == blocks && r.tl.empty() && r.fineTuned.empty())
            unsplit[r.dataset] = &r;
    }
    std::string dataset;
    for (const auto &[name, n] : count)
        if (unsplit.count(name) && (dataset.empty() || n > count[dataset]))
            dataset = name;
    if (dataset.empty())
        return std::nullopt;
    // Only counts over the unsplit model's images compare with it: a sweep cancelled half-way
    // has measured nothing yet.
    const auto images = unsplit[dataset]->images;
    std::vector<std::pair<AccuracyTable::Key, MeasuredAccuracy>> configurations;
    for (const auto &r : records)
        if (r.dataset == dataset && r.images == images && r.split < blocks)
            configurations.push_back({{r.split, r.tl, r.codec}, measuredAccuracy(r)});
    return AccuracyTable::of(dataset, measuredAccuracy(*unsplit[dataset]),
                             std::move(configurations));
}

std::optional<ResourceCosts> resourceCosts(store::Store &db, const store::ModelRecord &model,
                                           const store::Resource &resource)
{
    const auto timings = db.latestTimings(model.id, resource.id);
    if (!timings)
        return std::nullopt;
    return toCosts(resource, model, *timings);
}

namespace {

/// The recorded tensors by cut; none (empty) unless every cut 0..K has its own.
CutTensors cutTensors(const std::vector<store::CutTensorRecord> &records, int blocks)
{
    CutTensors tensors(size_t(blocks) + 1);
    for (const auto &r : records) {
        if (r.cut < 0 || r.cut > blocks)
            return {};
        tensors[size_t(r.cut)].push_back({r.label, r.shape, r.dtype, r.bytes});
    }
    if (std::any_of(tensors.begin(), tensors.end(), [](const auto &t) { return t.empty(); }))
        return {};
    return tensors;
}

std::optional<Planner> plannerOn(store::Store &db, const store::ModelRecord &record,
                                 const std::string &model)
{
    const auto resources = db.timedResources(record.id);
    if (resources.empty())
        return std::nullopt;
    std::vector<ResourceCosts> costs;
    for (const auto &r : resources)
        costs.push_back(toCosts(r, record, *db.latestTimings(record.id, r.id)));
    Planner planner(model, std::move(costs));
    if (auto table = accuracyTable(db.accuracies(record.id), record.blocks))
        planner.setAccuracy(std::move(*table));
    planner.setCutTensors(cutTensors(db.cutTensors(record.id), record.blocks));
    return planner;
}

// None at the granularity asked; the other one's timings are named, so that the user can
// switch rather than measure again.
PlanError noTimings(store::Store &db, const std::string &model, graph::Granularity asked)
{
    PlanProblem problem;
    problem.kind = PlanProblem::Kind::NoTimings;
    problem.model = model;
    problem.where = db.path();
    for (const auto other : {graph::Granularity::Block, graph::Granularity::Node}) {
        if (other == asked || problem.timedAt)
            continue;
        for (const auto &record : store::storedModels(db, model, other))
            if (!db.timedResources(record.id).empty())
                problem.timedAt = other;
    }
    return PlanError(std::move(problem));
}

} // namespace

Planner plannerFromStore(store::Store &db, const std::string &model, graph::Granularity granularity)
{
    for (const auto &record : store::storedModels(db, model, granularity))
        if (auto planner = plannerOn(db, record, model))
            return std::move(*planner);
    throw noTimings(db, model, granularity);
}

Planner plannerFromStore(store::Store &db, const store::ModelRecord &record)
{
    if (auto planner = plannerOn(db, record, record.name))
        return std::move(*planner);
    throw noTimings(db, record.name, record.granularity);
}

namespace {

/// The resources named, in order; Error naming one listed twice or unknown to the store.
std::vector<store::Resource> namedResources(store::Store &db, const std::vector<std::string> &names)
{
    std::vector<store::Resource> resources;
    for (const auto &name : names) {
        for (const auto &r : resources)
            if (r.name == name)
                throw Error(ErrorKind::InvalidInput, "device " + name + " is listed twice");
        auto resource = db.resource(name);
        if (!resource)
            throw Error(ErrorKind::NotFound, name + ": no such resource in " + db.path());
        resources.push_back(std::move(*resource));
    }
    return resources;
}

} // namespace

std::vector<StripTime> stripTimes(const std::vector<store::StripTiming> &timings)
{
    std::vector<StripTime> times;
    for (const auto &t : timings)
        times.push_back({t.end, t.rows, t.median_s, t.first});
    return times;
}

store::ModelRecord clusterRecord(store::Store &db, const std::string &model,
                                 const std::vector<std::string> &devices)
{
    const auto resources = namedResources(db, devices);
    const auto records = store::storedModels(db, model);
    for (const auto &record : records)
        if (std::all_of(resources.begin(), resources.end(), [&](const store::Resource &r) {
                return !db.stripTimings(record.id, r.id).empty();
            }))
            return record;
    std::string untimed;
    for (const auto &r : resources)
        if (std::none_of(records.begin(), records.end(), [&](const store::ModelRecord &m) {
                return !db.stripTimings(m.id, r.id).empty();
            }))
            throw Error(ErrorKind::NotFound, r.name + " has no strip timings of " + model + " in " +
                                                 db.path() + "; cleave-cli cluster measures them");
    throw Error(ErrorKind::NotFound, "no record of " + model + " in " + db.path() +
                                         " has strip timings on all of " + devices.front() +
                                         " and the " + std::to_string(devices.size() - 1) +
                                         " other devices (timed at other input shapes)");
}

StoredCluster clusterFromStore(store::Store &db, const store::ModelRecord &record,
                               const std::vector<std::string> &devices, const NetworkProfile &link,
                               const graph::RowLocalRun &run, const std::vector<int64_t> &cutBytes,
                               const std::vector<graph::RowLocalRun> &roundRuns)
{
    const auto resources = namedResources(db, devices);
    const auto source = resourceCosts(db, record, resources.front());
    if (!source)
        throw Error(ErrorKind::NotFound, resources.front().name + " has no block timings of " +
                                             record.name + " in " + db.path() +
                                             "; cleave-cli cluster --db records them");
    StoredCluster cluster;
    std::vector<int> ends;
    for (int end = run.first + 1; end <= run.end; ++end)
        ends.push_back(end);
    cluster.segments = SegmentRows::all(run, ends, cutBytes, source->block_s);
    std::vector<std::vector<StripTime>> timings;
    bool pastInput = false;
    for (const auto &r : resources) {
        timings.push_back(stripTimes(db.stripTimings(record.id, r.id)));
        pastInput = pastInput || std::any_of(timings.back().begin(), timings.back().end(),
                                             [](const StripTime &t) { return t.first > 0; });
        ClusterDevice device;
        device.name = r.name;
        device.link = link;
        device.strips = fitStrips(cluster.segments, timings.back());
        cluster.request.devices.push_back(std::move(device));
    }
    if (pastInput && !roundRuns.empty())
        cluster.rounds = roundOptions(roundRuns, run.segmentEnds(), cutBytes, source->block_s,
                                      cluster.request, timings);
    return cluster;
}

namespace {

const SegmentRows &segmentEnding(const std::vector<SegmentRows> &segments, int end)
{
    for (const auto &s : segments)
        if (s.end == end)
            return s;
    throw Error(ErrorKind::NotFound, "no segment ends at cut " + std::to_string(end));
}

} // namespace

std::optional<std::pair<store::ModelRecord, store::ClusterRecord>>
storedClusterRun(store::Store &db, const std::string &model, std::optional<int64_t> id)
{
    std::optional<std::pair<store::ModelRecord, store::ClusterRecord>> found;
    for (const auto &record : store::storedModels(db, model))
        for (const auto &run : db.clusters(record.id))
            if (id ? run.id == *id : (!found || run.id > found->second.id))
                found = {record, run};
    return found;
}

StoredCluster gatheredAs(store::Store &db, const store::ModelRecord &model,
                         const store::ClusterRecord &record, StoredCluster cluster)
{
    auto &request = cluster.request;
    request.source = 0;
    const auto aggregator = db.resource(record.aggregator);
    const auto costs = aggregator ? resourceCosts(db, model, *aggregator) : std::nullopt;
    if (!costs)
        throw Error(ErrorKind::NotFound, record.aggregator + " has no block timings of " +
                                             model.name + " in " + db.path());
    if (!record.devices.empty() && record.aggregator == record.devices.front()) {
        request.aggregator = 0;
        request.devices.front().block_s = costs->block_s;
    } else {
        request.edgeBlock_s = costs->block_s;
        cluster.rounds.clear();
    }
    for (auto &o : cluster.rounds)
        o.request = withFitsOf(request, o.request);
    return cluster;
}

ChainPlan storedPlan(store::Store &db, const store::ModelRecord &model,
                     const store::ClusterRecord &record, const store::ClusterInference &inference,
                     const StoredCluster &stored)
{
    const auto cluster = gatheredAs(db, model, record, stored);
    const auto &request = cluster.request;
    if (record.roundEnds.empty()) {
        const auto &segment = segmentEnding(cluster.segments, record.segmentEnd);
        return ChainPlan::single(
            evaluateByDevice(segment, request, rowsInRound(inference, record.devices, 0)));
    }
    ChainPlan chain;
    int first = 0;
    for (size_t r = 0; r < record.roundEnds.size(); ++r) {
        const int end = record.roundEnds[r];
        const auto options = std::find_if(cluster.rounds.begin(), cluster.rounds.end(),
                                          [&](const auto &o) { return o.first == first; });
        if (options == cluster.rounds.end())
            throw Error(ErrorKind::NotFound,
                        "no strip timings of segments from cut " + std::to_string(first));
        const auto round = roundRequest(options->request, end);
        chain.rounds.push_back(evaluateByDevice(segmentEnding(options->segments, end), round,
                                                rowsInRound(inference, record.devices, int(r))));
        chain.total_s += chain.rounds.back().makespan_s;
        first = end;
    }
    const auto &rest = request.devices.front().block_s; // a chain gathers at the source
    for (size_t b = size_t(first); b < rest.size(); ++b)
        chain.rest_s += rest[b];
    chain.total_s += chain.rest_s;
    return chain;
}

namespace {

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-9 + 1e-6 * std::abs(b);
}

} // namespace

MeasuredSeries measuredFromStore(store::Store &db, const std::string &model,
                                 const PlanRequest &request, const SplitSeries &predicted)
{
    MeasuredSeries series;
    series.model = model;
    series.link = request.link.describe();
    std::map<std::pair<int, bool>, store::OffloadRecord> newest;
    for (const auto &record : store::storedModels(db, model)) {
        for (auto &o : db.offloads(record.id)) {
            if (o.codec != request.codec || !near(o.uplink_bps, request.link.uplink_bps) ||
                !near(o.downlink_bps, request.link.downlink_bps) ||
                !near(o.latency_s, request.link.latency_s) || o.split < 0 ||
                size_t(o.split) >= predicted.points.size())
                continue;
            const bool tl = !o.tl.empty();
            if (tl && o.tl != predicted.points[size_t(o.split)].tl)
                continue;
            auto &slot = newest[{o.split, tl}];
            if (o.id > slot.id)
                slot = std::move(o);
        }
    }
    for (const auto &[key, o] : newest) {
        std::vector<double> totals;
        for (const auto &i : db.offloadInferences(o.id))
            totals.push_back(i.total_s);
        if (totals.empty())
            continue;
        const auto s = bench::summarise(totals);
        const auto &point = predicted.points[size_t(key.first)];
        MeasuredPoint m;
        m.split = key.first;
        m.tl = key.second;
        m.runs = int(totals.size());
        m.median_s = s.median_s;
        m.p5_s = s.p5_s;
        m.p95_s = s.p95_s;
        m.predicted_s = sum(key.second ? point.scissionTl : point.scission);
        series.points.push_back(m);
    }
    return series;
}

} // namespace cleave::plan
