// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/channel.h"

#include "core/error.h"

#include <openssl/pem.h>
#include <openssl/x509.h>

#include <fstream>
#include <sstream>

namespace cleave::remote {

namespace {
constexpr std::string_view kTlsScheme = "https://";
constexpr std::string_view kPlainScheme = "http://";
} // namespace

AgentAddress parseAgentAddress(const std::string &address)
{
    if (address.rfind(kTlsScheme, 0) == 0)
        return {address.substr(kTlsScheme.size()), true};
    if (address.rfind(kPlainScheme, 0) == 0)
        return {address.substr(kPlainScheme.size()), false};
    return {address, false};
}

std::string readPemFile(const std::string &path, const std::string &option)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw Error(ErrorKind::NotFound, option + " " + path + ": cannot read the file");
    std::stringstream text;
    text << file.rdbuf();
    if (text.str().find("-----BEGIN ") == std::string::npos)
        throw Error(ErrorKind::InvalidInput, option + " " + path + ": not a PEM file");
    return text.str();
}

namespace {

// gRPC finds out only when the first connection comes in, and then logs rather than fails.
void checkKeyPair(const TlsPem &pem, const std::string &certFile, const std::string &keyFile)
{
    BIO *certBio = BIO_new_mem_buf(pem.cert.data(), int(pem.cert.size()));
    X509 *cert = PEM_read_bio_X509(certBio, nullptr, nullptr, nullptr);
    BIO_free(certBio);
    BIO *keyBio = BIO_new_mem_buf(pem.key.data(), int(pem.key.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
    BIO_free(keyBio);
    const bool matches = cert && key && X509_check_private_key(cert, key) == 1;
    X509_free(cert);
    EVP_PKEY_free(key);
    if (!cert)
        throw Error(ErrorKind::InvalidInput, "--tls-cert " + certFile + ": not a certificate");
    if (!key)
        throw Error(ErrorKind::InvalidInput,
                    "--tls-key " + keyFile + ": not an unencrypted private key");
    if (!matches)
        throw Error(ErrorKind::InvalidInput,
                    "--tls-key " + keyFile + ": not the key of --tls-cert " + certFile);
}

} // namespace

TlsPem readTlsFiles(const std::string &caFile, const std::string &certFile,
                    const std::string &keyFile)
{
    if (certFile.empty() != keyFile.empty())
        throw Error(ErrorKind::InvalidInput, "--tls-cert and --tls-key go together");
    TlsPem pem;
    if (!caFile.empty())
        pem.roots = readPemFile(caFile, "--tls-ca");
    if (!certFile.empty()) {
        pem.cert = readPemFile(certFile, "--tls-cert");
        pem.key = readPemFile(keyFile, "--tls-key");
        checkKeyPair(pem, certFile, keyFile);
    }
    return pem;
}

std::shared_ptr<grpc::Channel> openChannel(const std::string &address, const TlsPem &pem,
                                           const grpc::ChannelArguments &args)
{
    const auto parsed = parseAgentAddress(address);
    if (!parsed.tls)
        return grpc::CreateCustomChannel(parsed.target, grpc::InsecureChannelCredentials(), args);
    grpc::SslCredentialsOptions options;
    options.pem_root_certs = pem.roots;
    options.pem_cert_chain = pem.cert;
    options.pem_private_key = pem.key;
    return grpc::CreateCustomChannel(parsed.target, grpc::SslCredentials(options), args);
}

std::shared_ptr<grpc::ServerCredentials> serverCredentials(const TlsPem &pem)
{
    if (pem.cert.empty())
        return grpc::InsecureServerCredentials();
    grpc::SslServerCredentialsOptions options(
        pem.roots.empty() ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
                          : GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
    options.pem_root_certs = pem.roots;
    options.pem_key_cert_pairs.push_back({pem.key, pem.cert});
    return grpc::SslServerCredentials(options);
}

} // namespace cleave::remote
