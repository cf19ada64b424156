// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plan/planjson.h"

#include "core/plan/planner.h"

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

} // namespace

nlohmann::json linkJson(const NetworkProfile &link)
{
    return {{"name", link.name},
            {"latency_s", link.latency_s},
            {"uplink_bps", link.uplink_bps},
            {"downlink_bps", link.downlink_bps}};
}

nlohmann::json configurationJson(const Configuration &c, int rank, bool threeTiers)
{
    nlohmann::json parts = nlohmann::json::object();
    for (int p = 0; p < kPartCount; ++p)
        parts[partName(Part(p))] = c.parts[size_t(p)];
    nlohmann::json resources = nlohmann::json::object();
    for (int t = 0; t < kTierCount; ++t)
        if (!c.resources[size_t(t)].empty())
            resources[tierName(Tier(t))] = c.resources[size_t(t)];
    nlohmann::json splits = threeTiers ? nlohmann::json{c.s1, c.s2} : nlohmann::json{c.s1};
    return {{"rank", rank},
            {"splits", splits},
            {"resources", resources},
            {"tl", c.tl.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.tl)},
            {"total_s", c.total_s},
            {"parts", parts},
            {"upload_bytes", c.uploadBytes},
            {"device_memory_bytes", c.deviceMemoryBytes}};
}

nlohmann::json planJson(const std::string &model, const PlanRequest &request, const Plan &plan)
{
    const bool threeTiers = request.tiers.size() == 3;
    nlohmann::json ranking = nlohmann::json::array();
    int rank = 1;
    for (const auto &c : plan.ranking)
        ranking.push_back(configurationJson(c, rank++, threeTiers));
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
    return doc;
}

std::string rankingCsv(const Plan &plan)
{
    std::ostringstream out;
    out << "rank,split,edge_end,tl,total_ms";
    for (int p = 0; p < kPartCount; ++p)
        out << ',' << partName(Part(p)) << "_ms";
    out << ",upload_bytes\n";
    int rank = 1;
    for (const auto &c : plan.ranking) {
        out << rank++ << ',' << c.s1 << ',' << c.s2 << ',' << csvField(c.tl) << ','
            << c.total_s * 1e3;
        for (double part : c.parts)
            out << ',' << part * 1e3;
        out << ',' << c.uploadBytes << '\n';
    }
    return out.str();
}

} // namespace cleave::plan
