// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inference/grpc_service.grpc.pb.h"

#include "remote/agent/deployment.h"
#include "remote/agent/gate.h"

#include <memory>
#include <string>

namespace cleave::remote {

/// The edge's inference endpoint: the KServe v2 / Triton gRPC protocol (the subset a device
/// needs) over the halves deployed on this agent. Tensors travel in raw_input_contents /
/// raw_output_contents as that protocol's FP32 (or FP16); Cleave's other codecs travel as the
/// request parameter `cleave_codec` ("int8+zstd", ...). Each answer carries the edge's own times
/// as double parameters `cleave_decode_s`, `cleave_tl_s`, `cleave_compute_s`, `cleave_encode_s`.
/// A half cut where several tensors cross takes them all in one request (INPUT__0..k-1); a
/// missing, unknown or repeated one is INVALID_ARGUMENT. Requests run concurrently: one per
/// device stream.
class InferenceService final : public inference::GRPCInferenceService::Service
{
public:
    /// `gate` is the agent's own: its token and limits cover both services.
    InferenceService(std::shared_ptr<const Deployments> deployments, std::shared_ptr<Gate> gate);

    grpc::Status ServerLive(grpc::ServerContext *, const inference::ServerLiveRequest *,
                            inference::ServerLiveResponse *reply) override;
    grpc::Status ServerReady(grpc::ServerContext *, const inference::ServerReadyRequest *,
                             inference::ServerReadyResponse *reply) override;
    grpc::Status ModelReady(grpc::ServerContext *, const inference::ModelReadyRequest *request,
                            inference::ModelReadyResponse *reply) override;
    grpc::Status ModelMetadata(grpc::ServerContext *context,
                               const inference::ModelMetadataRequest *request,
                               inference::ModelMetadataResponse *reply) override;
    grpc::Status ModelInfer(grpc::ServerContext *context,
                            const inference::ModelInferRequest *request,
                            inference::ModelInferResponse *reply) override;

    /// Tensor names as Triton's pytorch_libtorch backend expects them: INPUT__0, INPUT__1, ...
    /// in the order of the half's cut; a request names each once, in any order.
    static std::string inputName(size_t i);
    static std::string outputName(size_t i);

private:
    std::shared_ptr<const Deployments> m_deployments;
    std::shared_ptr<Gate> m_gate;
};

} // namespace cleave::remote
