// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cleave/agent/v1/agent.grpc.pb.h"
#include "inference/grpc_service.grpc.pb.h"

#include "core/graph/rows.h"
#include "core/graph/shape.h"
#include "core/store/store.h"
#include "remote/client/agentaccess.h"

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace at {
class Tensor; // LibTorch's, for infer(): this header also serves Qt code that never runs a model
}

namespace cleave::remote {

/// A blocking client of one agent. Failures throw cleave::Error naming the agent's address.
/// Calls run on the caller's thread; cancel() may be called from any thread.
class AgentClient
{
public:
    /// `deadline` bounds every short call (and how long to wait for an unreachable agent).
    /// `address` is HOST:PORT, or https://HOST:PORT for TLS. Error naming the file when a file
    /// of `access` cannot be read.
    explicit AgentClient(std::string address,
                         std::chrono::milliseconds deadline = std::chrono::seconds(5),
                         const AgentAccess &access = {});
    ~AgentClient();

    const std::string &address() const { return m_address; }
    /// The calls that do work on the agent (loading, deploying) wait `factor` times longer: an
    /// agent limited to a share of a core checks and loads a model that much more slowly.
    void allowForCpuShare(double cores);

    agent::v1::AgentInfo info();

    /// Uploads a TorchScript file in 1 MiB chunks.
    /// The agent cuts it as `cutting` says (revision 4 for node granularity).
    agent::v1::LoadModelReply loadFile(const std::string &path,
                                       const std::optional<graph::Shape> &input,
                                       const graph::CutOptions &cutting = {});
    agent::v1::LoadModelReply loadZoo(const std::string &name, uint64_t seed,
                                      const std::optional<graph::Shape> &input,
                                      const graph::CutOptions &cutting = {});
    /// `model` a TorchScript file or zoo:NAME (built there with `seed`), as bench loads it.
    agent::v1::LoadModelReply loadModel(const std::string &model, uint64_t seed,
                                        const std::optional<graph::Shape> &input,
                                        const graph::CutOptions &cutting = {});

    /// Streams a benchmark; `onEvent` sees each event as it arrives.
    void benchmark(const agent::v1::BenchmarkRequest &request,
                   const std::function<void(const agent::v1::BenchmarkEvent &)> &onEvent,
                   std::chrono::seconds deadline = std::chrono::hours(12));

    /// Installs one half of a split model under `name` (see the Deploy RPC): serialised
    /// TorchScript modules, `tl` empty without a Transfer Layer, `compute` empty at split 0.
    /// `inputs`: the shape of each tensor the half takes (several for a cut at node
    /// granularity that several cross; an agent of revision 4 or older takes the first only).
    agent::v1::DeployReply deploy(const std::string &name, const std::vector<graph::Shape> &inputs,
                                  const std::string &compute, const std::string &tl);

    /// What a deployment built from a loaded model is: blocks [first, end) of `modelId`, or with
    /// `rows`, the strip of them that returns those rows of cut `end` (revision 2).
    struct ModelPart
    {
        std::string modelId;
        int first = 0;
        int end = 0;
        std::optional<graph::RowRange> rows;
    };
    agent::v1::DeployReply deploy(const std::string &name, const ModelPart &part);

    /// Sets the agent's CPU limit while it runs (SetLimits); returns its info.
    agent::v1::AgentInfo setCpuLimit(double cores);

    /// What the agent reported about one inference.
    struct InferTimes
    {
        double compute_s = 0; ///< the deployment's own run
        double call_s = 0;    ///< the whole call, as this client saw it
    };
    /// Runs deployment `name` on `input` through the agent's inference endpoint (float32 both
    /// ways); Error naming the agent when it fails or takes longer than `deadline`.
    at::Tensor infer(const std::string &name, const at::Tensor &input,
                     std::chrono::milliseconds deadline, InferTimes *times = nullptr);

    /// Removes a deployment; Error(NotFound) when there is none by that name.
    void undeploy(const std::string &name);

    /// Streams an offloaded run on a device agent; `onEvent` sees each event as it arrives.
    /// Errors the device reports about the edge keep the device's message.
    void offload(const agent::v1::OffloadRequest &request,
                 const std::function<void(const agent::v1::OffloadEvent &)> &onEvent,
                 std::chrono::seconds deadline = std::chrono::hours(12));

    /// Cancels the call in progress, if any.
    void cancel();

    /// The PEM roots this client trusts for TLS (empty: the system's), to hand on to a device
    /// that calls the same edge.
    const std::string &tlsRoots() const { return m_tlsRoots; }

    /// Sends `token` with every call (authorization: Bearer TOKEN), for agents started with
    /// --token-file. Empty: none.
    void setToken(std::string token) { m_token = std::move(token); }
    const std::string &token() const { return m_token; }

private:
    std::unique_ptr<grpc::ClientContext> context(std::chrono::milliseconds deadline);
    [[noreturn]] void fail(const grpc::Status &status, const std::string &doing,
                           bool answered = false) const;
    template<typename Event>
    grpc::Status readStream(grpc::ClientContext *call, grpc::ClientReaderInterface<Event> *reader,
                            const std::function<void(const Event &)> &onEvent);

    std::string m_address;
    std::string m_token;
    std::string m_tlsRoots;
    std::chrono::milliseconds m_deadline;
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<agent::v1::Agent::Stub> m_stub;
    std::unique_ptr<inference::GRPCInferenceService::Stub> m_inference;
    std::mutex m_callMutex;
    grpc::ClientContext *m_call = nullptr; ///< the call cancel() reaches
};

/// The store's record of the machine an agent runs on, named NAME@HOST.
store::Resource resourceOf(const agent::v1::AgentInfo &info, const std::string &role);

} // namespace cleave::remote
