// SPDX-License-Identifier: GPL-3.0-or-later
// Goals (issue "Transfer Layer"): DeviceTL's time under 2% of the head's compute time on the
// largest zoo models; the training throughput in images per second on this machine.
//
// The head and DeviceTL are the real halves `cleave-cli export` writes: the TL model is cut at
// the original split (blocks before it) and at the wire (DeviceTL alone), and both are timed
// in the same loop, alternately, so that the ratio is taken side by side.
#include "core/graph/modelgraph.h"
#include "core/tl/dataset.h"
#include "core/tl/inserter.h"
#include "core/tl/trainer.h"
#include "core/zoo/zoo.h"

#include <ATen/Parallel.h>
#include <benchmark/benchmark.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace cleave;

namespace {

using Clock = std::chrono::steady_clock;

struct TimedHead
{
    int cut = 0;
    int cutCount = 0;
    graph::Shape cutShape;
    torch::jit::Module blocks;   ///< blocks [0, cut) of the TL model
    torch::jit::Module deviceTl; ///< blocks [cut, wire) of the TL model
};

// Where in the model: the applicable cut nearest to `fraction` of the way through.
TimedHead prepare(const std::string &name, double fraction)
{
    const auto &info = zoo::find(name);
    auto graph = graph::ModelGraph::fromModule(zoo::build(name), name, info.defaultInput);
    const auto spec = tl::TlSpec::parse("maxpool2");
    std::vector<int> applicable;
    for (const auto &c : graph.cuts()) {
        if (c.index > 0 && spec.appliesTo(c.shape()))
            applicable.push_back(c.index);
    }
    const int cut = applicable.at(size_t(fraction * double(applicable.size() - 1) + 0.5));
    const auto model = tl::insertTransferLayer(graph, cut, spec);
    auto split = tl::splitAtTransferLayer(model);
    TimedHead head{cut, int(graph.cuts().size()), model.cutShape, split.graph.slice(0, cut),
                   split.graph.slice(cut, split.wireCut)};
    head.blocks.eval();
    head.deviceTl.eval();
    return head;
}

double secondsOf(torch::jit::Module &module, const torch::Tensor &input, torch::Tensor *output)
{
    const auto start = Clock::now();
    auto out = module.forward({input}).toTensor();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (output)
        *output = out;
    return seconds;
}

void BM_DeviceTlShare(benchmark::State &state, const char *name, double fraction)
{
    torch::NoGradGuard noGrad;
    TimedHead head;
    try {
        head = prepare(name, fraction);
    } catch (const std::exception &e) {
        state.SkipWithError(e.what());
        return;
    }
    const auto input = torch::randn(zoo::find(name).defaultInput);
    torch::Tensor cutTensor;
    // Warm-up: the first runs of a TorchScript module profile and optimise it.
    for (int i = 0; i < 3; ++i) {
        secondsOf(head.blocks, input, &cutTensor);
        secondsOf(head.deviceTl, cutTensor, nullptr);
    }
    double blocks = 0, deviceTl = 0;
    for (auto _ : state) {
        blocks += secondsOf(head.blocks, input, &cutTensor);
        deviceTl += secondsOf(head.deviceTl, cutTensor, nullptr);
    }
    const double n = double(state.iterations());
    state.counters["split"] = head.cut;
    state.counters["of_cuts"] = head.cutCount - 1;
    state.counters["head_ms"] = 1e3 * blocks / n;
    state.counters["device_tl_ms"] = 1e3 * deviceTl / n;
    state.counters["tl_share_pct"] = 100.0 * deviceTl / blocks;
}

#define TL_SHARE(model)                                                                            \
    BENCHMARK_CAPTURE(BM_DeviceTlShare, model##_quarter, #model, 0.25)                             \
        ->Unit(benchmark::kMillisecond)                                                            \
        ->Iterations(10);                                                                          \
    BENCHMARK_CAPTURE(BM_DeviceTlShare, model##_middle, #model, 0.5)                               \
        ->Unit(benchmark::kMillisecond)                                                            \
        ->Iterations(10);                                                                          \
    BENCHMARK_CAPTURE(BM_DeviceTlShare, model##_three_quarters, #model, 0.75)                      \
        ->Unit(benchmark::kMillisecond)                                                            \
        ->Iterations(10)

TL_SHARE(vgg16);
TL_SHARE(resnet152);
TL_SHARE(densenet201);
TL_SHARE(inception_resnet_v2);

// Training throughput: InspectNet with maxpool2 at its middle cut on Fashion-MNIST, SGD over
// all layers or only those after the cut, batch 64, one epoch of the first 4,000 images.
void BM_TrainThroughput(benchmark::State &state, bool afterCutOnly)
{
    try {
        const auto train = tl::openDataset("fashion-mnist", true, {}, 4000);
        const auto test = tl::openDataset("fashion-mnist", false, {}, 500);
        auto graph = graph::ModelGraph::fromModule(zoo::build("inspectnet"), "inspectnet",
                                                   zoo::find("inspectnet").defaultInput);
        auto model = tl::insertTransferLayer(graph, 7, tl::TlSpec::parse("maxpool2"));
        const auto parameters = tl::trainableParameters(model, afterCutOnly);
        tl::TrainSettings settings;
        settings.learningRate = 0.01;
        double imagesPerSecond = 0;
        for (auto _ : state) {
            const auto reports = tl::train(model.module, parameters, train, test, settings);
            imagesPerSecond = reports.back().imagesPerSecond;
        }
        state.counters["images_per_s"] = imagesPerSecond;
        state.counters["threads"] = at::get_num_threads();
    } catch (const std::exception &e) {
        state.SkipWithError(e.what());
    }
}
BENCHMARK_CAPTURE(BM_TrainThroughput, all_layers, false)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(BM_TrainThroughput, after_cut_only, true)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

} // namespace

BENCHMARK_MAIN();
