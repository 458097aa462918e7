#pragma once
// Whether every pixel of an RGBA image is opaque. Asked of every tile (is there a straight-alpha form
// to make, which also tells the PNG encoder it can drop the alpha channel), so it reads eight
// pixels' alpha per step instead of one byte at a time.
#include <cstdint>
#include <cstring>
#include <span>

namespace naqsha::tiles {

inline bool all_opaque(std::span<const std::uint8_t> rgba) {
    constexpr std::uint64_t alpha = 0xFF000000FF000000ull; // bytes 3 and 7 of two RGBA pixels
    std::size_t i = 0;
    for (; i + 32 <= rgba.size(); i += 32) {
        std::uint64_t w[4];
        std::memcpy(w, rgba.data() + i, 32);
        if ((w[0] & w[1] & w[2] & w[3] & alpha) != alpha) return false;
    }
    for (i += 3; i < rgba.size(); i += 4)
        if (rgba[i] != 255) return false;
    return true;
}

} // namespace naqsha::tiles
