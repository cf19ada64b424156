// SPDX-License-Identifier: GPL-3.0-or-later
// Goal (issue "Benchmark agents"): an agent holds at most 1.5x the model's size beyond
// LibTorch's baseline, measured on a real cleave-agent process. Two baselines are reported:
//  - cold: resident memory after GetInfo (LibTorch loaded, nothing run yet);
//  - warm: after a small model (MobileNetV2, same 224x224 input) has been loaded and
//    benchmarked, so LibTorch's first-inference working set (BLAS buffers, the JIT executor,
//    the allocator's pools) is already there and is not charged to the model. The peak is
//    measured from there on by resetting the process's high-water mark (/proc/PID/clear_refs).
#include "procstatus.h"
#include "remote/client/agentclient.h"
#include "remote/client/localagents.h"

#include <benchmark/benchmark.h>

#include <fstream>
#include <string>

namespace v1 = cleave::agent::v1;

namespace {

using cleave::bench::statusKilobytes;

struct Figures
{
    double peakOverModel = 0;
    double heldOverModel = 0;
};

// Loads and benchmarks `model` on `client`'s agent; memory beyond `baselineKb` over its size.
Figures loadAndBenchmark(cleave::remote::AgentClient &client, pid_t pid, const std::string &model,
                         int64_t baselineKb, double *modelBytes)
{
    const auto loaded = client.loadZoo(model, 0, std::nullopt);
    v1::BenchmarkRequest request;
    request.set_model_id(loaded.model_id());
    request.set_warmup(1);
    request.set_reps(2);
    client.benchmark(request, [](const v1::BenchmarkEvent &) {});
    // Parameters are float32; BatchNorm statistics add well under 1 %.
    const double bytes = double(loaded.parameters()) * 4.0;
    if (modelBytes)
        *modelBytes = bytes;
    return {double(statusKilobytes("VmHWM", pid) - baselineKb) * 1024.0 / bytes,
            double(statusKilobytes("VmRSS", pid) - baselineKb) * 1024.0 / bytes};
}

void BM_AgentMemory(benchmark::State &state, const char *model)
{
    Figures cold;
    Figures warm;
    double bytes = 0;
    for (auto _ : state) {
        {
            cleave::remote::AgentProcess agent("memory", "edge", 1);
            cleave::remote::AgentClient client(agent.address());
            client.info();
            cold = loadAndBenchmark(client, agent.pid(), model,
                                    statusKilobytes("VmRSS", agent.pid()), &bytes);
        }
        cleave::remote::AgentProcess agent("memory", "edge", 1);
        cleave::remote::AgentClient client(agent.address());
        loadAndBenchmark(client, agent.pid(), "mobilenet_v2", 0, nullptr);
        cleave::bench::resetPeakRss(agent.pid());
        warm = loadAndBenchmark(client, agent.pid(), model, statusKilobytes("VmRSS", agent.pid()),
                                nullptr);
    }
    state.counters["model_MB"] = bytes / 1e6;
    state.counters["cold_peak_over_model"] = cold.peakOverModel;
    state.counters["cold_held_over_model"] = cold.heldOverModel;
    state.counters["warm_peak_over_model"] = warm.peakOverModel;
    state.counters["warm_held_over_model"] = warm.heldOverModel; // resident once benchmarked
}
BENCHMARK_CAPTURE(BM_AgentMemory, resnet50, "resnet50")->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_AgentMemory, vgg16, "vgg16")->Unit(benchmark::kSecond)->Iterations(1);

} // namespace

BENCHMARK_MAIN();
