// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/client/clusterrun.h"

#include "core/error.h"
#include "core/modelid.h"
#include "core/plan/fromstore.h"
#include "core/store/storedmodels.h"
#include "core/zoo/zoo.h"
#include "remote/client/benchsession.h"
#include "remote/cpupinning.h"
#include "remote/status.h"

#include <torch/torch.h>

#include <algorithm>
#include <future>
#include <map>
#include <sstream>
#include <thread>

namespace cleave::remote {

namespace v1 = cleave::agent::v1;

namespace {

using Clock = std::chrono::steady_clock;

const char *const kStrip = "cluster-strip";
const char *const kAlone = "cluster-alone";
const char *const kEdgeDi = "cluster-edgedi";
const char *const kRest = "cluster-rest";
/// How long the devices idle before each measured inference.
constexpr std::chrono::milliseconds kSettle{150};

double seconds(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double>(to - from).count();
}

LinkEmulator::Settings emulated(const plan::NetworkProfile &link)
{
    return {link.uplink_bps, link.downlink_bps, link.latency_s};
}

std::string millis(double s)
{
    std::ostringstream out;
    out.precision(1);
    out << std::fixed << s * 1e3 << " ms";
    return out.str();
}

/// Round r's strips are deployed under the name and "-r" (round 0: the name alone).
std::string roundName(const std::string &name, size_t round)
{
    return round == 0 ? name : name + "-" + std::to_string(round);
}

} // namespace

struct ClusterRun::Device
{
    ClusterAgent agent;
    std::unique_ptr<AgentClient> client;
    std::string name; ///< its resource name
    int64_t resourceId = 0;
    std::unique_ptr<LinkEmulator> link;
    bool lost = false;
    /// Measured over predicted compute time of its last inferences (adaptation); the largest
    /// is how much slower the device is than its fit says (`slowness`).
    std::vector<double> ratios{1.0}; ///< the benchmark's own estimate counts once
    /// Strips by deployment name: the round's first cut and the rows.
    std::map<std::string, std::pair<int, graph::RowRange>> deployed;
    double slowness = 1.0;
};

struct ClusterRun::Attempt
{
    bool completed = false;
    int lostDevice = -1;
    std::string why;
    std::vector<store::ClusterShare> shares; ///< in the plan's order
    double makespan_s = 0;
    double stitch_s = 0;
    double rest_s = 0;
    double return_s = 0;
    double total_s = 0;
    torch::Tensor output;
};

ClusterRun::ClusterRun(ClusterSettings settings, store::Store *db)
    : m_settings(std::move(settings))
    , m_db(db)
{}

ClusterRun::~ClusterRun() = default;

const plan::RoundOptions &ClusterRun::optionsFrom(int first) const
{
    for (const auto &o : m_options)
        if (o.first == first)
            return o;
    throw Error(ErrorKind::Internal, "no round starts at cut " + std::to_string(first));
}

plan::ClusterRequest ClusterRun::requestOf(const plan::ClusterPlan &round) const
{
    if (!m_chained)
        return m_request;
    return plan::roundRequest(optionsFrom(round.first).request, round.end);
}

const plan::SegmentRows &ClusterRun::segmentOf(const plan::ClusterPlan &round) const
{
    for (const auto &s : m_chained ? optionsFrom(round.first).segments : m_segments)
        if (s.end == round.end)
            return s;
    throw Error(ErrorKind::Internal, "no segment [" + std::to_string(round.first) + ", " +
                                         std::to_string(round.end) + ")");
}

bool ClusterRun::chaining() const
{
    return !m_settings.roundEnds.empty() ||
           (m_settings.rounds && !m_settings.edge && !m_settings.segmentEnd);
}

std::vector<std::pair<int, int>> ClusterRun::timedSegments() const
{
    std::vector<std::pair<int, int>> segments;
    if (!m_settings.roundEnds.empty()) {
        // The rounds, and the blocks they cover from the input (the fastest device alone).
        for (size_t r = 0; r < m_firsts.size(); ++r)
            segments.push_back({m_firsts[r], m_settings.roundEnds[r]});
        if (m_firsts.size() > 1)
            segments.push_back({0, m_settings.roundEnds.back()});
        return segments;
    }
    for (int first : m_firsts)
        for (int end : m_ends)
            if (end > first)
                segments.push_back({first, end});
    return segments;
}

void ClusterRun::openModel()
{
    if (m_graph)
        return;
    m_graph = zoo::openModel(m_settings.model, m_settings.input, m_settings.seed,
                             graph::ModelGraph::Original::Drop);
    const auto run = m_graph->rowLocalRun(0); // Error when the input is not NxCxHxW
    if (!m_settings.roundEnds.empty()) {
        if (m_settings.segmentEnd)
            throw Error(ErrorKind::InvalidInput, "give a segment or a chain of rounds, not both");
        m_firsts = {0};
        for (const int end : m_settings.roundEnds) {
            if (end <= m_firsts.back())
                throw Error(ErrorKind::InvalidInput,
                            "round [" + std::to_string(m_firsts.back()) + ", " +
                                std::to_string(end) + ") is empty: each ends after the one before");
            // Names what is not row-local.
            m_graph->stripInput(m_firsts.back(), end, {0, 1});
            m_firsts.push_back(end);
        }
        m_firsts.pop_back();
        m_ends = {m_settings.roundEnds.back()};
    } else if (m_settings.segmentEnd) {
        m_graph->stripInput(0, *m_settings.segmentEnd, {0, 1}); // names what is not row-local
        m_ends = {*m_settings.segmentEnd};
        m_firsts = {0};
    } else {
        m_ends = run.segmentEnds();
    }
    if (m_ends.empty())
        throw Error(ErrorKind::InvalidInput,
                    m_settings.model + ": no block after the input can be split into rows" +
                        (run.stop ? ": " + run.stop->describe() : std::string()));
    // Weighed by the blocks once they are timed (fitStrips); the checks need only the rows.
    m_segments = plan::SegmentRows::all(run, m_ends, m_graph->cutBytes());
    int64_t most = 0;
    for (const auto &segment : m_segments)
        most = std::max(most, segment.rows());
    if (m_settings.devicesMin > most)
        throw plan::ClusterError({plan::ClusterProblem::Kind::MoreDevicesThanRows,
                                  {},
                                  m_settings.devicesMin,
                                  0,
                                  most,
                                  m_segments.front().end});
}

void ClusterRun::setAgents(std::vector<ClusterAgent> devices, std::optional<ClusterAgent> edge,
                           const AgentAccess &access)
{
    m_settings.devices = std::move(devices);
    m_settings.edge = std::move(edge);
    m_settings.access = access;
}

void ClusterRun::prepare(const Say &say)
{
    if (m_settings.devices.empty())
        throw Error(ErrorKind::InvalidInput, "a cluster needs at least one device");
    openModel();
    if (!m_settings.roundEnds.empty() && m_settings.edge)
        throw Error(ErrorKind::InvalidInput,
                    "a chain of rounds gathers at the source device: it takes no edge");
    for (const auto &step : std::initializer_list<std::function<void()>>{
             [&] { connect(say); }, [&] { loadEverywhere(say); }, [&] { timeStrips(say); },
             [&] { timeRest(say); }})
        try {
            stopIfCancelled();
            step();
        } catch (const Error &) {
            stopIfCancelled(); // a call cancelled says so as a cancellation
            throw;
        }
    fitStrips();
    planFirst(say);
}

void ClusterRun::stopIfCancelled() const
{
    if (m_cancelled)
        throw Error(ErrorKind::Cancelled, "the cluster run was cancelled");
}

void ClusterRun::cancel()
{
    m_cancelled = true;
    const std::lock_guard lock(m_callsMutex);
    for (const auto &d : m_devices)
        d->client->cancel();
    if (m_edge)
        m_edge->cancel();
    if (m_bench)
        m_bench->cancel();
}

const AgentAccess &ClusterRun::accessOf(const ClusterAgent &agent) const
{
    return agent.access ? *agent.access : m_settings.access;
}

void ClusterRun::connect(const Say &say)
{
    std::vector<std::string> addresses;
    for (const auto &agent : m_settings.devices) {
        if (std::find(addresses.begin(), addresses.end(), agent.address) != addresses.end())
            throw Error(ErrorKind::InvalidInput, agent.address + " is listed twice as a device");
        addresses.push_back(agent.address);
        auto d = std::make_unique<Device>();
        d->agent = agent;
        d->client =
            std::make_unique<AgentClient>(agent.address, std::chrono::seconds(10), accessOf(agent));
        d->link = std::make_unique<LinkEmulator>(emulated(agent.link));
        const std::lock_guard lock(m_callsMutex);
        m_devices.push_back(std::move(d));
    }
    for (const auto &excluded : m_settings.excluded)
        if (std::find(addresses.begin(), addresses.end(), excluded) == addresses.end())
            throw Error(ErrorKind::InvalidInput,
                        excluded + " is excluded but is not one of the devices");
    // Every agent answers before anything is loaded: one that does not is named at once.
    for (auto &d : m_devices) {
        const auto info = d->client->info();
        auto resource = resourceOf(info, "device");
        d->name = resource.name;
        if (std::find(m_names.begin(), m_names.end(), d->name) != m_names.end())
            throw Error(ErrorKind::InvalidInput,
                        d->agent.address + " is " + d->name + ", a device already listed");
        m_names.push_back(d->name);
        if (m_db)
            d->resourceId = m_db->addResource(resource);
        say(d->name + " at " + d->agent.address + " (" + d->agent.link.describe() + ")");
    }
    m_aggregatorName = m_names.front();
    if (m_settings.edge) {
        auto edge = std::make_unique<AgentClient>(
            m_settings.edge->address, std::chrono::seconds(10), accessOf(*m_settings.edge));
        const std::lock_guard lock(m_callsMutex);
        m_edge = std::move(edge);
        auto resource = resourceOf(m_edge->info(), "edge");
        m_aggregatorName = resource.name;
        if (m_db)
            m_db->addResource(resource);
        say("aggregator " + m_aggregatorName + " at " + m_settings.edge->address);
    }
    m_sourceUplink = std::make_unique<LinkEmulator>(
        LinkEmulator::Settings{m_devices.front()->agent.link.uplink_bps, 0, 0});
}

void ClusterRun::loadEverywhere(const Say &say)
{
    say("loading " + m_settings.model + " on " + std::to_string(m_devices.size()) + " devices" +
        (m_edge ? " and the aggregator" : ""));
    std::vector<std::future<v1::LoadModelReply>> loads;
    for (auto &d : m_devices)
        loads.push_back(std::async(std::launch::async, [&] {
            return d->client->loadModel(m_settings.model, m_settings.seed, m_settings.input);
        }));
    if (m_edge)
        m_modelId =
            m_edge->loadModel(m_settings.model, m_settings.seed, m_settings.input).model_id();
    for (auto &load : loads)
        m_modelId = load.get().model_id();
    if (!m_db)
        return;
    m_storeRecord =
        store::recordOf(*m_db, m_settings.model, m_settings.seed, m_settings.input, *m_graph);
    m_storeModel = m_storeRecord.id;
}

void ClusterRun::timeStrips(const Say &say)
{
    if (m_settings.roundEnds.empty())
        m_firsts = chaining() ? plan::roundFirsts(m_graph->rowLocalRun(0)) : std::vector<int>{0};
    const auto segments = timedSegments();
    // What the store holds already, per device; the rest is timed, every device at once.
    std::vector<std::vector<store::StripTiming>> timings(m_devices.size());
    std::vector<std::vector<std::pair<int, int>>> missing(m_devices.size());
    for (size_t i = 0; i < m_devices.size(); ++i) {
        if (m_db)
            timings[i] = m_db->stripTimings(m_storeModel, m_devices[i]->resourceId);
        for (const auto &[first, end] : segments) {
            const auto heights = graph::stripHeights(m_graph->cuts()[size_t(end)].shape()[2]);
            const auto have =
                std::count_if(timings[i].begin(), timings[i].end(),
                              [&](const auto &t) { return t.first == first && t.end == end; });
            if (size_t(have) < heights.size())
                missing[i].push_back({first, end});
        }
    }
    std::vector<std::future<void>> work;
    for (size_t i = 0; i < m_devices.size(); ++i) {
        if (missing[i].empty()) {
            say(m_devices[i]->name + ": strip timings from the store");
            continue;
        }
        say(m_devices[i]->name + ": timing strips of " + std::to_string(missing[i].size()) +
            " segments");
        work.push_back(std::async(std::launch::async, [&, i] {
            v1::BenchmarkRequest request;
            request.set_model_id(m_modelId);
            request.set_reps(m_settings.benchReps);
            request.set_warmup(2);
            request.set_strips_only(true);
            for (const auto &[first, end] : missing[i]) {
                request.add_strip_firsts(first);
                request.add_strip_ends(end);
            }
            std::vector<store::StripTiming> measured;
            m_devices[i]->client->benchmark(request, [&](const v1::BenchmarkEvent &event) {
                if (!event.has_strip())
                    return;
                const auto &s = event.strip();
                measured.push_back({s.end(), s.rows(), s.time().median_s(), s.time().p5_s(),
                                    s.time().p95_s(), s.first()});
            });
            timings[i].insert(timings[i].end(), measured.begin(), measured.end());
            if (m_db)
                for (const auto &t : measured)
                    m_db->addStripTiming(m_storeModel, m_devices[i]->resourceId, t);
        }));
    }
    for (auto &w : work)
        w.get();
    m_stripTimings = std::move(timings);
    for (size_t i = 0; i < m_devices.size(); ++i) {
        plan::ClusterDevice device;
        device.name = m_devices[i]->name;
        device.link = m_devices[i]->agent.link;
        m_request.devices.push_back(std::move(device));
    }
}

void ClusterRun::fitStrips()
{
    // The blocks weigh the rows by the time they took on the source, or on the edge.
    const auto &source = m_request.devices.front().block_s;
    const bool whole = source.size() == size_t(m_graph->blockCount());
    m_segments = plan::SegmentRows::all(m_graph->rowLocalRun(0), m_ends, m_graph->cutBytes(),
                                        whole ? source : m_request.edgeBlock_s);
    for (size_t i = 0; i < m_devices.size(); ++i) {
        m_request.devices[i].strips =
            plan::fitStrips(m_segments, plan::stripTimes(m_stripTimings[i]));
    }
}

void ClusterRun::timeRest(const Say &say)
{
    if (m_db) {
        timeWhole(say);
        return;
    }
    // Every block: those after the segment are the rest, those in it weigh its rows.
    std::vector<double> blocks(size_t(m_graph->blockCount()), 0.0);
    AgentClient &aggregator = m_edge ? *m_edge : *m_devices.front()->client;
    say(m_aggregatorName + ": timing every block");
    v1::BenchmarkRequest request;
    request.set_model_id(m_modelId);
    request.set_reps(m_settings.benchReps);
    aggregator.benchmark(request, [&](const v1::BenchmarkEvent &event) {
        if (event.has_block())
            blocks.at(size_t(event.block().block())) = event.block().time().median_s();
    });
    if (m_edge)
        m_request.edgeBlock_s = blocks;
    else
        m_request.devices.front().block_s = blocks;
}

void ClusterRun::timeWhole(const Say &say)
{
    std::vector<BenchTarget> targets{
        {"device", m_settings.devices.front().address, accessOf(m_settings.devices.front())}};
    std::vector<std::string> names{m_names.front()};
    if (m_edge) {
        targets.push_back({"edge", m_settings.edge->address, accessOf(*m_settings.edge)});
        names.push_back(m_aggregatorName);
    }
    const auto costsOf = [&](const std::string &name) -> std::optional<plan::ResourceCosts> {
        const auto resource = m_db->resource(name);
        auto costs = resource ? plan::resourceCosts(*m_db, m_storeRecord, *resource) : std::nullopt;
        if (costs && costs->block_s.size() == size_t(m_graph->blockCount()))
            return costs;
        return std::nullopt;
    };
    std::vector<BenchTarget> missing;
    for (size_t i = 0; i < targets.size(); ++i) {
        if (costsOf(names[i])) {
            say(names[i] + ": block timings from the store");
            continue;
        }
        say(names[i] + ": timing every block of " + m_settings.model);
        missing.push_back(targets[i]);
    }
    if (!missing.empty()) {
        BenchSettings settings;
        settings.model = m_settings.model;
        settings.input = m_settings.input;
        settings.seed = m_settings.seed;
        settings.warmup = 2;
        settings.reps = m_settings.benchReps;
        BenchSession session(settings, missing);
        {
            const std::lock_guard lock(m_callsMutex);
            m_bench = &session;
        }
        const auto done = [this](BenchSession *) {
            const std::lock_guard lock(m_callsMutex);
            m_bench = nullptr;
        };
        const std::unique_ptr<BenchSession, decltype(done)> clear(&session, done);
        stopIfCancelled();
        session.run(*m_db);
    }
    const auto blocksOf = [&](const std::string &name) {
        const auto costs = costsOf(name);
        if (!costs)
            throw Error(ErrorKind::NotFound, name + ": no complete block timings of " +
                                                 m_settings.model + " in the store after timing");
        return costs->block_s;
    };
    m_request.devices.front().block_s = blocksOf(names.front());
    if (m_edge)
        m_request.edgeBlock_s = blocksOf(m_aggregatorName);
}

void ClusterRun::planFirst(const Say &say)
{
    m_request.source = 0;
    if (!m_edge)
        m_request.aggregator = 0;
    m_request.outputBytes = m_graph->cuts().back().bytes;
    m_request.segmentEnd = m_settings.segmentEnd;
    m_request.devicesMin = m_settings.devicesMin;
    m_request.devicesMax = m_settings.devicesMax;
    m_request.maxLinkBytes = m_settings.maxLinkBytes;
    for (const auto &address : m_settings.excluded)
        for (const auto &d : m_devices)
            if (d->agent.address == address)
                m_request.excluded.push_back(d->name);
    m_comparison = plan::compareCluster(m_segments, m_request);
    m_current = chainOf({m_comparison.cleave}, 1.0);
    m_edgeDi = chainOf({m_comparison.edgeDi}, 1.0);
    planRounds();
    m_first = m_current;
    const int end = m_current.rounds.back().end;
    m_request.segmentEnd = end; // adaptation keeps the cuts
    std::string rounds;
    for (const auto &round : m_current.rounds)
        rounds += (rounds.empty() ? "" : " + ") + std::string("[") + std::to_string(round.first) +
                  ", " + std::to_string(round.end) + ") rows " +
                  plan::rowsText(round.rowsByDevice(m_devices.size()));
    say("plan: " + rounds + ", predicted " + millis(m_current.total_s) + " (EdgeDI's heuristic " +
        millis(m_edgeDi.total_s) + ", bound " + std::to_string(m_comparison.bound).substr(0, 4) +
        "x)");

    AgentClient &aggregator = m_edge ? *m_edge : *m_devices.front()->client;
    if (end < m_graph->blockCount())
        aggregator.deploy(
            kRest, AgentClient::ModelPart{m_modelId, end, m_graph->blockCount(), std::nullopt});
    deploy(m_current);
    deployAlone();
    if (m_settings.measureEdgeDi)
        deploy(m_edgeDi, kEdgeDi);
    recordFirst();
}

void ClusterRun::planRounds()
{
    if (!chaining() || m_firsts.size() < 2)
        return;
    // Every round gathers at the source: its fits of every segment from each first cut.
    std::vector<graph::RowLocalRun> runs;
    for (int first : m_firsts)
        runs.push_back(m_graph->rowLocalRun(first));
    std::vector<std::vector<plan::StripTime>> times;
    for (const auto &t : m_stripTimings)
        times.push_back(plan::stripTimes(t));
    const auto &ends = m_settings.roundEnds.empty() ? m_ends : m_settings.roundEnds;
    m_options = plan::roundOptions(runs, ends, m_graph->cutBytes(),
                                   m_request.devices.front().block_s, m_request, times);
    auto chain = m_settings.roundEnds.empty() ? plan::fasterOf(m_current.rounds.front(), m_options)
                                              : fixedChain();
    if (chain.rounds.size() < 2) {
        m_options.clear();
        return;
    }
    m_chained = true;
    m_chainRest_s = chain.rest_s;
    m_current = chain;
    // The comparisons over the blocks the chain covers: one segment of them, EdgeDI's rows on
    // each round.
    auto whole = m_request;
    whole.segmentEnd = chain.rounds.back().end;
    m_comparison = plan::compareCluster(m_segments, whole);
    std::vector<plan::ClusterPlan> edgeDi;
    for (const auto &round : chain.rounds)
        edgeDi.push_back(plan::edgeDiPlan(segmentOf(round), requestOf(round)));
    m_edgeDi = chainOf(std::move(edgeDi), 1.0);
}

plan::ChainPlan ClusterRun::fixedChain() const
{
    plan::ChainPlan chain;
    for (size_t r = 0; r < m_firsts.size(); ++r) {
        const auto &o = optionsFrom(m_firsts[r]);
        chain.rounds.push_back(
            plan::planCluster(o.segments, plan::roundRequest(o.request, m_settings.roundEnds[r])));
        chain.total_s += chain.rounds.back().makespan_s;
    }
    const auto &blocks = m_request.devices.front().block_s;
    for (size_t b = size_t(m_settings.roundEnds.back()); b < blocks.size(); ++b)
        chain.rest_s += blocks[b];
    chain.total_s += chain.rest_s;
    return chain;
}

void ClusterRun::recordFirst()
{
    if (!m_db)
        return;
    store::ClusterRecord record;
    record.modelId = m_storeModel;
    record.devices = m_names;
    record.aggregator = m_aggregatorName;
    record.segmentEnd = m_current.rounds.back().end;
    if (m_chained)
        for (const auto &round : m_current.rounds)
            record.roundEnds.push_back(round.end);
    record.link = m_devices.front()->agent.link.describe();
    record.predicted_s = m_current.total_s;
    record.edgeDi_s = m_edgeDi.total_s;
    record.bound = m_comparison.bound;
    m_clusterId = m_db->beginCluster(record);
}

plan::ChainPlan ClusterRun::chainOf(std::vector<plan::ClusterPlan> rounds,
                                    double restSlowness) const
{
    plan::ChainPlan chain;
    chain.rounds = std::move(rounds);
    if (!m_chained)
        return plan::ChainPlan::single(chain.rounds.front());
    chain.rest_s = m_chainRest_s * restSlowness;
    chain.total_s = chain.rest_s;
    for (const auto &round : chain.rounds)
        chain.total_s += round.makespan_s;
    return chain;
}

void ClusterRun::deploy(const plan::ChainPlan &chain, const std::string &base)
{
    for (size_t r = 0; r < chain.rounds.size(); ++r) {
        const auto &round = chain.rounds[r];
        const auto name = roundName(base, r);
        for (const auto &share : round.shares) {
            // A strip is its rows' own: the same count elsewhere is another module.
            auto &deployed = m_devices[size_t(share.device)]->deployed;
            const graph::RowRange rows{share.rows.begin, share.rows.end};
            if (const auto found = deployed.find(name);
                found != deployed.end() && found->second == std::pair{round.first, rows})
                continue;
            deployed[name] = {round.first, rows};
            auto &client = *m_devices[size_t(share.device)]->client;
            const auto reply = client.deploy(
                name, AgentClient::ModelPart{m_modelId, round.first, round.end, share.rows});
            // The executor optimises a graph on its second run: those runs are not the plan's.
            const auto zeros =
                torch::zeros(graph::Shape(reply.input_shape().begin(), reply.input_shape().end()));
            for (int i = 0; i < 2; ++i)
                client.infer(name, zeros, m_settings.deadline);
        }
    }
}

void ClusterRun::deployAlone()
{
    const int end = m_current.rounds.back().end;
    const auto &seg = *std::find_if(m_segments.begin(), m_segments.end(),
                                    [&](const auto &s) { return s.end == end; });
    auto &client = *m_devices[size_t(m_comparison.fastest)]->client;
    const auto reply =
        client.deploy(kAlone, AgentClient::ModelPart{m_modelId, 0, seg.end, {{0, seg.rows()}}});
    const auto zeros =
        torch::zeros(graph::Shape(reply.input_shape().begin(), reply.input_shape().end()));
    for (int i = 0; i < 2; ++i)
        client.infer(kAlone, zeros, m_settings.deadline);
}

struct ClusterRun::StripPart
{
    double received_s = 0;
    double compute_s = 0;
    double finish_s = 0;
    torch::Tensor output;
    std::optional<Error> error;
};

std::vector<ClusterRun::StripPart> ClusterRun::runStrips(const plan::ClusterPlan &plan,
                                                         const torch::Tensor &x,
                                                         const std::string &strip,
                                                         Clock::time_point start)
{
    std::vector<StripPart> parts(plan.shares.size());
    std::vector<std::thread> workers;
    // The source sends the strips one after another over its uplink; each device computes as
    // soon as its rows arrive and sends its output rows to the aggregator over its own link.
    for (size_t k = 0; k < plan.shares.size(); ++k) {
        const auto &share = plan.shares[k];
        auto arrival = start;
        if (share.device != m_request.source) {
            m_sourceUplink->sendUp(share.inputBytes);
            arrival = Clock::now() +
                      std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
                          m_devices[size_t(share.device)]->agent.link.latency_s));
        }
        workers.emplace_back([&, k, arrival] {
            const auto &s = plan.shares[k];
            auto &device = *m_devices[size_t(s.device)];
            StripPart &part = parts[k];
            std::this_thread::sleep_until(arrival);
            part.received_s = seconds(start, Clock::now());
            try {
                AgentClient::InferTimes times;
                part.output = device.client->infer(strip, x.slice(2, s.input.begin, s.input.end),
                                                   m_settings.deadline, &times);
                part.compute_s = times.compute_s;
                if (!(m_request.aggregator && s.device == *m_request.aggregator))
                    device.link->sendUp(s.outputBytes);
                part.finish_s = seconds(start, Clock::now());
            } catch (const Error &e) {
                part.error = e;
            }
        });
    }
    for (auto &w : workers)
        w.join();
    return parts;
}

void ClusterRun::aggregate(Attempt &attempt, const std::vector<torch::Tensor> &outputs, int end)
{
    const auto stitchStart = Clock::now();
    const auto stitched = torch::cat(outputs, 2);
    const double cat_s = seconds(stitchStart, Clock::now());
    if (end == m_graph->blockCount()) {
        // The strips reach the model's output: the stitched strips are its output.
        attempt.output = stitched;
        attempt.stitch_s += cat_s;
    } else {
        AgentClient &aggregator = m_edge ? *m_edge : *m_devices.front()->client;
        AgentClient::InferTimes rest;
        attempt.output = aggregator.infer(kRest, stitched, m_settings.deadline, &rest);
        attempt.rest_s = rest.compute_s;
        // Handing the strips over to the aggregator's runtime (loopback): not in the plan's
        // model.
        attempt.stitch_s += cat_s + std::max(rest.call_s - rest.compute_s, 0.0);
    }
    if (m_edge) {
        const auto mark = Clock::now();
        m_devices[size_t(m_request.source)]->link->sendDown(attempt.output.numel() * 4);
        attempt.return_s = seconds(mark, Clock::now());
    }
}

ClusterRun::Attempt ClusterRun::execute(const plan::ChainPlan &chain, const torch::Tensor &x,
                                        const std::string &strip)
{
    const auto start = Clock::now();
    Attempt attempt;
    torch::Tensor input = x;
    for (size_t r = 0; r < chain.rounds.size(); ++r) {
        const auto &round = chain.rounds[r];
        const auto parts = runStrips(round, input, roundName(strip, r), start);
        std::vector<torch::Tensor> outputs;
        for (size_t k = 0; k < parts.size(); ++k) {
            const auto &s = round.shares[k];
            if (parts[k].error && attempt.lostDevice < 0) {
                // A device that does not answer is lost; one that answers with an error is a
                // fault of the run, not of the device.
                const auto kind = parts[k].error->kind();
                if (kind != ErrorKind::Unavailable && kind != ErrorKind::Cancelled)
                    throw *parts[k].error;
                attempt.lostDevice = s.device;
                attempt.why = parts[k].error->what();
            }
            attempt.shares.push_back({m_devices[size_t(s.device)]->name, s.rows.begin, s.rows.end,
                                      parts[k].received_s, parts[k].compute_s, parts[k].finish_s,
                                      int(r)});
            attempt.makespan_s = std::max(attempt.makespan_s, parts[k].finish_s);
            outputs.push_back(parts[k].output);
        }
        if (attempt.lostDevice >= 0)
            break;
        if (r + 1 == chain.rounds.size()) {
            aggregate(attempt, outputs, round.end);
            attempt.completed = true;
        } else {
            // The source stitches the round's strips: the next round's input.
            const auto mark = Clock::now();
            input = torch::cat(outputs, 2);
            attempt.stitch_s += seconds(mark, Clock::now());
        }
    }
    attempt.total_s = seconds(start, Clock::now());
    return attempt;
}

store::ClusterInference ClusterRun::record(const Attempt &attempt, const plan::ChainPlan &chain,
                                           const torch::Tensor &reference, int run,
                                           int number) const
{
    store::ClusterInference i;
    i.run = run;
    i.attempt = number;
    i.completed = attempt.completed;
    i.makespan_s = attempt.makespan_s;
    i.stitch_s = attempt.stitch_s;
    i.rest_s = attempt.rest_s;
    i.return_s = attempt.return_s;
    i.total_s = attempt.total_s;
    i.predicted_s = chain.total_s;
    i.shares = attempt.shares;
    if (attempt.completed)
        i.maxDifference = (attempt.output - reference).abs().max().item<double>() /
                          std::max(reference.abs().max().item<double>(), 1e-30);
    return i;
}

plan::ClusterRequest ClusterRun::estimated(plan::ClusterRequest request) const
{
    for (size_t i = 0; i < m_devices.size(); ++i) {
        const double slowness = m_devices[i]->slowness;
        for (auto &[end, fit] : request.devices[i].strips) {
            fit.alpha_s *= slowness;
            fit.beta_s *= slowness;
        }
        // The rest, where a device aggregates, slows with it.
        for (auto &block : request.devices[i].block_s)
            block *= slowness;
    }
    return request;
}

plan::ChainPlan ClusterRun::replanned() const
{
    std::vector<plan::ClusterPlan> rounds;
    for (const auto &round : m_current.rounds)
        rounds.push_back(plan::planCluster({segmentOf(round)}, estimated(requestOf(round))));
    return chainOf(std::move(rounds), m_devices[size_t(m_request.source)]->slowness);
}

plan::ChainPlan ClusterRun::evaluatedNow() const
{
    std::vector<plan::ClusterPlan> rounds;
    for (const auto &round : m_current.rounds)
        rounds.push_back(plan::evaluateByDevice(segmentOf(round), estimated(requestOf(round)),
                                                round.rowsByDevice(m_devices.size())));
    return chainOf(std::move(rounds), m_devices[size_t(m_request.source)]->slowness);
}

void ClusterRun::event(const store::ClusterEvent &e,
                       const std::function<void(const store::ClusterEvent &)> &onEvent)
{
    if (m_db && m_clusterId)
        m_db->addClusterEvent(m_clusterId, e);
    if (onEvent)
        onEvent(e);
}

std::string ClusterRun::rowsText(const plan::ChainPlan &chain) const
{
    std::string text;
    for (const auto &round : chain.rounds)
        text += (text.empty() ? "" : " + ") + plan::rowsText(round.rowsByDevice(m_devices.size()));
    return text;
}

void ClusterRun::adapt(const Attempt &attempt, int run,
                       const std::function<void(const store::ClusterEvent &)> &onEvent)
{
    // Each device's compute time over its fits' prediction, summed over the rounds.
    std::vector<double> measured(m_devices.size(), 0.0), predicted(m_devices.size(), 0.0);
    size_t k = 0;
    for (const auto &round : m_current.rounds) {
        const auto request = requestOf(round);
        for (const auto &share : round.shares) {
            predicted[size_t(share.device)] +=
                request.devices[size_t(share.device)].strips.at(round.end).at(
                    segmentOf(round).work(share.rows));
            measured[size_t(share.device)] += attempt.shares[k++].compute_s;
        }
    }
    for (size_t i = 0; i < m_devices.size(); ++i) {
        if (predicted[i] <= 0 || measured[i] <= 0)
            continue;
        // As slow as the slowest of its last five: a device that got slow is believed at once
        // (the re-plan must still win twice in a row), one that seems fast again only after
        // five inferences (a device throttled by a CPU quota runs a small strip at full speed
        // within one period, the more so after the idle spell before each inference, and got
        // its rows back and lost them again every three or four with three).
        auto &device = *m_devices[i];
        device.ratios.push_back(measured[i] / predicted[i]);
        if (device.ratios.size() > 5)
            device.ratios.erase(device.ratios.begin());
        device.slowness = *std::max_element(device.ratios.begin(), device.ratios.end());
    }
    if (!m_settings.adapt)
        return;
    plan::ChainPlan candidate;
    try {
        candidate = replanned();
    } catch (const plan::ClusterError &) {
        return; // nothing meets the request at the speeds estimated: keep the shares
    }
    const auto now = evaluatedNow();
    // Twice in a row: a plan that only one inference favours is not worth moving rows for.
    if (now.makespan_s() <= candidate.makespan_s() * (1 + m_settings.adaptThreshold)) {
        m_favoured = 0;
        return;
    }
    if (++m_favoured < 2)
        return;
    m_favoured = 0;
    deploy(candidate);
    event({run,
           "adapted",
           {},
           "rows " + rowsText(m_current) + " -> " + rowsText(candidate) + ": predicted makespan " +
               millis(now.makespan_s()) + " -> " + millis(candidate.makespan_s())},
          onEvent);
    m_current = candidate;
}

void ClusterRun::lose(int device, const std::string &why, int run,
                      const std::function<void(const store::ClusterEvent &)> &onEvent)
{
    auto &d = *m_devices[size_t(device)];
    d.lost = true;
    event({run, "lost", d.name, why}, onEvent);
    if (device == m_request.source)
        throw Error(ErrorKind::Unavailable,
                    d.name + " holds the input and is lost (" + why + "): the run cannot go on");
    // A device that is gone cannot be demanded.
    const int left = int(std::count_if(m_devices.begin(), m_devices.end(),
                                       [](const auto &other) { return !other->lost; }));
    const auto without = [&](plan::ClusterRequest &request) {
        request.excluded.push_back(d.name);
        request.devicesMin = std::min(request.devicesMin, left);
        if (request.devicesMax > left)
            request.devicesMax = 0;
    };
    without(m_request);
    for (auto &o : m_options)
        without(o.request);
    const auto before = rowsText(m_current);
    m_current = replanned();
    deploy(m_current);
    event({run,
           "adapted",
           {},
           "rows " + before + " -> " + rowsText(m_current) + " without " + d.name},
          onEvent);
}

std::optional<store::ClusterInference> ClusterRun::runAlone(const torch::Tensor &x,
                                                            const torch::Tensor &reference, int run)
{
    const int fastest = m_comparison.fastest;
    if (m_devices[size_t(fastest)]->lost)
        return std::nullopt;
    // The blocks every round covers, as one strip on the fastest device.
    const int end = m_current.rounds.back().end;
    const auto &seg = *std::find_if(m_segments.begin(), m_segments.end(),
                                    [&](const auto &s) { return s.end == end; });
    std::vector<int64_t> rows(m_devices.size(), 0);
    rows[size_t(fastest)] = seg.rows();
    const auto single = plan::ChainPlan::single(plan::evaluateByDevice(seg, m_request, rows));
    const auto attempt = execute(single, x, kAlone);
    if (!attempt.completed)
        return std::nullopt;
    return record(attempt, single, reference, run, 0);
}

std::optional<store::ClusterInference>
ClusterRun::runEdgeDi(const torch::Tensor &x, const torch::Tensor &reference, int run)
{
    if (!m_settings.measureEdgeDi ||
        std::any_of(m_devices.begin(), m_devices.end(), [](const auto &d) { return d->lost; }))
        return std::nullopt;
    const auto attempt = execute(m_edgeDi, x, kEdgeDi);
    if (!attempt.completed)
        return std::nullopt;
    return record(attempt, m_edgeDi, reference, run, 0);
}

store::ClusterInference
ClusterRun::runShares(const torch::Tensor &x, const torch::Tensor &reference, int run,
                      const std::function<void(const ClusterStep &)> &onStep,
                      const std::function<void(const store::ClusterEvent &)> &onEvent)
{
    for (int number = 0;; ++number) {
        const auto attempt = execute(m_current, x, kStrip);
        stopIfCancelled(); // a call cancelled is no lost device: the attempt is not kept
        auto inference = record(attempt, m_current, reference, run, number);
        if (m_db && m_clusterId)
            m_db->addClusterInference(m_clusterId, inference);
        if (attempt.completed) {
            adapt(attempt, run + 1, onEvent);
            return inference;
        }
        if (onStep)
            onStep({inference, std::nullopt, std::nullopt});
        lose(attempt.lostDevice, attempt.why, run, onEvent);
    }
}

void ClusterRun::run(const std::function<void(const ClusterStep &)> &onStep,
                     const std::function<void(const store::ClusterEvent &)> &onEvent,
                     const std::atomic<bool> *cancelled)
{
    // The reference runs here between inferences on one thread: a pool's threads would spin on
    // after it, on the cores the agents compute on.
    setComputeThreads(1);
    for (int i = 0; i < m_settings.warmup; ++i) {
        stopIfCancelled();
        execute(m_current, m_graph->sampleInput(m_settings.seed + 1000000 + uint64_t(i)), kStrip);
    }
    for (int run = 0; run < m_settings.runs; ++run) {
        if (cancelled && *cancelled)
            throw Error(ErrorKind::Cancelled, "the cluster run was cancelled");
        stopIfCancelled();
        const auto x = m_graph->sampleInput(m_settings.seed + uint64_t(run));
        torch::Tensor reference;
        {
            c10::InferenceMode guard;
            reference = m_graph->forward(x);
        }
        // The plan, the fastest device alone and EdgeDI's partition on the same input, each
        // first in turn, so that a slow spell falls on all of them alike, and each after the
        // devices were idle a while: one run right after another was 10-30 % slower (ResNet-50's
        // first blocks at half a core), which favoured whichever ran first.
        ClusterStep step;
        std::vector<std::function<void()>> ways{
            [&] { step.inference = runShares(x, reference, run, onStep, onEvent); },
            [&] { step.alone = runAlone(x, reference, run); }};
        if (m_settings.measureEdgeDi)
            ways.push_back([&] { step.edgeDi = runEdgeDi(x, reference, run); });
        for (size_t k = 0; k < ways.size(); ++k) {
            std::this_thread::sleep_for(kSettle);
            try {
                ways[(size_t(run) + k) % ways.size()]();
            } catch (const Error &) {
                stopIfCancelled(); // the call cancel() ended says so as a cancellation
                throw;
            }
            stopIfCancelled();
        }
        if (m_db && m_clusterId) {
            if (step.alone)
                m_db->addClusterBaseline(
                    m_clusterId, {run, "alone", step.alone->makespan_s, step.alone->total_s});
            if (step.edgeDi)
                m_db->addClusterBaseline(
                    m_clusterId, {run, "edgedi", step.edgeDi->makespan_s, step.edgeDi->total_s});
        }
        if (onStep)
            onStep(step);
    }
}

} // namespace cleave::remote
