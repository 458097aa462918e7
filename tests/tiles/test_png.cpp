#include "render/tiles/opacity.hpp"
#include "render/tiles/png_encoder.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

using namespace naqsha::tiles;

namespace {

std::vector<std::uint8_t> image_with_colours(int width, int height, int colours) {
    std::vector<std::uint8_t> rgba(std::size_t(width) * std::size_t(height) * 4);
    for (int i = 0; i < width * height; ++i) {
        const int c = (i * 7 + i / width) % colours;
        rgba[std::size_t(i) * 4 + 0] = std::uint8_t(c * 37);
        rgba[std::size_t(i) * 4 + 1] = std::uint8_t(c * 11 + 3);
        rgba[std::size_t(i) * 4 + 2] = std::uint8_t(c / 3);
        rgba[std::size_t(i) * 4 + 3] = std::uint8_t(c == 0 ? 0 : 255 - c % 97);
        if (rgba[std::size_t(i) * 4 + 3] == 0) // fully transparent pixels are stored as 0,0,0,0 by the canvas
            rgba[std::size_t(i) * 4] = rgba[std::size_t(i) * 4 + 1] = rgba[std::size_t(i) * 4 + 2] = 0;
    }
    return rgba;
}

} // namespace

TEST_CASE("PNG round trip is lossless for palette and RGBA tiles") {
    for (int colours : {1, 2, 3, 9, 200, 256, 257, 5000}) {
        CAPTURE(colours);
        const auto rgba = image_with_colours(256, 256, colours);
        const std::string png = encode_png(rgba, 256, 256, {6, true});
        // Colour type byte in IHDR: 3 = palette, 6 = RGBA.
        REQUIRE(png.size() > 26);
        CHECK(static_cast<int>(png[25]) == (colours <= 256 ? 3 : 6));
        const auto back = decode_png({reinterpret_cast<const std::uint8_t*>(png.data()), png.size()});
        CHECK(back.width == 256);
        CHECK(back.height == 256);
        CHECK(back.rgba == rgba);
    }
}

TEST_CASE("an opaque image past 256 colours is stored as RGB and decodes to the same pixels") {
    auto rgba = image_with_colours(256, 256, 5000);
    for (std::size_t i = 3; i < rgba.size(); i += 4) rgba[i] = 255;
    const std::string png = encode_png(rgba, 256, 256, {6, true});
    CHECK(static_cast<int>(png[25]) == 2); // colour type 2: RGB
    const auto back = decode_png({reinterpret_cast<const std::uint8_t*>(png.data()), png.size()});
    CHECK(back.rgba == rgba);
    // One translucent pixel brings the alpha channel back.
    rgba[4 * 1000 + 3] = 254;
    const std::string translucent = encode_png(rgba, 256, 256, {6, true});
    CHECK(static_cast<int>(translucent[25]) == 6);
    CHECK(decode_png({reinterpret_cast<const std::uint8_t*>(translucent.data()), translucent.size()}).rgba == rgba);
}

TEST_CASE("a caller's word on opacity gives the bytes the encoder's own scan gives") {
    auto rgba = image_with_colours(256, 256, 5000);
    const std::string translucent = encode_png(rgba, 256, 256, {6, true});
    CHECK(encode_png(rgba, 256, 256, {6, true}, false) == translucent);
    for (std::size_t i = 3; i < rgba.size(); i += 4) rgba[i] = 255;
    const std::string opaque = encode_png(rgba, 256, 256, {6, true});
    CHECK(static_cast<int>(opaque[25]) == 2);
    CHECK(encode_png(rgba, 256, 256, {6, true}, true) == opaque);
    // The palette path ignores the hint: indexed images carry their alpha in tRNS either way.
    const auto few = image_with_colours(64, 64, 12);
    CHECK(encode_png(few, 64, 64, {6, true}, false) ==
          encode_png(few, 64, 64, {6, true}));
}

TEST_CASE("runs of one colour of every length survive the palette pass") {
    // Runs of 1, 2, 3, ... pixels, crossing row ends, in 40 colours (some translucent): the pass
    // skips runs two pixels at a time, so odd and even lengths and the last pixel all matter.
    std::vector<std::uint8_t> rgba(std::size_t(61) * 47 * 4);
    std::size_t pixel = 0;
    for (int run = 1; pixel < rgba.size() / 4; ++run)
        for (int k = 0; k < run && pixel < rgba.size() / 4; ++k, ++pixel) {
            const int c = run % 40;
            rgba[pixel * 4 + 0] = std::uint8_t(c * 5);
            rgba[pixel * 4 + 1] = std::uint8_t(255 - c);
            rgba[pixel * 4 + 2] = std::uint8_t(c * 3);
            rgba[pixel * 4 + 3] = std::uint8_t(c % 7 == 0 ? 128 : 255);
        }
    const std::string png = encode_png(rgba, 61, 47, {6, true});
    CHECK(static_cast<int>(png[25]) == 3);
    CHECK(decode_png({reinterpret_cast<const std::uint8_t*>(png.data()), png.size()}).rgba == rgba);
}

TEST_CASE("all_opaque finds a translucent pixel wherever it is") {
    for (std::size_t pixels : {1u, 7u, 8u, 9u, 64u, 1000u}) {
        std::vector<std::uint8_t> rgba(pixels * 4, 255);
        CHECK(all_opaque(rgba));
        for (std::size_t p = 0; p < pixels; ++p) {
            CAPTURE(pixels);
            CAPTURE(p);
            rgba[p * 4 + 3] = 254;
            CHECK_FALSE(all_opaque(rgba));
            rgba[p * 4 + 3] = 255;
            rgba[p * 4] = 0; // colour bytes do not count
        }
        CHECK(all_opaque(rgba));
    }
}

TEST_CASE("palettes can be turned off and the result is the same image") {
    const auto rgba = image_with_colours(64, 32, 12);
    const std::string png = encode_png(rgba, 64, 32, {1, false});
    CHECK(static_cast<int>(png[25]) == 6);
    const auto back = decode_png({reinterpret_cast<const std::uint8_t*>(png.data()), png.size()});
    CHECK(back.rgba == rgba);
}

TEST_CASE("decoding garbage is an input error") {
    const std::string junk = "not a png at all";
    CHECK_THROWS(decode_png({reinterpret_cast<const std::uint8_t*>(junk.data()), junk.size()}));
}
