// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plan/clusterfigures.h"

#include "core/bench/statistics.h"
#include "core/error.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace cleave::plan {

namespace {

using Kind = TimelineSpan::Kind;

/// Adds a span unless it is empty.
void add(ClusterTimeline &t, int lane, Kind kind, double begin, double end, int round,
         int64_t bytes = 0)
{
    if (end > begin)
        t.spans.push_back({lane, kind, begin, end, round, bytes});
}

/// The aggregator's rest and return leg from `at`; the time line's end.
double tail(ClusterTimeline &t, double at, double rest_s, double return_s, int round)
{
    add(t, t.aggregatorLane(), Kind::Rest, at, at + rest_s, round);
    add(t, t.aggregatorLane(), Kind::Return, at + rest_s, at + rest_s + return_s, round);
    return at + rest_s + return_s;
}

double median(std::vector<double> values)
{
    return bench::summarise(std::move(values)).median_s;
}

} // namespace

ClusterTimeline predictedTimeline(const ChainPlan &plan, const ClusterRequest &request,
                                  const std::string &aggregator)
{
    ClusterTimeline t;
    for (const auto &d : request.devices)
        t.lanes.push_back(d.name);
    t.lanes.push_back(aggregator);
    double start = 0;
    for (size_t r = 0; r < plan.rounds.size(); ++r) {
        const auto &round = plan.rounds[r];
        for (const auto &s : round.shares) {
            add(t, s.device, Kind::Receive, start, start + s.received_s, int(r), s.inputBytes);
            add(t, s.device, Kind::Compute, start + s.received_s, start + s.computed_s, int(r));
            add(t, s.device, Kind::Send, start + s.computed_s, start + s.finish_s, int(r),
                s.outputBytes);
        }
        start += round.makespan_s;
    }
    const int last = int(plan.rounds.size()) - 1;
    t.total_s = tail(t, start, plan.rest_s, plan.rounds.back().return_s, last);
    return t;
}

ClusterTimeline measuredTimeline(const store::ClusterInference &inference,
                                 const std::vector<std::string> &devices,
                                 const std::string &aggregator)
{
    ClusterTimeline t;
    t.lanes = devices;
    t.lanes.push_back(aggregator);
    // Each round from its first rows at hand to its last strip at the aggregator.
    std::map<int, std::pair<double, double>> rounds;
    for (const auto &s : inference.shares) {
        auto [found, added] = rounds.try_emplace(s.round, s.received_s, s.finish_s);
        found->second.first = std::min(found->second.first, s.received_s);
        found->second.second = std::max(found->second.second, s.finish_s);
    }
    for (const auto &s : inference.shares) {
        const auto lane = std::find(devices.begin(), devices.end(), s.device) - devices.begin();
        if (size_t(lane) == devices.size())
            continue;
        const double start = rounds.at(s.round).first;
        const double computed = s.received_s + s.compute_s;
        add(t, int(lane), Kind::Receive, start, s.received_s, s.round);
        add(t, int(lane), Kind::Compute, s.received_s, computed, s.round);
        add(t, int(lane), Kind::Send, computed, s.finish_s, s.round);
    }
    double between = 0; // the stitching between rounds, part of the inference's stitch time
    for (auto r = rounds.begin(); r != rounds.end() && std::next(r) != rounds.end(); ++r) {
        const double end = r->second.second;
        const double next = std::next(r)->second.first;
        add(t, t.aggregatorLane(), Kind::Stitch, end, next, r->first);
        between += std::max(next - end, 0.0);
    }
    const int last = rounds.empty() ? 0 : rounds.rbegin()->first;
    const double end = inference.makespan_s;
    const double stitch = std::max(inference.stitch_s - between, 0.0);
    add(t, t.aggregatorLane(), Kind::Stitch, end, end + stitch, last);
    tail(t, end + stitch, inference.rest_s, inference.return_s, last);
    t.total_s = inference.total_s;
    return t;
}

std::vector<int64_t> rowsInRound(const store::ClusterInference &inference,
                                 const std::vector<std::string> &devices, int round)
{
    std::vector<int64_t> rows(devices.size(), 0);
    for (const auto &s : inference.shares) {
        const auto d = std::find(devices.begin(), devices.end(), s.device);
        if (s.round == round && d != devices.end())
            rows[size_t(d - devices.begin())] += s.rowsEnd - s.rowsBegin;
    }
    return rows;
}

std::vector<ShareColumn> shareHistory(const std::vector<store::ClusterInference> &inferences,
                                      const std::vector<std::string> &devices, int round)
{
    std::vector<ShareColumn> columns;
    for (const auto &i : inferences)
        if (i.completed)
            columns.push_back({i.run, rowsInRound(i, devices, round)});
    return columns;
}

std::vector<RoundProblem> roundProblems(const ChainPlan &chain,
                                        const std::vector<RoundOptions> &options)
{
    std::vector<RoundProblem> problems;
    for (const auto &round : chain.rounds) {
        const SegmentRows *segment = nullptr;
        const RoundOptions *from = nullptr;
        for (const auto &o : options)
            for (const auto &s : o.segments)
                if (o.first == round.first && s.end == round.end)
                    segment = &s, from = &o;
        if (!segment)
            throw Error(ErrorKind::NotFound, "no round [" + std::to_string(round.first) + ", " +
                                                 std::to_string(round.end) + ") to plan on");
        problems.push_back({*segment, roundRequest(from->request, round.end)});
    }
    return problems;
}

std::vector<SpeedupPoint> speedupByDevices(const std::vector<RoundProblem> &rounds)
{
    const auto &request = rounds.front().request;
    const auto excluded = [&](int d) {
        return std::find(request.excluded.begin(), request.excluded.end(),
                         request.devices[size_t(d)].name) != request.excluded.end();
    };
    // A device's speed over every round: one over its time for the rounds' segments alone.
    const auto speed = [&](int d) {
        double alone_s = 0;
        for (const auto &r : rounds)
            alone_s += 1.0 / r.request.devices[size_t(d)].speed(r.segment.end);
        return 1.0 / alone_s;
    };
    // The source always takes part; the others join fastest first.
    std::vector<int> order;
    for (int d = 0; d < int(request.devices.size()); ++d)
        if (d != request.source && !excluded(d))
            order.push_back(d);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return speed(a) > speed(b); });
    order.insert(order.begin(), request.source);
    double fastest = 0;
    for (int d : order)
        fastest = std::max(fastest, speed(d));
    std::vector<SpeedupPoint> points;
    double speeds = 0;
    for (size_t n = 1; n <= order.size(); ++n) {
        double makespan_s = 0, edgeDi_s = 0;
        for (const auto &r : rounds) {
            auto taking = r.request;
            taking.segmentEnd = r.segment.end;
            taking.devicesMin = 1;
            taking.devicesMax = 0;
            for (size_t k = n; k < order.size(); ++k)
                taking.excluded.push_back(request.devices[size_t(order[k])].name);
            makespan_s += planCluster({r.segment}, taking).makespan_s;
            edgeDi_s += edgeDiPlan(r.segment, taking).makespan_s;
        }
        speeds += speed(order[n - 1]);
        SpeedupPoint p;
        p.devices = int(n);
        p.predicted = 1.0 / fastest / makespan_s;
        p.edgeDi = 1.0 / fastest / edgeDi_s;
        p.bound = speeds / fastest;
        points.push_back(p);
    }
    return points;
}

std::vector<SpeedupPoint> speedupByDevices(const SegmentRows &segment,
                                           const ClusterRequest &request)
{
    return speedupByDevices(std::vector<RoundProblem>{{segment, request}});
}

std::optional<double> measuredSpeedup(const std::vector<store::ClusterInference> &inferences,
                                      const std::vector<store::ClusterBaseline> &baselines)
{
    std::vector<double> alone, makespans;
    for (const auto &b : baselines)
        if (b.way == "alone")
            alone.push_back(b.makespan_s);
    for (const auto &i : inferences)
        if (i.completed)
            makespans.push_back(i.makespan_s);
    if (alone.empty() || makespans.empty())
        return std::nullopt;
    return median(alone) / median(makespans);
}

int devicesUsed(const std::vector<store::ClusterInference> &inferences)
{
    for (auto i = inferences.rbegin(); i != inferences.rend(); ++i) {
        if (!i->completed)
            continue;
        std::set<std::string> devices;
        for (const auto &s : i->shares)
            devices.insert(s.device);
        return int(devices.size());
    }
    return 0;
}

} // namespace cleave::plan
