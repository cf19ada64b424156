// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cleave::remote {

/// The CPUs of a list as the kernel writes them ("0", "1-3", "0,2-3"), in order and without
/// repeats; nullopt when `list` is not such a list.
std::optional<std::vector<int>> parseCpuList(const std::string &list);

/// The CPUs this process may run on now.
std::vector<int> allowedCpus();

/// Pins every thread of this process (LibTorch starts some before main) and the threads it
/// starts later to `cpus`. Returns an empty string, or what went wrong (a CPU this process may
/// not use).
std::string pinToCpus(const std::vector<int> &cpus);

/// "0-1", "0,2": the short form of a list, as parseCpuList reads it.
std::string formatCpuList(const std::vector<int> &cpus);

} // namespace cleave::remote
