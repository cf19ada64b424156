// SPDX-License-Identifier: GPL-3.0-or-later
// Goal (issue "Benchmark agents"): an agent holds at most 1.5x the model's size beyond
// LibTorch's baseline, measured on a real cleave-agent process: resident memory after GetInfo
// (LibTorch loaded, no model) against its peak while loading and benchmarking the model, and
// against what it still holds afterwards.
#include "procstatus.h"
#include "remote/client/agentclient.h"
#include "remote/client/localagents.h"

#include <benchmark/benchmark.h>

#include <fstream>
#include <string>

namespace v1 = cleave::agent::v1;

namespace {

using cleave::bench::statusKilobytes;

void BM_AgentMemory(benchmark::State &state, const char *model)
{
    double ratio = 0;
    double held = 0;
    double modelMB = 0;
    for (auto _ : state) {
        cleave::remote::AgentProcess agent("memory", "edge", 1);
        cleave::remote::AgentClient client(agent.address());
        client.info();
        const int64_t baseline = statusKilobytes("VmRSS", agent.pid());
        const auto loaded = client.loadZoo(model, 0, std::nullopt);
        v1::BenchmarkRequest request;
        request.set_model_id(loaded.model_id());
        request.set_warmup(1);
        request.set_reps(2);
        client.benchmark(request, [](const v1::BenchmarkEvent &) {});
        const int64_t peak = statusKilobytes("VmHWM", agent.pid());
        const int64_t after = statusKilobytes("VmRSS", agent.pid());
        // Parameters are float32; BatchNorm statistics add well under 1 %.
        const double bytes = double(loaded.parameters()) * 4.0;
        modelMB = bytes / 1e6;
        ratio = double(peak - baseline) * 1024.0 / bytes;
        held = double(after - baseline) * 1024.0 / bytes;
    }
    state.counters["model_MB"] = modelMB;
    state.counters["peak_over_model"] = ratio;
    state.counters["held_over_model"] = held; // resident once loaded and benchmarked
}
BENCHMARK_CAPTURE(BM_AgentMemory, resnet50, "resnet50")->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_AgentMemory, vgg16, "vgg16")->Unit(benchmark::kSecond)->Iterations(1);

} // namespace

BENCHMARK_MAIN();
