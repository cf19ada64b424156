// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "remote/agent/bearertoken.h"

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace cleave::remote {

/// What one agent accepts. Each limit is a command-line option of cleave-agent; a call refused
/// by one is told which, by its option's name.
struct AgentLimits
{
    /// Calls in progress at once, every client and service together (--max-streams).
    int maxStreams = 64;
    /// Calls a second from one client host, with a burst of as many (--max-calls-per-s); 0:
    /// unlimited. The default is far above what an offload over loopback makes (~3000/s), so it
    /// only stops floods.
    double callsPerSecond = 10000;
    /// How long one call may run on the agent, whatever deadline its client set
    /// (--max-call-s): long streams stop with DEADLINE_EXCEEDED after it.
    std::chrono::seconds maxCallTime = std::chrono::hours(12);
};

/// The door every call goes through: the bearer token, then the limits. A call that is let in
/// holds a Pass until it returns; the Pass also says when the call has run too long.
class Gate
{
public:
    class Pass
    {
    public:
        Pass(Pass &&other) noexcept;
        Pass(const Pass &) = delete;
        Pass &operator=(const Pass &) = delete;
        ~Pass();

        bool ok() const { return m_status.ok(); }
        const grpc::Status &status() const { return m_status; }
        /// True once the call has run longer than --max-call-s; `why` (when given) gets the
        /// DEADLINE_EXCEEDED status to return.
        bool overdue(grpc::Status *why = nullptr) const;

    private:
        friend class Gate;
        Pass(Gate *gate, grpc::Status status);

        Gate *m_gate; ///< set while the pass holds a stream
        grpc::Status m_status;
        std::chrono::steady_clock::time_point m_start;
        std::chrono::seconds m_limit;
    };

    explicit Gate(BearerToken token = {}, AgentLimits limits = {});

    bool tokenRequired() const { return m_token.required(); }
    const AgentLimits &limits() const { return m_limits; }

    /// Checks the token, the per-client rate and the number of calls in progress, in that
    /// order. UNAUTHENTICATED or RESOURCE_EXHAUSTED (naming the limit) when refused.
    Pass enter(const grpc::ServerContext *context);

private:
    struct Bucket
    {
        double tokens = 0;
        std::chrono::steady_clock::time_point refilled;
    };
    bool takeCall(const std::string &host);

    BearerToken m_token;
    AgentLimits m_limits;
    std::mutex m_mutex;
    int m_streams = 0;
    std::map<std::string, Bucket> m_buckets; ///< by client host
};

/// The host part of a gRPC peer ("ipv4:127.0.0.1:5000" -> "127.0.0.1", "ipv6:[::1]:5000" ->
/// "[::1]"): clients are counted by host, since each call may come from a new port.
std::string peerHost(const std::string &peer);

} // namespace cleave::remote
