// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli compare --db FILE --model MODEL [--link PRESET] [--tl SPEC] [constraints]
//                    [--local [--device-cpu F] | --device ADDR --edge ADDR] [--runs N]
//                    [--rounds R] [--json]
// The papers' comparison in one table: the device alone, Scission's best split, ScissionTL's
// best and ScissionTL's best with the fastest codec measured, predicted from the store and,
// with agents, measured through the Offloader in interleaved rounds, with the speed-ups.
#include "app/cli/commands.h"
#include "app/cli/comparison.h"
#include "app/cli/output.h"
#include "app/cli/planoptions.h"

#include "core/bench/statistics.h"
#include "core/error.h"
#include "core/plan/fromstore.h"
#include "core/plan/headline.h"
#include "core/store/store.h"
#include "remote/client/headlinerun.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace cleave::cli {

namespace {

struct CompareOptions
{
    PlanOptions plan;
    std::string input;
    bool local = false;
    std::string device;
    std::string edge;
    int runs = 5;
    int warmup = 2;
    int rounds = 3;
    uint64_t seed = 0;
    bool json = false;
    remote::AgentAccess access;
    remote::LocalLimits limits;

    bool measure() const { return local || !device.empty() || !edge.empty(); }
};

remote::HeadlineRunRequest runRequest(const CompareOptions &options,
                                      const plan::PlanRequest &request)
{
    remote::HeadlineRunRequest r;
    auto &base = r.base;
    base.model = options.plan.model;
    if (!options.input.empty())
        base.input = graph::parseShape(options.input);
    base.cutting.granularity = options.plan.timingsGranularity();
    base.settings.link = request.link;
    base.settings.runs = options.runs;
    base.settings.warmup = options.warmup;
    base.settings.seed = options.seed;
    base.device = options.device;
    base.edge = options.edge;
    base.deviceAccess = base.edgeAccess = options.access;
    base.localLimits = options.limits;
    r.rounds = options.rounds;
    return r;
}

int run(const CompareOptions &options)
{
    if (options.plan.tl.size() == 1 && options.plan.tl.front() == "none")
        throw Error(ErrorKind::InvalidInput,
                    "--tl none: compare sets Scission beside ScissionTL; name TL specs or "
                    "leave --tl out for every one measured");
    if (!options.local && (options.device.empty() != options.edge.empty()))
        throw Error(ErrorKind::InvalidInput, "compare: give --local, or both --device ADDR and "
                                             "--edge ADDR (or neither: predictions only)");
    if (options.runs < 1 || options.warmup < 0 || options.rounds < 1)
        throw Error(ErrorKind::InvalidInput,
                    "compare: --runs and --rounds must be 1 or more, --warmup 0 or more");
    const auto granularity = options.plan.timingsGranularity();
    options.plan.requireStore();
    store::Store db(options.plan.db, store::Store::readingAccess(options.plan.db));
    const auto planner = plan::plannerFromStore(db, options.plan.model, granularity);
    const auto request = options.plan.request(planner);
    const auto h = plan::headline(planner, request);

    std::vector<remote::ContenderRuns> runs;
    if (options.measure()) {
        ProgressLine progress("compare");
        runs = remote::runHeadline(
            h, runRequest(options, request),
            [&](double fraction, const std::string &message) { progress.show(fraction, message); });
    }
    if (options.json)
        std::cout << comparisonJson(options.plan.model, request, h, runs).dump(2) << '\n';
    else
        printComparison(std::cout, options.plan.model, request, h, runs, options.rounds);
    return 0;
}

} // namespace

void addCompareCommand(CLI::App &app, int &exitCode)
{
    auto options = std::make_shared<CompareOptions>();
    auto *command = app.add_subcommand(
        "compare", "The device alone, Scission, ScissionTL and ScissionTL with the best codec: "
                   "predicted, and measured on agents, with the speed-ups");
    options->plan.addTo(*command);
    // Two tiers; each contender has its own codec; one best row each.
    for (const char *name : {"--tiers", "--cloud-link", "--cloud-bandwidth-mbps",
                             "--cloud-latency-ms", "--codec", "--top"})
        command->remove_option(command->get_option(name));
    command->add_option("--input", options->input,
                        "input shape as benchmarked, e.g. 1x3x224x224 (default: the model's)");
    auto *local = command->add_flag("--local", options->local,
                                    "measure too, on a device and an edge agent started here");
    auto *device = command->add_option("--device", options->device,
                                       "measure too, with this device agent HOST:PORT");
    auto *edge = command->add_option("--edge", options->edge, "edge agent HOST:PORT");
    local->excludes(device)->excludes(edge);
    addLocalLimitOptions(*command, local, options->limits);
    command->add_option("--runs", options->runs,
                        "timed inferences per contender and round (default 5)");
    command->add_option("--warmup", options->warmup, "untimed inferences first (default 2)");
    command->add_option("--rounds", options->rounds,
                        "run the contenders round-robin this many times (default 3)");
    command->add_option("--seed", options->seed, "seed of zoo weights and inputs (default 0)");
    command->add_flag("--json", options->json, "print one JSON document");
    addAccessOptions(*command, options->access);
    command->callback([options, &exitCode] { exitCode = run(*options); });
}

} // namespace cleave::cli
