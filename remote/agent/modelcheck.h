// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <string>

namespace cleave::remote {

/// LibTorch's model reader is not safe against crafted files: fuzzing found archives that
/// crash it (a null dereference in its TorchScript source importer) and that ask it for 4 GiB.
/// An agent takes models from the network, so it reads each new one first in a child process
/// (`cleave-agent --check-model FILE`): a child that dies or hangs costs a refusal, not the
/// agent. Throws Error(InvalidInput) naming `what` when the child is killed by a signal or does
/// not finish within `timeout`; a file the child merely cannot read passes, since loading it
/// here then fails with LibTorch's own message.
void checkModelInChild(const std::string &checker, const std::string &file, const std::string &what,
                       std::chrono::seconds timeout = std::chrono::seconds(60));

/// The child's side: loads `file` with LibTorch and returns the exit code (0 read, 2 not).
int checkModelHere(const std::string &file);

/// This executable's path, for a checker child.
std::string currentExecutable();

} // namespace cleave::remote
