// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's request handlers, reached as the network reaches them: a real gRPC server (the
// agent's two services, in-process transport) gets requests decoded from the input. The first
// byte picks the call; the rest is the request as protobuf (client streams: a list of
// length-prefixed messages). A half of a real model is deployed first, so inference requests
// reach the tensor decoding and the model. Every call must end in a status, never a crash.
#include "cleave/agent/v1/agent.grpc.pb.h"
#include "core/graph/modelgraph.h"
#include "inference/grpc_service.grpc.pb.h"
#include "remote/agent/agentservice.h"
#include "remote/agent/inferenceservice.h"
#include "remote/client/offloader.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace v1 = cleave::agent::v1;

namespace {

struct Agent
{
    std::unique_ptr<cleave::remote::AgentService> service;
    std::unique_ptr<cleave::remote::InferenceService> inference;
    std::unique_ptr<grpc::Server> server;
    std::unique_ptr<v1::Agent::Stub> agent;
    std::unique_ptr<inference::GRPCInferenceService::Stub> endpoint;
};

std::unique_ptr<grpc::ClientContext> context()
{
    auto c = std::make_unique<grpc::ClientContext>();
    c->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    return c;
}

template<typename Chunk>
void writeAll(grpc::ClientWriterInterface<Chunk> *writer, const std::vector<Chunk> &chunks)
{
    for (const auto &chunk : chunks)
        if (!writer->Write(chunk))
            break;
    writer->WritesDone();
    writer->Finish();
}

void deploy(Agent &a, const std::string &name, const cleave::graph::Shape &input,
            const std::string &compute)
{
    v1::DeployChunk header;
    header.mutable_header()->set_name(name);
    for (const auto d : input)
        header.mutable_header()->add_input_shape(d);
    header.mutable_header()->set_compute_bytes(compute.size());
    v1::DeployChunk data;
    data.set_data(compute);
    v1::DeployReply reply;
    auto call = context();
    writeAll<v1::DeployChunk>(a.agent->Deploy(call.get(), &reply).get(), {header, data});
}

Agent &agent()
{
    static Agent a = [] {
        Agent a;
        a.service = std::make_unique<cleave::remote::AgentService>(cleave::remote::AgentConfig{});
        a.inference = std::make_unique<cleave::remote::InferenceService>(a.service->deployments(),
                                                                         a.service->gate());
        grpc::ServerBuilder builder;
        builder.RegisterService(a.service.get());
        builder.RegisterService(a.inference.get());
        a.server = builder.BuildAndStart();
        auto channel = a.server->InProcessChannel({});
        a.agent = v1::Agent::NewStub(channel);
        a.endpoint = inference::GRPCInferenceService::NewStub(channel);
        const auto graph = cleave::graph::ModelGraph::load(CLEAVE_FIXTURES_DIR "/chain.pt");
        const auto halves = cleave::remote::makeHalves(graph, 1, std::nullopt);
        deploy(a, "tail", halves.wire.front(), halves.tailCompute);
        return a;
    }();
    return a;
}

/// Messages of a client stream: [length: 2 bytes][message]...
template<typename Message>
std::vector<Message> messages(const uint8_t *data, size_t size)
{
    std::vector<Message> list;
    while (size >= 2 && list.size() < 8) {
        const size_t length = std::min<size_t>(size_t(data[0]) | size_t(data[1]) << 8, size - 2);
        Message m;
        if (m.ParseFromArray(data + 2, int(length)))
            list.push_back(std::move(m));
        data += 2 + length;
        size -= 2 + length;
    }
    return list;
}

template<typename Message>
bool parse(Message *m, const uint8_t *data, size_t size)
{
    return m->ParseFromArray(data, int(size));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    auto &a = agent();
    const uint8_t call = data[0];
    ++data;
    --size;
    switch (call % 9) {
    case 0: {
        inference::ModelInferRequest request;
        if (!parse(&request, data, size))
            return 0;
        if (request.model_name().empty())
            request.set_model_name("tail");
        inference::ModelInferResponse reply;
        a.endpoint->ModelInfer(context().get(), request, &reply);
        break;
    }
    case 1: {
        inference::ModelMetadataRequest request;
        if (!parse(&request, data, size))
            return 0;
        inference::ModelMetadataResponse reply;
        a.endpoint->ModelMetadata(context().get(), request, &reply);
        break;
    }
    case 2: {
        // Never the deployment the other calls use.
        auto chunks = messages<v1::DeployChunk>(data, size);
        for (auto &c : chunks)
            if (c.has_header() && c.header().name() == "tail")
                c.mutable_header()->set_name("other");
        v1::DeployReply reply;
        auto c = context();
        writeAll(a.agent->Deploy(c.get(), &reply).get(), chunks);
        break;
    }
    case 3: {
        v1::UndeployRequest request;
        if (!parse(&request, data, size) || request.name() == "tail")
            return 0;
        v1::UndeployReply reply;
        a.agent->Undeploy(context().get(), request, &reply);
        break;
    }
    case 4: {
        v1::EchoRequest request;
        if (!parse(&request, data, size))
            return 0;
        v1::EchoReply reply;
        a.agent->Echo(context().get(), request, &reply);
        break;
    }
    case 5: {
        v1::ProbeLinkRequest request;
        if (!parse(&request, data, size))
            return 0;
        request.clear_target(); // no connections out of the process
        request.set_reps(std::clamp(request.reps(), 1, 2));
        v1::ProbeLinkReply reply;
        a.agent->ProbeLink(context().get(), request, &reply);
        break;
    }
    case 6: {
        auto chunks = messages<v1::LoadModelChunk>(data, size);
        // Zoo models take seconds to build: uploads only.
        for (auto &c : chunks)
            if (c.has_header())
                c.mutable_header()->clear_zoo_name();
        v1::LoadModelReply reply;
        auto c = context();
        writeAll(a.agent->LoadModel(c.get(), &reply).get(), chunks);
        break;
    }
    case 7: {
        v1::BenchmarkRequest request;
        if (!parse(&request, data, size))
            return 0;
        // Bounded work per input: the checks are what is fuzzed, not the timer.
        request.set_warmup(0);
        request.set_reps(1);
        auto c = context();
        auto reader = a.agent->Benchmark(c.get(), request);
        v1::BenchmarkEvent event;
        while (reader->Read(&event)) {
        }
        reader->Finish();
        break;
    }
    case 8: {
        v1::OffloadRequest request;
        if (!parse(&request, data, size))
            return 0;
        request.set_runs(std::clamp(request.runs(), 1, 2));
        request.set_warmup(0);
        request.clear_edge_address(); // no connections out of the process
        request.mutable_link()->Clear();
        auto c = context();
        auto reader = a.agent->Offload(c.get(), request);
        v1::OffloadEvent event;
        while (reader->Read(&event)) {
        }
        reader->Finish();
        break;
    }
    }
    return 0;
}
