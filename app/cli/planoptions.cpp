// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/planoptions.h"

#include "core/error.h"

#include <filesystem>
#include <sstream>

namespace cleave::cli {

namespace {

Error invalid(const std::string &message)
{
    return Error(ErrorKind::InvalidInput, message);
}

/// "BLOCK=VALUE" with BLOCK a non-negative integer.
std::pair<int, std::string> blockAssignment(const std::string &text, const char *flag)
{
    const auto eq = text.find('=');
    std::size_t used = 0;
    int block = -1;
    try {
        if (eq != std::string::npos)
            block = std::stoi(text.substr(0, eq), &used);
    } catch (const std::exception &) {
    }
    if (eq == std::string::npos || used != eq || block < 0)
        throw invalid(std::string(flag) + " '" + text + "': expected BLOCK=TIER, e.g. 3=device");
    return {block, text.substr(eq + 1)};
}

} // namespace

plan::NetworkProfile networkProfile(const std::string &preset, std::optional<double> mbps,
                                    std::optional<double> latencyMs, std::optional<double> downMbps,
                                    const char *presetFlag, const char *bandwidthFlag,
                                    const std::string &fallback)
{
    if (!preset.empty() && (mbps || latencyMs))
        throw invalid(std::string(presetFlag) + " and " + bandwidthFlag +
                      " exclude each other: give a preset or a bandwidth and latency");
    if (mbps || latencyMs) {
        // --bandwidth-mbps goes with --latency-ms, --cloud-bandwidth-mbps with --cloud-latency-ms.
        std::string latencyFlag = bandwidthFlag;
        latencyFlag.replace(latencyFlag.find("bandwidth-mbps"), 14, "latency-ms");
        if (!mbps)
            throw invalid(latencyFlag + " needs " + bandwidthFlag + " too");
        if (!latencyMs)
            throw invalid(std::string(bandwidthFlag) + " needs " + latencyFlag + " too");
        return plan::NetworkProfile::custom(*mbps, *latencyMs, downMbps.value_or(0));
    }
    return plan::NetworkProfile::preset(preset.empty() ? fallback : preset);
}

void PlanOptions::requireStore() const
{
    if (!std::filesystem::exists(db))
        throw Error(ErrorKind::NotFound, db + ": no such file; create it with cleave-cli bench");
}

std::string granularityList()
{
    std::string names;
    for (const auto &name : graph::granularityNames())
        names += (names.empty() ? "" : ", ") + name;
    return names;
}

graph::Granularity granularityOption(const std::string &text)
{
    const auto named = graph::granularityNamed(text);
    if (!named)
        throw Error(ErrorKind::InvalidInput,
                    "--granularity " + text + ": unknown (valid: " + granularityList() + ")");
    return *named;
}

void PlanOptions::addTo(CLI::App &command)
{
    command.add_option("--db", db, "the store written by cleave-cli bench")->required();
    command.add_option("--model", model, "the model as benchmarked: FILE.pt or zoo:NAME")
        ->required();
    command.add_option("--granularity", granularity,
                       "the timings of the model cut at: " + granularityList() +
                           " (as benchmarked; default block)");
    command.add_option("--tiers", tiers,
                       "device | edge | device,edge | device,edge,cloud (default device,edge)");
    command.add_option("--link", link,
                       "device-edge link preset: " + plan::NetworkProfile::presetNames());
    command.add_option("--bandwidth-mbps", bandwidthMbps, "custom link: uplink Mbit/s");
    command.add_option("--downlink-mbps", downlinkMbps, "custom link: downlink (default: up)");
    command.add_option("--latency-ms", latencyMs, "custom link: one-way latency in ms");
    command.add_option("--cloud-link", cloudLink, "edge-cloud link preset (default wan)");
    command.add_option("--cloud-bandwidth-mbps", cloudBandwidthMbps, "custom edge-cloud Mbit/s");
    command.add_option("--cloud-latency-ms", cloudLatencyMs, "custom edge-cloud latency in ms");
    command
        .add_option("--tl", tl,
                    "TL specs for ScissionTL, or none for Scission (default: every "
                    "spec measured)")
        ->delimiter(',');
    command.add_option("--codec", codec, "wire codec (default fp32)");
    command.add_option("--min-split", minSplit, "privacy: blocks before N stay on the device");
    command.add_option("--max-upload-bytes", maxUploadBytes, "bytes leaving the device at most");
    command.add_option("--max-device-memory-mib", maxDeviceMemoryMiB,
                       "memory the device's blocks need at most: their weights and the largest "
                       "activation (measured by bench)");
    command.add_option("--max-device-ms", maxDeviceMs, "device compute + DeviceTL + serialise");
    command.add_option("--max-latency-ms", maxLatencyMs, "end-to-end latency at most");
    command.add_option("--max-accuracy-drop", maxAccuracyDrop,
                       "PP: top-1 lost against the unsplit model at most, in percentage points "
                       "(accuracy from cleave-cli accuracy)");
    command.add_flag("--pareto", pareto, "also list the latency/top-1 Pareto front");
    command.add_option("--pin", pins, "BLOCK=TIER: run the block on that tier")->delimiter(',');
    command.add_option("--keep-off", keepOffs, "BLOCK=TIER: never run the block there")
        ->delimiter(',');
    command.add_option("--require", required, "a tier or resource that must be used")
        ->delimiter(',');
    command.add_option("--exclude", excludes, "a resource never to use")->delimiter(',');
    command.add_option("--unused", unused, "a tier to leave idle")->delimiter(',');
    command
        .add_option("--slowdown", slowdowns,
                    "what-if: RESOURCE=FACTOR scales its timings (4: four times slower)")
        ->delimiter(',');
    command.add_option("--top", top, "configurations to list (default 10, 0: all)");
    command.add_flag("--no-return", noReturn, "leave out the result's way back (as the papers)");
}

plan::PlanRequest PlanOptions::request(const plan::Planner &planner) const
{
    plan::PlanRequest r;
    r.tiers.clear();
    std::stringstream list(tiers);
    for (std::string tier; std::getline(list, tier, ',');)
        r.tiers.push_back(plan::parseTier(tier));
    r.link = networkProfile(link, bandwidthMbps, latencyMs, downlinkMbps, "--link",
                            "--bandwidth-mbps", "5g-peak");
    r.cloudLink = networkProfile(cloudLink, cloudBandwidthMbps, cloudLatencyMs, std::nullopt,
                                 "--cloud-link", "--cloud-bandwidth-mbps", r.cloudLink.name);
    r.codec = codec;
    const bool none = tl.size() == 1 && tl.front() == "none";
    if (none || (tl.empty() && planner.tlSpecs().empty())) {
        r.mode = plan::Mode::Scission;
    } else {
        r.mode = plan::Mode::ScissionTl;
        r.tlSpecs = tl;
    }
    r.returnLeg = !noReturn;
    r.top = top;
    auto &c = r.constraints;
    c.minSplit = minSplit;
    c.maxUploadBytes = maxUploadBytes;
    if (maxDeviceMemoryMiB)
        c.maxDeviceMemoryBytes = *maxDeviceMemoryMiB * (int64_t(1) << 20);
    if (maxDeviceMs)
        c.maxDevice_s = *maxDeviceMs / 1000.0;
    if (maxLatencyMs)
        c.maxTotal_s = *maxLatencyMs / 1000.0;
    c.maxAccuracyDrop_pp = maxAccuracyDrop;
    r.pareto = pareto;
    for (const auto &p : pins) {
        const auto [block, tier] = blockAssignment(p, "--pin");
        c.blocks.push_back({block, plan::parseTier(tier), false});
    }
    for (const auto &p : keepOffs) {
        const auto [block, tier] = blockAssignment(p, "--keep-off");
        c.blocks.push_back({block, plan::parseTier(tier), true});
    }
    for (const auto &name : required) {
        if (name == "device" || name == "edge" || name == "cloud")
            c.requiredTiers.push_back(plan::parseTier(name));
        else
            c.requiredResources.push_back(name);
    }
    c.excludedResources = excludes;
    for (const auto &tier : unused)
        c.unusedTiers.push_back(plan::parseTier(tier));
    for (const auto &s : slowdowns) {
        const auto eq = s.rfind('=');
        double factor = 0;
        std::size_t used = 0;
        try {
            if (eq != std::string::npos)
                factor = std::stod(s.substr(eq + 1), &used);
        } catch (const std::exception &) {
        }
        if (eq == std::string::npos || eq == 0 || used != s.size() - eq - 1)
            throw invalid("--slowdown '" + s + "': expected RESOURCE=FACTOR, e.g. jetson=4");
        c.slowdown[s.substr(0, eq)] = factor;
    }
    return r;
}

} // namespace cleave::cli
