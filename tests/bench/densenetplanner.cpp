// SPDX-License-Identifier: GPL-3.0-or-later
#include "densenetplanner.h"

#include "core/zoo/zoo.h"

#include <algorithm>
#include <random>

namespace cleave::bench {

plan::Planner densenetPlanner(bool allTiers, graph::Granularity granularity)
{
    const auto graph = zoo::openModel("zoo:densenet201", std::nullopt, 0,
                                      graph::ModelGraph::Original::Drop, {granularity});
    std::vector<int64_t> cutBytes;
    for (const auto &cut : graph.cuts())
        cutBytes.push_back(cut.bytes);
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> time(0.1e-3, 8e-3);
    std::vector<plan::ResourceCosts> resources;
    std::vector<std::pair<const char *, plan::Tier>> names{{"d0", plan::Tier::Device},
                                                           {"e0", plan::Tier::Edge}};
    if (allTiers)
        names.insert(names.end(), {{"d1", plan::Tier::Device},
                                   {"e1", plan::Tier::Edge},
                                   {"c0", plan::Tier::Cloud},
                                   {"c1", plan::Tier::Cloud}});
    for (const auto &[name, tier] : names) {
        plan::ResourceCosts r;
        r.name = name;
        r.tier = tier;
        r.cutBytes = cutBytes;
        for (int b = 0; b < graph.blockCount(); ++b)
            r.block_s.push_back(time(rng));
        for (size_t s = 0; s < cutBytes.size(); ++s) {
            r.codecs["fp32"].push_back(
                plan::WireCost{cutBytes[s] + 16, time(rng) / 10, time(rng) / 10});
            const auto &tensors = graph.cuts()[s].tensors;
            const bool image = std::any_of(tensors.begin(), tensors.end(),
                                           [](const auto &t) { return t.shape.size() == 4; });
            for (const char *spec : {"maxpool2", "maxpool4"})
                r.tls[spec].push_back(image ? std::optional<plan::TlCost>(plan::TlCost{
                                                  time(rng) / 10, time(rng) / 10, cutBytes[s] / 4})
                                            : std::nullopt);
        }
        resources.push_back(std::move(r));
    }
    return plan::Planner("zoo:densenet201", std::move(resources));
}

} // namespace cleave::bench
