// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where a model may be cut: plain data that the workbench, the store and the agents' protocol
// share without LibTorch.
#include <optional>
#include <string>
#include <vector>

namespace cleave::graph {

/// Where cuts may lie. At Block granularity a cut is a boundary of the compute nodes that
/// exactly one tensor crosses (Scission's blocks: a residual block or a dense layer is one
/// block). At Node granularity every boundary of one topological order of the compute nodes is
/// a cut, carrying every tensor made before it and used after it.
enum class Granularity { Block, Node };

/// "block", "node".
std::string granularityName(Granularity granularity);
/// The names granularityName gives, in order.
const std::vector<std::string> &granularityNames();
/// The granularity called `text`, if one is.
std::optional<Granularity> granularityNamed(const std::string &text);

/// How a model is cut when it is analysed.
struct CutOptions
{
    Granularity granularity = Granularity::Block;
    /// At Node granularity, more cuts than this refuse the model (TooManyCuts).
    int maxCuts = 2000;
};

} // namespace cleave::graph
