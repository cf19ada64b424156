// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/bench/statistics.h"
#include "core/codec/codec.h"
#include "core/graph/modelgraph.h"
#include "core/progress.h"
#include "core/tl/spec.h"

#include <functional>
#include <optional>

namespace cleave::bench {

struct BlockResult
{
    int block = 0;
    Statistics time;
    int64_t outputBytes = 0; ///< every tensor that crosses the cut after it
    int64_t weightBytes = 0; ///< its parameters and buffers
    /// The most bytes its forward held at once beyond its input: the output and what it made on
    /// the way (memorytracker.h; on a warm run).
    int64_t peakBytes = 0;
};

/// What one wire codec costs at one cut: every tensor that crosses it, one after the other.
struct CodecResult
{
    int cut = 0;
    std::string codec;
    int64_t encodedBytes = 0;
    Statistics serialise;
    Statistics deserialise;
};

/// What a Transfer Layer costs at one cut: applied to each tensor it fits (the others cross
/// as they are).
struct TlResult
{
    int cut = 0;
    std::string spec;
    Statistics deviceTl;
    Statistics edgeTl;
    int64_t outputBytes = 0; ///< float32 bytes between DeviceTL and EdgeTL, all tensors
    int tensors = 1;         ///< how many of the cut's tensors it applies to
};

/// One strip height of segment [0, end), timed (cluster planning).
/// Segment [first, end) of a model, timed as strips.
struct StripSegment
{
    int first = 0;
    int end = 0;
};

struct StripResult
{
    int first = 0;
    int end = 0;
    int64_t rows = 0;
    Statistics time;
};

struct TimerSettings
{
    int warmup = 3;
    int reps = 20;
    uint64_t seed = 0;                ///< of the input
    std::vector<codec::Codec> codecs; ///< measured at every cut
    std::vector<tl::TlSpec> tlSpecs;  ///< measured at every cut they apply to
};

/// Where per-cut results go; either may be empty.
struct CutCallbacks
{
    std::function<void(const CodecResult &)> codec;
    std::function<void(const TlResult &)> tl;
};

/// Times every block of a model as a standalone module in passes over the whole chain, each
/// block fed the real output of the one before it (a seeded, real-shaped input for block 0),
/// after `warmup` untimed passes; and the whole model, so that the sum of block medians can be
/// checked against it. Passes, not one block over and over: in a real forward pass a block's
/// weights come cold from memory while its input is fresh in cache; timing a block repeatedly
/// keeps its weights in cache and undercounts large models by 15-25 % (measured on ResNet-50
/// and DenseNet-169), which a split run then misses.
class BlockTimer
{
public:
    BlockTimer(const graph::ModelGraph &model, TimerSettings settings);

    /// Times blocks [first, K), calling `onBlock` for each, in order, during the last pass (so
    /// results can be committed at once). Throws Error(Cancelled) when `progress` returns false.
    /// `onCut` gets each codec's cost at cut s before block s is timed (and at cut K, the
    /// result, after the last block), and each TL's cost at cuts 0..K-1 where it applies.
    void timeBlocks(int first, const std::function<void(const BlockResult &)> &onBlock,
                    const Progress &progress = {}, const CutCallbacks &onCut = {});

    /// Forward time of the whole (frozen) model, for the additivity check and the planner's
    /// calibration: a quarter of the block repetitions (at least 5), since this one number
    /// needs less precision than the per-block figures and would otherwise double the
    /// benchmark's time. After timeBlocks(0, ...) it is the whole model timed between its
    /// passes; otherwise (a resumed run) it is timed now, after the warm-up runs.
    Statistics timeWholeModel(const Progress &progress = {});
    int wholeModelReps() const;

    /// Times each segment as strips of graph::stripHeights rows from the middle of its end's
    /// rows, each fed its rows of the tensor a seeded input makes at the segment's first cut,
    /// every strip once per round; calls `onStrip` for each at the end. Throws
    /// Error(InvalidInput) for a segment that is not row-local (naming the operation),
    /// Error(Cancelled) when `progress` returns false.
    void timeStrips(const std::vector<StripSegment> &segments,
                    const std::function<void(const StripResult &)> &onStrip,
                    const Progress &progress = {});

private:
    Statistics time(torch::jit::Module &module, const torch::Tensor &input, int warmup, int reps,
                    torch::Tensor *output, const Progress &progress, double from, double to);

    void timeCut(int cut, const graph::Tensors &tensors, bool last, const CutCallbacks &onCut);
    void timeTl(int cut, const graph::Tensors &tensors, const tl::TlSpec &spec,
                const CutCallbacks &onCut);

    const graph::ModelGraph &m_model;
    TimerSettings m_settings;
    std::optional<Statistics> m_wholeModel; ///< timed between timeBlocks' passes
};

} // namespace cleave::bench
