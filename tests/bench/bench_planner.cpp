// SPDX-License-Identifier: GPL-3.0-or-later
// Goals (issue "Planner"): re-ranking every two-tier split of the largest zoo model under 1 ms;
// every three-tier configuration with two candidate resources per tier under 20 ms. The model's
// blocks and cut sizes are real (DenseNet-201, 118 blocks, analysed once); the timings are
// seeded random numbers of a realistic spread, as the planner does not care where they came from.
#include "core/plan/planner.h"
#include "core/zoo/zoo.h"

#include <benchmark/benchmark.h>

#include <random>

using namespace cleave;

namespace {

const plan::Planner &planner()
{
    static const plan::Planner instance = [] {
        const auto graph =
            zoo::openModel("zoo:densenet201", std::nullopt, 0, graph::ModelGraph::Original::Drop);
        std::vector<int64_t> cutBytes;
        std::vector<graph::Shape> shapes;
        for (const auto &cut : graph.cuts())
            cutBytes.push_back(cut.bytes);
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> time(0.1e-3, 8e-3);
        std::vector<plan::ResourceCosts> resources;
        const std::pair<const char *, plan::Tier> names[] = {
            {"d0", plan::Tier::Device}, {"d1", plan::Tier::Device}, {"e0", plan::Tier::Edge},
            {"e1", plan::Tier::Edge},   {"c0", plan::Tier::Cloud},  {"c1", plan::Tier::Cloud}};
        for (const auto &[name, tier] : names) {
            plan::ResourceCosts r;
            r.name = name;
            r.tier = tier;
            r.cutBytes = cutBytes;
            for (int b = 0; b < graph.blockCount(); ++b)
                r.block_s.push_back(time(rng));
            for (size_t s = 0; s < cutBytes.size(); ++s) {
                r.codecs["fp32"].push_back(
                    plan::WireCost{cutBytes[s] + 16, time(rng) / 10, time(rng) / 10});
                const bool image = graph.cuts()[s].shape.size() == 4;
                for (const char *spec : {"maxpool2", "maxpool4"})
                    r.tls[spec].push_back(
                        image ? std::optional<plan::TlCost>(
                                    plan::TlCost{time(rng) / 10, time(rng) / 10, cutBytes[s] / 4})
                              : std::nullopt);
            }
            resources.push_back(std::move(r));
        }
        return plan::Planner("zoo:densenet201", std::move(resources));
    }();
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

} // namespace

BENCHMARK_MAIN();
