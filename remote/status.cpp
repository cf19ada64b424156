// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/status.h"

namespace cleave::remote {

grpc::StatusCode statusCode(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::InvalidInput:
        return grpc::StatusCode::INVALID_ARGUMENT;
    case ErrorKind::NotFound:
        return grpc::StatusCode::NOT_FOUND;
    case ErrorKind::Unavailable:
        return grpc::StatusCode::UNAVAILABLE;
    case ErrorKind::Cancelled:
        return grpc::StatusCode::CANCELLED;
    case ErrorKind::Internal:
        return grpc::StatusCode::INTERNAL;
    }
    return grpc::StatusCode::UNKNOWN;
}

grpc::Status toStatus(const Error &error)
{
    return {statusCode(error.kind()), error.what()};
}

ErrorKind errorKind(grpc::StatusCode code)
{
    switch (code) {
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
    case grpc::StatusCode::FAILED_PRECONDITION:
    case grpc::StatusCode::OUT_OF_RANGE:
        return ErrorKind::InvalidInput;
    case grpc::StatusCode::NOT_FOUND:
        return ErrorKind::NotFound;
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
        return ErrorKind::Unavailable;
    case grpc::StatusCode::CANCELLED:
        return ErrorKind::Cancelled;
    default:
        return ErrorKind::Internal;
    }
}

RemoteError::RemoteError(ErrorKind kind, std::string address, std::string call, std::string reason)
    : Error(kind, address + ": " + call + ": " + reason)
    , m_address(std::move(address))
    , m_call(std::move(call))
    , m_reason(std::move(reason))
{}

} // namespace cleave::remote
