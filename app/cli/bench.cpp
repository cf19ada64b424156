// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli bench MODEL (--local | --device ADDR --edge ADDR [--cloud ADDR]) --db FILE
//                  [--warmup W] [--reps R] [--seed N] [--input SHAPE] [--resume] [--json]
#include "app/cli/commands.h"
#include "app/cli/output.h"

#include "core/codec/codec.h"
#include "core/error.h"
#include "core/store/store.h"
#include "core/tl/spec.h"
#include "core/zoo/zoo.h"
#include "remote/client/agentclient.h"
#include "remote/client/localagents.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>

namespace cleave::cli {

namespace {

namespace v1 = cleave::agent::v1;

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
};

/// What one agent's run produced, for the summary.
struct AgentSummary
{
    std::string role;
    std::string address;
    std::string resource;
    int64_t runId = 0;
    int blocks = 0;
    double sumOfBlockMedians_s = 0;
    double wholeModel_s = 0;
    double wall_s = 0;
    bool resumed = false;
};

/// An agent that answered and holds the model, before anything is measured.
struct Prepared
{
    std::string role;
    std::string address;
    v1::AgentInfo info;
    v1::LoadModelReply loaded;
};

Prepared prepare(const BenchOptions &options, const std::string &role, const std::string &address)
{
    remote::AgentClient client(address);
    Prepared p{role, address, client.info(), {}};
    const auto input = options.model.inputShape();
    const auto zooName = zoo::zooName(options.model.model);
    p.loaded = zooName ? client.loadZoo(*zooName, options.seed, input)
                       : client.loadFile(options.model.model, input);
    return p;
}

AgentSummary benchOne(const BenchOptions &options, store::Store &db, const Prepared &prepared)
{
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    const auto &role = prepared.role;
    const auto &address = prepared.address;
    const auto &info = prepared.info;
    const auto &loaded = prepared.loaded;
    remote::AgentClient client(address);

    const auto resource = remote::resourceOf(info, role);
    const auto resourceId = db.addResource(resource);

    store::ModelRecord model;
    model.sha256 = loaded.model_id();
    model.name = options.model.model;
    model.inputShape.assign(loaded.input_shape().begin(), loaded.input_shape().end());
    model.blocks = loaded.blocks();
    model.parameters = loaded.parameters();
    const auto modelId = db.addModel(model);

    AgentSummary summary;
    summary.role = role;
    summary.address = address;
    summary.resource = resource.name;
    summary.blocks = loaded.blocks();

    // Resuming continues after the blocks already committed, in order from block 0.
    int first = 0;
    const auto incomplete = options.resume ? db.incompleteRun(modelId, resourceId) : std::nullopt;
    if (incomplete) {
        summary.runId = incomplete->id;
        summary.resumed = true;
        for (const auto &b : db.timings(incomplete->id).blocks) {
            if (b.block != first)
                break;
            ++first;
        }
    } else {
        summary.runId = db.beginRun(
            modelId, resourceId, {options.warmup, options.reps, options.tlSpecs, options.codecs});
    }

    v1::BenchmarkRequest request;
    request.set_model_id(loaded.model_id());
    request.set_warmup(options.warmup);
    request.set_reps(options.reps);
    request.set_seed(options.seed);
    request.set_first_block(first);
    for (const auto &c : options.codecs)
        request.add_codecs(c);
    for (const auto &t : options.tlSpecs)
        request.add_tl_specs(t);
    int current = first;
    ProgressLine progress(role);
    try {
        client.benchmark(request, [&](const v1::BenchmarkEvent &event) {
            if (event.has_progress()) {
                progress.show(event.progress().fraction(), "block " + std::to_string(current) +
                                                               "/" +
                                                               std::to_string(summary.blocks));
            } else if (event.has_block()) {
                const auto &b = event.block();
                db.addBlockTiming(summary.runId, {b.block(), b.time().median_s(), b.time().mean_s(),
                                                  b.time().p5_s(), b.time().p95_s(),
                                                  b.time().stddev_s(), b.output_bytes()});
                current = b.block() + 1;
            } else if (event.has_cut()) {
                const auto &c = event.cut();
                db.addCodecCost(summary.runId,
                                {c.cut(), c.codec(), c.encoded_bytes(), c.serialise().median_s(),
                                 c.deserialise().median_s()});
            } else if (event.has_tl()) {
                const auto &t = event.tl();
                db.addTlCost(summary.runId, {t.cut(), t.spec(), t.device_tl().median_s(),
                                             t.edge_tl().median_s(), t.output_bytes()});
            } else if (event.has_whole_model()) {
                db.finishRun(summary.runId, event.whole_model().time().median_s());
            }
        });
    } catch (const Error &e) {
        throw Error(e.kind(),
                    role + " agent " + e.what() + " (at block " + std::to_string(current) + " of " +
                        options.model.model + "; run " + std::to_string(summary.runId) + " keeps " +
                        std::to_string(current) + " of " + std::to_string(summary.blocks) +
                        " blocks: continue it with --resume)");
    }
    const auto timings = db.timings(summary.runId);
    for (const auto &b : timings.blocks)
        summary.sumOfBlockMedians_s += b.median_s;
    summary.wholeModel_s = timings.run.wholeModel_s.value_or(0);
    summary.wall_s = std::chrono::duration<double>(Clock::now() - started).count();
    return summary;
}

double additivityErrorPercent(const AgentSummary &s)
{
    return s.wholeModel_s > 0 ? (s.sumOfBlockMedians_s - s.wholeModel_s) / s.wholeModel_s * 100
                              : 0.0;
}

int run(const BenchOptions &options)
{
    if (!options.local && (options.device.empty() || options.edge.empty()))
        throw Error(ErrorKind::InvalidInput,
                    "bench: give --local, or --device ADDR and --edge ADDR");
    if (options.warmup < 0 || options.reps < 1)
        throw Error(ErrorKind::InvalidInput, "bench: --warmup must be 0 or more, --reps 1 or more");
    if (!zoo::zooName(options.model.model) && !std::filesystem::exists(options.model.model))
        throw Error(ErrorKind::NotFound, options.model.model + ": no such file");
    for (const auto &c : options.codecs)
        codec::Codec::parse(c); // refuse unknown names before starting anything
    for (const auto &t : options.tlSpecs)
        tl::TlSpec::parse(t);
    store::Store db(options.db);

    std::unique_ptr<remote::LocalAgents> local;
    std::vector<std::pair<std::string, std::string>> agents;
    if (options.local) {
        local = std::make_unique<remote::LocalAgents>();
        agents = {{"device", local->device().address()}, {"edge", local->edge().address()}};
    } else {
        agents = {{"device", options.device}, {"edge", options.edge}};
        if (!options.cloud.empty())
            agents.emplace_back("cloud", options.cloud);
    }
    // Loading (and analysing) the model may run on every agent at once; measuring may not: on
    // one machine, two measurements would skew each other.
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::future<Prepared>> loading;
    for (const auto &[role, address] : agents)
        loading.push_back(
            std::async(std::launch::async, prepare, std::cref(options), role, address));
    std::vector<Prepared> prepared;
    for (auto &f : loading)
        prepared.push_back(f.get());
    std::vector<AgentSummary> summaries;
    for (const auto &p : prepared)
        summaries.push_back(benchOne(options, db, p));
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
                            {"additivity_error_percent", additivityErrorPercent(s)},
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
                      fixed(additivityErrorPercent(s), 1), fixed(s.wall_s, 1)});
    table.print(std::cout);
    std::cout << "saved to " << options.db << " (" << fixed(wall, 1) << " s)\n";
    return 0;
}

} // namespace

void addBenchCommand(CLI::App &app, int &exitCode)
{
    auto options = std::make_shared<BenchOptions>();
    auto *command = app.add_subcommand("bench", "Time every block on the device and edge agents");
    options->model.addTo(*command);
    auto *local =
        command->add_flag("--local", options->local, "start a device and an edge agent here");
    auto *device = command->add_option("--device", options->device, "device agent HOST:PORT");
    auto *edge = command->add_option("--edge", options->edge, "edge agent HOST:PORT");
    auto *cloud = command->add_option("--cloud", options->cloud, "cloud agent HOST:PORT");
    local->excludes(device)->excludes(edge)->excludes(cloud);
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
    command->add_flag("--json", options->json, "print one JSON document");
    command->callback([options, &exitCode] {
        // The planner costs (de)serialising at every cut: fp32 unless other codecs are asked.
        if (options->codecs.empty())
            options->codecs = {"fp32"};
        exitCode = run(*options);
    });
}

} // namespace cleave::cli
