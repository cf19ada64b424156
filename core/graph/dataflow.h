// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The data flow between a model's blocks, as plain data: what a partition of the blocks sends
// across (core/plan/partition.h).
#include <cstdint>
#include <vector>

namespace cleave::graph {

/// One tensor that leaves the block that makes it.
struct TensorFlow
{
    int producer = -1;          ///< the block that makes it; -1: the model input
    std::vector<int> consumers; ///< the blocks that read it, ascending, none twice
    int64_t bytes = 0;
    bool output = false; ///< it is the model's output
};

/// Every tensor that crosses at least one cut, each once, in the order the graph makes them.
struct DataFlow
{
    int blocks = 0;
    std::vector<TensorFlow> tensors;
};

} // namespace cleave::graph
