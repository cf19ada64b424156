// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/agent/bearertoken.h"

#include "remote/agent/agentservice.h"

#include "core/error.h"

#include <openssl/crypto.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cleave::remote {

namespace {

constexpr std::string_view kScheme = "Bearer ";

std::string trimmed(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

} // namespace

BearerToken::BearerToken(const std::string &token)
    : m_required(true)
    , m_digest(sha256Hex(token))
{}

BearerToken BearerToken::fromFile(const std::string &path, std::string *warning)
{
    return BearerToken(readTokenFile(path, warning));
}

std::string readTokenFile(const std::string &path, std::string *warning)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw Error(ErrorKind::NotFound, "--token-file " + path + ": cannot read the file");
    std::stringstream text;
    text << file.rdbuf();
    const auto token = trimmed(text.str());
    if (token.empty())
        throw Error(ErrorKind::InvalidInput, "--token-file " + path + ": the file is empty");
    if (token.find_first_of(" \t\r\n") != std::string::npos)
        throw Error(ErrorKind::InvalidInput,
                    "--token-file " + path + ": the token must be one word");
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto perms = fs::status(path, ec).permissions();
    if (warning && !ec &&
        (perms & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none)
        *warning = "--token-file " + path +
                   ": others may read it; keep it with permissions 0600 (chmod 600)";
    return token;
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
