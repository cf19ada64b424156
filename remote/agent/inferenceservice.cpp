// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/agent/inferenceservice.h"

#include "core/codec/codec.h"
#include "core/error.h"
#include "remote/agent/requestlog.h"
#include "remote/status.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <string_view>

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

std::string expectedNames(size_t count)
{
    return count == 1
               ? InferenceService::inputName(0)
               : InferenceService::inputName(0) + ".." + InferenceService::inputName(count - 1);
}

// Cleave's own codec, where the request names one in `cleave_codec` (read once a request).
grpc::Status namedCodec(const inference::ModelInferRequest &request,
                        std::optional<codec::Codec> *named)
{
    const auto parameter = request.parameters().find("cleave_codec");
    if (parameter == request.parameters().end())
        return grpc::Status::OK;
    try {
        *named = codec::Codec::parse(parameter->second.string_param());
    } catch (const Error &e) {
        return invalid(request.model_name() + ": " + e.what());
    }
    return grpc::Status::OK;
}

// The wire format of one input: the named codec (its datatype then is FP32, the logical
// type), else its datatype, FP32 or FP16.
grpc::Status inputCodec(const std::string &model, const std::optional<codec::Codec> &named,
                        const inference::ModelInferRequest::InferInputTensor &input,
                        codec::Codec *wire)
{
    static const auto fp16 = codec::Codec::parse("fp16");
    const auto &type = input.datatype();
    if (named && type != "FP32")
        return invalid(model + ": " + input.name() + ": datatype " + type +
                       " with cleave_codec: the logical type must be FP32");
    if (!named && type != "FP32" && type != "FP16")
        return invalid(model + ": " + input.name() + ": datatype " + type +
                       " is not served (FP32 or FP16)");
    *wire = named ? *named : type == "FP16" ? fp16 : codec::Codec{};
    return grpc::Status::OK;
}

// i for "INPUT__i" (decimal, no leading zero), nothing for any other name.
std::optional<size_t> inputIndex(const std::string &name)
{
    constexpr std::string_view prefix = "INPUT__";
    const auto digits = std::string_view(name).substr(std::min(name.size(), prefix.size()));
    if (name.compare(0, prefix.size(), prefix) != 0 || digits.empty() || digits.size() > 9 ||
        (digits.size() > 1 && digits.front() == '0'))
        return std::nullopt;
    size_t i = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        i = i * 10 + size_t(c - '0');
    }
    return i;
}

// The request's tensors in the deployment's order: each named INPUT__i exactly once, of the
// shape the half takes.
grpc::Status decodeInputs(const inference::ModelInferRequest &request, const Deployment &deployment,
                          graph::Tensors *tensors, double *decode_s)
{
    const auto &name = request.model_name();
    const auto &shapes = deployment.inputShapes();
    if (request.inputs_size() != int(shapes.size()) ||
        request.raw_input_contents_size() != request.inputs_size())
        return invalid(name + ": expected " + std::to_string(shapes.size()) + " input tensor(s) (" +
                       expectedNames(shapes.size()) + ") in raw_input_contents, got " +
                       std::to_string(request.inputs_size()) + " inputs and " +
                       std::to_string(request.raw_input_contents_size()) + " raw contents");
    std::optional<codec::Codec> named;
    if (auto bad = namedCodec(request, &named); !bad.ok())
        return bad;
    tensors->assign(shapes.size(), torch::Tensor());
    const auto start = Clock::now();
    for (int k = 0; k < request.inputs_size(); ++k) {
        const auto &input = request.inputs(k);
        const auto found = inputIndex(input.name());
        if (!found || *found >= shapes.size())
            return invalid(name + ": unknown input '" + input.name().substr(0, 64) +
                           "'; it takes " + expectedNames(shapes.size()));
        const size_t i = *found;
        if ((*tensors)[i].defined())
            return invalid(name + ": input " + input.name() + " is given twice");
        const graph::Shape shape(input.shape().begin(), input.shape().end());
        if (shape != shapes[i])
            return invalid(name + ": " + input.name() + ": shape " + graph::formatShape(shape) +
                           " does not match the model's " + graph::formatShape(shapes[i]));
        codec::Codec wire;
        if (auto bad = inputCodec(name, named, input, &wire); !bad.ok())
            return bad;
        try {
            (*tensors)[i] = codec::decode(request.raw_input_contents(k), wire, shape);
        } catch (const Error &e) {
            return invalid(name + ": " + input.name() + ": " + e.what());
        }
    }
    *decode_s = secondsSince(start);
    return grpc::Status::OK;
}

} // namespace

std::string InferenceService::inputName(size_t i)
{
    return "INPUT__" + std::to_string(i);
}

std::string InferenceService::outputName(size_t i)
{
    return "OUTPUT__" + std::to_string(i);
}

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
    const auto describe = [](auto *tensor, const std::string &name, const graph::Shape &shape) {
        tensor->set_name(name);
        tensor->set_datatype("FP32");
        for (const auto d : shape)
            tensor->add_shape(d);
    };
    for (size_t i = 0; i < deployment->inputShapes().size(); ++i)
        describe(reply->add_inputs(), inputName(i), deployment->inputShapes()[i]);
    for (size_t i = 0; i < deployment->outputShapes().size(); ++i)
        describe(reply->add_outputs(), outputName(i), deployment->outputShapes()[i]);
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
    graph::Tensors inputs;
    double decode_s = 0;
    if (auto bad = decodeInputs(*request, *deployment, &inputs, &decode_s); !bad.ok())
        return log.done(bad);
    try {
        Deployment::Times times;
        const auto outputs = deployment->run(inputs, &times);
        const auto mark = Clock::now();
        for (size_t i = 0; i < outputs.size(); ++i) {
            reply->add_raw_output_contents(codec::encode(outputs[i], codec::Codec{}));
            auto *out = reply->add_outputs();
            out->set_name(outputName(i));
            out->set_datatype("FP32");
            for (const auto d : outputs[i].sizes())
                out->add_shape(d);
        }
        setSeconds(reply, "cleave_encode_s", secondsSince(mark));
        setSeconds(reply, "cleave_decode_s", decode_s);
        setSeconds(reply, "cleave_tl_s", times.tl_s);
        setSeconds(reply, "cleave_compute_s", times.compute_s);
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
