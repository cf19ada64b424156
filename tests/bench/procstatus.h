// SPDX-License-Identifier: GPL-3.0-or-later
// Memory figures of a process from /proc/PID/status (Linux), for the memory benchmarks.
#pragma once

#include <cstdint>
#include <fstream>
#include <string>

#include <unistd.h>

namespace cleave::bench {

/// A kB field such as "VmRSS" or "VmHWM" of process `pid`; -1 if it cannot be read.
inline int64_t statusKilobytes(const std::string &field, pid_t pid = getpid())
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(field + ":", 0) == 0)
            return std::stoll(line.substr(field.size() + 1));
    return -1;
}

/// Resets the peak resident set size (VmHWM) of `pid` to its current one (Linux: writing 5 to
/// clear_refs). False where the kernel does not allow it.
inline bool resetPeakRss(pid_t pid = getpid())
{
    {
        std::ofstream clear("/proc/" + std::to_string(pid) + "/clear_refs");
        clear << "5" << std::flush;
        if (!clear)
            return false;
    }
    return statusKilobytes("VmHWM", pid) <= statusKilobytes("VmRSS", pid) + 1024;
}

} // namespace cleave::bench
