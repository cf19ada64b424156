// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/output.h"

#include "core/error.h"

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <unistd.h>

namespace cleave::cli {

Table::Table(std::vector<std::pair<std::string, Align>> columns)
    : m_columns(std::move(columns))
{}

void Table::addRow(std::vector<std::string> cells)
{
    cells.resize(m_columns.size());
    m_rows.push_back(std::move(cells));
}

void Table::print(std::ostream &out) const
{
    std::vector<size_t> width(m_columns.size());
    for (size_t c = 0; c < m_columns.size(); ++c) {
        width[c] = m_columns[c].first.size();
        for (const auto &row : m_rows)
            width[c] = std::max(width[c], row[c].size());
    }
    const auto line = [&](const std::vector<std::string> &cells) {
        for (size_t c = 0; c < cells.size(); ++c) {
            if (c)
                out << "  ";
            const bool last = c + 1 == cells.size();
            if (m_columns[c].second == Right)
                out << std::setw(int(width[c])) << std::right << cells[c];
            else
                out << std::setw(last ? 0 : int(width[c])) << std::left << cells[c];
        }
        out << '\n';
    };
    std::vector<std::string> header;
    for (const auto &column : m_columns)
        header.push_back(column.first);
    line(header);
    for (const auto &row : m_rows)
        line(row);
}

std::string withThousands(int64_t value)
{
    auto digits = std::to_string(value < 0 ? -value : value);
    for (int i = int(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(size_t(i), ",");
    return value < 0 ? "-" + digits : digits;
}

std::string fixed(double value, int decimals)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string megabytes(int64_t bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", double(bytes) / 1e6);
    return text;
}

nlohmann::json toJson(const graph::Cut &cut)
{
    nlohmann::json tensors = nlohmann::json::array();
    for (const auto &t : cut.tensors)
        tensors.push_back({{"label", t.label},
                           {"op", t.op},
                           {"shape", t.shape},
                           {"dtype", t.dtype},
                           {"bytes", t.bytes}});
    nlohmann::json json{{"index", cut.index},
                        {"label", cut.label},
                        {"op", cut.op},
                        {"bytes", cut.bytes},
                        {"tensors", tensors}};
    // The one tensor's shape and type, as before cuts could carry several.
    if (cut.single()) {
        json["shape"] = cut.shape();
        json["dtype"] = cut.dtype();
    }
    return json;
}

bool progressToTerminal()
{
    return isatty(STDERR_FILENO) == 1;
}

std::vector<int> splitList(const std::string &text, const std::string &option,
                           const std::string &model)
{
    std::vector<int> splits;
    std::size_t from = 0;
    while (from <= text.size()) {
        const auto comma = std::min(text.find(',', from), text.size());
        const auto item = text.substr(from, comma - from);
        std::size_t used = 0;
        int s = -1;
        try {
            s = std::stoi(item, &used);
        } catch (const std::exception &) {
        }
        if (item.empty() || used != item.size())
            throw Error(ErrorKind::InvalidInput, option + " " + text +
                                                     ": expected all or split indices (2 or "
                                                     "2,5) for " +
                                                     model);
        splits.push_back(s);
        from = comma + 1;
    }
    return splits;
}

} // namespace cleave::cli
