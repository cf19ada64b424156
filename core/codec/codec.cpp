// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/codec/codec.h"
#include "core/offered.h"

#include "core/error.h"

#include <zstd.h>

#include <cmath>
#include <cstring>

namespace cleave::codec {

namespace {

// zstd's fastest level: activations are encoded on the device for every inference.
constexpr int kZstdLevel = 1;
constexpr size_t kInt8Header = 2 * sizeof(float);

Error bad(const Codec &codec, const std::string &what)
{
    return Error(ErrorKind::InvalidInput, codec.name() + " payload: " + what);
}

std::string compress(const std::string &raw)
{
    std::string out(ZSTD_compressBound(raw.size()), '\0');
    const auto size = ZSTD_compress(out.data(), out.size(), raw.data(), raw.size(), kZstdLevel);
    if (ZSTD_isError(size))
        throw Error(ErrorKind::Internal, std::string("zstd: ") + ZSTD_getErrorName(size));
    out.resize(size);
    return out;
}

std::string decompress(std::string_view payload, size_t expected, const Codec &codec)
{
    // The frame states its size; anything but the expected size is refused before allocating.
    const auto declared = ZSTD_getFrameContentSize(payload.data(), payload.size());
    if (declared == ZSTD_CONTENTSIZE_ERROR || declared == ZSTD_CONTENTSIZE_UNKNOWN)
        throw bad(codec, "not a zstd frame");
    if (declared != expected)
        throw bad(codec, "decompresses to " + std::to_string(declared) + " bytes, expected " +
                             std::to_string(expected));
    std::string raw(expected, '\0');
    const auto size = ZSTD_decompress(raw.data(), raw.size(), payload.data(), payload.size());
    if (ZSTD_isError(size) || size != expected)
        throw bad(codec, std::string("zstd: ") +
                             (ZSTD_isError(size) ? ZSTD_getErrorName(size) : "short frame"));
    return raw;
}

size_t rawSize(const Codec &codec, int64_t elements)
{
    switch (codec.precision) {
    case Codec::Precision::Fp32:
        return size_t(elements) * 4;
    case Codec::Precision::Fp16:
        return size_t(elements) * 2;
    case Codec::Precision::Int8:
        return kInt8Header + size_t(elements);
    }
    return 0;
}

} // namespace

Codec Codec::parse(std::string_view name)
{
    for (const auto &c : allCodecs())
        if (c.name() == name)
            return c;
    std::string valid;
    for (const auto &c : allCodecs())
        valid += (valid.empty() ? "" : ", ") + c.name();
    throw Error(ErrorKind::InvalidInput,
                "codec '" + std::string(name) + "': unknown (valid: " + valid + ")");
}

std::string Codec::name() const
{
    const char *base = precision == Precision::Fp32   ? "fp32"
                       : precision == Precision::Fp16 ? "fp16"
                                                      : "int8";
    return std::string(base) + (zstd ? "+zstd" : "");
}

const std::vector<std::string> &names()
{
    static const std::vector<std::string> list = [] {
        std::vector<std::string> names;
        for (const auto &c : allCodecs())
            names.push_back(c.name());
        return names;
    }();
    return list;
}

const std::vector<Codec> &allCodecs()
{
    using P = Codec::Precision;
    static const std::vector<Codec> all{{P::Fp32, false}, {P::Fp16, false}, {P::Int8, false},
                                        {P::Fp32, true},  {P::Fp16, true},  {P::Int8, true}};
    return all;
}

namespace {

/// int8's per-tensor affine step: the minimum and the step (a range of 255 steps).
std::pair<float, float> int8Scale(const torch::Tensor &x)
{
    const float low = x.numel() ? x.min().item<float>() : 0.0f;
    const float high = x.numel() ? x.max().item<float>() : 0.0f;
    return {low, high > low ? (high - low) / 255.0f : 1.0f};
}

torch::Tensor int8Levels(const torch::Tensor &x, float low, float step)
{
    return ((x - low) / step).round_().clamp_(0, 255).to(torch::kUInt8);
}

torch::Tensor int8Values(const torch::Tensor &q, float low, float step)
{
    return q.to(torch::kFloat) * step + low;
}

} // namespace

std::string encode(const torch::Tensor &tensor, const Codec &codec)
{
    const auto x = tensor.to(torch::kFloat).contiguous();
    std::string raw;
    switch (codec.precision) {
    case Codec::Precision::Fp32:
        raw.assign(static_cast<const char *>(x.data_ptr()), size_t(x.nbytes()));
        break;
    case Codec::Precision::Fp16: {
        const auto h = x.to(torch::kHalf);
        raw.assign(static_cast<const char *>(h.data_ptr()), size_t(h.nbytes()));
        break;
    }
    case Codec::Precision::Int8: {
        const auto [low, step] = int8Scale(x);
        const auto q = int8Levels(x, low, step);
        raw.resize(kInt8Header + size_t(q.numel()));
        std::memcpy(raw.data(), &low, sizeof low);
        std::memcpy(raw.data() + sizeof low, &step, sizeof step);
        std::memcpy(raw.data() + kInt8Header, q.data_ptr(), size_t(q.numel()));
        break;
    }
    }
    return codec.zstd ? compress(raw) : raw;
}

torch::Tensor decode(std::string_view payload, const Codec &codec, const graph::Shape &shape)
{
    const auto elements = graph::elementCount(shape);
    const auto expected = rawSize(codec, elements);
    std::string inflated;
    if (codec.zstd) {
        inflated = decompress(payload, expected, codec);
        payload = inflated;
    }
    if (payload.size() != expected)
        throw bad(codec, std::to_string(payload.size()) + " bytes for shape " +
                             graph::formatShape(shape) + ", expected " + std::to_string(expected));
    const auto floats = torch::TensorOptions().dtype(torch::kFloat);
    switch (codec.precision) {
    case Codec::Precision::Fp32: {
        auto out = torch::empty(shape, floats);
        std::memcpy(out.data_ptr(), payload.data(), payload.size());
        return out;
    }
    case Codec::Precision::Fp16: {
        auto half = torch::empty(shape, torch::TensorOptions().dtype(torch::kHalf));
        std::memcpy(half.data_ptr(), payload.data(), payload.size());
        return half.to(torch::kFloat);
    }
    case Codec::Precision::Int8: {
        float low = 0, step = 0;
        std::memcpy(&low, payload.data(), sizeof low);
        std::memcpy(&step, payload.data() + sizeof low, sizeof step);
        if (!std::isfinite(low) || !std::isfinite(step) || step <= 0)
            throw bad(codec, "invalid scale");
        auto q = torch::empty(shape, torch::TensorOptions().dtype(torch::kUInt8));
        std::memcpy(q.data_ptr(), payload.data() + kInt8Header, size_t(elements));
        return int8Values(q, low, step);
    }
    }
    throw bad(codec, "unknown precision");
}

torch::Tensor roundTrip(const torch::Tensor &tensor, const Codec &codec)
{
    const auto x = tensor.to(torch::kFloat).contiguous();
    switch (codec.precision) {
    case Codec::Precision::Fp32:
        return x;
    case Codec::Precision::Fp16:
        return x.to(torch::kHalf).to(torch::kFloat);
    case Codec::Precision::Int8: {
        if (x.dim() == 0 || x.numel() == 0)
            return x.clone();
        // Every row's scale at once, as int8Scale finds it for the row alone: the same float
        // operations element for element, so the values are those of encode and decode.
        const auto rows = x.reshape({x.size(0), -1});
        const auto low = std::get<0>(rows.min(1, true));
        const auto high = std::get<0>(rows.max(1, true));
        const auto step = torch::where(high > low, (high - low) / 255.0f, torch::ones_like(low));
        // The levels stay floats (whole numbers 0..255, as exact as the bytes), stepped back in
        // place: the same operations as int8Levels and int8Values, fewer passes.
        return ((rows - low) / step)
            .round_()
            .clamp_(0, 255)
            .mul_(step)
            .add_(low)
            .reshape(x.sizes());
    }
    }
    throw bad(codec, "unknown precision");
}

} // namespace cleave::codec
