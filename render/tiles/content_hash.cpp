#include "render/tiles/content_hash.hpp"

#include <cstring>

namespace naqsha::tiles {
namespace {

// splitmix64's finaliser: a full-avalanche 64-bit mix.
std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBull;
    x ^= x >> 31;
    return x;
}

} // namespace

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
    // Two independent lanes over 8-byte words, each seeded differently.
    std::uint64_t a = 0x9E3779B97F4A7C15ull ^ bytes.size(), b = 0xC2B2AE3D27D4EB4Full + bytes.size();
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, bytes.data() + i, 8);
        a = mix(a ^ w) + 0x632BE59BD9B4E019ull;
        b = mix(b + w) ^ (b >> 17);
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
    a = mix(a ^ tail ^ 0xFF51AFD7ED558CCDull);
    b = mix(b + tail + 0xC4CEB9FE1A85EC53ull);
    return {mix(a ^ (b << 1)), mix(b ^ (a >> 1))};
}

void hash_builder::add(std::uint64_t v) { state_ = mix(state_ ^ mix(v + 0x9E3779B97F4A7C15ull)); }

} // namespace naqsha::tiles
