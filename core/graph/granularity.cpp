// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/granularity.h"

namespace cleave::graph {

std::string granularityName(Granularity granularity)
{
    return granularity == Granularity::Node ? "node" : "block";
}

const std::vector<std::string> &granularityNames()
{
    static const std::vector<std::string> names{granularityName(Granularity::Block),
                                                granularityName(Granularity::Node)};
    return names;
}

std::optional<Granularity> granularityNamed(const std::string &text)
{
    for (const auto g : {Granularity::Block, Granularity::Node})
        if (granularityName(g) == text)
            return g;
    return std::nullopt;
}

} // namespace cleave::graph
