// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli inspect MODEL [--input 1x3x224x224] [--granularity block|node] [--json]
#include "app/cli/commands.h"
#include "app/cli/output.h"

#include "core/graph/modelgraph.h"

#include <iostream>

namespace cleave::cli {

namespace {

struct InspectOptions
{
    ModelOptions model;
    bool json = false;
};

void printJson(const graph::ModelGraph &g)
{
    nlohmann::json cuts = nlohmann::json::array();
    for (const auto &cut : g.cuts())
        cuts.push_back(toJson(cut));
    nlohmann::json refused = nlohmann::json::array();
    for (const auto &r : g.refusedCuts())
        refused.push_back({{"block", r.block}, {"after", r.after}, {"crossing", r.crossing}});
    const nlohmann::json doc{{"model", g.name()},
                             {"input_shape", g.inputShape()},
                             {"output_shape", g.outputShape()},
                             {"parameters", g.parameterCount()},
                             {"nodes", g.nodeCount()},
                             {"granularity", graph::granularityName(g.granularity())},
                             {"blocks", g.blockCount()},
                             {"cuts", cuts},
                             {"refused", refused}};
    std::cout << doc.dump(2) << '\n';
}

// The node boundaries that are no cut, and what crosses them.
void printRefused(const graph::ModelGraph &g)
{
    const auto &refused = g.refusedCuts();
    if (refused.empty())
        return;
    std::cout << "\nnot cuts (something other than tensors crosses): " << refused.size() << '\n';
    Table table({{"in block", Table::Right}, {"after", Table::Left}, {"crossing", Table::Left}});
    for (const auto &r : refused)
        table.addRow({std::to_string(r.block), r.after, r.crossing});
    table.print(std::cout);
}

void printTable(const graph::ModelGraph &g)
{
    std::cout << "model       " << g.name() << '\n'
              << "input       " << graph::formatShape(g.inputShape()) << '\n'
              << "output      " << graph::formatShape(g.outputShape()) << '\n'
              << "parameters  " << withThousands(g.parameterCount()) << '\n'
              << "nodes       " << g.nodeCount() << '\n'
              << "granularity " << graph::granularityName(g.granularity()) << '\n'
              << "blocks      " << g.blockCount() << "  (splits 0.." << g.blockCount() << ")\n\n";
    Table table({{"split", Table::Right},
                 {"label", Table::Left},
                 {"op", Table::Left},
                 {"tensors", Table::Right},
                 {"shape", Table::Left},
                 {"dtype", Table::Left},
                 {"MB", Table::Right}});
    for (const auto &cut : g.cuts()) {
        if (cut.single()) {
            table.addRow({std::to_string(cut.index), cut.label, cut.op, "1",
                          graph::formatShape(cut.shape()), cut.dtype(), megabytes(cut.bytes)});
            continue;
        }
        // Several tensors: their sum, then each on a line of its own under it.
        table.addRow({std::to_string(cut.index), cut.label, cut.op,
                      std::to_string(cut.tensors.size()), "", "", megabytes(cut.bytes)});
        for (const auto &t : cut.tensors)
            table.addRow({"", "  " + t.label, t.op, "", graph::formatShape(t.shape), t.dtype,
                          megabytes(t.bytes)});
    }
    table.print(std::cout);
    printRefused(g);
}

} // namespace

void addInspectCommand(CLI::App &app, int &exitCode)
{
    auto options = std::make_shared<InspectOptions>();
    auto *command = app.add_subcommand("inspect", "List the model's split points (cuts)");
    options->model.addTo(*command);
    options->model.addCuttingTo(*command);
    command->add_flag("--json", options->json, "print one JSON document");
    command->callback([options, &exitCode] {
        const auto g = options->model.open();
        options->json ? printJson(g) : printTable(g);
        exitCode = 0;
    });
}

} // namespace cleave::cli
