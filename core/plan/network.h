// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace cleave::plan {

/// A network link between two tiers: one-way latency and the bandwidth in each direction.
/// Plain data: the plots and the GUI use it without LibTorch.
struct NetworkProfile
{
    std::string name;        ///< a preset's name, or "custom"
    double latency_s = 0;    ///< one way, added once per transfer
    double uplink_bps = 0;   ///< towards the edge (or the cloud)
    double downlink_bps = 0; ///< back towards the device

    /// The presets of the architecture: 5g-peak, 5g-low, 4g, 3g, wifi.
    static const std::vector<NetworkProfile> &presets();
    /// The presets' names, comma-separated, the first marked "(default)": for help texts.
    static std::string presetNames();
    /// The same with `defaultName` marked, for a command whose default is another preset.
    static std::string presetNames(const std::string &defaultName);
    /// A preset by name; Error(InvalidInput) naming the known ones otherwise.
    static NetworkProfile preset(const std::string &name);
    /// A custom link; the downlink defaults to the uplink. Validated.
    static NetworkProfile custom(double uplink_mbps, double latency_ms, double downlink_mbps = 0);

    /// Error(InvalidInput) unless both bandwidths are positive and finite and the latency is
    /// zero or more.
    void validate() const;
    /// "4g (5.85 Mbit/s up, 50 ms)"
    std::string describe() const;
};

} // namespace cleave::plan
