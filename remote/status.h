// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <grpcpp/support/status.h>

namespace cleave::remote {

/// The gRPC status for a core error kind (InvalidInput -> INVALID_ARGUMENT, ...).
grpc::StatusCode statusCode(ErrorKind kind);
grpc::Status toStatus(const Error &error);

/// The core error kind for a gRPC status received by a client.
ErrorKind errorKind(grpc::StatusCode code);

/// What an agent answered a call with: its address, the call ("LoadModel") and its own words,
/// kept apart so callers can say it their way. The message is "ADDRESS: CALL: REASON".
class RemoteError : public Error
{
public:
    RemoteError(ErrorKind kind, std::string address, std::string call, std::string reason);

    const std::string &address() const noexcept { return m_address; }
    const std::string &call() const noexcept { return m_call; }
    const std::string &reason() const noexcept { return m_reason; }

private:
    std::string m_address;
    std::string m_call;
    std::string m_reason;
};

} // namespace cleave::remote
