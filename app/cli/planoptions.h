// SPDX-License-Identifier: GPL-3.0-or-later
// The options `plan` and `report` share: the store, the model, the link, the cost model and the
// constraints, turned into a plan::PlanRequest.
#pragma once

#include "core/graph/granularity.h"
#include "core/plan/planner.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cleave::cli {

/// A preset by name (`fallback` when none is given) or a custom link from bandwidth and
/// latency; Error(InvalidInput) naming the flags when they are mixed or incomplete.
plan::NetworkProfile networkProfile(const std::string &preset, std::optional<double> mbps,
                                    std::optional<double> latencyMs, std::optional<double> downMbps,
                                    const char *presetFlag, const char *bandwidthFlag,
                                    const std::string &fallback);

/// The granularity --granularity names; Error(InvalidInput) naming the flag and the valid names.
graph::Granularity granularityOption(const std::string &text);
/// "block, node", for help texts and errors.
std::string granularityList();

struct PlanOptions
{
    std::string db;
    std::string model;
    std::string granularity = "block"; ///< of the timings planned on
    std::string tiers = "device,edge";
    std::string link;
    std::optional<double> bandwidthMbps;
    std::optional<double> downlinkMbps;
    std::optional<double> latencyMs;
    std::string cloudLink;
    std::optional<double> cloudBandwidthMbps;
    std::optional<double> cloudLatencyMs;
    std::vector<std::string> tl; ///< specs, or "none"; empty: every measured spec, if any
    std::string codec = "fp32";
    std::optional<int> minSplit;
    std::optional<int64_t> maxUploadBytes;
    std::optional<int64_t> maxDeviceMemoryMiB;
    std::optional<double> maxDeviceMs;
    std::optional<double> maxLatencyMs;
    std::optional<double> maxAccuracyDrop; ///< percentage points of top-1
    std::vector<std::string> pins;         ///< BLOCK=TIER
    std::vector<std::string> keepOffs;     ///< BLOCK=TIER
    std::vector<std::string> required;     ///< a tier or a resource name
    std::vector<std::string> excludes;     ///< a resource name
    std::vector<std::string> unused;       ///< tiers
    std::vector<std::string> slowdowns;    ///< RESOURCE=FACTOR
    int top = 10;
    bool noReturn = false;
    bool pareto = false;

    /// Error(NotFound) when --db names no file, saying how to make one.
    void requireStore() const;
    /// Registers the shared flags on `command`.
    void addTo(CLI::App &command);
    /// The timings' granularity; Error(InvalidInput) naming the flag.
    graph::Granularity timingsGranularity() const { return granularityOption(granularity); }
    /// The request for `planner`; Error(InvalidInput) naming the flag for bad values.
    plan::PlanRequest request(const plan::Planner &planner) const;
};

} // namespace cleave::cli
