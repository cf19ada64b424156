// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/shape.h"

#include <torch/script.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cleave::tl {

/// A Transfer Layer: DeviceTL pools the cut tensor by `factor` (and optionally reduces its
/// channels by `channelDivisor` with a learned 1x1 convolution); EdgeTL restores the channels
/// and upsamples (nearest) back to the exact original H x W, so odd sizes work.
/// Spec strings: "maxpool2", "avgpool4", "maxpool2+c4".
struct TlSpec
{
    enum class Pool { Max, Avg };
    Pool pool = Pool::Max;
    int factor = 2;
    int channelDivisor = 0; ///< 0: channels unchanged

    /// Throws Error(InvalidInput) naming the text and what is accepted.
    static TlSpec parse(std::string_view text);
    std::string name() const;

    /// A TL applies where the cut tensor is NxCxHxW with H, W > 1 (and C divisible by the
    /// channel divisor, if any).
    bool appliesTo(const graph::Shape &cut) const;
    /// The shape that crosses the network: ceil(H / factor) x ceil(W / factor).
    graph::Shape reducedShape(const graph::Shape &cut) const;
};

/// DeviceTL's pooling for a cut of shape `cut`, as a TorchScript function `device_pool(x)`:
/// the elementwise maximum (or sum, then the mean over the elements inside the tensor) of
/// strided rows and then columns, once per factor of 2, with -inf (or 0) padding at odd sizes.
/// It equals max_pool2d / avg_pool2d with ceil_mode (and count_include_pad off), but LibTorch's
/// pooling visits each window element by element and is 10-20x slower on large cuts: this keeps
/// DeviceTL a small share of the head's time. The Inserter inlines this very graph.
std::shared_ptr<torch::jit::Graph> devicePoolGraph(const TlSpec &spec, const graph::Shape &cut);

/// DeviceTL and EdgeTL as plain functions of a cut tensor (for timing; the weights of the
/// channel reduction are seeded, as a TL's are before training).
class TransferLayer
{
public:
    TransferLayer(const TlSpec &spec, const graph::Shape &cut, uint64_t seed = 0);
    torch::Tensor down(const torch::Tensor &x) const; ///< DeviceTL
    torch::Tensor up(const torch::Tensor &y) const;   ///< EdgeTL

private:
    TlSpec m_spec;
    graph::Shape m_cut;
    std::shared_ptr<torch::jit::CompilationUnit> m_pool; ///< device_pool, see devicePoolGraph
    torch::Tensor m_reduce;                              ///< [C / d, C, 1, 1]
    torch::Tensor m_restore;                             ///< [C, C / d, 1, 1]
};

} // namespace cleave::tl
