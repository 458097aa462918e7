// control.gif (issue 16): one frame per slice, read back with giflib and composited as a viewer shows
// it; where control changed between the first and the last slice, the frames differ.
#include "geo/atomic_file.hpp"
#include "render/layers/palette.hpp"
#include "render/tiles/control_animation.hpp"
#include "render/tiles/control_frame.hpp"
#include "tests/tiles/tiles_fixture.hpp"

#include <doctest/doctest.h>
#include <gif_lib.h>

#include <memory>

namespace fs = std::filesystem;
using namespace naqsha;

namespace {

store::control_interval interval(std::string pcode, store::control_status status, std::string start, std::string end = "") {
    store::control_interval c;
    c.pcode = std::move(pcode);
    c.status = status;
    c.start_date = std::move(start);
    c.end_date = std::move(end);
    c.basis = "event";
    return c;
}

// Every frame as shown: each drawn over the one before, its transparent pixels letting that one through.
struct decoded_gif {
    int width = 0, height = 0;
    std::vector<std::vector<render::rgba>> frames;
    std::vector<int> delays;
};

decoded_gif read_gif(const fs::path& file) {
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

bool same(render::rgba a, render::rgba b) { return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a; }

} // namespace

TEST_CASE("control.gif: one frame per slice, the date and legend in each, the map changing where control changed") {
    const auto out = test::fresh_dir("control-animation");
    store::map_state state;
    state.as_of = "2020-10-21";
    state.slices = {{"2020-08", "2020-08-01", "2020-08-31"}, {"2020-09", "2020-09-01", "2020-09-30"},
                    {"2020-10", "2020-10-01", "2020-10-31"}};
    state.control = {interval("AF1803", store::control_status::contested, "2020-10-20"),        // Baharak, Takhar
                     interval("AF1708", store::control_status::taliban, "2018-05-10"),          // Kohistan: all along
                     interval("AF1906", store::control_status::contested, "2020-08-05", "2020-09-04")}; // Archi
    tiles::animation_options options;
    const auto report = tiles::write_control_animation(state, test::ocha().districts, out / "control.gif", options);
    CHECK(report.frames == 3);
    CHECK(report.width >= 780);
    CHECK(report.width <= 820);

    const auto gif = read_gif(out / "control.gif");
    REQUIRE(gif.frames.size() == state.slices.size());
    CHECK(gif.width == report.width);
    CHECK(gif.height == report.height);
    CHECK(gif.delays.front() == options.frame_centiseconds);
    CHECK(gif.delays.back() == options.last_frame_centiseconds);

    // Where each district is in a frame, from the same layout the animation used.
    const tiles::control_frame_renderer layout(test::ocha().districts, options.width);
    const auto offset = layout.map_offset({"", true, ""});
    auto pixel_at = [&](std::size_t frame, geo::point lon_lat) {
        const auto global = test::pixel_of(lon_lat, layout.zoom(), layout.tile_size());
        const int x = int(global.x - layout.map_origin().x + offset.x);
        const int y = int(global.y - layout.map_origin().y + offset.y);
        REQUIRE(x >= 0);
        REQUIRE(y >= 0);
        REQUIRE(x < gif.width);
        REQUIRE(y < gif.height);
        return gif.frames[frame][std::size_t(y) * std::size_t(gif.width) + std::size_t(x)];
    };
    const render::rgba paper{255, 255, 255, 255};
    const auto contested = render::style_of(store::control_status::contested).fill;
    const auto taliban = render::style_of(store::control_status::taliban).fill;
    // Baharak: no information in August, contested on the map date (the last frame).
    CHECK(same(pixel_at(0, test::ocha_district("AF1803").interior), paper));
    CHECK(same(pixel_at(2, test::ocha_district("AF1803").interior), contested));
    // Dasht-e-Archi: contested in the August frame, no longer by October.
    CHECK(same(pixel_at(0, test::ocha_district("AF1906").interior), contested));
    CHECK(same(pixel_at(2, test::ocha_district("AF1906").interior), paper));
    // Kohistan did not change: the same colour in every frame.
    for (std::size_t f = 0; f < gif.frames.size(); ++f)
        CHECK(same(pixel_at(f, test::ocha_district("AF1708").interior), taliban));

    // The frames differ only where something changed: the two districts, the date and the legend's counts.
    std::size_t differing = 0;
    for (std::size_t i = 0; i < gif.frames[0].size(); ++i) differing += !same(gif.frames[0][i], gif.frames[2][i]);
    CHECK(differing > 0);
    CHECK(differing < gif.frames[0].size() / 10);

    // Frames are drawn on several threads and encoded in order: the same bytes for any number of threads.
    options.threads = 1;
    tiles::write_control_animation(state, test::ocha().districts, out / "one-thread.gif", options);
    options.threads = 3;
    tiles::write_control_animation(state, test::ocha().districts, out / "three-threads.gif", options);
    CHECK(read_file(out / "one-thread.gif") == read_file(out / "control.gif"));
    CHECK(read_file(out / "three-threads.gif") == read_file(out / "control.gif"));
    fs::remove_all(out);
}
