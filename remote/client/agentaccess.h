// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace cleave::remote {

/// What a client needs to reach an agent beyond its address (see cleave-agent --token-file and
/// --tls-*). File names, read when a client is made; an `https://` address uses TLS.
struct AgentAccess
{
    std::string token;       ///< the token the agent requires, when not in a file
    std::string tokenFile;   ///< the file of the token the agent requires; empty: none
    std::string tlsCaFile;   ///< PEM roots that sign the agent's certificate; empty: the system's
    std::string tlsCertFile; ///< client certificate, for agents started with --tls-ca
    std::string tlsKeyFile;
};

} // namespace cleave::remote
