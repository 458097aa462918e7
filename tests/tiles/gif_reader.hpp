#pragma once
// control.gif read back with giflib, each frame composited as a viewer shows it: drawn over the one
// before, its transparent pixels letting that one through. For the animation's tests.
#include "render/palette/palette.hpp"
#include "render/tiles/control_frame.hpp"
#include "tests/tiles/tiles_fixture.hpp"

#include <doctest/doctest.h>
#include <gif_lib.h>

#include <filesystem>
#include <memory>
#include <vector>

namespace naqsha::test {

// Every frame as shown: each drawn over the one before, its transparent pixels letting that one through.
struct decoded_gif {
    int width = 0, height = 0;
    std::vector<std::vector<render::rgba>> frames;
    std::vector<int> delays;
};

inline decoded_gif read_gif(const std::filesystem::path& file) {
    int error = 0;
    std::unique_ptr<GifFileType, void (*)(GifFileType*)> gif(DGifOpenFileName(file.c_str(), &error), [](GifFileType* g) {
        int e = 0;
        DGifCloseFile(g, &e);
    });
    REQUIRE(gif != nullptr);
    REQUIRE(DGifSlurp(gif.get()) == GIF_OK);
    decoded_gif out;
    out.width = gif->SWidth;
    out.height = gif->SHeight;
    std::vector<render::rgba> screen(std::size_t(out.width) * std::size_t(out.height), render::rgba{0, 0, 0, 0});
    for (int i = 0; i < gif->ImageCount; ++i) {
        const auto& image = gif->SavedImages[i];
        GraphicsControlBlock control{};
        REQUIRE(DGifSavedExtensionToGCB(gif.get(), i, &control) == GIF_OK);
        const ColorMapObject* map = image.ImageDesc.ColorMap ? image.ImageDesc.ColorMap : gif->SColorMap;
        REQUIRE(map != nullptr);
        const auto& d = image.ImageDesc;
        for (int y = 0; y < d.Height; ++y)
            for (int x = 0; x < d.Width; ++x) {
                const int index = image.RasterBits[y * d.Width + x];
                if (index == control.TransparentColor) continue;
                const auto& c = map->Colors[index];
                screen[std::size_t(d.Top + y) * std::size_t(out.width) + std::size_t(d.Left + x)] = {c.Red, c.Green, c.Blue, 255};
            }
        out.frames.push_back(screen);
        out.delays.push_back(control.DelayTime);
    }
    return out;
}

// The pixel of `frame` showing a lon/lat, placed by the layout the animation was drawn with.
inline render::rgba frame_pixel(const decoded_gif& gif, std::size_t frame, const tiles::control_frame_renderer& layout,
                                geo::point lon_lat) {
    const auto offset = layout.map_offset({std::nullopt, true, "", false});
    const auto global = pixel_of(lon_lat, layout.zoom(), layout.tile_size());
    const int x = int(global.x - layout.map_origin().x + offset.x);
    const int y = int(global.y - layout.map_origin().y + offset.y);
    REQUIRE(x >= 0);
    REQUIRE(y >= 0);
    REQUIRE(x < gif.width);
    REQUIRE(y < gif.height);
    REQUIRE(frame < gif.frames.size());
    return gif.frames[frame][std::size_t(y) * std::size_t(gif.width) + std::size_t(x)];
}

inline bool same(render::rgba a, render::rgba b) { return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a; }

} // namespace naqsha::test
