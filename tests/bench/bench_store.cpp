// SPDX-License-Identifier: GPL-3.0-or-later
// Goal (issue "Benchmark agents"): committing one result to the store takes under 2 ms.
#include "core/store/store.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

using namespace cleave::store;

namespace {

void BM_CommitBlockTiming(benchmark::State &state)
{
    char folder[] = "/tmp/cleave-bench-XXXXXX";
    if (!mkdtemp(folder)) {
        state.SkipWithError("cannot make a temporary folder");
        return;
    }
    {
        // Real file, WAL, one transaction per result, as `bench` commits them.
        Store store(std::string(folder) + "/bench.cleave");
        const auto model =
            store.addModel({0, "bench", "zoo:resnet50", {1, 3, 224, 224}, 38, 25557032});
        const auto resource = store.addResource({0, "local-device", "device"});
        const auto run = store.beginRun(model, resource, {});
        int block = 0;
        for (auto _ : state)
            store.addBlockTiming(run, {block++, 0.01, 0.011, 0.009, 0.013, 0.001, 802816});
    }
    std::filesystem::remove_all(folder);
}
BENCHMARK(BM_CommitBlockTiming)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
