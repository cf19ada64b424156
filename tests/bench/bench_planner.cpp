// SPDX-License-Identifier: GPL-3.0-or-later
// Goals (issue "Planner"): re-ranking every two-tier split of the largest zoo model under 1 ms;
// every three-tier configuration with two candidate resources per tier under 20 ms. The model's
// blocks and cut sizes are real (DenseNet-201, 118 blocks, analysed once); the timings are
// seeded random numbers of a realistic spread, as the planner does not care where they came from.
// Cluster (issue "One inference over a cluster"): 8 devices and every segment of ResNet-152
// under 50 ms, its rows real, its strip fits seeded.
#include "densenetplanner.h"

#include "core/graph/modelgraph.h"
#include "core/plan/cluster.h"
#include "core/zoo/zoo.h"

#include <benchmark/benchmark.h>

#include <random>

using namespace cleave;

namespace {

const plan::Planner &planner()
{
    static const plan::Planner instance = bench::densenetPlanner(true);
    return instance;
}

plan::PlanRequest request(plan::Mode mode, bool threeTiers)
{
    plan::PlanRequest r;
    r.link = plan::NetworkProfile::preset("5g-peak");
    r.cloudLink = plan::NetworkProfile::preset("wan");
    r.mode = mode;
    if (threeTiers)
        r.tiers = {plan::Tier::Device, plan::Tier::Edge, plan::Tier::Cloud};
    else
        r.constraints.excludedResources = {"d1", "e1"}; // one device, one edge
    return r;
}

void BM_RerankTwoTiers(benchmark::State &state, plan::Mode mode)
{
    const auto &p = planner();
    auto r = request(mode, false);
    int step = 0;
    int64_t evaluated = 0;
    for (auto _ : state) {
        // A slider moving: each re-rank sees another bandwidth, 1 to 200 Mbit/s.
        r.link.uplink_bps = (1 + (step++ % 200)) * 1e6;
        const auto result = p.plan(r);
        evaluated = result.allowed;
        benchmark::DoNotOptimize(result.ranking.data());
    }
    state.counters["blocks"] = p.blocks();
    state.counters["configurations"] = double(evaluated);
}
BENCHMARK_CAPTURE(BM_RerankTwoTiers, scission, plan::Mode::Scission)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_RerankTwoTiers, scissiontl_two_specs, plan::Mode::ScissionTl)
    ->Unit(benchmark::kMicrosecond);

void BM_RankThreeTiers(benchmark::State &state, plan::Mode mode)
{
    const auto &p = planner();
    const auto r = request(mode, true);
    int64_t evaluated = 0;
    for (auto _ : state) {
        const auto result = p.plan(r);
        evaluated = result.allowed;
        benchmark::DoNotOptimize(result.ranking.data());
    }
    state.counters["configurations"] = double(evaluated);
}
BENCHMARK_CAPTURE(BM_RankThreeTiers, scission, plan::Mode::Scission)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_RankThreeTiers, scissiontl_two_specs, plan::Mode::ScissionTl)
    ->Unit(benchmark::kMillisecond);

struct Cluster
{
    std::vector<plan::SegmentRows> segments;
    plan::ClusterRequest request;
};

const Cluster &resnet152Cluster()
{
    static const Cluster cluster = [] {
        Cluster c;
        const auto g =
            graph::ModelGraph::fromModule(zoo::build("resnet152"), "zoo:resnet152",
                                          {1, 3, 224, 224}, graph::ModelGraph::Original::Drop);
        const auto run = g.rowLocalRun(0);
        std::vector<int> ends;
        for (int end = 1; end <= run.end; ++end)
            ends.push_back(end);
        std::vector<int64_t> cutBytes;
        for (const auto &cut : g.cuts())
            cutBytes.push_back(cut.bytes);
        c.segments = plan::SegmentRows::all(run, ends, cutBytes);
        std::mt19937 random(8);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        for (int d = 0; d < 8; ++d) {
            plan::ClusterDevice device;
            device.name = "pi" + std::to_string(d);
            device.link = plan::NetworkProfile::preset("lan");
            const double slowness = 1 + 9 * unit(random); // up to 10x apart
            for (const auto &s : c.segments)
                device.strips[s.end] = {0.002 * slowness, 0.004 * slowness * s.end};
            device.block_s.assign(size_t(g.blockCount()), 0.01 * slowness);
            c.request.devices.push_back(device);
        }
        c.request.edgeBlock_s.assign(size_t(g.blockCount()), 0.001);
        c.request.outputBytes = cutBytes.back();
        return c;
    }();
    return cluster;
}

void BM_PlanCluster(benchmark::State &state, bool edge)
{
    auto c = resnet152Cluster();
    if (!edge)
        c.request.aggregator = 0;
    int used = 0;
    int end = 0;
    for (auto _ : state) {
        const auto plan = plan::planCluster(c.segments, c.request);
        used = int(plan.shares.size());
        end = plan.end;
        benchmark::DoNotOptimize(plan.total_s);
    }
    state.counters["segments"] = double(c.segments.size());
    state.counters["devices"] = double(c.request.devices.size());
    state.counters["used"] = used;
    state.counters["end"] = end;
}
BENCHMARK_CAPTURE(BM_PlanCluster, resnet152_8_devices_edge, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PlanCluster, resnet152_8_devices_no_edge, false)
    ->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
