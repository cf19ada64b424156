// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/client/benchsession.h"

#include "remote/client/agentclient.h"
#include "remote/status.h"

#include "core/codec/codec.h"
#include "core/error.h"
#include "core/modelid.h"
#include "core/tl/spec.h"
#include "core/zoo/zoo.h"

#include <chrono>
#include <filesystem>
#include <future>

namespace cleave::remote {

namespace v1 = cleave::agent::v1;

void BenchSettings::validate() const
{
    if (warmup < 0 || reps < 1)
        throw Error(ErrorKind::InvalidInput, "bench: warm-up must be 0 or more, reps 1 or more");
    if (!zoo::zooName(model) && !std::filesystem::exists(model))
        throw Error(ErrorKind::NotFound, model + ": no such file");
    for (const auto &c : codecs)
        codec::Codec::parse(c); // refuse unknown names before starting anything
    for (const auto &t : tlSpecs)
        tl::TlSpec::parse(t);
}

double AgentBenchResult::additivityErrorPercent() const
{
    return wholeModel_s > 0 ? (sumOfBlockMedians_s - wholeModel_s) / wholeModel_s * 100 : 0.0;
}

namespace {

/// What crosses each cut, as the agent that analysed the model described it.
std::vector<store::CutTensorRecord> cutTensorsOf(const agent::v1::LoadModelReply &loaded)
{
    std::vector<store::CutTensorRecord> records;
    for (const auto &cut : loaded.cuts()) {
        int place = 0;
        for (const auto &t : cut.tensors())
            records.push_back({cut.index(), place++, t.label(), t.op(),
                               graph::Shape(t.shape().begin(), t.shape().end()), t.dtype(),
                               t.bytes()});
        if (cut.tensors().empty()) // an agent of revision 3: the cut's one tensor
            records.push_back({cut.index(), 0, cut.label(), cut.op(),
                               graph::Shape(cut.shape().begin(), cut.shape().end()), cut.dtype(),
                               cut.bytes()});
    }
    return records;
}

} // namespace

/// An agent that answered and holds the model, before anything is measured.
struct BenchSession::Prepared
{
    BenchTarget target;
    v1::AgentInfo info;
    v1::LoadModelReply loaded;
};

BenchSession::BenchSession(BenchSettings settings, std::vector<BenchTarget> targets)
    : settings(std::move(settings))
    , targets(std::move(targets))
{}

BenchSession::~BenchSession() = default;

void BenchSession::cancel()
{
    m_cancelled = true;
    const std::lock_guard lock(m_clientMutex);
    if (m_client)
        m_client->cancel();
}

BenchSession::Prepared BenchSession::prepare(const BenchTarget &target)
{
    AgentClient client(target.address, std::chrono::seconds(5), target.access);
    Prepared p{target, client.info(), {}};
    try {
        p.loaded =
            client.loadModel(settings.model, settings.seed, settings.input, settings.cutting);
    } catch (const RemoteError &e) {
        // The agent's reason names the model; its address tells a user nothing of a local
        // agent, its role does.
        if (e.kind() != ErrorKind::InvalidInput)
            throw;
        throw Error(e.kind(), e.reason() + " (said the " + target.role + " agent)");
    }
    return p;
}

std::vector<AgentBenchResult> BenchSession::run(store::Store &db, const Observer &observer)
{
    settings.validate();
    const auto identity = ModelIdentity::of(settings.model, settings.seed);
    m_content = identity.content();
    std::vector<std::future<Prepared>> loading;
    for (const auto &target : targets)
        loading.push_back(std::async(std::launch::async, &BenchSession::prepare, this, target));
    std::vector<Prepared> prepared;
    for (auto &f : loading)
        prepared.push_back(f.get()); // the first agent that failed, in the targets' order
    // The store knows a machine by the agent's name and host: two agents that report the same
    // (two default-named agents on one host) would mix their timings under one resource.
    for (std::size_t i = 0; i < prepared.size(); ++i)
        for (std::size_t j = i + 1; j < prepared.size(); ++j) {
            const auto &a = prepared[i], &b = prepared[j];
            const auto name = resourceOf(a.info, a.target.role).name;
            if (name == resourceOf(b.info, b.target.role).name)
                throw Error(ErrorKind::InvalidInput,
                            "the " + a.target.role + " agent " + a.target.address + " and the " +
                                b.target.role + " agent " + b.target.address +
                                " are both the resource " + name +
                                ": start them with different --name");
        }
    for (const auto &p : prepared)
        if (p.loaded.model_id() != identity.id(settings.input, settings.cutting.granularity))
            throw Error(ErrorKind::InvalidInput, settings.model +
                                                     " changed while it was sent to the " +
                                                     p.target.role + " agent " + p.target.address);
    for (const auto &p : prepared)
        if (observer.log)
            observer.log(p.target.role, p.target.address + " (" + p.info.host_name() + ") holds " +
                                            settings.model + ": " +
                                            std::to_string(p.loaded.blocks()) + " blocks");
    std::vector<AgentBenchResult> results;
    for (const auto &p : prepared) {
        if (m_cancelled)
            throw Error(ErrorKind::Cancelled, "benchmark cancelled before " + p.target.role +
                                                  " agent " + p.target.address + " began");
        results.push_back(measure(db, p, observer));
    }
    return results;
}

AgentBenchResult BenchSession::measure(store::Store &db, const Prepared &prepared,
                                       const Observer &observer)
{
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    const auto &role = prepared.target.role;
    const auto &loaded = prepared.loaded;
    AgentClient client(prepared.target.address, std::chrono::seconds(5), prepared.target.access);
    {
        const std::lock_guard lock(m_clientMutex);
        m_client = &client;
    }
    struct Detach
    {
        BenchSession *session;
        ~Detach()
        {
            const std::lock_guard lock(session->m_clientMutex);
            session->m_client = nullptr;
        }
    } detach{this};

    const auto resourceId = db.addResource(resourceOf(prepared.info, role));
    store::ModelRecord model;
    model.sha256 = loaded.model_id();
    model.content = m_content;
    model.name = settings.model;
    model.inputShape.assign(loaded.input_shape().begin(), loaded.input_shape().end());
    model.blocks = loaded.blocks();
    model.parameters = loaded.parameters();
    model.granularity = settings.cutting.granularity;
    const auto modelId = db.addModel(model);
    db.setCutTensors(modelId, cutTensorsOf(loaded));

    AgentBenchResult result;
    result.role = role;
    result.address = prepared.target.address;
    result.resource = resourceOf(prepared.info, role).name;
    result.blocks = loaded.blocks();

    // Resuming continues after the blocks already committed, in order from block 0.
    int first = 0;
    const auto incomplete = settings.resume ? db.incompleteRun(modelId, resourceId) : std::nullopt;
    if (incomplete) {
        result.runId = incomplete->id;
        result.resumed = true;
        for (const auto &b : db.timings(incomplete->id).blocks) {
            if (b.block != first)
                break;
            ++first;
        }
    } else {
        result.runId =
            db.beginRun(modelId, resourceId,
                        {settings.warmup, settings.reps, settings.tlSpecs, settings.codecs});
    }
    if (observer.log)
        observer.log(role, (result.resumed ? "resuming run " : "run ") +
                               std::to_string(result.runId) + " from block " +
                               std::to_string(first) + " of " + std::to_string(result.blocks));

    v1::BenchmarkRequest request;
    request.set_model_id(loaded.model_id());
    request.set_warmup(settings.warmup);
    request.set_reps(settings.reps);
    request.set_seed(settings.seed);
    request.set_first_block(first);
    for (const auto &c : settings.codecs)
        request.add_codecs(c);
    for (const auto &t : settings.tlSpecs)
        request.add_tl_specs(t);
    int current = first;
    const auto committed = [&] {
        if (observer.committed)
            observer.committed(role);
    };
    // A failed write is the store's fault, not the agent's: the message says which.
    bool storeFailed = false;
    try {
        if (m_cancelled)
            throw Error(ErrorKind::Cancelled, "cancelled");
        client.benchmark(request, [&](const v1::BenchmarkEvent &event) {
            storeFailed = true;
            if (event.has_progress()) {
                if (observer.progress)
                    observer.progress(role, event.progress().fraction());
            } else if (event.has_block()) {
                const auto &b = event.block();
                db.addBlockTiming(result.runId,
                                  {b.block(), b.time().median_s(), b.time().mean_s(),
                                   b.time().p5_s(), b.time().p95_s(), b.time().stddev_s(),
                                   b.output_bytes(), int64_t(b.weight_bytes()),
                                   int64_t(b.peak_bytes())});
                current = b.block() + 1;
                committed();
            } else if (event.has_cut()) {
                const auto &c = event.cut();
                db.addCodecCost(result.runId,
                                {c.cut(), c.codec(), c.encoded_bytes(), c.serialise().median_s(),
                                 c.deserialise().median_s()});
                committed();
            } else if (event.has_tl()) {
                const auto &t = event.tl();
                db.addTlCost(result.runId, {t.cut(), t.spec(), t.device_tl().median_s(),
                                            t.edge_tl().median_s(), t.output_bytes()});
                committed();
            } else if (event.has_whole_model()) {
                db.finishRun(result.runId, event.whole_model().time().median_s());
                committed();
            }
            storeFailed = false;
        });
    } catch (const Error &e) {
        result.blocksDone = current;
        m_interrupted = result;
        const auto kind = m_cancelled ? ErrorKind::Cancelled : e.kind();
        const auto what =
            m_cancelled ? prepared.target.address + ": cancelled" : std::string(e.what());
        const auto source = storeFailed ? "the store: " : role + " agent ";
        throw Error(kind, source + what + " (at block " + std::to_string(current) + " of " +
                              settings.model + "; run " + std::to_string(result.runId) + " keeps " +
                              std::to_string(current) + " of " + std::to_string(result.blocks) +
                              " blocks)");
    }
    result.blocksDone = result.blocks;
    const auto timings = db.timings(result.runId);
    for (const auto &b : timings.blocks)
        result.sumOfBlockMedians_s += b.median_s;
    result.wholeModel_s = timings.run.wholeModel_s.value_or(0);
    for (const auto &spec : settings.tlSpecs)
        result.tlCuts[spec] = 0;
    for (const auto &t : timings.tls)
        ++result.tlCuts[t.spec];
    for (const auto &codec : settings.codecs)
        result.codecCuts[codec] = 0;
    for (const auto &c : timings.codecs)
        ++result.codecCuts[c.codec];
    result.wall_s = std::chrono::duration<double>(Clock::now() - started).count();
    if (observer.log)
        observer.log(role, "run " + std::to_string(result.runId) +
                               " complete: " + std::to_string(result.blocks) + " blocks in " +
                               std::to_string(int(result.wall_s)) + " s");
    if (observer.finished)
        observer.finished(result);
    return result;
}

} // namespace cleave::remote
