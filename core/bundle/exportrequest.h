// SPDX-License-Identifier: GPL-3.0-or-later
// What an export is asked for, as plain data without LibTorch: the CLI and the workbench's
// wizard each fill in one and hand it to bundle::exportSplit.
#pragma once

#include "core/graph/granularity.h"
#include "core/graph/shape.h"
#include "core/tl/trainsettings.h"

#include <cstdint>
#include <optional>
#include <string>

namespace cleave::bundle {

/// Everything a deployment bundle is made from: `cleave-cli export` and the workbench's export
/// wizard fill it in.
struct ExportRequest
{
    std::string model; ///< a TorchScript file or zoo:NAME
    std::optional<graph::Shape> input;
    uint64_t seed = 0;         ///< zoo weights, TL initialisation and shuffling
    graph::CutOptions cutting; ///< where `split` lies: block or node granularity's cuts
    int split = -1;
    std::string tl; ///< empty: cut the model as it is (a TL needs a cut of one tensor)

    /// Fine-tuning the TL model (needs `tl`): empty `data` skips it.
    std::string data;
    tl::TrainSettings training;
    int64_t trainLimit = 0; ///< 0: all images
    int64_t testLimit = 0;
    bool afterCutOnly = false;

    /// A store to predict the split's latency from, on the `link` preset; empty: no prediction.
    std::string db;
    /// A store without timings of the model (the workbench's project) means no prediction
    /// rather than an error.
    bool predictOnlyIfTimed = false;
    std::string link = "5g-peak";

    std::string output;
    bool force = false; ///< replace an output folder that is not empty
};

/// A short name for the Triton model: the zoo name or the file's stem, [A-Za-z0-9_-] only.
std::string shortName(const std::string &model);

} // namespace cleave::bundle
