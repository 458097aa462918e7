#include "base/sha256.hpp"

#include "base/error.hpp"

#include <openssl/evp.h>

#include <array>

namespace naqsha {

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    // Fetched once: OpenSSL 3 looks the algorithm up on every EVP_sha256() call otherwise.
    static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (sha256 == nullptr || EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, sha256, nullptr) != 1)
        throw error("OpenSSL: SHA-256 failed");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (unsigned int i = 0; i < size; ++i) {
        out.push_back(hex[digest[i] >> 4]);
        out.push_back(hex[digest[i] & 0x0f]);
    }
    return out;
}

} // namespace naqsha
