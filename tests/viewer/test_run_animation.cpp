// control.gif as `naqsha run` writes it on the seeds (issue 16): one frame per slice of summary.csv,
// and the first and last frames differ where control changed: Baharak, contested on the map date.
#include "base/atomic_file.hpp"
#include "render/tiles/control_animation.hpp"
#include "tests/documented_colours.hpp"
#include "tests/tiles/gif_reader.hpp"
#include "tests/tiles/tiles_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace fs = std::filesystem;
using namespace naqsha;

TEST_CASE("the seeds' control.gif: one frame per slice, Baharak contested only in the last") {
    const fs::path out = NAQSHA_VIEWER_FIXTURE_DIR;
    const auto summary = read_file(out / "summary.csv");
    const auto slices = std::size_t(std::count(summary.begin(), summary.end(), '\n')) - 1; // less the header
    REQUIRE(slices >= 2);
    CHECK(summary.find("\n2020-10-21,2020-10,") != std::string::npos); // the last slice: the map date

    const auto gif = test::read_gif(out / "control.gif");
    CHECK(gif.frames.size() == slices);
    CHECK(gif.width >= 780);
    CHECK(gif.width <= 820);

    const tiles::control_frame_renderer layout(test::ocha().districts, tiles::animation_options{}.width); // as the run drew it
    const auto baharak = test::ocha_district("AF1803").interior;
    const auto first = test::frame_pixel(gif, 0, layout, baharak);
    const auto last = test::frame_pixel(gif, gif.frames.size() - 1, layout, baharak);
    CHECK(test::same(first, test::documented_colour("paper")));
    CHECK(test::same(last, test::documented_colour(store::control_status::contested)));
    CHECK_FALSE(test::same(first, last));
}
