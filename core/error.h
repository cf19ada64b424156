// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace cleave {

/// What went wrong, coarse enough to map onto exit codes and gRPC status codes.
enum class ErrorKind { InvalidInput, NotFound, Unavailable, Cancelled, Internal };

/// The one exception type core code throws: a kind and a one-line message that names the input.
class Error : public std::runtime_error
{
public:
    Error(ErrorKind kind, const std::string &message);

    ErrorKind kind() const noexcept { return m_kind; }

private:
    ErrorKind m_kind;
};

std::string_view toString(ErrorKind kind);

/// Reduces a multi-line LibTorch message (TorchScript tracebacks, C++ backtraces) to the line
/// that says what failed, e.g. "Given groups=1, weight of size ... but got 1 channels instead".
std::string oneLineReason(std::string_view message);

} // namespace cleave
