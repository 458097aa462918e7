#include "base/content_hash.hpp"

#include <xxhash.h>

namespace naqsha {

std::string content_hash::hex() const {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(32, '0');
    for (int i = 0; i < 16; ++i) {
        out[std::size_t(15 - i)] = digits[(hi >> (4 * i)) & 15];
        out[std::size_t(31 - i)] = digits[(lo >> (4 * i)) & 15];
    }
    return out;
}

content_hash hash_bytes(std::string_view bytes) {
    const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
    return {h.high64, h.low64};
}

content_hash hash_builder::value() const {
    const XXH128_hash_t h = XXH3_128bits(values_.data(), values_.size() * sizeof(std::uint64_t));
    return {h.high64, h.low64};
}

} // namespace naqsha
