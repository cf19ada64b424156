// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli: the command-line face of Cleave. The contract (commands, flags, exit codes, JSON
// fields) is documented in ARCHITECTURE.md and scripts depend on it.
#include "app/cli/commands.h"
#include "app/cli/planoptions.h"
#include "app/cli/problems.h"
#include "remote/clichecks.h"

#include "core/error.h"
#include "core/graph/modelcheck.h"
#include "core/zoo/zoo.h"
#include "remote/versions.h"

#include <QtGlobal>

#include <iostream>

namespace cleave::cli {

void ModelOptions::addTo(CLI::App &command)
{
    command.add_option("MODEL", model, "TorchScript file (.pt) or zoo:NAME")->required();
    command.add_option("--input", input, "input shape, e.g. 1x3x224x224 (default: the model's)");
}

void ModelOptions::addCuttingTo(CLI::App &command)
{
    command.add_option("--granularity", granularity,
                       "where cuts may lie: " + granularityList() +
                           " (block: one tensor crosses; node: every node boundary, with "
                           "every tensor that crosses it; default block)");
    command
        .add_option("--max-cuts", maxCuts,
                    "refuse a model with more cuts than this at node granularity (default " +
                        std::to_string(maxCuts) + ")")
        ->check(remote::wholeNumberFrom(2));
}

graph::CutOptions ModelOptions::cutting() const
{
    return {granularityOption(granularity), maxCuts};
}

void addAccessOptions(CLI::App &command, remote::AgentAccess &access)
{
    auto *group = command.add_option_group("Secured agents");
    group->add_option("--token-file", access.tokenFile,
                      "the token the agents require (agents started with --token-file)");
    group->add_option("--tls-ca", access.tlsCaFile,
                      "PEM roots that sign the agents' certificates, for https:// addresses "
                      "(default: the system's)");
    auto *cert = group->add_option("--tls-cert", access.tlsCertFile,
                                   "client certificate (PEM), for agents started with --tls-ca");
    auto *key = group->add_option("--tls-key", access.tlsKeyFile, "the key of --tls-cert (PEM)");
    cert->needs(key);
    key->needs(cert);
}

void addLocalLimitOptions(CLI::App &command, CLI::Option *local, remote::LocalLimits &limits)
{
    auto *group = command.add_option_group(
        "Emulated devices", "limits the kernel enforces on the --local agents (needs root or a "
                            "delegated control group)");
    // CLI11 fills plain values; the limits are optional ones, set after parsing.
    auto *deviceCpu = group->add_option_function<double>(
        "--device-cpu", [&limits](double share) { limits.device.cpuCores = share; },
        "share of one core for the device agent, e.g. 0.1");
    auto *deviceMemory = group->add_option_function<int64_t>(
        "--device-memory-mib", [&limits](int64_t mib) { limits.device.memoryBytes = mib << 20; },
        "memory ceiling of the device agent, MiB");
    auto *edgeCpu = group->add_option_function<double>(
        "--edge-cpu", [&limits](double share) { limits.edge.cpuCores = share; },
        "share of one core for the edge agent");
    deviceCpu->check(remote::numberAbove(0));
    edgeCpu->check(remote::numberAbove(0));
    deviceMemory->check(remote::wholeNumberFrom(1));
    for (auto *option : {deviceCpu, deviceMemory, edgeCpu})
        option->needs(local);
}

std::optional<graph::Shape> ModelOptions::inputShape() const
{
    if (input.empty())
        return std::nullopt;
    try {
        return graph::parseShape(input);
    } catch (const Error &e) {
        throw Error(e.kind(), std::string("--input ") + e.what());
    }
}

graph::ModelGraph ModelOptions::open() const
{
    try {
        auto graph =
            zoo::openModel(model, inputShape(), 0, graph::ModelGraph::Original::Keep, cutting());
        if (graph.inputShapeAssumed())
            std::cerr << "note: " << model << " stores no input shape: assumed "
                      << graph::formatShape(graph.inputShape()) << " (--input chooses another)\n";
        return graph;
    } catch (const graph::InputRejected &e) {
        if (!e.assumed())
            throw;
        throw Error(e.kind(), std::string(e.what()) + ": give --input");
    } catch (const graph::TooManyCuts &e) {
        throw Error(e.kind(),
                    std::string(e.what()) + " (use --granularity block, or raise --max-cuts)");
    }
}

} // namespace cleave::cli

namespace {

// Exit codes of the CLI contract.
constexpr int kExitFailure = 1;
constexpr int kExitBadInput = 2;

int fail(int code, const std::string &message)
{
    std::cerr << "error: " << message << '\n';
    return code;
}

std::string versionText()
{
    return cleave::remote::versionText("cleave-cli", qVersion());
}

} // namespace

int main(int argc, char **argv)
{
    // The child side of the model check (core/graph/modelcheck.h); not for users.
    if (argc == 3 && std::string_view(argv[1]) == "--check-model")
        return cleave::graph::checkModelHere(argv[2]);
    // A crafted model file crashes LibTorch's reader: read each first in a child.
    cleave::graph::setModelChecker(cleave::graph::currentExecutable());
    CLI::App app{"Cleave: plan split DNN inference between device, edge and cloud.", "cleave-cli"};
    app.set_version_flag("--version", versionText());
    app.require_subcommand(1);
    app.failure_message(
        [](const CLI::App *, const CLI::Error &e) { return std::string(e.what()); });

    int exitCode = 0;
    cleave::cli::addInspectCommand(app, exitCode);
    cleave::cli::addVerifyCommand(app, exitCode);
    cleave::cli::addZooCommand(app, exitCode);
    cleave::cli::addBenchCommand(app, exitCode);
    cleave::cli::addPlanCommand(app, exitCode);
    cleave::cli::addReportCommand(app, exitCode);
    cleave::cli::addTrainCommand(app, exitCode);
    cleave::cli::addExportCommand(app, exitCode);
    cleave::cli::addOffloadCommand(app, exitCode);
    cleave::cli::addCompareCommand(app, exitCode);
    cleave::cli::addDemoCommand(app, exitCode);
    cleave::cli::addClusterCommand(app, exitCode);
    cleave::cli::addAccuracyCommand(app, exitCode);

    // CLI11 takes an unknown word for a missing command ("A subcommand is required").
    if (argc > 1 && argv[1][0] != '-') {
        std::string names;
        bool known = false;
        for (const auto *command : app.get_subcommands({})) {
            known = known || command->get_name() == argv[1];
            names += (names.empty() ? "" : ", ") + command->get_name();
        }
        if (!known)
            return fail(kExitBadInput, std::string(argv[1]) +
                                           ": not a cleave-cli command (the commands: " + names +
                                           ")");
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp &e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp &e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion &) {
        std::cout << versionText() << '\n';
        return 0;
    } catch (const CLI::ParseError &e) {
        return fail(kExitBadInput, e.what());
    } catch (const cleave::plan::PlanError &e) {
        return fail(kExitBadInput, cleave::cli::cliText(e.problem()));
    } catch (const cleave::Error &e) {
        const bool badInput =
            e.kind() == cleave::ErrorKind::InvalidInput || e.kind() == cleave::ErrorKind::NotFound;
        return fail(badInput ? kExitBadInput : kExitFailure, e.what());
    } catch (const std::exception &e) {
        return fail(kExitFailure, cleave::oneLineReason(e.what()));
    }
    return exitCode;
}
