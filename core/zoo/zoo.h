// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/modelgraph.h"
#include "core/graph/shape.h"

#include <torch/script.h>

#include <optional>
#include <string>
#include <vector>

namespace cleave::zoo {

/// One architecture of the built-in zoo.
struct ZooModel
{
    std::string name;        ///< "resnet50"
    std::string description; ///< "ResNet-50 (torchvision)"
    graph::Shape defaultInput;
    /// Weights and biases as built at the default input: what an agent checks against its
    /// memory limit before it builds the model (tst_zoo builds each to check the figure).
    int64_t parameters = 0;
    int64_t minSide = 1; ///< smallest height/width the architecture takes
    int classes = 1000;  ///< of a segmentation network, the maps of its output
};

/// Every architecture, in a stable order.
const std::vector<ZooModel> &models();

/// The entry called `name`; throws Error(InvalidInput) listing the valid names otherwise.
const ZooModel &find(const std::string &name);
/// The entry called `name`, or null.
const ZooModel *tryFind(const std::string &name);

/// Builds the architecture with Kaiming-normal weights drawn from `seed` (BatchNorm statistics
/// at their initial values, eval mode). The same seed gives a byte-identical saved file.
/// Throws Error(InvalidInput) if `input` is a shape the architecture cannot take.
torch::jit::Module build(const std::string &name, uint64_t seed = 0,
                         const std::optional<graph::Shape> &input = std::nullopt);

/// Checks that `input` fits the architecture (rank 4, channels, minimum size).
void checkInput(const ZooModel &model, const graph::Shape &input);

/// "zoo:resnet50" -> "resnet50"; nullopt for anything else (a file path).
std::optional<std::string> zooName(const std::string &spec);

/// Opens MODEL as the CLI takes it: a TorchScript file path or "zoo:NAME".
graph::ModelGraph
openModel(const std::string &spec, const std::optional<graph::Shape> &input = std::nullopt,
          uint64_t seed = 0,
          graph::ModelGraph::Original original = graph::ModelGraph::Original::Keep,
          const graph::CutOptions &cutting = {});

} // namespace cleave::zoo
