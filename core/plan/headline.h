// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plan/planner.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cleave::plan {

/// The four answers the papers compare, each the planner's best of its kind.
enum class Contender {
    DeviceAlone, ///< every block on the device: the baseline of "16x faster than the device"
    Scission,    ///< the best split without a Transfer Layer, raw fp32 on the wire
    ScissionTl,  ///< the best split with the TL specs asked for, raw fp32 on the wire
    WithCodec,   ///< ScissionTL's best with the fastest of the other codecs measured
};
constexpr int kContenderCount = 4;
/// "device alone", "Scission", "ScissionTL", "ScissionTL + codec".
const char *contenderName(Contender contender);
/// "device", "scission", "scissiontl", "codec": keys for JSON.
const char *contenderKey(Contender contender);

/// Why a contender has no row.
enum class Absence {
    NoTransferLayer, ///< no TL measured: no ScissionTL, nor a codec on top of it
    NoOtherCodec,    ///< no codec but fp32 measured on every resource
};

struct HeadlineRow
{
    Contender contender = Contender::DeviceAlone;
    Configuration config;
    std::string codec; ///< what crosses the link
};

/// The planner's best configuration of each contender for one request: its link, tiers and
/// constraints hold for every contender but the device alone, which is the baseline: no
/// demand applies to it, but the what-if factors and the resources required or excluded do
/// (they describe the machines). A contender the store cannot answer is left out, with why.
struct Headline
{
    std::vector<HeadlineRow> rows; ///< in Contender order
    std::vector<std::pair<Contender, Absence>> absent;

    const HeadlineRow *row(Contender contender) const;
    /// The fastest row; null when there is none.
    const HeadlineRow *fastest() const;
    /// How many times faster `faster` is than `slower`, from their predicted totals; nullopt
    /// where either row is missing.
    std::optional<double> speedUp(Contender slower, Contender faster) const;
};

/// The two-tier comparison for `request` (its mode and codec are replaced per contender; its TL
/// specs, empty for every spec measured, are ScissionTL's). Throws what Planner::plan throws:
/// Error for a bad link or an unknown TL spec, PlanError for demands that cannot be met.
Headline headline(const Planner &planner, PlanRequest request);

} // namespace cleave::plan
