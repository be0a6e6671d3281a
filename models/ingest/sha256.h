// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Incremental SHA-256 over OpenSSL's EVP interface (hardware-accelerated where
// the CPU has SHA extensions; Qt's portable implementation is several times slower).

#include <cstddef>
#include <string>

struct evp_md_ctx_st;

namespace flowscope {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void add(const void *data, std::size_t size);
    // Finishes the digest; the object must not be fed afterwards.
    std::string hex();

private:
    evp_md_ctx_st *m_ctx;
    std::string m_result;
};

} // namespace flowscope
