#include "render/palette/palette.hpp"
#include "render/tiles/legend.hpp"
#include "render/tiles/png_encoder.hpp"
#include "render/tiles/preview.hpp"
#include "tests/documented_colours.hpp"
#include "tests/tiles/tiles_fixture.hpp"

#include <doctest/doctest.h>

#include <cmath>

namespace fs = std::filesystem;
using namespace naqsha;

TEST_CASE("preview.png shows the control state at the map date, with a legend") {
    const auto out = test::fresh_dir("preview");
    store::map_state state;
    state.as_of = naqsha::parse_iso_day("2020-10-21");
    state.control = {test::event_interval("AF1803", store::control_status::contested, "2020-10-20"), // Baharak, Takhar
                     test::event_interval("AF1708", store::control_status::taliban, "2018-05-10"),   // Kohistan, Badakhshan
                     test::event_interval("AF0101", store::control_status::government, "2020-01-01"),
                     // after the map date: must not show
                     test::event_interval("AF2202", store::control_status::taliban, "2020-11-01")};
    const auto report = tiles::write_preview(state, test::ocha().districts, out / "preview.png", {});
    CHECK(report.date == naqsha::parse_iso_day("2020-10-21"));
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
    CHECK(same(pixel_at(test::ocha_district("AF1803").interior), test::documented_colour(store::control_status::contested)));
    CHECK(same(pixel_at(test::ocha_district("AF1708").interior), test::documented_colour(store::control_status::taliban)));
    // Sayad's seizure comes after the map date: its district is left unpainted (white paper).
    CHECK(same(pixel_at(test::ocha_district("AF2202").interior), test::documented_colour("paper")));
    // Outside the country (Islamabad), within the picture: paper.
    CHECK(same(pixel_at({73.05, 33.68}), test::documented_colour("paper")));
    fs::remove_all(out);
}

TEST_CASE("legend.png has the preview's rows: every state and 'No information', counted or not") {
    tiles::legend_spec counted;
    counted.show_counts = true;
    tiles::legend_spec plain; // legend.png: no counts, the same swatches
    CHECK(tiles::legend_size(plain, 1.0).second == tiles::legend_size(counted, 1.0).second);
    tiles::legend_spec control_only = plain;
    control_only.incidents = false;
    // a heading and one row for each of the four states, no information and the two borders
    CHECK(tiles::legend_size(control_only, 1.0).second ==
          std::lround(2 * 10 + (15 + 10) + double(render::status_styles.size() + 3) * 22));
}

TEST_CASE("preview.png shows the incidents of the slice its date falls in, as circles sized by killed") {
    const auto out = test::fresh_dir("preview-incidents");
    store::map_state state;
    state.as_of = naqsha::parse_iso_day("2020-10-21");
    state.slices = {{"2020-09", naqsha::parse_iso_day("2020-09-01"), naqsha::parse_iso_day("2020-09-30")}, {"2020-10", naqsha::parse_iso_day("2020-10-01"), naqsha::parse_iso_day("2020-10-31")}};
    auto incident = [](std::string id, std::string date, double lon, double lat, int killed) {
        store::merged_event e;
        e.id = std::move(id);
        e.type = extract::event_type::bombing;
        e.date = e.date_end = naqsha::parse_iso_day(date);
        e.geo_prec = extract::geo_precision::settlement;
        e.lon = lon;
        e.lat = lat;
        e.killed = extract::count_range{killed, killed, killed};
        return e;
    };
    state.events = {incident("in-october", "2020-10-15", 69.17, 34.53, 12),  // Kabul
                    incident("in-september", "2020-09-15", 62.20, 34.35, 30)}; // Herat: another slice
    const auto report = tiles::write_preview(state, test::ocha().districts, out / "preview.png", {});
    CHECK(report.incidents == 1);
    const std::string bytes = read_file(out / "preview.png");
    const auto img = tiles::decode_png({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
    auto pixel_at = [&](geo::point lon_lat) {
        const auto global = test::pixel_of(lon_lat, report.zoom, report.tile_size);
        const int x = int(global.x - report.map_origin.x + report.map_offset.x);
        const int y = int(global.y - report.map_origin.y + report.map_offset.y);
        const std::size_t i = (std::size_t(y) * std::size_t(img.width) + std::size_t(x)) * 4;
        return render::rgba{img.rgba[i], img.rgba[i + 1], img.rgba[i + 2], img.rgba[i + 3]};
    };
    // the circle's fill (#800026 at 210/255 over white paper): dark red
    const auto kabul = pixel_at({69.17, 34.53});
    CHECK(kabul.r > 120);
    CHECK(kabul.g < 80);
    CHECK(kabul.b < 110);
    const auto herat = pixel_at({62.20, 34.35});
    CHECK(herat.r == 255);
    CHECK(herat.g == 255);
    fs::remove_all(out);
}
