// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/resourcelimits.h"
#include "remote/client/agentaccess.h"

#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

namespace cleave::remote {

/// One cleave-agent child process listening on 127.0.0.1 with a port the system chose. It stops
/// when this goes away or when this process dies, however (a pipe whose end it watches).
class AgentProcess
{
public:
    /// Starts the agent (with `extraArgs`, e.g. --token-file F) and waits (up to 60 s) until it
    /// listens; on 127.0.0.1 with a free port unless `extraArgs` has a --listen of its own.
    /// Throws Error(Unavailable).
    AgentProcess(const std::string &name, const std::string &role, int threads,
                 const std::vector<std::string> &extraArgs = {});
    ~AgentProcess(); ///< SIGTERM, then SIGKILL if it does not stop within 5 s
    AgentProcess(const AgentProcess &) = delete;
    AgentProcess &operator=(const AgentProcess &) = delete;

    const std::string &address() const { return m_address; }
    /// What the agent said when it started: name, role, threads, address.
    const std::string &startLine() const { return m_startLine; }
    pid_t pid() const { return m_pid; }

    /// The cleave-agent next to the running executable, or $CLEAVE_AGENT when set.
    static std::string executable();

private:
    pid_t m_pid = -1;
    int m_lifeline = -1; ///< the writing end of the agent's lifeline
    std::string m_address;
    std::string m_startLine;
};

/// Limits for the local agents (--device-cpu, --device-memory-mib, --edge-cpu): the device
/// then emulates a slower machine, with the kernel doing the throttling.
struct LocalLimits
{
    ResourceLimits device;
    ResourceLimits edge;
};

/// The embedded default: a `device` agent limited to one thread and an `edge` agent with all
/// cores, both real processes on loopback, stopped when this goes away. Both require a token,
/// so that other users of the machine cannot use them while they run.
class LocalAgents
{
public:
    /// `tokenFile` empty: a fresh random token, handed to the agents in a file only this user
    /// may read, removed once they listen (never on a command line). Else that file's token;
    /// Error(InvalidInput) naming it, before any agent starts, when it is not private.
    /// With `limits`, the agents run in control groups of their own (which needs root or a
    /// delegated group: else Error(Unavailable) with the agent's reason). An emulated device
    /// then runs on a core of its own and the edge on the others, limited to them (placement
    /// in localagents.cpp).
    explicit LocalAgents(const std::string &tokenFile = {}, const LocalLimits &limits = {});
    const AgentProcess &device() const { return *m_device; }
    const AgentProcess &edge() const { return *m_edge; }
    /// What a client needs to call them.
    const AgentAccess &access() const { return m_access; }

private:
    AgentAccess m_access;
    std::unique_ptr<AgentProcess> m_device;
    std::unique_ptr<AgentProcess> m_edge;
};

/// Local agents for one inference over a cluster: one device agent per CPU share, each in a
/// control group of its own limited to its share, and optionally an edge agent. Devices whose
/// shares fit on the cores but one share them (first fit, in order), and the edge takes the
/// cores left; with more shares than that, no agent is pinned. Named local-device-1, -2, ...
/// Needs root or a delegated control group (else Error(Unavailable) with the agent's reason).
class LocalCluster
{
public:
    LocalCluster(const std::vector<double> &shares, bool edge);
    const std::vector<std::unique_ptr<AgentProcess>> &devices() const { return m_devices; }
    /// Null without an edge.
    const AgentProcess *edge() const { return m_edge.get(); }
    const AgentAccess &access() const { return m_access; }
    /// The cores no device is pinned to (the edge's); empty when the devices are not pinned.
    /// What drives the cluster belongs there: on a device's core it would wait for the device.
    const std::vector<int> &spareCpus() const { return m_spareCpus; }

private:
    AgentAccess m_access;
    std::vector<int> m_spareCpus;
    std::vector<std::unique_ptr<AgentProcess>> m_devices;
    std::unique_ptr<AgentProcess> m_edge;
};

} // namespace cleave::remote
