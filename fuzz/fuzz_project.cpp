// SPDX-License-Identifier: GPL-3.0-or-later
// The project (store) reader on whatever file a user opens: the schema checks, then every
// reader the workbench and the planner use. A damaged or foreign file must end in
// cleave::Error.
#include "core/error.h"
#include "core/store/store.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const std::string path = "/tmp/cleave-fuzz-" + std::to_string(getpid()) + ".cleave";
    for (const char *suffix : {"", "-wal", "-shm"})
        std::remove((path + suffix).c_str());
    {
        std::ofstream file(path, std::ios::binary | std::ios::trunc);
        file.write(reinterpret_cast<const char *>(data), std::streamsize(size));
    }
    try {
        cleave::store::Store store(path);
        for (const auto &name : store.modelNames())
            for (const auto &model : store.modelsNamed(name)) {
                for (const auto &resource : store.timedResources(model.id))
                    store.latestTimings(model.id, resource.id);
                for (const auto &offload : store.offloads(model.id))
                    store.offloadInferences(offload.id);
            }
        store.resources();
        store.networkProfiles();
        store.agents();
        store.setting("model");
    } catch (const cleave::Error &) {
    }
    return 0;
}
