// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

namespace cleave::remote {

/// One line per request on stderr, written when the handler returns.
class RequestLog
{
public:
    RequestLog(grpc::ServerContext *context, const char *method)
        : m_peer(context->peer())
        , m_method(method)
        , m_start(std::chrono::steady_clock::now())
    {}
    ~RequestLog()
    {
        const auto ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_start)
                .count();
        char line[512];
        std::snprintf(line, sizeof line, "%s %s %s %.1f ms%s%s\n", m_method, m_peer.c_str(),
                      m_status.ok() ? "OK" : statusName(m_status.error_code()), ms,
                      m_detail.empty() ? "" : " ", m_detail.c_str());
        std::cerr << line << std::flush;
    }
    grpc::Status done(grpc::Status status, std::string detail = {})
    {
        m_status = status;
        m_detail = std::move(detail);
        if (!status.ok() && m_detail.empty())
            m_detail = status.error_message();
        return status;
    }

private:
    static const char *statusName(grpc::StatusCode code)
    {
        switch (code) {
        case grpc::StatusCode::CANCELLED:
            return "CANCELLED";
        case grpc::StatusCode::INVALID_ARGUMENT:
            return "INVALID_ARGUMENT";
        case grpc::StatusCode::NOT_FOUND:
            return "NOT_FOUND";
        case grpc::StatusCode::RESOURCE_EXHAUSTED:
            return "RESOURCE_EXHAUSTED";
        case grpc::StatusCode::UNAVAILABLE:
            return "UNAVAILABLE";
        case grpc::StatusCode::DEADLINE_EXCEEDED:
            return "DEADLINE_EXCEEDED";
        case grpc::StatusCode::UNAUTHENTICATED:
            return "UNAUTHENTICATED";
        default:
            return "ERROR";
        }
    }

    std::string m_peer;
    const char *m_method;
    std::chrono::steady_clock::time_point m_start;
    grpc::Status m_status;
    std::string m_detail;
};

} // namespace cleave::remote
