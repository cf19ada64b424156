// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/bench/memorytracker.h"

#include <c10/core/CPUAllocator.h>
#include <c10/core/impl/alloc_cpu.h>

#include <atomic>
#include <mutex>

namespace cleave::bench {

namespace {

std::atomic<int64_t> g_inUse{0};
std::atomic<int64_t> g_peak{0};

// Keeps 64-byte alignment for the data behind it.
constexpr size_t kHeader = 64;

void raisePeak(int64_t now)
{
    int64_t peak = g_peak.load(std::memory_order_relaxed);
    while (now > peak && !g_peak.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
    }
}

void release(void *data)
{
    if (!data)
        return;
    auto *block = static_cast<char *>(data) - kHeader;
    g_inUse.fetch_sub(*reinterpret_cast<int64_t *>(block), std::memory_order_relaxed);
    c10::free_cpu(block);
}

class CountingAllocator final : public c10::Allocator
{
public:
    c10::DataPtr allocate(size_t bytes) const override
    {
        auto *block = static_cast<char *>(c10::alloc_cpu(bytes + kHeader));
        *reinterpret_cast<int64_t *>(block) = int64_t(bytes);
        raisePeak(g_inUse.fetch_add(int64_t(bytes), std::memory_order_relaxed) + int64_t(bytes));
        void *data = block + kHeader;
        return {data, data, &release, c10::Device(c10::DeviceType::CPU)};
    }
    c10::DeleterFnPtr raw_deleter() const override { return &release; }
};

} // namespace

void trackCpuMemory()
{
    static std::once_flag installed;
    std::call_once(installed, [] {
        static CountingAllocator allocator;
        // Above the default's priority (0), so LibTorch allocates through it from now on.
        c10::SetCPUAllocator(&allocator, 1);
    });
}

MemoryWatermark::MemoryWatermark()
    : m_start(g_inUse.load(std::memory_order_relaxed))
{
    g_peak.store(m_start, std::memory_order_relaxed);
}

int64_t MemoryWatermark::peak() const
{
    return std::max<int64_t>(0, g_peak.load(std::memory_order_relaxed) - m_start);
}

int64_t cpuBytesInUse()
{
    return g_inUse.load(std::memory_order_relaxed);
}

} // namespace cleave::bench
