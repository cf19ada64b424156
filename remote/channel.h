// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

namespace cleave::remote {

/// An agent address as users write it: `HOST:PORT` (plain) or `https://HOST:PORT` (TLS).
struct AgentAddress
{
    std::string target; ///< HOST:PORT, what gRPC connects to
    bool tls = false;
};
AgentAddress parseAgentAddress(const std::string &address);

/// The PEM texts of one side of a TLS connection. On a client: `roots` verify the agent
/// (empty: the system's roots), `cert` + `key` are its client certificate (empty: none). On an
/// agent: `cert` + `key` are its own, `roots` (when set) verify the certificates clients must
/// present.
struct TlsPem
{
    std::string roots;
    std::string cert;
    std::string key;
};

/// A PEM file's text. Error naming `option` and the file when it cannot be read or holds no
/// PEM block.
std::string readPemFile(const std::string &path, const std::string &option);

/// The three files of `--tls-ca/--tls-cert/--tls-key` (each may be empty). Error when only one
/// of cert and key is given, or a file is bad.
TlsPem readTlsFiles(const std::string &caFile, const std::string &certFile,
                    const std::string &keyFile);

/// A channel to `address`: TLS with `pem` for `https://` addresses, plain otherwise.
std::shared_ptr<grpc::Channel> openChannel(const std::string &address, const TlsPem &pem,
                                           const grpc::ChannelArguments &args);

/// The agent's server credentials: TLS when `pem.cert` is set (client certificates required
/// and verified against `pem.roots` when those are set), plain otherwise.
std::shared_ptr<grpc::ServerCredentials> serverCredentials(const TlsPem &pem);

} // namespace cleave::remote
