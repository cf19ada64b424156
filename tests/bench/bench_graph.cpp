// SPDX-License-Identifier: GPL-3.0-or-later
// Goals (issue "Foundation"): analysing a 600-node graph, TorchScript load excluded, under 1 s;
// verifying a 100-cut model in under 5x the time of 100 whole-model forwards.
#include "testmodels.h"

#include "core/graph/modelgraph.h"
#include "core/graph/verifier.h"

#include <benchmark/benchmark.h>

#include <chrono>

using namespace cleave;

namespace {

// 1 stem block + 3 stages x 40 residual blocks; frozen, each residual block is 5 compute nodes.
torch::jit::Module sixHundredNodeModel()
{
    return testing::residualCnn(3, 40, 16, 10, 1);
}
const graph::Shape kSmallImage{1, 3, 32, 32};

void BM_AnalyseGraph600Nodes(benchmark::State &state)
{
    const auto module = sixHundredNodeModel();
    int nodes = 0;
    for (auto _ : state) {
        const auto g = graph::ModelGraph::fromModule(module, "resnet-600", kSmallImage);
        nodes = g.nodeCount();
        benchmark::DoNotOptimize(g.cuts().data());
    }
    state.counters["nodes"] = nodes;
}
BENCHMARK(BM_AnalyseGraph600Nodes)->Unit(benchmark::kMillisecond)->MinTime(3);

// Both sides in one run on the same model, so the ratio is not skewed by a noisy machine.
void BM_VerifyVersusForwards(benchmark::State &state)
{
    // 50 conv+ReLU pairs: 100 blocks, 101 cuts.
    const auto g = graph::ModelGraph::fromModule(testing::convChain(50, 32, 1), "chain-100",
                                                 graph::Shape{1, 3, 56, 56});
    const auto x = g.sampleInput();
    using clock = std::chrono::steady_clock;
    double verifySeconds = 0;
    double forwardSeconds = 0;
    for (auto _ : state) {
        const auto t0 = clock::now();
        const auto report = graph::verifySplits(g);
        const auto t1 = clock::now();
        for (int i = 0; i < g.blockCount(); ++i)
            benchmark::DoNotOptimize(g.forward(x).data_ptr());
        const auto t2 = clock::now();
        verifySeconds += std::chrono::duration<double>(t1 - t0).count();
        forwardSeconds += std::chrono::duration<double>(t2 - t1).count();
        if (!report.passed())
            state.SkipWithError("verification failed");
    }
    state.counters["cuts"] = g.blockCount();
    state.counters["verify_s"] = verifySeconds / state.iterations();
    state.counters["forwards_s"] = forwardSeconds / state.iterations();
    state.counters["ratio"] = verifySeconds / forwardSeconds;
}
BENCHMARK(BM_VerifyVersusForwards)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

BENCHMARK_MAIN();
