// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/linkemulator.h"

#include <algorithm>
#include <thread>

namespace cleave::remote {

LinkEmulator::LinkEmulator(Settings settings)
    : m_settings(settings)
{
    m_up.bps = settings.uplink_bps;
    m_down.bps = settings.downlink_bps > 0 ? settings.downlink_bps : settings.uplink_bps;
}

double LinkEmulator::send(Direction &direction, int64_t bytes)
{
    const auto start = Clock::now();
    Clock::time_point departed;
    {
        std::lock_guard lock(direction.mutex);
        const auto begin = std::max(start, direction.free);
        const auto onTheWire =
            direction.bps > 0 ? std::chrono::duration<double>(double(bytes) * 8.0 / direction.bps)
                              : std::chrono::duration<double>(0);
        departed = begin + std::chrono::duration_cast<Clock::duration>(onTheWire);
        direction.free = departed;
    }
    const auto arrival = departed + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(m_settings.latency_s));
    std::this_thread::sleep_until(arrival);
    return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace cleave::remote
