// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/controlgroup.h"

#include "core/error.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <signal.h>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace cleave::remote {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kPrefix = "cleave-agent.";

bool isV2(const fs::path &root)
{
    return fs::exists(root / "cgroup.controllers");
}

// The group this process is in, from /proc/self/cgroup: for a v1 controller ("cpu", "memory"),
// or for v2 (controller ""). Lines read "4:memory:/a/b", "1:cpu,cpuacct:/", "0::/a".
std::string currentGroup(const std::string &controller)
{
    std::ifstream in("/proc/self/cgroup");
    for (std::string line; std::getline(in, line);) {
        const auto first = line.find(':');
        const auto second = line.find(':', first + 1);
        if (first == std::string::npos || second == std::string::npos)
            continue;
        const std::string controllers = line.substr(first + 1, second - first - 1);
        const std::string path = line.substr(second + 1);
        if (controller.empty()
                ? controllers.empty() && line.compare(0, 2, "0:") == 0
                : ("," + controllers + ",").find("," + controller + ",") != std::string::npos)
            return path;
    }
    return "/";
}

// The hierarchy's folder for a v1 controller ("cpu" may be mounted as "cpu,cpuacct").
fs::path v1Mount(const fs::path &root, const std::string &controller)
{
    if (fs::exists(root / controller))
        return root / controller;
    for (const auto &entry : fs::directory_iterator(root)) {
        const auto name = entry.path().filename().string();
        if (("," + name + ",").find("," + controller + ",") != std::string::npos)
            return entry.path();
    }
    throw Error(ErrorKind::Unavailable, "no '" + controller + "' control group hierarchy under " +
                                            root.string() + ": the kernel's " + controller +
                                            " controller is needed for this limit");
}

fs::path under(const fs::path &mount, const std::string &group)
{
    return group == "/" ? mount : mount / fs::path(group).relative_path();
}

// What to do when a group cannot be made or written: said once, the same way everywhere.
[[noreturn]] void refuse(const fs::path &path, const std::string &what, int error)
{
    throw Error(ErrorKind::Unavailable,
                path.string() + ": cannot " + what + " (" + std::strerror(error) +
                    "): resource limits need control groups this user may write; run the agent "
                    "as root, or in a group delegated to its user (systemd-run --user --scope "
                    "-p Delegate=yes cleave-agent ...)");
}

void writeFile(const fs::path &file, const std::string &value)
{
    const int fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        refuse(file, "open for writing", errno);
    const bool ok = ::write(fd, value.data(), value.size()) == ssize_t(value.size());
    const int error = errno;
    ::close(fd);
    if (!ok)
        refuse(file, "write " + value, error);
}

std::string readFile(const fs::path &file)
{
    std::ifstream in(file);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return text;
}

void makeGroup(const fs::path &path)
{
    if (::mkdir(path.c_str(), 0755) != 0)
        refuse(path, "make the control group", errno);
}

// A group name keeps to letters, digits, '-' and '_': an agent's name may hold anything.
std::string groupName(const std::string &name)
{
    std::string safe = name;
    for (char &c : safe)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
            c = '_';
    return std::string(kPrefix) + safe + "." + std::to_string(::getpid());
}

// rmdir fails while the kernel still counts a task that just left: a few tries.
bool removeGroup(const fs::path &path)
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        if (::rmdir(path.c_str()) == 0 || errno == ENOENT)
            return true;
        if (errno != EBUSY)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

bool isStale(const fs::path &group)
{
    const auto name = group.filename().string();
    if (name.rfind(kPrefix, 0) != 0)
        return false;
    const auto dot = name.rfind('.');
    const std::string pid = name.substr(dot + 1);
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos)
        return false;
    // A group another agent is still setting up is empty for a moment, but its process lives.
    const bool gone = ::kill(pid_t(std::stol(pid)), 0) != 0 && errno == ESRCH;
    return gone && readFile(group / "cgroup.procs").find_first_not_of(" \n") == std::string::npos;
}

} // namespace

std::string ControlGroup::whyNoCpuLimit(const fs::path &root)
{
    // The steps enter() takes for a CPU share, on a group of its own, but no process moved.
    try {
        const bool v2 = isV2(root);
        const fs::path parent =
            v2 ? under(root, currentGroup("")) : under(v1Mount(root, "cpu"), currentGroup("cpu"));
        if (v2)
            writeFile(parent / "cgroup.subtree_control", "+cpu");
        const fs::path probe = parent / groupName("probe");
        makeGroup(probe);
        try {
            writeFile(probe / (v2 ? "cpu.max" : "cpu.cfs_period_us"), v2 ? "max 10000" : "10000");
        } catch (...) {
            removeGroup(probe);
            throw;
        }
        removeGroup(probe);
        return {};
    } catch (const std::exception &e) {
        return e.what();
    }
}

std::unique_ptr<ControlGroup> ControlGroup::enter(const std::string &name,
                                                  const ResourceLimits &limits, int64_t heldBytes,
                                                  int64_t cpuPeriodUs, const fs::path &root)
{
    std::unique_ptr<ControlGroup> group(new ControlGroup);
    group->m_limits = limits;
    group->m_heldBytes = heldBytes;
    group->m_cpuPeriodUs = cpuPeriodUs;
    const int64_t ceiling =
        limits.memoryBytes ? std::max<int64_t>(*limits.memoryBytes - heldBytes, 1 << 20) : 0;
    group->m_v2 = isV2(root);
    const std::string leaf = groupName(name);
    const std::string pid = std::to_string(::getpid());
    const auto quota = [&] {
        return std::to_string(std::llround(*limits.cpuCores * double(cpuPeriodUs)));
    };
    // A failure part way leaves nothing behind: the destructor undoes what was done.
    const auto join = [&](const fs::path &parent) {
        const fs::path path = parent / leaf;
        makeGroup(path);
        group->m_groups.push_back(path);
        group->m_parents.push_back(parent);
        return path;
    };
    if (group->m_v2) {
        const fs::path parent = under(root, currentGroup(""));
        std::string enable;
        if (limits.cpuCores)
            enable += "+cpu ";
        if (limits.memoryBytes)
            enable += "+memory";
        writeFile(parent / "cgroup.subtree_control", enable);
        const fs::path path = join(parent);
        if (limits.cpuCores) {
            writeFile(path / "cpu.max", quota() + " " + std::to_string(cpuPeriodUs));
            group->m_cpuGroup = path;
        }
        if (limits.memoryBytes) {
            writeFile(path / "memory.max", std::to_string(ceiling));
            if (fs::exists(path / "memory.swap.max"))
                writeFile(path / "memory.swap.max", "0");
            group->m_memoryGroup = path;
        }
        writeFile(path / "cgroup.procs", pid);
        return group;
    }
    if (limits.cpuCores) {
        const fs::path path = join(under(v1Mount(root, "cpu"), currentGroup("cpu")));
        writeFile(path / "cpu.cfs_period_us", std::to_string(cpuPeriodUs));
        writeFile(path / "cpu.cfs_quota_us", quota());
        writeFile(path / "cgroup.procs", pid);
        group->m_cpuGroup = path;
    }
    if (limits.memoryBytes) {
        const fs::path path = join(under(v1Mount(root, "memory"), currentGroup("memory")));
        writeFile(path / "memory.limit_in_bytes", std::to_string(ceiling));
        // With swap, the ceiling holds for memory and swap together (else pages just move out).
        if (fs::exists(path / "memory.memsw.limit_in_bytes"))
            writeFile(path / "memory.memsw.limit_in_bytes", std::to_string(ceiling));
        writeFile(path / "cgroup.procs", pid);
        group->m_memoryGroup = path;
    }
    return group;
}

void ControlGroup::setCpuLimit(double cores)
{
    if (m_cpuGroup.empty())
        throw Error(ErrorKind::InvalidInput, "the agent was started without a CPU limit");
    const int64_t quota = std::llround(cores * double(m_cpuPeriodUs));
    if (!(cores > 0) || quota < kLeastCpuQuotaUs)
        throw Error(ErrorKind::InvalidInput, "a CPU limit of " + std::to_string(cores) +
                                                 " cores gives a quota below the "
                                                 "kernel's least (1 ms) in a period of " +
                                                 std::to_string(m_cpuPeriodUs) + " us");
    if (m_v2)
        writeFile(m_cpuGroup / "cpu.max",
                  std::to_string(quota) + " " + std::to_string(m_cpuPeriodUs));
    else
        writeFile(m_cpuGroup / "cpu.cfs_quota_us", std::to_string(quota));
    m_limits.cpuCores = cores;
}

ControlGroup::~ControlGroup()
{
    const std::string pid = std::to_string(::getpid());
    for (size_t i = m_groups.size(); i-- > 0;) {
        // Back where it was, then the empty group goes. In v2 a parent with controllers for its
        // children holds no processes: then the group stays until the next agent's clean-up.
        try {
            writeFile(m_parents[i] / "cgroup.procs", pid);
        } catch (const Error &) {
            continue;
        }
        removeGroup(m_groups[i]);
    }
}

std::optional<int64_t> ControlGroup::memoryUsed() const
{
    if (m_memoryGroup.empty())
        return std::nullopt;
    const auto text = readFile(m_memoryGroup / (m_v2 ? "memory.current" : "memory.usage_in_bytes"));
    try {
        return std::stoll(text) + m_heldBytes;
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

std::vector<fs::path> ControlGroup::removeStale(const fs::path &root)
{
    std::vector<fs::path> parents;
    if (isV2(root)) {
        parents.push_back(under(root, currentGroup("")));
    } else {
        for (const char *controller : {"cpu", "memory"}) {
            try {
                parents.push_back(under(v1Mount(root, controller), currentGroup(controller)));
            } catch (const Error &) {
            }
        }
    }
    std::vector<fs::path> removed;
    for (const auto &parent : parents) {
        std::error_code error;
        for (const auto &entry : fs::directory_iterator(parent, error))
            if (entry.is_directory() && isStale(entry.path()) && removeGroup(entry.path()))
                removed.push_back(entry.path());
    }
    return removed;
}

} // namespace cleave::remote
