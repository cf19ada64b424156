// SPDX-License-Identifier: GPL-3.0-or-later
// Internal state of a ModelGraph, shared by the analysis (modelgraph.cpp) and the graph surgery
// (slicer.cpp). Not part of the library's API.
#pragma once

#include "core/graph/modelgraph.h"

#include <torch/csrc/jit/ir/ir.h>

#include <unordered_map>

namespace cleave::graph {

struct ModelGraph::Analysis
{
    std::string name;
    Shape inputShape;
    bool inputAssumed = false; ///< no shape was given or stored: the default was taken
    /// The floating type of the model's parameters (float32 unless the model was converted).
    c10::ScalarType inputType = c10::ScalarType::Float;
    Shape outputShape;
    int64_t parameters = 0;

    torch::jit::Module original; ///< eval mode, as loaded: the verification reference
    bool keepsOriginal = true;   ///< false once dropped (ModelGraph::Original::Drop)
    torch::jit::Module frozen;
    std::shared_ptr<torch::jit::Graph> graph; ///< frozen + inlined forward

    /// Top-level compute nodes in topological order (prim::Constant nodes are left out: slices
    /// clone the constants they need).
    std::vector<torch::jit::Node *> nodes;
    /// Cut s lies before nodes[cutPositions[s]]; cutPositions[K] == nodes.size().
    std::vector<size_t> cutPositions;
    /// The tensors that cross each cut, in the cut's order (one at Block granularity).
    std::vector<std::vector<torch::jit::Value *>> cutValues;
    Granularity granularity = Granularity::Block;
    std::vector<RefusedCut> refused;
    /// Non-tensor values that cross a cut, with the value recorded for the analysed input shape;
    /// slices re-materialise them as constants (e.g. sizes read from the input early on).
    std::unordered_map<const torch::jit::Value *, c10::IValue> rematerialised;

    std::vector<Block> blocks;
    std::vector<Cut> cuts;
};

/// An empty module (no parameters, eval mode) for setForward to give a forward method.
torch::jit::Module newModule();
/// Makes `graph` (whose first input is self) the module's forward.
void setForward(torch::jit::Module &module, std::shared_ptr<torch::jit::Graph> graph);

} // namespace cleave::graph
