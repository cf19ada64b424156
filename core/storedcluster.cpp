// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storedcluster.h"

#include "core/plan/chain.h"
#include "core/zoo/zoo.h"

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

} // namespace cleave
