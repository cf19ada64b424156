// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/client/clusterrun.h"

#include "core/error.h"
#include "core/modelid.h"
#include "core/plan/fromstore.h"
#include "core/zoo/zoo.h"
#include "remote/client/benchsession.h"
#include "remote/cpupinning.h"
#include "remote/status.h"

#include <torch/torch.h>

#include <algorithm>
#include <future>
#include <map>
#include <sstream>
#include <thread>

namespace cleave::remote {

namespace v1 = cleave::agent::v1;

namespace {

using Clock = std::chrono::steady_clock;

const char *const kStrip = "cluster-strip";
const char *const kAlone = "cluster-alone";
const char *const kEdgeDi = "cluster-edgedi";
const char *const kRest = "cluster-rest";
/// How long the devices idle before each measured inference.
constexpr std::chrono::milliseconds kSettle{150};

double seconds(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double>(to - from).count();
}

LinkEmulator::Settings emulated(const plan::NetworkProfile &link)
{
    return {link.uplink_bps, link.downlink_bps, link.latency_s};
}

std::string millis(double s)
{
    std::ostringstream out;
    out.precision(1);
    out << std::fixed << s * 1e3 << " ms";
    return out.str();
}

} // namespace

struct ClusterRun::Device
{
    ClusterAgent agent;
    std::unique_ptr<AgentClient> client;
    std::string name; ///< its resource name
    int64_t resourceId = 0;
    std::unique_ptr<LinkEmulator> link;
    bool lost = false;
    /// Measured over predicted compute time of its last inferences (adaptation); the largest
    /// is how much slower the device is than its fit says (`slowness`).
    std::vector<double> ratios{1.0};                 ///< the benchmark's own estimate counts once
    std::map<std::string, graph::RowRange> deployed; ///< strips by deployment name
    double slowness = 1.0;
};

struct ClusterRun::Attempt
{
    bool completed = false;
    int lostDevice = -1;
    std::string why;
    std::vector<store::ClusterShare> shares; ///< in the plan's order
    double makespan_s = 0;
    double stitch_s = 0;
    double rest_s = 0;
    double return_s = 0;
    double total_s = 0;
    torch::Tensor output;
};

ClusterRun::ClusterRun(ClusterSettings settings, store::Store *db)
    : m_settings(std::move(settings))
    , m_db(db)
{}

ClusterRun::~ClusterRun() = default;

const plan::SegmentRows &ClusterRun::segment() const
{
    for (const auto &s : m_segments)
        if (s.end == m_current.end)
            return s;
    return m_segments.front();
}

void ClusterRun::openModel()
{
    if (m_graph)
        return;
    m_graph = zoo::openModel(m_settings.model, m_settings.input, m_settings.seed,
                             graph::ModelGraph::Original::Drop);
    const auto run = m_graph->rowLocalRun(0); // Error when the input is not NxCxHxW
    if (m_settings.segmentEnd) {
        m_graph->stripInput(0, *m_settings.segmentEnd, {0, 1}); // names what is not row-local
        m_ends = {*m_settings.segmentEnd};
    } else {
        m_ends = run.segmentEnds();
    }
    if (m_ends.empty())
        throw Error(ErrorKind::InvalidInput,
                    m_settings.model + ": no block after the input can be split into rows" +
                        (run.stop ? ": " + run.stop->describe() : std::string()));
    // Weighed by the blocks once they are timed (fitStrips); the checks need only the rows.
    m_segments = plan::SegmentRows::all(run, m_ends, m_graph->cutBytes());
    int64_t most = 0;
    for (const auto &segment : m_segments)
        most = std::max(most, segment.rows());
    if (m_settings.devicesMin > most)
        throw plan::ClusterError({plan::ClusterProblem::Kind::MoreDevicesThanRows,
                                  {},
                                  m_settings.devicesMin,
                                  0,
                                  most,
                                  m_segments.front().end});
}

void ClusterRun::setAgents(std::vector<ClusterAgent> devices, std::optional<ClusterAgent> edge,
                           const AgentAccess &access)
{
    m_settings.devices = std::move(devices);
    m_settings.edge = std::move(edge);
    m_settings.access = access;
}

void ClusterRun::prepare(const Say &say)
{
    if (m_settings.devices.empty())
        throw Error(ErrorKind::InvalidInput, "a cluster needs at least one device");
    openModel();
    connect(say);
    loadEverywhere(say);
    timeStrips(say);
    timeRest(say);
    fitStrips();
    planFirst(say);
}

void ClusterRun::connect(const Say &say)
{
    std::vector<std::string> addresses;
    for (const auto &agent : m_settings.devices) {
        if (std::find(addresses.begin(), addresses.end(), agent.address) != addresses.end())
            throw Error(ErrorKind::InvalidInput, agent.address + " is listed twice as a device");
        addresses.push_back(agent.address);
        auto d = std::make_unique<Device>();
        d->agent = agent;
        d->client = std::make_unique<AgentClient>(agent.address, std::chrono::seconds(10),
                                                  m_settings.access);
        d->link = std::make_unique<LinkEmulator>(emulated(agent.link));
        m_devices.push_back(std::move(d));
    }
    for (const auto &excluded : m_settings.excluded)
        if (std::find(addresses.begin(), addresses.end(), excluded) == addresses.end())
            throw Error(ErrorKind::InvalidInput,
                        excluded + " is excluded but is not one of the devices");
    // Every agent answers before anything is loaded: one that does not is named at once.
    for (auto &d : m_devices) {
        const auto info = d->client->info();
        auto resource = resourceOf(info, "device");
        d->name = resource.name;
        if (std::find(m_names.begin(), m_names.end(), d->name) != m_names.end())
            throw Error(ErrorKind::InvalidInput,
                        d->agent.address + " is " + d->name + ", a device already listed");
        m_names.push_back(d->name);
        if (m_db)
            d->resourceId = m_db->addResource(resource);
        say(d->name + " at " + d->agent.address + " (" + d->agent.link.describe() + ")");
    }
    m_aggregatorName = m_names.front();
    if (m_settings.edge) {
        m_edge = std::make_unique<AgentClient>(m_settings.edge->address, std::chrono::seconds(10),
                                               m_settings.access);
        auto resource = resourceOf(m_edge->info(), "edge");
        m_aggregatorName = resource.name;
        if (m_db)
            m_db->addResource(resource);
        say("aggregator " + m_aggregatorName + " at " + m_settings.edge->address);
    }
    m_sourceUplink = std::make_unique<LinkEmulator>(
        LinkEmulator::Settings{m_devices.front()->agent.link.uplink_bps, 0, 0});
}

void ClusterRun::loadEverywhere(const Say &say)
{
    say("loading " + m_settings.model + " on " + std::to_string(m_devices.size()) + " devices" +
        (m_edge ? " and the aggregator" : ""));
    std::vector<std::future<v1::LoadModelReply>> loads;
    for (auto &d : m_devices)
        loads.push_back(std::async(std::launch::async, [&] {
            return d->client->loadModel(m_settings.model, m_settings.seed, m_settings.input);
        }));
    if (m_edge)
        m_modelId =
            m_edge->loadModel(m_settings.model, m_settings.seed, m_settings.input).model_id();
    for (auto &load : loads)
        m_modelId = load.get().model_id();
    if (!m_db)
        return;
    const auto identity = ModelIdentity::of(m_settings.model, m_settings.seed);
    const auto id = identity.id(m_settings.input);
    if (const auto known = m_db->model(id)) {
        m_storeRecord = *known;
        m_storeModel = known->id;
        return;
    }
    store::ModelRecord record;
    record.sha256 = id;
    record.content = identity.content();
    record.name = m_settings.model;
    record.inputShape = m_graph->inputShape();
    record.blocks = m_graph->blockCount();
    record.parameters = m_graph->parameterCount();
    m_storeModel = m_db->addModel(record);
    m_storeRecord = *m_db->model(id);
}

void ClusterRun::timeStrips(const Say &say)
{
    // What the store holds already, per device; the rest is timed, every device at once.
    std::vector<std::vector<store::StripTiming>> timings(m_devices.size());
    std::vector<std::vector<int>> missing(m_devices.size());
    for (size_t i = 0; i < m_devices.size(); ++i) {
        if (m_db)
            timings[i] = m_db->stripTimings(m_storeModel, m_devices[i]->resourceId);
        for (int end : m_ends) {
            const auto heights = graph::stripHeights(m_graph->cuts()[size_t(end)].shape[2]);
            const auto have =
                std::count_if(timings[i].begin(), timings[i].end(),
                              [&](const auto &t) { return t.first == 0 && t.end == end; });
            if (size_t(have) < heights.size())
                missing[i].push_back(end);
        }
    }
    std::vector<std::future<void>> work;
    for (size_t i = 0; i < m_devices.size(); ++i) {
        if (missing[i].empty()) {
            say(m_devices[i]->name + ": strip timings from the store");
            continue;
        }
        say(m_devices[i]->name + ": timing strips of " + std::to_string(missing[i].size()) +
            " segments");
        work.push_back(std::async(std::launch::async, [&, i] {
            v1::BenchmarkRequest request;
            request.set_model_id(m_modelId);
            request.set_reps(m_settings.benchReps);
            request.set_warmup(2);
            request.set_strips_only(true);
            for (int end : missing[i])
                request.add_strip_ends(end);
            std::vector<store::StripTiming> measured;
            m_devices[i]->client->benchmark(request, [&](const v1::BenchmarkEvent &event) {
                if (!event.has_strip())
                    return;
                const auto &s = event.strip();
                measured.push_back({s.end(), s.rows(), s.time().median_s(), s.time().p5_s(),
                                    s.time().p95_s(), s.first()});
            });
            timings[i].insert(timings[i].end(), measured.begin(), measured.end());
            if (m_db)
                for (const auto &t : measured)
                    m_db->addStripTiming(m_storeModel, m_devices[i]->resourceId, t);
        }));
    }
    for (auto &w : work)
        w.get();
    m_stripTimings = std::move(timings);
    for (size_t i = 0; i < m_devices.size(); ++i) {
        plan::ClusterDevice device;
        device.name = m_devices[i]->name;
        device.link = m_devices[i]->agent.link;
        m_request.devices.push_back(std::move(device));
    }
}

void ClusterRun::fitStrips()
{
    // The blocks weigh the rows by the time they took on the source, or on the edge.
    const auto &source = m_request.devices.front().block_s;
    const bool whole = source.size() == size_t(m_graph->blockCount());
    m_segments = plan::SegmentRows::all(m_graph->rowLocalRun(0), m_ends, m_graph->cutBytes(),
                                        whole ? source : m_request.edgeBlock_s);
    for (size_t i = 0; i < m_devices.size(); ++i) {
        m_request.devices[i].strips =
            plan::fitStrips(m_segments, plan::stripTimes(m_stripTimings[i]));
    }
}

void ClusterRun::timeRest(const Say &say)
{
    if (m_db) {
        timeWhole(say);
        return;
    }
    // Every block: those after the segment are the rest, those in it weigh its rows.
    std::vector<double> blocks(size_t(m_graph->blockCount()), 0.0);
    AgentClient &aggregator = m_edge ? *m_edge : *m_devices.front()->client;
    say(m_aggregatorName + ": timing every block");
    v1::BenchmarkRequest request;
    request.set_model_id(m_modelId);
    request.set_reps(m_settings.benchReps);
    aggregator.benchmark(request, [&](const v1::BenchmarkEvent &event) {
        if (event.has_block())
            blocks.at(size_t(event.block().block())) = event.block().time().median_s();
    });
    if (m_edge)
        m_request.edgeBlock_s = blocks;
    else
        m_request.devices.front().block_s = blocks;
}

void ClusterRun::timeWhole(const Say &say)
{
    std::vector<BenchTarget> targets{
        {"device", m_settings.devices.front().address, m_settings.access}};
    std::vector<std::string> names{m_names.front()};
    if (m_edge) {
        targets.push_back({"edge", m_settings.edge->address, m_settings.access});
        names.push_back(m_aggregatorName);
    }
    const auto costsOf = [&](const std::string &name) -> std::optional<plan::ResourceCosts> {
        const auto resource = m_db->resource(name);
        auto costs = resource ? plan::resourceCosts(*m_db, m_storeRecord, *resource) : std::nullopt;
        if (costs && costs->block_s.size() == size_t(m_graph->blockCount()))
            return costs;
        return std::nullopt;
    };
    std::vector<BenchTarget> missing;
    for (size_t i = 0; i < targets.size(); ++i) {
        if (costsOf(names[i])) {
            say(names[i] + ": block timings from the store");
            continue;
        }
        say(names[i] + ": timing every block of " + m_settings.model);
        missing.push_back(targets[i]);
    }
    if (!missing.empty()) {
        BenchSettings settings;
        settings.model = m_settings.model;
        settings.input = m_settings.input;
        settings.seed = m_settings.seed;
        settings.warmup = 2;
        settings.reps = m_settings.benchReps;
        BenchSession(settings, missing).run(*m_db);
    }
    const auto blocksOf = [&](const std::string &name) {
        const auto costs = costsOf(name);
        if (!costs)
            throw Error(ErrorKind::NotFound, name + ": no complete block timings of " +
                                                 m_settings.model + " in the store after timing");
        return costs->block_s;
    };
    m_request.devices.front().block_s = blocksOf(names.front());
    if (m_edge)
        m_request.edgeBlock_s = blocksOf(m_aggregatorName);
}

void ClusterRun::planFirst(const Say &say)
{
    m_request.source = 0;
    if (!m_edge)
        m_request.aggregator = 0;
    m_request.outputBytes = m_graph->cuts().back().bytes;
    m_request.segmentEnd = m_settings.segmentEnd;
    m_request.devicesMin = m_settings.devicesMin;
    m_request.devicesMax = m_settings.devicesMax;
    m_request.maxLinkBytes = m_settings.maxLinkBytes;
    for (const auto &address : m_settings.excluded)
        for (const auto &d : m_devices)
            if (d->agent.address == address)
                m_request.excluded.push_back(d->name);
    m_comparison = plan::compareCluster(m_segments, m_request);
    m_current = m_comparison.cleave;
    m_request.segmentEnd = m_current.end; // adaptation keeps the segment
    say("plan: segment [0, " + std::to_string(m_current.end) + "), rows " +
        plan::rowsText(m_current.rowsByDevice(m_devices.size())) + ", predicted " +
        millis(m_current.total_s) + " (EdgeDI's heuristic " + millis(m_comparison.edgeDi.total_s) +
        ", bound " + std::to_string(m_comparison.bound).substr(0, 4) + "x)");

    AgentClient &aggregator = m_edge ? *m_edge : *m_devices.front()->client;
    if (m_current.end < m_graph->blockCount())
        aggregator.deploy(kRest, AgentClient::ModelPart{m_modelId, m_current.end,
                                                        m_graph->blockCount(), std::nullopt});
    deploy(m_current);
    deployAlone();
    if (m_settings.measureEdgeDi)
        deploy(m_comparison.edgeDi, kEdgeDi);
    if (m_db) {
        store::ClusterRecord record;
        record.modelId = m_storeModel;
        record.devices = m_names;
        record.aggregator = m_aggregatorName;
        record.segmentEnd = m_current.end;
        record.link = m_devices.front()->agent.link.describe();
        record.predicted_s = m_current.total_s;
        record.edgeDi_s = m_comparison.edgeDi.total_s;
        record.bound = m_comparison.bound;
        m_clusterId = m_db->beginCluster(record);
    }
}

void ClusterRun::deploy(const plan::ClusterPlan &plan, const char *name)
{
    for (const auto &share : plan.shares) {
        // A strip is its rows' own: the same count elsewhere is another module.
        auto &deployed = m_devices[size_t(share.device)]->deployed;
        if (const auto found = deployed.find(name);
            found != deployed.end() && found->second == share.rows)
            continue;
        deployed[name] = share.rows;
        auto &client = *m_devices[size_t(share.device)]->client;
        const auto reply =
            client.deploy(name, AgentClient::ModelPart{m_modelId, 0, plan.end, share.rows});
        // The executor optimises a graph on its second run: those runs are not the plan's.
        const auto zeros =
            torch::zeros(graph::Shape(reply.input_shape().begin(), reply.input_shape().end()));
        for (int i = 0; i < 2; ++i)
            client.infer(name, zeros, m_settings.deadline);
    }
}

void ClusterRun::deployAlone()
{
    const auto &seg = segment();
    auto &client = *m_devices[size_t(m_comparison.fastest)]->client;
    const auto reply =
        client.deploy(kAlone, AgentClient::ModelPart{m_modelId, 0, seg.end, {{0, seg.rows()}}});
    const auto zeros =
        torch::zeros(graph::Shape(reply.input_shape().begin(), reply.input_shape().end()));
    for (int i = 0; i < 2; ++i)
        client.infer(kAlone, zeros, m_settings.deadline);
}

struct ClusterRun::StripPart
{
    double received_s = 0;
    double compute_s = 0;
    double finish_s = 0;
    torch::Tensor output;
    std::optional<Error> error;
};

std::vector<ClusterRun::StripPart> ClusterRun::runStrips(const plan::ClusterPlan &plan,
                                                         const torch::Tensor &x, const char *strip,
                                                         Clock::time_point start)
{
    std::vector<StripPart> parts(plan.shares.size());
    std::vector<std::thread> workers;
    // The source sends the strips one after another over its uplink; each device computes as
    // soon as its rows arrive and sends its output rows to the aggregator over its own link.
    for (size_t k = 0; k < plan.shares.size(); ++k) {
        const auto &share = plan.shares[k];
        auto arrival = start;
        if (share.device != m_request.source) {
            m_sourceUplink->sendUp(share.inputBytes);
            arrival = Clock::now() +
                      std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
                          m_devices[size_t(share.device)]->agent.link.latency_s));
        }
        workers.emplace_back([&, k, arrival] {
            const auto &s = plan.shares[k];
            auto &device = *m_devices[size_t(s.device)];
            StripPart &part = parts[k];
            std::this_thread::sleep_until(arrival);
            part.received_s = seconds(start, Clock::now());
            try {
                AgentClient::InferTimes times;
                part.output = device.client->infer(strip, x.slice(2, s.input.begin, s.input.end),
                                                   m_settings.deadline, &times);
                part.compute_s = times.compute_s;
                if (!(m_request.aggregator && s.device == *m_request.aggregator))
                    device.link->sendUp(s.outputBytes);
                part.finish_s = seconds(start, Clock::now());
            } catch (const Error &e) {
                part.error = e;
            }
        });
    }
    for (auto &w : workers)
        w.join();
    return parts;
}

void ClusterRun::aggregate(Attempt &attempt, const std::vector<torch::Tensor> &outputs)
{
    const auto stitchStart = Clock::now();
    const auto stitched = torch::cat(outputs, 2);
    const double cat_s = seconds(stitchStart, Clock::now());
    if (m_current.end == m_graph->blockCount()) {
        // The segment is the whole model: the stitched strips are its output.
        attempt.output = stitched;
        attempt.stitch_s = cat_s;
    } else {
        AgentClient &aggregator = m_edge ? *m_edge : *m_devices.front()->client;
        AgentClient::InferTimes rest;
        attempt.output = aggregator.infer(kRest, stitched, m_settings.deadline, &rest);
        attempt.rest_s = rest.compute_s;
        // Handing the strips over to the aggregator's runtime (loopback): not in the plan's
        // model.
        attempt.stitch_s = cat_s + std::max(rest.call_s - rest.compute_s, 0.0);
    }
    if (m_edge) {
        const auto mark = Clock::now();
        m_devices[size_t(m_request.source)]->link->sendDown(attempt.output.numel() * 4);
        attempt.return_s = seconds(mark, Clock::now());
    }
}

ClusterRun::Attempt ClusterRun::execute(const plan::ClusterPlan &plan, const torch::Tensor &x,
                                        const char *strip)
{
    const auto start = Clock::now();
    const auto parts = runStrips(plan, x, strip, start);
    Attempt attempt;
    std::vector<torch::Tensor> outputs;
    for (size_t k = 0; k < parts.size(); ++k) {
        const auto &s = plan.shares[k];
        if (parts[k].error && attempt.lostDevice < 0) {
            // A device that does not answer is lost; one that answers with an error is a fault
            // of the run, not of the device.
            const auto kind = parts[k].error->kind();
            if (kind != ErrorKind::Unavailable && kind != ErrorKind::Cancelled)
                throw *parts[k].error;
            attempt.lostDevice = s.device;
            attempt.why = parts[k].error->what();
        }
        attempt.shares.push_back({m_devices[size_t(s.device)]->name, s.rows.begin, s.rows.end,
                                  parts[k].received_s, parts[k].compute_s, parts[k].finish_s});
        attempt.makespan_s = std::max(attempt.makespan_s, parts[k].finish_s);
        outputs.push_back(parts[k].output);
    }
    if (attempt.lostDevice < 0) {
        aggregate(attempt, outputs);
        attempt.completed = true;
    }
    attempt.total_s = seconds(start, Clock::now());
    return attempt;
}

store::ClusterInference ClusterRun::record(const Attempt &attempt, const plan::ClusterPlan &plan,
                                           const torch::Tensor &reference, int run,
                                           int number) const
{
    store::ClusterInference i;
    i.run = run;
    i.attempt = number;
    i.completed = attempt.completed;
    i.makespan_s = attempt.makespan_s;
    i.stitch_s = attempt.stitch_s;
    i.rest_s = attempt.rest_s;
    i.return_s = attempt.return_s;
    i.total_s = attempt.total_s;
    i.predicted_s = plan.total_s;
    i.shares = attempt.shares;
    if (attempt.completed)
        i.maxDifference = (attempt.output - reference).abs().max().item<double>() /
                          std::max(reference.abs().max().item<double>(), 1e-30);
    return i;
}

plan::ClusterRequest ClusterRun::estimated() const
{
    auto request = m_request;
    for (size_t i = 0; i < m_devices.size(); ++i) {
        const double slowness = m_devices[i]->slowness;
        for (auto &[end, fit] : request.devices[i].strips) {
            fit.alpha_s *= slowness;
            fit.beta_s *= slowness;
        }
        // The rest, where a device aggregates, slows with it.
        for (auto &block : request.devices[i].block_s)
            block *= slowness;
    }
    return request;
}

void ClusterRun::event(const store::ClusterEvent &e,
                       const std::function<void(const store::ClusterEvent &)> &onEvent)
{
    if (m_db && m_clusterId)
        m_db->addClusterEvent(m_clusterId, e);
    if (onEvent)
        onEvent(e);
}

void ClusterRun::adapt(const Attempt &attempt, int run,
                       const std::function<void(const store::ClusterEvent &)> &onEvent)
{
    for (size_t k = 0; k < m_current.shares.size(); ++k) {
        const auto &share = m_current.shares[k];
        auto &device = *m_devices[size_t(share.device)];
        const double predicted = m_request.devices[size_t(share.device)]
                                     .strips.at(m_current.end)
                                     .at(segment().work(share.rows));
        if (predicted <= 0 || attempt.shares[k].compute_s <= 0)
            continue;
        // As slow as the slowest of its last five: a device that got slow is believed at once
        // (the re-plan must still win twice in a row), one that seems fast again only after
        // five inferences (a device throttled by a CPU quota runs a small strip at full speed
        // within one period, the more so after the idle spell before each inference, and got
        // its rows back and lost them again every three or four with three).
        device.ratios.push_back(attempt.shares[k].compute_s / predicted);
        if (device.ratios.size() > 5)
            device.ratios.erase(device.ratios.begin());
        device.slowness = *std::max_element(device.ratios.begin(), device.ratios.end());
    }
    if (!m_settings.adapt)
        return;
    const auto request = estimated();
    const auto &seg = segment();
    plan::ClusterPlan candidate;
    try {
        candidate = plan::planCluster({seg}, request);
    } catch (const plan::ClusterError &) {
        return; // nothing meets the request at the speeds estimated: keep the shares
    }
    const auto rows = m_current.rowsByDevice(m_devices.size());
    const auto now = plan::evaluateByDevice(seg, request, rows);
    // Twice in a row: a plan that only one inference favours is not worth moving rows for.
    if (now.makespan_s <= candidate.makespan_s * (1 + m_settings.adaptThreshold)) {
        m_favoured = 0;
        return;
    }
    if (++m_favoured < 2)
        return;
    m_favoured = 0;
    deploy(candidate);
    m_current = candidate;
    event({run,
           "adapted",
           {},
           "rows " + plan::rowsText(rows) + " -> " +
               plan::rowsText(candidate.rowsByDevice(m_devices.size())) + ": predicted makespan " +
               millis(now.makespan_s) + " -> " + millis(candidate.makespan_s)},
          onEvent);
}

void ClusterRun::lose(int device, const std::string &why, int run,
                      const std::function<void(const store::ClusterEvent &)> &onEvent)
{
    auto &d = *m_devices[size_t(device)];
    d.lost = true;
    event({run, "lost", d.name, why}, onEvent);
    if (device == m_request.source)
        throw Error(ErrorKind::Unavailable,
                    d.name + " holds the input and is lost (" + why + "): the run cannot go on");
    m_request.excluded.push_back(d.name);
    // A device that is gone cannot be demanded.
    const int left = int(std::count_if(m_devices.begin(), m_devices.end(),
                                       [](const auto &other) { return !other->lost; }));
    m_request.devicesMin = std::min(m_request.devicesMin, left);
    if (m_request.devicesMax > left)
        m_request.devicesMax = 0;
    const auto before = m_current.rowsByDevice(m_devices.size());
    m_current = plan::planCluster({segment()}, estimated());
    deploy(m_current);
    event({run,
           "adapted",
           {},
           "rows " + plan::rowsText(before) + " -> " +
               plan::rowsText(m_current.rowsByDevice(m_devices.size())) + " without " + d.name},
          onEvent);
}

std::optional<store::ClusterInference> ClusterRun::runAlone(const torch::Tensor &x,
                                                            const torch::Tensor &reference, int run)
{
    const int fastest = m_comparison.fastest;
    if (m_devices[size_t(fastest)]->lost)
        return std::nullopt;
    const auto &seg = segment();
    std::vector<int64_t> rows(m_devices.size(), 0);
    rows[size_t(fastest)] = seg.rows();
    const auto single = plan::evaluateByDevice(seg, m_request, rows);
    const auto attempt = execute(single, x, kAlone);
    if (!attempt.completed)
        return std::nullopt;
    return record(attempt, single, reference, run, 0);
}

std::optional<store::ClusterInference>
ClusterRun::runEdgeDi(const torch::Tensor &x, const torch::Tensor &reference, int run)
{
    if (!m_settings.measureEdgeDi ||
        std::any_of(m_devices.begin(), m_devices.end(), [](const auto &d) { return d->lost; }))
        return std::nullopt;
    const auto attempt = execute(m_comparison.edgeDi, x, kEdgeDi);
    if (!attempt.completed)
        return std::nullopt;
    return record(attempt, m_comparison.edgeDi, reference, run, 0);
}

store::ClusterInference
ClusterRun::runShares(const torch::Tensor &x, const torch::Tensor &reference, int run,
                      const std::function<void(const ClusterStep &)> &onStep,
                      const std::function<void(const store::ClusterEvent &)> &onEvent)
{
    for (int number = 0;; ++number) {
        const auto attempt = execute(m_current, x, kStrip);
        auto inference = record(attempt, m_current, reference, run, number);
        if (m_db && m_clusterId)
            m_db->addClusterInference(m_clusterId, inference);
        if (attempt.completed) {
            adapt(attempt, run + 1, onEvent);
            return inference;
        }
        if (onStep)
            onStep({inference, std::nullopt, std::nullopt});
        lose(attempt.lostDevice, attempt.why, run, onEvent);
    }
}

void ClusterRun::run(const std::function<void(const ClusterStep &)> &onStep,
                     const std::function<void(const store::ClusterEvent &)> &onEvent,
                     const std::atomic<bool> *cancelled)
{
    // The reference runs here between inferences on one thread: a pool's threads would spin on
    // after it, on the cores the agents compute on.
    setComputeThreads(1);
    for (int i = 0; i < m_settings.warmup; ++i)
        execute(m_current, m_graph->sampleInput(m_settings.seed + 1000000 + uint64_t(i)), kStrip);
    for (int run = 0; run < m_settings.runs; ++run) {
        if (cancelled && *cancelled)
            throw Error(ErrorKind::Cancelled, "the cluster run was cancelled");
        const auto x = m_graph->sampleInput(m_settings.seed + uint64_t(run));
        torch::Tensor reference;
        {
            c10::InferenceMode guard;
            reference = m_graph->forward(x);
        }
        // The plan, the fastest device alone and EdgeDI's partition on the same input, each
        // first in turn, so that a slow spell falls on all of them alike, and each after the
        // devices were idle a while: one run right after another was 10-30 % slower (ResNet-50's
        // first blocks at half a core), which favoured whichever ran first.
        ClusterStep step;
        std::vector<std::function<void()>> ways{
            [&] { step.inference = runShares(x, reference, run, onStep, onEvent); },
            [&] { step.alone = runAlone(x, reference, run); }};
        if (m_settings.measureEdgeDi)
            ways.push_back([&] { step.edgeDi = runEdgeDi(x, reference, run); });
        for (size_t k = 0; k < ways.size(); ++k) {
            std::this_thread::sleep_for(kSettle);
            ways[(size_t(run) + k) % ways.size()]();
        }
        if (onStep)
            onStep(step);
    }
}

} // namespace cleave::remote
