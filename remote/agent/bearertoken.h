// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <grpcpp/grpcpp.h>

#include <string>

namespace cleave::remote {

/// The secret an agent started with `--token-file` requires of every call, as gRPC metadata
/// `authorization: Bearer TOKEN`. Only a digest is kept; calls are compared digest against
/// digest in constant time, so neither the token nor its length leaks through timing.
class BearerToken
{
public:
    /// No token: every call is allowed.
    BearerToken() = default;
    explicit BearerToken(const std::string &token);

    /// The token of a token file (see readTokenFile).
    static BearerToken fromFile(const std::string &path, std::string *warning);

    bool required() const { return m_required; }
    /// OK, or UNAUTHENTICATED saying what was wrong (missing or wrong) — never the secret.
    grpc::Status check(const grpc::ServerContext *context) const;

private:
    bool m_required = false;
    std::string m_digest; ///< SHA-256 of the token
};

} // namespace cleave::remote
