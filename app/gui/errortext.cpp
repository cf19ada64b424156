// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/errortext.h"

#include "plots/numbers.h"

#include <QStringList>

namespace cleave::gui {

namespace {

QString s(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

QString ErrorText::tier(plan::Tier tier)
{
    switch (tier) {
    case plan::Tier::Device:
        return tr("device");
    case plan::Tier::Edge:
        return tr("edge");
    case plan::Tier::Cloud:
        return tr("cloud");
    }
    return {};
}

QString ErrorText::demand(const plan::Demand &d)
{
    using K = plan::Demand::Kind;
    switch (d.kind) {
    case K::Tiers: {
        QStringList tiers;
        for (const auto t : d.tiers)
            tiers.push_back(tier(t));
        return tr("Tiers %1").arg(tiers.join(QStringLiteral(" + ")));
    }
    case K::MinSplit:
        return tr("Minimum split %1").arg(d.number);
    case K::PinnedBlock:
        return tr("block %1 pinned to the %2").arg(d.number).arg(tier(d.tier));
    case K::KeptOffBlock:
        return tr("block %1 kept off the %2").arg(d.number).arg(tier(d.tier));
    case K::RequiredTier:
        return tr("tier %1 required").arg(tier(d.tier));
    case K::UnusedTier:
        return tr("tier %1 unused").arg(tier(d.tier));
    case K::RequiredResource:
        return tr("resource %1 required").arg(s(d.resource));
    case K::ExcludedResource:
        return tr("resource %1 excluded").arg(s(d.resource));
    case K::MaxUploadBytes:
        return tr("Maximum upload %1").arg(plots::Numbers::bytes(double(d.number)));
    case K::MaxDeviceMemory:
        return tr("Maximum device memory %1").arg(plots::Numbers::bytes(double(d.number)));
    case K::MaxDeviceTime:
        return tr("Maximum device time %1").arg(plots::Numbers::milliseconds(d.seconds));
    case K::MaxLatency:
        return tr("Maximum latency %1").arg(plots::Numbers::milliseconds(d.seconds));
    case K::MaxAccuracyDrop:
        return tr("Maximum accuracy drop %1").arg(plots::Numbers::points(d.points));
    case K::Top:
        return tr("ranking length %1").arg(d.number);
    }
    return s(plan::demandText(d));
}

QString ErrorText::problem(const plan::PlanProblem &p)
{
    using K = plan::PlanProblem::Kind;
    const auto named = [&](size_t i) {
        return i < p.demands.size() ? demand(p.demands[i]) : QStringLiteral("?");
    };
    switch (p.kind) {
    case K::NoTimings:
        if (p.timedAt)
            return tr("No timings of %1 cut this way: the project has them cut at %2; choose "
                      "that under Cuts in the Model dock, or measure it in the Benchmark panel.")
                .arg(s(p.model),
                     *p.timedAt == graph::Granularity::Node ? tr("every node") : tr("its blocks"));
        return tr("No timings of %1 in this project yet: measure it in the Benchmark panel.")
            .arg(s(p.model));
    case K::NoTimingsOnTier:
        return tr("No %1 agent has measured %2 yet: add one in the Agents panel and measure "
                  "the model in the Benchmark panel.")
            .arg(tier(p.tier), s(p.model));
    case K::CodecNotMeasured:
        return tr("Codec %1 was not measured on %2: add it under Codecs in the Benchmark panel "
                  "and measure again.")
            .arg(s(p.codec), s(p.resource));
    case K::NoTransferLayers:
        return tr("No Transfer Layer timings of %1: add one under Transfer Layers in the "
                  "Benchmark panel and measure again.")
            .arg(s(p.model));
    case K::TlNotMeasured:
        return tr("Transfer Layer %1 was not measured for %2: add it under Transfer Layers in "
                  "the Benchmark panel and measure again.")
            .arg(s(p.tl), s(p.model));
    case K::OutOfRange:
        return tr("%1 is out of range %2..%3").arg(named(0)).arg(p.lo).arg(p.hi);
    case K::Negative:
        return tr("%1 must be zero or more").arg(named(0));
    case K::NotPositive:
        return tr("%1 must be positive").arg(named(0));
    case K::Unmet:
        return tr("No split meets %1 with %2.").arg(named(0), named(1));
    case K::Conflict:
        return tr("%1 and %2 exclude each other: no split meets both.").arg(named(0), named(1));
    case K::UnmetTogether: {
        QStringList all;
        for (size_t i = 0; i < p.demands.size(); ++i)
            all.push_back(named(i));
        return tr("No split meets all of: %1.").arg(all.join(QStringLiteral(", ")));
    }
    case K::NoAccuracy:
        return tr("No accuracy of %1 measured in this project: measure it with cleave-cli "
                  "accuracy on the project file, or clear %2.")
            .arg(s(p.model), named(0));
    case K::AccuracyUnmet:
        if (p.bestDrop)
            return tr("No split meets %1: the least drop measured on %2 is %3 (split %4).")
                .arg(named(0), s(p.dataset), plots::Numbers::points(*p.bestDrop))
                .arg(p.split);
        return tr("No split meets %1: none of the %2 that meet the other constraints has a "
                  "measured accuracy.")
            .arg(named(0))
            .arg(p.unmeasured);
    }
    return s(plan::problemText(p));
}

QString ErrorText::of(const std::exception &error)
{
    if (const auto *planError = dynamic_cast<const plan::PlanError *>(&error))
        return problem(planError->problem());
    return s(oneLineReason(error.what()));
}

} // namespace cleave::gui
