// SPDX-License-Identifier: GPL-3.0-or-later
// The TorchScript loader and the graph analysis, on model files as users (or an upload) give
// them: the input is written to a file and opened as cleave-cli and the agent open models. A
// bad file must end in cleave::Error.
//
// LibTorch's own reader crashes on some crafted archives (see core/graph/modelcheck.h): the
// agent reads each new model in a child process first and refuses what kills it. This target
// does the same with fork(), so what it reports is Cleave's: a crash, a leak or another
// exception once the reader has accepted the file.
#include "core/error.h"
#include "core/graph/modelgraph.h"

#include <ATen/Parallel.h>
#include <sanitizer/common_interface_defs.h>
#include <torch/script.h>

#include <chrono>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace {

bool readerSurvives(const std::string &path, size_t size)
{
    const pid_t pid = fork();
    if (pid == 0) {
        // Die quietly: the crash belongs to LibTorch and is the input's refusal, not a finding.
        __sanitizer_set_death_callback(nullptr);
        for (const int s : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL})
            std::signal(s, SIG_DFL);
        try {
            torch::jit::load(path);
        } catch (...) {
        }
        // The agent's reader runs with an address space of 2 GiB + 8x the file: more is a
        // refusal there (modelcheck.cpp). AddressSanitizer leaves no room for that limit, so
        // the peak is checked afterwards instead.
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        _exit(uint64_t(usage.ru_maxrss) * 1024 > (uint64_t(2) << 30) + 8 * size ? 3 : 0);
    }
    int status = 0;
    for (int waited = 0; waitpid(pid, &status, WNOHANG) == 0; ++waited) {
        if (waited > 20000) { // 20 s: the agent refuses a reader that hangs, too
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    at::set_num_threads(1); // no thread pool for fork() to split
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const std::string path = "/tmp/cleave-fuzz-" + std::to_string(getpid()) + ".pt";
    {
        std::ofstream file(path, std::ios::binary | std::ios::trunc);
        file.write(reinterpret_cast<const char *>(data), std::streamsize(size));
    }
    if (!readerSurvives(path, size))
        return 0;
    try {
        const auto graph = cleave::graph::ModelGraph::load(path);
        (void)graph.blockCount();
    } catch (const cleave::Error &) {
    }
    return 0;
}
