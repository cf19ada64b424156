// SPDX-License-Identifier: GPL-3.0-or-later
#include "throwawayca.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fstream>
#include <stdexcept>

namespace cleave::testing {

namespace {

struct KeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct CertFree
{
    void operator()(X509 *cert) const { X509_free(cert); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;
using Cert = std::unique_ptr<X509, CertFree>;

void check(bool ok, const char *what)
{
    if (!ok)
        throw std::runtime_error(std::string("throwaway CA: ") + what);
}

Key newKey()
{
    Key key(EVP_EC_gen("P-256"));
    check(key != nullptr, "cannot make a key");
    return key;
}

void addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    check(extension != nullptr, value);
    X509_add_ext(cert, extension, -1);
    X509_EXTENSION_free(extension);
}

// issuer == nullptr: self-signed.
Cert newCert(const std::string &commonName, EVP_PKEY *key, X509 *issuer, EVP_PKEY *issuerKey,
             long serial)
{
    Cert cert(X509_new());
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME_add_entry_by_txt(X509_get_subject_name(cert.get()), "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>(commonName.c_str()), -1, -1,
                               0);
    X509_set_issuer_name(cert.get(), X509_get_subject_name(issuer ? issuer : cert.get()));
    return cert;
}

std::string pem(X509 *cert)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, cert);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    std::string text(data, size_t(size));
    BIO_free(bio);
    return text;
}

std::string pem(EVP_PKEY *key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    std::string text(data, size_t(size));
    BIO_free(bio);
    return text;
}

} // namespace

struct ThrowawayCa::Private
{
    Key key;
    Cert cert;
    std::string certPem;
    mutable long serial = 1;
};

ThrowawayCa::ThrowawayCa(const std::string &name)
    : d(std::make_unique<Private>())
{
    d->key = newKey();
    d->cert = newCert(name, d->key.get(), nullptr, nullptr, d->serial++);
    addExtension(d->cert.get(), d->cert.get(), NID_basic_constraints, "critical,CA:TRUE");
    addExtension(d->cert.get(), d->cert.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
    addExtension(d->cert.get(), d->cert.get(), NID_subject_key_identifier, "hash");
    check(X509_sign(d->cert.get(), d->key.get(), EVP_sha256()) > 0, "cannot sign the root");
    d->certPem = pem(d->cert.get());
}

ThrowawayCa::~ThrowawayCa() = default;

const std::string &ThrowawayCa::certPem() const
{
    return d->certPem;
}

PemPair ThrowawayCa::issue(const std::string &commonName, const std::string &altNames) const
{
    auto key = newKey();
    auto cert = newCert(commonName, key.get(), d->cert.get(), d->key.get(), d->serial++);
    addExtension(cert.get(), d->cert.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(cert.get(), d->cert.get(), NID_key_usage,
                 "critical,digitalSignature,keyEncipherment");
    addExtension(cert.get(), d->cert.get(), NID_ext_key_usage, "serverAuth,clientAuth");
    addExtension(cert.get(), d->cert.get(), NID_authority_key_identifier, "keyid:always");
    if (!altNames.empty())
        addExtension(cert.get(), d->cert.get(), NID_subject_alt_name, altNames.c_str());
    check(X509_sign(cert.get(), d->key.get(), EVP_sha256()) > 0, "cannot sign a certificate");
    return {pem(cert.get()), pem(key.get())};
}

bool writeTextFile(const std::string &path, const std::string &text)
{
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << text;
    return bool(file);
}

} // namespace cleave::testing
