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

} // namespace cleave::remote
