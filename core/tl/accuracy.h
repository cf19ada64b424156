// SPDX-License-Identifier: GPL-3.0-or-later
// What each split, Transfer Layer and wire codec costs in accuracy: the split pipeline (head,
// DeviceTL, encode, decode, EdgeTL, tail; the offloader's modules and codecs) on labelled
// images, against the labels and against the unsplit model. The blocks run one at a time over a
// batch and every configuration at a cut starts from that cut's tensor, so each head prefix is
// computed once per image.
#pragma once

#include "core/codec/codec.h"
#include "core/graph/modelgraph.h"
#include "core/progress.h"
#include "core/tl/dataset.h"
#include "core/tl/spec.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace cleave::tl {

/// One configuration: the split, the Transfer Layer at it (empty: none) and the wire codec.
struct AccuracyKey
{
    int split = 0;
    std::string tl; ///< TlSpec::name(), or empty
    std::string codec;
    bool operator<(const AccuracyKey &o) const
    {
        return std::tie(split, tl, codec) < std::tie(o.split, o.tl, o.codec);
    }
    bool operator==(const AccuracyKey &o) const
    {
        return std::tie(split, tl, codec) == std::tie(o.split, o.tl, o.codec);
    }
};

/// What a configuration got right on the first `images` images of the data set, in order:
/// counts, so that a sweep resumes where it stopped.
struct AccuracyCounts
{
    int64_t images = 0;
    int64_t top1 = 0;  ///< its best class is the label
    int64_t top5 = 0;  ///< the label among its five best (all, with fewer classes)
    int64_t agree = 0; ///< its best class is the unsplit model's
};

using AccuracySweep = std::map<AccuracyKey, AccuracyCounts>;

struct SweepRequest
{
    std::vector<int> splits;          ///< each in [0, K): at K nothing crosses
    std::vector<TlSpec> tls;          ///< besides no TL, where each applies
    std::vector<codec::Codec> codecs; ///< at least one
    int64_t limit = 0;                ///< images from the start of the data set; 0: all
    int batch = 64;
};

/// The unsplit model, measured beside every sweep: the last cut, where nothing crosses.
AccuracyKey unsplitKey(const graph::ModelGraph &model);

/// The configurations `request` asks for on `model`: every split with every codec, and with
/// every TL that applies to its cut; then the unsplit model. Error(InvalidInput) names a split
/// out of range.
std::vector<AccuracyKey> sweepConfigurations(const graph::ModelGraph &model,
                                             const SweepRequest &request);

/// Runs the sweep over `data` (its images the model's input, its classes the model's outputs;
/// Error(InvalidInput) otherwise) from `counts` (what a store kept: a configuration
/// goes on from its own image count). After each batch `batchDone` gets every configuration's
/// counts so far (the caller commits them); `progress` returning false cancels with
/// Error(Cancelled), the batches done kept. Returns the counts at the end.
AccuracySweep sweepAccuracy(const graph::ModelGraph &model, const Dataset &data,
                            const SweepRequest &request, AccuracySweep counts,
                            const std::function<void(const AccuracySweep &)> &batchDone = {},
                            const Progress &progress = {});

/// Counts per codec name, for one split given as its two halves.
using HalvesSweep = std::map<std::string, AccuracyCounts>;

/// One split given as two modules, a bundle's or a fine-tuned TL model's (head: the blocks
/// before the cut and DeviceTL; tail: EdgeTL and the rest), on the first `limit` images of
/// `data` (0: all): head, then each codec's encode and decode, then tail; agreement is with
/// `reference`'s top-1 (the model as it was before any fine-tuning), which `data` must fit as
/// sweepAccuracy asks. Resumes, reports and cancels as sweepAccuracy.
HalvesSweep sweepHalves(const torch::jit::Module &head, const torch::jit::Module &tail,
                        const graph::ModelGraph &reference, const Dataset &data,
                        const std::vector<codec::Codec> &codecs, int64_t limit, int batchSize,
                        HalvesSweep counts = {},
                        const std::function<void(const HalvesSweep &)> &batchDone = {},
                        const Progress &progress = {});

} // namespace cleave::tl
