// SPDX-License-Identifier: GPL-3.0-or-later
// The ways one inference that starts on a device can run, ranked on the same measurements: the
// device alone, Scission (its first blocks on the device, the rest on the edge), the cluster
// (the first blocks in strips over several devices, the rest on the source device) and the
// cluster with the rest on the edge. Plain data, no LibTorch.
#pragma once

#include "core/plan/chain.h"
#include "core/plan/cluster.h"
#include "core/plan/planner.h"

#include <optional>
#include <string>
#include <vector>

namespace cleave::plan {

struct Deployment
{
    enum class Kind { DeviceAlone, Scission, Cluster, ClusterToEdge };
    Kind kind = Kind::DeviceAlone;
    double total_s = 0;
    std::optional<Configuration> split; ///< DeviceAlone and Scission: the planner's configuration
    /// Cluster and ClusterToEdge: the rounds (one, unless the strips are gathered at the source
    /// and sent out again) and the rest.
    std::optional<ChainPlan> cluster;
    std::string edge; ///< the edge resource it uses; empty for none
};

/// "device alone", "Scission device->edge", "cluster", "cluster->edge".
const char *deploymentName(Deployment::Kind kind);
/// "device_alone", "scission", "cluster", "cluster_edge": stable, for JSON.
const char *deploymentId(Deployment::Kind kind);

struct DeploymentRanking
{
    std::vector<Deployment> ranking; ///< fastest first
    /// Why a way is missing, and what the cluster's cost leaves out.
    std::vector<std::string> notes;
};

/// Ranks the four ways for the source device of `cluster` (devices with their strip fits and
/// links; their block times are taken from `planner`'s resources of the same names). The device
/// alone and Scission are the planner's best configurations for `request` on the source and
/// any edge; the cluster's are planCluster's, its rest on the source or on Scission's edge (the
/// first edge with timings when Scission has none). With the rest on the source, a chain of
/// rounds over `rounds` (their devices as in `cluster`, with fits of each round's segments)
/// when it is faster (fasterOf). A way that cannot be planned is left out with a note;
/// Error(NotFound) names the source when the planner has no timings of it.
DeploymentRanking rankDeployments(const Planner &planner, const PlanRequest &request,
                                  const std::vector<SegmentRows> &segments, ClusterRequest cluster,
                                  std::vector<RoundOptions> rounds = {});

} // namespace cleave::plan
