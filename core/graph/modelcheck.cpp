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
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

namespace cleave::graph {

bool startsAZip(std::string_view head)
{
    return head.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

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
// The child tells why it could not read a file on this descriptor (a pipe of the parent's).
constexpr int kReasonFd = 3;

// The reason a child wrote, up to the last 4 KB.
void readReason(int fd, std::string &reason)
{
    char buffer[512];
    ssize_t n = 0;
    while ((n = read(fd, buffer, sizeof buffer)) > 0) {
        reason.append(buffer, size_t(n));
        if (reason.size() > 4096)
            reason.erase(0, reason.size() - 4096);
    }
}

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
    } catch (const std::exception &e) {
        struct stat info
        {
        };
        if (fstat(kReasonFd, &info) == 0 && S_ISFIFO(info.st_mode)) {
            const auto reason = oneLineReason(e.what());
            [[maybe_unused]] const auto written = write(kReasonFd, reason.data(), reason.size());
        }
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
    int reasonPipe[2] = {-1, -1};
    if (pipe2(reasonPipe, O_CLOEXEC) != 0)
        throw Error(ErrorKind::Internal, what + ": cannot start the model check (no pipe)");
    posix_spawn_file_actions_adddup2(&actions, reasonPipe[1], kReasonFd);
    std::string option = "--check-model";
    std::vector<char *> argv{const_cast<char *>(checker.c_str()), option.data(),
                             const_cast<char *>(file.c_str()), nullptr};
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, checker.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(reasonPipe[1]);
    if (spawned != 0) {
        close(reasonPipe[0]);
        throw Error(ErrorKind::Internal,
                    what + ": cannot start the model check (" + std::strerror(spawned) + ")");
    }
    fcntl(reasonPipe[0], F_SETFL, O_NONBLOCK);
    struct ClosePipe
    {
        int fd;
        ~ClosePipe() { close(fd); }
    } closePipe{reasonPipe[0]};

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    std::string reason;
    while (true) {
        readReason(reasonPipe[0], reason);
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) {
            readReason(reasonPipe[0], reason);
            break;
        }
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
    // What the child could not read is not read here either: a crafted file that fails there
    // may crash this process's reader, whose memory differs.
    if (WIFEXITED(status) && WEXITSTATUS(status) == kUnreadable)
        throw Error(ErrorKind::InvalidInput,
                    what + ": truncated or damaged TorchScript archive (" +
                        (reason.empty() ? std::string("LibTorch cannot read it") : reason) + ")");
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
