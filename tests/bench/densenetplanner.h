// SPDX-License-Identifier: GPL-3.0-or-later
// A planner over the largest zoo model for speed goals: DenseNet-201's real blocks and cut sizes
// (118 blocks, analysed once) with seeded random timings of a realistic spread — ranking and
// drawing cost the same whatever the numbers are.
#pragma once

#include "core/graph/granularity.h"
#include "core/plan/planner.h"

namespace cleave::bench {

/// One device and one edge resource; `allTiers`: two per tier, cloud included. At node
/// granularity: 608 blocks, cuts of several tensors.
plan::Planner densenetPlanner(bool allTiers,
                              graph::Granularity granularity = graph::Granularity::Block);

} // namespace cleave::bench
