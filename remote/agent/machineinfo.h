// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace cleave::remote {

/// What GetInfo reports about the machine itself.
struct MachineInfo
{
    std::string hostName;
    std::string cpuModel;
    int cores = 0;
    std::string blas; ///< "openblas", "blis", "mkl" or "reference"
};

MachineInfo machineInfo();

} // namespace cleave::remote
