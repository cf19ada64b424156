// SPDX-License-Identifier: GPL-3.0-or-later
// The tensor decoder of every wire codec, on bytes as they come off the network: the first byte
// picks the codec, the next four the shape; the rest is the payload. A malformed payload must
// end in cleave::Error, never in a crash, a hang or another exception.
#include "core/codec/codec.h"
#include "core/error.h"

#include <array>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const std::array<const char *, 6> kCodecs{"fp32",      "fp16",      "int8",
                                                     "fp32+zstd", "fp16+zstd", "int8+zstd"};
    if (size < 5)
        return 0;
    const auto codec = cleave::codec::Codec::parse(kCodecs[data[0] % kCodecs.size()]);
    // Shapes up to 1x16x16x16: big enough for every path, small enough to stay fast.
    const cleave::graph::Shape shape{1, 1 + data[1] % 16, 1 + data[2] % 16, 1 + data[3] % 16};
    const std::string_view payload(reinterpret_cast<const char *>(data + 4), size - 4);
    try {
        const auto tensor = cleave::codec::decode(payload, codec, shape);
        if (tensor.numel() != shape[1] * shape[2] * shape[3])
            __builtin_trap(); // decoded, but not to the shape asked for
    } catch (const cleave::Error &) {
    }
    return 0;
}
