// SPDX-License-Identifier: GPL-3.0-or-later
// A plan as data for other programs: the JSON `cleave-cli plan --json` and `plan --cluster
// --json` print and the workbench exports, and the ranking as CSV.
#pragma once

#include "core/plan/costs.h"
#include "core/plan/network.h"
#include "core/plan/partition.h"

#include <nlohmann/json.hpp>

#include <string>

namespace cleave::plan {

struct PlanRequest;
struct ClusterRequest;
struct Deployment;
struct DeploymentRanking;

nlohmann::json linkJson(const NetworkProfile &link);
/// A configuration's measured accuracy (top1, top5, agreement as fractions, drop_pp, dataset,
/// images, fine_tuned: false or how); null where none was measured.
nlohmann::json accuracyJson(const std::optional<MeasuredAccuracy> &accuracy);
/// With `tensors` (Planner::cutTensors), "tensors": what crosses each of its splits.
nlohmann::json configurationJson(const Configuration &c, int rank, bool threeTiers,
                                 const CutTensors &tensors = {});
/// The whole plan: model, link(s), mode, codec, the ranking and the planner's notes; with
/// accuracies, their data set and how many an accuracy limit left out unmeasured; with
/// PlanRequest::pareto, the Pareto front; with `tensors`, each configuration's.
nlohmann::json planJson(const std::string &model, const PlanRequest &request, const Plan &plan,
                        const CutTensors &tensors = {});
/// The partition comparison (plan --min-cut): the best partition over every allowed set of
/// device blocks and the order's best split at the same costs.
nlohmann::json partitionsJson(const PartitionComparison &comparison);
/// One way of a deployment ranking: kind, total, edge; a split's configuration, or the
/// cluster's rounds with each device's rows (by the names of `cluster`'s devices).
nlohmann::json deploymentJson(const Deployment &way, const ClusterRequest &cluster);
/// The ways ranked, fastest first: model, source, devices, link, ranking and notes.
nlohmann::json deploymentsJson(const std::string &model, const DeploymentRanking &ways,
                               const ClusterRequest &cluster, const NetworkProfile &link);

/// One row per configuration, best first: rank, splits, TL, total and every part in
/// milliseconds, upload bytes, its way ("split"), and its measured accuracy (top-1, top-5,
/// agreement as fractions, drop in points, how its TL was fine-tuned; empty: not measured). With
/// `ways` (and the `cluster` they were ranked for), a row after them for each of its cluster plans:
/// the rank it would take among the configurations, the segment's end as its split, the total, and
/// its way ("cluster" or "cluster_edge") and rows ("[0,10) 26/12/12 + [10,17) 14/6/5"). RFC 4180
/// quoting.
std::string rankingCsv(const Plan &plan, const DeploymentRanking *ways = nullptr,
                       const ClusterRequest *cluster = nullptr);

} // namespace cleave::plan
