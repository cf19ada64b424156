// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The best device -> edge partition over every set of blocks the device may run (every set
// that holds the blocks each of its blocks reads from), found as a minimum s-t cut as DADS
// does, beside the best cut of the topological order the planner ranks.
#include "core/graph/dataflow.h"
#include "core/plan/costs.h"

#include <vector>

namespace cleave::plan {

/// What one partition costs, per tensor: a linear fit of the measured cuts' codec costs to
/// their bytes (a cut's costs are its tensors' together), so that any set of crossing tensors
/// can be priced.
struct TensorWireModel
{
    double encodedPerByte = 1; ///< encoded bytes per raw byte
    double serialisePerByte_s = 0;
    double deserialisePerByte_s = 0;
};

/// Costs of the blocks on the device and on the edge and of the link, for partitions.
struct PartitionCosts
{
    std::vector<double> device_s; ///< per block
    std::vector<double> edge_s;
    TensorWireModel wire;
    double latency_s = 0;
    double uplink_bps = 1;
    double return_s = 0; ///< the result's way back, when the edge computes it
};

/// The costs of `series` (Scission's parts on its device and edge): each block's time as the
/// difference of two neighbouring splits' compute parts, the wire fitted to the cuts' codec
/// costs (cuts 0..K-1), the link's latency and bandwidth, the return leg of split 0.
PartitionCosts partitionCosts(const SplitSeries &series, const NetworkProfile &link);

/// One partition of the blocks between device and edge.
struct Partition
{
    std::vector<bool> onDevice; ///< per block
    double total_s = 0;
    int tensors = 0;      ///< tensors sent to the edge
    int64_t rawBytes = 0; ///< their bytes before the codec
    int sameAsSplit = -1; ///< the split of the order with the same device blocks, or -1
};

/// What partitioning over every allowed set found, against the order's best split.
struct PartitionComparison
{
    Partition best;      ///< over every allowed set (min cut), or all on the device
    Partition bestSplit; ///< over the splits of the topological order, same costs
};

/// The partition's cost: the device's blocks, then every tensor a device block (or the input)
/// makes and an edge block reads, sent at once (one latency), then the edge's blocks and the
/// return; all on the device: its blocks alone. Error(InvalidInput) when a block on the device
/// reads a tensor made on the edge.
Partition evaluatePartition(const graph::DataFlow &flow, const PartitionCosts &costs,
                            std::vector<bool> onDevice);

/// The least cost over every allowed partition (minimum s-t cut, Boost's Boykov-Kolmogorov
/// max flow) and over the splits of the order, both by evaluatePartition's formula. Every block
/// is taken to lead to the output, as in a frozen graph (no dead code): the output on the
/// device then means every block there.
PartitionComparison comparePartitions(const graph::DataFlow &flow, const PartitionCosts &costs);

} // namespace cleave::plan
