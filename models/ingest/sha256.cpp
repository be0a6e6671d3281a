// SPDX-License-Identifier: GPL-3.0-or-later
#include "sha256.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace flowscope {

Sha256::Sha256()
    : m_ctx(EVP_MD_CTX_new())
{
    if (!m_ctx || EVP_DigestInit_ex(m_ctx, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("cannot initialise SHA-256");
}

Sha256::~Sha256() { EVP_MD_CTX_free(m_ctx); }

void Sha256::add(const void *data, std::size_t size) { EVP_DigestUpdate(m_ctx, data, size); }

std::string Sha256::hex()
{
    if (!m_result.empty())
        return m_result;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_ctx, digest, &length);
    static constexpr char kHex[] = "0123456789abcdef";
    m_result.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        m_result += kHex[digest[i] >> 4];
        m_result += kHex[digest[i] & 15];
    }
    return m_result;
}

} // namespace flowscope
