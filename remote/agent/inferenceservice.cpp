// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/agent/inferenceservice.h"

#include "core/codec/codec.h"
#include "core/error.h"
#include "remote/agent/requestlog.h"
#include "remote/status.h"

#include <chrono>

namespace cleave::remote {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

grpc::Status invalid(const std::string &message)
{
    return {grpc::StatusCode::INVALID_ARGUMENT, message};
}

void setSeconds(inference::ModelInferResponse *reply, const char *name, double seconds)
{
    (*reply->mutable_parameters())[name].set_double_param(seconds);
}

} // namespace

InferenceService::InferenceService(std::shared_ptr<const Deployments> deployments,
                                   std::shared_ptr<Gate> gate)
    : m_deployments(std::move(deployments))
    , m_gate(std::move(gate))
{}

grpc::Status InferenceService::ServerLive(grpc::ServerContext *context,
                                          const inference::ServerLiveRequest *,
                                          inference::ServerLiveResponse *reply)
{
    const auto pass = m_gate->enter(context);
    if (!pass.ok())
        return pass.status();
    reply->set_live(true);
    return grpc::Status::OK;
}

grpc::Status InferenceService::ServerReady(grpc::ServerContext *context,
                                           const inference::ServerReadyRequest *,
                                           inference::ServerReadyResponse *reply)
{
    const auto pass = m_gate->enter(context);
    if (!pass.ok())
        return pass.status();
    reply->set_ready(true);
    return grpc::Status::OK;
}

grpc::Status InferenceService::ModelReady(grpc::ServerContext *context,
                                          const inference::ModelReadyRequest *request,
                                          inference::ModelReadyResponse *reply)
{
    const auto pass = m_gate->enter(context);
    if (!pass.ok())
        return pass.status();
    reply->set_ready(m_deployments->find(request->name()) != nullptr);
    return grpc::Status::OK;
}

grpc::Status InferenceService::ModelMetadata(grpc::ServerContext *context,
                                             const inference::ModelMetadataRequest *request,
                                             inference::ModelMetadataResponse *reply)
{
    RequestLog log(context, "ModelMetadata");
    const auto pass = m_gate->enter(context);
    if (!pass.ok())
        return log.done(pass.status());
    const auto deployment = m_deployments->find(request->name());
    if (!deployment)
        return log.done({grpc::StatusCode::NOT_FOUND,
                         "model '" + request->name() + "' is not deployed on this agent"});
    reply->set_name(deployment->name());
    reply->add_versions("1");
    reply->set_platform("pytorch_libtorch");
    const auto describe = [](auto *tensor, const char *name, const graph::Shape &shape) {
        tensor->set_name(name);
        tensor->set_datatype("FP32");
        for (const auto d : shape)
            tensor->add_shape(d);
    };
    describe(reply->add_inputs(), kInputName, deployment->inputShape());
    describe(reply->add_outputs(), kOutputName, deployment->outputShape());
    return log.done(grpc::Status::OK, request->name());
}

grpc::Status InferenceService::ModelInfer(grpc::ServerContext *context,
                                          const inference::ModelInferRequest *request,
                                          inference::ModelInferResponse *reply)
{
    RequestLog log(context, "ModelInfer");
    const auto pass = m_gate->enter(context);
    if (!pass.ok())
        return log.done(pass.status());
    const auto &name = request->model_name();
    const auto deployment = m_deployments->find(name);
    if (!deployment)
        return log.done(
            {grpc::StatusCode::NOT_FOUND, "model '" + name + "' is not deployed on this agent"});
    if (request->inputs_size() != 1 || request->raw_input_contents_size() != 1)
        return log.done(invalid(name + ": expected one input tensor in raw_input_contents, got " +
                                std::to_string(request->inputs_size()) + " inputs and " +
                                std::to_string(request->raw_input_contents_size()) +
                                " raw contents"));
    const auto &input = request->inputs(0);
    const graph::Shape shape(input.shape().begin(), input.shape().end());
    if (shape != deployment->inputShape())
        return log.done(invalid(name + ": input shape " + graph::formatShape(shape) +
                                " does not match the model's " +
                                graph::formatShape(deployment->inputShape())));

    // Cleave's own codecs name themselves; otherwise the standard datatype decides.
    codec::Codec wire;
    const auto parameter = request->parameters().find("cleave_codec");
    try {
        if (parameter != request->parameters().end()) {
            wire = codec::Codec::parse(parameter->second.string_param());
            if (input.datatype() != "FP32")
                return log.done(invalid(name + ": datatype " + input.datatype() +
                                        " with cleave_codec: the logical type must be FP32"));
        } else if (input.datatype() == "FP16") {
            wire = codec::Codec::parse("fp16");
        } else if (input.datatype() != "FP32") {
            return log.done(
                invalid(name + ": datatype " + input.datatype() + " is not served (FP32 or FP16)"));
        }
    } catch (const Error &e) {
        return log.done(invalid(name + ": " + e.what()));
    }

    try {
        auto start = Clock::now();
        const auto tensor = codec::decode(request->raw_input_contents(0), wire, shape);
        const double decode_s = secondsSince(start);
        Deployment::Times times;
        const auto output = deployment->run(tensor, &times);
        start = Clock::now();
        reply->add_raw_output_contents(codec::encode(output, codec::Codec{}));
        setSeconds(reply, "cleave_encode_s", secondsSince(start));
        setSeconds(reply, "cleave_decode_s", decode_s);
        setSeconds(reply, "cleave_tl_s", times.tl_s);
        setSeconds(reply, "cleave_compute_s", times.compute_s);
        auto *out = reply->add_outputs();
        out->set_name(kOutputName);
        out->set_datatype("FP32");
        for (const auto d : output.sizes())
            out->add_shape(d);
    } catch (const Error &e) {
        return log.done(invalid(name + ": " + e.what()));
    } catch (const c10::Error &e) {
        return log.done({grpc::StatusCode::INTERNAL, name + ": " + e.what_without_backtrace()});
    } catch (const std::exception &e) {
        std::string why = e.what();
        return log.done({grpc::StatusCode::INTERNAL, name + ": " + why.substr(0, why.find('\n'))});
    }
    reply->set_model_name(name);
    reply->set_model_version("1");
    reply->set_id(request->id());
    return log.done(grpc::Status::OK, name);
}

} // namespace cleave::remote
