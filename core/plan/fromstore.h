// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plan/chain.h"
#include "core/plan/cluster.h"
#include "core/plan/planner.h"
#include "core/store/store.h"

#include <optional>

namespace cleave::plan {

/// The accuracies of one model's configurations as the planner reads them: those measured on
/// the data set with the most configurations among those where the unsplit model (split
/// `blocks`) was measured too, each on as many images as the unsplit model (fewer: a sweep
/// cut short, left out); none without such a data set.
std::optional<AccuracyTable> accuracyTable(const std::vector<store::AccuracyRecord> &records,
                                           int blocks);

/// A planner over the newest complete timings of `model` (a .pt path or zoo:NAME, as given to
/// `cleave-cli bench`) on every resource that has them, with the accuracies measured of it
/// (accuracyTable). When several records carry that name
/// (other seeds or input shapes), the newest one with complete runs is used; only those cut at
/// `granularity`. Without any: PlanError(NoTimings), naming the model and the store.
Planner plannerFromStore(store::Store &db, const std::string &model,
                         graph::Granularity granularity = graph::Granularity::Block);
/// The same over one record of the model.
Planner plannerFromStore(store::Store &db, const store::ModelRecord &record);

/// The newest complete timings of `model` on `resource` as the planner costs them (block times
/// scaled to add up to the whole model's); none when it has no complete run.
std::optional<ResourceCosts> resourceCosts(store::Store &db, const store::ModelRecord &model,
                                           const store::Resource &resource);

/// The newest offloaded run of `model` at each split, without and with a Transfer Layer, that
/// went through `request`'s link with its codec, summarised and set beside the total that
/// `predicted` (the planner's series for the same request) gives that configuration. Runs with
/// a TL other than the one ScissionTL takes at their split are left out.
MeasuredSeries measuredFromStore(store::Store &db, const std::string &model,
                                 const PlanRequest &request, const SplitSeries &predicted);

/// A cluster as the store knows it: its devices' strip fits and the segments they are fitted on.
struct StoredCluster
{
    ClusterRequest request;
    std::vector<SegmentRows> segments; ///< every end of the row-local run from the input
    /// Rounds of a chain from every first cut with strip timings past the input (else none).
    std::vector<RoundOptions> rounds;
};

/// Stored strip timings as the cluster planner fits them (their medians).
std::vector<StripTime> stripTimes(const std::vector<store::StripTiming> &timings);

/// The newest record of `model` with strip timings on every one of `devices` (resource names,
/// the source first): the record a cluster plan and its planner read. Error(NotFound) names a
/// device the store does not know or one without strip timings of the model; Error(InvalidInput)
/// a device listed twice.
store::ModelRecord clusterRecord(store::Store &db, const std::string &model,
                                 const std::vector<std::string> &devices);

/// The cluster of `devices` on `record`: the segments of `run` (the record's graph's row-local
/// run from the input, `cutBytes` per cut) weighed by the source's block timings, each device's
/// fit on every segment it has timings of, and `link` as its link; with `roundRuns` (the
/// row-local runs from roundFirsts(run)) and timings of segments past the input, the rounds of
/// a chain too. Error(NotFound) when the source has no block timings of the record.
StoredCluster clusterFromStore(store::Store &db, const store::ModelRecord &record,
                               const std::vector<std::string> &devices, const NetworkProfile &link,
                               const graph::RowLocalRun &run, const std::vector<int64_t> &cutBytes,
                               const std::vector<graph::RowLocalRun> &roundRuns = {});

/// The model's cluster run `id` (none: its newest) with the record of the model it ran on; none
/// when the store has no such run of `model`.
std::optional<std::pair<store::ModelRecord, store::ClusterRecord>>
storedClusterRun(store::Store &db, const std::string &model, std::optional<int64_t> id = {});

/// `cluster` gathered where stored run `record` gathered: on its source device (the rest on
/// that device's block timings of `model`; each round of a chain with the same request and its
/// own fits) or on an edge (its block timings; no rounds: they gather at the source).
/// Error(NotFound) when the aggregator has no block timings of `model`.
StoredCluster gatheredAs(store::Store &db, const store::ModelRecord &model,
                         const store::ClusterRecord &record, StoredCluster cluster);

/// The plan of one stored inference of cluster run `record`: each round's rows as the
/// inference's shares give them (the cuts of `record`), priced by `cluster`'s fits and links
/// (clusterFromStore's, with its rounds for a chain), the rest on `record.aggregator` (the
/// source device or an edge, its block timings of `model` read from `db`) and, from an edge,
/// the model's output (`cluster.request.outputBytes`) back. Error(NotFound) when the aggregator has
/// no block timings of `model` or the cluster no fits of a round.
ChainPlan storedPlan(store::Store &db, const store::ModelRecord &model,
                     const store::ClusterRecord &record, const store::ClusterInference &inference,
                     const StoredCluster &cluster);

} // namespace cleave::plan
