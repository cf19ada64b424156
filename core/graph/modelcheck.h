// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

namespace cleave::graph {

/// LibTorch's model reader is not safe against crafted files: fuzzing found archives that
/// crash it (a null dereference in its TorchScript source importer) and that ask it for 4 GiB.
/// Cleave's programs read each new model first in a child process (`PROGRAM --check-model
/// FILE`): a child that dies or hangs costs a refusal, not the program (the agent, which takes
/// models from the network, nor cleave-cli or the workbench, which read the user's files). Throws
/// Error(InvalidInput) naming `what` when the child is killed by a signal, does not finish within
/// `timeout`, or cannot read the file (with LibTorch's reason, as the child saw it): a file the
/// child could not read is never read in the caller's process.
void checkModelInChild(const std::string &checker, const std::string &file, const std::string &what,
                       std::chrono::seconds timeout = std::chrono::seconds(60));

/// The child's side: loads `file` with LibTorch and returns the exit code (0 read, 2 not).
int checkModelHere(const std::string &file);

/// Whether `head` (a file's first bytes) starts a zip archive, the container of TorchScript:
/// only such a file can reach TorchScript's importer.
bool startsAZip(std::string_view head);

/// This executable's path, for a checker child.
std::string currentExecutable();

/// A checker program and the contents it has read without harm: each content is checked once.
/// Thread-safe.
class ModelChecker
{
public:
    explicit ModelChecker(std::string program);

    const std::string &program() const noexcept { return m_program; }
    /// checkModelInChild on `file`, unless a file of the same `content` (any digest text the
    /// caller uses consistently) passed already.
    void check(const std::string &file, const std::string &content, const std::string &what);

private:
    std::string m_program;
    std::mutex m_mutex;
    std::set<std::string> m_passed;
};

/// Makes every ModelGraph::load of a file check it first with `checker --check-model FILE`
/// (checkModelInChild), once per content. A program calls it at start-up when it answers
/// --check-model (with checkModelHere); without it, files are read in-process.
void setModelChecker(const std::string &checker);

/// Checks `file` with the checker set, unless a file of the same content passed already.
/// Error(InvalidInput) naming `what` as checkModelInChild; nothing without a checker.
void checkModelFile(const std::string &file, const std::string &what);

} // namespace cleave::graph
