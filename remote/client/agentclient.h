// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cleave/agent/v1/agent.grpc.pb.h"

#include "core/graph/shape.h"

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace cleave::remote {

/// A blocking client of one agent. Failures throw cleave::Error naming the agent's address.
/// Calls run on the caller's thread; cancel() may be called from any thread.
class AgentClient
{
public:
    /// `deadline` bounds every short call (and how long to wait for an unreachable agent).
    explicit AgentClient(std::string address,
                         std::chrono::milliseconds deadline = std::chrono::seconds(5));
    ~AgentClient();

    const std::string &address() const { return m_address; }

    agent::v1::AgentInfo info();

    /// Uploads a TorchScript file in 1 MiB chunks.
    agent::v1::LoadModelReply loadFile(const std::string &path,
                                       const std::optional<graph::Shape> &input);
    agent::v1::LoadModelReply loadZoo(const std::string &name, uint64_t seed,
                                      const std::optional<graph::Shape> &input);

    /// Streams a benchmark; `onEvent` sees each event as it arrives.
    void benchmark(const agent::v1::BenchmarkRequest &request,
                   const std::function<void(const agent::v1::BenchmarkEvent &)> &onEvent,
                   std::chrono::seconds deadline = std::chrono::hours(12));

    /// Cancels the call in progress, if any.
    void cancel();

private:
    std::unique_ptr<grpc::ClientContext> context(std::chrono::milliseconds deadline);
    [[noreturn]] void fail(const grpc::Status &status, const std::string &doing) const;

    std::string m_address;
    std::chrono::milliseconds m_deadline;
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<agent::v1::Agent::Stub> m_stub;
    std::mutex m_callMutex;
    grpc::ClientContext *m_call = nullptr; ///< the call cancel() reaches
};

} // namespace cleave::remote
