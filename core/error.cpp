// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"

#include <vector>

namespace cleave {

Error::Error(ErrorKind kind, const std::string &message)
    : std::runtime_error(message)
    , m_kind(kind)
{}

std::string_view toString(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::InvalidInput:
        return "invalid input";
    case ErrorKind::NotFound:
        return "not found";
    case ErrorKind::Unavailable:
        return "unavailable";
    case ErrorKind::Cancelled:
        return "cancelled";
    case ErrorKind::Internal:
        return "internal error";
    }
    return "error";
}

namespace {

std::string_view trim(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "RuntimeError: foo" -> "foo"; only Python-style exception names are stripped.
std::string_view stripExceptionName(std::string_view line)
{
    const auto colon = line.find(": ");
    if (colon == std::string_view::npos || colon == 0)
        return line;
    const auto name = line.substr(0, colon);
    const bool identifier = name.find_first_of(" .()[]'\"") == std::string_view::npos;
    const bool exception = endsWith(name, "Error") || endsWith(name, "Exception");
    return identifier && exception ? trim(line.substr(colon + 2)) : line;
}

} // namespace

std::string oneLineReason(std::string_view message)
{
    std::vector<std::string_view> lines;
    for (size_t start = 0; start <= message.size();) {
        auto end = message.find('\n', start);
        if (end == std::string_view::npos)
            end = message.size();
        const auto line = trim(message.substr(start, end - start));
        // C++ backtraces start with this line; nothing after it is about the model.
        if (line.rfind("Exception raised from", 0) == 0)
            break;
        if (!line.empty())
            lines.push_back(line);
        start = end + 1;
    }
    if (lines.empty())
        return "unknown error";
    // TorchScript tracebacks end with the Python-style exception line: that is the reason.
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
        const auto stripped = stripExceptionName(*it);
        if (stripped.size() != it->size())
            return std::string(stripped);
    }
    return std::string(lines.front());
}

} // namespace cleave
