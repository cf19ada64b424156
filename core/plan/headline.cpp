// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plan/headline.h"

#include "core/plan/problem.h"

#include <algorithm>

namespace cleave::plan {

const char *contenderName(Contender contender)
{
    switch (contender) {
    case Contender::DeviceAlone:
        return "device alone";
    case Contender::Scission:
        return "Scission";
    case Contender::ScissionTl:
        return "ScissionTL";
    case Contender::WithCodec:
        return "ScissionTL + codec";
    }
    return "";
}

const char *contenderKey(Contender contender)
{
    switch (contender) {
    case Contender::DeviceAlone:
        return "device";
    case Contender::Scission:
        return "scission";
    case Contender::ScissionTl:
        return "scissiontl";
    case Contender::WithCodec:
        return "codec";
    }
    return "";
}

const HeadlineRow *Headline::row(Contender contender) const
{
    const auto found = std::find_if(rows.begin(), rows.end(),
                                    [&](const HeadlineRow &r) { return r.contender == contender; });
    return found == rows.end() ? nullptr : &*found;
}

const HeadlineRow *Headline::fastest() const
{
    const auto found =
        std::min_element(rows.begin(), rows.end(), [](const HeadlineRow &a, const HeadlineRow &b) {
            return a.config.total_s < b.config.total_s;
        });
    return found == rows.end() ? nullptr : &*found;
}

std::optional<double> Headline::speedUp(Contender slower, Contender faster) const
{
    const auto *a = row(slower);
    const auto *b = row(faster);
    if (!a || !b || b->config.total_s <= 0)
        return std::nullopt;
    return a->config.total_s / b->config.total_s;
}

namespace {

// The best configuration for `request`; bad demands throw as Planner::plan does.
std::optional<Configuration> best(const Planner &planner, const PlanRequest &request)
{
    auto result = planner.plan(request);
    if (result.ranking.empty())
        return std::nullopt;
    return result.ranking.front();
}

// Every block on the device, whatever the constraints: the baseline.
std::optional<Configuration> deviceAlone(const Planner &planner, PlanRequest request)
{
    request.mode = Mode::Scission;
    request.tlSpecs.clear();
    request.codec = "fp32";
    // The what-if factors and the machines required or excluded describe the machines, not a
    // demand: they stay.
    const auto c = request.constraints;
    request.constraints = {};
    request.constraints.slowdown = c.slowdown;
    request.constraints.requiredResources = c.requiredResources;
    request.constraints.excludedResources = c.excludedResources;
    request.constraints.unusedTiers = {Tier::Edge, Tier::Cloud};
    request.tiers = {Tier::Device, Tier::Edge};
    request.top = 1;
    return best(planner, request);
}

} // namespace

Headline headline(const Planner &planner, PlanRequest request)
{
    Headline h;
    request.top = 1;
    if (auto c = deviceAlone(planner, request))
        h.rows.push_back({Contender::DeviceAlone, *c, "fp32"});

    auto scission = request;
    scission.mode = Mode::Scission;
    scission.tlSpecs.clear();
    scission.codec = "fp32";
    if (auto c = best(planner, scission))
        h.rows.push_back({Contender::Scission, *c, "fp32"});

    if (planner.tlSpecs().empty()) {
        h.absent = {{Contender::ScissionTl, Absence::NoTransferLayer},
                    {Contender::WithCodec, Absence::NoTransferLayer}};
        return h;
    }
    auto withTl = request;
    withTl.mode = Mode::ScissionTl;
    withTl.codec = "fp32";
    if (auto c = best(planner, withTl))
        h.rows.push_back({Contender::ScissionTl, *c, "fp32"});

    std::optional<HeadlineRow> fastest;
    for (const auto &codec : planner.codecs()) {
        if (codec == "fp32")
            continue;
        withTl.codec = codec;
        // A codec measured on some resources only cannot cost every configuration: skipped.
        std::optional<Configuration> c;
        try {
            c = best(planner, withTl);
        } catch (const PlanError &e) {
            if (e.problem().kind != PlanProblem::Kind::CodecNotMeasured)
                throw;
        }
        if (c && (!fastest || c->total_s < fastest->config.total_s))
            fastest = HeadlineRow{Contender::WithCodec, *c, codec};
    }
    if (fastest)
        h.rows.push_back(*fastest);
    else
        h.absent.push_back({Contender::WithCodec, Absence::NoOtherCodec});
    return h;
}

} // namespace cleave::plan
