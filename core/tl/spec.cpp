// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tl/spec.h"

#include "core/error.h"

#include <ATen/CPUGeneratorImpl.h>

#include <charconv>
#include <cmath>

namespace cleave::tl {

namespace {

Error bad(std::string_view text, const std::string &why)
{
    return Error(ErrorKind::InvalidInput,
                 "TL spec '" + std::string(text) + "': " + why +
                     " (expected maxpool2, maxpool4, avgpool2 or avgpool4, optionally +cN)");
}

int64_t ceilDiv(int64_t a, int64_t b)
{
    return (a + b - 1) / b;
}

} // namespace

TlSpec TlSpec::parse(std::string_view text)
{
    TlSpec spec;
    auto rest = text;
    if (rest.rfind("maxpool", 0) == 0) {
        spec.pool = Pool::Max;
    } else if (rest.rfind("avgpool", 0) == 0) {
        spec.pool = Pool::Avg;
    } else {
        throw bad(text, "unknown pooling");
    }
    rest.remove_prefix(7);
    const auto plus = rest.find('+');
    const auto factor = rest.substr(0, plus);
    if (factor != "2" && factor != "4")
        throw bad(text, "the pooling factor must be 2 or 4");
    spec.factor = factor[0] - '0';
    if (plus != std::string_view::npos) {
        auto channels = rest.substr(plus + 1);
        if (channels.empty() || channels[0] != 'c')
            throw bad(text, "after '+' comes cN, a channel divisor");
        channels.remove_prefix(1);
        int divisor = 0;
        const auto [ptr, ec] =
            std::from_chars(channels.data(), channels.data() + channels.size(), divisor);
        if (ec != std::errc() || ptr != channels.data() + channels.size() || divisor < 2 ||
            divisor > 64)
            throw bad(text, "the channel divisor must be a whole number from 2 to 64");
        spec.channelDivisor = divisor;
    }
    return spec;
}

std::string TlSpec::name() const
{
    return std::string(pool == Pool::Max ? "maxpool" : "avgpool") + std::to_string(factor) +
           (channelDivisor ? "+c" + std::to_string(channelDivisor) : "");
}

bool TlSpec::appliesTo(const graph::Shape &cut) const
{
    return cut.size() == 4 && cut[2] > 1 && cut[3] > 1 &&
           (channelDivisor == 0 || (cut[1] % channelDivisor == 0 && cut[1] >= channelDivisor));
}

graph::Shape TlSpec::reducedShape(const graph::Shape &cut) const
{
    if (!appliesTo(cut))
        throw Error(ErrorKind::InvalidInput,
                    name() + " does not apply to a " + graph::formatShape(cut) + " tensor");
    return {cut[0], channelDivisor ? cut[1] / channelDivisor : cut[1], ceilDiv(cut[2], factor),
            ceilDiv(cut[3], factor)};
}

TransferLayer::TransferLayer(const TlSpec &spec, const graph::Shape &cut, uint64_t seed)
    : m_spec(spec)
    , m_cut(cut)
{
    spec.reducedShape(cut); // checks that it applies
    if (spec.channelDivisor) {
        auto generator = at::detail::createCPUGenerator(seed);
        const int64_t c = cut[1];
        const int64_t reduced = c / spec.channelDivisor;
        m_reduce = torch::randn({reduced, c, 1, 1}, generator) * std::sqrt(2.0 / double(c));
        m_restore = torch::randn({c, reduced, 1, 1}, generator) * std::sqrt(2.0 / double(reduced));
    }
}

torch::Tensor TransferLayer::down(const torch::Tensor &x) const
{
    const int64_t f = m_spec.factor;
    // ceil_mode keeps the border rows of odd sizes; EdgeTL restores the exact size.
    auto y = m_spec.pool == TlSpec::Pool::Max
                 ? torch::max_pool2d(x, {f, f}, {f, f}, {0, 0}, {1, 1}, true)
                 : torch::avg_pool2d(x, {f, f}, {f, f}, {0, 0}, true, false);
    return m_reduce.defined() ? torch::conv2d(y, m_reduce) : y;
}

torch::Tensor TransferLayer::up(const torch::Tensor &y) const
{
    const auto restored = m_restore.defined() ? torch::conv2d(y, m_restore) : y;
    return torch::upsample_nearest2d(restored, {m_cut[2], m_cut[3]});
}

} // namespace cleave::tl
