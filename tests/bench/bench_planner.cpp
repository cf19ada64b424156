// SPDX-License-Identifier: GPL-3.0-or-later
// Goals (issue "Planner"): re-ranking every two-tier split of the largest zoo model under 1 ms;
// every three-tier configuration with two candidate resources per tier under 20 ms. The model's
// blocks and cut sizes are real (DenseNet-201, 118 blocks, analysed once); the timings are
// seeded random numbers of a realistic spread, as the planner does not care where they came from.
// Cluster (issue "One inference over a cluster"): 8 devices and every segment of ResNet-152
// under 50 ms, and every chain of rounds over them, its rows real, its strip fits seeded.
#include "densenetplanner.h"

#include "core/graph/modelgraph.h"
#include "core/plan/chain.h"
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

// A slider moving: each re-rank sees another bandwidth, 1 to 200 Mbit/s.
void rerank(benchmark::State &state, const plan::Planner &p, plan::PlanRequest r)
{
    int step = 0;
    int64_t evaluated = 0;
    for (auto _ : state) {
        r.link.uplink_bps = (1 + (step++ % 200)) * 1e6;
        const auto result = p.plan(r);
        evaluated = result.allowed;
        benchmark::DoNotOptimize(result.ranking.data());
    }
    state.counters["blocks"] = p.blocks();
    state.counters["configurations"] = double(evaluated);
}

void BM_RerankTwoTiers(benchmark::State &state, plan::Mode mode)
{
    rerank(state, planner(), request(mode, false));
}
BENCHMARK_CAPTURE(BM_RerankTwoTiers, scission, plan::Mode::Scission)->Unit(benchmark::kMicrosecond);

// Issue "Cuts anywhere": re-ranking at node granularity (DenseNet-201's 608 node cuts) under
// 5 ms.
void BM_RerankTwoTiersAtNodes(benchmark::State &state, plan::Mode mode)
{
    static const plan::Planner nodes = bench::densenetPlanner(false, graph::Granularity::Node);
    auto r = request(mode, false);
    r.constraints.excludedResources.clear(); // it has one device and one edge only
    rerank(state, nodes, r);
}
BENCHMARK_CAPTURE(BM_RerankTwoTiersAtNodes, scission, plan::Mode::Scission)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_RerankTwoTiersAtNodes, scissiontl_two_specs, plan::Mode::ScissionTl)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_RerankTwoTiers, scissiontl_two_specs, plan::Mode::ScissionTl)
    ->Unit(benchmark::kMicrosecond);

/// The same planner with an accuracy measured for every configuration (seeded), and the TL
/// fine-tuned at every third cut: a second version of those configurations.
const plan::Planner &plannerWithAccuracy()
{
    static const plan::Planner instance = [] {
        auto p = bench::densenetPlanner(true);
        std::mt19937 rng(11);
        std::uniform_real_distribution<double> top1(0.5, 0.8);
        const auto measured = [&](const std::string &fineTuned) {
            plan::MeasuredAccuracy a;
            a.dataset = "bench@0";
            a.images = 1000;
            a.top1 = top1(rng);
            a.top5 = 0.95;
            a.agreement = 0.9;
            a.fineTuned = fineTuned;
            return a;
        };
        std::vector<std::pair<plan::AccuracyTable::Key, plan::MeasuredAccuracy>> configurations;
        for (int s = 0; s < p.blocks(); ++s) {
            configurations.push_back({{s, "", "fp32"}, measured("")});
            for (const auto &spec : p.tlSpecs()) {
                configurations.push_back({{s, spec, "fp32"}, measured("")});
                if (s % 3 == 0)
                    configurations.push_back({{s, spec, "fp32"}, measured("1 epoch")});
            }
        }
        auto unsplit = measured("");
        unsplit.top1 = 0.8;
        p.setAccuracy(plan::AccuracyTable::of("bench@0", unsplit, std::move(configurations)));
        return p;
    }();
    return instance;
}

// Goal (issue "Accuracy-aware planning"): re-ranking with an accuracy limit, and the Pareto
// front, stays under 1 ms for the largest zoo model.
void BM_RerankWithAccuracyLimit(benchmark::State &state, bool pareto)
{
    const auto &p = plannerWithAccuracy();
    auto r = request(plan::Mode::ScissionTl, false);
    r.pareto = pareto;
    int step = 0;
    int64_t evaluated = 0;
    for (auto _ : state) {
        // The limit slider moving: 0.5 to 20 points.
        r.constraints.maxAccuracyDrop_pp = 0.5 + (step++ % 40) * 0.5;
        const auto result = p.plan(r);
        evaluated = result.allowed;
        benchmark::DoNotOptimize(result.ranking.data());
    }
    state.counters["blocks"] = p.blocks();
    state.counters["allowed"] = double(evaluated);
}
BENCHMARK_CAPTURE(BM_RerankWithAccuracyLimit, limit, false)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_RerankWithAccuracyLimit, limit_and_pareto, true)
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

// A chain of rounds gathered at the source: rounds from the input and from every cut after a
// downsampling, each to every later cut (`everyCut`) or, as `cluster` times them, to every cut
// after a downsampling; the same 8 devices.
void BM_PlanChain(benchmark::State &state, bool everyCut)
{
    const auto &c = resnet152Cluster();
    const auto g =
        graph::ModelGraph::fromModule(zoo::build("resnet152"), "zoo:resnet152", {1, 3, 224, 224},
                                      graph::ModelGraph::Original::Drop);
    const auto run = g.rowLocalRun(0);
    std::vector<plan::RoundOptions> options;
    for (const int first : plan::roundFirsts(run)) {
        plan::RoundOptions o;
        o.first = first;
        const auto from = g.rowLocalRun(first);
        std::vector<int> ends = from.segmentEnds();
        if (everyCut) {
            ends.clear();
            for (int end = first + 1; end <= from.end; ++end)
                ends.push_back(end);
        }
        o.segments = plan::SegmentRows::all(from, ends, g.cutBytes());
        o.request = c.request;
        o.request.aggregator = 0;
        for (auto &d : o.request.devices) {
            const double slowness = d.strips.at(1).alpha_s / 0.002;
            d.strips.clear();
            for (const int end : ends)
                d.strips[end] = {0.002 * slowness, 0.004 * slowness * (end - first)};
        }
        options.push_back(std::move(o));
    }
    size_t rounds = 0;
    for (auto _ : state) {
        const auto chain = plan::planChain(options);
        rounds = chain.rounds.size();
        benchmark::DoNotOptimize(chain.total_s);
    }
    size_t segments = 0;
    for (const auto &o : options)
        segments += o.segments.size();
    state.counters["segments"] = double(segments);
    state.counters["firsts"] = double(options.size());
    state.counters["rounds"] = double(rounds);
}
BENCHMARK_CAPTURE(BM_PlanChain, resnet152_8_devices_every_cut, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PlanChain, resnet152_8_devices_timed_cuts, false)
    ->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
