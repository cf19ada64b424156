// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/client/offloadsession.h"

#include "remote/client/agentclient.h"
#include "remote/client/localagents.h"

#include "core/bench/statistics.h"
#include "core/error.h"
#include "core/modelid.h"
#include "core/plan/fromstore.h"
#include "core/store/store.h"
#include "core/zoo/zoo.h"

#include <filesystem>

namespace cleave::remote {

namespace v1 = cleave::agent::v1;

namespace {

store::OffloadInference toRecord(const v1::InferenceTiming &t)
{
    return {t.run(),      t.device_compute_s(), t.device_tl_s(),  t.encode_s(),
            t.uplink_s(), t.edge_decode_s(),    t.edge_tl_s(),    t.edge_compute_s(),
            t.return_s(), t.total_s(),          t.upload_bytes(), t.result_bytes()};
}

// The whole model's forward time on `agent` now: loaded as bench loads it, timed as bench
// times it (bench's default warm-up, then a quarter of its 20 repetitions).
double timeWholeModel(AgentClient &agent, const OffloadRequest &r)
{
    const auto loaded = agent.loadModel(r.model, r.settings.seed, r.input);
    v1::BenchmarkRequest request;
    request.set_model_id(loaded.model_id());
    request.set_first_block(loaded.blocks()); // no blocks: the whole model only
    request.set_warmup(3);
    request.set_reps(5);
    request.set_seed(r.settings.seed);
    double median = 0;
    agent.benchmark(request, [&](const v1::BenchmarkEvent &event) {
        if (event.has_whole_model())
            median = event.whole_model().time().median_s();
    });
    return median;
}

// The agents' drift, timed before the sweep: one entry per agent whose stored run has a
// whole-model time; after_s is filled in after the sweep.
std::vector<AgentDrift>
driftBefore(store::Store &db, int64_t modelId,
            const std::vector<std::pair<AgentClient *, store::Resource>> &agents,
            const OffloadRequest &r)
{
    std::vector<AgentDrift> drift;
    for (const auto &[agent, resource] : agents) {
        const auto stored = db.latestTimings(modelId, resource.id);
        if (!stored || !stored->run.wholeModel_s || !(*stored->run.wholeModel_s > 0))
            continue;
        AgentDrift d;
        d.role = resource.role;
        d.resource = resource.name;
        d.benchmarkedAt = stored->run.startedAt;
        d.stored_s = *stored->run.wholeModel_s;
        d.before_s = timeWholeModel(*agent, r);
        drift.push_back(d);
    }
    return drift;
}

// The predictions again, with each agent's stored block times scaled by its drift.
void recalibrate(const plan::Planner &planner, plan::PlanRequest request,
                 const std::vector<int> &splits, OffloadOutcome &outcome)
{
    for (const auto &d : outcome.drift)
        request.constraints.slowdown[d.resource] = d.factor();
    const auto series = planner.series(request);
    for (size_t i = 0; i < splits.size(); ++i) {
        auto &split = outcome.splits[i];
        if (!split.predicted)
            continue;
        const auto &point = series.points.at(size_t(splits[i]));
        split.recalibrated = split.measured.tl.empty() ? point.scission : point.scissionTl;
    }
}

std::string driftNote(const AgentDrift &d)
{
    char percent[32];
    std::snprintf(percent, sizeof percent, "%.0f %%", std::abs(d.percent()));
    return d.role + " is " + percent + (d.factor() > 1 ? " slower" : " faster") +
           " than when benchmarked on " + d.benchmarkedAt.substr(0, 10) + ": consider bench again";
}

} // namespace

double OffloadedSplit::medianTotal_s() const
{
    std::vector<double> totals;
    for (const auto &t : measured.runs)
        totals.push_back(t.total_s());
    return bench::summarise(std::move(totals)).median_s;
}

double OffloadedSplit::errorPercent() const
{
    const double p = plan::sum(*predicted);
    return (medianTotal_s() - p) / p * 100.0;
}

double OffloadedSplit::recalibratedErrorPercent() const
{
    const double p = plan::sum(*recalibrated);
    return (medianTotal_s() - p) / p * 100.0;
}

OffloadSession::OffloadSession(OffloadRequest request)
    : m_request(std::move(request))
{}

OffloadOutcome OffloadSession::run(const Observer &observer)
{
    const auto &r = m_request;
    const auto &settings = r.settings;
    if (r.settings.runs < 1 || r.settings.warmup < 0 || r.rounds < 1)
        throw Error(ErrorKind::InvalidInput,
                    "offload: runs and rounds must be 1 or more, warm-up 0 or more");
    if (!(r.settings.deadline_s > 0))
        throw Error(ErrorKind::InvalidInput, "offload: the deadline must be positive");
    if (!zoo::zooName(r.model) && !std::filesystem::exists(r.model))
        throw Error(ErrorKind::NotFound, r.model + ": no such file");

    const auto graph = zoo::openModel(r.model, r.input, settings.seed,
                                      graph::ModelGraph::Original::Keep, r.cutting);
    OffloadOutcome outcome;
    const int k = outcome.blocks = graph.blockCount();
    std::vector<int> splits = r.splits;
    if (splits.empty())
        for (int s = 0; s <= k; ++s)
            splits.push_back(s);
    for (int s : splits)
        if (s < 0 || s > k)
            throw Error(ErrorKind::InvalidInput, r.splitOption + " " + std::to_string(s) +
                                                     ": expected all or a split in 0.." +
                                                     std::to_string(k) + " for " + r.model);

    // The planner's view, when the store has timings of this model.
    std::unique_ptr<store::Store> db;
    std::optional<plan::SplitSeries> series;
    std::optional<plan::Planner> planner;
    plan::PlanRequest request;
    if (!r.db.empty()) {
        db = std::make_unique<store::Store>(r.db);
        try {
            planner = plan::plannerFromStore(*db, r.model, r.cutting.granularity);
            request.link = r.unshaped ? plan::NetworkProfile::custom(1e6, 0) : settings.link;
            request.codec = settings.codec.name();
            request.mode = plan::Mode::ScissionTl;
            if (settings.tl)
                request.tlSpecs = {settings.tl->name()};
            series = planner->series(request);
            if (r.unshaped)
                outcome.notes.push_back("unshaped link: predicted as 1 Tbit/s with no latency");
        } catch (const Error &e) {
            outcome.notes.push_back(std::string("no prediction: ") + e.what());
        }
    } else {
        outcome.notes.push_back("no prediction: no store with timings of the model");
    }

    std::unique_ptr<LocalAgents> local;
    outcome.device = r.device;
    outcome.edge = r.edge;
    auto deviceAccess = r.deviceAccess;
    auto edgeAccess = r.edgeAccess;
    if (r.device.empty() && r.edge.empty()) {
        local = std::make_unique<LocalAgents>(r.deviceAccess.tokenFile, r.localLimits);
        outcome.device = local->device().address();
        outcome.edge = local->edge().address();
        deviceAccess = edgeAccess = local->access();
    }
    AgentClient device(outcome.device, std::chrono::seconds(5), deviceAccess);
    AgentClient edge(outcome.edge, std::chrono::seconds(5), edgeAccess);
    const auto deviceInfo = device.info();
    const auto edgeInfo = edge.info();
    // A device at a tenth of a core checks each half in a child of its own and loads it ten
    // times more slowly: about 20 s for a small head, the deadline of a full core's agent.
    device.allowForCpuShare(deviceInfo.cpu_limit_cores());
    edge.allowForCpuShare(edgeInfo.cpu_limit_cores());
    int64_t modelId = 0;
    if (db) {
        const auto identity = ModelIdentity::of(r.model, settings.seed);
        const auto id = identity.id(r.input, r.cutting.granularity);
        if (const auto known = db->model(id); known && !known->content.empty()) {
            modelId = known->id;
        } else {
            store::ModelRecord record;
            record.sha256 = id;
            record.content = identity.content();
            record.name = r.model;
            record.inputShape = graph.inputShape();
            record.blocks = k;
            record.parameters = graph.parameterCount();
            record.granularity = r.cutting.granularity;
            modelId = db->addModel(record);
        }
    }
    // The agents as the store knows them (their ids too, for the stored timings).
    std::vector<std::pair<AgentClient *, store::Resource>> agents{
        {&device, resourceOf(deviceInfo, "device")}, {&edge, resourceOf(edgeInfo, "edge")}};
    if (db)
        for (auto &[client, resource] : agents)
            resource.id = db->addResource(resource);
    // Do the stored timings still hold? Each agent times the whole model again, now and after.
    if (db && series)
        outcome.drift = driftBefore(*db, modelId, agents, r);

    Offloader offloader(device, edge);
    outcome.splits.resize(splits.size());
    const int steps = int(splits.size()) * r.rounds;
    for (int round = 0; round < r.rounds; ++round) {
        for (size_t i = 0; i < splits.size(); ++i) {
            const int s = splits[i];
            if (m_cancelled)
                throw Error(ErrorKind::Cancelled,
                            "offload cancelled before split " + std::to_string(s));
            const auto halves = makeHalves(graph, s, settings.tl);
            auto &result = outcome.splits[i];
            if (round == 0) {
                if (series) {
                    const auto &point = series->points.at(size_t(s));
                    if (halves.tl.empty())
                        result.predicted = point.scission;
                    else if (point.tl == halves.tl)
                        result.predicted = point.scissionTl;
                }
                if (db) {
                    store::OffloadRecord record;
                    record.modelId = modelId;
                    record.device = agents[0].second.name;
                    record.edge = halves.runsOnEdge() ? agents[1].second.name : "";
                    record.split = s;
                    record.tl = halves.tl;
                    record.codec = settings.codec.name();
                    record.link = settings.link.name;
                    record.latency_s = settings.link.latency_s;
                    record.uplink_bps = settings.link.uplink_bps;
                    record.downlink_bps = settings.link.downlink_bps;
                    if (result.predicted)
                        record.predicted_s = plan::sum(*result.predicted);
                    result.offloadId = db->beginOffload(record);
                }
            }
            const int step = round * int(splits.size()) + int(i);
            const auto label = "split " + std::to_string(s) + " of " + std::to_string(k) +
                               (r.rounds > 1 ? ", round " + std::to_string(round + 1) : "");
            // Runs are numbered across rounds, as the store keys them.
            const int firstRun = round * settings.runs;
            SplitMeasurement measured;
            try {
                measured = offloader.run(
                    halves, r.model, settings,
                    [&](double fraction, std::string_view message) {
                        if (observer.progress)
                            observer.progress(s, step, steps, fraction, std::string(message));
                        return !m_cancelled.load();
                    },
                    [&](const v1::InferenceTiming &t) {
                        if (db) {
                            auto record = toRecord(t);
                            record.run += firstRun;
                            db->addOffloadInference(result.offloadId, record);
                        }
                    });
            } catch (const Error &e) {
                std::string kept;
                if (db)
                    kept = "; the runs measured so far are kept in " + r.db;
                throw Error(e.kind(), std::string(e.what()) + " (at " + label + kept + ")");
            }
            if (round == 0) {
                result.measured = std::move(measured);
            } else {
                for (auto &t : measured.runs) {
                    t.set_run(t.run() + firstRun);
                    result.measured.runs.push_back(std::move(t));
                }
            }
            if (round == r.rounds - 1 && observer.splitDone)
                observer.splitDone(result);
        }
    }
    for (auto &d : outcome.drift) {
        d.after_s = timeWholeModel(d.role == "device" ? device : edge, r);
        if (d.stale())
            outcome.notes.push_back(driftNote(d));
    }
    if (r.recalibrate && planner && !outcome.drift.empty())
        recalibrate(*planner, request, splits, outcome);
    return outcome;
}

} // namespace cleave::remote
