// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plan/problem.h"

#include <string>

namespace cleave::cli {

/// A demand by the flag that makes it: "--min-split 2", "--pin 0=edge".
std::string flagText(const plan::Demand &demand);

/// A planner's problem in the command line's words: demands by their flags, and for timings
/// that are missing, the bench command that measures them.
std::string cliText(const plan::PlanProblem &problem);

/// The accuracy command that measures `model`'s configurations with `codec` and the TL specs
/// `tls` (comma separated; empty: none) into `store`; DATA stands for the data set, to be read
/// with the --limit the others were measured with.
std::string accuracyCommand(const std::string &model, const std::string &codec,
                            const std::string &tls, const std::string &store);

} // namespace cleave::cli
