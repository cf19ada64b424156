// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plan/chain.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>

namespace cleave::plan {

namespace {

/// A round's request: its rows only, the end fixed; the rest comes once, after the last round.
ClusterRequest roundOnly(ClusterRequest request, int end)
{
    request.segmentEnd = end;
    request.returnLeg = false;
    for (auto &d : request.devices)
        d.block_s.clear();
    request.edgeBlock_s.clear();
    return request;
}

/// Where the least time to a cut came from: the round that ends there.
struct Arrival
{
    double at_s = 0;
    int from = 0;
    ClusterPlan round;
};

} // namespace

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
            try {
                round = planCluster(o->segments, roundOnly(o->request, segment.end));
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

} // namespace cleave::plan
