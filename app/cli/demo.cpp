// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli demo [--db FILE] [-o REPORT]
// The embedded default (`make run`): the Demo model benchmarked on local agents with the device
// emulated at a small CPU share, the papers' four contenders planned under the privacy
// constraint, the chosen one offloaded once against its prediction, and the report drawn.
// Timings already in the store for the same settings are reused; where control groups cannot
// be written, the device runs unthrottled and is planned as a what-if, said as such.
#include "app/cli/commands.h"
#include "app/cli/comparison.h"
#include "app/cli/output.h"
#include "app/cli/report.h"

#include "core/demo.h"
#include "core/error.h"
#include "core/plan/fromstore.h"
#include "core/resourcelimits.h"
#include "core/store/store.h"
#include "remote/client/benchsession.h"
#include "remote/client/headlinerun.h"
#include "remote/client/localagents.h"
#include "remote/controlgroup.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace cleave::cli {

namespace {

struct DemoOptions
{
    std::string db = "cleave-demo.cleave";
    std::string report = "cleave-demo-report.png";
};

// The device's limits in the demo: none when it cannot be emulated.
remote::LocalLimits limitsFor(const Demo &demo, bool emulated)
{
    remote::LocalLimits limits;
    if (emulated)
        limits.device.cpuCores = demo.deviceCpu;
    return limits;
}

// The device and the edge the store has complete timings of, for the demo's model with its TL
// and codecs, as the demo runs them now: the device emulated or not. Empty when there are none.
std::vector<std::string> storedMachines(const std::string &path, const Demo &demo, bool emulated)
{
    if (!std::filesystem::exists(path))
        return {};
    try {
        store::Store db(path, store::Store::readingAccess(path));
        const auto planner = plan::plannerFromStore(db, demo.model);
        const auto tls = planner.tlSpecs();
        const auto codecs = planner.codecs();
        if (std::find(tls.begin(), tls.end(), demo.tl) == tls.end())
            return {};
        for (const auto &c : demo.codecs)
            if (std::find(codecs.begin(), codecs.end(), c) == codecs.end())
                return {};
        const auto suffix = resourceName("", limitsFor(demo, emulated).device);
        const auto limited = [](const std::string &name) {
            return name.find(" (emulated: ") != std::string::npos;
        };
        std::string device, edge, anyEdge;
        for (const auto &r : planner.resources()) {
            if (r.tier == plan::Tier::Device && emulated && r.name.size() > suffix.size() &&
                r.name.compare(r.name.size() - suffix.size(), suffix.size(), suffix) == 0)
                device = r.name;
            if (r.tier == plan::Tier::Device && !emulated && !limited(r.name))
                device = r.name;
            // An emulated device's edge is limited to the other cores (not on a one-core machine).
            if (r.tier == plan::Tier::Edge && limited(r.name) == emulated)
                edge = r.name;
            if (r.tier == plan::Tier::Edge)
                anyEdge = r.name;
        }
        if (!device.empty())
            return {device, edge.empty() ? anyEdge : edge};
    } catch (const Error &) {
    }
    return {};
}

// Benchmarks the demo on local agents (continuing a run an interrupted demo left).
void bench(const DemoOptions &options, const Demo &demo, remote::LocalAgents &agents)
{
    remote::BenchSettings settings;
    settings.model = demo.model;
    settings.warmup = demo.warmup;
    settings.reps = demo.reps;
    settings.codecs = demo.codecs;
    settings.tlSpecs = {demo.tl};
    settings.resume = true;
    store::Store db(options.db);
    remote::BenchSession session(std::move(settings),
                                 {{"device", agents.device().address(), agents.access()},
                                  {"edge", agents.edge().address(), agents.access()}});
    std::unique_ptr<ProgressLine> progress;
    remote::BenchSession::Observer observer;
    observer.progress = [&](const std::string &role, double fraction) {
        if (!progress)
            progress = std::make_unique<ProgressLine>("bench " + role);
        progress->show(fraction, {});
    };
    observer.log = [&](const std::string &, const std::string &) { progress.reset(); };
    for (const auto &r : session.run(db, observer))
        std::cout << "  " << r.role << ' ' << r.resource << ": whole model "
                  << fixed(r.wholeModel_s * 1e3, 1) << " ms"
                  << (r.resumed ? " (the run an interrupted demo left, continued)" : "") << '\n';
}

// The chosen contender offloaded once, set against its prediction.
void measureChosen(const Demo &demo, const plan::Headline &h, const plan::PlanRequest &request,
                   remote::LocalAgents &agents)
{
    const auto &best = *h.fastest();
    plan::Headline chosen;
    chosen.rows = {best};
    remote::HeadlineRunRequest run;
    run.base.model = demo.model;
    run.base.settings.link = request.link;
    run.base.settings.runs = demo.measuredRuns;
    run.base.device = agents.device().address();
    run.base.edge = agents.edge().address();
    run.base.deviceAccess = run.base.edgeAccess = agents.access();
    run.rounds = 1;
    ProgressLine progress("offload");
    const auto runs = remote::runHeadline(
        chosen, run, [&](double f, const std::string &m) { progress.show(f, m); });
    const double measured = runs.front().median_s();
    const double predicted = best.config.total_s;
    std::cout << "offloaded " << plan::contenderName(best.contender) << " (split " << best.config.s1
              << (best.config.tl.empty() ? "" : ", " + best.config.tl) << ", " << best.codec
              << "), " << demo.measuredRuns << " runs: " << fixed(measured * 1e3, 1)
              << " ms measured, " << fixed(predicted * 1e3, 1) << " ms predicted ("
              << fixed((measured / predicted - 1) * 100, 1) << " %)\n";
}

// The workbench opens the project on the demo's plan with `best` selected: the project's
// settings, under the keys the plan view saves (app/gui/planview.cpp, PlanView::settings).
void selectInWorkbench(const std::string &path, const Demo &demo, const plan::HeadlineRow &best,
                       bool whatIf)
{
    store::Store db(path);
    db.setSetting("model", demo.model);
    const nlohmann::json plan{{"preset", demo.link},
                              {"mode", 0}, // the first of the plan view's modes: ScissionTL
                              {"minSplit", demo.minSplit},
                              {"codec", best.codec},
                              {"split", best.config.s1},
                              {"tl", best.config.tl},
                              {"deviceSlowdown", whatIf ? demo.whatIfSlowdown : 1.0}};
    db.setSetting("plan", plan.dump());
}

int run(const DemoOptions &options)
{
    checkReportOutput(options.report);
    const Demo demo;
    std::cout << "Demo: " << demo.model << " on a device emulated at " << demo.deviceCpu
              << " core beside an unthrottled edge, link " << demo.link << ", the raw input "
              << "kept on the device (split " << demo.minSplit << " or later)" << std::endl;
    const auto why = remote::ControlGroup::whyNoCpuLimit();
    const bool emulated = why.empty();
    if (!emulated)
        std::cout << "note: the device cannot be emulated here (" << why
                  << "): it runs unthrottled, and the plan below is a what-if of a device "
                  << fixed(demo.whatIfSlowdown, 0) << " times slower, predicted only\n";
    std::unique_ptr<remote::LocalAgents> agents;
    auto machines = storedMachines(options.db, demo, emulated);
    if (!machines.empty()) {
        std::cout << "reusing the timings in " << options.db << " (delete it to measure again)\n";
    } else {
        agents = std::make_unique<remote::LocalAgents>(std::string(), limitsFor(demo, emulated));
        std::cout << "benchmarking on the local agents into " << options.db << std::endl;
        bench(options, demo, *agents);
        machines = storedMachines(options.db, demo, emulated);
        if (machines.empty())
            throw Error(ErrorKind::Internal, options.db + ": the benchmark left no timings");
    }

    store::Store db(options.db, store::Store::readingAccess(options.db));
    const auto planner = plan::plannerFromStore(db, demo.model);
    auto request = demo.request(planner, !emulated, machines);
    const auto h = plan::headline(planner, request);
    printComparison(std::cout, demo.model, request, h, {}, 0);
    const auto *best = h.fastest();
    if (!best)
        throw Error(ErrorKind::Internal, demo.model + ": nothing to plan");
    if (emulated) {
        if (!agents)
            agents = std::make_unique<remote::LocalAgents>(std::string(), limitsFor(demo, true));
        measureChosen(demo, h, request, *agents);
    }
    selectInWorkbench(options.db, demo, *best, !emulated);
    request.codec = best->codec;
    std::cout << drawReport(db, demo.model, planner, request, options.report,
                            plots::LatencyStackPlot::Show::Both);
    std::cout << "open it in the workbench: cleave " << options.db << '\n';
    return 0;
}

} // namespace

void addDemoCommand(CLI::App &app, int &exitCode)
{
    auto options = std::make_shared<DemoOptions>();
    auto *command = app.add_subcommand(
        "demo", "The embedded default: a slow device beside a fast edge, the device alone, "
                "Scission, ScissionTL and a codec compared, one split offloaded, the report");
    command->add_option("--db", options->db,
                        "the project to measure into, or whose timings to reuse (default "
                        "cleave-demo.cleave)");
    command->add_option("-o,--output", options->report,
                        "the report, .png, .pdf or .svg (default cleave-demo-report.png)");
    command->callback([options, &exitCode] { exitCode = run(*options); });
}

} // namespace cleave::cli
