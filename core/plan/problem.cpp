// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plan/problem.h"

#include <cstdio>

namespace cleave::plan {

namespace {

std::string milliseconds(double seconds)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g ms", seconds * 1000);
    return text;
}

std::string points(double value)
{
    char text[48];
    std::snprintf(text, sizeof text, "%g point%s", value, value == 1 ? "" : "s");
    return text;
}

/// "split 3, maxpool2 (fine-tuned 1 epoch), int8"
std::string configurationText(const PlanProblem &p)
{
    std::string text = "split " + std::to_string(p.split);
    if (!p.tl.empty())
        text += ", " + p.tl + (p.bestFineTuned.empty() ? "" : " (" + p.bestFineTuned + ")");
    return text + ", " + p.codec;
}

std::string accuracyUnmet(const PlanProblem &p, const std::string &limit)
{
    if (!p.bestDrop)
        return "no configuration meets " + limit + ": none of the " + std::to_string(p.unmeasured) +
               " that meet the other constraints has an accuracy measured on " + p.dataset;
    char drop[32];
    std::snprintf(drop, sizeof drop, "%.2f", *p.bestDrop);
    return "no configuration meets " + limit + ": the least drop measured on " + p.dataset +
           " is " + drop + " points (" + configurationText(p) + ")";
}

bool namesABlock(const Demand &d)
{
    return d.kind == Demand::Kind::PinnedBlock || d.kind == Demand::Kind::KeptOffBlock;
}

} // namespace

std::string tierList(const std::vector<Tier> &tiers)
{
    std::string text;
    for (const auto tier : tiers)
        text += (text.empty() ? "" : ",") + std::string(tierName(tier));
    return text;
}

Demand Demand::ofTiers(std::vector<Tier> tiers)
{
    Demand d;
    d.kind = Kind::Tiers;
    d.tiers = std::move(tiers);
    return d;
}

Demand Demand::ofNumber(Kind kind, int64_t number)
{
    Demand d;
    d.kind = kind;
    d.number = number;
    return d;
}

Demand Demand::ofSeconds(Kind kind, double seconds)
{
    Demand d;
    d.kind = kind;
    d.seconds = seconds;
    return d;
}

Demand Demand::ofPoints(Kind kind, double points)
{
    Demand d;
    d.kind = kind;
    d.points = points;
    return d;
}

Demand Demand::ofBlock(const BlockRule &rule)
{
    Demand d;
    d.kind = rule.keepOff ? Kind::KeptOffBlock : Kind::PinnedBlock;
    d.number = rule.block;
    d.tier = rule.tier;
    return d;
}

Demand Demand::ofTier(Kind kind, Tier tier)
{
    Demand d;
    d.kind = kind;
    d.tier = tier;
    return d;
}

Demand Demand::ofResource(Kind kind, std::string resource)
{
    Demand d;
    d.kind = kind;
    d.resource = std::move(resource);
    return d;
}

std::string demandText(const Demand &d)
{
    using K = Demand::Kind;
    const std::string n = std::to_string(d.number);
    const std::string tier = tierName(d.tier);
    switch (d.kind) {
    case K::Tiers:
        return "tiers " + tierList(d.tiers);
    case K::MinSplit:
        return "minimum split " + n;
    case K::PinnedBlock:
        return "block " + n + " pinned to the " + tier;
    case K::KeptOffBlock:
        return "block " + n + " kept off the " + tier;
    case K::RequiredTier:
        return "tier " + tier + " required";
    case K::UnusedTier:
        return "tier " + tier + " unused";
    case K::RequiredResource:
        return "resource " + d.resource + " required";
    case K::ExcludedResource:
        return "resource " + d.resource + " excluded";
    case K::MaxUploadBytes:
        return "upload limit " + n + " bytes";
    case K::MaxDeviceMemory:
        return "device memory limit " + std::to_string(d.number >> 20) + " MiB";
    case K::MaxDeviceTime:
        return "device time limit " + milliseconds(d.seconds);
    case K::MaxLatency:
        return "latency limit " + milliseconds(d.seconds);
    case K::MaxAccuracyDrop:
        return "accuracy limit " + points(d.points) + " of top-1";
    case K::Top:
        return "ranking length " + n;
    }
    return "?";
}

std::string problemText(const PlanProblem &p, const DemandNamer &name)
{
    using K = PlanProblem::Kind;
    const auto demand = [&](size_t i) {
        return i < p.demands.size() ? name(p.demands[i]) : std::string("?");
    };
    switch (p.kind) {
    case K::NoTimings:
        return p.model + ": no complete timings in " + p.where;
    case K::NoTimingsOnTier:
        return p.model + ": no " + tierName(p.tier) + " resource has timings of it";
    case K::CodecNotMeasured:
        return "codec " + p.codec + ": not measured on " + p.resource;
    case K::NoTransferLayers:
        return p.model + ": no Transfer Layer timings";
    case K::TlNotMeasured:
        return "TL " + p.tl + ": not measured for " + p.model;
    case K::OutOfRange: {
        const std::string range = std::to_string(p.lo) + ".." + std::to_string(p.hi);
        if (!p.demands.empty() && namesABlock(p.demands[0]))
            return demand(0) + ": block " + std::to_string(p.demands[0].number) +
                   " is out of range " + range;
        return demand(0) + ": out of range " + range;
    }
    case K::Negative:
        return demand(0) + ": must be zero or more";
    case K::NotPositive:
        return demand(0) + ": must be positive";
    case K::Unmet:
        return "no configuration meets " + demand(0) + " with " + demand(1);
    case K::Conflict:
        return "conflicting constraints: " + demand(0) + " and " + demand(1);
    case K::UnmetTogether: {
        std::string all;
        for (size_t i = 0; i < p.demands.size(); ++i)
            all += (i ? ", " : "") + demand(i);
        return "no configuration meets all of: " + all;
    }
    case K::NoAccuracy:
        return demand(0) + ": no accuracy of " + p.model + " measured";
    case K::AccuracyUnmet:
        return accuracyUnmet(p, demand(0));
    }
    return "?";
}

namespace {

ErrorKind kindOf(PlanProblem::Kind kind)
{
    using K = PlanProblem::Kind;
    const bool missing = kind == K::NoTimings || kind == K::NoTimingsOnTier ||
                         kind == K::CodecNotMeasured || kind == K::NoTransferLayers ||
                         kind == K::TlNotMeasured || kind == K::NoAccuracy;
    return missing ? ErrorKind::NotFound : ErrorKind::InvalidInput;
}

} // namespace

PlanError::PlanError(PlanProblem problem)
    : Error(kindOf(problem.kind), problemText(problem))
    , m_problem(std::move(problem))
{}

} // namespace cleave::plan
