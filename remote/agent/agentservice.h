// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cleave/agent/v1/agent.grpc.pb.h"

#include "core/graph/modelcheck.h"
#include "core/graph/modelgraph.h"
#include "remote/agent/deployment.h"
#include "remote/agent/gate.h"
#include "remote/channel.h"
#include "remote/controlgroup.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>

namespace cleave::remote {

struct AgentConfig
{
    std::string name = "agent";
    std::string role = "edge"; ///< "device", "edge" or "cloud"
    int64_t maxModelBytes = int64_t(2) << 30;
    std::filesystem::path cacheDir; ///< uploaded models; a temporary folder when empty
    BearerToken token;              ///< required of every call when set (--token-file)
    AgentLimits limits;
    /// The agent's certificate (TLS when set); as a device, also its client certificate towards
    /// edges that require one.
    TlsPem tls;
    /// Serves a network address with neither token nor client certificates
    /// (--allow-unauthenticated): GetInfo says so, and the agent opens connections to other
    /// agents only for callers on its own loopback.
    bool unauthenticated = false;
    /// The executable that reads each new model first, in a child (see modelcheck.h): a file
    /// that crashes LibTorch is refused instead of ending the agent. Empty: none.
    std::string modelChecker;
    /// What the kernel lets this agent use (--cpu-limit, --memory-limit); GetInfo reports it.
    ResourceLimits resources;
    /// The bytes the agent's control group uses now (with a memory limit): models that would
    /// not fit are refused before the kernel would kill the agent for them.
    std::function<std::optional<int64_t>()> memoryInUse;
    /// Changes the CPU limit of the agent's control group (SetLimits); empty without one.
    std::function<void(double cores)> setCpuLimit;
};

/// The agent's gRPC service (protocol cleave.agent.v1). Loaded models are kept by id; heavy
/// work (loading, timing) runs one request at a time, since two measurements on one machine
/// would skew each other. Every request is logged as one line on stderr.
class AgentService final : public cleave::agent::v1::Agent::Service
{
public:
    explicit AgentService(AgentConfig config);
    ~AgentService() override;

    grpc::Status GetInfo(grpc::ServerContext *context, const agent::v1::GetInfoRequest *request,
                         agent::v1::AgentInfo *reply) override;
    grpc::Status LoadModel(grpc::ServerContext *context,
                           grpc::ServerReader<agent::v1::LoadModelChunk> *reader,
                           agent::v1::LoadModelReply *reply) override;
    grpc::Status Benchmark(grpc::ServerContext *context, const agent::v1::BenchmarkRequest *request,
                           grpc::ServerWriter<agent::v1::BenchmarkEvent> *writer) override;
    grpc::Status ProbeLink(grpc::ServerContext *context, const agent::v1::ProbeLinkRequest *request,
                           agent::v1::ProbeLinkReply *reply) override;
    grpc::Status Echo(grpc::ServerContext *context, const agent::v1::EchoRequest *request,
                      agent::v1::EchoReply *reply) override;
    grpc::Status Deploy(grpc::ServerContext *context,
                        grpc::ServerReader<agent::v1::DeployChunk> *reader,
                        agent::v1::DeployReply *reply) override;
    grpc::Status Undeploy(grpc::ServerContext *context, const agent::v1::UndeployRequest *request,
                          agent::v1::UndeployReply *reply) override;
    grpc::Status Offload(grpc::ServerContext *context, const agent::v1::OffloadRequest *request,
                         grpc::ServerWriter<agent::v1::OffloadEvent> *writer) override;
    grpc::Status SetLimits(grpc::ServerContext *context, const agent::v1::SetLimitsRequest *request,
                           agent::v1::AgentInfo *reply) override;

    /// The halves deployed here, which this agent's inference endpoint serves.
    std::shared_ptr<const Deployments> deployments() const { return m_deployments; }
    /// The token and limits every call passes; the inference service shares them.
    std::shared_ptr<Gate> gate() const { return m_gate; }

    static constexpr uint32_t kProtocolVersion = 5;
    static constexpr int64_t kMaxChunkBytes = int64_t(1) << 20;

private:
    struct Loaded;
    std::shared_ptr<Loaded> find(const std::string &id);
    /// OK when this agent may connect to `target` for the caller of `context`: callers who
    /// passed a token or a client certificate, or who are on this machine. PERMISSION_DENIED
    /// otherwise, so that an open agent is no relay into the network behind it.
    /// OK, or RESOURCE_EXHAUSTED naming the memory limit when `what` needs `bytes` more than
    /// the agent's memory limit leaves.
    grpc::Status fitsInMemory(const std::string &what, int64_t bytes) const;
    grpc::Status mayConnectFor(const grpc::ServerContext *context, const std::string &rpc,
                               const std::string &target) const;
    /// Reads untrusted TorchScript in the checker child once per distinct content; Error when it
    /// crashes or hangs there.
    void vetModel(const std::filesystem::path &file, const std::string &digest,
                  const std::string &what);
    void vetModel(std::string_view bytes, const std::string &what);
    void fillInfo(agent::v1::AgentInfo *reply) const;
    /// Deploy's revision 2: a slice or a strip of a model loaded here.
    grpc::Status deployFromModel(const agent::v1::DeployHeader &header,
                                 agent::v1::DeployReply *reply);
    grpc::Status loadFile(const Gate::Pass &pass,
                          grpc::ServerReader<agent::v1::LoadModelChunk> *reader,
                          const agent::v1::ModelHeader &header, const std::string &shapeText,
                          const graph::CutOptions &cutting, std::string *id,
                          std::shared_ptr<Loaded> *loaded);

    AgentConfig m_config;
    std::shared_ptr<Gate> m_gate;
    std::unique_ptr<graph::ModelChecker> m_checker; ///< none: models are read in-process
    bool m_ownCacheDir = false;
    std::mutex m_modelsMutex;
    std::map<std::string, std::shared_ptr<Loaded>> m_models;
    /// One load or measurement at a time (exclusive); offloaded inferences may overlap each
    /// other (shared), never a measurement.
    std::shared_mutex m_workMutex;
    /// m_config.resources.cpuCores, which SetLimits changes while GetInfo reads it.
    mutable std::mutex m_limitsMutex;
    std::shared_ptr<Deployments> m_deployments = std::make_shared<Deployments>();
    /// Largest tensor an inference may send or receive.
    static constexpr int64_t kMaxTensorBytes = int64_t(256) << 20;

public:
    static constexpr int64_t maxTensorBytes() { return kMaxTensorBytes; }
};

/// What Deploy answers: every shape the half takes and returns (the first of each also in
/// revision 1's fields).
void describeDeployment(const Deployment &deployment, agent::v1::DeployReply *reply);

/// Gives the memory freed by a request back to the system (glibc keeps large freed blocks in
/// its arenas otherwise): a long-lived agent would hold a model's worth it no longer uses.
void returnFreedMemory();

/// glibc adapts its mmap threshold to the largest block freed and trims the heap top when more
/// than twice that is free: a split inference that allocates and frees megabyte tensors then
/// takes fresh pages from the kernel on every run, page-faulting them in (measured: ResNet-50's
/// first block, 1x64x112x112 out, 6.6 ms per run instead of 3.0). Fixed thresholds keep freed
/// tensors for the next run; the agent gives memory back itself after each request that frees a
/// model's worth (returnFreedMemory).
/// Called once at start-up by cleave-agent (and by benchmarks that measure what it does).
void keepFreedTensorsForReuse();

} // namespace cleave::remote
