// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace cleave {

/// What an agent may use of its machine, enforced by the kernel: a share of the CPU (0.1 is a
/// tenth of one core; more than 1 spreads over several) and a memory ceiling. An agent with
/// limits emulates a slower machine, and is a resource of its own.
struct ResourceLimits
{
    std::optional<double> cpuCores;
    std::optional<int64_t> memoryBytes;

    bool any() const { return cpuCores || memoryBytes; }
    /// "0.1 core, 1024 MiB", "2 cores", "512 MiB"; empty without limits.
    std::string describe(const std::string &separator = ", ") const;
};

/// The resource an agent measures as: `base` (NAME@HOST), with its limits when it has any,
/// "local-device@vm (emulated: 0.1 core; 1024 MiB)". No comma, so that lists of resources
/// (--require a,b) can name it.
std::string resourceName(const std::string &base, const ResourceLimits &limits);

} // namespace cleave
