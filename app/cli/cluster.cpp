// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli cluster MODEL (--local-devices F1,F2,... | --devices A,B,...) [--edge ADDR|local]
//                    [--segment 0:b|auto] [--link PRESET | --lan | --bandwidth-mbps B
//                    --latency-ms L] [--device-link ADDR=PRESET ...] [--devices-min N]
//                    [--devices-max N] [--exclude ADDR] [--max-link-bytes N] [--runs N]
//                    [--warmup W] [--no-adapt] [--db FILE] [--json]
// One inference spread over a cluster of devices (the EdgeDI case): the first blocks cut into
// horizontal strips sized to each device's measured speed, stitched on the aggregator, which
// runs the rest. Prints Cleave's plan beside EdgeDI's heuristic and the bound, then every
// inference as it happens, measured against predicted and against the fastest device alone.
#include "app/cli/commands.h"
#include "app/cli/output.h"
#include "app/cli/planoptions.h"

#include "core/bench/statistics.h"
#include "core/error.h"
#include "remote/client/clusterrun.h"
#include "remote/client/localagents.h"
#include "remote/cpupinning.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <sstream>

namespace cleave::cli {

namespace {

struct ClusterOptions
{
    ModelOptions model;
    std::string localDevices;
    std::string devices;
    std::string edge;
    std::string segment = "auto";
    std::string link;
    bool lan = false;
    std::optional<double> bandwidthMbps;
    std::optional<double> latencyMs;
    std::vector<std::string> deviceLinks;
    int devicesMin = 1;
    int devicesMax = 0;
    std::vector<std::string> exclude;
    std::optional<int64_t> maxLinkBytes;
    int runs = 10;
    int warmup = 2;
    int benchReps = 5;
    bool noAdapt = false;
    bool oneSegment = false;
    bool withEdgeDi = false;
    std::vector<std::string> throttle;
    double adaptThreshold = 10;
    uint64_t seed = 0;
    double deadline_s = 60;
    std::string db;
    bool json = false;
    remote::AgentAccess access;
};

std::vector<std::string> splitCommas(const std::string &text)
{
    std::vector<std::string> items;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        items.push_back(item);
    if (!text.empty() && text.back() == ',')
        items.emplace_back();
    return items;
}

// --local-devices 0.5,0.25,0.25: CPU shares of one core each, 0.1 (the least the kernel's
// quota allows in the agents' period) up to the cores this process may use.
std::vector<double> parseShares(const std::string &text)
{
    const int cores = int(remote::allowedCpus().size());
    std::vector<double> shares;
    for (const auto &item : splitCommas(text)) {
        std::size_t used = 0;
        double share = 0;
        try {
            share = std::stod(item, &used);
        } catch (const std::exception &) {
            used = 0;
        }
        if (item.empty() || used != item.size() || !std::isfinite(share))
            throw Error(ErrorKind::InvalidInput, "--local-devices " + text + ": '" + item +
                                                     "' is not a CPU share (e.g. 0.5,0.25)");
        if (share < 0.1 || share > double(cores))
            throw Error(ErrorKind::InvalidInput, "--local-devices " + text + ": " + item +
                                                     " is out of range: a share is 0.1 to " +
                                                     std::to_string(cores) + " (the cores here)");
        shares.push_back(share);
    }
    if (shares.empty())
        throw Error(ErrorKind::InvalidInput, "--local-devices: give one CPU share per device");
    return shares;
}

/// "--segment": auto, 0:END (one segment), or A:B,B:C,... (a chain of rounds from the input):
/// the ends, none for auto.
std::vector<int> segmentEnds(const std::string &text)
{
    if (text == "auto")
        return {};
    const auto bad = [&](const std::string &why) {
        return Error(ErrorKind::InvalidInput, "--segment " + text + ": " + why);
    };
    std::vector<int> ends;
    std::stringstream parts(text);
    for (std::string part; std::getline(parts, part, ',');) {
        const auto colon = part.find(':');
        int first = 0;
        int end = 0;
        try {
            std::size_t used = 0;
            first = std::stoi(part.substr(0, colon), &used);
            if (colon == std::string::npos || used != colon)
                throw std::invalid_argument("first");
            const auto rest = part.substr(colon + 1);
            end = std::stoi(rest, &used);
            if (used != rest.size())
                throw std::invalid_argument("end");
        } catch (const std::logic_error &) {
            throw bad("expected 0:END (blocks [0, END)), a chain 0:A,A:B,... or auto");
        }
        const int expected = ends.empty() ? 0 : ends.back();
        if (first != expected)
            throw bad(ends.empty()
                          ? "the strips start at the input (0:" + std::to_string(end) + ")"
                          : "round " + part + " does not start where the one before ends (" +
                                std::to_string(expected) + ")");
        ends.push_back(end);
    }
    if (ends.empty())
        throw bad("expected 0:END (blocks [0, END)), a chain 0:A,A:B,... or auto");
    return ends;
}

plan::NetworkProfile baseLink(const ClusterOptions &o)
{
    if (o.lan && (!o.link.empty() || o.bandwidthMbps || o.latencyMs))
        throw Error(ErrorKind::InvalidInput,
                    "--lan and --link/--bandwidth-mbps exclude each other");
    return networkProfile(o.lan ? "lan" : o.link, o.bandwidthMbps, o.latencyMs, std::nullopt,
                          "--link", "--bandwidth-mbps", "lan");
}

// --device-link ADDR=PRESET or ADDR=MBPS/MS: one device's own link.
std::map<std::string, plan::NetworkProfile> deviceLinks(const std::vector<std::string> &items)
{
    std::map<std::string, plan::NetworkProfile> links;
    for (const auto &item : items) {
        const auto eq = item.rfind('=');
        if (eq == std::string::npos || eq == 0)
            throw Error(ErrorKind::InvalidInput,
                        "--device-link " + item + ": expected ADDR=PRESET or ADDR=MBPS/MS");
        const auto address = item.substr(0, eq);
        const auto what = item.substr(eq + 1);
        const auto slash = what.find('/');
        try {
            links[address] = slash == std::string::npos
                                 ? plan::NetworkProfile::preset(what)
                                 : plan::NetworkProfile::custom(std::stod(what.substr(0, slash)),
                                                                std::stod(what.substr(slash + 1)));
        } catch (const std::logic_error &) {
            throw Error(ErrorKind::InvalidInput,
                        "--device-link " + item + ": expected ADDR=PRESET or ADDR=MBPS/MS");
        } catch (const Error &e) {
            throw Error(ErrorKind::InvalidInput, "--device-link " + item + ": " + e.what());
        }
    }
    return links;
}

// --throttle N=CORES@RUN: before inference RUN (from 1), device N (from 1) gets CORES.
struct Throttle
{
    size_t device = 0;
    double cores = 0;
    int run = 0;
};

std::vector<Throttle> throttles(const std::vector<std::string> &items, size_t devices)
{
    std::vector<Throttle> result;
    for (const auto &item : items) {
        Throttle t;
        char extra = 0;
        unsigned long device = 0;
        if (std::sscanf(item.c_str(), "%lu=%lf@%d%c", &device, &t.cores, &t.run, &extra) != 3 ||
            device < 1 || device > devices || !(t.cores > 0) || t.run < 1)
            throw Error(ErrorKind::InvalidInput,
                        "--throttle " + item + ": expected DEVICE=CORES@RUN, DEVICE 1 to " +
                            std::to_string(devices) + ", CORES above 0, RUN from 1");
        t.device = device - 1;
        result.push_back(t);
    }
    return result;
}

nlohmann::json shareJson(const store::ClusterShare &s)
{
    return {{"device", s.device},
            {"round", s.round},
            {"rows", {s.rowsBegin, s.rowsEnd}},
            {"received_s", s.received_s},
            {"compute_s", s.compute_s},
            {"finish_s", s.finish_s}};
}

nlohmann::json inferenceJson(const store::ClusterInference &i)
{
    nlohmann::json shares = nlohmann::json::array();
    for (const auto &s : i.shares)
        shares.push_back(shareJson(s));
    return {{"run", i.run},
            {"attempt", i.attempt},
            {"completed", i.completed},
            {"makespan_s", i.makespan_s},
            {"stitch_s", i.stitch_s},
            {"rest_s", i.rest_s},
            {"return_s", i.return_s},
            {"total_s", i.total_s},
            {"predicted_s", i.predicted_s},
            {"max_difference", i.maxDifference},
            {"shares", shares}};
}

nlohmann::json roundJson(const plan::ClusterPlan &p, const remote::ClusterRun &run)
{
    nlohmann::json shares = nlohmann::json::array();
    for (const auto &s : p.shares)
        shares.push_back({{"device", run.deviceNames()[size_t(s.device)]},
                          {"rows", {s.rows.begin, s.rows.end}},
                          {"input_rows", {s.input.begin, s.input.end}},
                          {"input_bytes", s.inputBytes},
                          {"output_bytes", s.outputBytes},
                          {"received_s", s.received_s},
                          {"computed_s", s.computed_s},
                          {"finish_s", s.finish_s}});
    return {{"first", p.first}, {"end", p.end}, {"makespan_s", p.makespan_s}, {"shares", shares}};
}

nlohmann::json planJson(const plan::ChainPlan &p, const remote::ClusterRun &run)
{
    nlohmann::json rounds = nlohmann::json::array();
    for (const auto &round : p.rounds)
        rounds.push_back(roundJson(round, run));
    return {{"segment_end", p.rounds.back().end},
            {"makespan_s", p.makespan_s()},
            {"rest_s", p.rest_s},
            {"return_s", p.rounds.back().return_s},
            {"total_s", p.total_s},
            {"rounds", rounds}};
}

/// Each round's rows per device: "14/5/6 + 5/5/5".
std::string rowsText(const plan::ChainPlan &p, size_t devices)
{
    std::string text;
    for (const auto &round : p.rounds)
        text += (text.empty() ? "" : " + ") + plan::rowsText(round.rowsByDevice(devices));
    return text;
}

/// "[0, 10) + [10, 17)": the blocks of each round.
std::string roundsText(const plan::ChainPlan &p)
{
    std::string text;
    for (const auto &round : p.rounds)
        text += (text.empty() ? "" : " + ") + std::string("[") + std::to_string(round.first) +
                ", " + std::to_string(round.end) + ")";
    return text;
}

double median(std::vector<double> values)
{
    return bench::summarise(std::move(values)).median_s;
}

struct Summary
{
    double measured_s = 0;
    double makespan_s = 0;
    double predicted_s = 0;
    double predictionError = 0; ///< median |measured - predicted| / predicted
    std::optional<double> aloneMakespan_s;
    std::optional<double> alone_s;
    std::optional<double> edgeDiMakespan_s;
    std::optional<double> edgeDiPredicted_s;
    double worstDifference = 0;
};

Summary summarise(const std::vector<remote::ClusterStep> &steps)
{
    Summary s;
    std::vector<double> totals, makespans, predicted, errors, alone, aloneTotals, edgeDi,
        edgeDiPredicted;
    for (const auto &step : steps) {
        const auto &i = step.inference;
        if (!i.completed)
            continue;
        totals.push_back(i.total_s);
        makespans.push_back(i.makespan_s);
        predicted.push_back(i.predicted_s);
        errors.push_back(std::abs(i.total_s - i.predicted_s) / i.predicted_s);
        s.worstDifference = std::max(s.worstDifference, i.maxDifference);
        if (step.alone) {
            alone.push_back(step.alone->makespan_s);
            aloneTotals.push_back(step.alone->total_s);
            s.worstDifference = std::max(s.worstDifference, step.alone->maxDifference);
        }
        if (step.edgeDi) {
            edgeDi.push_back(step.edgeDi->makespan_s);
            edgeDiPredicted.push_back(step.edgeDi->predicted_s);
            s.worstDifference = std::max(s.worstDifference, step.edgeDi->maxDifference);
        }
    }
    s.measured_s = median(totals);
    s.makespan_s = median(makespans);
    s.predicted_s = median(predicted);
    s.predictionError = median(errors);
    if (!alone.empty()) {
        s.aloneMakespan_s = median(alone);
        s.alone_s = median(aloneTotals);
    }
    if (!edgeDi.empty()) {
        s.edgeDiMakespan_s = median(edgeDi);
        s.edgeDiPredicted_s = median(edgeDiPredicted);
    }
    return s;
}

void printPlan(const remote::ClusterRun &run, const ClusterOptions &o)
{
    const auto &c = run.comparison();
    const auto &first = run.first();
    const size_t n = run.deviceNames().size();
    std::cout << o.model.model << ": " << (first.rounds.size() > 1 ? "rounds " : "segment ")
              << roundsText(first) << " of " << run.graph().blockCount()
              << " blocks in strips over " << n << " devices, the rest on " << run.aggregatorName()
              << '\n';
    Table table({{"partition", Table::Left},
                 {"rows", Table::Left},
                 {"makespan ms", Table::Right},
                 {"total ms", Table::Right}});
    table.addRow({"cleave", rowsText(first, n), fixed(first.makespan_s() * 1e3, 2),
                  fixed(first.total_s * 1e3, 2)});
    table.addRow({"edgedi", rowsText(run.edgeDi(), n), fixed(run.edgeDi().makespan_s() * 1e3, 2),
                  fixed(run.edgeDi().total_s * 1e3, 2)});
    if (first.rounds.size() > 1)
        table.addRow({"one segment", plan::rowsText(c.cleave.rowsByDevice(n)),
                      fixed(c.cleave.makespan_s * 1e3, 2), fixed(c.cleave.total_s * 1e3, 2)});
    table.print(std::cout);
    std::cout << "fastest device alone: " << run.deviceNames()[size_t(c.fastest)] << ", "
              << fixed(c.fastestSegment_s * 1e3, 2) << " ms for [0, " << c.cleave.end << "); bound "
              << fixed(c.bound, 2) << "x\n";
}

void checkOptions(const ClusterOptions &o)
{
    if (o.localDevices.empty() == o.devices.empty())
        throw Error(ErrorKind::InvalidInput,
                    "cluster: give --local-devices F1,F2,... or --devices A,B,...");
    if (o.runs < 1 || o.warmup < 0 || o.benchReps < 1)
        throw Error(ErrorKind::InvalidInput,
                    "cluster: --runs and --bench-reps must be 1 or more, --warmup 0 or more");
    if (!(o.deadline_s > 0) || !(o.adaptThreshold >= 0))
        throw Error(ErrorKind::InvalidInput,
                    "cluster: --deadline-s must be positive, --adapt-threshold 0 or more");
    if (!o.edge.empty() && segmentEnds(o.segment).size() > 1)
        throw Error(ErrorKind::InvalidInput, "--segment " + o.segment +
                                                 ": a chain of rounds gathers at the source "
                                                 "device; it takes no --edge");
    if (o.devicesMin < 1 || o.devicesMax < 0)
        throw Error(ErrorKind::InvalidInput,
                    "cluster: --devices-min must be 1 or more, --devices-max 0 (all) or more");
}

remote::ClusterSettings settingsFrom(const ClusterOptions &o)
{
    remote::ClusterSettings settings;
    settings.model = o.model.model;
    settings.input = o.model.inputShape();
    settings.seed = o.seed;
    const auto ends = segmentEnds(o.segment);
    if (ends.size() == 1)
        settings.segmentEnd = ends.front();
    else
        settings.roundEnds = ends;
    settings.runs = o.runs;
    settings.warmup = o.warmup;
    settings.benchReps = o.benchReps;
    settings.devicesMin = o.devicesMin;
    settings.devicesMax = o.devicesMax;
    settings.excluded = o.exclude;
    settings.maxLinkBytes = o.maxLinkBytes;
    settings.adapt = !o.noAdapt;
    settings.rounds = !o.oneSegment;
    settings.adaptThreshold = o.adaptThreshold / 100;
    settings.deadline = std::chrono::milliseconds(int64_t(o.deadline_s * 1000));
    settings.measureEdgeDi = o.withEdgeDi;
    settings.access = o.access;
    return settings;
}

/// The agents the cluster runs on: those given, or local ones started here.
struct Agents
{
    std::unique_ptr<remote::LocalCluster> local;
    std::vector<remote::ClusterAgent> devices;
    std::optional<remote::ClusterAgent> edge;
    remote::AgentAccess access;
};

Agents agentsFor(const ClusterOptions &o, const std::vector<double> &shares)
{
    const auto link = baseLink(o);
    const auto links = deviceLinks(o.deviceLinks);
    Agents agents;
    agents.access = o.access;
    std::vector<std::string> addresses = splitCommas(o.devices);
    std::string edge = o.edge;
    if (!shares.empty()) {
        if (!o.json)
            std::cerr << "starting " << shares.size() << " device agents"
                      << (edge == "local" ? " and an edge agent" : "") << "...\n";
        agents.local = std::make_unique<remote::LocalCluster>(shares, edge == "local");
        addresses.clear();
        for (const auto &d : agents.local->devices())
            addresses.push_back(d->address());
        if (agents.local->edge())
            edge = agents.local->edge()->address();
        agents.access = agents.local->access();
        // The source's sends and the stitching run here: never on a device's core.
        const auto &spare = agents.local->spareCpus();
        if (!spare.empty())
            if (const auto problem = remote::pinToCpus(spare); !problem.empty())
                throw Error(ErrorKind::Unavailable, "cluster: " + problem);
    } else if (edge == "local") {
        throw Error(ErrorKind::InvalidInput, "--edge local needs --local-devices");
    }
    for (const auto &address : addresses) {
        if (address.empty())
            throw Error(ErrorKind::InvalidInput, "--devices " + o.devices + ": an empty address");
        const auto own = links.find(address);
        agents.devices.push_back({address, own == links.end() ? link : own->second});
    }
    for (const auto &[address, profile] : links)
        if (std::find(addresses.begin(), addresses.end(), address) == addresses.end())
            throw Error(ErrorKind::InvalidInput,
                        "--device-link " + address + ": not one of the devices");
    if (!edge.empty())
        agents.edge = remote::ClusterAgent{edge, link};
    return agents;
}

void printStep(const remote::ClusterStep &step)
{
    const auto &i = step.inference;
    std::cout << "run " << i.run + 1 << (i.attempt ? " (retry)" : "") << ": ";
    if (!i.completed) {
        std::cout << "failed\n";
        return;
    }
    std::cout << fixed(i.total_s * 1e3, 2) << " ms, makespan " << fixed(i.makespan_s * 1e3, 2)
              << " ms, predicted " << fixed(i.predicted_s * 1e3, 2) << " ms";
    if (step.alone)
        std::cout << ", alone " << fixed(step.alone->total_s * 1e3, 2) << " ms";
    std::cout << '\n';
}

nlohmann::json optionalJson(const std::optional<double> &value)
{
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

void printJson(const ClusterOptions &o, const remote::ClusterRun &cluster,
               const std::vector<remote::ClusterStep> &steps,
               const std::vector<store::ClusterEvent> &events)
{
    const auto s = summarise(steps);
    const auto &c = cluster.comparison();
    const double speedUp = s.aloneMakespan_s ? *s.aloneMakespan_s / s.makespan_s : 0.0;
    nlohmann::json list = nlohmann::json::array();
    for (const auto &step : steps) {
        auto j = inferenceJson(step.inference);
        j["alone"] = step.alone ? inferenceJson(*step.alone) : nlohmann::json(nullptr);
        j["edgedi"] = step.edgeDi ? inferenceJson(*step.edgeDi) : nlohmann::json(nullptr);
        list.push_back(j);
    }
    nlohmann::json eventList = nlohmann::json::array();
    for (const auto &e : events)
        eventList.push_back(
            {{"run", e.run}, {"kind", e.kind}, {"device", e.device}, {"detail", e.detail}});
    // Each device's fit of each round's segment.
    nlohmann::json fits = nlohmann::json::object();
    for (const auto &round : cluster.first().rounds) {
        const auto request = cluster.requestOf(round);
        for (const auto &d : request.devices) {
            const auto &fit = d.strips.at(round.end);
            fits[d.name].push_back({{"first", round.first},
                                    {"end", round.end},
                                    {"alpha_s", fit.alpha_s},
                                    {"beta_s", fit.beta_s},
                                    {"worst_residual_s", fit.worstResidual_s}});
        }
    }
    const nlohmann::json summary{{"median_total_s", s.measured_s},
                                 {"median_makespan_s", s.makespan_s},
                                 {"median_predicted_s", s.predicted_s},
                                 {"median_abs_error", s.predictionError},
                                 {"median_alone_makespan_s", optionalJson(s.aloneMakespan_s)},
                                 {"median_alone_total_s", optionalJson(s.alone_s)},
                                 {"median_edgedi_makespan_s", optionalJson(s.edgeDiMakespan_s)},
                                 {"median_edgedi_predicted_s", optionalJson(s.edgeDiPredicted_s)},
                                 {"speed_up", speedUp},
                                 {"speed_up_of_bound", c.bound > 0 ? speedUp / c.bound : 0.0},
                                 {"worst_difference", s.worstDifference}};
    std::cout << nlohmann::json{{"model", o.model.model},
                                {"devices", cluster.deviceNames()},
                                {"aggregator", cluster.aggregatorName()},
                                {"cluster_id", cluster.clusterId()},
                                {"plan", planJson(cluster.first(), cluster)},
                                {"edgedi", planJson(cluster.edgeDi(), cluster)},
                                {"one_segment",
                                 planJson(plan::ChainPlan::single(c.cleave), cluster)},
                                {"fastest_device", cluster.deviceNames()[size_t(c.fastest)]},
                                {"fastest_segment_s", c.fastestSegment_s},
                                {"bound", c.bound},
                                {"fits", fits},
                                {"inferences", list},
                                {"events", eventList},
                                {"summary", summary}}
                     .dump(2)
              << '\n';
}

void printSummary(const remote::ClusterRun &cluster, const std::vector<remote::ClusterStep> &steps)
{
    const auto s = summarise(steps);
    const auto &c = cluster.comparison();
    std::cout << "measured: total " << fixed(s.measured_s * 1e3, 2) << " ms (predicted "
              << fixed(s.predicted_s * 1e3, 2) << " ms, median error "
              << fixed(s.predictionError * 100, 1) << " %), makespan "
              << fixed(s.makespan_s * 1e3, 2) << " ms";
    if (s.aloneMakespan_s)
        std::cout << "; fastest device alone " << fixed(*s.aloneMakespan_s * 1e3, 2)
                  << " ms: speed-up " << fixed(*s.aloneMakespan_s / s.makespan_s, 2)
                  << "x of a bound of " << fixed(c.bound, 2) << "x";
    if (s.edgeDiMakespan_s)
        std::cout << "\nEdgeDI's partition: makespan " << fixed(*s.edgeDiMakespan_s * 1e3, 2)
                  << " ms measured, " << fixed(cluster.edgeDi().makespan_s() * 1e3, 2)
                  << " ms predicted";
    std::cout << "\noutputs: within " << s.worstDifference
              << " of the whole model's largest value\n";
}

int run(const ClusterOptions &o)
{
    checkOptions(o);
    const auto settings = settingsFrom(o);
    const auto shares =
        o.localDevices.empty() ? std::vector<double>{} : parseShares(o.localDevices);
    std::optional<store::Store> db;
    if (!o.db.empty())
        db.emplace(o.db);
    remote::ClusterRun cluster(settings, db ? &*db : nullptr);
    cluster.openModel(); // bad models and segments fail before any agent starts

    const auto agents = agentsFor(o, shares);
    cluster.setAgents(agents.devices, agents.edge, agents.access);
    const auto slowDowns = throttles(o.throttle, agents.devices.size());
    cluster.prepare([&](const std::string &line) {
        if (!o.json)
            std::cerr << line << '\n';
    });
    if (!o.json)
        printPlan(cluster, o);

    std::vector<remote::ClusterStep> steps;
    std::vector<store::ClusterEvent> events;
    const auto onStep = [&](const remote::ClusterStep &step) {
        steps.push_back(step);
        for (const auto &t : slowDowns) {
            if (t.run != step.inference.run + 2 || !step.inference.completed)
                continue;
            remote::AgentClient(agents.devices[t.device].address, std::chrono::seconds(5),
                                agents.access)
                .setCpuLimit(t.cores);
            if (!o.json)
                std::cout << "device " << t.device + 1 << " set to " << t.cores
                          << " core before run " << t.run << '\n';
        }
        if (!o.json)
            printStep(step);
    };
    const auto onEvent = [&](const store::ClusterEvent &e) {
        events.push_back(e);
        if (!o.json)
            std::cout << e.kind << (e.device.empty() ? "" : " " + e.device) << " before run "
                      << e.run + 1 << ": " << e.detail << '\n';
    };
    cluster.run(onStep, onEvent);
    if (o.json)
        printJson(o, cluster, steps, events);
    else
        printSummary(cluster, steps);
    return 0;
}

} // namespace

void addClusterCommand(CLI::App &app, int &exitCode)
{
    auto options = std::make_shared<ClusterOptions>();
    auto *command = app.add_subcommand(
        "cluster", "Run one inference over a cluster of devices, the first blocks in strips");
    options->model.addTo(*command);
    auto *local = command->add_option("--local-devices", options->localDevices,
                                      "start a device agent per CPU share here (0.5,0.25,0.25)");
    auto *devices = command->add_option("--devices", options->devices,
                                        "device agents HOST:PORT,...; the "
                                        "first holds the input");
    local->excludes(devices);
    command->add_option("--edge", options->edge,
                        "the agent that stitches the strips and runs the rest (HOST:PORT, or "
                        "local with --local-devices); default: the first device");
    command->add_option("--segment", options->segment,
                        "blocks in strips: 0:END, a chain of rounds gathered at the source "
                        "0:A,A:B,..., or auto (default: the planner's choice)");
    command->add_flag("--one-segment", options->oneSegment,
                      "strips over one segment from the input, never a chain of rounds");
    command->add_option("--link", options->link,
                        "every device's link to the aggregator: " +
                            plan::NetworkProfile::presetNames("lan"));
    command->add_flag("--lan", options->lan, "the lan preset (1 Gbit/s, 0.5 ms)");
    command->add_option("--bandwidth-mbps", options->bandwidthMbps, "custom link: Mbit/s");
    command->add_option("--latency-ms", options->latencyMs, "custom link: one-way latency in ms");
    command->add_option("--device-link", options->deviceLinks,
                        "one device's own link: ADDR=PRESET or ADDR=MBPS/MS (repeatable)");
    command->add_option("--devices-min", options->devicesMin, "devices that take rows, at least");
    command->add_option("--devices-max", options->devicesMax,
                        "devices that take rows, at most (default all)");
    command->add_option("--exclude", options->exclude, "a device that takes no rows (repeatable)");
    command->add_option("--max-link-bytes", options->maxLinkBytes,
                        "bytes a device's link may carry per inference, in and out");
    command->add_option("--runs", options->runs, "timed inferences (default 10)");
    command->add_option("--warmup", options->warmup, "untimed inferences first (default 2)");
    command->add_option("--bench-reps", options->benchReps,
                        "timed runs per strip height when timing the devices (default 5)");
    command->add_flag("--no-adapt", options->noAdapt, "keep the first shares whatever happens");
    command->add_flag("--with-edgedi", options->withEdgeDi,
                      "also run EdgeDI's partition on every input, side by side");
    command->add_option("--throttle", options->throttle,
                        "set device N's CPU limit before inference RUN: N=CORES@RUN "
                        "(repeatable; a what-if for adaptation)");
    command->add_option("--adapt-threshold", options->adaptThreshold,
                        "move rows when the shares in use are predicted this many percent "
                        "slower than re-planned ones (default 10)");
    command->add_option("--seed", options->seed, "seed of zoo weights and inputs (default 0)");
    command->add_option("--deadline-s", options->deadline_s,
                        "longest one call may take (default 60)");
    command->add_option("--db", options->db,
                        "keep strip timings, inferences and events here (and reuse timings)");
    command->add_flag("--json", options->json, "print one JSON document");
    addAccessOptions(*command, options->access);
    command->callback([options, &exitCode] { exitCode = run(*options); });
}

} // namespace cleave::cli
