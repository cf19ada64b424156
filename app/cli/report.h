// SPDX-License-Identifier: GPL-3.0-or-later
// The report `report` and `demo` draw: the latency stacks (Scission beside ScissionTL), the
// transfer sizes per split and, where offload measured this link, measured against predicted.
#pragma once

#include "core/plan/planner.h"
#include "core/store/store.h"
#include "plots/latencystackplot.h"

#include <string>

namespace cleave::cli {

/// Error(InvalidInput) naming the flag for a file type or a plot size the report cannot draw.
void checkReportOutput(const std::string &output, int width = 1000, int height = 500);

/// Draws `request`'s report from `db`'s timings into `output` (.png, .pdf or .svg) without a
/// display; returns the lines that say what it drew. Throws PlanError as Planner::plan does,
/// Error(InvalidInput) when the file cannot be written.
std::string drawReport(store::Store &db, const std::string &model, const plan::Planner &planner,
                       const plan::PlanRequest &request, const std::string &output,
                       plots::LatencyStackPlot::Show show, int width = 1000, int height = 500);

} // namespace cleave::cli
