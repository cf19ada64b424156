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

/// Sets the threads LibTorch computes with, and the system BLAS's to match: LibTorch's setting
/// does not reach OpenBLAS, which starts a thread per core and, between calls, lets its idle
/// threads spin on sched_yield. Beside another process on the same cores (two local agents, or
/// a cluster's driver beside its edge) that spinning takes the core from the thread doing the
/// work: measured run-to-run swings of 20-30 % on one model, and a third more on the edge's
/// every other inference in a cluster.
void setComputeThreads(int threads);

/// "0-1", "0,2": the short form of a list, as parseCpuList reads it.
std::string formatCpuList(const std::vector<int> &cpus);

} // namespace cleave::remote
