// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/cpupinning.h"

#include <ATen/Parallel.h>

#include <dlfcn.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <filesystem>
#include <sched.h>
#include <set>
#include <sys/types.h>

namespace cleave::remote {

namespace {

std::optional<int> cpuNumber(const std::string &text)
{
    int value = -1;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 0 ||
        value >= CPU_SETSIZE)
        return std::nullopt;
    return value;
}

} // namespace

std::optional<std::vector<int>> parseCpuList(const std::string &list)
{
    std::set<int> cpus;
    size_t from = 0;
    while (from <= list.size()) {
        const auto comma = std::min(list.find(',', from), list.size());
        const auto item = list.substr(from, comma - from);
        const auto dash = item.find('-');
        const auto first = cpuNumber(item.substr(0, dash));
        const auto last = dash == std::string::npos ? first : cpuNumber(item.substr(dash + 1));
        if (!first || !last || *last < *first)
            return std::nullopt;
        for (int cpu = *first; cpu <= *last; ++cpu)
            cpus.insert(cpu);
        from = comma + 1;
    }
    return std::vector<int>(cpus.begin(), cpus.end());
}

std::vector<int> allowedCpus()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    std::vector<int> cpus;
    if (sched_getaffinity(0, sizeof set, &set) == 0)
        for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
            if (CPU_ISSET(cpu, &set))
                cpus.push_back(cpu);
    return cpus;
}

std::string pinToCpus(const std::vector<int> &cpus)
{
    const auto allowed = allowedCpus();
    for (const int cpu : cpus)
        if (!std::binary_search(allowed.begin(), allowed.end(), cpu))
            return "CPU " + std::to_string(cpu) + " is not one this process may run on (" +
                   formatCpuList(allowed) + ")";
    cpu_set_t set;
    CPU_ZERO(&set);
    for (const int cpu : cpus)
        CPU_SET(cpu, &set);
    // Threads started later inherit the mask of the thread that starts them.
    std::error_code error;
    for (const auto &task : std::filesystem::directory_iterator("/proc/self/task", error)) {
        const auto tid = pid_t(std::stoi(task.path().filename().string()));
        if (sched_setaffinity(tid, sizeof set, &set) != 0 && errno != ESRCH)
            return "cannot pin thread " + std::to_string(tid) + " to CPUs " + formatCpuList(cpus);
    }
    if (error || sched_setaffinity(0, sizeof set, &set) != 0)
        return "cannot pin this process to CPUs " + formatCpuList(cpus);
    return {};
}

std::string formatCpuList(const std::vector<int> &cpus)
{
    std::string text;
    for (size_t i = 0; i < cpus.size();) {
        size_t j = i;
        while (j + 1 < cpus.size() && cpus[j + 1] == cpus[j] + 1)
            ++j;
        text += (text.empty() ? "" : ",") + std::to_string(cpus[i]);
        if (j > i)
            text += "-" + std::to_string(cpus[j]);
        i = j + 1;
    }
    return text;
}

void setComputeThreads(int threads)
{
    at::set_num_threads(threads);
    // OpenBLAS is found at run time: Debian's alternatives choose the library.
    using SetThreads = void (*)(int);
    if (auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        set(at::get_num_threads());
}

} // namespace cleave::remote
