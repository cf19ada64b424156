// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storedcluster.h"

#include "core/error.h"
#include "core/plan/chain.h"
#include "core/store/storedmodels.h"
#include "core/zoo/zoo.h"

#include <algorithm>

namespace cleave {

plan::StoredCluster storedCluster(store::Store &db, const std::string &model,
                                  const store::ModelRecord &record,
                                  const std::vector<std::string> &devices,
                                  const plan::NetworkProfile &link)
{
    const auto graph =
        zoo::openModel(model, record.inputShape, 0, graph::ModelGraph::Original::Drop);
    const auto run = graph.rowLocalRun(0);
    std::vector<graph::RowLocalRun> rounds;
    for (const int first : plan::roundFirsts(run))
        rounds.push_back(graph.rowLocalRun(first));
    auto cluster = plan::clusterFromStore(db, record, devices, link, run, graph.cutBytes(), rounds);
    cluster.request.outputBytes = graph.cutBytes().back();
    return cluster;
}

namespace {

/// Inference `run` (1-based; none: the last) among the completed ones.
const store::ClusterInference &chosenInference(const std::vector<store::ClusterInference> &all,
                                               std::optional<int> run, int64_t clusterId)
{
    const store::ClusterInference *chosen = nullptr;
    for (const auto &i : all)
        if (i.completed && (!run || i.run + 1 == *run))
            chosen = &i;
    if (!chosen)
        throw Error(ErrorKind::NotFound, run ? "--inference " + std::to_string(*run) +
                                                   ": cluster run " + std::to_string(clusterId) +
                                                   " has no completed inference " +
                                                   std::to_string(*run)
                                             : "cluster run " + std::to_string(clusterId) +
                                                   " has no completed inference");
    return *chosen;
}

/// The measured speed-up of every stored run of the model on devices of this cluster, newest
/// per number of devices, over the planned points.
void addMeasured(store::Store &db, const std::vector<store::ModelRecord> &records,
                 const store::ClusterRecord &cluster, std::vector<plan::SpeedupPoint> &points)
{
    for (const auto &record : records)
        for (const auto &run : db.clusters(record.id)) {
            if (run.devices.front() != cluster.devices.front() ||
                run.aggregator != cluster.aggregator || run.roundEnds != cluster.roundEnds ||
                run.segmentEnd != cluster.segmentEnd)
                continue;
            const auto inferences = db.clusterInferences(run.id);
            const auto speedup = plan::measuredSpeedup(inferences, db.clusterBaselines(run.id));
            const int used = plan::devicesUsed(inferences);
            if (speedup && used >= 1 && used <= int(points.size()))
                points[size_t(used - 1)].measured = speedup;
        }
}

} // namespace

StoredRunFigures storedRunFigures(store::Store &db, const std::string &model,
                                  const store::ModelRecord &record, const store::ClusterRecord &run,
                                  const plan::StoredCluster &cluster, std::optional<int> inference)
{
    const auto inferences = db.clusterInferences(run.id);
    StoredRunFigures f;
    f.inference = chosenInference(inferences, inference, run.id);
    f.planned = plan::storedPlan(db, record, run, f.inference, cluster);
    f.measuredTimeline = plan::measuredTimeline(f.inference, run.devices, run.aggregator);
    f.plannedTimeline = plan::predictedTimeline(f.planned, cluster.request, run.aggregator);
    f.shares = plan::shareHistory(inferences, run.devices);
    // Gathered where the run gathered; a chain's rounds on their cuts.
    const auto gathered = plan::gatheredAs(db, record, run, cluster);
    if (!run.roundEnds.empty()) {
        f.speedup = plan::speedupByDevices(plan::roundProblems(f.planned, gathered.rounds));
    } else {
        const auto segment = std::find_if(gathered.segments.begin(), gathered.segments.end(),
                                          [&](const auto &s) { return s.end == run.segmentEnd; });
        if (segment != gathered.segments.end())
            f.speedup = plan::speedupByDevices(*segment, gathered.request);
    }
    addMeasured(db, store::storedModels(db, model), run, f.speedup);
    return f;
}

plan::NetworkProfile storedLink(const store::ClusterRecord &run,
                                const plan::NetworkProfile &fallback)
{
    for (const auto &preset : plan::NetworkProfile::presets())
        if (preset.describe() == run.link)
            return preset;
    return fallback;
}

} // namespace cleave
