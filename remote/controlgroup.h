// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/resourcelimits.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cleave::remote {

using cleave::ResourceLimits;

/// The control group an agent with limits runs in. Made under the group the agent was started
/// in, one per agent (`cleave-agent.NAME.PID`), in cgroup v2 (`cpu.max`, `memory.max`) or v1
/// (`cpu.cfs_quota_us`/`cpu.cfs_period_us`, `memory.limit_in_bytes`), whichever the machine
/// mounts. The process moves in with all its threads; children it starts (the model checker)
/// stay in it. Destroying it moves the process back and removes the group.
///
///     auto group = ControlGroup::enter("device", {0.1, 1024 << 20});
class ControlGroup
{
public:
    /// The CFS period: throttling works in slices of it. 10 ms is the shortest that allows a
    /// tenth of a core (the kernel's least quota is 1 ms); shorter periods smooth block times a
    /// little but overshoot the share, longer ones make short blocks wait whole periods
    /// (figures: docs/guide.md, "Emulated devices").
    static constexpr int64_t kDefaultCpuPeriodUs = 10'000;
    /// The least quota the kernel accepts.
    static constexpr int64_t kLeastCpuQuotaUs = 1'000;

    /// Moves this process into a new group with `limits`; throws cleave::Error (Unavailable)
    /// saying what is needed where groups cannot be made or written. Memory a process holds
    /// stays charged to the group it was in when it moves (the kernel does not move charges),
    /// so `heldBytes`, what the process holds now, is taken off the group's ceiling: the
    /// process as a whole stays under the memory limit.
    static std::unique_ptr<ControlGroup>
    enter(const std::string &name, const ResourceLimits &limits, int64_t heldBytes = 0,
          int64_t cpuPeriodUs = kDefaultCpuPeriodUs,
          const std::filesystem::path &root = "/sys/fs/cgroup");
    /// Empty where an agent of this user may limit its CPU share, else why not (the agent's own
    /// refusal): the steps enter() takes are tried on a group made and removed again, short of
    /// moving a process into it.
    static std::string whyNoCpuLimit(const std::filesystem::path &root = "/sys/fs/cgroup");
    /// Removes the groups of agents that are gone (their process dead and the group empty), as a
    /// SIGKILL leaves them; returns the paths removed.
    static std::vector<std::filesystem::path>
    removeStale(const std::filesystem::path &root = "/sys/fs/cgroup");

    ~ControlGroup();
    ControlGroup(const ControlGroup &) = delete;
    ControlGroup &operator=(const ControlGroup &) = delete;

    const ResourceLimits &limits() const { return m_limits; }
    /// Changes the CPU share while the agent runs (its period stays); throws cleave::Error
    /// (InvalidInput) without a CPU limit to change or for a quota below the kernel's least.
    void setCpuLimit(double cores);
    /// The groups made (one in v2; the cpu and the memory group in v1).
    const std::vector<std::filesystem::path> &paths() const { return m_groups; }
    /// Bytes the process uses as the limit counts them: what the group was charged since the
    /// move (page cache included) and what it held before; nullopt without a memory limit.
    std::optional<int64_t> memoryUsed() const;

private:
    ControlGroup() = default;

    ResourceLimits m_limits;
    std::vector<std::filesystem::path> m_groups;  ///< made by this agent
    std::vector<std::filesystem::path> m_parents; ///< where the process was, per group
    std::filesystem::path m_memoryGroup;
    int64_t m_heldBytes = 0;          ///< charged elsewhere, held before the move
    std::filesystem::path m_cpuGroup; ///< where the CPU limit is written; empty: none
    int64_t m_cpuPeriodUs = kDefaultCpuPeriodUs;
    bool m_v2 = false;
};

} // namespace cleave::remote
