#pragma once
// PNG encoding through libpng. Flat map tiles usually hold few colours: those are written as palette
// PNGs (smaller and faster to compress); the rest as 8-bit RGBA.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace naqsha::tiles {

struct png_settings {
    int compression_level = 6;  // zlib 0-9
    bool allow_palette = true;
};

// `rgba`: straight (not premultiplied) rows of width*4 bytes. `opaque`, when the caller already knows
// whether every alpha is 255 (a tile canvas finds out while making its straight form), spares the
// encoder its own scan. Throws naqsha::error on failure.
std::string encode_png(std::span<const std::uint8_t> rgba, int width, int height, const png_settings& settings,
                       std::optional<bool> opaque = std::nullopt);

struct decoded_png {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba; // straight RGBA
};
// For tests and tools: any PNG libpng reads, expanded to RGBA. Throws naqsha::input_error.
decoded_png decode_png(std::span<const std::uint8_t> bytes);

} // namespace naqsha::tiles
