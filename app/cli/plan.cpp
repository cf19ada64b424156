// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli plan --db FILE --model MODEL [--tiers ...] [--link PRESET | --bandwidth-mbps B
//                 --latency-ms L] [--tl SPEC|none] [--codec C] [constraints] [--top N]
//                 [--max-accuracy-drop PP] [--pareto] [--no-return]
//                 [--cluster SOURCE,DEVICE,...] [--json]
#include "app/cli/commands.h"
#include "app/cli/deployments.h"
#include "app/cli/output.h"
#include "app/cli/planoptions.h"
#include "app/cli/problems.h"

#include "core/error.h"
#include "core/plan/fromstore.h"
#include "core/plan/planjson.h"
#include "core/store/store.h"

#include <filesystem>
#include <iostream>

namespace cleave::cli {

namespace {

std::string ms(double seconds)
{
    return fixed(seconds * 1e3, 2);
}

/// "SPEC,...": the TL specs the request considered; empty when it considered none.
std::string tlList(const plan::Planner &planner, const plan::PlanRequest &request)
{
    if (request.mode == plan::Mode::Scission)
        return {};
    const auto specs = request.tlSpecs.empty() ? planner.tlSpecs() : request.tlSpecs;
    std::string text;
    for (const auto &spec : specs)
        text += (text.empty() ? "" : ",") + spec;
    return text;
}

std::string accuracyText(const std::optional<plan::MeasuredAccuracy> &a)
{
    if (!a)
        return "-";
    return fixed(a->top1 * 100, 2) + (a->fineTuned.empty() ? "" : " ft");
}

/// The configurations as a table, one row each, numbered from 1.
void printConfigurations(const std::vector<plan::Configuration> &configurations, bool threeTiers,
                         bool accuracy)
{
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
    if (accuracy) {
        columns.push_back({"top-1 %", Table::Right});
        columns.push_back({"drop pp", Table::Right});
    }
    Table table(columns);
    int rank = 1;
    for (const auto &c : configurations) {
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
        if (accuracy) {
            row.push_back(accuracyText(c.accuracy));
            row.push_back(c.accuracy ? fixed(c.accuracy->drop_pp, 2) : "-");
        }
        table.addRow(row);
    }
    table.print(std::cout);
}

int run(const PlanOptions &options, bool json)
{
    options.requireStore();
    store::Store db(options.db, store::Store::readingAccess(options.db));
    const auto planner = plan::plannerFromStore(db, options.model, options.timingsGranularity());
    const auto request = options.request(planner);
    const auto result = planner.plan(request);
    const bool threeTiers = request.tiers.size() == 3;

    if (json) {
        const auto doc = plan::planJson(options.model, request, result, planner.cutTensors());
        std::cout << doc.dump(2) << '\n';
        return 0;
    }

    std::cout << options.model << ": " << result.blocks << " blocks, "
              << plan::modeName(result.mode) << ", " << request.codec << ", link "
              << request.link.describe();
    if (threeTiers)
        std::cout << ", cloud link " << request.cloudLink.describe();
    std::cout << (request.returnLeg ? "" : ", no return leg") << "\n";
    const bool accuracy = !result.accuracyDataset.empty();
    printConfigurations(result.ranking, threeTiers, accuracy);
    std::cout << result.allowed << " configurations meet the constraints\n";
    if (request.pareto) {
        std::cout << "Pareto front (latency against top-1, fastest first):\n";
        if (result.pareto.empty())
            std::cout << "  none: no allowed configuration has a measured accuracy\n";
        else
            printConfigurations(result.pareto, threeTiers, accuracy);
    }
    if (accuracy) {
        const auto images =
            result.ranking.empty() || !result.ranking.front().accuracy
                ? std::string()
                : ", " + std::to_string(result.ranking.front().accuracy->images) + " images";
        std::cout << "accuracy: top-1 on " << result.accuracyDataset << images
                  << "; drop against the unsplit model; ft: fine-tuned TL\n";
    }
    for (const auto &note : result.notes)
        std::cout << "note: " << note << '\n';
    if (result.unmeasured > 0)
        std::cout << "note: measure them with: "
                  << accuracyCommand(options.model, request.codec, tlList(planner, request),
                                     options.db)
                  << '\n';
    return 0;
}

} // namespace

void addPlanCommand(CLI::App &app, int &exitCode)
{
    auto options = std::make_shared<PlanOptions>();
    auto json = std::make_shared<bool>(false);
    auto cluster = std::make_shared<std::vector<std::string>>();
    auto *command =
        app.add_subcommand("plan", "Rank split configurations from stored timings (Scission, "
                                   "ScissionTL)");
    options->addTo(*command);
    command->add_flag("--json", *json, "print one JSON document");
    command
        ->add_option("--cluster", *cluster,
                     "SOURCE,DEVICE,...: rank the source alone, Scission and the cluster of these "
                     "devices (strip timings from cleave-cli cluster)")
        ->delimiter(',');
    command->callback([options, json, cluster, &exitCode] {
        exitCode =
            cluster->empty() ? run(*options, *json) : printDeployments(*options, *cluster, *json);
    });
}

} // namespace cleave::cli
