// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace cleave::bench {

/// Counts the bytes LibTorch's CPU tensors hold, so that a block's peak activation memory can be
/// measured. Installed once per process, as LibTorch's CPU allocator (c10::SetCPUAllocator): it
/// allocates as LibTorch's own does (64-byte aligned) with a small header that remembers the
/// size. Memory libraries take for themselves (oneDNN scratch, BLAS buffers) is not counted.
void trackCpuMemory();

/// The most bytes held at once between its construction and peak(), beyond those held at its
/// construction. One at a time (the agent runs one measurement at a time); 0 while
/// trackCpuMemory() has not been called.
///
///     MemoryWatermark mark;
///     auto y = block.forward({x});
///     int64_t activations = mark.peak(); // y, and whatever the block held on the way
class MemoryWatermark
{
public:
    MemoryWatermark();
    int64_t peak() const;

private:
    int64_t m_start = 0;
};

/// Bytes LibTorch's CPU tensors hold now (0 while not tracking).
int64_t cpuBytesInUse();

} // namespace cleave::bench
