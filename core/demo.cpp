// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo.h"

#include <algorithm>

namespace cleave {

plan::PlanRequest Demo::request(const plan::Planner &planner, bool whatIf,
                                const std::vector<std::string> &only) const
{
    plan::PlanRequest r;
    r.link = plan::NetworkProfile::preset(link);
    r.mode = plan::Mode::ScissionTl;
    r.tlSpecs = {tl};
    r.constraints.minSplit = minSplit;
    for (const auto &resource : planner.resources()) {
        if (whatIf && resource.tier == plan::Tier::Device)
            r.constraints.slowdown[resource.name] = whatIfSlowdown;
        if (!only.empty() && std::find(only.begin(), only.end(), resource.name) == only.end())
            r.constraints.excludedResources.push_back(resource.name);
    }
    return r;
}

} // namespace cleave
