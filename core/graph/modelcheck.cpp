// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/modelcheck.h"

#include "core/error.h"
#include "core/modelid.h"

#include <torch/script.h>

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <set>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

namespace cleave::graph {

std::string currentExecutable()
{
    std::error_code ec;
    const auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : path.string();
}

namespace {

/// The checker of this process's own reads (setModelChecker), if any.
struct ProcessChecker
{
    std::mutex mutex;
    std::shared_ptr<ModelChecker> checker;
};

ProcessChecker &processChecker()
{
    static ProcessChecker instance;
    return instance;
}

constexpr int kUnreadable = 2;
constexpr int kTooGreedy = 3;

// A model needs a few times its size while it is read; LibTorch and its threads take about
// 0.8 GB of address space before it starts. A file that asks for more is refused: a crafted
// 4 KB archive asks for 4 GiB, which the agent would otherwise give it.
uint64_t addressSpaceFor(uint64_t fileBytes)
{
    return (uint64_t(2) << 30) + 8 * fileBytes;
}

} // namespace

int checkModelHere(const std::string &file)
{
#if !defined(__SANITIZE_ADDRESS__) // its shadow memory needs terabytes of address space
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    const rlimit limit{addressSpaceFor(ec ? 0 : size), addressSpaceFor(ec ? 0 : size)};
    setrlimit(RLIMIT_AS, &limit);
#endif
    try {
        torch::jit::load(file);
        return 0;
    } catch (const std::bad_alloc &) {
        return kTooGreedy;
    } catch (const std::exception &) {
        return kUnreadable;
    }
}

void checkModelInChild(const std::string &checker, const std::string &file, const std::string &what,
                       std::chrono::seconds timeout)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    // The child's output is LibTorch's, about a file the client sent: not for the agent's log.
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::string option = "--check-model";
    std::vector<char *> argv{const_cast<char *>(checker.c_str()), option.data(),
                             const_cast<char *>(file.c_str()), nullptr};
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, checker.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        throw Error(ErrorKind::Internal,
                    what + ": cannot start the model check (" + std::strerror(spawned) + ")");

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    while (true) {
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid)
            break;
        if (done < 0 && errno != EINTR)
            throw Error(ErrorKind::Internal, what + ": lost the model check");
        if (std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            throw Error(ErrorKind::InvalidInput, what + ": reading the model took longer than " +
                                                     std::to_string(timeout.count()) +
                                                     " s; refused");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == kTooGreedy)
        throw Error(ErrorKind::InvalidInput,
                    what + ": not a TorchScript module: reading it asks for more memory than a "
                           "model of its size needs; refused");
    if (WIFSIGNALED(status))
        throw Error(ErrorKind::InvalidInput,
                    what + ": not a TorchScript module: the file crashes LibTorch's reader (" +
                        strsignal(WTERMSIG(status)) + "); refused");
}

ModelChecker::ModelChecker(std::string program)
    : m_program(std::move(program))
{}

void ModelChecker::check(const std::string &file, const std::string &content,
                         const std::string &what)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_passed.count(content))
            return;
    }
    checkModelInChild(m_program, file, what);
    const std::lock_guard lock(m_mutex);
    m_passed.insert(content);
}

void setModelChecker(const std::string &program)
{
    auto &p = processChecker();
    const std::lock_guard lock(p.mutex);
    p.checker = program.empty() ? nullptr : std::make_shared<ModelChecker>(program);
}

void checkModelFile(const std::string &file, const std::string &what)
{
    std::shared_ptr<ModelChecker> checker;
    {
        auto &p = processChecker();
        const std::lock_guard lock(p.mutex);
        checker = p.checker;
    }
    if (!checker)
        return;
    std::string content;
    try {
        content = ModelIdentity::ofFile(file).content();
    } catch (const Error &) {
        return; // unreadable: loading it fails with its own message
    }
    checker->check(file, content, what);
}

} // namespace cleave::graph
