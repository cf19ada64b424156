// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/planoptions.h"

#include <string>
#include <vector>

namespace cleave::cli {

/// `plan --cluster SOURCE,DEVICE,...`: the ways one inference from SOURCE can run, ranked.
int printDeployments(const PlanOptions &options, const std::vector<std::string> &devices,
                     bool json);

} // namespace cleave::cli
