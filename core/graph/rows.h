// SPDX-License-Identifier: GPL-3.0-or-later
// Rows of a feature map: what a width-wise (strip) split of a run of blocks needs. The words and
// the formula are those of the cluster design notes (segment, strip, halo, exactness).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cleave::graph {

/// Rows [begin, end) of a feature map's height (dimension 2 of NxCxHxW).
struct RowRange
{
    int64_t begin = 0;
    int64_t end = 0;

    int64_t size() const { return end - begin; }
    bool empty() const { return end <= begin; }
    /// This range cut to [0, height).
    RowRange clippedTo(int64_t height) const;
    /// The smallest range holding both.
    RowRange unitedWith(const RowRange &other) const;
    bool operator==(const RowRange &other) const
    {
        return begin == other.begin && end == other.end;
    }
    bool operator!=(const RowRange &other) const { return !(*this == other); }
};

/// How output rows depend on input rows through a window of `kernel` rows: output rows
/// [o0, o1) need input rows [o0 * stride - padding, (o1 - 1) * stride - padding +
/// dilation * (kernel - 1) + 1), before clipping to the input. Element-wise operations are the
/// identity map (all ones, padding 0).
struct RowMap
{
    int64_t kernel = 1;
    int64_t stride = 1;
    int64_t padding = 0;
    int64_t dilation = 1;

    /// The input rows that output rows `out` need, not clipped (negative rows are padding).
    RowRange needs(const RowRange &out) const;
    /// The map of `next` applied after this one, as one window (dilation 1).
    RowMap then(const RowMap &next) const;
    /// The map that covers both (same stride): what a residual add or a channel concatenation
    /// of two branches needs. Returns nothing when the strides differ.
    std::optional<RowMap> unitedWith(const RowMap &other) const;
    bool operator==(const RowMap &other) const
    {
        return kernel == other.kernel && stride == other.stride && padding == other.padding &&
               dilation == other.dilation;
    }
};

/// Why a block ends a row-local run: the operation and what about it.
struct NotRowLocal
{
    int block = -1;     ///< the block that holds it
    std::string label;  ///< that block's label, e.g. "avgpool"
    std::string op;     ///< e.g. "aten::adaptive_avg_pool2d"
    std::string reason; ///< e.g. "mixes every row of its input"
    /// "block 37 (avgpool) runs aten::adaptive_avg_pool2d, which mixes every row of its input"
    std::string describe() const;
};

/// The longest run of blocks after a cut whose every operation is row-local, and each block's
/// row map (its output rows against its input rows, branches united).
struct RowLocalRun
{
    int first = 0;                ///< the cut the run starts at
    int end = 0;                  ///< the last cut it reaches: blocks [first, end) are row-local
    std::vector<RowMap> blocks;   ///< blocks[i] is block first + i
    std::vector<int64_t> heights; ///< heights[i]: rows of cut first + i (first..end)
    /// What ends the run; nothing when it reaches the model's output.
    std::optional<NotRowLocal> stop;
    /// The map of blocks [first, b) as one window (first < b <= end).
    RowMap through(int b) const;
    /// The rows of cut `first` that rows `out` of cut `b` need, clipped at every cut between
    /// (a superset of what the operations inside the blocks need). first <= b <= end.
    RowRange inputRows(int b, RowRange out) const;
    /// The segment ends [first, b) a cluster times and plans with: the first cut of every new
    /// height (right after each downsampling, where the output is smallest) and the run's end.
    std::vector<int> segmentEnds() const;
};

/// The strip heights timed to fit compute time against rows: a quarter, half and all of `rows`,
/// and more small ones until there are three (fewer only when `rows` is smaller than three).
std::vector<int64_t> stripHeights(int64_t rows);

/// `height` rows from the middle of `rows` (a strip with a halo on both sides).
RowRange middleRows(int64_t rows, int64_t height);

} // namespace cleave::graph
