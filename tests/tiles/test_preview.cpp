#include "render/layers/palette.hpp"
#include "render/tiles/png_encoder.hpp"
#include "render/tiles/preview.hpp"
#include "tests/tiles/tiles_fixture.hpp"

#include <doctest/doctest.h>

namespace fs = std::filesystem;
using namespace naqsha;

namespace {

store::control_interval interval(std::string pcode, store::control_status status, std::string start) {
    store::control_interval c;
    c.pcode = std::move(pcode);
    c.status = status;
    c.start_date = std::move(start);
    c.basis = "event";
    return c;
}

} // namespace

TEST_CASE("preview.png shows the control state at the map date, with a legend") {
    const auto out = test::fresh_dir("preview");
    store::map_state state;
    state.as_of = "2020-10-21";
    state.control = {interval("AF1803", store::control_status::contested, "2020-10-20"), // Baharak, Takhar
                     interval("AF1708", store::control_status::taliban, "2018-05-10"),   // Kohistan, Badakhshan
                     interval("AF0101", store::control_status::government, "2020-01-01"),
                     // after the map date: must not show
                     interval("AF2202", store::control_status::taliban, "2020-11-01")};
    const auto report = tiles::write_preview(state, test::ocha().districts, out / "preview.png", {});
    CHECK(report.date == "2020-10-21");
    CHECK(report.districts[std::size_t(store::control_status::contested)] == 1);
    CHECK(report.districts[std::size_t(store::control_status::taliban)] == 1);
    CHECK(report.districts[std::size_t(store::control_status::government)] == 1);
    CHECK(report.unknown == 396);

    const std::string bytes = read_file(out / "preview.png");
    const auto img = tiles::decode_png({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
    CHECK(img.width == report.width);
    CHECK(img.height == report.height);
    CHECK(img.width >= 1200);

    auto pixel_at = [&](geo::point lon_lat) {
        const auto global = test::pixel_of(lon_lat, report.zoom, report.tile_size);
        const int x = int(global.x - report.map_origin.x + report.map_offset.x);
        const int y = int(global.y - report.map_origin.y + report.map_offset.y);
        REQUIRE(x >= 0);
        REQUIRE(y >= 0);
        REQUIRE(x < img.width);
        REQUIRE(y < img.height);
        const std::size_t i = (std::size_t(y) * std::size_t(img.width) + std::size_t(x)) * 4;
        return render::rgba{img.rgba[i], img.rgba[i + 1], img.rgba[i + 2], img.rgba[i + 3]};
    };
    auto same = [](render::rgba a, render::rgba b) { return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a; };
    CHECK(same(pixel_at(test::ocha_district("AF1803").interior), render::style_of(store::control_status::contested).fill));
    CHECK(same(pixel_at(test::ocha_district("AF1708").interior), render::style_of(store::control_status::taliban).fill));
    // Sayad's seizure comes after the map date: its district is left unpainted (white paper).
    CHECK(same(pixel_at(test::ocha_district("AF2202").interior), render::rgba{255, 255, 255, 255}));
    // Outside the country (Islamabad), within the picture: paper.
    CHECK(same(pixel_at({73.05, 33.68}), render::rgba{255, 255, 255, 255}));
    fs::remove_all(out);
}
