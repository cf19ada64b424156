// SPDX-License-Identifier: GPL-3.0-or-later
// What keeps a request from being planned, as values: which demand, block, tier, resource,
// codec or TL. Core words them plainly (problemText); the CLI names the demands by its flags and
// the workbench by its controls, each adding how to fix it in its own terms.
#pragma once

#include "core/error.h"
#include "core/graph/granularity.h"
#include "core/plan/costs.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cleave::plan {

/// One demand on a plan: a constraint of the request, or its tiers.
struct Demand
{
    enum class Kind {
        Tiers,            ///< `tiers`: the tiers the plan may use
        MinSplit,         ///< `number`: blocks [0, number) stay on the device
        PinnedBlock,      ///< `number` (the block) runs on `tier`
        KeptOffBlock,     ///< `number` (the block) never runs on `tier`
        RequiredTier,     ///< `tier` must run blocks
        UnusedTier,       ///< `tier` must run none
        RequiredResource, ///< `resource` must run blocks
        ExcludedResource, ///< `resource` must run none
        MaxUploadBytes,   ///< `number` bytes leave the device at most
        MaxDeviceMemory,  ///< `number` bytes of memory on the device at most
        MaxDeviceTime,    ///< `seconds` on the device at most
        MaxLatency,       ///< `seconds` end to end at most
        MaxAccuracyDrop,  ///< `points` of top-1 lost against the unsplit model at most
        Top,              ///< `number` configurations listed (0: all)
    };
    Kind kind = Kind::Tiers;
    std::vector<Tier> tiers;
    Tier tier = Tier::Device;
    int64_t number = 0;
    double seconds = 0;
    double points = 0;
    std::string resource;

    static Demand ofTiers(std::vector<Tier> tiers);
    static Demand ofNumber(Kind kind, int64_t number);
    static Demand ofSeconds(Kind kind, double seconds);
    static Demand ofPoints(Kind kind, double points);
    static Demand ofBlock(const BlockRule &rule);
    static Demand ofTier(Kind kind, Tier tier);
    static Demand ofResource(Kind kind, std::string resource);
};

/// Why a request cannot be planned; the fields each kind uses are named beside it.
struct PlanProblem
{
    enum class Kind {
        NoTimings,        ///< `model` has no complete timings in the store at `where` (but at
                          ///< `timedAt`, another granularity, if set)
        NoTimingsOnTier,  ///< no resource of `tier` has timings of `model`
        CodecNotMeasured, ///< `codec` was not measured on `resource`
        NoTransferLayers, ///< no TL was measured for `model`
        TlNotMeasured,    ///< `tl` was not measured for `model`
        OutOfRange,       ///< demands[0] lies outside `lo`..`hi`
        Negative,         ///< demands[0] must be zero or more
        NotPositive,      ///< demands[0] must be positive
        Unmet,            ///< no configuration meets demands[0] with demands[1] (the tiers)
        Conflict,         ///< demands[0] and demands[1] exclude each other
        UnmetTogether,    ///< every demand can be met, and every two, but not all at once
        NoAccuracy,       ///< demands[0] (an accuracy limit) but no accuracy of `model` measured
        AccuracyUnmet,    ///< demands[0] (an accuracy limit) excludes every configuration that
                          ///< meets the others: `bestDrop` at `split`, `tl`, `codec` is the least
                          ///< drop measured on `dataset` (none: `unmeasured` have no measurement)
    };
    Kind kind = Kind::NoTimings;
    std::string model;
    std::vector<Demand> demands;
    Tier tier = Tier::Device;
    std::string resource;
    std::string codec;
    std::string tl;
    std::string where;
    int64_t lo = 0;
    int64_t hi = 0;
    std::string dataset;
    std::optional<double> bestDrop;
    std::string bestFineTuned; ///< how the TL of the best drop was fine-tuned; empty: it was not
    int split = 0;
    int64_t unmeasured = 0;
    std::optional<graph::Granularity> timedAt;
};

/// "device,edge": tiers as the planner names them, comma separated.
std::string tierList(const std::vector<Tier> &tiers);

/// A demand in plain words: "minimum split 2", "block 0 pinned to the edge".
std::string demandText(const Demand &demand);

using DemandNamer = std::function<std::string(const Demand &)>;

/// The problem in one line, with each demand named by `name`; it says what is wrong, not which
/// command or control would fix it.
std::string problemText(const PlanProblem &problem, const DemandNamer &name = demandText);

/// The planner's error: Error(NotFound) for missing timings, Error(InvalidInput) otherwise,
/// with problemText as its message and the problem itself for front ends to phrase.
class PlanError : public Error
{
public:
    explicit PlanError(PlanProblem problem);

    const PlanProblem &problem() const noexcept { return m_problem; }

private:
    PlanProblem m_problem;
};

} // namespace cleave::plan
