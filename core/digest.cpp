// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/digest.h"

#include <openssl/evp.h>

namespace cleave {

struct Sha256::Context
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256()
    : d(std::make_unique<Context>())
{
    EVP_DigestInit_ex(d->ctx, EVP_sha256(), nullptr);
}

Sha256::Sha256(const Sha256 &other)
    : d(std::make_unique<Context>())
{
    EVP_MD_CTX_copy_ex(d->ctx, other.d->ctx);
}

Sha256 &Sha256::operator=(const Sha256 &other)
{
    if (this != &other)
        EVP_MD_CTX_copy_ex(d->ctx, other.d->ctx);
    return *this;
}

Sha256::~Sha256() = default;

void Sha256::add(std::string_view data)
{
    EVP_DigestUpdate(d->ctx, data.data(), data.size());
}

std::string Sha256::hex() const
{
    Context copy;
    EVP_MD_CTX_copy_ex(copy.ctx, d->ctx);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(copy.ctx, digest, &size);
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string text;
    for (unsigned int i = 0; i < size; ++i) {
        text += kDigits[digest[i] >> 4];
        text += kDigits[digest[i] & 15];
    }
    return text;
}

std::string sha256Hex(std::string_view data)
{
    Sha256 hash;
    hash.add(data);
    return hash.hex();
}

} // namespace cleave
