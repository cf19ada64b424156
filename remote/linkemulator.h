// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <mutex>

namespace cleave::remote {

/// A link as the planner sees it, emulated in the communicator so that agents on one machine
/// see a 5G-like uplink: each direction is a token bucket at its rate with a burst of one
/// packet (what `tc tbf` gives) followed by a one-way delay. Concurrent senders queue behind
/// each other, as they would on one radio link. Thread-safe.
class LinkEmulator
{
public:
    struct Settings
    {
        double uplink_bps = 0;   ///< 0: not shaped
        double downlink_bps = 0; ///< 0: as the uplink
        double latency_s = 0;    ///< one way
    };
    explicit LinkEmulator(Settings settings);

    bool shaped() const { return m_up.bps > 0 || m_settings.latency_s > 0; }
    const Settings &settings() const { return m_settings; }

    /// Blocks for as long as `bytes` sent now take to arrive at the other end; returns the
    /// seconds it waited.
    double sendUp(int64_t bytes) { return send(m_up, bytes); }
    double sendDown(int64_t bytes) { return send(m_down, bytes); }

private:
    using Clock = std::chrono::steady_clock;
    struct Direction
    {
        double bps = 0;
        std::mutex mutex;
        Clock::time_point free; ///< when the bucket has drained what was sent before
    };
    double send(Direction &direction, int64_t bytes);

    Settings m_settings;
    Direction m_up;
    Direction m_down;
};

} // namespace cleave::remote
