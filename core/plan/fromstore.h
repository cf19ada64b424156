// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plan/planner.h"

namespace cleave::store {
class Store;
}

namespace cleave::plan {

/// A planner over the newest complete timings of `model` (a .pt path or zoo:NAME, as given to
/// `cleave-cli bench`) on every resource that has them. When several records carry that name
/// (other seeds or input shapes), the newest one with complete runs is used. Without any:
/// PlanError(NoTimings), naming the model and the store.
Planner plannerFromStore(store::Store &db, const std::string &model);

/// The newest offloaded run of `model` at each split, without and with a Transfer Layer, that
/// went through `request`'s link with its codec, summarised and set beside the total that
/// `predicted` (the planner's series for the same request) gives that configuration. Runs with
/// a TL other than the one ScissionTL takes at their split are left out.
MeasuredSeries measuredFromStore(store::Store &db, const std::string &model,
                                 const PlanRequest &request, const SplitSeries &predicted);

} // namespace cleave::plan
