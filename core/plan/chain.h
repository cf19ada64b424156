// SPDX-License-Identifier: GPL-3.0-or-later
// A chain of cluster rounds: the strips of one segment go back to the aggregator, are stitched,
// and the next segment's strips go out again from there (the cluster design notes' first way of
// chaining segments). Each round is one planCluster problem; the chain is a shortest path over
// the cuts. Plain data, no LibTorch.
#pragma once

#include "core/plan/cluster.h"

#include <vector>

namespace cleave::plan {

/// The segments that start at one cut and the cluster's fits of them: one round's candidates.
struct RoundOptions
{
    int first = 0;
    std::vector<SegmentRows> segments; ///< [first, end) for each end (SegmentRows::first == first)
    ClusterRequest request;            ///< the devices and their fits of these segments, by end
};

/// A chain of rounds, then the rest of the model on the aggregator.
struct ChainPlan
{
    std::vector<ClusterPlan> rounds; ///< in order; each without rest or return leg
    double rest_s = 0;
    double total_s = 0; ///< the rounds' makespans and the rest (the result is at the source)
    /// One segment as a chain of one round (its rest and return leg stay in the round).
    static ChainPlan single(const ClusterPlan &round)
    {
        return {{round}, round.rest_s, round.total_s};
    }
    /// The rounds' makespans: the last strip of the last round at the aggregator.
    double makespan_s() const
    {
        double sum = 0;
        for (const auto &round : rounds)
            sum += round.makespan_s;
        return sum;
    }
};

/// One round's request: segment `end` fixed, no rest and no return leg (the rest comes once,
/// after the last round).
ClusterRequest roundRequest(ClusterRequest request, int end);

/// `base` with each device's strip fits taken from `fits` (the same devices, in order): a
/// round's request when its fits are its own and everything else is the cluster's.
ClusterRequest withFitsOf(ClusterRequest base, const ClusterRequest &fits);

/// The cuts a chain's rounds may start at: the input, and every end of `run` (the row-local run
/// from the input) but its last, where a round can gather and the next scatter again.
std::vector<int> roundFirsts(const graph::RowLocalRun &run);

/// Each round's candidates: for the row-local run from each first cut (`runs`, the one from the
/// input first), its segments to every end of `ends` after that cut (SegmentRows::all with
/// `cutBytes` and `blockWeights`), and `request` with each device's fits of them from its strip
/// timings (`timings[i]` for request.devices[i]; those of other segments are ignored).
std::vector<RoundOptions>
roundOptions(const std::vector<graph::RowLocalRun> &runs, const std::vector<int> &ends,
             const std::vector<int64_t> &cutBytes, const std::vector<double> &blockWeights,
             const ClusterRequest &request, const std::vector<std::vector<StripTime>> &timings);

/// The chain with the least total. Every round gathers at its source device, which aggregates
/// and sends the next round's strips; each round is planned exactly (planCluster with its end
/// fixed, no rest; every round but the first on two devices or more: one device would be the
/// rest on the source), and the chain is the shortest path over the cuts from the input. `options`
/// must hold the round from the input (first 0), whose aggregator's block times give the rest.
/// Error(InvalidInput) when a round's aggregator is not its source or none starts at the input;
/// ClusterError when no round from the input can be planned.
ChainPlan planChain(const std::vector<RoundOptions> &options);

/// The faster of one segment (`single`, planCluster's plan) and the chain of rounds over
/// `options` (none: `single`): the chain only when it has two rounds or more and a smaller
/// total. Error as planChain.
ChainPlan fasterOf(const ClusterPlan &single, const std::vector<RoundOptions> &options);

} // namespace cleave::plan
