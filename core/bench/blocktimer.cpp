// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/bench/blocktimer.h"

#include "core/bench/memorytracker.h"

#include "core/error.h"

#include <torch/csrc/jit/ir/constants.h>
#include <torch/csrc/jit/ir/ir.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>

namespace cleave::bench {

namespace {

// The bytes of a block's weights. Slices are frozen: parameters and buffers (batch-norm
// statistics) became tensor constants of the graph; any left as attributes count too.
int64_t weightBytes(const torch::jit::Module &block)
{
    int64_t bytes = 0;
    for (const auto &a : block.named_attributes())
        if (a.value.isTensor())
            bytes += int64_t(a.value.toTensor().nbytes());
    const auto graph = block.get_method("forward").graph();
    for (const auto *node : graph->nodes()) {
        if (node->kind() != c10::prim::Constant || node->outputs().size() != 1)
            continue;
        const auto value = torch::jit::toIValue(node->output());
        if (value && value->isTensor())
            bytes += int64_t(value->toTensor().nbytes());
    }
    return bytes;
}

} // namespace

BlockTimer::BlockTimer(const graph::ModelGraph &model, TimerSettings settings)
    : m_model(model)
    , m_settings(settings)
{
    trackCpuMemory();
    if (settings.warmup < 0 || settings.reps < 1)
        throw Error(ErrorKind::InvalidInput,
                    "benchmark settings: warm-up must be 0 or more and repetitions 1 or more");
}

Statistics BlockTimer::time(torch::jit::Module &module, const torch::Tensor &input, int warmup,
                            int reps, torch::Tensor *output, const Progress &progress, double from,
                            double to)
{
    using clock = std::chrono::steady_clock;
    c10::InferenceMode inference;
    const int total = warmup + reps;
    std::vector<double> samples;
    samples.reserve(size_t(reps));
    torch::Tensor result;
    for (int i = 0; i < total; ++i) {
        if (progress && !progress(from + (to - from) * i / total, "timing"))
            throw Error(ErrorKind::Cancelled, m_model.name() + ": benchmark cancelled");
        const auto start = clock::now();
        result = module.forward({input}).toTensor();
        const auto stop = clock::now();
        if (i >= warmup)
            samples.push_back(std::chrono::duration<double>(stop - start).count());
    }
    if (output)
        *output = result;
    return summarise(std::move(samples));
}

namespace {

int64_t bytesOf(const graph::Tensors &tensors)
{
    int64_t bytes = 0;
    for (const auto &t : tensors)
        bytes += int64_t(t.nbytes());
    return bytes;
}

/// A slice's arguments: the tensors of its first cut.
std::vector<c10::IValue> arguments(const graph::Tensors &tensors)
{
    return {tensors.begin(), tensors.end()};
}

} // namespace

void BlockTimer::timeCut(int cut, const graph::Tensors &tensors, bool last,
                         const CutCallbacks &onCut)
{
    using clock = std::chrono::steady_clock;
    const auto seconds = [](clock::time_point a, clock::time_point b) {
        return std::chrono::duration<double>(b - a).count();
    };
    c10::InferenceMode inference;
    const int runs = m_settings.warmup + m_settings.reps;
    // Times f and g in turn, `runs` times; the last result of f feeds g.
    const auto timePair = [&](auto &&f, auto &&g, std::vector<double> &first,
                              std::vector<double> &second) {
        for (int i = 0; i < runs; ++i) {
            const auto t0 = clock::now();
            auto intermediate = f();
            const auto t1 = clock::now();
            g(intermediate);
            const auto t2 = clock::now();
            if (i >= m_settings.warmup) {
                first.push_back(seconds(t0, t1));
                second.push_back(seconds(t1, t2));
            }
        }
    };
    // A cut of several tensors sends each: the costs are those of all of them in turn.
    if (onCut.codec) {
        for (const auto &c : m_settings.codecs) {
            std::vector<double> encodeTimes, decodeTimes;
            std::vector<std::string> payloads(tensors.size());
            const auto encodeAll = [&] {
                for (size_t t = 0; t < tensors.size(); ++t)
                    payloads[t] = codec::encode(tensors[t], c);
                return 0;
            };
            const auto decodeAll = [&](int) {
                for (size_t t = 0; t < tensors.size(); ++t)
                    codec::decode(payloads[t], c, tensors[t].sizes().vec());
            };
            timePair(encodeAll, decodeAll, encodeTimes, decodeTimes);
            int64_t encoded = 0;
            for (const auto &p : payloads)
                encoded += int64_t(p.size());
            onCut.codec({cut, c.name(), encoded, summarise(encodeTimes), summarise(decodeTimes)});
        }
    }
    if (onCut.tl && !last) {
        for (const auto &spec : m_settings.tlSpecs)
            timeTl(cut, tensors, spec, onCut);
    }
}

void BlockTimer::timeTl(int cut, const graph::Tensors &tensors, const tl::TlSpec &spec,
                        const CutCallbacks &onCut)
{
    using clock = std::chrono::steady_clock;
    // The TL applies to each tensor it fits (NxCxHxW, large enough); the others cross as
    // they are.
    std::vector<std::pair<size_t, tl::TransferLayer>> layers;
    for (size_t t = 0; t < tensors.size(); ++t) {
        const graph::Shape shape = tensors[t].sizes().vec();
        if (spec.appliesTo(shape))
            layers.emplace_back(t, tl::TransferLayer(spec, shape, m_settings.seed));
    }
    if (layers.empty())
        return;
    c10::InferenceMode inference;
    std::vector<double> downTimes, upTimes;
    graph::Tensors middle(layers.size());
    for (int i = 0; i < m_settings.warmup + m_settings.reps; ++i) {
        const auto t0 = clock::now();
        for (size_t l = 0; l < layers.size(); ++l)
            middle[l] = layers[l].second.down(tensors[layers[l].first]);
        const auto t1 = clock::now();
        for (size_t l = 0; l < layers.size(); ++l)
            layers[l].second.up(middle[l]);
        const auto t2 = clock::now();
        if (i >= m_settings.warmup) {
            downTimes.push_back(std::chrono::duration<double>(t1 - t0).count());
            upTimes.push_back(std::chrono::duration<double>(t2 - t1).count());
        }
    }
    int64_t bytes = bytesOf(tensors) + bytesOf(middle);
    for (const auto &[t, layer] : layers)
        bytes -= int64_t(tensors[t].nbytes());
    onCut.tl(
        {cut, spec.name(), summarise(downTimes), summarise(upTimes), bytes, int(layers.size())});
}

void BlockTimer::timeBlocks(int first, const std::function<void(const BlockResult &)> &onBlock,
                            const Progress &progress, const CutCallbacks &onCut)
{
    using clock = std::chrono::steady_clock;
    const int k = m_model.blockCount();
    if (first < 0 || first > k)
        throw Error(ErrorKind::InvalidInput, m_model.name() + ": first block " +
                                                 std::to_string(first) + " is outside 0.." +
                                                 std::to_string(k));
    c10::InferenceMode inference;
    const auto sample = m_model.sampleInput(m_settings.seed);
    graph::Tensors input{sample};
    if (first > 0)
        input = graph::runOnce(m_model.head(first), input); // resume: the real input of `first`
    std::vector<torch::jit::Module> blocks;
    for (int b = first; b < k; ++b)
        blocks.push_back(m_model.slice(b, b + 1));
    const size_t count = blocks.size();

    // The first pass times the cuts (codecs, TLs) and warms up; then `warmup` untimed and `reps`
    // timed passes. The last pass reports each block as soon as its last sample is in.
    const int passes = 1 + m_settings.warmup + m_settings.reps;
    std::vector<std::vector<double>> samples(count);
    // From block 0, the whole model is timed between passes, spread over the run, so that the
    // blocks and the whole are measured under the same conditions (the planner calibrates one
    // against the other).
    const bool timeWhole = first == 0 && count > 0;
    const int wholeEvery = std::max(1, m_settings.reps / wholeModelReps());
    std::optional<torch::jit::Module> whole;
    std::vector<double> wholeSamples;
    if (timeWhole)
        whole = m_model.slice(0, k);
    for (int pass = 0; pass < passes; ++pass) {
        const bool timed = pass > m_settings.warmup;
        const bool last = pass == passes - 1;
        graph::Tensors x = input;
        for (size_t i = 0; i < count; ++i) {
            const int b = first + int(i);
            if (pass == 0)
                timeCut(b, x, false, onCut);
            if (progress && !progress(double(size_t(pass) * count + i) / double(passes * count),
                                      "block " + std::to_string(b)))
                throw Error(ErrorKind::Cancelled, m_model.name() + ": benchmark cancelled");
            // Memory on the last pass, warm (a first run also allocates the executor's own).
            std::optional<MemoryWatermark> memory;
            if (last)
                memory.emplace();
            auto args = arguments(x);
            const auto start = clock::now();
            auto y = graph::cutTensors(blocks[i].forward(std::move(args)));
            const auto stop = clock::now();
            if (timed)
                samples[i].push_back(std::chrono::duration<double>(stop - start).count());
            if (last)
                onBlock({b, summarise(std::move(samples[i])), bytesOf(y), weightBytes(blocks[i]),
                         memory->peak()});
            x = std::move(y);
        }
        if (pass == 0)
            timeCut(k, x, true, onCut); // the result, returned to the device
        const int timedPass = pass - 1 - m_settings.warmup;
        if (timeWhole && (pass == 0 || (timedPass >= 0 && timedPass % wholeEvery == 0 &&
                                        int(wholeSamples.size()) < wholeModelReps()))) {
            const auto start = clock::now();
            whole->forward({sample});
            const auto stop = clock::now();
            if (pass > 0)
                wholeSamples.push_back(std::chrono::duration<double>(stop - start).count());
        }
    }
    if (timeWhole)
        m_wholeModel = summarise(std::move(wholeSamples));
}

Statistics BlockTimer::timeWholeModel(const Progress &progress)
{
    if (m_wholeModel)
        return *m_wholeModel;
    auto whole = m_model.slice(0, m_model.blockCount());
    // As many warm-up runs as the blocks get: the executor optimises a graph on its second run.
    return time(whole, m_model.sampleInput(m_settings.seed), std::max(1, m_settings.warmup),
                wholeModelReps(), nullptr, progress, 0.0, 1.0);
}

int BlockTimer::wholeModelReps() const
{
    return std::max(5, m_settings.reps / 4);
}

void BlockTimer::timeStrips(const std::vector<StripSegment> &segments,
                            const std::function<void(const StripResult &)> &onStrip,
                            const Progress &progress)
{
    using clock = std::chrono::steady_clock;
    const auto input = m_model.sampleInput(m_settings.seed);
    std::map<int, torch::Tensor> atCut{{0, input}}; // the input's tensor at each first cut
    const auto tensorAt = [&](int cut) {
        if (!atCut.count(cut)) {
            c10::InferenceMode guard;
            atCut[cut] = graph::runOnce(m_model.slice(0, cut), input);
        }
        return atCut.at(cut);
    };
    struct Strip
    {
        int first = 0;
        int end = 0;
        int64_t rows = 0;
        torch::jit::Module module;
        torch::Tensor input;
        std::vector<double> samples;
    };
    std::vector<Strip> strips;
    for (const auto &[first, end] : segments) {
        // The graph's own check names what is not row-local.
        m_model.stripInput(first, end, {0, 1});
        const auto from = tensorAt(first);
        const int64_t height = m_model.cuts()[size_t(end)].shape()[2];
        for (int64_t rows : graph::stripHeights(height)) {
            const auto out = graph::middleRows(height, rows);
            const auto in = m_model.stripInput(first, end, out);
            strips.push_back({first,
                              end,
                              rows,
                              m_model.strip(first, end, out),
                              from.slice(2, in.begin, in.end).contiguous(),
                              {}});
        }
    }
    // Every strip once per round, so that a slow spell of the machine (or of its CPU share)
    // falls on all of them rather than on the few timed while it lasted. At least two warm-up
    // rounds: the executor optimises a graph on its second run.
    c10::InferenceMode inference;
    const int warmup = std::max(2, m_settings.warmup);
    const int rounds = warmup + m_settings.reps;
    for (int round = 0; round < rounds; ++round) {
        if (progress && !progress(double(round) / rounds, "timing strips"))
            throw Error(ErrorKind::Cancelled, m_model.name() + ": benchmark cancelled");
        for (auto &strip : strips) {
            const auto start = clock::now();
            strip.module.forward({strip.input});
            const auto stop = clock::now();
            if (round >= warmup)
                strip.samples.push_back(std::chrono::duration<double>(stop - start).count());
        }
    }
    for (auto &strip : strips)
        onStrip({strip.first, strip.end, strip.rows, summarise(std::move(strip.samples))});
}

} // namespace cleave::bench
