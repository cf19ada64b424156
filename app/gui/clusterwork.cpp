// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/clusterwork.h"

#include "core/bench/statistics.h"
#include "core/error.h"
#include "core/plan/network.h"
#include "core/store/store.h"
#include "core/storedcluster.h"
#include "remote/client/clusterrun.h"
#include "remote/client/localagents.h"
#include "remote/cpupinning.h"

#include <QCoreApplication>

#include <atomic>
#include <mutex>

namespace cleave::gui {

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

ShareRange localShareRange()
{
    return {0.1, double(std::max<size_t>(1, remote::allowedCpus().size()))};
}

std::optional<ClusterPlanning> loadPlanning(const QString &project, const QString &model)
{
    store::Store db(project.toStdString(), store::Store::readingAccess(project.toStdString()));
    const auto newest = plan::storedClusterRun(db, model.toStdString());
    if (!newest)
        return std::nullopt;
    const auto &[record, run] = *newest;
    ClusterPlanning planning;
    planning.devices = run.devices;
    planning.aggregator = run.aggregator;
    planning.ungathered = storedCluster(db, model.toStdString(), record, run.devices,
                                        storedLink(run, plan::NetworkProfile::preset("lan")));
    planning.cluster = plan::gatheredAs(db, record, run, planning.ungathered);
    planning.planner = std::make_shared<plan::Planner>(plan::plannerFromStore(db, record));
    try {
        const auto figures =
            storedRunFigures(db, model.toStdString(), record, run, planning.ungathered);
        ClusterFrame f;
        f.devices = run.devices;
        f.measured = figures.measuredTimeline;
        f.planned = figures.plannedTimeline;
        f.shares = figures.shares;
        f.speedup = figures.speedup;
        f.done = f.total = int(figures.shares.size());
        f.stored = true;
        planning.lastRun = std::move(f);
    } catch (const Error &e) {
        if (e.kind() != ErrorKind::NotFound) // a run that completed no inference draws none
            throw;
    }
    return planning;
}

namespace {

/// `request` with the devices' links, exclusions and what-if slowdowns.
plan::ClusterRequest adjusted(plan::ClusterRequest request, const std::vector<std::string> &names,
                              const std::vector<bool> &excluded,
                              const std::vector<double> &slowdown, const plan::NetworkProfile &link)
{
    for (size_t i = 0; i < request.devices.size(); ++i) {
        auto &d = request.devices[i];
        d.link = link;
        const double factor = i < slowdown.size() ? slowdown[i] : 1.0;
        for (auto &[end, fit] : d.strips) {
            fit.alpha_s *= factor;
            fit.beta_s *= factor;
        }
        for (auto &b : d.block_s)
            b *= factor;
        if (i < excluded.size() && excluded[i])
            request.excluded.push_back(names[i]);
    }
    return request;
}

} // namespace

ClusterFrame planFrame(const ClusterPlanning &planning, const std::vector<bool> &excluded,
                       const std::vector<double> &slowdown, const plan::NetworkProfile &link,
                       const PlanChoice &choice)
{
    auto request = adjusted(planning.cluster.request, planning.devices, excluded, slowdown, link);
    request.segmentEnd = choice.segmentEnd;
    std::vector<plan::RoundOptions> rounds;
    if (choice.rounds && !choice.segmentEnd)
        for (auto o : planning.cluster.rounds) {
            o.request = adjusted(o.request, planning.devices, excluded, slowdown, link);
            rounds.push_back(std::move(o));
        }
    const auto single = plan::planCluster(planning.cluster.segments, request);
    const auto chosen = plan::fasterOf(single, rounds);
    ClusterFrame f;
    f.plan = chosen;
    f.devices = planning.devices;
    f.planned = plan::predictedTimeline(chosen, request, planning.aggregator);
    if (chosen.rounds.size() > 1) {
        f.speedup = plan::speedupByDevices(plan::roundProblems(chosen, rounds));
        return f;
    }
    for (const auto &segment : planning.cluster.segments)
        if (segment.end == single.end)
            f.speedup = plan::speedupByDevices(segment, request);
    return f;
}

plan::DeploymentRanking rankWays(const ClusterPlanning &planning, const plan::PlanRequest &request)
{
    const auto &ways = planning.ungathered;
    const auto cluster = adjusted(ways.request, planning.devices, {}, {}, request.link);
    auto rounds = ways.rounds;
    for (auto &o : rounds)
        o.request = adjusted(o.request, planning.devices, {}, {}, request.link);
    return plan::rankDeployments(*planning.planner, request, ways.segments, cluster, rounds);
}

struct ClusterRunner::Private
{
    ClusterJob job;
    std::atomic<bool> cancelled{false};
    std::mutex clusterMutex;
    remote::ClusterRun *cluster = nullptr; ///< the run cancel() reaches, while it runs

    void stopIfCancelled() const
    {
        if (cancelled)
            throw Error(ErrorKind::Cancelled, "the cluster run was cancelled");
    }
};

ClusterRunner::ClusterRunner(ClusterJob job)
    : d(std::make_unique<Private>())
{
    d->job = std::move(job);
}

ClusterRunner::~ClusterRunner() = default;

void ClusterRunner::cancel()
{
    d->cancelled = true;
    const std::lock_guard lock(d->clusterMutex);
    if (d->cluster)
        d->cluster->cancel();
}

namespace {

/// Two devices or more; local devices' shares within what the kernel and the cores allow.
void check(const ClusterJob &job)
{
    const auto devices = job.agents.isEmpty() ? job.shares.size() : size_t(job.agents.size());
    if (devices < 2)
        throw Error(ErrorKind::InvalidInput, "a cluster needs two devices or more");
    if (!job.agents.isEmpty())
        return;
    const auto range = localShareRange();
    for (const double share : job.shares)
        if (share < range.least || share > range.most)
            throw Error(ErrorKind::InvalidInput,
                        "a CPU share of " + std::to_string(share) + " is out of range");
}

double medianMs(const std::vector<double> &seconds)
{
    return seconds.empty() ? 0 : bench::summarise(seconds).median_s * 1e3;
}

/// The run in one line: the whole inference against its plan, then the strips against the
/// fastest device alone on the same blocks and the bound, and EdgeDI's partition when run.
QString summary(const std::vector<store::ClusterInference> &completed,
                const std::vector<store::ClusterBaseline> &alone, const std::vector<double> &edgeDi,
                double planned_s, const std::vector<plan::SpeedupPoint> &speedup)
{
    std::vector<double> totals, makespans;
    for (const auto &i : completed) {
        totals.push_back(i.total_s);
        makespans.push_back(i.makespan_s);
    }
    const int used = plan::devicesUsed(completed);
    const double bound =
        used >= 1 && used <= int(speedup.size()) ? speedup[size_t(used - 1)].bound : 0;
    auto line = QCoreApplication::translate(
                    "cleave::gui::ClusterWork",
                    "%1 inferences, median %2 ms (%3 ms planned); the strips' median makespan "
                    "%4 ms, %5x the fastest device alone on the same blocks (bound %6x)")
                    .arg(completed.size())
                    .arg(medianMs(totals), 0, 'f', 1)
                    .arg(planned_s * 1e3, 0, 'f', 1)
                    .arg(medianMs(makespans), 0, 'f', 1)
                    .arg(plan::measuredSpeedup(completed, alone).value_or(0), 0, 'f', 2)
                    .arg(bound, 0, 'f', 2);
    if (!edgeDi.empty())
        line += QCoreApplication::translate("cleave::gui::ClusterWork",
                                            "; EdgeDI's partition: median makespan %1 ms")
                    .arg(medianMs(edgeDi), 0, 'f', 1);
    return line;
}

remote::ClusterAgent clusterAgent(const AgentEntry &entry, const plan::NetworkProfile &link)
{
    return {agentAddress(entry), link, agentAccess(entry)};
}

} // namespace

QString ClusterRunner::run(const std::function<void(const ClusterFrame &)> &frame,
                           const std::function<void(const QString &line)> &log)
{
    const auto &job = d->job;
    check(job);
    const auto say = [&](const std::string &line) {
        if (log)
            log(q(line));
    };
    store::Store db(job.project.toStdString());
    remote::ClusterSettings settings;
    settings.model = job.model.toStdString();
    settings.runs = job.runs;
    settings.warmup = job.warmup;
    settings.rounds = job.rounds && !job.segmentEnd;
    settings.segmentEnd = job.segmentEnd;
    settings.measureEdgeDi = job.edgeDi;
    remote::ClusterRun cluster(settings, &db);
    {
        const std::lock_guard lock(d->clusterMutex);
        d->cluster = &cluster;
    }
    const auto forget = [this](remote::ClusterRun *) {
        const std::lock_guard lock(d->clusterMutex);
        d->cluster = nullptr;
    };
    const std::unique_ptr<remote::ClusterRun, decltype(forget)> reachable(&cluster, forget);
    if (d->cancelled) // cancelled before it could be reached
        cluster.cancel();
    cluster.openModel(); // a model that cannot be split says so before any agent starts
    d->stopIfCancelled();
    const auto link = plan::NetworkProfile::preset(job.link.toStdString());
    std::optional<remote::LocalCluster> local;
    std::vector<remote::ClusterAgent> agents;
    std::optional<remote::ClusterAgent> edge;
    if (job.agents.isEmpty()) {
        if (log)
            log(QCoreApplication::translate("cleave::gui::ClusterWork",
                                            "starting %1 local device agents")
                    .arg(job.shares.size()));
        local.emplace(job.shares, job.localEdge);
        for (const auto &agent : local->devices())
            agents.push_back({agent->address(), link, local->access()});
        if (local->edge())
            edge = remote::ClusterAgent{local->edge()->address(), link, local->access()};
    } else {
        for (const auto &entry : job.agents)
            agents.push_back(clusterAgent(entry, link));
        if (job.edge)
            edge = clusterAgent(*job.edge, link);
    }
    cluster.setAgents(agents, edge, {});
    cluster.prepare(say);
    d->stopIfCancelled();

    ClusterFrame f;
    f.devices = cluster.deviceNames();
    f.total = job.runs;
    const auto &aggregator = cluster.aggregatorName();
    const auto &request = cluster.request();
    // The speed-up on the first plan's cuts: its segment, or its chain's rounds.
    std::vector<plan::RoundProblem> rounds;
    for (const auto &round : cluster.first().rounds) {
        rounds.push_back({cluster.segmentOf(round), cluster.requestOf(round)});
        rounds.back().request.segmentEnd = round.end;
    }
    f.speedup = plan::speedupByDevices(rounds);
    f.planned = plan::predictedTimeline(cluster.first(), request, aggregator);
    if (frame)
        frame(f); // the plan, before the first inference

    std::vector<store::ClusterInference> completed;
    std::vector<store::ClusterBaseline> alone;
    std::vector<double> edgeDi; ///< EdgeDI's partition's makespans, when asked for
    const auto onStep = [&](const remote::ClusterStep &step) {
        if (!step.inference.completed)
            return;
        completed.push_back(step.inference);
        if (step.alone)
            alone.push_back({step.inference.run, "alone", step.alone->makespan_s, 0});
        if (step.edgeDi)
            edgeDi.push_back(step.edgeDi->makespan_s);
        f.measured = plan::measuredTimeline(step.inference, f.devices, aggregator);
        f.planned = plan::predictedTimeline(cluster.current(), request, aggregator);
        f.shares = plan::shareHistory(completed, f.devices);
        const int used = plan::devicesUsed(completed);
        if (used >= 1 && used <= int(f.speedup.size()))
            f.speedup[size_t(used - 1)].measured = plan::measuredSpeedup(completed, alone);
        f.done = step.inference.run + 1;
        if (frame)
            frame(f);
    };
    const auto onEvent = [&](const store::ClusterEvent &e) {
        say(e.kind + (e.device.empty() ? "" : " " + e.device) + ": " + e.detail);
    };
    cluster.run(onStep, onEvent, &d->cancelled);

    return summary(completed, alone, edgeDi, cluster.first().total_s, f.speedup);
}

} // namespace cleave::gui
