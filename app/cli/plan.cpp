// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli plan --db FILE --model MODEL [--tiers ...] [--link PRESET | --bandwidth-mbps B
//                 --latency-ms L] [--tl SPEC|none] [--codec C] [constraints] [--top N]
//                 [--no-return] [--json]
#include "app/cli/commands.h"
#include "app/cli/output.h"
#include "app/cli/planoptions.h"

#include "core/error.h"
#include "core/plan/fromstore.h"
#include "core/store/store.h"

#include <filesystem>
#include <iostream>

namespace cleave::cli {

namespace {

nlohmann::json linkJson(const plan::NetworkProfile &link)
{
    return {{"name", link.name},
            {"latency_s", link.latency_s},
            {"uplink_bps", link.uplink_bps},
            {"downlink_bps", link.downlink_bps}};
}

nlohmann::json configurationJson(const plan::Configuration &c, int rank, bool threeTiers)
{
    nlohmann::json parts = nlohmann::json::object();
    for (int p = 0; p < plan::kPartCount; ++p)
        parts[plan::partName(plan::Part(p))] = c.parts[size_t(p)];
    nlohmann::json resources = nlohmann::json::object();
    for (int t = 0; t < plan::kTierCount; ++t)
        if (!c.resources[size_t(t)].empty())
            resources[plan::tierName(plan::Tier(t))] = c.resources[size_t(t)];
    nlohmann::json splits = threeTiers ? nlohmann::json{c.s1, c.s2} : nlohmann::json{c.s1};
    return {{"rank", rank},
            {"splits", splits},
            {"resources", resources},
            {"tl", c.tl.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.tl)},
            {"total_s", c.total_s},
            {"parts", parts},
            {"upload_bytes", c.uploadBytes}};
}

std::string ms(double seconds)
{
    return fixed(seconds * 1e3, 2);
}

int run(const PlanOptions &options, bool json)
{
    if (!std::filesystem::exists(options.db))
        throw Error(ErrorKind::NotFound, options.db + ": no such file; create it with cleave-cli "
                                                      "bench");
    store::Store db(options.db);
    const auto planner = plan::plannerFromStore(db, options.model);
    const auto request = options.request(planner);
    const auto result = planner.plan(request);
    const bool threeTiers = request.tiers.size() == 3;

    if (json) {
        nlohmann::json ranking = nlohmann::json::array();
        int rank = 1;
        for (const auto &c : result.ranking)
            ranking.push_back(configurationJson(c, rank++, threeTiers));
        nlohmann::json doc{{"model", options.model},         {"blocks", result.blocks},
                           {"link", linkJson(request.link)}, {"mode", plan::modeName(result.mode)},
                           {"codec", request.codec},         {"return_leg", request.returnLeg},
                           {"allowed", result.allowed},      {"ranking", ranking},
                           {"notes", result.notes}};
        if (threeTiers)
            doc["cloud_link"] = linkJson(request.cloudLink);
        std::cout << doc.dump(2) << '\n';
        return 0;
    }

    std::cout << options.model << ": " << result.blocks << " blocks, "
              << plan::modeName(result.mode) << ", " << request.codec << ", link "
              << request.link.describe();
    if (threeTiers)
        std::cout << ", cloud link " << request.cloudLink.describe();
    std::cout << (request.returnLeg ? "" : ", no return leg") << "\n";
    std::vector<std::pair<std::string, Table::Align>> columns{
        {"#", Table::Right},
        {threeTiers ? "splits" : "split", Table::Right},
        {"device", Table::Left},
        {"edge", Table::Left}};
    if (threeTiers)
        columns.push_back({"cloud", Table::Left});
    for (auto c : std::vector<std::pair<std::string, Table::Align>>{{"tl", Table::Left},
                                                                    {"total ms", Table::Right},
                                                                    {"device ms", Table::Right},
                                                                    {"tl ms", Table::Right},
                                                                    {"ser+deser ms", Table::Right},
                                                                    {"link ms", Table::Right},
                                                                    {"edge ms", Table::Right}})
        columns.push_back(c);
    if (threeTiers)
        columns.push_back({"cloud ms", Table::Right});
    columns.push_back({"upload MB", Table::Right});
    Table table(columns);
    int rank = 1;
    for (const auto &c : result.ranking) {
        const auto part = [&c](plan::Part p) { return c.parts[size_t(p)]; };
        using P = plan::Part;
        std::vector<std::string> row{std::to_string(rank++),
                                     threeTiers ? std::to_string(c.s1) + "," + std::to_string(c.s2)
                                                : std::to_string(c.s1),
                                     c.resources[0], c.resources[1].empty() ? "-" : c.resources[1]};
        if (threeTiers)
            row.push_back(c.resources[2].empty() ? "-" : c.resources[2]);
        row.push_back(c.tl.empty() ? "-" : c.tl);
        row.push_back(ms(c.total_s));
        row.push_back(ms(part(P::Device)));
        row.push_back(ms(part(P::DeviceTl) + part(P::EdgeTl)));
        row.push_back(ms(part(P::Serialise) + part(P::Deserialise)));
        row.push_back(
            ms(part(P::Uplink) + part(P::Return) + (threeTiers ? 0 : part(P::EdgeToCloud))));
        row.push_back(ms(part(P::Edge) + (threeTiers ? part(P::EdgeToCloud) : 0)));
        if (threeTiers)
            row.push_back(ms(part(P::Cloud)));
        row.push_back(megabytes(c.uploadBytes));
        table.addRow(row);
    }
    table.print(std::cout);
    std::cout << result.allowed << " configurations meet the constraints\n";
    for (const auto &note : result.notes)
        std::cout << "note: " << note << '\n';
    return 0;
}

} // namespace

void addPlanCommand(CLI::App &app, int &exitCode)
{
    auto options = std::make_shared<PlanOptions>();
    auto json = std::make_shared<bool>(false);
    auto *command =
        app.add_subcommand("plan", "Rank split configurations from stored timings (Scission, "
                                   "ScissionTL)");
    options->addTo(*command);
    command->add_flag("--json", *json, "print one JSON document");
    command->callback([options, json, &exitCode] { exitCode = run(*options, *json); });
}

} // namespace cleave::cli
