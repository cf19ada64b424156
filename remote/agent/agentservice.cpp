// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/agent/agentservice.h"

#include "core/graph/modelcheck.h"
#include "remote/agent/exposure.h"

#include "core/bench/blocktimer.h"
#include "core/codec/codec.h"
#include "core/error.h"
#include "core/modelid.h"
#include "core/tl/spec.h"
#include "core/zoo/zoo.h"
#include "remote/agent/machineinfo.h"
#include "remote/agent/requestlog.h"
#include "remote/status.h"

#include <ATen/Parallel.h>
#include <grpcpp/grpcpp.h>
#include <torch/version.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <malloc.h>

namespace cleave::remote {

namespace v1 = cleave::agent::v1;
using Clock = std::chrono::steady_clock;

struct AgentService::Loaded
{
    explicit Loaded(graph::ModelGraph g)
        : graph(std::move(g))
    {}
    graph::ModelGraph graph;
};

namespace {

// What a model needs beyond what the agent holds, for the memory limit's check before the
// kernel would kill the agent: loading, about three times its file (the checker's copy, the
// tensors as read, then frozen); running, about four times its largest activation (a block's
// input and output, and what it makes on the way).
constexpr int64_t kLoadFactor = 3;
constexpr int64_t kActivationFactor = 4;

// Loading (building, freezing) and benchmarking free about a model's worth of temporaries. glibc
// keeps large freed blocks in its arenas once its mmap threshold has grown; an agent lives long
// and serves one request at a time, so it gives them back to the system after each.
struct ReturnFreedMemory
{
    ~ReturnFreedMemory() { returnFreedMemory(); }
};

void fill(v1::Timing *out, const bench::Statistics &s)
{
    out->set_median_s(s.median_s);
    out->set_mean_s(s.mean_s);
    out->set_p5_s(s.p5_s);
    out->set_p95_s(s.p95_s);
    out->set_stddev_s(s.stddev_s);
}

void describe(const graph::ModelGraph &g, v1::LoadModelReply *reply)
{
    reply->set_blocks(g.blockCount());
    reply->set_parameters(g.parameterCount());
    for (const auto d : g.inputShape())
        reply->add_input_shape(d);
    for (const auto &cut : g.cuts()) {
        auto *c = reply->add_cuts();
        c->set_index(cut.index);
        c->set_label(cut.label);
        c->set_op(cut.op);
        for (const auto d : cut.shape())
            c->add_shape(d);
        c->set_dtype(cut.dtype());
        c->set_bytes(cut.bytes);
        for (const auto &tensor : cut.tensors) {
            auto *t = c->add_tensors();
            t->set_label(tensor.label);
            t->set_op(tensor.op);
            for (const auto d : tensor.shape)
                t->add_shape(d);
            t->set_dtype(tensor.dtype);
            t->set_bytes(tensor.bytes);
        }
    }
}

} // namespace

void returnFreedMemory()
{
    malloc_trim(0);
}

void keepFreedTensorsForReuse()
{
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
}

AgentService::AgentService(AgentConfig config)
    : m_config(std::move(config))
    , m_gate(std::make_shared<Gate>(m_config.token, m_config.limits))
{
    if (!m_config.modelChecker.empty())
        m_checker = std::make_unique<graph::ModelChecker>(m_config.modelChecker);
    if (m_config.cacheDir.empty()) {
        std::string pattern = (std::filesystem::temp_directory_path() / "cleave-agent-XXXXXX");
        if (!mkdtemp(pattern.data()))
            throw Error(ErrorKind::Unavailable, "cannot create a folder for uploaded models");
        m_config.cacheDir = pattern;
        m_ownCacheDir = true;
    }
    std::filesystem::create_directories(m_config.cacheDir);
}

AgentService::~AgentService()
{
    if (m_ownCacheDir) {
        std::error_code ignored;
        std::filesystem::remove_all(m_config.cacheDir, ignored);
    }
}

grpc::Status AgentService::GetInfo(grpc::ServerContext *context, const v1::GetInfoRequest *,
                                   v1::AgentInfo *reply)
{
    RequestLog log(context, "GetInfo");
    const auto pass = m_gate->enter(context);
    if (!pass.ok())
        return log.done(pass.status());
    fillInfo(reply);
    return log.done(grpc::Status::OK);
}

void AgentService::fillInfo(v1::AgentInfo *reply) const
{
    const auto machine = machineInfo();
    reply->set_name(m_config.name);
    reply->set_role(m_config.role);
    reply->set_host_name(machine.hostName);
    reply->set_cpu_model(machine.cpuModel);
    reply->set_cores(machine.cores);
    reply->set_torch_threads(at::get_num_threads());
    reply->set_accelerator("");
    reply->set_torch_version(TORCH_VERSION);
    reply->set_cleave_version(CLEAVE_VERSION);
    reply->set_blas(machine.blas);
    reply->set_protocol_version(kProtocolVersion);
    reply->set_unauthenticated(m_config.unauthenticated);
    std::lock_guard limits(m_limitsMutex);
    if (m_config.resources.cpuCores)
        reply->set_cpu_limit_cores(*m_config.resources.cpuCores);
    if (m_config.resources.memoryBytes)
        reply->set_memory_limit_bytes(uint64_t(*m_config.resources.memoryBytes));
}

grpc::Status AgentService::SetLimits(grpc::ServerContext *context,
                                     const v1::SetLimitsRequest *request, v1::AgentInfo *reply)
{
    RequestLog log(context, "SetLimits");
    const auto pass = m_gate->enter(context);
    if (!pass.ok())
        return log.done(pass.status());
    if (!m_config.setCpuLimit)
        return log.done({grpc::StatusCode::FAILED_PRECONDITION,
                         "SetLimits: this agent was started without --cpu-limit"});
    const double cores = request->cpu_limit_cores();
    const int available = machineInfo().cores;
    if (!(cores > 0) || cores > double(available))
        return log.done({grpc::StatusCode::INVALID_ARGUMENT,
                         "SetLimits: a CPU limit must be above 0 and at most the " +
                             std::to_string(available) + " cores of this machine"});
    try {
        std::lock_guard limits(m_limitsMutex);
        m_config.setCpuLimit(cores);
        m_config.resources.cpuCores = cores;
    } catch (const Error &e) {
        return log.done(toStatus(e));
    }
    fillInfo(reply);
    return log.done(grpc::Status::OK);
}

grpc::Status AgentService::fitsInMemory(const std::string &what, int64_t bytes) const
{
    if (!m_config.resources.memoryBytes || !m_config.memoryInUse)
        return grpc::Status::OK;
    const int64_t limit = *m_config.resources.memoryBytes;
    const int64_t used = m_config.memoryInUse().value_or(0);
    if (used + bytes <= limit)
        return grpc::Status::OK;
    const auto mib = [](int64_t b) { return std::to_string((b + (1 << 20) - 1) >> 20) + " MiB"; };
    return {grpc::StatusCode::RESOURCE_EXHAUSTED,
            what + " needs about " + mib(bytes) + ", more than this agent's memory limit of " +
                mib(limit) + " leaves (" + mib(used) + " in use; --memory-limit)"};
}

grpc::Status AgentService::mayConnectFor(const grpc::ServerContext *context, const std::string &rpc,
                                         const std::string &target) const
{
    // The gate has checked the token; TLS with client certificates has checked the caller's.
    if (m_gate->tokenRequired() || !m_config.tls.roots.empty() || isLoopbackPeer(context->peer()))
        return grpc::Status::OK;
    return {grpc::StatusCode::PERMISSION_DENIED,
            rpc +
                ": this agent has no token or client certificates (--allow-unauthenticated), "
                "so it connects to other agents (" +
                target + ") only for callers on its own machine, not for " +
                peerHost(context->peer())};
}

void AgentService::vetModel(const std::filesystem::path &file, const std::string &digest,
                            const std::string &what)
{
    if (m_checker)
        m_checker->check(file.string(), digest, what);
}

void AgentService::vetModel(std::string_view bytes, const std::string &what)
{
    // Only a zip can reach TorchScript's importer; anything else the loader refuses at once,
    // in its own words, without the child.
    if (!m_checker || !graph::startsAZip(bytes))
        return;
    const auto digest = sha256Hex(bytes);
    const auto file = m_config.cacheDir / ("vet-" + digest + ".pt");
    {
        std::ofstream out(file, std::ios::binary);
        out.write(bytes.data(), std::streamsize(bytes.size()));
        if (!out)
            throw Error(ErrorKind::Internal, what + ": cannot store the model to check it");
    }
    try {
        vetModel(file, digest, what);
    } catch (...) {
        std::filesystem::remove(file);
        throw;
    }
    std::filesystem::remove(file);
}

std::shared_ptr<AgentService::Loaded> AgentService::find(const std::string &id)
{
    std::lock_guard lock(m_modelsMutex);
    const auto found = m_models.find(id);
    return found == m_models.end() ? nullptr : found->second;
}

grpc::Status AgentService::loadFile(const Gate::Pass &pass,
                                    grpc::ServerReader<v1::LoadModelChunk> *reader,
                                    const v1::ModelHeader &header, const std::string &shapeText,
                                    const graph::CutOptions &cutting, std::string *id,
                                    std::shared_ptr<Loaded> *loaded)
{
    const int64_t limit = m_config.maxModelBytes;
    const auto tooLarge = [&](int64_t bytes) {
        return grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                            header.name() + ": " + std::to_string(bytes) +
                                " bytes is over this agent's model size limit of " +
                                std::to_string(limit) + " bytes (--max-model-mib)");
    };
    if (int64_t(header.total_bytes()) > limit)
        return tooLarge(int64_t(header.total_bytes()));
    // Loading holds the archive's tensors twice (as read, then frozen), with the checker's copy
    // before them: about three times the file.
    if (const auto fits = fitsInMemory(header.name() + ": loading it",
                                       int64_t(header.total_bytes()) * kLoadFactor);
        !fits.ok())
        return fits;

    const auto partial =
        m_config.cacheDir / ("upload-" + std::to_string(getpid()) + "-" +
                             std::to_string(Clock::now().time_since_epoch().count()));
    ModelIdentityBuilder identity;
    int64_t received = 0;
    {
        std::ofstream out(partial, std::ios::binary);
        v1::LoadModelChunk chunk;
        while (reader->Read(&chunk)) {
            if (!chunk.has_data()) {
                std::filesystem::remove(partial);
                return {grpc::StatusCode::INVALID_ARGUMENT,
                        header.name() + ": a second header in the upload"};
            }
            if (grpc::Status overdue; pass.overdue(&overdue)) {
                out.close();
                std::filesystem::remove(partial);
                return overdue;
            }
            received += int64_t(chunk.data().size());
            if (received > limit) {
                out.close();
                std::filesystem::remove(partial);
                return tooLarge(received);
            }
            identity.add(chunk.data());
            out.write(chunk.data().data(), std::streamsize(chunk.data().size()));
        }
        if (!out) {
            std::filesystem::remove(partial);
            return {grpc::StatusCode::INTERNAL, header.name() + ": cannot store the upload"};
        }
    }
    if (received != int64_t(header.total_bytes())) {
        std::filesystem::remove(partial);
        return {grpc::StatusCode::INVALID_ARGUMENT,
                header.name() + ": the upload ended after " + std::to_string(received) + " of " +
                    std::to_string(header.total_bytes()) + " bytes"};
    }
    *id = identity.finish().id(shapeText, cutting.granularity);
    if ((*loaded = find(*id))) {
        std::filesystem::remove(partial);
        return grpc::Status::OK;
    }
    const auto path = m_config.cacheDir / (*id + ".pt");
    std::filesystem::rename(partial, path);
    try {
        graph::refuseWhatIsNotTorchScript(path.string());
        vetModel(path, *id, header.name());
        std::optional<graph::Shape> shape;
        if (!shapeText.empty())
            shape = graph::parseShape(shapeText);
        *loaded = std::make_shared<Loaded>(graph::ModelGraph::load(
            path.string(), shape, graph::ModelGraph::Original::Drop, cutting));
    } catch (const Error &e) {
        std::filesystem::remove(path);
        // The loader names the cached file; the client knows the model by its own name.
        std::string message = e.what();
        if (message.rfind(path.string(), 0) == 0)
            message = header.name() + message.substr(path.string().size());
        return {statusCode(e.kind()), message};
    }
    return grpc::Status::OK;
}

grpc::Status AgentService::LoadModel(grpc::ServerContext *context,
                                     grpc::ServerReader<v1::LoadModelChunk> *reader,
                                     v1::LoadModelReply *reply)
{
    RequestLog log(context, "LoadModel");
    const auto pass = m_gate->enter(context);
    if (!pass.ok())
        return log.done(pass.status());
    v1::LoadModelChunk first;
    if (!reader->Read(&first) || !first.has_header())
        return log.done({grpc::StatusCode::INVALID_ARGUMENT,
                         "LoadModel: the first message must be a ModelHeader"});
    const auto &header = first.header();
    std::string shapeText;
    if (header.input_shape_size() > 0) {
        const graph::Shape shape(header.input_shape().begin(), header.input_shape().end());
        shapeText = graph::formatShape(shape);
        try {
            graph::parseShape(shapeText); // positive dimensions, sane size
        } catch (const Error &e) {
            return log.done(
                {grpc::StatusCode::INVALID_ARGUMENT, header.name() + ": input shape " + e.what()});
        }
    }

    graph::CutOptions cutting;
    if (!header.granularity().empty()) {
        const auto granularity = graph::granularityNamed(header.granularity());
        if (!granularity)
            return log.done({grpc::StatusCode::INVALID_ARGUMENT,
                             header.name() + ": granularity '" + header.granularity() +
                                 "' is unknown (block or node)"});
        cutting.granularity = *granularity;
    }
    if (header.max_cuts() < 0)
        return log.done(
            {grpc::StatusCode::INVALID_ARGUMENT,
             header.name() + ": max_cuts " + std::to_string(header.max_cuts()) + " is negative"});
    if (header.max_cuts() > 0)
        cutting.maxCuts = header.max_cuts();

    std::lock_guard work(m_workMutex);
    const ReturnFreedMemory trim; // before the next request may start timing
    std::string id;
    std::shared_ptr<Loaded> loaded;
    if (!header.zoo_name().empty()) {
        const auto spec = "zoo:" + header.zoo_name();
        id = ModelIdentity::ofZoo(header.zoo_name(), header.seed())
                 .id(shapeText, cutting.granularity);
        loaded = find(id);
        if (!loaded) {
            // Built, then frozen: about three times its weights, like a file's load.
            if (const auto *known = zoo::tryFind(header.zoo_name()))
                if (const auto fits =
                        fitsInMemory(spec + ": building it", known->parameters * 4 * kLoadFactor);
                    !fits.ok())
                    return log.done(fits);
            try {
                std::optional<graph::Shape> shape;
                if (!shapeText.empty())
                    shape = graph::parseShape(shapeText);
                loaded = std::make_shared<Loaded>(zoo::openModel(
                    spec, shape, header.seed(), graph::ModelGraph::Original::Drop, cutting));
            } catch (const Error &e) {
                return log.done(toStatus(e));
            }
        }
    } else {
        const auto status = loadFile(pass, reader, header, shapeText, cutting, &id, &loaded);
        if (!status.ok())
            return log.done(status);
    }
    bool cached = false;
    {
        std::lock_guard lock(m_modelsMutex);
        cached = !m_models.emplace(id, loaded).second;
    }
    reply->set_model_id(id);
    reply->set_cached(cached);
    describe(loaded->graph, reply);
    return log.done(grpc::Status::OK, header.name() + (cached ? " (cached)" : ""));
}

grpc::Status AgentService::Benchmark(grpc::ServerContext *context,
                                     const v1::BenchmarkRequest *request,
                                     grpc::ServerWriter<v1::BenchmarkEvent> *writer)
{
    RequestLog log(context, "Benchmark");
    const auto pass = m_gate->enter(context);
    if (!pass.ok())
        return log.done(pass.status());
    const auto loaded = find(request->model_id());
    if (!loaded)
        return log.done({grpc::StatusCode::NOT_FOUND,
                         "no model " + request->model_id() + " on this agent; load it first"});
    bench::TimerSettings settings;
    settings.warmup = request->warmup() > 0 ? request->warmup() : settings.warmup;
    settings.reps = request->reps() > 0 ? request->reps() : settings.reps;
    settings.seed = request->seed();
    try {
        for (const auto &name : request->codecs())
            settings.codecs.push_back(codec::Codec::parse(name));
        for (const auto &spec : request->tl_specs())
            settings.tlSpecs.push_back(tl::TlSpec::parse(spec));
    } catch (const Error &e) {
        return log.done(toStatus(e));
    }

    int64_t largest = 0;
    for (const auto &cut : loaded->graph.cuts())
        largest = std::max(largest, cut.bytes);
    if (const auto fits =
            fitsInMemory(loaded->graph.name() + ": running it", largest * kActivationFactor);
        !fits.ok())
        return log.done(fits);

    std::lock_guard work(m_workMutex);
    const ReturnFreedMemory trim; // before the next request may start timing
    auto lastProgress = Clock::now() - std::chrono::seconds(1);
    const int first = request->first_block();
    const int blocks = loaded->graph.blockCount();
    // Blocks take most of the time; the whole model is timed last, once.
    const double blockShare = blocks > first ? 0.9 : 0.0;
    grpc::Status overdue; // set when the call ran past --max-call-s
    const auto progress = [&](double from, double to) {
        return [&, from, to](double fraction, std::string_view message) {
            if (context->IsCancelled() || pass.overdue(&overdue))
                return false;
            if (Clock::now() - lastProgress > std::chrono::milliseconds(200)) {
                lastProgress = Clock::now();
                v1::BenchmarkEvent event;
                event.mutable_progress()->set_fraction(from + (to - from) * fraction);
                event.mutable_progress()->set_message(std::string(message));
                writer->Write(event);
            }
            return true;
        };
    };
    const auto send = [&](const v1::BenchmarkEvent &event) {
        if (!writer->Write(event))
            throw Error(ErrorKind::Cancelled, "the client went away");
    };
    const auto blockResult = [&](const bench::BlockResult &r) {
        v1::BenchmarkEvent event;
        auto *block = event.mutable_block();
        block->set_block(r.block);
        fill(block->mutable_time(), r.time);
        block->set_output_bytes(r.outputBytes);
        block->set_weight_bytes(uint64_t(r.weightBytes));
        block->set_peak_bytes(uint64_t(r.peakBytes));
        send(event);
    };
    const auto codecResult = [&](const bench::CodecResult &r) {
        v1::BenchmarkEvent event;
        auto *cut = event.mutable_cut();
        cut->set_cut(r.cut);
        cut->set_codec(r.codec);
        cut->set_encoded_bytes(r.encodedBytes);
        fill(cut->mutable_serialise(), r.serialise);
        fill(cut->mutable_deserialise(), r.deserialise);
        send(event);
    };
    const auto tlResult = [&](const bench::TlResult &r) {
        v1::BenchmarkEvent event;
        auto *result = event.mutable_tl();
        result->set_cut(r.cut);
        result->set_spec(r.spec);
        fill(result->mutable_device_tl(), r.deviceTl);
        fill(result->mutable_edge_tl(), r.edgeTl);
        result->set_output_bytes(r.outputBytes);
        result->set_tensors(r.tensors);
        send(event);
    };
    const auto stripResult = [&](const bench::StripResult &r) {
        v1::BenchmarkEvent event;
        auto *strip = event.mutable_strip();
        strip->set_first(r.first);
        strip->set_end(r.end);
        strip->set_rows(r.rows);
        fill(strip->mutable_time(), r.time);
        send(event);
    };
    if (request->strip_firsts_size() > request->strip_ends_size())
        return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                            "strip_firsts has " + std::to_string(request->strip_firsts_size()) +
                                " entries for " + std::to_string(request->strip_ends_size()) +
                                " strip_ends");
    std::vector<bench::StripSegment> stripSegments;
    for (int i = 0; i < request->strip_ends_size(); ++i)
        stripSegments.push_back({i < request->strip_firsts_size() ? request->strip_firsts(i) : 0,
                                 request->strip_ends(i)});
    try {
        bench::BlockTimer timer(loaded->graph, settings);
        const bool blocks = !request->strips_only();
        const double stripShare = stripSegments.empty() ? 0.0 : blocks ? 0.3 : 1.0;
        if (!stripSegments.empty())
            timer.timeStrips(stripSegments, stripResult, progress(0.0, stripShare));
        if (blocks) {
            const double split = stripShare + (1.0 - stripShare) * blockShare;
            timer.timeBlocks(first, blockResult, progress(stripShare, split),
                             {codecResult, tlResult});
            const auto whole = timer.timeWholeModel(progress(split, 1.0));
            v1::BenchmarkEvent event;
            fill(event.mutable_whole_model()->mutable_time(), whole);
            writer->Write(event);
        }
    } catch (const Error &e) {
        return log.done(overdue.ok() ? toStatus(e) : overdue);
    }
    return log.done(grpc::Status::OK, loaded->graph.name());
}

grpc::Status AgentService::deployFromModel(const v1::DeployHeader &header, v1::DeployReply *reply)
{
    const auto &name = header.name();
    const auto loaded = find(header.model_id());
    if (!loaded)
        return {grpc::StatusCode::NOT_FOUND,
                "no model " + header.model_id() + " on this agent; load it first"};
    std::lock_guard work(m_workMutex);
    try {
        const auto &g = loaded->graph;
        const int first = header.first_block();
        const int end = header.end_block();
        if (first < 0 || end > g.blockCount() || first >= end)
            throw Error(ErrorKind::InvalidInput,
                        name + ": blocks [" + std::to_string(first) + ", " + std::to_string(end) +
                            ") are not a range of the model's " + std::to_string(g.blockCount()));
        std::vector<graph::Shape> inputs;
        for (const auto &tensor : g.cuts()[size_t(first)].tensors)
            inputs.push_back(tensor.shape);
        std::optional<torch::jit::Module> compute;
        if (header.rows_end() > 0) {
            // A strip cuts one tensor into rows.
            for (const int cut : {first, end})
                g.requireOneTensor(cut, "a strip");
            const graph::RowRange rows{header.rows_begin(), header.rows_end()};
            const auto in = g.stripInput(first, end, rows);
            inputs.front()[2] = in.size();
            compute = g.strip(first, end, rows);
        } else {
            compute = g.slice(first, end);
        }
        auto deployment =
            std::make_shared<const Deployment>(name, std::move(inputs), std::move(compute),
                                               std::nullopt, Deployment::Order::ComputeThenTl);
        describeDeployment(*deployment, reply);
        m_deployments->install(std::move(deployment));
    } catch (const Error &e) {
        return toStatus(e);
    }
    return grpc::Status::OK;
}

grpc::Status AgentService::Echo(grpc::ServerContext *context, const v1::EchoRequest *request,
                                v1::EchoReply *reply)
{
    const auto pass = m_gate->enter(context);
    if (!pass.ok())
        return pass.status();
    if (request->reply_bytes() < 0 || request->reply_bytes() > 64 * kMaxChunkBytes)
        return {grpc::StatusCode::INVALID_ARGUMENT, "Echo: reply_bytes out of range"};
    reply->mutable_payload()->assign(size_t(request->reply_bytes()), '\0');
    // Echo is not logged: ProbeLink sends many of them.
    return grpc::Status::OK;
}

grpc::Status AgentService::ProbeLink(grpc::ServerContext *context,
                                     const v1::ProbeLinkRequest *request, v1::ProbeLinkReply *reply)
{
    RequestLog log(context, "ProbeLink");
    const auto pass = m_gate->enter(context);
    if (!pass.ok())
        return log.done(pass.status());
    if (auto denied = mayConnectFor(context, "ProbeLink", request->target()); !denied.ok())
        return log.done(denied);
    std::vector<int64_t> sizes(request->payload_bytes().begin(), request->payload_bytes().end());
    if (sizes.empty())
        sizes = {1 << 10, 64 << 10, 1 << 20};
    std::sort(sizes.begin(), sizes.end());
    if (sizes.front() < 0 || sizes.back() > 16 * kMaxChunkBytes)
        return log.done(
            {grpc::StatusCode::INVALID_ARGUMENT, "ProbeLink: payloads must be 0 to 16 MiB"});
    const int reps = request->reps() > 0 ? std::min(request->reps(), 100) : 5;
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(int(32 * kMaxChunkBytes));
    args.SetMaxSendMessageSize(int(32 * kMaxChunkBytes));
    auto stub = v1::Agent::NewStub(
        grpc::CreateCustomChannel(request->target(), grpc::InsecureChannelCredentials(), args));

    // Median seconds of an echo sending `up` bytes and receiving `down` bytes.
    const auto echo = [&](int64_t up, int64_t down, double *seconds) -> grpc::Status {
        v1::EchoRequest echoRequest;
        echoRequest.mutable_payload()->assign(size_t(up), '\0');
        echoRequest.set_reply_bytes(down);
        std::vector<double> samples;
        for (int i = 0; i < reps + 1; ++i) {
            grpc::ClientContext call;
            call.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
            v1::EchoReply echoReply;
            const auto start = Clock::now();
            const auto status = stub->Echo(&call, echoRequest, &echoReply);
            if (!status.ok())
                return status;
            if (i > 0) // the first call also sets up the connection
                samples.push_back(std::chrono::duration<double>(Clock::now() - start).count());
        }
        *seconds = bench::summarise(samples).median_s;
        return grpc::Status::OK;
    };
    double rtt = 0, upload = 0, download = 0;
    auto status = echo(sizes.front(), 0, &rtt);
    if (status.ok())
        status = echo(sizes.back(), 0, &upload);
    if (status.ok())
        status = echo(0, sizes.back(), &download);
    if (!status.ok())
        return log.done(
            {grpc::StatusCode::UNAVAILABLE, request->target() + ": " + status.error_message()});
    const double bits = double(sizes.back() - sizes.front()) * 8.0;
    reply->set_rtt_s(rtt);
    reply->set_uplink_bps(bits / std::max(upload - rtt, 1e-9));
    reply->set_downlink_bps(bits / std::max(download - rtt, 1e-9));
    return log.done(grpc::Status::OK, request->target());
}

} // namespace cleave::remote
