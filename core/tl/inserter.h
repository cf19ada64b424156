// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/modelgraph.h"
#include "core/tl/spec.h"

#include <torch/script.h>

#include <string>
#include <vector>

namespace cleave::tl {

/// A model with a Transfer Layer at one cut, as a trainable TorchScript module: DeviceTL after
/// the cut tensor, EdgeTL right after it, the rest of the model reading what EdgeTL restores.
struct TlModel
{
    torch::jit::Module module; ///< forward(x) -> output; parameters() are trainable
    std::string modelName;
    graph::Shape inputShape;
    int cut = 0;
    TlSpec spec;
    graph::Shape cutShape;  ///< the tensor DeviceTL reads (batch as analysed)
    graph::Shape wireShape; ///< the tensor between DeviceTL and EdgeTL
};

/// ScissionLite's Inserter: the model with `spec` at cut `cut`. Error(InvalidInput) naming the
/// model, the cut and why when the cut is out of range or the TL cannot apply there (not 4-D,
/// or 1x1 spatial, or channels the reduction does not divide).
TlModel insertTransferLayer(const graph::ModelGraph &model, int cut, const TlSpec &spec,
                            uint64_t seed = 0);

/// The parameters to fine-tune: all, or only the TL's and those of the blocks after the cut.
std::vector<torch::Tensor> trainableParameters(const TlModel &model, bool afterCutOnly);

/// ScissionLite's Splitter: the (trained) TL model cut between DeviceTL and EdgeTL. The head
/// runs the blocks before the cut and DeviceTL; the tail runs EdgeTL and the rest.
struct TlSplit
{
    torch::jit::Module head;
    torch::jit::Module tail;
    graph::ModelGraph graph; ///< the frozen TL model the halves were sliced from
    int wireCut = 0;         ///< the cut of the TL model between DeviceTL and EdgeTL
    int restoredCut = 0;     ///< the cut after EdgeTL, where the original tensor is back
    /// The TL model's blocks are [0, cut) [cut, wireCut) [wireCut, restoredCut) and the rest:
    /// the head's blocks, DeviceTL, EdgeTL and the tail's blocks.
};
TlSplit splitAtTransferLayer(const TlModel &model);

} // namespace cleave::tl
