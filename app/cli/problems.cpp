// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/problems.h"

#include <cstdio>

namespace cleave::cli {

namespace {

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

/// What to run to measure what a problem finds missing; empty when nothing is missing.
std::string remedy(const plan::PlanProblem &p)
{
    using K = plan::PlanProblem::Kind;
    switch (p.kind) {
    case K::NoTimings:
        if (p.timedAt)
            return " at this granularity; it has timings at --granularity " +
                   graph::granularityName(*p.timedAt);
        return "; measure it with: cleave-cli bench " + p.model + " --local --db " + p.where;
    case K::NoTimingsOnTier:
        return "; benchmark it with cleave-cli bench --" + std::string(plan::tierName(p.tier)) +
               " HOST:PORT";
    case K::CodecNotMeasured:
        return "; benchmark with cleave-cli bench --codec " + p.codec;
    case K::NoTransferLayers:
        return "; benchmark with cleave-cli bench --tl maxpool2";
    case K::TlNotMeasured:
        return "; benchmark with cleave-cli bench --tl " + p.tl;
    case K::NoAccuracy:
        return "; measure it with: " + accuracyCommand(p.model, "fp32", {}, "STORE");
    case K::AccuracyUnmet:
        return p.bestDrop
                   ? std::string()
                   : "; measure them with: " + accuracyCommand(p.model, p.codec, {}, "STORE");
    default:
        return {};
    }
}

} // namespace

std::string flagText(const plan::Demand &d)
{
    using K = plan::Demand::Kind;
    const std::string n = std::to_string(d.number);
    const std::string tier = plan::tierName(d.tier);
    switch (d.kind) {
    case K::Tiers:
        return "--tiers " + plan::tierList(d.tiers);
    case K::MinSplit:
        return "--min-split " + n;
    case K::PinnedBlock:
        return "--pin " + n + "=" + tier;
    case K::KeptOffBlock:
        return "--keep-off " + n + "=" + tier;
    case K::RequiredTier:
        return "--require " + tier;
    case K::UnusedTier:
        return "--unused " + tier;
    case K::RequiredResource:
        return "--require " + d.resource;
    case K::ExcludedResource:
        return "--exclude " + d.resource;
    case K::MaxUploadBytes:
        return "--max-upload-bytes " + n;
    case K::MaxDeviceMemory:
        return "--max-device-memory-mib " + std::to_string(d.number >> 20);
    case K::MaxDeviceTime:
        return "--max-device-ms " + number(d.seconds * 1000);
    case K::MaxLatency:
        return "--max-latency-ms " + number(d.seconds * 1000);
    case K::MaxAccuracyDrop:
        return "--max-accuracy-drop " + number(d.points);
    case K::Top:
        return "--top " + n;
    }
    return plan::demandText(d);
}

std::string accuracyCommand(const std::string &model, const std::string &codec,
                            const std::string &tls, const std::string &store)
{
    return "cleave-cli accuracy " + model + " --codec " + codec +
           (tls.empty() ? std::string() : " --tl " + tls) + " --data DATA --db " + store +
           " (the --limit of the others)";
}

std::string cliText(const plan::PlanProblem &problem)
{
    return plan::problemText(problem, flagText) + remedy(problem);
}

} // namespace cleave::cli
