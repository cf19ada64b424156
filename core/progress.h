// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <string_view>

namespace cleave {

/// Reports how far long work has come (0..1) and what it is doing; returning false cancels it.
using Progress = std::function<bool(double fraction, std::string_view message)>;

} // namespace cleave
