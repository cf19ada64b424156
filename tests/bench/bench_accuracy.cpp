// SPDX-License-Identifier: GPL-3.0-or-later
// Goals (issue "Accuracy-aware planning"): the accuracy sweep's images per second for
// InspectNet over every split x 3 codecs x 2 TLs; no head prefix computed twice, i.e. the
// sweep's time over the sum, over the configurations, of the same images' tail forwards timed
// alone at most 1.2.
//
// Both are timed in one iteration, side by side: the sweep over N Fashion-MNIST test images,
// then every configuration's tail forwards over the same batches (its input the cut tensor
// computed beforehand, untimed). Beside them, the sweep over each configuration's own work
// timed alone (DeviceTL, codec, EdgeTL and tail): what sharing the prefixes costs beyond it.
#include "core/graph/modelgraph.h"
#include "core/tl/accuracy.h"
#include "core/tl/dataset.h"
#include "core/zoo/zoo.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <map>

using namespace cleave;

namespace {

using Clock = std::chrono::steady_clock;
constexpr int64_t kImages = 1000;
constexpr int kBatch = 64;

double seconds(Clock::time_point since)
{
    return std::chrono::duration<double>(Clock::now() - since).count();
}

struct Alone
{
    double tails_s = 0; ///< the tail forwards alone
    double own_s = 0;   ///< each configuration's own work: DeviceTL, codec, EdgeTL and tail
};

/// Every configuration's tail forwards over the data in batches, each tail's input (the cut
/// tensor through its TL and codec) made first and not timed; and, timed apart, the same with
/// the TL and the codec.
Alone alone(const graph::ModelGraph &model, const tl::Dataset &data,
            const tl::SweepRequest &request)
{
    c10::InferenceMode guard;
    Alone total;
    std::map<int, torch::jit::Module> tails;
    for (const auto &key : tl::sweepConfigurations(model, request)) {
        if (key == tl::unsplitKey(model))
            continue;
        auto [tail, added] = tails.try_emplace(key.split, model.tail(key.split));
        auto head = model.head(key.split);
        std::optional<tl::TransferLayer> layer;
        if (!key.tl.empty())
            layer.emplace(tl::TlSpec::parse(key.tl), model.cuts()[size_t(key.split)].shape());
        const auto codec = codec::Codec::parse(key.codec);
        for (int64_t b = 0; b < kImages; b += kBatch) {
            const auto cut =
                graph::runOnce(head, data.images.slice(0, b, std::min(kImages, b + kBatch)));
            const auto own = Clock::now();
            auto y = layer ? layer->down(cut) : cut;
            y = codec::roundTrip(y, codec);
            if (layer)
                y = layer->up(y);
            const auto start = Clock::now();
            benchmark::DoNotOptimize(graph::runOnce(tail->second, y));
            total.tails_s += seconds(start);
            total.own_s += seconds(own);
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
    double sweep = 0, tails = 0, own = 0, lowest = 1e9, highest = 0;
    for (auto _ : state) {
        const auto start = Clock::now();
        benchmark::DoNotOptimize(tl::sweepAccuracy(model, data, request, {}));
        const double took = seconds(start);
        state.SetIterationTime(took);
        const auto apart = alone(model, data, request);
        sweep += took;
        tails += apart.tails_s;
        own += apart.own_s;
        lowest = std::min(lowest, took / apart.tails_s);
        highest = std::max(highest, took / apart.tails_s);
    }
    const double runs = double(state.iterations());
    state.counters["configurations"] = double(tl::sweepConfigurations(model, request).size());
    state.counters["images_per_s"] = double(kImages) * runs / sweep;
    state.counters["sweep_over_tails"] = sweep / tails;
    state.counters["ratio_min"] = lowest; // of the rounds, each a sweep beside its tails
    state.counters["ratio_max"] = highest;
    // What the shared prefix and the bookkeeping add to the configurations' own work.
    state.counters["sweep_over_own_work"] = sweep / own;
}
BENCHMARK(BM_AccuracySweep)->UseManualTime()->Iterations(3)->Unit(benchmark::kSecond);

} // namespace

BENCHMARK_MAIN();
