// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/client/localagents.h"

#include "core/error.h"
#include "remote/cpupinning.h"
#include "remote/secrets.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <future>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace cleave::remote {

namespace {

// Reads stdout until the start-up line ("... listening on HOST:PORT") or the timeout.
std::string waitForStartLine(int fd, pid_t pid, std::chrono::seconds timeout)
{
    const auto end = std::chrono::steady_clock::now() + timeout;
    std::string text;
    while (std::chrono::steady_clock::now() < end) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 200) > 0) {
            char buffer[256];
            const auto n = read(fd, buffer, sizeof buffer);
            if (n <= 0)
                break; // the agent closed stdout: it exited
            text.append(buffer, size_t(n));
            const auto at = text.find("listening on ");
            const auto newline = text.find('\n', at == std::string::npos ? 0 : at);
            if (at != std::string::npos && newline != std::string::npos)
                return text.substr(0, newline);
        }
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid)
            break;
    }
    return {};
}

} // namespace

std::string AgentProcess::executable()
{
    if (const char *path = std::getenv("CLEAVE_AGENT"); path && *path)
        return path;
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto sibling = self.parent_path() / "cleave-agent";
        if (std::filesystem::exists(sibling, ec))
            return sibling.string();
    }
    return "cleave-agent";
}

AgentProcess::AgentProcess(const std::string &name, const std::string &role, int threads,
                           const std::vector<std::string> &extraArgs)
{
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0)
        throw Error(ErrorKind::Unavailable, "cannot start the local " + role + " agent: no pipe");
    // The lifeline: the agent stops when it reads the end of this pipe, which happens when this
    // process closes it or dies, whatever kills it (SIGKILL too). Only this process holds the
    // writing end (close-on-exec); the child gets the reading end.
    int lifeline[2];
    if (pipe2(lifeline, O_CLOEXEC) != 0) {
        close(out[0]);
        close(out[1]);
        throw Error(ErrorKind::Unavailable, "cannot start the local " + role + " agent: no pipe");
    }
    m_lifeline = lifeline[1];
    const auto program = executable();
    std::vector<std::string> args{
        program, "--name", name, "--role", role, "--lifeline-fd", std::to_string(lifeline[0])};
    if (std::find(extraArgs.begin(), extraArgs.end(), "--listen") == extraArgs.end())
        args.insert(args.end(), {"--listen", "127.0.0.1:0"});
    if (threads > 0) {
        args.push_back("--threads");
        args.push_back(std::to_string(threads));
    }
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());
    std::vector<char *> argv;
    for (auto &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    // The same descriptor: glibc clears close-on-exec for the child alone.
    posix_spawn_file_actions_adddup2(&actions, lifeline[0], lifeline[0]);
    // Its request log would interleave with our progress output.
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    const int rc = posix_spawnp(&m_pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    close(lifeline[0]);
    if (rc != 0) {
        close(out[0]);
        close(m_lifeline);
        throw Error(ErrorKind::Unavailable, "cannot start the local " + role + " agent (" +
                                                program + "): " + std::strerror(rc));
    }
    m_startLine = waitForStartLine(out[0], m_pid, std::chrono::seconds(60));
    close(out[0]);
    const auto at = m_startLine.rfind("listening on ");
    if (at != std::string::npos)
        m_address = m_startLine.substr(at + 13);
    if (m_address.empty()) {
        kill(m_pid, SIGKILL);
        waitpid(m_pid, nullptr, 0);
        close(m_lifeline);
        throw Error(ErrorKind::Unavailable,
                    "the local " + role + " agent (" + program + ") did not start listening");
    }
}

AgentProcess::~AgentProcess()
{
    if (m_pid <= 0)
        return;
    close(m_lifeline);
    kill(m_pid, SIGTERM);
    for (int i = 0; i < 50; ++i) {
        if (waitpid(m_pid, nullptr, WNOHANG) == m_pid)
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    kill(m_pid, SIGKILL);
    waitpid(m_pid, nullptr, 0);
}

namespace {

// The agent options that apply `limits`.
std::vector<std::string> limitArgs(const ResourceLimits &limits)
{
    std::vector<std::string> args;
    if (limits.cpuCores) {
        std::ostringstream share;
        share << *limits.cpuCores;
        args.insert(args.end(), {"--cpu-limit", share.str()});
    }
    if (limits.memoryBytes)
        args.insert(args.end(), {"--memory-limit", std::to_string(*limits.memoryBytes >> 20)});
    return args;
}

// Where each local agent runs. An emulated device gets a core of its own and the edge the
// others (with a CPU share of as many cores, so that it is a resource apart from the edge that
// shares every core): a throttled device then never waits for the edge's threads, nor the edge
// for the device's, and the benchmark and the offload see the same machines. Not on a machine of
// one core, nor where the edge's share asked for needs the device's core.
struct Placement
{
    LocalLimits limits;
    std::vector<std::string> deviceArgs, edgeArgs;
};

Placement place(const LocalLimits &asked)
{
    Placement placement{asked, {}, {}};
    const auto cpus = allowedCpus();
    if (!asked.device.cpuCores || cpus.size() < 2)
        return placement;
    const std::vector<int> rest(cpus.begin() + 1, cpus.end());
    if (asked.edge.cpuCores && *asked.edge.cpuCores > double(rest.size()))
        return placement;
    if (!placement.limits.edge.cpuCores)
        placement.limits.edge.cpuCores = double(rest.size());
    placement.deviceArgs = {"--cpus", std::to_string(cpus.front())};
    placement.edgeArgs = {"--cpus", formatCpuList(rest)};
    return placement;
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string> &b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

} // namespace

LocalAgents::LocalAgents(const std::string &tokenFile, const LocalLimits &limits)
{
    std::unique_ptr<PrivateTokenFile> fresh;
    if (tokenFile.empty()) {
        m_access.token = newToken();
        fresh = std::make_unique<PrivateTokenFile>(m_access.token);
    } else if (const auto problem = privateFileProblem(tokenFile); !problem.empty()) {
        throw Error(ErrorKind::InvalidInput,
                    "--token-file " + tokenFile + ": " + problem +
                        " (the local agents would accept anyone who reads it)");
    } else {
        m_access.tokenFile = tokenFile;
    }
    const std::vector<std::string> args{"--token-file", fresh ? fresh->path() : tokenFile};
    // Both start at once: loading LibTorch is most of an agent's start-up. The agents have read
    // the token once they listen; the fresh file goes when this returns.
    const auto placement = place(limits);
    const auto edgeArgs =
        concat(concat(args, limitArgs(placement.limits.edge)), placement.edgeArgs);
    auto edge = std::async(std::launch::async, [&edgeArgs] {
        return std::make_unique<AgentProcess>("local-edge", "edge", 0, edgeArgs);
    });
    // One thread, or as many as a CPU share covers (the agent's own rule).
    m_device = std::make_unique<AgentProcess>(
        "local-device", "device", limits.device.cpuCores ? 0 : 1,
        concat(concat(args, limitArgs(limits.device)), placement.deviceArgs));
    m_edge = edge.get();
}

} // namespace cleave::remote

namespace cleave::remote {

namespace {

// The cores each device is pinned to (first fit of the shares on all cores but the last), and
// the cores left for the edge; all empty when the shares do not fit so.
struct ClusterPlacement
{
    std::vector<std::vector<std::string>> deviceArgs;
    std::vector<std::string> edgeArgs;
    std::vector<int> spare;
};

ClusterPlacement placeCluster(const std::vector<double> &shares)
{
    ClusterPlacement placement;
    placement.deviceArgs.resize(shares.size());
    const auto cpus = allowedCpus();
    if (cpus.size() < 2)
        return placement;
    std::vector<double> load(cpus.size() - 1, 0.0);
    std::vector<int> used;
    for (size_t i = 0; i < shares.size(); ++i) {
        const auto core = std::find_if(load.begin(), load.end(),
                                       [&](double l) { return l + shares[i] <= 1.0 + 1e-9; });
        if (core == load.end())
            return {std::vector<std::vector<std::string>>(shares.size()), {}};
        *core += shares[i];
        const int cpu = cpus[size_t(core - load.begin())];
        placement.deviceArgs[i] = {"--cpus", std::to_string(cpu)};
        if (std::find(used.begin(), used.end(), cpu) == used.end())
            used.push_back(cpu);
    }
    std::vector<int> rest;
    for (int cpu : cpus)
        if (std::find(used.begin(), used.end(), cpu) == used.end())
            rest.push_back(cpu);
    placement.edgeArgs = {"--cpus", formatCpuList(rest), "--cpu-limit",
                          std::to_string(rest.size())};
    placement.spare = rest;
    return placement;
}

} // namespace

LocalCluster::LocalCluster(const std::vector<double> &shares, bool edge)
{
    m_access.token = newToken();
    const PrivateTokenFile token(m_access.token);
    const std::vector<std::string> args{"--token-file", token.path()};
    const auto placement = placeCluster(shares);
    m_spareCpus = placement.spare;
    std::future<std::unique_ptr<AgentProcess>> edgeStart;
    if (edge)
        edgeStart = std::async(std::launch::async, [&] {
            return std::make_unique<AgentProcess>("local-edge", "edge", 0,
                                                  concat(args, placement.edgeArgs));
        });
    std::vector<std::future<std::unique_ptr<AgentProcess>>> starts;
    for (size_t i = 0; i < shares.size(); ++i) {
        ResourceLimits limits;
        limits.cpuCores = shares[i];
        auto deviceArgs = concat(concat(args, limitArgs(limits)), placement.deviceArgs[i]);
        starts.push_back(std::async(std::launch::async, [i, deviceArgs] {
            return std::make_unique<AgentProcess>("local-device-" + std::to_string(i + 1), "device",
                                                  0, deviceArgs);
        }));
    }
    std::optional<Error> failed;
    for (auto &start : starts) {
        try {
            m_devices.push_back(start.get());
        } catch (const Error &e) {
            failed = failed.value_or(e);
        }
    }
    if (edgeStart.valid()) {
        try {
            m_edge = edgeStart.get();
        } catch (const Error &e) {
            failed = failed.value_or(e);
        }
    }
    if (failed)
        throw *failed;
}

} // namespace cleave::remote
