// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/bundle/bundle.h"
#include "core/bundle/exportrequest.h"
#include "core/progress.h"
#include "core/tl/trainer.h"

#include <functional>
#include <optional>
#include <string>

namespace cleave::bundle {

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

} // namespace cleave::bundle
