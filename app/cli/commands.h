// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/modelgraph.h"
#include "core/graph/shape.h"
#include "remote/client/agentaccess.h"
#include "remote/client/localagents.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace cleave::cli {

/// What every command that reads a model takes: MODEL and --input.
struct ModelOptions
{
    std::string model;
    std::string input; ///< "1x3x224x224", empty for the model's own default
    std::string granularity = "block";
    int maxCuts = graph::CutOptions{}.maxCuts;

    void addTo(CLI::App &command);
    /// --granularity and --max-cuts, for the commands that take cuts of several tensors.
    void addCuttingTo(CLI::App &command);
    std::optional<graph::Shape> inputShape() const;
    graph::CutOptions cutting() const;
    /// Opens MODEL: a TorchScript file or zoo:NAME.
    graph::ModelGraph open() const;
};

/// --token-file and --tls-ca/--tls-cert/--tls-key: how the commands that talk to agents reach
/// secured ones (the same files for every agent of the command).
void addAccessOptions(CLI::App &command, remote::AgentAccess &access);

/// --device-cpu, --device-memory-mib and --edge-cpu: limits for the agents --local starts
/// (each needs --local), so that the device emulates a slower machine.
void addLocalLimitOptions(CLI::App &command, CLI::Option *local, remote::LocalLimits &limits);

/// Each command registers its subcommand and returns the exit code when it runs.
void addInspectCommand(CLI::App &app, int &exitCode);
void addVerifyCommand(CLI::App &app, int &exitCode);
void addZooCommand(CLI::App &app, int &exitCode);
void addBenchCommand(CLI::App &app, int &exitCode);
void addPlanCommand(CLI::App &app, int &exitCode);
void addReportCommand(CLI::App &app, int &exitCode);
void addExportCommand(CLI::App &app, int &exitCode);
void addTrainCommand(CLI::App &app, int &exitCode);
void addOffloadCommand(CLI::App &app, int &exitCode);
void addCompareCommand(CLI::App &app, int &exitCode);
void addDemoCommand(CLI::App &app, int &exitCode);
void addClusterCommand(CLI::App &app, int &exitCode);
void addAccuracyCommand(CLI::App &app, int &exitCode);

} // namespace cleave::cli
