// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli bench MODEL (--local | --device ADDR --edge ADDR [--cloud ADDR]) --db FILE
//                  [--warmup W] [--reps R] [--seed N] [--input SHAPE] [--resume] [--json]
#include "app/cli/commands.h"
#include "app/cli/output.h"

#include "core/error.h"
#include "core/store/store.h"
#include "remote/client/benchsession.h"
#include "remote/client/localagents.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace cleave::cli {

namespace {

struct BenchOptions
{
    ModelOptions model;
    bool local = false;
    std::string device;
    std::string edge;
    std::string cloud;
    std::string db;
    int warmup = 3;
    int reps = 20;
    uint64_t seed = 0;
    std::vector<std::string> codecs;
    std::vector<std::string> tlSpecs;
    bool resume = false;
    bool json = false;
    remote::AgentAccess access;
    remote::LocalLimits limits;
};

int measure(const BenchOptions &options, remote::BenchSettings settings);

/// Where the Transfer Layers and codecs were measured, and a warning for a TL that applies
/// nowhere in the model (plans cannot use it).
void printWhereMeasured(const remote::AgentBenchResult &result, const std::string &model)
{
    const auto cuts = std::to_string(result.blocks + 1);
    std::string line;
    for (const auto *measured : {&result.tlCuts, &result.codecCuts})
        for (const auto &[name, count] : *measured)
            line += (line.empty() ? "" : ", ") + name + " at " + std::to_string(count) + " of " +
                    cuts + " cuts";
    if (!line.empty())
        std::cout << "measured: " << line << '\n';
    for (const auto &[spec, count] : result.tlCuts)
        if (count == 0)
            std::cerr << "warning: the Transfer Layer " << spec << " applies at no cut of " << model
                      << " (it needs a 4-D cut with height and width above 1): plans cannot "
                         "use it\n";
}

/// Removes a store this run created when nothing was recorded in it: a failed first run leaves
/// no file (named after a typo, perhaps) behind.
void removeIfUnused(const std::string &path)
{
    try {
        if (!store::Store(path).models().empty())
            return;
    } catch (const Error &) {
        return;
    }
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(path + suffix);
}

int run(const BenchOptions &options)
{
    if (!options.local && (options.device.empty() || options.edge.empty()))
        throw Error(ErrorKind::InvalidInput,
                    "bench: give --local, or --device ADDR and --edge ADDR");
    if (options.warmup < 0 || options.reps < 1)
        throw Error(ErrorKind::InvalidInput, "bench: --warmup must be 0 or more, --reps 1 or more");
    remote::BenchSettings settings;
    settings.model = options.model.model;
    settings.input = options.model.inputShape();
    settings.cutting = options.model.cutting();
    settings.seed = options.seed;
    settings.warmup = options.warmup;
    settings.reps = options.reps;
    settings.codecs = options.codecs;
    settings.tlSpecs = options.tlSpecs;
    settings.resume = options.resume;
    settings.validate();
    std::error_code ec;
    const bool storeExisted = std::filesystem::exists(options.db, ec);
    try {
        return measure(options, std::move(settings));
    } catch (...) {
        if (!storeExisted)
            removeIfUnused(options.db);
        throw;
    }
}

int measure(const BenchOptions &options, remote::BenchSettings settings)
{
    store::Store db(options.db);

    std::unique_ptr<remote::LocalAgents> local;
    std::vector<remote::BenchTarget> agents;
    if (options.local) {
        local = std::make_unique<remote::LocalAgents>(options.access.tokenFile, options.limits);
        agents = {{"device", local->device().address(), local->access()},
                  {"edge", local->edge().address(), local->access()}};
    } else {
        agents = {{"device", options.device}, {"edge", options.edge}};
        if (!options.cloud.empty())
            agents.push_back({"cloud", options.cloud});
        for (auto &agent : agents)
            agent.access = options.access;
    }
    const auto started = std::chrono::steady_clock::now();
    remote::BenchSession session(std::move(settings), std::move(agents));
    std::unique_ptr<ProgressLine> progress;
    remote::BenchSession::Observer observer;
    observer.progress = [&](const std::string &role, double fraction) {
        if (!progress)
            progress = std::make_unique<ProgressLine>(role);
        progress->show(fraction, {});
    };
    observer.log = [&](const std::string &, const std::string &) {
        progress.reset(); // a finished agent's line ends; the next agent starts its own
    };
    std::vector<remote::AgentBenchResult> summaries;
    try {
        summaries = session.run(db, observer);
    } catch (const Error &e) {
        progress.reset();
        if (!session.interrupted())
            throw;
        throw Error(e.kind(), std::string(e.what()) + ": continue it with --resume");
    }
    progress.reset();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    if (options.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto &s : summaries)
            list.push_back({{"role", s.role},
                            {"address", s.address},
                            {"resource", s.resource},
                            {"run_id", s.runId},
                            {"resumed", s.resumed},
                            {"blocks", s.blocks},
                            {"sum_of_block_medians_s", s.sumOfBlockMedians_s},
                            {"whole_model_median_s", s.wholeModel_s},
                            {"additivity_error_percent", s.additivityErrorPercent()},
                            {"tl_cuts", s.tlCuts},
                            {"codec_cuts", s.codecCuts},
                            {"wall_s", s.wall_s}});
        std::cout << nlohmann::json{{"model", options.model.model},
                                    {"db", options.db},
                                    {"warmup", options.warmup},
                                    {"reps", options.reps},
                                    {"wall_s", wall},
                                    {"resources", list}}
                         .dump(2)
                  << '\n';
        return 0;
    }
    if (local) // what they are: threads (every core, for the edge) and token
        std::cout << local->device().startLine() << '\n' << local->edge().startLine() << '\n';
    Table table({{"role", Table::Left},
                 {"resource", Table::Left},
                 {"run", Table::Right},
                 {"blocks", Table::Right},
                 {"sum of block medians ms", Table::Right},
                 {"whole model ms", Table::Right},
                 {"additivity %", Table::Right},
                 {"wall s", Table::Right}});
    for (const auto &s : summaries)
        table.addRow({s.role, s.resource, std::to_string(s.runId), std::to_string(s.blocks),
                      fixed(s.sumOfBlockMedians_s * 1e3, 2), fixed(s.wholeModel_s * 1e3, 2),
                      fixed(s.additivityErrorPercent(), 1), fixed(s.wall_s, 1)});
    table.print(std::cout);
    printWhereMeasured(summaries.front(), options.model.model);
    std::cout << "saved to " << options.db << " (" << fixed(wall, 1) << " s)\n";
    return 0;
}

} // namespace

void addBenchCommand(CLI::App &app, int &exitCode)
{
    auto options = std::make_shared<BenchOptions>();
    auto *command = app.add_subcommand("bench", "Time every block on the device and edge agents");
    options->model.addTo(*command);
    options->model.addCuttingTo(*command);
    auto *local =
        command->add_flag("--local", options->local, "start a device and an edge agent here");
    auto *device = command->add_option("--device", options->device, "device agent HOST:PORT");
    auto *edge = command->add_option("--edge", options->edge, "edge agent HOST:PORT");
    auto *cloud = command->add_option("--cloud", options->cloud, "cloud agent HOST:PORT");
    local->excludes(device)->excludes(edge)->excludes(cloud);
    addLocalLimitOptions(*command, local, options->limits);
    command->add_option("--db", options->db, "the store (SQLite file; created if missing)")
        ->required();
    command->add_option("--warmup", options->warmup, "untimed runs per block (default 3)");
    command->add_option("--reps", options->reps, "timed runs per block (default 20)");
    command->add_option("--seed", options->seed, "seed of zoo weights and inputs (default 0)");
    command
        ->add_option("--codec", options->codecs, "wire codecs to time at every cut (default fp32)")
        ->delimiter(',');
    command->add_option("--tl", options->tlSpecs, "Transfer Layers to time at every cut")
        ->delimiter(',');
    command->add_flag("--resume", options->resume, "continue the newest incomplete run");
    addAccessOptions(*command, options->access);
    command->add_flag("--json", options->json, "print one JSON document");
    command->callback([options, &exitCode] {
        // The planner costs (de)serialising at every cut: fp32 unless other codecs are asked.
        if (options->codecs.empty())
            options->codecs = {"fp32"};
        exitCode = run(*options);
    });
}

} // namespace cleave::cli
