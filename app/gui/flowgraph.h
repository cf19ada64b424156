// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A model's data flow as the graph view draws it, laid out by Graphviz's dot on a worker: plain
// data in and out (no Qt, no LibTorch).
#include "core/graph/dataflow.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cleave::gui {

/// The model input, then one box per block, joined by the tensors that flow between them: one
/// edge per pair of boxes, carrying the bytes of every tensor between them.
struct FlowGraph
{
    struct Box
    {
        std::string label;  ///< the block's label ("layer1.0.conv1"), "input" for the input
        std::string detail; ///< its operators, for the tool-tip
    };
    struct Edge
    {
        int from = 0; ///< box index: 0 the input, b + 1 block b
        int to = 0;
        int64_t bytes = 0;
    };
    /// One tensor that leaves its box: it crosses every split from its box to its last reader.
    struct Tensor
    {
        int from = 0;
        int lastReader = 0; ///< the box index of its last reader
        int64_t bytes = 0;
        int edge = 0; ///< the edge to its last reader, where the graph view labels it
    };
    std::vector<Box> boxes;
    std::vector<Edge> edges;
    std::vector<Tensor> tensors;

    /// Block b's box.
    static int boxOf(int block) { return block + 1; }
    /// Whether `edge` crosses split `split` (blocks [0, split) before it): it leaves a box
    /// before the split for one after it.
    static bool crosses(const Edge &edge, int split)
    {
        return edge.from <= split && edge.to > split;
    }
    /// Whether `tensor` is sent at split `split`.
    static bool crosses(const Tensor &tensor, int split)
    {
        return tensor.from <= split && tensor.lastReader > split;
    }
};

/// The flow graph of a model's blocks (`labels` and `details` by block) and data flow.
FlowGraph flowGraph(const std::vector<std::string> &labels, const std::vector<std::string> &details,
                    const graph::DataFlow &flow);

/// Where dot put the flow graph, in points, y growing downwards (as Qt draws).
struct FlowLayout
{
    struct Point
    {
        double x = 0;
        double y = 0;
    };
    struct PlacedBox
    {
        Point centre;
        double width = 0;
        double height = 0;
    };
    std::vector<PlacedBox> boxes;
    /// By edge, in the graph's order: a start point, then cubic Bezier segments of three points
    /// (two controls and an end).
    std::vector<std::vector<Point>> edges;
    double width = 0;
    double height = 0;
};

/// Lays `graph` out top to bottom with dot. Large graphs trade crossing minimisation and
/// balance for time (bounded iterations). Error(Internal) with Graphviz's reason when it fails.
FlowLayout layOut(const FlowGraph &graph);

} // namespace cleave::gui
