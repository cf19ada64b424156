// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli plan --db FILE --model MODEL [--tiers ...] [--link PRESET | --bandwidth-mbps B
//                 --latency-ms L] [--tl SPEC|none] [--codec C] [constraints] [--top N]
//                 [--max-accuracy-drop PP] [--pareto] [--no-return]
//                 [--granularity block|node] [--min-cut] [--cluster SOURCE,DEVICE,...] [--json]
#include "app/cli/commands.h"
#include "app/cli/deployments.h"
#include "app/cli/output.h"
#include "app/cli/planoptions.h"
#include "app/cli/problems.h"

#include "core/error.h"
#include "core/plan/fromstore.h"
#include "core/plan/partition.h"
#include "core/plan/planjson.h"
#include "core/store/storedmodels.h"
#include "core/zoo/zoo.h"

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

/// plan --min-cut: the model opened for its data flow (which block reads which tensor), priced
/// with the Scission costs of the plan's device and edge.
plan::PartitionComparison comparePartitions(store::Store &db, const PlanOptions &options,
                                            const plan::Planner &planner,
                                            const plan::PlanRequest &request)
{
    if (request.tiers.size() != 2)
        throw Error(ErrorKind::InvalidInput,
                    "--min-cut: compares device and edge plans only (--tiers device,edge)");
    const auto granularity = options.timingsGranularity();
    const auto records = store::storedModels(db, options.model, granularity);
    const auto record = std::find_if(records.begin(), records.end(),
                                     [&](const auto &r) { return r.blocks == planner.blocks(); });
    const auto input = record == records.end() ? std::optional<graph::Shape>()
                                               : std::optional<graph::Shape>(record->inputShape);
    const graph::CutOptions cutting{granularity,
                                    std::max(graph::CutOptions{}.maxCuts, planner.blocks() + 1)};
    const auto model = [&] {
        try {
            return zoo::openModel(options.model, input, 0, graph::ModelGraph::Original::Drop,
                                  cutting);
        } catch (const Error &e) {
            throw Error(e.kind(),
                        std::string("--min-cut reads the model's data flow: ") + e.what());
        }
    }();
    if (model.blockCount() != planner.blocks())
        throw Error(ErrorKind::InvalidInput,
                    "--min-cut: " + options.model + " has " + std::to_string(model.blockCount()) +
                        " blocks here and " + std::to_string(planner.blocks()) +
                        " in its timings (give --granularity as benchmarked)");
    const auto series = planner.series(request);
    return plan::comparePartitions(model.dataFlow(), plan::partitionCosts(series, request.link));
}

void printPartitions(const plan::PartitionComparison &c)
{
    const auto describe = [](const plan::Partition &p) {
        const auto blocks = std::count(p.onDevice.begin(), p.onDevice.end(), true);
        return ms(p.total_s) + " ms, " + std::to_string(p.tensors) +
               (p.tensors == 1 ? " tensor" : " tensors") + " sent (" + megabytes(p.rawBytes) +
               " MB before the codec), " + std::to_string(blocks) + " of " +
               std::to_string(p.onDevice.size()) + " blocks on the device";
    };
    std::cout << "over every partition (minimum s-t cut, Scission costs): " << describe(c.best)
              << (c.best.sameAsSplit >= 0
                      ? "; the same blocks as split " + std::to_string(c.best.sameAsSplit)
                      : "; not a split of the order")
              << '\n'
              << "the order's best split at the same costs: split " << c.bestSplit.sameAsSplit
              << ", " << describe(c.bestSplit) << '\n';
}

int run(const PlanOptions &options, bool json, bool minCut)
{
    options.requireStore();
    store::Store db(options.db, store::Store::readingAccess(options.db));
    const auto planner = plan::plannerFromStore(db, options.model, options.timingsGranularity());
    const auto request = options.request(planner);
    const auto result = planner.plan(request);
    const bool threeTiers = request.tiers.size() == 3;
    const auto partitions =
        minCut ? std::optional(comparePartitions(db, options, planner, request)) : std::nullopt;

    if (json) {
        auto doc = plan::planJson(options.model, request, result, planner.cutTensors());
        if (partitions)
            doc["min_cut"] = plan::partitionsJson(*partitions);
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
    if (partitions)
        printPartitions(*partitions);
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
    auto minCut = std::make_shared<bool>(false);
    auto *command =
        app.add_subcommand("plan", "Rank split configurations from stored timings (Scission, "
                                   "ScissionTL)");
    options->addTo(*command);
    command->add_flag("--json", *json, "print one JSON document");
    command->add_flag("--min-cut", *minCut,
                      "also find the best device-edge partition over every set of blocks the "
                      "device may run (minimum s-t cut; reads the model's data flow)");
    command
        ->add_option("--cluster", *cluster,
                     "SOURCE,DEVICE,...: rank the source alone, Scission and the cluster of these "
                     "devices (strip timings from cleave-cli cluster)")
        ->delimiter(',');
    command->callback([options, json, cluster, minCut, &exitCode] {
        exitCode = cluster->empty() ? run(*options, *json, *minCut)
                                    : printDeployments(*options, *cluster, *json);
    });
}

} // namespace cleave::cli
