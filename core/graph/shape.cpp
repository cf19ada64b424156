// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/shape.h"

#include "core/error.h"

#include <charconv>
#include <limits>

namespace cleave::graph {

Shape parseShape(std::string_view text)
{
    const auto fail = [&](const std::string &why) {
        return Error(ErrorKind::InvalidInput,
                     "'" + std::string(text) + "': " + why +
                         " (expected positive dimensions separated by 'x', e.g. 1x3x224x224)");
    };
    if (text.empty())
        throw fail("empty");
    Shape shape;
    int64_t elements = 1;
    size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find_first_of("xX", start);
        if (end == std::string_view::npos)
            end = text.size();
        const auto part = text.substr(start, end - start);
        int64_t dim = 0;
        const auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), dim);
        if (part.empty() || ec != std::errc() || ptr != part.data() + part.size())
            throw fail("'" + std::string(part) + "' is not a number");
        if (dim <= 0)
            throw fail("dimension " + std::string(part) + " is not positive");
        if (elements > std::numeric_limits<int64_t>::max() / dim)
            throw fail("too many elements");
        elements *= dim;
        shape.push_back(dim);
        start = end + 1;
    }
    if (shape.size() > 8)
        throw fail("more than 8 dimensions");
    return shape;
}

std::string formatShape(const Shape &shape)
{
    std::string text;
    for (size_t i = 0; i < shape.size(); ++i) {
        if (i)
            text += 'x';
        text += std::to_string(shape[i]);
    }
    return text;
}

int64_t elementCount(const Shape &shape)
{
    int64_t n = 1;
    for (const auto d : shape)
        n *= d;
    return n;
}

} // namespace cleave::graph
