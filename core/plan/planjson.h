// SPDX-License-Identifier: GPL-3.0-or-later
// A plan as data for other programs: the JSON `cleave-cli plan --json` prints and the
// workbench exports, and the ranking as CSV.
#pragma once

#include "core/plan/costs.h"
#include "core/plan/network.h"

#include <nlohmann/json.hpp>

#include <string>

namespace cleave::plan {

struct PlanRequest;

nlohmann::json linkJson(const NetworkProfile &link);
nlohmann::json configurationJson(const Configuration &c, int rank, bool threeTiers);
/// The whole plan: model, link(s), mode, codec, the ranking and the planner's notes.
nlohmann::json planJson(const std::string &model, const PlanRequest &request, const Plan &plan);
/// One row per configuration, best first: rank, splits, TL, total and every part in
/// milliseconds, upload bytes. RFC 4180 quoting.
std::string rankingCsv(const Plan &plan);

} // namespace cleave::plan
