// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plan/planner.h"

#include <string>
#include <vector>

namespace cleave {

/// The embedded default (`make run`, `cleave-cli demo`, the workbench's "Try it"): a model at
/// its real input size on a device emulated at a small CPU share beside an unthrottled edge,
/// over a 5G link, with the Transfer Layer and a codec measured, so that the device alone,
/// Scission, ScissionTL and the codec differ as in the papers. One description for every front
/// end.
struct Demo
{
    std::string model = "zoo:resnet18";
    /// A tenth of a core: the least share the kernel grants at the default period, about 12
    /// times slower than the edge's core here (docs/guide.md, "Emulated devices").
    double deviceCpu = 0.1;
    /// Where the device cannot be emulated (no control groups to write): the what-if factor
    /// that plans the unthrottled device as the emulated one would run.
    double whatIfSlowdown = 12;
    std::string link = "5g-peak";
    std::string tl = "maxpool2";
    std::vector<std::string> codecs{"fp32", "int8+zstd"};
    /// The raw input stays on the device: the output of the first convolution's ReLU at the
    /// earliest (the papers' privacy constraint).
    int minSplit = 2;
    int warmup = 2;
    int reps = 5;
    int measuredRuns = 5; ///< the chosen split, offloaded once to set against its prediction

    /// The demo's plan of `planner`'s timings: its link, Transfer Layer and privacy constraint;
    /// with `whatIf`, every device planned `whatIfSlowdown` times slower; with `only`, every
    /// resource not named there excluded (a project that also holds other machines' timings).
    plan::PlanRequest request(const plan::Planner &planner, bool whatIf,
                              const std::vector<std::string> &only = {}) const;
};

} // namespace cleave
