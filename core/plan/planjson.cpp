// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plan/planjson.h"

#include "core/plan/deployments.h"
#include "core/plan/planner.h"

#include <algorithm>
#include <sstream>

namespace cleave::plan {

namespace {

std::string csvField(const std::string &text)
{
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + '"';
}

/// "[0,10) 26/12/12 + [10,17) 14/6/5": each round's cuts and rows per device.
std::string roundsText(const ChainPlan &chain, size_t devices)
{
    std::string text;
    for (const auto &round : chain.rounds)
        text += (text.empty() ? "[" : " + [") + std::to_string(round.first) + "," +
                std::to_string(round.end) + ") " + rowsText(round.rowsByDevice(devices));
    return text;
}

} // namespace

nlohmann::json linkJson(const NetworkProfile &link)
{
    return {{"name", link.name},
            {"latency_s", link.latency_s},
            {"uplink_bps", link.uplink_bps},
            {"downlink_bps", link.downlink_bps}};
}

nlohmann::json accuracyJson(const std::optional<MeasuredAccuracy> &a)
{
    if (!a)
        return nullptr;
    return {{"top1", a->top1},
            {"top5", a->top5},
            {"agreement", a->agreement},
            {"drop_pp", a->drop_pp},
            {"dataset", a->dataset},
            {"images", a->images},
            {"fine_tuned",
             a->fineTuned.empty() ? nlohmann::json(false) : nlohmann::json(a->fineTuned)}};
}

nlohmann::json tensorsJson(const std::vector<WireTensor> &tensors)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto &t : tensors)
        list.push_back(
            {{"label", t.label}, {"shape", t.shape}, {"dtype", t.dtype}, {"bytes", t.bytes}});
    return list;
}

nlohmann::json configurationJson(const Configuration &c, int rank, bool threeTiers,
                                 const CutTensors &tensors)
{
    nlohmann::json parts = nlohmann::json::object();
    for (int p = 0; p < kPartCount; ++p)
        parts[partName(Part(p))] = c.parts[size_t(p)];
    nlohmann::json resources = nlohmann::json::object();
    for (int t = 0; t < kTierCount; ++t)
        if (!c.resources[size_t(t)].empty())
            resources[tierName(Tier(t))] = c.resources[size_t(t)];
    nlohmann::json splits = threeTiers ? nlohmann::json{c.s1, c.s2} : nlohmann::json{c.s1};
    nlohmann::json json{{"rank", rank},
                        {"splits", splits},
                        {"resources", resources},
                        {"tl", c.tl.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.tl)},
                        {"total_s", c.total_s},
                        {"parts", parts},
                        {"upload_bytes", c.uploadBytes},
                        {"device_memory_bytes", c.deviceMemoryBytes},
                        {"accuracy", accuracyJson(c.accuracy)}};
    // What crosses each split, in the order of "splits" (when the store recorded it).
    if (!tensors.empty()) {
        nlohmann::json crossing = nlohmann::json::array();
        for (const int s : threeTiers ? std::vector<int>{c.s1, c.s2} : std::vector<int>{c.s1})
            crossing.push_back(tensorsJson(tensors.at(size_t(s))));
        json["tensors"] = crossing;
    }
    return json;
}

nlohmann::json planJson(const std::string &model, const PlanRequest &request, const Plan &plan,
                        const CutTensors &tensors)
{
    const bool threeTiers = request.tiers.size() == 3;
    nlohmann::json ranking = nlohmann::json::array();
    int rank = 1;
    for (const auto &c : plan.ranking)
        ranking.push_back(configurationJson(c, rank++, threeTiers, tensors));
    nlohmann::json doc{{"model", model},
                       {"blocks", plan.blocks},
                       {"link", linkJson(request.link)},
                       {"mode", modeName(plan.mode)},
                       {"codec", request.codec},
                       {"return_leg", request.returnLeg},
                       {"allowed", plan.allowed},
                       {"ranking", ranking},
                       {"notes", plan.notes}};
    if (threeTiers)
        doc["cloud_link"] = linkJson(request.cloudLink);
    if (!plan.accuracyDataset.empty()) {
        doc["accuracy_dataset"] = plan.accuracyDataset;
        doc["unmeasured"] = plan.unmeasured;
        doc["unmeasurable"] = plan.unmeasurable;
    }
    if (request.constraints.maxAccuracyDrop_pp)
        doc["max_accuracy_drop_pp"] = *request.constraints.maxAccuracyDrop_pp;
    if (request.pareto) {
        nlohmann::json front = nlohmann::json::array();
        int place = 1;
        for (const auto &c : plan.pareto)
            front.push_back(configurationJson(c, place++, threeTiers, tensors));
        doc["pareto"] = front;
    }
    return doc;
}

namespace {

nlohmann::json partitionJson(const Partition &p)
{
    std::vector<int> device;
    for (size_t b = 0; b < p.onDevice.size(); ++b)
        if (p.onDevice[b])
            device.push_back(int(b));
    return {{"total_s", p.total_s},
            {"tensors", p.tensors},
            {"raw_bytes", p.rawBytes},
            {"device_blocks", device},
            {"split", p.sameAsSplit < 0 ? nlohmann::json(nullptr) : nlohmann::json(p.sameAsSplit)}};
}

} // namespace

nlohmann::json partitionsJson(const PartitionComparison &comparison)
{
    return {{"best", partitionJson(comparison.best)},
            {"best_split", partitionJson(comparison.bestSplit)}};
}

nlohmann::json deploymentJson(const Deployment &way, const ClusterRequest &cluster)
{
    nlohmann::json j{
        {"kind", deploymentId(way.kind)},
        {"total_s", way.total_s},
        {"edge", way.edge.empty() ? nlohmann::json(nullptr) : nlohmann::json(way.edge)}};
    if (way.split) {
        j["split"] = way.split->s1;
        j["tl"] = way.split->tl;
    }
    if (way.cluster) {
        nlohmann::json rounds = nlohmann::json::array();
        for (const auto &round : way.cluster->rounds) {
            nlohmann::json rows = nlohmann::json::object();
            for (const auto &s : round.shares)
                rows[cluster.devices[size_t(s.device)].name] = {s.rows.begin, s.rows.end};
            rounds.push_back({{"first", round.first},
                              {"end", round.end},
                              {"rows", rows},
                              {"makespan_s", round.makespan_s}});
        }
        j["segment_end"] = way.cluster->rounds.back().end;
        j["rounds"] = rounds;
        j["makespan_s"] = way.cluster->makespan_s();
        j["rest_s"] = way.cluster->rest_s;
        j["return_s"] = way.cluster->rounds.back().return_s;
    }
    return j;
}

nlohmann::json deploymentsJson(const std::string &model, const DeploymentRanking &ways,
                               const ClusterRequest &cluster, const NetworkProfile &link)
{
    nlohmann::json ranking = nlohmann::json::array();
    for (const auto &way : ways.ranking)
        ranking.push_back(deploymentJson(way, cluster));
    nlohmann::json devices = nlohmann::json::array();
    for (const auto &d : cluster.devices)
        devices.push_back(d.name);
    return {{"model", model},     {"source", cluster.devices[size_t(cluster.source)].name},
            {"devices", devices}, {"link", link.describe()},
            {"ranking", ranking}, {"notes", ways.notes}};
}

std::string rankingCsv(const Plan &plan, const DeploymentRanking *ways,
                       const ClusterRequest *cluster)
{
    std::ostringstream out;
    out.precision(9); // significant digits
    out << "rank,split,edge_end,tl,total_ms";
    for (int p = 0; p < kPartCount; ++p)
        out << ',' << partName(Part(p)) << "_ms";
    out << ",upload_bytes,way,rows,top1,top5,agreement,accuracy_drop_pp,fine_tuned\n";
    int rank = 1;
    for (const auto &c : plan.ranking) {
        out << rank++ << ',' << c.s1 << ',' << c.s2 << ',' << csvField(c.tl) << ','
            << c.total_s * 1e3;
        for (double part : c.parts)
            out << ',' << part * 1e3;
        out << ',' << c.uploadBytes << ",split,";
        if (c.accuracy)
            out << ',' << c.accuracy->top1 << ',' << c.accuracy->top5 << ','
                << c.accuracy->agreement << ',' << c.accuracy->drop_pp << ','
                << csvField(c.accuracy->fineTuned);
        else
            out << ",,,,,";
        out << '\n';
    }
    if (!ways || !cluster)
        return out.str();
    for (const auto &way : ways->ranking) {
        if (!way.cluster)
            continue;
        const auto faster = std::count_if(plan.ranking.begin(), plan.ranking.end(),
                                          [&](const auto &c) { return c.total_s < way.total_s; });
        out << faster + 1 << ',' << way.cluster->rounds.back().end << ",,," << way.total_s * 1e3
            << std::string(kPartCount, ',') << ',' << ',' << deploymentId(way.kind) << ','
            << csvField(roundsText(*way.cluster, cluster->devices.size())) << ",,,,,\n";
    }
    return out.str();
}

} // namespace cleave::plan
