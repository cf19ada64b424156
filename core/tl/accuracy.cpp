// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tl/accuracy.h"

#include "core/error.h"

#include <algorithm>
#include <optional>
#include <set>

namespace cleave::tl {

namespace {

std::string shapeText(const graph::Shape &shape)
{
    return graph::formatShape(shape);
}

/// The data set fits the model: its images are the model's input (but the batch), its labels
/// index the model's outputs.
void checkFits(const graph::ModelGraph &model, const Dataset &data, int64_t limit)
{
    const auto &output = model.outputShape();
    if (output.size() != 2)
        throw Error(ErrorKind::InvalidInput,
                    model.name() + ": its output " + shapeText(output) +
                        " is not one score per class (NxK): accuracy needs a classifier");
    const auto input = model.inputShape();
    const auto image = data.images.sizes().vec();
    if (image.size() != input.size() ||
        !std::equal(image.begin() + 1, image.end(), input.begin() + 1))
        throw Error(ErrorKind::InvalidInput, data.name + ": images of " +
                                                 shapeText({image.begin() + 1, image.end()}) +
                                                 ", but " + model.name() + " takes " +
                                                 shapeText({input.begin() + 1, input.end()}));
    // A label names one output: fewer classes than outputs would score a model on classes
    // that are not its own.
    if (data.classes != output[1])
        throw Error(ErrorKind::InvalidInput, data.name + ": " + std::to_string(data.classes) +
                                                 " classes, but " + model.name() + " has " +
                                                 std::to_string(output[1]) + " outputs");
    if (limit > data.size())
        throw Error(ErrorKind::InvalidInput, data.name + ": " + std::to_string(limit) +
                                                 " images asked for, but it has " +
                                                 std::to_string(data.size()));
}

/// One configuration's pieces, ready to run on a batch of its cut's tensors.
struct Pipeline
{
    AccuracyKey key;
    std::optional<TransferLayer> tl;
    codec::Codec codec;
    int64_t from = 0; ///< the first image it has not counted
};

void count(AccuracyCounts &c, const torch::Tensor &scores, const torch::Tensor &labels,
           const torch::Tensor &reference)
{
    const int64_t k = std::min<int64_t>(5, scores.size(1));
    const auto best = scores.argmax(1);
    const auto top = std::get<1>(scores.topk(k, 1));
    c.images += scores.size(0);
    c.top1 += best.eq(labels).sum().item<int64_t>();
    c.top5 += top.eq(labels.unsqueeze(1)).any(1).sum().item<int64_t>();
    c.agree += best.eq(reference).sum().item<int64_t>();
}

/// After each batch: the counts handed over, the progress reported; a cancel asked for ends the
/// sweep with Error(Cancelled), the batches done kept.
template<typename Counts>
void batchFinished(const Counts &counts, const std::function<void(const Counts &)> &batchDone,
                   const Progress &progress, int64_t start, int64_t done, int64_t end)
{
    if (batchDone)
        batchDone(counts);
    if (progress && !progress(double(done - start) / double(end - start),
                              std::to_string(done) + " of " + std::to_string(end) + " images"))
        throw Error(ErrorKind::Cancelled,
                    "the accuracy sweep was cancelled after " + std::to_string(done) + " images");
}

/// One batch of the data set: images [begin, end), their labels and the unsplit model's top-1.
struct Batch
{
    int64_t begin = 0;
    int64_t end = 0;
    torch::Tensor labels;
    torch::Tensor reference;
};

/// Every configuration at one cut over a batch: its TL and codec on the cut tensor `t`, then the
/// tail. DeviceTL works image by image, so each TL's output is made once for the batch and
/// shared by its codecs; a configuration skips the images it counted before.
void countAtCut(const std::vector<Pipeline> &pipelines, const torch::jit::Module &tail,
                const torch::Tensor &t, const Batch &batch, AccuracySweep &counts)
{
    std::map<std::string, torch::Tensor> reduced; // TL name -> DeviceTL's output
    for (const auto &p : pipelines) {
        if (p.from >= batch.end)
            continue;
        const int64_t skip = std::max<int64_t>(0, p.from - batch.begin); // counted before
        auto y = t;
        if (p.tl) {
            auto &down = reduced[p.key.tl];
            if (!down.defined())
                down = p.tl->down(t);
            y = down;
        }
        y = codec::roundTrip(y.slice(0, skip), p.codec); // each image as it crosses alone
        if (p.tl)
            y = p.tl->up(y);
        count(counts[p.key], graph::runOnce(tail, y), batch.labels.slice(0, skip),
              batch.reference.slice(0, skip));
    }
}

} // namespace

AccuracyKey unsplitKey(const graph::ModelGraph &model)
{
    return {model.blockCount(), "", "fp32"};
}

std::vector<AccuracyKey> sweepConfigurations(const graph::ModelGraph &model,
                                             const SweepRequest &request)
{
    if (request.codecs.empty())
        throw Error(ErrorKind::InvalidInput, "no codec to measure");
    std::vector<AccuracyKey> keys;
    for (const int s : request.splits) {
        if (s < 0 || s >= model.blockCount())
            throw Error(ErrorKind::InvalidInput,
                        "split " + std::to_string(s) + " is not in 0.." +
                            std::to_string(model.blockCount() - 1) +
                            " (at the last cut nothing crosses the network)");
        const auto &cut = model.cuts()[size_t(s)].shape();
        for (const auto &c : request.codecs) {
            keys.push_back({s, "", c.name()});
            for (const auto &tl : request.tls)
                if (tl.appliesTo(cut))
                    keys.push_back({s, tl.name(), c.name()});
        }
    }
    keys.push_back(unsplitKey(model));
    return keys;
}

AccuracySweep sweepAccuracy(const graph::ModelGraph &model, const Dataset &data,
                            const SweepRequest &request, AccuracySweep counts,
                            const std::function<void(const AccuracySweep &)> &batchDone,
                            const Progress &progress)
{
    checkFits(model, data, request.limit);
    const int64_t end = request.limit > 0 ? request.limit : data.size();
    const auto keys = sweepConfigurations(model, request);
    std::map<int, std::vector<Pipeline>> atCut;
    int64_t start = end;
    const auto unsplit = unsplitKey(model);
    for (const auto &key : keys) {
        start = std::min(start, counts[key].images);
        if (key == unsplit)
            continue;
        Pipeline p;
        p.key = key;
        p.codec = codec::Codec::parse(key.codec);
        if (!key.tl.empty())
            p.tl.emplace(TlSpec::parse(key.tl), model.cuts()[size_t(key.split)].shape());
        p.from = counts[key].images;
        atCut[key.split].push_back(std::move(p));
    }
    // The modules, made once: each block alone (the prefixes) and each split's tail.
    const int last = atCut.empty() ? 0 : atCut.rbegin()->first;
    std::vector<torch::jit::Module> block;
    std::map<int, torch::jit::Module> tail;
    for (int s = 0; s < last; ++s)
        block.push_back(model.slice(s, s + 1));
    for (const auto &[s, pipelines] : atCut)
        tail.emplace(s, model.tail(s));

    c10::InferenceMode guard;
    const int64_t batch = std::max(1, request.batch);
    for (int64_t b = start; b < end; b += batch) {
        const int64_t e = std::min(end, b + batch);
        const auto x = data.images.slice(0, b, e);
        const auto labels = data.labels.slice(0, b, e);
        const auto scores = model.forward(x);
        const auto reference = scores.argmax(1);
        if (const int64_t skip = std::max<int64_t>(0, counts[unsplit].images - b); skip < e - b)
            count(counts[unsplit], scores.slice(0, skip), labels.slice(0, skip),
                  reference.slice(0, skip));
        auto t = x;
        const Batch at{b, e, labels, reference};
        for (int s = 0; s <= last; ++s) {
            if (const auto found = atCut.find(s); found != atCut.end())
                countAtCut(found->second, tail.at(s), t, at, counts);
            if (s < last)
                t = graph::runOnce(block[size_t(s)], t);
        }
        batchFinished(counts, batchDone, progress, start, e, end);
    }
    return counts;
}

HalvesSweep sweepHalves(const torch::jit::Module &head, const torch::jit::Module &tail,
                        const graph::ModelGraph &reference, const Dataset &data,
                        const std::vector<codec::Codec> &codecs, int64_t limit, int batchSize,
                        HalvesSweep counts,
                        const std::function<void(const HalvesSweep &)> &batchDone,
                        const Progress &progress)
{
    checkFits(reference, data, limit);
    if (codecs.empty())
        throw Error(ErrorKind::InvalidInput, "no codec to measure");
    const int64_t end = limit > 0 ? limit : data.size();
    int64_t start = end;
    for (const auto &c : codecs)
        start = std::min(start, counts[c.name()].images);
    c10::InferenceMode guard;
    const int64_t batch = std::max(1, batchSize);
    for (int64_t b = start; b < end; b += batch) {
        const int64_t e = std::min(end, b + batch);
        const auto x = data.images.slice(0, b, e);
        const auto labels = data.labels.slice(0, b, e);
        const auto agreeWith = reference.forward(x).argmax(1);
        const auto sent = graph::runOnce(head, x);
        for (const auto &c : codecs) {
            auto &n = counts[c.name()];
            if (n.images >= e)
                continue;
            const int64_t skip = std::max<int64_t>(0, n.images - b); // counted before
            count(n, graph::runOnce(tail, codec::roundTrip(sent.slice(0, skip), c)),
                  labels.slice(0, skip), agreeWith.slice(0, skip));
        }
        batchFinished(counts, batchDone, progress, start, e, end);
    }
    return counts;
}

} // namespace cleave::tl
