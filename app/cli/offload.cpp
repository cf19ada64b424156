// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli offload MODEL --split S|all [--tl SPEC] [--codec C] (--local | --device ADDR
//                    --edge ADDR) [--link PRESET|none | --bandwidth-mbps B --latency-ms L]
//                    [--runs N] [--warmup W] [--rounds R] [--seed N] [--db FILE] [--json]
// Runs the split for real: the head on the device agent, the tail on the edge agent, through the
// emulated link; measures every component and sets it beside the planner's prediction.
#include "app/cli/commands.h"
#include "app/cli/output.h"
#include "app/cli/planoptions.h"

#include "core/bench/statistics.h"
#include "core/error.h"
#include "remote/client/offloadsession.h"

#include <algorithm>
#include <cmath>
#include <iostream>

namespace cleave::cli {

namespace {

// The splits of --split: one index or several, comma-separated ("2,45,102"); they run
// round-robin like all of them.
// How far each agent has drifted since its benchmark (OffloadOutcome::drift).
nlohmann::json driftJson(const std::vector<remote::AgentDrift> &drift)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto &d : drift)
        list.push_back({{"role", d.role},
                        {"resource", d.resource},
                        {"benchmarked_at", d.benchmarkedAt},
                        {"stored_whole_model_s", d.stored_s},
                        {"before_s", d.before_s},
                        {"after_s", d.after_s},
                        {"drift_percent", d.percent()},
                        {"stale", d.stale()}});
    return list;
}

namespace v1 = cleave::agent::v1;

struct OffloadOptions
{
    ModelOptions model;
    std::string split;
    std::string tl;
    std::string codec = "fp32";
    bool local = false;
    std::string device;
    std::string edge;
    std::string link;
    std::optional<double> bandwidthMbps;
    std::optional<double> downlinkMbps;
    std::optional<double> latencyMs;
    int runs = 10;
    int warmup = 2;
    int rounds = 1;
    uint64_t seed = 0;
    double deadline_s = 60;
    std::string db;
    bool json = false;
    bool recalibrate = false;
    remote::AgentAccess access;
    remote::LocalLimits limits;
};

// The measured components, in the planner's part order (core/plan/costs.h).
constexpr std::array<plan::Part, 8> kComponents{
    plan::Part::Device,      plan::Part::DeviceTl, plan::Part::Serialise, plan::Part::Uplink,
    plan::Part::Deserialise, plan::Part::EdgeTl,   plan::Part::Edge,      plan::Part::Return};

std::array<double, 8> componentsOf(const v1::InferenceTiming &t)
{
    return {t.device_compute_s(), t.device_tl_s(), t.encode_s(),       t.uplink_s(),
            t.edge_decode_s(),    t.edge_tl_s(),   t.edge_compute_s(), t.return_s()};
}

double medianOf(std::vector<double> values)
{
    return bench::summarise(std::move(values)).median_s;
}

nlohmann::json componentJson(const std::vector<v1::InferenceTiming> &runs)
{
    nlohmann::json parts = nlohmann::json::object();
    for (size_t c = 0; c < kComponents.size(); ++c) {
        std::vector<double> values;
        for (const auto &t : runs)
            values.push_back(componentsOf(t)[c]);
        const auto s = bench::summarise(values);
        parts[plan::partName(kComponents[c])] = {{"mean_s", s.mean_s}, {"median_s", s.median_s}};
    }
    return parts;
}

int run(const OffloadOptions &options)
{
    if (!options.local && (options.device.empty() || options.edge.empty()))
        throw Error(ErrorKind::InvalidInput,
                    "offload: give --local, or --device ADDR and --edge ADDR");
    if (options.runs < 1 || options.warmup < 0 || options.rounds < 1)
        throw Error(ErrorKind::InvalidInput,
                    "offload: --runs and --rounds must be 1 or more, --warmup 0 or more");
    if (!(options.deadline_s > 0))
        throw Error(ErrorKind::InvalidInput, "offload: --deadline-s must be positive");
    remote::OffloadSettings settings;
    settings.codec = codec::Codec::parse(options.codec);
    if (!options.tl.empty() && options.tl != "none")
        settings.tl = tl::TlSpec::parse(options.tl);
    const bool unshaped = options.link == "none";
    if (unshaped) {
        if (options.bandwidthMbps || options.latencyMs)
            throw Error(ErrorKind::InvalidInput,
                        "--link none and --bandwidth-mbps exclude each other");
        settings.link.name = "unshaped";
    } else {
        settings.link =
            networkProfile(options.link, options.bandwidthMbps, options.latencyMs,
                           options.downlinkMbps, "--link", "--bandwidth-mbps", "5g-peak");
    }
    settings.runs = options.runs;
    settings.warmup = options.warmup;
    settings.seed = options.seed;
    settings.deadline_s = options.deadline_s;
    remote::OffloadRequest request;
    request.model = options.model.model;
    request.input = options.model.inputShape();
    request.cutting = options.model.cutting();
    request.settings = settings;
    request.rounds = options.rounds;
    request.recalibrate = options.recalibrate;
    request.unshaped = unshaped;
    if (!options.local) {
        request.device = options.device;
        request.edge = options.edge;
    }
    request.db = options.db;
    request.splitOption = "--split";
    request.deviceAccess = request.edgeAccess = options.access;
    request.localLimits = options.limits;
    if (options.split != "all")
        request.splits = splitList(options.split, "--split", options.model.model);
    remote::OffloadSession session(std::move(request));
    ProgressLine progress("offload");
    remote::OffloadSession::Observer observer;
    observer.progress = [&](int split, int, int, double fraction, const std::string &message) {
        progress.show(fraction, "split " + std::to_string(split) + ": " + message);
    };
    auto outcome = session.run(observer);
    if (options.db.empty())
        outcome.notes = {"no prediction: give --db with timings from cleave-cli bench"};
    const auto &results = outcome.splits;
    const auto &notes = outcome.notes;
    const auto &deviceAddress = outcome.device;
    const auto &edgeAddress = outcome.edge;

    std::vector<double> errors, recalibratedErrors;
    for (const auto &r : results) {
        if (r.predicted)
            errors.push_back(std::abs(r.errorPercent()));
        if (r.recalibrated)
            recalibratedErrors.push_back(std::abs(r.recalibratedErrorPercent()));
    }
    if (options.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto &r : results) {
            std::vector<double> totals;
            for (const auto &t : r.measured.runs)
                totals.push_back(t.total_s());
            const auto total = bench::summarise(totals);
            nlohmann::json predicted = nullptr;
            if (r.predicted) {
                nlohmann::json parts = nlohmann::json::object();
                for (int p = 0; p < plan::kPartCount; ++p)
                    parts[plan::partName(plan::Part(p))] = (*r.predicted)[size_t(p)];
                predicted = {{"total_s", plan::sum(*r.predicted)}, {"parts", parts}};
            }
            list.push_back(
                {{"split", r.measured.split},
                 {"tl", r.measured.tl},
                 {"runs", r.measured.runs.size()},
                 {"upload_bytes",
                  r.measured.runs.empty() ? 0 : r.measured.runs.front().upload_bytes()},
                 {"measured", componentJson(r.measured.runs)},
                 {"total", {{"mean_s", total.mean_s}, {"median_s", total.median_s}}},
                 {"predicted", predicted},
                 {"error_percent", r.predicted ? nlohmann::json(r.errorPercent()) : nullptr},
                 {"recalibrated_predicted_s",
                  r.recalibrated ? nlohmann::json(plan::sum(*r.recalibrated)) : nullptr},
                 {"recalibrated_error_percent",
                  r.recalibrated ? nlohmann::json(r.recalibratedErrorPercent()) : nullptr}});
        }
        nlohmann::json summary = nullptr;
        if (!errors.empty())
            summary = {
                {"median_abs_error_percent", medianOf(errors)},
                {"worst_abs_error_percent", *std::max_element(errors.begin(), errors.end())}};
        if (!recalibratedErrors.empty()) {
            summary["recalibrated_median_abs_error_percent"] = medianOf(recalibratedErrors);
            summary["recalibrated_worst_abs_error_percent"] =
                *std::max_element(recalibratedErrors.begin(), recalibratedErrors.end());
        }
        std::cout << nlohmann::json{{"model", options.model.model},
                                    {"link",
                                     {{"name", settings.link.name},
                                      {"uplink_bps", settings.link.uplink_bps},
                                      {"downlink_bps", settings.link.downlink_bps},
                                      {"latency_s", settings.link.latency_s}}},
                                    {"codec", settings.codec.name()},
                                    {"device", deviceAddress},
                                    {"edge", edgeAddress},
                                    {"splits", list},
                                    {"summary", summary},
                                    {"drift", driftJson(outcome.drift)},
                                    {"notes", notes}}
                         .dump(2)
                  << '\n';
        return 0;
    }
    Table table({{"split", Table::Right},
                 {"tl", Table::Left},
                 {"upload MB", Table::Right},
                 {"device ms", Table::Right},
                 {"uplink ms", Table::Right},
                 {"edge ms", Table::Right},
                 {"measured ms", Table::Right},
                 {"predicted ms", Table::Right},
                 {"error %", Table::Right}});
    for (const auto &r : results) {
        std::vector<double> totals, dev, up, edg;
        for (const auto &t : r.measured.runs) {
            totals.push_back(t.total_s());
            dev.push_back(t.device_compute_s() + t.device_tl_s());
            up.push_back(t.uplink_s());
            edg.push_back(t.edge_tl_s() + t.edge_compute_s());
        }
        table.addRow(
            {std::to_string(r.measured.split), r.measured.tl.empty() ? "-" : r.measured.tl,
             megabytes(r.measured.runs.empty() ? 0 : r.measured.runs.front().upload_bytes()),
             fixed(medianOf(dev) * 1e3, 2), fixed(medianOf(up) * 1e3, 2),
             fixed(medianOf(edg) * 1e3, 2), fixed(medianOf(totals) * 1e3, 2),
             r.predicted ? fixed(plan::sum(*r.predicted) * 1e3, 2) : "-",
             r.predicted ? fixed(r.errorPercent(), 1) : "-"});
    }
    std::cout << options.model.model << " on " << settings.link.describe() << ", codec "
              << settings.codec.name() << ", medians of " << options.runs * options.rounds
              << " runs\n";
    table.print(std::cout);
    if (!errors.empty())
        std::cout << "prediction error: median " << fixed(medianOf(errors), 1) << " %, worst "
                  << fixed(*std::max_element(errors.begin(), errors.end()), 1) << " %\n";
    if (!recalibratedErrors.empty())
        std::cout << "recalibrated prediction error: median "
                  << fixed(medianOf(recalibratedErrors), 1) << " %, worst "
                  << fixed(*std::max_element(recalibratedErrors.begin(), recalibratedErrors.end()),
                           1)
                  << " %\n";
    for (const auto &d : outcome.drift)
        std::cout << "drift: " << d.role << ' ' << d.resource << ": whole model "
                  << fixed(d.stored_s * 1e3, 2) << " ms when benchmarked ("
                  << d.benchmarkedAt.substr(0, 10) << "), " << fixed(d.before_s * 1e3, 2)
                  << " ms before and " << fixed(d.after_s * 1e3, 2) << " ms after ("
                  << (d.percent() >= 0 ? "+" : "") << fixed(d.percent(), 1) << " %)\n";
    for (const auto &n : notes)
        std::cout << "note: " << n << '\n';
    return 0;
}

} // namespace

void addOffloadCommand(CLI::App &app, int &exitCode)
{
    auto options = std::make_shared<OffloadOptions>();
    auto *command = app.add_subcommand(
        "offload", "Run a split for real on the device and edge agents and measure it");
    options->model.addTo(*command);
    options->model.addCuttingTo(*command);
    command
        ->add_option("--split", options->split,
                     "the split index, several (2,5: run round-robin), or all")
        ->required();
    command->add_option("--tl", options->tl, "Transfer Layer where it applies (default none)");
    command->add_option("--codec", options->codec, "wire codec (default fp32)");
    auto *local =
        command->add_flag("--local", options->local, "start a device and an edge agent here");
    auto *device = command->add_option("--device", options->device, "device agent HOST:PORT");
    auto *edge = command->add_option("--edge", options->edge, "edge agent HOST:PORT");
    local->excludes(device)->excludes(edge);
    addLocalLimitOptions(*command, local, options->limits);
    command->add_option("--link", options->link,
                        "emulated link preset: " + plan::NetworkProfile::presetNames() +
                            ", or none (unshaped)");
    command->add_option("--bandwidth-mbps", options->bandwidthMbps, "custom link: uplink Mbit/s");
    command->add_option("--downlink-mbps", options->downlinkMbps,
                        "custom link: downlink (default: up)");
    command->add_option("--latency-ms", options->latencyMs, "custom link: one-way latency in ms");
    command->add_option("--runs", options->runs, "timed inferences per split (default 10)");
    command->add_option("--warmup", options->warmup, "untimed inferences first (default 2)");
    command->add_flag("--recalibrate", options->recalibrate,
                      "also predict with the stored block times scaled by each agent's drift "
                      "since its benchmark (reported beside the raw prediction)");
    command->add_option("--rounds", options->rounds,
                        "run the splits round-robin this many times, pooling each split's runs "
                        "(default 1)");
    command->add_option("--seed", options->seed, "seed of zoo weights and inputs (default 0)");
    command->add_option("--deadline-s", options->deadline_s,
                        "longest one inference may take (default 60)");
    command->add_option("--db", options->db,
                        "store the measurements here and predict from its timings");
    command->add_flag("--json", options->json, "print one JSON document");
    addAccessOptions(*command, options->access);
    command->callback([options, &exitCode] { exitCode = run(*options); });
}

} // namespace cleave::cli
