// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/resourcelimits.h"

#include <sstream>

namespace cleave {

std::string ResourceLimits::describe(const std::string &separator) const
{
    std::ostringstream text;
    if (cpuCores)
        text << *cpuCores << (*cpuCores <= 1 ? " core" : " cores");
    if (cpuCores && memoryBytes)
        text << separator;
    if (memoryBytes)
        text << (*memoryBytes >> 20) << " MiB";
    return text.str();
}

std::string resourceName(const std::string &base, const ResourceLimits &limits)
{
    return limits.any() ? base + " (emulated: " + limits.describe("; ") + ")" : base;
}

} // namespace cleave
