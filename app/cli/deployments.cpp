// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli plan ... --cluster SOURCE,DEVICE,...: the device alone, Scission device->edge, the
// cluster and the cluster->edge in one ranking, on the store's timings.
#include "app/cli/deployments.h"
#include "app/cli/output.h"

#include "core/plan/deployments.h"
#include "core/plan/fromstore.h"
#include "core/plan/planjson.h"
#include "core/store/store.h"
#include "core/storedcluster.h"

#include <algorithm>
#include <iostream>

namespace cleave::cli {

namespace {

std::string where(const plan::Deployment &d, const plan::ClusterRequest &cluster)
{
    using Kind = plan::Deployment::Kind;
    const auto &source = cluster.devices[size_t(cluster.source)].name;
    if (d.kind == Kind::DeviceAlone)
        return source;
    if (d.kind == Kind::Scission)
        return source + " -> " + d.edge;
    // The devices taking part by number, in the order given, as the rows in `how`.
    std::string numbers;
    for (size_t i = 0; i < cluster.devices.size(); ++i)
        if (std::any_of(d.cluster->rounds.begin(), d.cluster->rounds.end(), [&](const auto &round) {
                return round.rowsByDevice(cluster.devices.size())[i] > 0;
            }))
            numbers += (numbers.empty() ? "" : ",") + std::to_string(i + 1);
    return "devices " + numbers + " -> " + (d.edge.empty() ? source : d.edge);
}

/// "split 5", "segment [0, 17), rows 14/6/5" or "rounds [0, 10) + [10, 17), rows 26/12/12 +
/// 14/6/5".
std::string how(const plan::Deployment &d, size_t devices)
{
    if (d.split)
        return d.kind == plan::Deployment::Kind::DeviceAlone
                   ? "every block"
                   : "split " + std::to_string(d.split->s1) +
                         (d.split->tl.empty() ? "" : " + " + d.split->tl);
    std::string cuts, rows;
    for (const auto &round : d.cluster->rounds) {
        const auto *plus = cuts.empty() ? "" : " + ";
        cuts += plus + std::string("[") + std::to_string(round.first) + ", " +
                std::to_string(round.end) + ")";
        rows += plus + plan::rowsText(round.rowsByDevice(devices));
    }
    return (d.cluster->rounds.size() > 1 ? "rounds " : "segment ") + cuts + ", rows " + rows;
}

} // namespace

int printDeployments(const PlanOptions &options, const std::vector<std::string> &devices, bool json)
{
    options.requireStore();
    store::Store db(options.db, store::Store::readingAccess(options.db));
    const auto record = plan::clusterRecord(db, options.model, devices);
    const auto planner = plan::plannerFromStore(db, record);
    const auto request = options.request(planner);
    const auto stored = cleave::storedCluster(db, options.model, record, devices, request.link);
    const auto &cluster = stored.request;
    const auto result =
        plan::rankDeployments(planner, request, stored.segments, cluster, stored.rounds);

    if (json) {
        std::cout << plan::deploymentsJson(options.model, result, cluster, request.link).dump(2)
                  << '\n';
        return 0;
    }
    std::cout << options.model << ", link " << request.link.describe()
              << (request.returnLeg ? "" : ", no return leg") << "; devices:\n";
    for (size_t i = 0; i < devices.size(); ++i)
        std::cout << "  " << i + 1 << " " << devices[i] << (i == 0 ? " (holds the input)" : "")
                  << '\n';
    Table table({{"#", Table::Right},
                 {"way", Table::Left},
                 {"where", Table::Left},
                 {"how", Table::Left},
                 {"total ms", Table::Right}});
    int rank = 1;
    for (const auto &d : result.ranking)
        table.addRow({std::to_string(rank++), plan::deploymentName(d.kind), where(d, cluster),
                      how(d, cluster.devices.size()), fixed(d.total_s * 1e3, 2)});
    table.print(std::cout);
    for (const auto &note : result.notes)
        std::cout << "note: " << note << '\n';
    return 0;
}

} // namespace cleave::cli
