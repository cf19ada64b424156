// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/rows.h"

#include <algorithm>
#include <set>

namespace cleave::graph {

RowRange RowRange::clippedTo(int64_t height) const
{
    return {std::clamp<int64_t>(begin, 0, height), std::clamp<int64_t>(end, 0, height)};
}

RowRange RowRange::unitedWith(const RowRange &other) const
{
    if (empty())
        return other;
    if (other.empty())
        return *this;
    return {std::min(begin, other.begin), std::max(end, other.end)};
}

RowRange RowMap::needs(const RowRange &out) const
{
    const int64_t first = out.begin * stride - padding;
    const int64_t last = (out.end - 1) * stride - padding + dilation * (kernel - 1);
    return {first, last + 1};
}

RowMap RowMap::then(const RowMap &next) const
{
    // Output row o of `next` needs rows [o*s2 - p2, o*s2 - p2 + d2*(k2-1)] here, and those need
    // [.. * s1 - p1, .. * s1 - p1 + d1*(k1-1)] of the input.
    RowMap map;
    map.stride = stride * next.stride;
    map.padding = next.padding * stride + padding;
    map.kernel = next.dilation * (next.kernel - 1) * stride + dilation * (kernel - 1) + 1;
    return map;
}

std::optional<RowMap> RowMap::unitedWith(const RowMap &other) const
{
    if (stride != other.stride)
        return std::nullopt;
    // Each map needs [o*s - p, o*s - p + extent): the union starts at the larger padding and
    // ends at the larger (extent - padding).
    const int64_t extent = dilation * (kernel - 1) + 1;
    const int64_t otherExtent = other.dilation * (other.kernel - 1) + 1;
    RowMap map;
    map.stride = stride;
    map.padding = std::max(padding, other.padding);
    map.kernel = std::max(extent - padding, otherExtent - other.padding) + map.padding;
    return map;
}

std::string NotRowLocal::describe() const
{
    return "block " + std::to_string(block) + " (" + label + ") runs " + op + ", which " + reason;
}

RowMap RowLocalRun::through(int b) const
{
    RowMap map;
    for (int i = first; i < b; ++i)
        map = map.then(blocks.at(size_t(i - first)));
    return map;
}

RowRange RowLocalRun::inputRows(int b, RowRange out) const
{
    for (int i = b - 1; i >= first; --i)
        out = blocks.at(size_t(i - first)).needs(out).clippedTo(heights.at(size_t(i - first)));
    return out;
}

std::vector<int> RowLocalRun::segmentEnds() const
{
    std::vector<int> ends;
    for (int b = first + 1; b <= end; ++b)
        if (heights[size_t(b - first)] != heights[size_t(b - first - 1)] || b == end)
            ends.push_back(b);
    return ends;
}

std::vector<int64_t> stripHeights(int64_t rows)
{
    std::set<int64_t> heights{std::max<int64_t>(1, (rows + 3) / 4),
                              std::max<int64_t>(1, (rows + 1) / 2), rows};
    for (int64_t h = 1; h <= rows && heights.size() < 3; ++h)
        heights.insert(h);
    return {heights.begin(), heights.end()};
}

RowRange middleRows(int64_t rows, int64_t height)
{
    const int64_t begin = (rows - height) / 2;
    return {begin, begin + height};
}

} // namespace cleave::graph
