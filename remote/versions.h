// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace cleave::remote {

/// What `--version` prints for every Cleave program: "PROGRAM VERSION" on the first line (the
/// form man-page tools and scripts expect), the libraries it runs on on the second. `qtVersion`
/// is the Qt the program runs with (qVersion()); empty for programs without Qt (the agent).
/// In remote/ because it is the lowest layer that knows gRPC; core/ has neither Qt nor gRPC.
std::string versionText(std::string_view program, std::string_view qtVersion = {});

} // namespace cleave::remote
