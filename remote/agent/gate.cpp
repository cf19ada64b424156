// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/agent/gate.h"

#include <algorithm>

namespace cleave::remote {

namespace {

std::string formatRate(double perSecond)
{
    auto text = std::to_string(perSecond);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    return text;
}

// Forgotten hosts keep the table small under a scan from many addresses.
constexpr size_t kMaxTrackedHosts = 4096;

} // namespace

std::string peerHost(const std::string &peer)
{
    const auto scheme = peer.find(':');
    const auto port = peer.rfind(':');
    if (scheme == std::string::npos || port == scheme)
        return peer;
    return peer.substr(scheme + 1, port - scheme - 1);
}

Gate::Pass::Pass(Gate *gate, grpc::Status status)
    : m_gate(gate)
    , m_status(std::move(status))
    , m_start(std::chrono::steady_clock::now())
    , m_limit(gate ? gate->m_limits.maxCallTime : std::chrono::seconds(0))
{}

Gate::Pass::Pass(Pass &&other) noexcept
    : m_gate(std::exchange(other.m_gate, nullptr))
    , m_status(other.m_status)
    , m_start(other.m_start)
    , m_limit(other.m_limit)
{}

Gate::Pass::~Pass()
{
    if (m_gate) {
        std::lock_guard lock(m_gate->m_mutex);
        --m_gate->m_streams;
    }
}

bool Gate::Pass::overdue(grpc::Status *why) const
{
    if (!ok() || std::chrono::steady_clock::now() - m_start <= m_limit)
        return false;
    if (why)
        *why = {grpc::StatusCode::DEADLINE_EXCEEDED,
                "the call ran longer than this agent allows (--max-call-s " +
                    std::to_string(m_limit.count()) + ")"};
    return true;
}

Gate::Gate(BearerToken token, AgentLimits limits)
    : m_token(std::move(token))
    , m_limits(limits)
{}

bool Gate::takeCall(const std::string &host)
{
    if (m_limits.callsPerSecond <= 0)
        return true;
    const auto now = std::chrono::steady_clock::now();
    auto found = m_buckets.find(host);
    if (found == m_buckets.end()) {
        if (m_buckets.size() >= kMaxTrackedHosts)
            m_buckets.clear();
        found = m_buckets.emplace(host, Bucket{m_limits.callsPerSecond, now}).first;
    }
    auto &bucket = found->second;
    const double elapsed = std::chrono::duration<double>(now - bucket.refilled).count();
    bucket.tokens =
        std::min(m_limits.callsPerSecond, bucket.tokens + elapsed * m_limits.callsPerSecond);
    bucket.refilled = now;
    if (bucket.tokens < 1)
        return false;
    bucket.tokens -= 1;
    return true;
}

Gate::Pass Gate::enter(const grpc::ServerContext *context)
{
    if (auto denied = m_token.check(context); !denied.ok())
        return Pass(nullptr, denied);
    std::lock_guard lock(m_mutex);
    const auto host = peerHost(context->peer());
    if (!takeCall(host))
        return Pass(nullptr,
                    {grpc::StatusCode::RESOURCE_EXHAUSTED,
                     "more than " + formatRate(m_limits.callsPerSecond) + " calls a second from " +
                         host + " (this agent's --max-calls-per-s)"});
    if (m_streams >= m_limits.maxStreams)
        return Pass(nullptr, {grpc::StatusCode::RESOURCE_EXHAUSTED,
                              "already " + std::to_string(m_streams) +
                                  " calls in progress (this agent's --max-streams)"});
    ++m_streams;
    return Pass(this, grpc::Status::OK);
}

} // namespace cleave::remote
