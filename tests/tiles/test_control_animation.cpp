// control.gif (issue 16): one frame per slice, read back with giflib and composited as a viewer shows
// it; where control changed between the first and the last slice, the frames differ.
#include "base/atomic_file.hpp"
#include "render/tiles/control_animation.hpp"
#include "render/tiles/control_frame.hpp"
#include "tests/documented_colours.hpp"
#include "tests/tiles/gif_reader.hpp"
#include "tests/tiles/tiles_fixture.hpp"

#include <doctest/doctest.h>

namespace fs = std::filesystem;
using namespace naqsha;

TEST_CASE("control.gif: one frame per slice, the date and legend in each, the map changing where control changed") {
    const auto out = test::fresh_dir("control-animation");
    store::map_state state;
    state.as_of = naqsha::parse_iso_day("2020-10-21");
    state.slices = {{"2020-08", naqsha::parse_iso_day("2020-08-01"), naqsha::parse_iso_day("2020-08-31")}, {"2020-09", naqsha::parse_iso_day("2020-09-01"), naqsha::parse_iso_day("2020-09-30")},
                    {"2020-10", naqsha::parse_iso_day("2020-10-01"), naqsha::parse_iso_day("2020-10-31")}};
    state.control = {test::event_interval("AF1803", store::control_status::contested, "2020-10-20"),        // Baharak, Takhar
                     test::event_interval("AF1708", store::control_status::taliban, "2018-05-10"),          // Kohistan: all along
                     test::event_interval("AF1906", store::control_status::contested, "2020-08-05", "2020-09-04")}; // Archi
    tiles::animation_options options;
    const auto report = tiles::write_control_animation(state, test::ocha().districts, out / "control.gif", options);
    CHECK(report.frames == 3);
    CHECK(report.width >= 780);
    CHECK(report.width <= 820);

    const auto gif = test::read_gif(out / "control.gif");
    REQUIRE(gif.frames.size() == state.slices.size());
    CHECK(gif.width == report.width);
    CHECK(gif.height == report.height);
    CHECK(gif.delays.front() == options.frame_centiseconds);
    CHECK(gif.delays.back() == options.last_frame_centiseconds);

    // Where each district is in a frame, from the same layout the animation used.
    const tiles::control_frame_renderer layout(test::ocha().districts, options.width);
    auto pixel_at = [&](std::size_t frame, geo::point lon_lat) { return test::frame_pixel(gif, frame, layout, lon_lat); };
    const auto paper = test::documented_colour("paper");
    const auto contested = test::documented_colour(store::control_status::contested);
    const auto taliban = test::documented_colour(store::control_status::taliban);
    // Baharak: no information in August, contested on the map date (the last frame).
    CHECK(test::same(pixel_at(0, test::ocha_district("AF1803").interior), paper));
    CHECK(test::same(pixel_at(2, test::ocha_district("AF1803").interior), contested));
    // Dasht-e-Archi: contested in the August frame, no longer by October.
    CHECK(test::same(pixel_at(0, test::ocha_district("AF1906").interior), contested));
    CHECK(test::same(pixel_at(2, test::ocha_district("AF1906").interior), paper));
    // Kohistan did not change: the same colour in every frame.
    for (std::size_t f = 0; f < gif.frames.size(); ++f)
        CHECK(test::same(pixel_at(f, test::ocha_district("AF1708").interior), taliban));

    // The frames differ only where something changed: the two districts, the date and the legend's counts.
    std::size_t differing = 0;
    for (std::size_t i = 0; i < gif.frames[0].size(); ++i) differing += !test::same(gif.frames[0][i], gif.frames[2][i]);
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
