// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/shape.h"

#include <torch/script.h>

#include <string>
#include <string_view>
#include <vector>

namespace cleave::codec {

/// How a tensor crosses the wire: its element type on the wire, optionally zstd-compressed.
/// Payloads are little-endian, as every host Cleave runs on is.
struct Codec
{
    enum class Precision { Fp32, Fp16, Int8 };
    Precision precision = Precision::Fp32;
    bool zstd = false;

    /// "fp32", "fp16", "int8", each optionally "+zstd"; throws Error(InvalidInput) naming the
    /// text and the valid names otherwise.
    static Codec parse(std::string_view name);
    std::string name() const;
    bool operator==(const Codec &other) const
    {
        return precision == other.precision && zstd == other.zstd;
    }
};

/// Every codec, in a stable order.
const std::vector<Codec> &allCodecs();

/// Encodes a float tensor. int8 is per-tensor affine: the payload starts with the minimum and
/// the step (two float32), then one byte per element; the error is at most half a step.
std::string encode(const torch::Tensor &tensor, const Codec &codec);

/// What each item along dimension 0 (an image of a batch) becomes when it crosses alone:
/// decode(encode(item)) element for element, without making the bytes. zstd changes nothing.
/// fp32 leaves the values as they are; fp16 rounds each; int8 steps each item on its own scale.
/// Values must be finite (as activations are): where decode refuses an int8 payload's scale,
/// this gives NaNs.
torch::Tensor roundTrip(const torch::Tensor &tensor, const Codec &codec);

/// Decodes a payload into a float32 tensor of `shape`. Throws Error(InvalidInput) on a payload
/// that does not fit the shape or does not decompress; never reads past it.
torch::Tensor decode(std::string_view payload, const Codec &codec, const graph::Shape &shape);

} // namespace cleave::codec
