// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Option checks shared by the command-line programs (cleave-cli, cleave-agent). Header only: the
// programs link CLI11, the libraries do not.
#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdlib>
#include <string>

namespace cleave::remote {

/// A whole number of at least `least`. CLI11's PositiveNumber answers "many" with the whole
/// range of a double (300 digits); this says what was expected.
inline CLI::Validator wholeNumberFrom(long long least)
{
    return CLI::Validator(
        [least](std::string &text) -> std::string {
            char *end = nullptr;
            errno = 0;
            const long long value = std::strtoll(text.c_str(), &end, 10);
            if (text.empty() || *end != '\0' || errno == ERANGE || value < least)
                return "expected a whole number of at least " + std::to_string(least) + ", got " +
                       text;
            return {};
        },
        least > 0 ? "POSITIVE" : "NONNEGATIVE");
}

/// A number (fractions allowed) of at least `bound` (above it when `strictly`), for the same
/// reason.
inline CLI::Validator numberFrom(double bound, bool strictly = false)
{
    return CLI::Validator(
        [bound, strictly](std::string &text) -> std::string {
            char *end = nullptr;
            errno = 0;
            const double value = std::strtod(text.c_str(), &end);
            const bool inRange = strictly ? value > bound : value >= bound;
            if (text.empty() || *end != '\0' || errno == ERANGE || !inRange)
                return std::string("expected a number ") + (strictly ? "above " : "of at least ") +
                       CLI::detail::to_string(bound) + ", got " + text;
            return {};
        },
        bound > 0 || strictly ? "POSITIVE" : "NONNEGATIVE");
}

/// A number (fractions allowed) greater than `bound`.
inline CLI::Validator numberAbove(double bound)
{
    return numberFrom(bound, true);
}

} // namespace cleave::remote
