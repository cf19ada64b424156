// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's split-inference half: Deploy installs a half; Offload (on a device) runs the head
// and sends each result through the emulated link to the edge's inference endpoint.
#include "remote/agent/agentservice.h"

#include "core/codec/codec.h"
#include "core/error.h"
#include "inference/grpc_service.grpc.pb.h"
#include "remote/agent/inferenceservice.h"
#include "remote/agent/requestlog.h"
#include "remote/linkemulator.h"
#include "remote/status.h"

#include <ATen/CPUGeneratorImpl.h>

#include <chrono>
#include <cstdio>
#include <sstream>

namespace cleave::remote {

namespace v1 = cleave::agent::v1;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::optional<torch::jit::Module> loadModule(std::string_view bytes, const std::string &what)
{
    if (bytes.empty())
        return std::nullopt;
    std::istringstream in{std::string(bytes)};
    try {
        return torch::jit::load(in);
    } catch (const c10::Error &e) {
        throw Error(ErrorKind::InvalidInput,
                    what + " is not a TorchScript module: " + e.what_without_backtrace());
    } catch (const std::bad_alloc &) {
        // LibTorch's reader trusts the lengths in the archive: a crafted 4 KB file asks for
        // 4 GiB (found by fuzz_torchscript).
        throw Error(ErrorKind::InvalidInput,
                    what + " is not a TorchScript module: it asks for more memory than there is");
    } catch (const std::exception &e) {
        throw Error(ErrorKind::InvalidInput,
                    what + " is not a TorchScript module: " + std::string(e.what()));
    }
}

std::string describeLink(const LinkEmulator::Settings &link)
{
    if (link.uplink_bps <= 0 && link.latency_s <= 0)
        return "unshaped link";
    char text[128];
    std::snprintf(text, sizeof text, "link %.2f Mbit/s up, %.2f Mbit/s down, %.1f ms one way",
                  link.uplink_bps / 1e6,
                  (link.downlink_bps > 0 ? link.downlink_bps : link.uplink_bps) / 1e6,
                  link.latency_s * 1e3);
    return text;
}

double parameterSeconds(const inference::ModelInferResponse &reply, const char *name)
{
    const auto found = reply.parameters().find(name);
    return found == reply.parameters().end() ? 0.0 : found->second.double_param();
}

// The shapes a half takes: DeployHeader.inputs (revision 5), or input_shape alone.
grpc::Status readInputShapes(const v1::DeployHeader &header, std::vector<graph::Shape> *inputs)
{
    const auto &name = header.name();
    if (header.inputs_size() > Deployment::kMaxTensors)
        return {grpc::StatusCode::INVALID_ARGUMENT,
                name + ": " + std::to_string(header.inputs_size()) + " input tensors, over " +
                    std::to_string(Deployment::kMaxTensors)};
    std::vector<graph::Shape> shapes;
    for (const auto &shape : header.inputs())
        shapes.emplace_back(shape.dims().begin(), shape.dims().end());
    if (shapes.empty())
        shapes.emplace_back(header.input_shape().begin(), header.input_shape().end());
    for (size_t i = 0; i < shapes.size(); ++i) {
        try {
            inputs->push_back(graph::parseShape(graph::formatShape(shapes[i]))); // positive, sane
        } catch (const Error &e) {
            return {grpc::StatusCode::INVALID_ARGUMENT,
                    name + ": input " + std::to_string(i) + " shape " + e.what()};
        }
    }
    return grpc::Status::OK;
}

// One run's round trip to the edge: the head's tensors encoded and sent through the emulated
// link in one ModelInfer (INPUT__0.. in the cut's order), the answer decoded; `timing` gets
// each part. fp32 and fp16 are the protocol's own datatypes; the other codecs name themselves.
struct EdgeLeg
{
    inference::GRPCInferenceService::Stub &stub;
    const v1::OffloadRequest &request;
    codec::Codec wire;
    LinkEmulator &link;
    double deadline_s;

    grpc::Status send(const graph::Tensors &y, int run, const std::string &deployment,
                      v1::InferenceTiming *timing);

private:
    // The edge's own status code goes back to the caller, with the edge, the run and the link.
    grpc::Status edgeFailed(const grpc::Status &status, int run) const
    {
        return {status.error_code(), "edge " + request.edge_address() + " at run " +
                                         std::to_string(run + 1) + ": " + status.error_message() +
                                         " (" + describeLink(link.settings()) + ")"};
    }
    inference::ModelInferRequest encode(const graph::Tensors &y, int run, int64_t *up,
                                        double *encode_s) const;
};

inference::ModelInferRequest EdgeLeg::encode(const graph::Tensors &y, int run, int64_t *up,
                                             double *encode_s) const
{
    static const auto fp16Codec = codec::Codec::parse("fp16");
    const bool fp16 = wire == fp16Codec;
    const bool standard = wire == codec::Codec{} || fp16;
    inference::ModelInferRequest call;
    call.set_model_name(request.edge_model());
    call.set_id(std::to_string(run));
    if (!standard)
        (*call.mutable_parameters())["cleave_codec"].set_string_param(wire.name());
    const auto mark = Clock::now();
    *up = 0;
    for (size_t t = 0; t < y.size(); ++t) {
        auto *in = call.add_inputs();
        in->set_name(InferenceService::inputName(t));
        in->set_datatype(fp16 ? "FP16" : "FP32");
        for (const auto d : y[t].sizes())
            in->add_shape(d);
        auto payload = codec::encode(y[t], wire);
        *up += int64_t(payload.size());
        call.add_raw_input_contents(std::move(payload));
    }
    *encode_s = secondsSince(mark);
    call.add_outputs()->set_name(InferenceService::outputName(0));
    return call;
}

grpc::Status EdgeLeg::send(const graph::Tensors &y, int run, const std::string &deployment,
                           v1::InferenceTiming *timing)
{
    int64_t up = 0;
    double encode_s = 0;
    const auto call = encode(y, run, &up, &encode_s);
    timing->set_encode_s(encode_s);
    if (up > AgentService::maxTensorBytes())
        return {grpc::StatusCode::RESOURCE_EXHAUSTED,
                deployment + ": " + std::to_string(up) + " bytes to send is over the " +
                    std::to_string(AgentService::maxTensorBytes()) + "-byte tensor limit"};
    // Fail at once rather than wait out a transfer that cannot make the deadline.
    const auto &l = request.link();
    const double wire_s =
        (l.uplink_bps() > 0 ? double(up) * 8.0 / l.uplink_bps() : 0.0) + l.latency_s();
    if (wire_s > deadline_s)
        return {grpc::StatusCode::DEADLINE_EXCEEDED,
                "run " + std::to_string(run + 1) + ": sending " + std::to_string(up) +
                    " bytes takes " + std::to_string(wire_s) + " s on the " +
                    describeLink(link.settings()) + ", over the " + std::to_string(deadline_s) +
                    " s deadline"};
    const auto sent = Clock::now();
    const double upWait = link.shaped() ? link.sendUp(up) : 0.0;

    grpc::ClientContext rpc;
    rpc.set_deadline(
        std::chrono::system_clock::now() +
        std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::duration<double>(std::max(deadline_s - secondsSince(sent), 0.0))));
    if (!request.edge_token().empty())
        rpc.AddMetadata("authorization", "Bearer " + request.edge_token());
    inference::ModelInferResponse answer;
    auto mark = Clock::now();
    const auto status = stub.ModelInfer(&rpc, call, &answer);
    const double rpc_s = secondsSince(mark);
    if (!status.ok())
        return edgeFailed(status, run);
    const auto &edge = request.edge_address();
    if (answer.raw_output_contents_size() < 1 ||
        answer.outputs_size() != answer.raw_output_contents_size())
        return {grpc::StatusCode::INTERNAL,
                "edge " + edge + ": the answer holds " + std::to_string(answer.outputs_size()) +
                    " outputs and " + std::to_string(answer.raw_output_contents_size()) +
                    " raw contents"};
    int64_t down = 0;
    for (const auto &bytes : answer.raw_output_contents())
        down += int64_t(bytes.size());
    const double downWait = link.shaped() ? link.sendDown(down) : 0.0;
    mark = Clock::now();
    try {
        for (int o = 0; o < answer.outputs_size(); ++o) {
            const auto &shape = answer.outputs(o).shape();
            codec::decode(answer.raw_output_contents(o), codec::Codec{},
                          graph::Shape(shape.begin(), shape.end()));
        }
    } catch (const Error &e) {
        return {grpc::StatusCode::INTERNAL, "edge " + edge + ": " + e.what()};
    }
    const double resultDecode_s = secondsSince(mark);

    // The edge reports its own times; what remains of the call is gRPC on loopback, shared
    // between the two directions by the bytes each carried.
    const double edgeEncode_s = parameterSeconds(answer, "cleave_encode_s");
    timing->set_edge_decode_s(parameterSeconds(answer, "cleave_decode_s"));
    timing->set_edge_tl_s(parameterSeconds(answer, "cleave_tl_s"));
    timing->set_edge_compute_s(parameterSeconds(answer, "cleave_compute_s"));
    const double residual = std::max(rpc_s - timing->edge_decode_s() - timing->edge_tl_s() -
                                         timing->edge_compute_s() - edgeEncode_s,
                                     0.0);
    const double upShare = double(up) / double(std::max<int64_t>(up + down, 1));
    timing->set_uplink_s(upWait + residual * upShare);
    timing->set_return_s(edgeEncode_s + downWait + residual * (1 - upShare) + resultDecode_s);
    timing->set_upload_bytes(up);
    timing->set_result_bytes(down);
    return grpc::Status::OK;
}

} // namespace

void describeDeployment(const Deployment &deployment, v1::DeployReply *reply)
{
    for (const auto &shape : deployment.inputShapes())
        reply->add_inputs()->mutable_dims()->Add(shape.begin(), shape.end());
    for (const auto &shape : deployment.outputShapes())
        reply->add_outputs()->mutable_dims()->Add(shape.begin(), shape.end());
    const auto &input = deployment.inputShapes().front();
    const auto &output = deployment.outputShapes().front();
    reply->mutable_input_shape()->Add(input.begin(), input.end());
    reply->mutable_output_shape()->Add(output.begin(), output.end());
    reply->set_output_dtype("float32");
}

grpc::Status AgentService::Deploy(grpc::ServerContext *context,
                                  grpc::ServerReader<v1::DeployChunk> *reader,
                                  v1::DeployReply *reply)
{
    RequestLog log(context, "Deploy");
    const auto pass = m_gate->enter(context);
    if (!pass.ok())
        return log.done(pass.status());
    v1::DeployChunk first;
    if (!reader->Read(&first) || !first.has_header())
        return log.done({grpc::StatusCode::INVALID_ARGUMENT,
                         "Deploy: the first message must be a DeployHeader"});
    const auto header = first.header();
    const auto &name = header.name();
    if (name.empty())
        return log.done({grpc::StatusCode::INVALID_ARGUMENT, "Deploy: the name is empty"});
    if (!header.model_id().empty()) {
        v1::DeployChunk extra;
        if (header.compute_bytes() != 0 || header.tl_bytes() != 0 || reader->Read(&extra))
            return log.done({grpc::StatusCode::INVALID_ARGUMENT,
                             name + ": a deployment built from a loaded model takes no bytes"});
        return log.done(deployFromModel(header, reply), name);
    }
    std::vector<graph::Shape> inputs;
    if (auto bad = readInputShapes(header, &inputs); !bad.ok())
        return log.done(bad);
    const uint64_t total = header.compute_bytes() + header.tl_bytes();
    if (total > uint64_t(m_config.maxModelBytes))
        return log.done({grpc::StatusCode::RESOURCE_EXHAUSTED,
                         name + ": " + std::to_string(total) +
                             " bytes is over this agent's model size limit of " +
                             std::to_string(m_config.maxModelBytes) + " bytes"});
    std::string bytes;
    bytes.reserve(size_t(total));
    v1::DeployChunk chunk;
    while (reader->Read(&chunk)) {
        if (!chunk.has_data() || bytes.size() + chunk.data().size() > total)
            return log.done({grpc::StatusCode::INVALID_ARGUMENT,
                             name + ": the upload does not match its header's sizes"});
        bytes += chunk.data();
    }
    if (bytes.size() != total)
        return log.done({grpc::StatusCode::INVALID_ARGUMENT,
                         name + ": the upload ended after " + std::to_string(bytes.size()) +
                             " of " + std::to_string(total) + " bytes"});

    std::lock_guard work(m_workMutex);
    try {
        const std::string_view all(bytes);
        vetModel(all.substr(0, header.compute_bytes()), name + " (compute)");
        vetModel(all.substr(header.compute_bytes()), name + " (Transfer Layer)");
        auto compute = loadModule(all.substr(0, header.compute_bytes()), name + " (compute)");
        auto tl = loadModule(all.substr(header.compute_bytes()), name + " (Transfer Layer)");
        bytes = {}; // the modules hold their own copy
        const auto order = m_config.role == "device" ? Deployment::Order::ComputeThenTl
                                                     : Deployment::Order::TlThenCompute;
        auto deployment = std::make_shared<const Deployment>(
            name, std::move(inputs), std::move(compute), std::move(tl), order);
        describeDeployment(*deployment, reply);
        m_deployments->install(std::move(deployment));
        returnFreedMemory(); // of the deployment it replaced, if any
    } catch (const Error &e) {
        return log.done(toStatus(e));
    }
    return log.done(grpc::Status::OK, name);
}

grpc::Status AgentService::Undeploy(grpc::ServerContext *context,
                                    const v1::UndeployRequest *request, v1::UndeployReply *)
{
    RequestLog log(context, "Undeploy");
    const auto pass = m_gate->enter(context);
    if (!pass.ok())
        return log.done(pass.status());
    std::lock_guard work(m_workMutex);
    if (!m_deployments->remove(request->name()))
        return log.done(
            {grpc::StatusCode::NOT_FOUND, "no deployment '" + request->name() + "' on this agent"});
    returnFreedMemory();
    return log.done(grpc::Status::OK, request->name());
}

grpc::Status AgentService::Offload(grpc::ServerContext *context, const v1::OffloadRequest *request,
                                   grpc::ServerWriter<v1::OffloadEvent> *writer)
{
    RequestLog log(context, "Offload");
    const auto pass = m_gate->enter(context);
    if (!pass.ok())
        return log.done(pass.status());
    if (!request->edge_address().empty()) {
        if (auto denied = mayConnectFor(context, "Offload", request->edge_address()); !denied.ok())
            return log.done(denied);
    }
    const auto deployment = m_deployments->find(request->deployment());
    if (!deployment)
        return log.done({grpc::StatusCode::NOT_FOUND,
                         "no deployment '" + request->deployment() + "' on this agent"});
    codec::Codec wire;
    try {
        if (!request->codec().empty())
            wire = codec::Codec::parse(request->codec());
    } catch (const Error &e) {
        return log.done(toStatus(e));
    }
    const auto &l = request->link();
    if (l.uplink_bps() < 0 || l.downlink_bps() < 0 || l.latency_s() < 0 || l.latency_s() > 60)
        return log.done({grpc::StatusCode::INVALID_ARGUMENT,
                         "Offload: link rates must be positive and latency 0 to 60 s"});
    LinkEmulator link({l.uplink_bps(), l.downlink_bps(), l.latency_s()});
    const int runs = request->runs() > 0 ? request->runs() : 10;
    const int warmup = std::max(request->warmup(), 0);
    if (runs > 100000 || warmup > 1000)
        return log.done({grpc::StatusCode::INVALID_ARGUMENT, "Offload: too many runs"});
    const double deadline_s = request->deadline_s() > 0 ? request->deadline_s() : 60.0;
    const auto &edge = request->edge_address();

    std::unique_ptr<inference::GRPCInferenceService::Stub> stub;
    if (!edge.empty()) {
        grpc::ChannelArguments args;
        args.SetMaxReceiveMessageSize(int(kMaxTensorBytes + (1 << 20)));
        args.SetMaxSendMessageSize(int(kMaxTensorBytes + (1 << 20)));
        const TlsPem pem{request->edge_tls_ca(), m_config.tls.cert, m_config.tls.key};
        stub = inference::GRPCInferenceService::NewStub(openChannel(edge, pem, args));
    }
    std::optional<EdgeLeg> toEdge;
    if (stub)
        toEdge.emplace(EdgeLeg{*stub, *request, wire, link, deadline_s});

    std::shared_lock work(m_workMutex);
    auto lastProgress = Clock::now();
    for (int i = -warmup; i < runs; ++i) {
        if (context->IsCancelled())
            return log.done({grpc::StatusCode::CANCELLED, "Offload: cancelled"});
        if (grpc::Status overdue; pass.overdue(&overdue))
            return log.done(overdue);
        auto generator = at::detail::createCPUGenerator(request->seed() + uint64_t(i + warmup));
        graph::Tensors x;
        for (const auto &shape : deployment->inputShapes())
            x.push_back(torch::randn(shape, generator));
        v1::InferenceTiming timing;
        timing.set_run(i);
        const auto start = Clock::now();
        Deployment::Times device;
        graph::Tensors y;
        try {
            y = deployment->run(x, &device);
        } catch (const c10::Error &e) {
            return log.done({grpc::StatusCode::INTERNAL,
                             deployment->name() + ": " + e.what_without_backtrace()});
        } catch (const std::exception &e) {
            std::string why = e.what();
            return log.done({grpc::StatusCode::INTERNAL,
                             deployment->name() + ": " + why.substr(0, why.find('\n'))});
        }
        timing.set_device_compute_s(device.compute_s);
        timing.set_device_tl_s(device.tl_s);
        if (toEdge) {
            if (auto failed = toEdge->send(y, i + warmup, deployment->name(), &timing);
                !failed.ok())
                return log.done(failed);
        }
        timing.set_total_s(secondsSince(start));
        if (i < 0)
            continue;
        v1::OffloadEvent event;
        *event.mutable_inference() = timing;
        if (!writer->Write(event))
            return log.done({grpc::StatusCode::CANCELLED, "Offload: the client went away"});
        if (Clock::now() - lastProgress > std::chrono::milliseconds(200)) {
            lastProgress = Clock::now();
            v1::OffloadEvent progress;
            progress.mutable_progress()->set_fraction(double(i + 1) / runs);
            progress.mutable_progress()->set_message("run " + std::to_string(i + 1) + " of " +
                                                     std::to_string(runs));
            writer->Write(progress);
        }
    }
    return log.done(grpc::Status::OK, deployment->name() + " x" + std::to_string(runs));
}

} // namespace cleave::remote
