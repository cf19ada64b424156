// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plan/chain.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <map>
#include <optional>

namespace cleave::plan {

namespace {

/// Where the least time to a cut came from: the round that ends there.
struct Arrival
{
    double at_s = 0;
    int from = 0;
    ClusterPlan round;
};

} // namespace

ClusterRequest roundRequest(ClusterRequest request, int end)
{
    request.segmentEnd = end;
    request.returnLeg = false;
    for (auto &d : request.devices)
        d.block_s.clear();
    request.edgeBlock_s.clear();
    return request;
}

ClusterRequest withFitsOf(ClusterRequest base, const ClusterRequest &fits)
{
    for (size_t i = 0; i < base.devices.size(); ++i)
        base.devices[i].strips = fits.devices.at(i).strips;
    return base;
}

std::vector<int> roundFirsts(const graph::RowLocalRun &run)
{
    auto firsts = run.segmentEnds();
    if (!firsts.empty())
        firsts.pop_back();
    firsts.insert(firsts.begin(), run.first);
    return firsts;
}

std::vector<RoundOptions>
roundOptions(const std::vector<graph::RowLocalRun> &runs, const std::vector<int> &ends,
             const std::vector<int64_t> &cutBytes, const std::vector<double> &blockWeights,
             const ClusterRequest &request, const std::vector<std::vector<StripTime>> &timings)
{
    std::vector<RoundOptions> options;
    for (const auto &run : runs) {
        RoundOptions o;
        o.first = run.first;
        std::vector<int> after;
        std::copy_if(ends.begin(), ends.end(), std::back_inserter(after),
                     [&](int end) { return end > run.first; });
        o.segments = SegmentRows::all(run, after, cutBytes, blockWeights);
        o.request = request;
        for (size_t i = 0; i < o.request.devices.size(); ++i)
            o.request.devices[i].strips = fitStrips(o.segments, timings.at(i));
        options.push_back(std::move(o));
    }
    return options;
}

ChainPlan planChain(const std::vector<RoundOptions> &options)
{
    std::vector<const RoundOptions *> byFirst;
    for (const auto &o : options) {
        if (!o.request.aggregator || *o.request.aggregator != o.request.source)
            throw Error(ErrorKind::InvalidInput, "the round from cut " + std::to_string(o.first) +
                                                     " does not gather at its source device");
        byFirst.push_back(&o);
    }
    std::sort(byFirst.begin(), byFirst.end(),
              [](const RoundOptions *a, const RoundOptions *b) { return a->first < b->first; });
    if (byFirst.empty() || byFirst.front()->first != 0)
        throw Error(ErrorKind::InvalidInput, "a chain of rounds starts at the input (cut 0)");

    // Rounds from a cut are planned once the least time to it is known: every round that ends
    // there starts at an earlier cut.
    std::map<int, Arrival> best{{0, {}}};
    std::optional<ClusterError> fromInput; // why a round from the input could not be planned
    for (const auto *o : byFirst) {
        const auto start = best.find(o->first);
        if (start == best.end())
            continue;
        const double startAt = start->second.at_s;
        for (const auto &segment : o->segments) {
            ClusterPlan round;
            auto request = roundRequest(o->request, segment.end);
            // A later round on one device is the rest on the source under another name.
            if (o->first > 0)
                request.devicesMin = std::max(request.devicesMin, 2);
            try {
                round = planCluster(o->segments, request);
            } catch (const ClusterError &e) {
                if (o->first == 0 && !fromInput)
                    fromInput = e;
                continue;
            }
            const double at = startAt + round.makespan_s;
            const auto known = best.find(segment.end);
            if (known == best.end() || at < known->second.at_s)
                best[segment.end] = {at, o->first, std::move(round)};
        }
    }

    const auto &first = byFirst.front()->request;
    const auto &rest = first.devices[size_t(*first.aggregator)].block_s;
    const auto restFrom = [&](int cut) {
        double sum = 0;
        for (size_t b = size_t(cut); b < rest.size(); ++b)
            sum += rest[b];
        return sum;
    };
    int end = -1;
    double total = std::numeric_limits<double>::infinity();
    for (const auto &[cut, arrival] : best)
        if (cut > 0 && arrival.at_s + restFrom(cut) < total) {
            total = arrival.at_s + restFrom(cut);
            end = cut;
        }
    if (end < 0)
        throw fromInput.value_or(
            ClusterError({ClusterProblem::Kind::NoStripTimings, first.devices.front().name}));
    ChainPlan chain;
    chain.rest_s = restFrom(end);
    chain.total_s = total;
    for (int cut = end; cut > 0; cut = best.at(cut).from)
        chain.rounds.insert(chain.rounds.begin(), best.at(cut).round);
    return chain;
}

ChainPlan fasterOf(const ClusterPlan &single, const std::vector<RoundOptions> &options)
{
    if (options.empty())
        return ChainPlan::single(single);
    auto chain = planChain(options);
    if (chain.rounds.size() < 2 || chain.total_s >= single.total_s)
        return ChainPlan::single(single);
    return chain;
}

} // namespace cleave::plan
