// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plan/network.h"

#include "core/error.h"

#include <cmath>
#include <cstdio>

namespace cleave::plan {

namespace {

constexpr double kMbit = 1e6;

NetworkProfile symmetric(const char *name, double mbps, double latency_ms)
{
    return {name, latency_ms / 1000.0, mbps * kMbit, mbps * kMbit};
}

std::string formatNumber(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

} // namespace

const std::vector<NetworkProfile> &NetworkProfile::presets()
{
    // The links of the ScissionLite evaluation (5G at its peak and at its low, 4G, 3G) and the
    // Wi-Fi link of Scission. The papers give one bandwidth per link; it is used both ways.
    // "wan" is the default edge-to-cloud hop of three-tier plans, which the papers leave open;
    // "lan" the wired factory network of a cluster of devices (EdgeDI's setting).
    static const std::vector<NetworkProfile> all{
        symmetric("5g-peak", 57, 28), symmetric("5g-low", 30, 30),  symmetric("4g", 5.85, 50),
        symmetric("3g", 1.1, 100),    symmetric("wifi", 18.88, 10), symmetric("wan", 100, 20),
        symmetric("lan", 1000, 0.5),
    };
    return all;
}

std::string NetworkProfile::presetNames()
{
    return presetNames(presets().front().name);
}

std::string NetworkProfile::presetNames(const std::string &defaultName)
{
    std::string names;
    for (const auto &p : presets())
        names += (names.empty() ? "" : ", ") + p.name + (p.name == defaultName ? " (default)" : "");
    return names;
}

NetworkProfile NetworkProfile::preset(const std::string &name)
{
    std::string known;
    for (const auto &p : presets()) {
        if (p.name == name)
            return p;
        known += (known.empty() ? "" : ", ") + p.name;
    }
    throw Error(ErrorKind::InvalidInput,
                "link '" + name + "': no such preset (known: " + known + ")");
}

NetworkProfile NetworkProfile::custom(double uplink_mbps, double latency_ms, double downlink_mbps)
{
    NetworkProfile p{"custom", latency_ms / 1000.0, uplink_mbps * kMbit,
                     (downlink_mbps > 0 ? downlink_mbps : uplink_mbps) * kMbit};
    p.validate();
    return p;
}

void NetworkProfile::validate() const
{
    const auto positive = [](double v) { return std::isfinite(v) && v > 0; };
    if (!positive(uplink_bps))
        throw Error(ErrorKind::InvalidInput, "link '" + name + "': the uplink bandwidth must be " +
                                                 "positive, not " +
                                                 formatNumber(uplink_bps / kMbit) + " Mbit/s");
    if (!positive(downlink_bps))
        throw Error(ErrorKind::InvalidInput,
                    "link '" + name + "': the downlink bandwidth must be " + "positive, not " +
                        formatNumber(downlink_bps / kMbit) + " Mbit/s");
    if (!std::isfinite(latency_s) || latency_s < 0)
        throw Error(ErrorKind::InvalidInput, "link '" + name +
                                                 "': the latency must be zero or more, not " +
                                                 formatNumber(latency_s * 1000) + " ms");
}

std::string NetworkProfile::describe() const
{
    std::string text = name + " (" + formatNumber(uplink_bps / kMbit) + " Mbit/s up";
    if (downlink_bps != uplink_bps)
        text += ", " + formatNumber(downlink_bps / kMbit) + " down";
    return text + ", " + formatNumber(latency_s * 1000) + " ms)";
}

} // namespace cleave::plan
