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

/// The planner's best configuration for `request`, or a note saying why there is none.
std::optional<Configuration> best(const Planner &planner, PlanRequest request,
                                  Deployment::Kind kind, std::vector<std::string> &notes)
{
    request.top = 1;
    try {
        auto plan = planner.plan(request);
        if (!plan.ranking.empty())
            return plan.ranking.front();
    } catch (const PlanError &e) {
        notes.push_back(std::string(deploymentName(kind)) + ": " + e.what());
    }
    return std::nullopt;
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
        if (std::find(c.excludedResources.begin(), c.excludedResources.end(), d.name) !=
            c.excludedResources.end())
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
                Deployment::Kind kind, const std::string &edge, DeploymentRanking &out)
{
    try {
        Deployment d;
        d.kind = kind;
        d.cluster = planCluster(segments, cluster);
        d.total_s = d.cluster->total_s;
        d.edge = edge;
        out.ranking.push_back(std::move(d));
    } catch (const ClusterError &e) {
        out.notes.push_back(std::string(deploymentName(kind)) + ": " + e.what());
    }
}

} // namespace

const char *deploymentName(Deployment::Kind kind)
{
    switch (kind) {
    case Deployment::Kind::DeviceAlone:
        return "device alone";
    case Deployment::Kind::Scission:
        return "Scission device->edge";
    case Deployment::Kind::Cluster:
        return "cluster";
    case Deployment::Kind::ClusterToEdge:
        return "cluster->edge";
    }
    return "?";
}

DeploymentRanking rankDeployments(const Planner &planner, const PlanRequest &request,
                                  const std::vector<SegmentRows> &segments, ClusterRequest cluster)
{
    using Kind = Deployment::Kind;
    const auto &source = cluster.devices.at(size_t(cluster.source)).name;
    if (!resourceNamed(planner, source))
        throw Error(ErrorKind::NotFound,
                    source + " has no block timings of " + planner.model() + " to run the rest");
    DeploymentRanking out;
    const auto narrowed = onSource(planner, request, cluster);

    auto alone = narrowed;
    alone.tiers = {Tier::Device};
    if (auto config = best(planner, alone, Kind::DeviceAlone, out.notes))
        out.ranking.push_back({Kind::DeviceAlone, config->total_s, config, {}, {}});

    const bool withEdge =
        std::find(request.tiers.begin(), request.tiers.end(), Tier::Edge) != request.tiers.end();
    std::string edge;
    if (withEdge) {
        auto split = narrowed;
        split.tiers = {Tier::Device, Tier::Edge};
        split.constraints.requiredTiers.push_back(Tier::Edge);
        if (auto config = best(planner, split, Kind::Scission, out.notes)) {
            edge = config->resources[size_t(Tier::Edge)];
            out.ranking.push_back({Kind::Scission, config->total_s, config, {}, edge});
        }
    }

    cluster = adjusted(std::move(cluster), planner, request);
    auto onDevices = cluster;
    onDevices.aggregator = cluster.source;
    addCluster(segments, onDevices, Kind::Cluster, {}, out);

    if (withEdge && edge.empty())
        for (const auto &r : planner.resources())
            if (r.tier == Tier::Edge &&
                std::find(request.constraints.excludedResources.begin(),
                          request.constraints.excludedResources.end(),
                          r.name) == request.constraints.excludedResources.end()) {
                edge = r.name;
                break;
            }
    if (withEdge && edge.empty())
        out.notes.push_back(std::string(deploymentName(Kind::ClusterToEdge)) +
                            ": no edge has timings of " + planner.model());
    if (!edge.empty()) {
        auto toEdge = cluster;
        toEdge.aggregator.reset();
        toEdge.edgeBlock_s = resourceNamed(planner, edge)->block_s;
        const auto factor = request.constraints.slowdown.find(edge);
        if (factor != request.constraints.slowdown.end())
            for (auto &s : toEdge.edgeBlock_s)
                s *= factor->second;
        addCluster(segments, toEdge, Kind::ClusterToEdge, edge, out);
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
