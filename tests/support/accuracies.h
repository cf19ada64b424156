// SPDX-License-Identifier: GPL-3.0-or-later
// Measured accuracies for planner and workbench tests: 1000 images of "toy@0".
#pragma once

#include "core/plan/costs.h"

#include <string>

namespace cleave::testing {

/// `top1` (and agreement) as a fraction; top-5 0.99; `fineTuned` empty: the TL as inserted.
inline plan::MeasuredAccuracy measuredTop1(double top1, const std::string &fineTuned = {})
{
    plan::MeasuredAccuracy a;
    a.dataset = "toy@0";
    a.images = 1000;
    a.top1 = top1;
    a.top5 = 0.99;
    a.agreement = top1;
    a.fineTuned = fineTuned;
    return a;
}

} // namespace cleave::testing
