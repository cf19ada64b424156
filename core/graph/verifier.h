// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/modelgraph.h"
#include "core/progress.h"

#include <vector>

namespace cleave::graph {

/// How far tail(head(x)) strays from model(x) at one split.
struct SplitCheck
{
    int split = 0;
    double maxAbsDiff = 0;
    double relativeDiff = 0; ///< maxAbsDiff / max |model(x)|
};

struct VerifyReport
{
    std::vector<SplitCheck> splits;
    double outputMagnitude = 0; ///< max |model(x)|
    double tolerance = 0;       ///< on relativeDiff

    bool passed() const;
};

/// Splits the model at every cut, runs tail(head(x)) and the whole original model on the same
/// seeded input and compares. Throws Error(Cancelled) when `progress` returns false.
VerifyReport verifySplits(const ModelGraph &model, double tolerance = 1e-4, uint64_t seed = 0,
                          const Progress &progress = {});

} // namespace cleave::graph
