#pragma once
// SHA-256 digests (OpenSSL) for content hashes and stable identifiers.
#include <string>
#include <string_view>

namespace naqsha {

// Lower-case hex SHA-256 of `bytes` (64 characters).
std::string sha256_hex(std::string_view bytes);

} // namespace naqsha
