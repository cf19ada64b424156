// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli compare --db FILE --model MODEL [--link PRESET] [--tl SPEC] [constraints]
//                    [--local [--device-cpu F] | --device ADDR --edge ADDR] [--runs N]
//                    [--rounds R] [--json]
// The papers' comparison in one table: the device alone, Scission's best split, ScissionTL's
// best and ScissionTL's best with the fastest codec measured, predicted from the store and,
// with agents, measured through the Offloader in interleaved rounds, with the speed-ups.
#include "app/cli/commands.h"
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

using plan::Contender;

std::string ms(double seconds)
{
    return fixed(seconds * 1e3, 1);
}

std::string times(double ratio)
{
    return fixed(ratio, 2) + "x";
}

// The speed-ups the papers quote: the TL over Scission, the TL with a codec over Scission, and
// the best of the TL rows over the device alone.
struct Ratio
{
    const char *key;
    const char *text;
    Contender slower;
    Contender faster;
};

std::vector<Ratio> ratios(const plan::Headline &h)
{
    const auto best = [&] {
        const auto *tl = h.row(Contender::ScissionTl);
        const auto *codec = h.row(Contender::WithCodec);
        if (codec && (!tl || codec->config.total_s < tl->config.total_s))
            return Contender::WithCodec;
        return tl ? Contender::ScissionTl : Contender::Scission;
    }();
    return {
        {"scissiontl_over_scission", "ScissionTL over Scission", Contender::Scission,
         Contender::ScissionTl},
        {"codec_over_scission", "ScissionTL + codec over Scission", Contender::Scission,
         Contender::WithCodec},
        {"best_over_device", "the best split over the device alone", Contender::DeviceAlone, best}};
}

// How many times faster `r.faster` ran than `r.slower`, from their measured medians.
std::optional<double> measuredRatio(const std::vector<remote::ContenderRuns> &runs, const Ratio &r)
{
    const auto find = [&](Contender c) {
        return std::find_if(runs.begin(), runs.end(),
                            [c](const remote::ContenderRuns &x) { return x.contender == c; });
    };
    const auto a = find(r.slower);
    const auto b = find(r.faster);
    if (a == runs.end() || b == runs.end() || b->median_s() <= 0)
        return std::nullopt;
    return a->median_s() / b->median_s();
}

void printTable(const CompareOptions &options, const plan::PlanRequest &request,
                const plan::Headline &h, const std::vector<remote::ContenderRuns> &runs)
{
    std::cout << options.plan.model << ", link " << request.link.describe();
    if (request.constraints.minSplit)
        std::cout << ", privacy: split " << *request.constraints.minSplit << " or later";
    std::cout << '\n';
    std::vector<std::pair<std::string, Table::Align>> columns{
        {"", Table::Left},      {"split", Table::Right},     {"tl", Table::Left},
        {"codec", Table::Left}, {"upload MB", Table::Right}, {"predicted ms", Table::Right}};
    if (!runs.empty()) {
        columns.push_back({"measured ms", Table::Right});
        columns.push_back({"rounds ms", Table::Right});
    }
    Table table(columns);
    for (size_t i = 0; i < h.rows.size(); ++i) {
        const auto &row = h.rows[i];
        const bool alone = row.contender == Contender::DeviceAlone;
        std::vector<std::string> cells{
            plan::contenderName(row.contender),          std::to_string(row.config.s1),
            row.config.tl.empty() ? "-" : row.config.tl, alone ? "-" : row.codec,
            megabytes(row.config.uploadBytes),           ms(row.config.total_s)};
        if (!runs.empty()) {
            const auto &r = runs[i];
            const auto [lo, hi] =
                std::minmax_element(r.roundMedians_s.begin(), r.roundMedians_s.end());
            cells.push_back(ms(r.median_s()));
            cells.push_back(ms(*lo) + "-" + ms(*hi));
        }
        table.addRow(cells);
    }
    table.print(std::cout);
    for (const auto &r : ratios(h)) {
        const auto predicted = h.speedUp(r.slower, r.faster);
        if (!predicted)
            continue;
        std::cout << r.text << ": " << times(*predicted) << " predicted";
        if (const auto measured = measuredRatio(runs, r))
            std::cout << ", " << times(*measured) << " measured";
        std::cout << '\n';
    }
    if (!runs.empty())
        std::cout << "measured: the median of " << runs.front().totals_s.size()
                  << " inferences each, in " << options.rounds
                  << " interleaved rounds (rounds ms: the least and the most round median)\n";
    for (const auto &note : h.notes)
        std::cout << "note: " << note << '\n';
}

nlohmann::json toJson(const CompareOptions &options, const plan::PlanRequest &request,
                      const plan::Headline &h, const std::vector<remote::ContenderRuns> &runs)
{
    nlohmann::json rows = nlohmann::json::array();
    for (size_t i = 0; i < h.rows.size(); ++i) {
        const auto &row = h.rows[i];
        nlohmann::json parts = nlohmann::json::object();
        for (int p = 0; p < plan::kPartCount; ++p)
            parts[plan::partName(plan::Part(p))] = row.config.parts[size_t(p)];
        nlohmann::json entry{{"contender", plan::contenderKey(row.contender)},
                             {"name", plan::contenderName(row.contender)},
                             {"split", row.config.s1},
                             {"tl", row.config.tl.empty() ? nlohmann::json() : nlohmann::json(row.config.tl)},
                             {"codec", row.codec},
                             {"upload_bytes", row.config.uploadBytes},
                             {"predicted_s", row.config.total_s},
                             {"parts", parts}};
        if (!runs.empty())
            entry["measured"] = {{"median_s", runs[i].median_s()},
                                 {"runs_s", runs[i].totals_s},
                                 {"round_medians_s", runs[i].roundMedians_s}};
        rows.push_back(entry);
    }
    nlohmann::json speedUps = nlohmann::json::object();
    for (const auto &r : ratios(h))
        if (const auto predicted = h.speedUp(r.slower, r.faster)) {
            speedUps[r.key] = {{"predicted", *predicted}};
            if (const auto measured = measuredRatio(runs, r))
                speedUps[r.key]["measured"] = *measured;
        }
    return {{"model", options.plan.model},
            {"link", request.link.name},
            {"min_split", request.constraints.minSplit
                              ? nlohmann::json(*request.constraints.minSplit)
                              : nlohmann::json()},
            {"contenders", rows},
            {"speed_ups", speedUps},
            {"notes", h.notes}};
}

remote::HeadlineRunRequest runRequest(const CompareOptions &options,
                                      const plan::PlanRequest &request)
{
    remote::HeadlineRunRequest r;
    auto &base = r.base;
    base.model = options.plan.model;
    if (!options.input.empty())
        base.input = graph::parseShape(options.input);
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
    if (!std::filesystem::exists(options.plan.db))
        throw Error(ErrorKind::NotFound,
                    options.plan.db + ": no such file; create it with cleave-cli bench");
    store::Store db(options.plan.db, store::Store::readingAccess(options.plan.db));
    const auto planner = plan::plannerFromStore(db, options.plan.model);
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
        std::cout << toJson(options, request, h, runs).dump(2) << '\n';
    else
        printTable(options, request, h, runs);
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
