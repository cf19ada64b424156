// SPDX-License-Identifier: GPL-3.0-or-later
// Goals (issue "Accuracy-aware planning"): the accuracy sweep's images per second for
// InspectNet over every split x 3 codecs x 2 TLs; no head prefix computed twice, i.e. the
// sweep's time over the sum, over the configurations, of the same images' tail forwards timed
// alone at most 1.2.
//
// Both are timed in one iteration, side by side: the sweep over N Fashion-MNIST test images,
// then every configuration's tail forwards over the same batches (its input the cut tensor
// computed beforehand, untimed).
#include "core/graph/modelgraph.h"
#include "core/tl/accuracy.h"
#include "core/tl/dataset.h"
#include "core/zoo/zoo.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <map>

using namespace cleave;

namespace {

using Clock = std::chrono::steady_clock;
constexpr int64_t kImages = 200;
constexpr int kBatch = 64;

double seconds(Clock::time_point since)
{
    return std::chrono::duration<double>(Clock::now() - since).count();
}

/// Every configuration's tail forwards over the data in batches, each tail's input (the cut
/// tensor through its TL and codec) made first and not timed.
double tailsAlone_s(const graph::ModelGraph &model, const tl::Dataset &data,
                    const tl::SweepRequest &request)
{
    c10::InferenceMode guard;
    double total = 0;
    std::map<int, torch::jit::Module> tails;
    for (const auto &key : tl::sweepConfigurations(model, request)) {
        if (key == tl::unsplitKey(model))
            continue;
        auto [tail, added] = tails.try_emplace(key.split, model.tail(key.split));
        auto head = model.head(key.split);
        std::optional<tl::TransferLayer> layer;
        if (!key.tl.empty())
            layer.emplace(tl::TlSpec::parse(key.tl), model.cuts()[size_t(key.split)].shape);
        const auto codec = codec::Codec::parse(key.codec);
        for (int64_t b = 0; b < kImages; b += kBatch) {
            auto y = graph::runOnce(head, data.images.slice(0, b, std::min(kImages, b + kBatch)));
            if (layer)
                y = layer->up(codec::decode(codec::encode(layer->down(y), codec), codec,
                                            layer->down(y).sizes().vec()));
            const auto start = Clock::now();
            benchmark::DoNotOptimize(graph::runOnce(tail->second, y));
            total += seconds(start);
        }
    }
    return total;
}

void BM_AccuracySweep(benchmark::State &state)
{
    const auto model = zoo::openModel("zoo:inspectnet");
    const auto data = tl::openDataset("fashion-mnist", false, {}, kImages);
    tl::SweepRequest request;
    for (int s = 0; s < model.blockCount(); ++s)
        request.splits.push_back(s);
    request.tls = {tl::TlSpec::parse("maxpool2"), tl::TlSpec::parse("avgpool2")};
    request.codecs = {codec::Codec::parse("fp32"), codec::Codec::parse("fp16"),
                      codec::Codec::parse("int8")};
    request.batch = kBatch;
    double sweep = 0, tails = 0;
    for (auto _ : state) {
        const auto start = Clock::now();
        benchmark::DoNotOptimize(tl::sweepAccuracy(model, data, request, {}));
        const double took = seconds(start);
        state.SetIterationTime(took);
        sweep += took;
        tails += tailsAlone_s(model, data, request);
    }
    const double runs = double(state.iterations());
    state.counters["configurations"] = double(tl::sweepConfigurations(model, request).size());
    state.counters["images_per_s"] = double(kImages) * runs / sweep;
    state.counters["sweep_over_tails"] = sweep / tails;
}
BENCHMARK(BM_AccuracySweep)->UseManualTime()->Iterations(3)->Unit(benchmark::kSecond);

} // namespace

BENCHMARK_MAIN();
