// SPDX-License-Identifier: GPL-3.0-or-later
// The cluster of stored devices on a stored model, with the model's row maps: what `plan
// --cluster`, `report --cluster-run` and the workbench's Cluster tab plan on.
#pragma once

#include "core/plan/clusterfigures.h"
#include "core/plan/fromstore.h"

#include <string>
#include <vector>

namespace cleave {

/// Opens `model` at `record`'s input (its row maps need LibTorch) and rebuilds the cluster of
/// `devices` from `db` (plan::clusterFromStore, with the rounds of a chain from every
/// roundFirsts cut); the request's output bytes are the model's.
plan::StoredCluster storedCluster(store::Store &db, const std::string &model,
                                  const store::ModelRecord &record,
                                  const std::vector<std::string> &devices,
                                  const plan::NetworkProfile &link);

/// What the cluster plots draw of stored cluster run `run` of `model` (at `record`): one
/// completed inference's time line, measured and as planned for its rows; the rows per device
/// over every completed inference; the speed-up against the number of devices on the run's
/// cuts (its segment, or its chain's rounds), gathered where the run gathered, with the
/// measured speed-up of every stored run of the model on the same source, aggregator and cuts.
struct StoredRunFigures
{
    store::ClusterInference inference; ///< the one drawn
    plan::ChainPlan planned;           ///< its rows, priced by `cluster`'s fits
    plan::ClusterTimeline measuredTimeline;
    plan::ClusterTimeline plannedTimeline;
    std::vector<plan::ShareColumn> shares;
    std::vector<plan::SpeedupPoint> speedup;
};

/// The figures of inference `inference` (1-based; none: the last completed) of `run`, priced by
/// `cluster` (storedCluster of the run's devices). Error(NotFound) names a run without that
/// completed inference.
StoredRunFigures storedRunFigures(store::Store &db, const std::string &model,
                                  const store::ModelRecord &record, const store::ClusterRecord &run,
                                  const plan::StoredCluster &cluster,
                                  std::optional<int> inference = {});

/// The link stored run `run` was planned on, when it was a preset; `fallback` otherwise.
plan::NetworkProfile storedLink(const store::ClusterRecord &run,
                                const plan::NetworkProfile &fallback);

} // namespace cleave
