// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/bundle/bundle.h"
#include "core/progress.h"
#include "core/tl/trainer.h"

#include <functional>
#include <optional>
#include <string>

namespace cleave::bundle {

/// Everything a deployment bundle is made from: `cleave-cli export` and the workbench's export
/// wizard fill it in.
struct ExportRequest
{
    std::string model; ///< a TorchScript file or zoo:NAME
    std::optional<graph::Shape> input;
    uint64_t seed = 0; ///< zoo weights, TL initialisation and shuffling
    int split = -1;
    std::string tl; ///< empty: cut the model as it is

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

/// What the export saw and wrote.
struct ExportResult
{
    BundleInfo info;
    double maxError = 0; ///< |halves - whole| at most, on a sample input
    /// With a TL: how far the TL model's output is from the model's own on that input, at most,
    /// over the largest |output| of the model (0.1: 10 %). An untrained TL changes it.
    std::optional<double> tlChange;
    int64_t wireBytes = 0;
    std::optional<tl::Accuracy> baseline; ///< the model as it is (fine-tuning only)
    std::optional<tl::Accuracy> before;   ///< with the TL, before fine-tuning
    std::vector<tl::EpochReport> epochs;
};

struct ExportObserver
{
    /// Fine-tuning's progress; returning false cancels the export (Error(Cancelled)).
    Progress progress;
    /// Accuracy before fine-tuning (baseline, then with the TL inserted), as soon as known.
    std::function<void(const tl::Accuracy &baseline, const tl::Accuracy &before)> evaluated;
    std::function<void(const tl::EpochReport &)> epoch;
};

/// Cuts the model at the split (inserting and fine-tuning the TL when asked), checks that the
/// halves reproduce the whole, predicts the latency when a store is given and writes the bundle
/// atomically. Bad requests throw Error(InvalidInput / NotFound) naming the input before any
/// work; a cancelled export writes nothing.
ExportResult exportSplit(const ExportRequest &request, const ExportObserver &observer = {});

/// A short name for the Triton model: the zoo name or the file's stem, [A-Za-z0-9_-] only.
std::string shortName(const std::string &model);

} // namespace cleave::bundle
