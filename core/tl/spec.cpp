// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tl/spec.h"
#include "core/offered.h"

#include "core/error.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/csrc/jit/api/function_impl.h>
#include <torch/jit.h>

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

/// One halving of H and W in TorchScript source: pad an odd side (a side of 1 stays as it is),
/// then combine even with odd rows, then even with odd columns.
void appendHalving(std::string &source, const std::string &v, int64_t &h, int64_t &w,
                   const std::string &pad, const std::string &combine, bool *irregular)
{
    const int64_t padH = h > 1 ? h % 2 : 0;
    const int64_t padW = w > 1 ? w % 2 : 0;
    if (padH || padW || h == 1 || w == 1)
        *irregular = true;
    if (padH || padW)
        source += "    " + v + " = torch.constant_pad_nd(" + v + ", [0, " + std::to_string(padW) +
                  ", 0, " + std::to_string(padH) + "], " + pad + ")\n";
    if (h > 1)
        source += "    " + v + " = " + combine + "(" + v + "[:, :, 0::2], " + v + "[:, :, 1::2])\n";
    if (w > 1)
        source +=
            "    " + v + " = " + combine + "(" + v + "[:, :, :, 0::2], " + v + "[:, :, :, 1::2])\n";
    h = ceilDiv(h, 2);
    w = ceilDiv(w, 2);
}

std::string devicePoolSource(const TlSpec &spec, const graph::Shape &cut)
{
    const bool max = spec.pool == TlSpec::Pool::Max;
    const int halvings = spec.factor == 4 ? 2 : 1;
    std::string source = "def device_pool(x: Tensor) -> Tensor:\n    x0 = x\n";
    bool irregular = false;
    int64_t h = cut[2], w = cut[3];
    for (int i = 0; i < halvings; ++i)
        appendHalving(source, "x", h, w, max ? "float('-inf')" : "0.0",
                      max ? "torch.maximum" : "torch.add", &irregular);
    if (max) {
        source += "    return x\n";
    } else if (!irregular) {
        source +=
            "    return x * " + std::to_string(1.0 / double(spec.factor * spec.factor)) + "\n";
    } else {
        // Windows at the border hold fewer elements: divide by how many each one summed. The
        // count comes from the input's own rows (not a constant of its full height), so that a
        // strip of the DeviceTL (a cluster's) counts exactly its own windows.
        source += "    n = torch.ones_like(x0[:, :1])\n";
        h = cut[2];
        w = cut[3];
        for (int i = 0; i < halvings; ++i)
            appendHalving(source, "n", h, w, "0.0", "torch.add", &irregular);
        source += "    return x / n\n";
    }
    return source;
}

std::shared_ptr<torch::jit::CompilationUnit> compileDevicePool(const TlSpec &spec,
                                                               const graph::Shape &cut)
{
    spec.reducedShape(cut); // checks that it applies
    return torch::jit::compile(devicePoolSource(spec, cut));
}

} // namespace

std::shared_ptr<torch::jit::Graph> devicePoolGraph(const TlSpec &spec, const graph::Shape &cut)
{
    auto unit = compileDevicePool(spec, cut);
    return torch::jit::toGraphFunction(unit->get_function("device_pool")).graph()->copy();
}

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
    , m_pool(compileDevicePool(spec, cut))
{
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
    auto y = m_pool->get_function("device_pool")({x}).toTensor();
    return m_reduce.defined() ? torch::conv2d(y, m_reduce) : y;
}

torch::Tensor TransferLayer::up(const torch::Tensor &y) const
{
    const auto restored = m_restore.defined() ? torch::conv2d(y, m_restore) : y;
    return torch::upsample_nearest2d(restored, {m_cut[2], m_cut[3]});
}

const std::vector<std::string> &offeredSpecs()
{
    static const std::vector<std::string> specs{"maxpool2", "maxpool4",    "avgpool2",
                                                "avgpool4", "maxpool2+c2", "maxpool2+c4"};
    return specs;
}

} // namespace cleave::tl
