// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli verify MODEL [--input ...] [--granularity block|node]: every cut,
// tail(*head(x)) == model(x).
#include "app/cli/commands.h"
#include "app/cli/output.h"
#include "remote/clichecks.h"

#include "core/graph/verifier.h"

#include <cstdio>
#include <iostream>

namespace cleave::cli {

namespace {

struct VerifyOptions
{
    ModelOptions model;
    double tolerance = 1e-4;
    bool json = false;
};

std::string scientific(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3e", value);
    return text;
}

int run(const VerifyOptions &options)
{
    const auto g = options.model.open();
    const bool terminal = progressToTerminal();
    const auto progress = [terminal](double fraction, std::string_view message) {
        if (terminal)
            std::cerr << "\rverifying " << message << " (" << int(fraction * 100) << "%)   "
                      << std::flush;
        return true;
    };
    const auto report = graph::verifySplits(g, options.tolerance, 0, progress);
    if (terminal)
        std::cerr << '\r' << std::string(40, ' ') << '\r';

    if (options.json) {
        nlohmann::json splits = nlohmann::json::array();
        for (const auto &c : report.splits)
            splits.push_back({{"split", c.split},
                              {"max_abs_diff", c.maxAbsDiff},
                              {"relative_diff", c.relativeDiff},
                              {"ok", c.relativeDiff <= report.tolerance}});
        std::cout << nlohmann::json{{"model", g.name()},
                                    {"tolerance", report.tolerance},
                                    {"output_magnitude", report.outputMagnitude},
                                    {"passed", report.passed()},
                                    {"splits", splits}}
                         .dump(2)
                  << '\n';
    } else {
        Table table({{"split", Table::Right},
                     {"label", Table::Left},
                     {"max |diff|", Table::Right},
                     {"relative", Table::Right},
                     {"", Table::Left}});
        for (const auto &c : report.splits)
            table.addRow({std::to_string(c.split), g.cuts()[size_t(c.split)].label,
                          scientific(c.maxAbsDiff), scientific(c.relativeDiff),
                          c.relativeDiff <= report.tolerance ? "ok" : "MISMATCH"});
        table.print(std::cout);
        std::cout << (report.passed() ? "passed" : "FAILED") << ": " << report.splits.size()
                  << " splits, tolerance " << scientific(report.tolerance)
                  << " of max |output| = " << scientific(report.outputMagnitude) << '\n';
    }
    return report.passed() ? 0 : 1;
}

} // namespace

void addVerifyCommand(CLI::App &app, int &exitCode)
{
    auto options = std::make_shared<VerifyOptions>();
    auto *command =
        app.add_subcommand("verify", "Split at every cut and check tail(head(x)) == model(x)");
    options->model.addTo(*command);
    options->model.addCuttingTo(*command);
    command
        ->add_option("--tolerance", options->tolerance,
                     "largest difference allowed, relative to max |output|")
        ->check(remote::numberAbove(0));
    command->add_flag("--json", options->json, "print one JSON document");
    command->callback([options, &exitCode] { exitCode = run(*options); });
}

} // namespace cleave::cli
