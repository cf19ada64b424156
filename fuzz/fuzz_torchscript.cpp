// SPDX-License-Identifier: GPL-3.0-or-later
// The TorchScript loader and the graph analysis, on model files as users (or an upload) give
// them: the input is written to a file and opened as cleave-cli and the agent open models. A
// bad file must end in cleave::Error.
#include "core/error.h"
#include "core/graph/modelgraph.h"

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const std::string path = "/tmp/cleave-fuzz-" + std::to_string(getpid()) + ".pt";
    {
        std::ofstream file(path, std::ios::binary | std::ios::trunc);
        file.write(reinterpret_cast<const char *>(data), std::streamsize(size));
    }
    try {
        const auto graph = cleave::graph::ModelGraph::load(path);
        (void)graph.blockCount();
    } catch (const cleave::Error &) {
    }
    return 0;
}
