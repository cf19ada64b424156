// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plan/partition.h"

#include "core/error.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/boykov_kolmogorov_max_flow.hpp>

#include <algorithm>

namespace cleave::plan {

namespace {

double part(const Parts &parts, Part p)
{
    return parts[size_t(p)];
}

/// The device blocks of split s: [0, s).
std::vector<bool> prefix(int blocks, int s)
{
    std::vector<bool> onDevice(size_t(blocks), false);
    std::fill(onDevice.begin(), onDevice.begin() + s, true);
    return onDevice;
}

/// The split whose device blocks are exactly these, or -1.
int splitOf(const std::vector<bool> &onDevice)
{
    const auto first = std::find(onDevice.begin(), onDevice.end(), false);
    if (std::find(first, onDevice.end(), true) != onDevice.end())
        return -1;
    return int(first - onDevice.begin());
}

/// What one tensor costs to send, the link's latency aside (paid once per partition).
double sendCost(const graph::TensorFlow &tensor, const PartitionCosts &costs)
{
    const double raw = double(tensor.bytes);
    return raw * (costs.wire.serialisePerByte_s + costs.wire.deserialisePerByte_s) +
           raw * costs.wire.encodedPerByte * 8.0 / costs.uplink_bps;
}

bool madeOnDevice(const graph::TensorFlow &tensor, const std::vector<bool> &onDevice)
{
    return tensor.producer < 0 || onDevice[size_t(tensor.producer)];
}

/// The block that makes the model's output (-1: the output is the input).
int outputBlock(const graph::DataFlow &flow)
{
    for (const auto &t : flow.tensors)
        if (t.output)
            return t.producer;
    throw Error(ErrorKind::Internal, "the data flow has no output");
}

// The minimum s-t cut (DADS): the source is the device, the sink the edge. A block on the edge
// cuts source -> block (its edge time), one on the device block -> sink (its device time). A
// tensor goes through a node of its own: maker -> tensor (its send cost), tensor -> each reader
// (unbounded), so it is paid once when any reader is on the edge. Reader -> maker (unbounded)
// keeps every block's inputs on its side or the device's. The output block is on the edge.
std::vector<bool> minimumCut(const graph::DataFlow &flow, const PartitionCosts &costs)
{
    using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
    using Graph = boost::adjacency_list<
        boost::vecS, boost::vecS, boost::directedS,
        boost::property<boost::vertex_index_t, long,
                        boost::property<boost::vertex_color_t, boost::default_color_type,
                                        boost::property<boost::vertex_distance_t, long,
                                                        boost::property<boost::vertex_predecessor_t,
                                                                        Traits::edge_descriptor>>>>,
        boost::property<
            boost::edge_capacity_t, double,
            boost::property<boost::edge_residual_capacity_t, double,
                            boost::property<boost::edge_reverse_t, Traits::edge_descriptor>>>>;
    const int blocks = flow.blocks;
    const auto source = size_t(blocks + int(flow.tensors.size()));
    const auto sink = source + 1;
    Graph g(sink + 1);
    auto capacity = boost::get(boost::edge_capacity, g);
    auto reverse = boost::get(boost::edge_reverse, g);
    // Unbounded: more than every block and tensor together.
    double unbounded = 1.0;
    for (int b = 0; b < blocks; ++b)
        unbounded += costs.device_s[size_t(b)] + costs.edge_s[size_t(b)];
    for (const auto &t : flow.tensors)
        unbounded += sendCost(t, costs);
    unbounded *= 4;
    const auto add = [&](size_t from, size_t to, double c) {
        const auto there = boost::add_edge(from, to, g).first;
        const auto back = boost::add_edge(to, from, g).first;
        capacity[there] = c;
        capacity[back] = 0;
        reverse[there] = back;
        reverse[back] = there;
    };
    for (int b = 0; b < blocks; ++b) {
        add(source, size_t(b), costs.edge_s[size_t(b)]);
        add(size_t(b), sink, costs.device_s[size_t(b)]);
    }
    for (size_t i = 0; i < flow.tensors.size(); ++i) {
        const auto &t = flow.tensors[i];
        const size_t node = size_t(blocks) + i;
        add(t.producer < 0 ? source : size_t(t.producer), node, sendCost(t, costs));
        for (const int reader : t.consumers) {
            add(node, size_t(reader), unbounded);
            if (t.producer >= 0)
                add(size_t(reader), size_t(t.producer), unbounded);
        }
    }
    if (const int out = outputBlock(flow); out >= 0)
        add(size_t(out), sink, unbounded);
    boost::boykov_kolmogorov_max_flow(g, source, sink);
    // The source's side: the vertices left in the source's search tree.
    const auto colour = boost::get(boost::vertex_color, g);
    std::vector<bool> onDevice(static_cast<size_t>(blocks));
    for (int b = 0; b < blocks; ++b)
        onDevice[size_t(b)] = boost::get(colour, size_t(b)) == boost::get(colour, source);
    return onDevice;
}

} // namespace

PartitionCosts partitionCosts(const SplitSeries &series, const NetworkProfile &link)
{
    const auto &points = series.points;
    const int k = int(points.size()) - 1;
    PartitionCosts costs;
    for (int b = 0; b < k; ++b) {
        const auto &here = points[size_t(b)].scission;
        const auto &next = points[size_t(b) + 1].scission;
        costs.device_s.push_back(
            std::max(0.0, part(next, Part::Device) - part(here, Part::Device)));
        costs.edge_s.push_back(std::max(0.0, part(here, Part::Edge) - part(next, Part::Edge)));
    }
    double raw = 0, encoded = 0, serialise = 0, deserialise = 0;
    for (int s = 0; s < k; ++s) {
        const auto &p = points[size_t(s)];
        raw += double(p.rawBytes);
        encoded += double(p.codecBytes);
        serialise += part(p.scission, Part::Serialise);
        deserialise += part(p.scission, Part::Deserialise);
    }
    if (raw > 0)
        costs.wire = {encoded / raw, serialise / raw, deserialise / raw};
    costs.latency_s = link.latency_s;
    costs.uplink_bps = link.uplink_bps;
    costs.return_s = k > 0 ? part(points.front().scission, Part::Return) : 0.0;
    return costs;
}

Partition evaluatePartition(const graph::DataFlow &flow, const PartitionCosts &costs,
                            std::vector<bool> onDevice)
{
    Partition p;
    bool allOnDevice = true;
    for (int b = 0; b < flow.blocks; ++b) {
        p.total_s += onDevice[size_t(b)] ? costs.device_s[size_t(b)] : costs.edge_s[size_t(b)];
        allOnDevice = allOnDevice && onDevice[size_t(b)];
    }
    for (const auto &t : flow.tensors) {
        const bool made = madeOnDevice(t, onDevice);
        for (const int reader : t.consumers) {
            if (!made && onDevice[size_t(reader)])
                throw Error(ErrorKind::InvalidInput,
                            "block " + std::to_string(reader) +
                                " on the device reads a tensor made on the edge");
        }
        const bool sent = made && std::any_of(t.consumers.begin(), t.consumers.end(),
                                              [&](int r) { return !onDevice[size_t(r)]; });
        if (sent) {
            p.total_s += sendCost(t, costs);
            p.rawBytes += t.bytes;
            ++p.tensors;
        }
    }
    if (!allOnDevice)
        p.total_s += costs.latency_s + costs.return_s;
    p.sameAsSplit = splitOf(onDevice);
    p.onDevice = std::move(onDevice);
    return p;
}

PartitionComparison comparePartitions(const graph::DataFlow &flow, const PartitionCosts &costs)
{
    PartitionComparison result;
    const int k = flow.blocks;
    // All on the device is a split and, since the cut puts the output on the edge, the cut's
    // other candidate.
    const auto allOnDevice = evaluatePartition(flow, costs, prefix(k, k));
    result.bestSplit = allOnDevice;
    for (int s = 0; s < k; ++s) {
        auto p = evaluatePartition(flow, costs, prefix(k, s));
        if (p.total_s < result.bestSplit.total_s)
            result.bestSplit = std::move(p);
    }
    result.best = allOnDevice;
    if (k > 0) {
        auto cut = evaluatePartition(flow, costs, minimumCut(flow, costs));
        if (cut.total_s < result.best.total_s)
            result.best = std::move(cut);
    }
    // Never worse than a split of the order: ties go to the split, which the rest of Cleave runs.
    if (result.bestSplit.total_s <= result.best.total_s)
        result.best = result.bestSplit;
    return result;
}

} // namespace cleave::plan
