// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli inspect MODEL [--input 1x3x224x224] [--json]
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
    const nlohmann::json doc{{"model", g.name()},
                             {"input_shape", g.inputShape()},
                             {"output_shape", g.outputShape()},
                             {"parameters", g.parameterCount()},
                             {"nodes", g.nodeCount()},
                             {"blocks", g.blockCount()},
                             {"cuts", cuts}};
    std::cout << doc.dump(2) << '\n';
}

void printTable(const graph::ModelGraph &g)
{
    std::cout << "model       " << g.name() << '\n'
              << "input       " << graph::formatShape(g.inputShape()) << '\n'
              << "output      " << graph::formatShape(g.outputShape()) << '\n'
              << "parameters  " << withThousands(g.parameterCount()) << '\n'
              << "nodes       " << g.nodeCount() << '\n'
              << "blocks      " << g.blockCount() << "  (splits 0.." << g.blockCount() << ")\n\n";
    Table table({{"split", Table::Right},
                 {"label", Table::Left},
                 {"op", Table::Left},
                 {"shape", Table::Left},
                 {"dtype", Table::Left},
                 {"MB", Table::Right}});
    for (const auto &cut : g.cuts())
        table.addRow({std::to_string(cut.index), cut.label, cut.op, graph::formatShape(cut.shape),
                      cut.dtype, megabytes(cut.bytes)});
    table.print(std::cout);
}

} // namespace

void addInspectCommand(CLI::App &app, int &exitCode)
{
    auto options = std::make_shared<InspectOptions>();
    auto *command = app.add_subcommand("inspect", "List the model's split points (cuts)");
    options->model.addTo(*command);
    command->add_flag("--json", options->json, "print one JSON document");
    command->callback([options, &exitCode] {
        const auto g = options->model.open();
        options->json ? printJson(g) : printTable(g);
        exitCode = 0;
    });
}

} // namespace cleave::cli
