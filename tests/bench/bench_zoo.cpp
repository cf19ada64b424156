// SPDX-License-Identifier: GPL-3.0-or-later
// Goals (issue "Model zoo"): building ResNet-101 in memory under 3 s; building a model holds at
// most twice its parameter bytes. (`cleave-cli zoo list` prints the whole zoo, under 30 s.)
#include "core/zoo/zoo.h"
#include "procstatus.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

using namespace cleave;

namespace {

using cleave::bench::statusKilobytes;

using cleave::bench::resetPeakRss;

void BM_BuildResNet101(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(zoo::build("resnet101")._ivalue().get());
}
BENCHMARK(BM_BuildResNet101)->Unit(benchmark::kMillisecond)->Iterations(3);

const char *const kMeasureFlag = "--measure-build=";

// Run in a child process of its own, so that what earlier builds left in the allocator does not
// blur the figure: peak memory growth while building, over the model's parameter and buffer bytes.
int measureBuild(const std::string &name)
{
    if (!resetPeakRss())
        return 1;
    const int64_t before = statusKilobytes("VmRSS");
    const auto model = zoo::build(name);
    const int64_t peak = statusKilobytes("VmHWM");
    int64_t bytes = 0;
    for (const auto &p : model.parameters())
        bytes += p.nbytes();
    for (const auto &b : model.buffers())
        bytes += b.nbytes();
    std::printf("%lld %.4f\n", static_cast<long long>(bytes),
                double(peak - before) * 1024.0 / double(bytes));
    return 0;
}

void BM_BuildMemory(benchmark::State &state, const char *name)
{
    long long bytes = 0;
    double ratio = 0;
    for (auto _ : state) {
        const auto command =
            std::filesystem::read_symlink("/proc/self/exe").string() + ' ' + kMeasureFlag + name;
        FILE *child = popen(command.c_str(), "r");
        if (!child || std::fscanf(child, "%lld %lf", &bytes, &ratio) != 2) {
            state.SkipWithError("the measuring child process failed");
            if (child)
                pclose(child);
            return;
        }
        pclose(child);
    }
    state.counters["model_MB"] = double(bytes) / 1e6;
    state.counters["peak_over_model"] = ratio;
}
BENCHMARK_CAPTURE(BM_BuildMemory, vgg16, "vgg16")->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(BM_BuildMemory, resnet152, "resnet152")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(BM_BuildMemory, inception_resnet_v2, "inception_resnet_v2")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(BM_BuildMemory, densenet201, "densenet201")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

} // namespace

int main(int argc, char **argv)
{
    if (argc == 2 && std::string(argv[1]).rfind(kMeasureFlag, 0) == 0)
        return measureBuild(std::string(argv[1]).substr(std::strlen(kMeasureFlag)));
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
