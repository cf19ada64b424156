// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli zoo list [--json] | zoo export NAME -o FILE.pt [--seed N] [--input ...]
#include "app/cli/commands.h"
#include "app/cli/output.h"

#include "core/zoo/zoo.h"

#include <charconv>
#include <iostream>

namespace cleave::cli {

namespace {

struct ListOptions
{
    bool json = false;
};

struct ExportOptions
{
    std::string name;
    std::string output;
    uint64_t seed = 0;
    std::string input;
};

void list(const ListOptions &options)
{
    const bool terminal = progressToTerminal();
    nlohmann::json models = nlohmann::json::array();
    Table table({{"name", Table::Left},
                 {"parameters", Table::Right},
                 {"input", Table::Left},
                 {"blocks", Table::Right},
                 {"description", Table::Left}});
    for (const auto &model : zoo::models()) {
        if (terminal)
            std::cerr << "\ranalysing " << model.name << "...          " << std::flush;
        const auto g = zoo::openModel("zoo:" + model.name);
        models.push_back({{"name", model.name},
                          {"description", model.description},
                          {"parameters", g.parameterCount()},
                          {"input_shape", model.defaultInput},
                          {"min_side", model.minSide},
                          {"blocks", g.blockCount()}});
        table.addRow({model.name, withThousands(g.parameterCount()),
                      graph::formatShape(model.defaultInput), std::to_string(g.blockCount()),
                      model.description});
    }
    if (terminal)
        std::cerr << '\r' << std::string(50, ' ') << '\r';
    if (options.json)
        std::cout << nlohmann::json{{"models", models}}.dump(2) << '\n';
    else
        table.print(std::cout);
}

void exportModel(const ExportOptions &options)
{
    const auto &model = zoo::find(options.name);
    ModelOptions shape;
    shape.input = options.input;
    const auto input = shape.inputShape().value_or(model.defaultInput);
    graph::saveModule(zoo::build(model.name, options.seed, input), options.output, input);
    std::cerr << "wrote " << options.output << " (" << model.name << ", seed " << options.seed
              << ", input " << graph::formatShape(input) << ")\n";
}

} // namespace

void addZooCommand(CLI::App &app, int &exitCode)
{
    auto *zoo = app.add_subcommand("zoo", "The built-in model zoo (seeded random weights)");
    zoo->require_subcommand(1);

    auto listOptions = std::make_shared<ListOptions>();
    auto *listCommand = zoo->add_subcommand("list", "List the zoo's models with their blocks");
    listCommand->add_flag("--json", listOptions->json, "print one JSON document");
    listCommand->callback([listOptions, &exitCode] {
        list(*listOptions);
        exitCode = 0;
    });

    auto exportOptions = std::make_shared<ExportOptions>();
    auto *exportCommand = zoo->add_subcommand("export", "Write a zoo model as a TorchScript file");
    exportCommand->add_option("NAME", exportOptions->name, "zoo model name")->required();
    exportCommand->add_option("-o,--output", exportOptions->output, "output .pt file")->required();
    exportCommand->add_option("--seed", exportOptions->seed, "weight seed (default 0)")
        ->check(CLI::Validator(
            [](std::string &text) {
                // Checked as text: CLI11 would wrap "-1" into a huge unsigned number.
                uint64_t value = 0;
                const auto end = text.data() + text.size();
                const auto [ptr, ec] = std::from_chars(text.data(), end, value);
                return ec == std::errc() && ptr == end && !text.empty()
                           ? std::string()
                           : "must be a whole number from 0 to 18446744073709551615";
            },
            "SEED"));
    exportCommand->add_option("--input", exportOptions->input,
                              "input shape to check and record (default: the model's)");
    exportCommand->callback([exportOptions, &exitCode] {
        exportModel(*exportOptions);
        exitCode = 0;
    });
}

} // namespace cleave::cli
