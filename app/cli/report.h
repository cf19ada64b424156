// SPDX-License-Identifier: GPL-3.0-or-later
// The report `report` and `demo` draw: the latency stacks (Scission beside ScissionTL), the
// transfer sizes per split and, where offload measured this link, measured against predicted.
#pragma once

#include "core/plan/network.h"
#include "core/plan/planner.h"
#include "core/store/store.h"
#include "plots/latencystackplot.h"

#include <optional>
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

/// Draws the plots of stored cluster run `id` of `model` (none: its newest) into `output`: the
/// time line of completed inference `inference` (1-based; none: the last) measured over its
/// plan (its rows priced on `link`), the rows per device of every inference and the speed-up
/// against the number of devices (planned, EdgeDI's, the bound; measured where runs of the
/// same cluster were stored). Returns the line that says what it drew; Error(NotFound) names a
/// missing run or inference.
std::string drawClusterReport(store::Store &db, const std::string &model,
                              const plan::NetworkProfile &link, std::optional<int64_t> id,
                              std::optional<int> inference, const std::string &output,
                              int width = 1000, int height = 500);

} // namespace cleave::cli
