// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/agent/machineinfo.h"

#include <fstream>
#include <thread>

#include <unistd.h>

namespace cleave::remote {

namespace {

std::string cpuModel()
{
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("model name", 0) == 0 || line.rfind("Model", 0) == 0) {
            const auto colon = line.find(':');
            if (colon != std::string::npos)
                return line.substr(line.find_first_not_of(" \t", colon + 1));
        }
    }
    return "unknown";
}

// Debian's LibTorch calls libblas.so.3, which the alternatives system points at OpenBLAS (or
// BLIS, or the slow reference BLAS): the mapped file's path says which one is active.
std::string activeBlas()
{
    std::ifstream maps("/proc/self/maps");
    std::string line;
    std::string found = "reference";
    while (std::getline(maps, line)) {
        if (line.find("openblas") != std::string::npos)
            return "openblas";
        if (line.find("libblis") != std::string::npos)
            found = "blis";
        if (line.find("libmkl") != std::string::npos)
            found = "mkl";
    }
    return found;
}

} // namespace

MachineInfo machineInfo()
{
    MachineInfo info;
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) == 0)
        info.hostName = host;
    info.cpuModel = cpuModel();
    info.cores = int(std::thread::hardware_concurrency());
    info.blas = activeBlas();
    return info;
}

} // namespace cleave::remote
