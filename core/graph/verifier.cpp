// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/verifier.h"

#include "core/error.h"

#include <algorithm>

namespace cleave::graph {

bool VerifyReport::passed() const
{
    return std::all_of(splits.begin(), splits.end(),
                       [&](const SplitCheck &c) { return c.relativeDiff <= tolerance; });
}

VerifyReport verifySplits(const ModelGraph &model, double tolerance, uint64_t seed,
                          const Progress &progress)
{
    c10::InferenceMode inference;
    const auto input = model.sampleInput(seed);
    const auto reference = model.forward(input);
    VerifyReport report;
    report.tolerance = tolerance;
    report.outputMagnitude = reference.abs().max().item<double>();
    // An all-zero output must still be compared, so never divide by zero.
    const double scale = std::max(report.outputMagnitude, 1e-12);

    const int k = model.blockCount();
    for (int s = 0; s <= k; ++s) {
        if (progress && !progress(double(s) / (k + 1), "split " + std::to_string(s)))
            throw Error(ErrorKind::Cancelled, model.name() + ": verification cancelled");
        const auto middle = runOnce(model.head(s), Tensors{input});
        const auto output = runOnce(model.tail(s), middle).front();
        if (output.sizes() != reference.sizes())
            throw Error(ErrorKind::Internal, model.name() + ": split " + std::to_string(s) +
                                                 " changes the output shape");
        SplitCheck check;
        check.split = s;
        check.maxAbsDiff = (output - reference).abs().max().item<double>();
        check.relativeDiff = check.maxAbsDiff / scale;
        report.splits.push_back(check);
    }
    if (progress)
        progress(1.0, "done");
    return report;
}

} // namespace cleave::graph
