// SPDX-License-Identifier: GPL-3.0-or-later
// The papers' comparison (plan::Headline) as `compare` and `demo` print it: a table of the
// contenders, predicted and, where they ran, measured, with the speed-ups; or one JSON document.
#pragma once

#include "core/plan/headline.h"
#include "remote/client/headlinerun.h"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace cleave::cli {

/// `runs` empty: predictions only; else one per row of `h`, run in `rounds` rounds.
void printComparison(std::ostream &out, const std::string &model, const plan::PlanRequest &request,
                     const plan::Headline &h, const std::vector<remote::ContenderRuns> &runs,
                     int rounds);
nlohmann::json comparisonJson(const std::string &model, const plan::PlanRequest &request,
                              const plan::Headline &h,
                              const std::vector<remote::ContenderRuns> &runs);

} // namespace cleave::cli
