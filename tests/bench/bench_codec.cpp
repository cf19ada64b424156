// SPDX-License-Identifier: GPL-3.0-or-later
// Goals (issue "Offloader"): encoding at least 1 GB/s for fp32 and 300 MB/s for int8+zstd, and
// the speedup over a JSON encoding of the same tensor (the alternative the papers mention).
// Bytes per second are of the float32 tensor, whatever the codec makes of it. The tensor is a
// ReLU activation (half zeros) of ResNet-50's layer1 output size, 1x256x56x56 (3.2 MB).
#include "core/codec/codec.h"
#include "remote/agent/agentservice.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

using namespace cleave;

namespace {

const torch::Tensor &activation()
{
    static const torch::Tensor tensor = [] {
        torch::manual_seed(0);
        return torch::relu(torch::randn({1, 256, 56, 56}));
    }();
    return tensor;
}

void BM_Encode(benchmark::State &state, const char *name)
{
    const auto codec = codec::Codec::parse(name);
    const auto &x = activation();
    size_t encoded = 0;
    for (auto _ : state) {
        const auto payload = codec::encode(x, codec);
        encoded = payload.size();
        benchmark::DoNotOptimize(payload.data());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * x.nbytes());
    state.counters["ratio"] = double(x.nbytes()) / double(encoded);
}

void BM_Decode(benchmark::State &state, const char *name)
{
    const auto codec = codec::Codec::parse(name);
    const auto &x = activation();
    const auto payload = codec::encode(x, codec);
    const graph::Shape shape = x.sizes().vec();
    for (auto _ : state)
        benchmark::DoNotOptimize(codec::decode(payload, codec, shape).data_ptr());
    state.SetBytesProcessed(int64_t(state.iterations()) * x.nbytes());
}

#define CODEC(name, id)                                                                            \
    BENCHMARK_CAPTURE(BM_Encode, id, name)->Unit(benchmark::kMillisecond);                         \
    BENCHMARK_CAPTURE(BM_Decode, id, name)->Unit(benchmark::kMillisecond)

CODEC("fp32", fp32);
CODEC("fp16", fp16);
CODEC("int8", int8);
CODEC("fp32+zstd", fp32_zstd);
CODEC("fp16+zstd", fp16_zstd);
CODEC("int8+zstd", int8_zstd);

// A JSON document {"shape": [...], "data": [...]}, as a REST-style tensor service would send.
void BM_EncodeJson(benchmark::State &state)
{
    const auto x = activation().contiguous();
    const auto *data = x.data_ptr<float>();
    size_t encoded = 0;
    for (auto _ : state) {
        nlohmann::json doc{{"shape", x.sizes().vec()},
                           {"data", std::vector<float>(data, data + x.numel())}};
        const auto text = doc.dump();
        encoded = text.size();
        benchmark::DoNotOptimize(text.data());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * x.nbytes());
    state.counters["ratio"] = double(x.nbytes()) / double(encoded);
}
BENCHMARK(BM_EncodeJson)->Unit(benchmark::kMillisecond);

void BM_DecodeJson(benchmark::State &state)
{
    const auto x = activation().contiguous();
    const auto *data = x.data_ptr<float>();
    const auto text = nlohmann::json{{"shape", x.sizes().vec()},
                                     {"data", std::vector<float>(data, data + x.numel())}}
                          .dump();
    for (auto _ : state) {
        const auto doc = nlohmann::json::parse(text);
        auto values = doc["data"].get<std::vector<float>>();
        benchmark::DoNotOptimize(torch::from_blob(values.data(), {int64_t(values.size())})
                                     .reshape(doc["shape"].get<std::vector<int64_t>>())
                                     .clone()
                                     .data_ptr());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * x.nbytes());
}
BENCHMARK(BM_DecodeJson)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    // Encoding runs in the agent, with the agent's allocator settings: a fresh multi-megabyte
    // payload otherwise comes from the kernel, page by page, on every call.
    cleave::remote::keepFreedTensorsForReuse();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
