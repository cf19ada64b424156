// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plan/costs.h"

#include <optional>
#include <string>
#include <vector>

namespace cleave::plan {

/// Ranks every way to split one model over device, edge and cloud resources from their stored
/// timings, under the Scission or ScissionTL cost model (ARCHITECTURE.md, "Cost model"), a
/// network profile and constraints. Costing is O(1) per configuration (prefix sums), so a
/// re-rank after a slider moves takes well under a millisecond for two tiers.
class Planner
{
public:
    /// `resources` must all describe `model` with the same number of blocks.
    Planner(std::string model, std::vector<ResourceCosts> resources);

    const std::string &model() const { return m_model; }
    int blocks() const { return m_blocks; }
    const std::vector<ResourceCosts> &resources() const { return m_resources; }
    /// The TL specs measured on any resource, sorted.
    std::vector<std::string> tlSpecs() const;
    /// The codecs whose costs were measured, by name, sorted.
    std::vector<std::string> codecs() const;

    /// Gives each configuration its measured accuracy (Configuration::accuracy), which an
    /// accuracy limit and the Pareto front need.
    void setAccuracy(AccuracyTable table) { m_accuracy = std::move(table); }
    const std::optional<AccuracyTable> &accuracy() const { return m_accuracy; }

    /// What crosses each cut (for plans to name the tensors they send); empty when unknown.
    void setCutTensors(CutTensors tensors) { m_cutTensors = std::move(tensors); }
    const CutTensors &cutTensors() const { return m_cutTensors; }

    /// The ranked configurations. Bad requests (bandwidth, unknown codec or TL) throw
    /// Error(InvalidInput); timings the request needs and the store lacks, demands out of range
    /// and demands that exclude every configuration throw PlanError, whose problem names the
    /// demand, or the two, that conflict (core/plan/problem.h).
    Plan plan(const PlanRequest &request) const;

    /// Every two-tier split on `device` and `edge` (empty: the best plan's, else the first of
    /// each tier) under both cost models, with the optima marked, for the plots.
    SplitSeries series(const PlanRequest &request, std::string device = {},
                       std::string edge = {}) const;

private:
    struct Prepared;
    /// Everything a search needs, in named steps: tiers, what-if factors, candidate resources,
    /// wire and TL costs per cut, then the rules of the constraints.
    Prepared prepare(const PlanRequest &request) const;
    std::array<bool, kTierCount> prepareTiers(const PlanRequest &request, Prepared &P) const;
    std::vector<double> whatIfFactors(const Constraints &c) const;
    void prepareCandidates(const std::array<bool, kTierCount> &inPlan, Prepared &P) const;
    void prepareWire(const PlanRequest &request, const std::vector<double> &factor,
                     Prepared &P) const;
    void prepareTransferLayers(const PlanRequest &request, const std::vector<double> &factor,
                               Prepared &P) const;
    void addTierRule(const std::array<bool, kTierCount> &inPlan, Prepared &P) const;
    void addPlacementRules(const Constraints &c, Prepared &P) const;
    void addCostRules(const Constraints &c, Prepared &P) const;
    void prepareAccuracy(const PlanRequest &request, Prepared &P) const;
    void addAccuracyRule(const Constraints &c, Prepared &P) const;
    int resourceIndex(const std::string &name, const char *what) const;
    /// What the user should know of how `plan` was costed.
    std::vector<std::string> notes(const PlanRequest &request, const Plan &plan) const;

    std::string m_model;
    int m_blocks = 0;
    std::vector<ResourceCosts> m_resources;
    std::optional<AccuracyTable> m_accuracy;
    CutTensors m_cutTensors;
};

} // namespace cleave::plan
