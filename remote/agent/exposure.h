// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace cleave::remote {

/// Who can reach an agent that listens on a --listen address.
struct ListenExposure
{
    /// Other machines can: the address is a wildcard or resolves to a non-loopback address.
    bool network = false;
    /// For people: which address makes it so ("192.0.2.1", "every interface").
    std::string reachableAt;
};

/// Resolves the host of `listen` (HOST:PORT, [V6]:PORT; "unix:PATH" is local). A host that
/// does not resolve is not judged here: listening on it fails with the system's reason.
ListenExposure exposureOf(const std::string &listen);

/// True when a gRPC peer ("ipv4:127.0.0.1:5000", "ipv6:[::1]:5000", "unix:...") is on this
/// machine's loopback.
bool isLoopbackPeer(const std::string &peer);

} // namespace cleave::remote
