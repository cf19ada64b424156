// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The names the front ends offer in their lists and help, from the one place each is defined.
// No LibTorch here: the workbench's widgets include it.
#include <string>
#include <vector>

namespace cleave::tl {
/// The Transfer Layer specs offered, most common first: the ScissionLite paper's poolings, then
/// with a learned channel reduction. TlSpec::parse takes any other valid spec too.
const std::vector<std::string> &offeredSpecs();
} // namespace cleave::tl

namespace cleave::codec {
/// Every codec's name, in allCodecs()'s order.
const std::vector<std::string> &names();
} // namespace cleave::codec
