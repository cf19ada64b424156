// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cleave::graph {

/// A tensor shape, outermost dimension first (NCHW for images).
using Shape = std::vector<int64_t>;

/// Parses "1x3x224x224"; throws Error(InvalidInput) quoting the text on anything else (callers
/// prefix the message with where the text came from).
Shape parseShape(std::string_view text);

/// "1x3x224x224"
std::string formatShape(const Shape &shape);

int64_t elementCount(const Shape &shape);

} // namespace cleave::graph
