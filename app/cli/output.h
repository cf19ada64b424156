// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/modelgraph.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <ostream>
#include <string>
#include <vector>

namespace cleave::cli {

/// A plain-text table with left-aligned text columns and right-aligned numeric ones.
class Table
{
public:
    enum Align { Left, Right };
    explicit Table(std::vector<std::pair<std::string, Align>> columns);
    void addRow(std::vector<std::string> cells);
    void print(std::ostream &out) const;

private:
    std::vector<std::pair<std::string, Align>> m_columns;
    std::vector<std::vector<std::string>> m_rows;
};

std::string withThousands(int64_t value);
std::string megabytes(int64_t bytes);
std::string fixed(
    double value,
    int decimals); ///< "%.*f", locale-independent digits ///< "0.803" (10^6 bytes, three decimals)

nlohmann::json toJson(const graph::Cut &cut);

/// Split indices given as "2" or "2,5" to `option` (for `model`, named in the error):
/// Error(InvalidInput) for anything else.
std::vector<int> splitList(const std::string &text, const std::string &option,
                           const std::string &model);

/// True when stderr is a terminal, so progress lines do not clutter logs and pipes.
bool progressToTerminal();

/// A progress bar on one line of stderr, only when it is a terminal; cleared when destroyed.
class ProgressLine
{
public:
    explicit ProgressLine(std::string role)
        : m_role(std::move(role))
        , m_terminal(progressToTerminal())
    {}
    ~ProgressLine()
    {
        if (m_terminal)
            std::cerr << '\r' << std::string(78, ' ') << '\r' << std::flush;
    }
    void show(double fraction, const std::string &what)
    {
        if (!m_terminal)
            return;
        const int width = 30;
        const int filled = std::clamp(int(fraction * width), 0, width);
        std::cerr << "\r" << m_role << " [" << std::string(size_t(filled), '#')
                  << std::string(size_t(width - filled), '.') << "] " << int(fraction * 100) << "% "
                  << what << "          " << std::flush;
    }

private:
    std::string m_role;
    bool m_terminal;
};

} // namespace cleave::cli
