// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/progress.h"
#include "core/tl/dataset.h"
#include "core/tl/trainsettings.h"

#include <torch/script.h>

#include <functional>
#include <string>
#include <vector>

namespace cleave::tl {

/// Top-1 and top-5 accuracy of `module` (forward(images) -> logits) on `data`, in eval mode.
Accuracy evaluate(torch::jit::Module &module, const Dataset &data, int batchSize = 256);

/// Trains `parameters` (a subset of the module's, or all) with SGD and cross-entropy on
/// `train`, shuffled per epoch, and evaluates on `test` after each epoch. `progress` returning
/// false cancels: Error(Cancelled), with the checkpoints of finished epochs kept. Bad settings
/// or a data set that does not fit the model throw Error(InvalidInput).
std::vector<EpochReport> train(torch::jit::Module &module,
                               const std::vector<torch::Tensor> &parameters, const Dataset &train,
                               const Dataset &test, const TrainSettings &settings,
                               const Progress &progress = {},
                               const std::function<void(const EpochReport &)> &onEpoch = {});

} // namespace cleave::tl
