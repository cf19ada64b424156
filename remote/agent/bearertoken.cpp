// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/agent/bearertoken.h"

#include "remote/secrets.h"

#include "core/digest.h"
#include "core/error.h"

#include <openssl/crypto.h>

namespace cleave::remote {

namespace {

constexpr std::string_view kScheme = "Bearer ";

} // namespace

BearerToken::BearerToken(const std::string &token)
    : m_required(true)
    , m_digest(sha256Hex(token))
{}

BearerToken BearerToken::fromFile(const std::string &path, std::string *warning)
{
    return BearerToken(readTokenFile(path, warning));
}

grpc::Status BearerToken::check(const grpc::ServerContext *context) const
{
    if (!m_required)
        return grpc::Status::OK;
    const auto &metadata = context->client_metadata();
    const auto found = metadata.find("authorization");
    if (found == metadata.end())
        return {grpc::StatusCode::UNAUTHENTICATED,
                "this agent requires a token (authorization: Bearer ...)"};
    const std::string_view value(found->second.data(), found->second.size());
    if (value.substr(0, kScheme.size()) != kScheme)
        return {grpc::StatusCode::UNAUTHENTICATED, "the authorization is not a Bearer token"};
    const auto digest = sha256Hex(value.substr(kScheme.size()));
    if (CRYPTO_memcmp(digest.data(), m_digest.data(), m_digest.size()) != 0)
        return {grpc::StatusCode::UNAUTHENTICATED, "wrong token"};
    return grpc::Status::OK;
}

} // namespace cleave::remote
