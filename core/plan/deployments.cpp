// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plan/deployments.h"

#include "core/plan/problem.h"

#include <algorithm>

namespace cleave::plan {

namespace {

const ResourceCosts *resourceNamed(const Planner &planner, const std::string &name)
{
    for (const auto &r : planner.resources())
        if (r.name == name)
            return &r;
    return nullptr;
}

bool excluded(const PlanRequest &request, const std::string &name)
{
    const auto &list = request.constraints.excludedResources;
    return std::find(list.begin(), list.end(), name) != list.end();
}

/// The planner's best configuration of `kind` (the device alone, or Scission using the edge)
/// for `request`, added to the ranking (returning the edge it uses); or a note saying why there
/// is none.
std::string addSplit(const Planner &planner, PlanRequest request, Deployment::Kind kind,
                     DeploymentRanking &out)
{
    const bool alone = kind == Deployment::Kind::DeviceAlone;
    request.tiers =
        alone ? std::vector<Tier>{Tier::Device} : std::vector<Tier>{Tier::Device, Tier::Edge};
    if (!alone)
        request.constraints.requiredTiers.push_back(Tier::Edge);
    request.top = 1;
    try {
        auto plan = planner.plan(request);
        if (plan.ranking.empty()) {
            out.notes.push_back(std::string(deploymentName(kind)) +
                                ": no configuration meets the constraints");
            return {};
        }
        const auto &config = plan.ranking.front();
        out.ranking.push_back({kind,
                               config.total_s,
                               config,
                               {},
                               alone ? std::string() : config.resources[size_t(Tier::Edge)]});
        return out.ranking.back().edge;
    } catch (const PlanError &e) {
        out.notes.push_back(std::string(deploymentName(kind)) + ": " + e.what());
    }
    return {};
}

/// The edge the cluster hands the rest to: Scission's, else the first edge with timings that
/// is not excluded; empty for none.
std::string clusterEdge(const Planner &planner, const PlanRequest &request,
                        const std::string &scissionEdge)
{
    if (!scissionEdge.empty())
        return scissionEdge;
    for (const auto &r : planner.resources())
        if (r.tier == Tier::Edge && !excluded(request, r.name))
            return r.name;
    return {};
}

/// The cluster with the rest on `edge`, its block times slowed as the request asks.
ClusterRequest toEdge(ClusterRequest cluster, const Planner &planner, const PlanRequest &request,
                      const std::string &edge)
{
    cluster.aggregator.reset();
    cluster.edgeBlock_s = resourceNamed(planner, edge)->block_s;
    const auto factor = request.constraints.slowdown.find(edge);
    if (factor != request.constraints.slowdown.end())
        for (auto &s : cluster.edgeBlock_s)
            s *= factor->second;
    return cluster;
}

/// The planner's request narrowed to the source: every other device left out.
PlanRequest onSource(const Planner &planner, PlanRequest request, const ClusterRequest &cluster)
{
    const auto &source = cluster.devices.at(size_t(cluster.source)).name;
    for (const auto &r : planner.resources())
        if (r.name != source && r.tier == Tier::Device)
            request.constraints.excludedResources.push_back(r.name);
    return request;
}

/// The cluster as the planner's request asks: its what-ifs, exclusions and return leg, and
/// the source's block times from the planner.
ClusterRequest adjusted(ClusterRequest cluster, const Planner &planner, const PlanRequest &request)
{
    const auto &c = request.constraints;
    cluster.returnLeg = request.returnLeg;
    const auto &source = cluster.devices.at(size_t(cluster.source)).name;
    cluster.outputBytes = resourceNamed(planner, source)->cutBytes.back();
    for (auto &d : cluster.devices) {
        if (excluded(request, d.name))
            cluster.excluded.push_back(d.name);
        if (const auto *r = resourceNamed(planner, d.name))
            d.block_s = r->block_s;
        const auto factor = c.slowdown.find(d.name);
        if (factor == c.slowdown.end())
            continue;
        for (auto &[end, cost] : d.strips) {
            cost.alpha_s *= factor->second;
            cost.beta_s *= factor->second;
        }
        for (auto &s : d.block_s)
            s *= factor->second;
    }
    return cluster;
}

void addCluster(const std::vector<SegmentRows> &segments, const ClusterRequest &cluster,
                const std::vector<RoundOptions> &rounds, Deployment::Kind kind,
                const std::string &edge, DeploymentRanking &out)
{
    try {
        Deployment d;
        d.kind = kind;
        d.cluster = fasterOf(planCluster(segments, cluster), rounds);
        d.total_s = d.cluster->total_s;
        d.edge = edge;
        out.ranking.push_back(std::move(d));
    } catch (const ClusterError &e) {
        out.notes.push_back(std::string(deploymentName(kind)) + ": " + e.what());
    }
}

} // namespace

namespace {

struct KindText
{
    const char *id;
    const char *name;
};

const KindText &textOf(Deployment::Kind kind)
{
    static const KindText texts[] = {{"device_alone", "device alone"},
                                     {"scission", "Scission device->edge"},
                                     {"cluster", "cluster"},
                                     {"cluster_edge", "cluster->edge"}};
    return texts[size_t(kind)];
}

} // namespace

const char *deploymentId(Deployment::Kind kind)
{
    return textOf(kind).id;
}

const char *deploymentName(Deployment::Kind kind)
{
    return textOf(kind).name;
}

DeploymentRanking rankDeployments(const Planner &planner, const PlanRequest &request,
                                  const std::vector<SegmentRows> &segments, ClusterRequest cluster,
                                  std::vector<RoundOptions> rounds)
{
    using Kind = Deployment::Kind;
    const auto &source = cluster.devices.at(size_t(cluster.source)).name;
    if (!resourceNamed(planner, source))
        throw Error(ErrorKind::NotFound,
                    source + " has no block timings of " + planner.model() + " to run the rest");
    DeploymentRanking out;
    const auto narrowed = onSource(planner, request, cluster);
    addSplit(planner, narrowed, Kind::DeviceAlone, out);
    const bool withEdge =
        std::find(request.tiers.begin(), request.tiers.end(), Tier::Edge) != request.tiers.end();
    const auto scissionEdge = withEdge ? addSplit(planner, narrowed, Kind::Scission, out) : "";

    // Each round's request: the cluster's, with the fits of the round's segments.
    for (auto &o : rounds) {
        o.request = adjusted(withFitsOf(cluster, o.request), planner, request);
        o.request.aggregator = o.request.source;
    }
    cluster = adjusted(std::move(cluster), planner, request);
    auto onDevices = cluster;
    onDevices.aggregator = cluster.source;
    addCluster(segments, onDevices, rounds, Kind::Cluster, {}, out);
    if (withEdge) {
        const auto edge = clusterEdge(planner, request, scissionEdge);
        if (edge.empty())
            out.notes.push_back(std::string(deploymentName(Kind::ClusterToEdge)) +
                                ": no edge has timings of " + planner.model());
        else
            addCluster(segments, toEdge(cluster, planner, request, edge), {}, Kind::ClusterToEdge,
                       edge, out);
    }

    if (request.codec != "fp32" || request.mode == Mode::ScissionTl)
        out.notes.push_back("the cluster's strips cross their links as raw float32: the codec "
                            "and the Transfer Layer apply to Scission only");
    std::stable_sort(
        out.ranking.begin(), out.ranking.end(),
        [](const Deployment &a, const Deployment &b) { return a.total_s < b.total_s; });
    return out;
}

} // namespace cleave::plan
