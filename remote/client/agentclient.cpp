// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/client/agentclient.h"

#include "core/error.h"
#include "core/zoo/zoo.h"
#include "remote/channel.h"
#include "remote/secrets.h"
#include "remote/status.h"

#include <grpcpp/grpcpp.h>
#include <torch/types.h>

#include <cstring>
#include <fstream>

namespace cleave::remote {

namespace v1 = cleave::agent::v1;

namespace {
constexpr std::streamsize kChunkBytes = 1 << 20;
}

AgentClient::AgentClient(std::string address, std::chrono::milliseconds deadline,
                         const AgentAccess &access)
    : m_address(std::move(address))
    , m_deadline(deadline)
{
    m_token = access.token;
    if (m_token.empty() && !access.tokenFile.empty())
        m_token = readTokenFile(access.tokenFile);
    const auto pem = readTlsFiles(access.tlsCaFile, access.tlsCertFile, access.tlsKeyFile);
    m_tlsRoots = pem.roots;
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(64 << 20);
    m_channel = openChannel(m_address, pem, args);
    m_stub = v1::Agent::NewStub(m_channel);
    m_inference = inference::GRPCInferenceService::NewStub(m_channel);
}

AgentClient::~AgentClient() = default;

std::unique_ptr<grpc::ClientContext> AgentClient::context(std::chrono::milliseconds deadline)
{
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + deadline);
    if (!m_token.empty())
        context->AddMetadata("authorization", "Bearer " + m_token);
    return context;
}

void AgentClient::fail(const grpc::Status &status, const std::string &doing, bool answered) const
{
    auto message = status.error_message();
    if (!answered && (status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED ||
                      status.error_code() == grpc::StatusCode::UNAVAILABLE))
        message = "agent unreachable or not answering (" + message + ")";
    throw RemoteError(errorKind(status.error_code()), m_address, doing, message);
}

v1::AgentInfo AgentClient::info()
{
    v1::AgentInfo reply;
    auto call = context(m_deadline);
    // Fail within the deadline when nothing listens, rather than retrying until it ends.
    call->set_wait_for_ready(false);
    const auto status = m_stub->GetInfo(call.get(), {}, &reply);
    if (!status.ok())
        fail(status, "GetInfo");
    return reply;
}

namespace {

// The header's shape and cutting: what the agent analyses the model for.
void describeAnalysis(v1::ModelHeader &header, const std::optional<graph::Shape> &input,
                      const graph::CutOptions &cutting)
{
    if (input)
        for (const auto d : *input)
            header.add_input_shape(d);
    // Block granularity stays unsaid, so that agents of revision 3 take the request.
    if (cutting.granularity != graph::Granularity::Block) {
        header.set_granularity(graph::granularityName(cutting.granularity));
        header.set_max_cuts(cutting.maxCuts);
    }
}

} // namespace

v1::LoadModelReply AgentClient::loadFile(const std::string &path,
                                         const std::optional<graph::Shape> &input,
                                         const graph::CutOptions &cutting)
{
    std::ifstream file(path, std::ios::binary | std::ios::ate);
    if (!file)
        throw Error(ErrorKind::NotFound, path + ": cannot read the model file");
    const auto size = file.tellg();
    file.seekg(0);
    v1::LoadModelReply reply;
    // Uploads take as long as the link needs: a minute per 10 MB at 1.6 Mbit/s, at least the
    // short deadline.
    const auto deadline = m_deadline + std::chrono::milliseconds(int64_t(size) / 200);
    auto call = context(std::chrono::duration_cast<std::chrono::milliseconds>(deadline));
    auto writer = m_stub->LoadModel(call.get(), &reply);
    v1::LoadModelChunk chunk;
    chunk.mutable_header()->set_name(path);
    chunk.mutable_header()->set_total_bytes(uint64_t(size));
    describeAnalysis(*chunk.mutable_header(), input, cutting);
    bool open = writer->Write(chunk);
    std::string buffer(size_t(kChunkBytes), '\0');
    while (open && file) {
        file.read(buffer.data(), kChunkBytes);
        if (file.gcount() <= 0)
            break;
        chunk.set_data(buffer.data(), size_t(file.gcount()));
        open = writer->Write(chunk);
    }
    writer->WritesDone();
    const auto status = writer->Finish();
    if (!status.ok())
        fail(status, "LoadModel");
    return reply;
}

v1::LoadModelReply AgentClient::loadZoo(const std::string &name, uint64_t seed,
                                        const std::optional<graph::Shape> &input,
                                        const graph::CutOptions &cutting)
{
    v1::LoadModelReply reply;
    auto call = context(m_deadline * 12); // building and analysing the model takes a while
    auto writer = m_stub->LoadModel(call.get(), &reply);
    v1::LoadModelChunk chunk;
    chunk.mutable_header()->set_name("zoo:" + name);
    chunk.mutable_header()->set_zoo_name(name);
    chunk.mutable_header()->set_seed(seed);
    describeAnalysis(*chunk.mutable_header(), input, cutting);
    writer->Write(chunk);
    writer->WritesDone();
    const auto status = writer->Finish();
    if (!status.ok())
        fail(status, "LoadModel");
    return reply;
}

template<typename Event>
grpc::Status AgentClient::readStream(grpc::ClientContext *call,
                                     grpc::ClientReaderInterface<Event> *reader,
                                     const std::function<void(const Event &)> &onEvent)
{
    Event event;
    std::exception_ptr error;
    while (reader->Read(&event)) {
        try {
            onEvent(event);
        } catch (...) {
            error = std::current_exception();
            call->TryCancel();
        }
    }
    const auto status = reader->Finish();
    {
        std::lock_guard lock(m_callMutex);
        m_call = nullptr;
    }
    if (error)
        std::rethrow_exception(error);
    return status;
}

void AgentClient::benchmark(const v1::BenchmarkRequest &request,
                            const std::function<void(const v1::BenchmarkEvent &)> &onEvent,
                            std::chrono::seconds deadline)
{
    auto call = context(deadline);
    {
        std::lock_guard lock(m_callMutex);
        m_call = call.get();
    }
    auto reader = m_stub->Benchmark(call.get(), request);
    const auto status = readStream<v1::BenchmarkEvent>(call.get(), reader.get(), onEvent);
    if (!status.ok())
        fail(status, "Benchmark");
}

v1::DeployReply AgentClient::deploy(const std::string &name,
                                    const std::vector<graph::Shape> &inputs,
                                    const std::string &compute, const std::string &tl)
{
    const auto bytes = compute.size() + tl.size();
    v1::DeployReply reply;
    const auto deadline = m_deadline * 4 + std::chrono::milliseconds(int64_t(bytes) / 200);
    auto call = context(std::chrono::duration_cast<std::chrono::milliseconds>(deadline));
    auto writer = m_stub->Deploy(call.get(), &reply);
    v1::DeployChunk chunk;
    auto *header = chunk.mutable_header();
    header->set_name(name);
    if (!inputs.empty())
        header->mutable_input_shape()->Add(inputs.front().begin(), inputs.front().end());
    if (inputs.size() > 1)
        for (const auto &shape : inputs)
            header->add_inputs()->mutable_dims()->Add(shape.begin(), shape.end());
    header->set_compute_bytes(compute.size());
    header->set_tl_bytes(tl.size());
    bool open = writer->Write(chunk);
    for (const std::string *part : {&compute, &tl}) {
        for (size_t at = 0; open && at < part->size(); at += size_t(kChunkBytes)) {
            chunk.set_data(part->substr(at, size_t(kChunkBytes)));
            open = writer->Write(chunk);
        }
    }
    writer->WritesDone();
    const auto status = writer->Finish();
    if (!status.ok())
        fail(status, "Deploy " + name);
    return reply;
}

v1::DeployReply AgentClient::deploy(const std::string &name, const ModelPart &part)
{
    v1::DeployReply reply;
    auto call = context(m_deadline * 4);
    auto writer = m_stub->Deploy(call.get(), &reply);
    v1::DeployChunk chunk;
    auto *header = chunk.mutable_header();
    header->set_name(name);
    header->set_model_id(part.modelId);
    header->set_first_block(part.first);
    header->set_end_block(part.end);
    if (part.rows) {
        header->set_rows_begin(part.rows->begin);
        header->set_rows_end(part.rows->end);
    }
    writer->Write(chunk);
    writer->WritesDone();
    const auto status = writer->Finish();
    if (!status.ok())
        fail(status, "Deploy " + name);
    return reply;
}

v1::AgentInfo AgentClient::setCpuLimit(double cores)
{
    v1::SetLimitsRequest request;
    request.set_cpu_limit_cores(cores);
    v1::AgentInfo reply;
    auto call = context(m_deadline);
    const auto status = m_stub->SetLimits(call.get(), request, &reply);
    if (!status.ok())
        fail(status, "SetLimits", true);
    return reply;
}

torch::Tensor AgentClient::infer(const std::string &name, const torch::Tensor &input,
                                 std::chrono::milliseconds deadline, InferTimes *times)
{
    const auto x = input.contiguous().to(torch::kFloat32);
    inference::ModelInferRequest request;
    request.set_model_name(name);
    auto *in = request.add_inputs();
    in->set_name("INPUT__0"); // InferenceService::kInputName
    in->set_datatype("FP32");
    for (const auto d : x.sizes())
        in->add_shape(d);
    request.add_raw_input_contents(
        std::string(static_cast<const char *>(x.data_ptr()), size_t(x.numel()) * sizeof(float)));
    request.add_outputs()->set_name("OUTPUT__0");
    inference::ModelInferResponse reply;
    auto call = context(deadline);
    const auto start = std::chrono::steady_clock::now();
    const auto status = m_inference->ModelInfer(call.get(), request, &reply);
    if (!status.ok())
        fail(status, "ModelInfer " + name);
    if (reply.outputs_size() != 1 || reply.raw_output_contents_size() != 1)
        throw RemoteError(ErrorKind::Internal, m_address, "ModelInfer " + name,
                          "the answer holds no single output tensor");
    const auto &o = reply.outputs(0);
    const graph::Shape shape(o.shape().begin(), o.shape().end());
    const auto &bytes = reply.raw_output_contents(0);
    int64_t count = 1;
    for (const auto d : shape)
        count *= d;
    if (o.datatype() != "FP32" || count < 0 || int64_t(bytes.size()) != count * 4)
        throw RemoteError(ErrorKind::Internal, m_address, "ModelInfer " + name,
                          "the answer's tensor does not match its shape");
    auto y = torch::empty(shape, torch::kFloat32);
    std::memcpy(y.data_ptr(), bytes.data(), bytes.size());
    if (times) {
        times->call_s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const auto found = reply.parameters().find("cleave_compute_s");
        times->compute_s = found == reply.parameters().end() ? 0.0 : found->second.double_param();
    }
    return y;
}

void AgentClient::undeploy(const std::string &name)
{
    v1::UndeployRequest request;
    request.set_name(name);
    v1::UndeployReply reply;
    auto call = context(m_deadline);
    const auto status = m_stub->Undeploy(call.get(), request, &reply);
    if (!status.ok())
        fail(status, "Undeploy " + name);
}

void AgentClient::offload(const v1::OffloadRequest &request,
                          const std::function<void(const v1::OffloadEvent &)> &onEvent,
                          std::chrono::seconds deadline)
{
    auto call = context(deadline);
    {
        std::lock_guard lock(m_callMutex);
        m_call = call.get();
    }
    auto reader = m_stub->Offload(call.get(), request);
    const auto status = readStream<v1::OffloadEvent>(call.get(), reader.get(), onEvent);
    // The device answers for the edge with a message of its own; only a silent device is
    // "unreachable".
    if (!status.ok())
        fail(status, "Offload",
             status.error_message().rfind("edge ", 0) == 0 ||
                 status.error_message().rfind("run ", 0) == 0);
}

void AgentClient::allowForCpuShare(double cores)
{
    if (cores > 0 && cores < 1)
        m_deadline = std::chrono::milliseconds(int64_t(double(m_deadline.count()) / cores));
}

agent::v1::LoadModelReply AgentClient::loadModel(const std::string &model, uint64_t seed,
                                                 const std::optional<graph::Shape> &input,
                                                 const graph::CutOptions &cutting)
{
    const auto name = zoo::zooName(model);
    return name ? loadZoo(*name, seed, input, cutting) : loadFile(model, input, cutting);
}

store::Resource resourceOf(const v1::AgentInfo &info, const std::string &role)
{
    store::Resource resource;
    // Limited, the same agent emulates another machine: another resource.
    if (info.cpu_limit_cores() > 0)
        resource.limits.cpuCores = info.cpu_limit_cores();
    if (info.memory_limit_bytes() > 0)
        resource.limits.memoryBytes = int64_t(info.memory_limit_bytes());
    resource.name = resourceName(info.name() + "@" + info.host_name(), resource.limits);
    resource.role = role;
    resource.host = info.host_name();
    resource.cpu = info.cpu_model();
    resource.cores = info.cores();
    resource.threads = info.torch_threads();
    resource.accelerator = info.accelerator();
    resource.torchVersion = info.torch_version();
    resource.blas = info.blas();
    return resource;
}

void AgentClient::cancel()
{
    std::lock_guard lock(m_callMutex);
    if (m_call)
        m_call->TryCancel();
}

} // namespace cleave::remote
