// SPDX-License-Identifier: GPL-3.0-or-later
// Small TorchScript models built in C++ (registered parameters + define()d forward code) for
// tests, benchmarks and the demo that `make run` shows.
#pragma once

#include "core/graph/shape.h"

#include <torch/script.h>

#include <cstdint>

namespace cleave::testing {

/// A residual CNN: stem conv+BN+ReLU, `stages` stages of `blocksPerStage` basic residual blocks
/// (the first block of each later stage halves H and W through a strided 1x1 projection),
/// global average pooling and a linear classifier. Weights are seeded.
torch::jit::Module residualCnn(int stages, int blocksPerStage, int width, int classes,
                               uint64_t seed);

/// A plain chain of `layers` conv 3x3 + ReLU pairs (2 * layers blocks). Both are built with
/// the zoo's Builder.
torch::jit::Module convChain(int layers, int channels, uint64_t seed);

/// The demo model of `make run`: residualCnn(3, 2, 16, 10) for 1x3x32x32 images.
torch::jit::Module demoModel();
inline const graph::Shape kDemoInputShape{1, 3, 32, 32};

} // namespace cleave::testing
