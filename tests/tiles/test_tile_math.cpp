#include "geo/tile_math.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace naqsha::geo;

TEST_CASE("PROJ projects lon/lat to EPSG:3857 as cs2cs does") {
    // Kabul; reference values from `cs2cs EPSG:4326 EPSG:3857` (PROJ 9.1).
    std::vector<point> pts{{69.1725, 34.5261}, {0, 0}, {180, 0}};
    to_web_mercator(pts);
    CHECK(pts[0].x == doctest::Approx(7700247.476898).epsilon(1e-12));
    CHECK(pts[0].y == doctest::Approx(4099665.070513).epsilon(1e-12));
    CHECK(pts[1].x == doctest::Approx(0.0));
    CHECK(pts[2].x == doctest::Approx(mercator_half_extent).epsilon(1e-12));

    from_web_mercator(pts);
    CHECK(pts[0].x == doctest::Approx(69.1725).epsilon(1e-12));
    CHECK(pts[0].y == doctest::Approx(34.5261).epsilon(1e-12));
}

TEST_CASE("latitudes beyond the Mercator square are clamped to its edge") {
    std::vector<point> pts{{10, 89.9}, {10, -90}};
    to_web_mercator(pts);
    CHECK(pts[0].y == doctest::Approx(mercator_half_extent).epsilon(1e-9));
    CHECK(pts[1].y == doctest::Approx(-mercator_half_extent).epsilon(1e-9));
}

TEST_CASE("PROJ and the closed-form formulas agree") {
    for (point ll : {point{60.472, 29.377}, point{74.89, 38.491}, point{-122.4, 37.8}, point{151.2, -33.9}}) {
        std::vector<point> p{ll};
        to_web_mercator(p);
        const point f = lon_lat_to_mercator_formula(ll);
        CHECK(p[0].x == doctest::Approx(f.x).epsilon(1e-12));
        CHECK(p[0].y == doctest::Approx(f.y).epsilon(1e-12));
        const point back = mercator_to_lon_lat_formula(f);
        CHECK(back.x == doctest::Approx(ll.x).epsilon(1e-12));
        CHECK(back.y == doctest::Approx(ll.y).epsilon(1e-12));
    }
}

TEST_CASE("XYZ tiles of known places") {
    // Slippy-map addresses (OpenStreetMap formulas): Kabul at z10 is 708/407.
    CHECK(tile_at(lon_lat_to_mercator_formula({69.1725, 34.5261}), 10) == tile_id{10, 708, 407});
    CHECK(tile_at(lon_lat_to_mercator_formula({0.0001, -0.0001}), 1) == tile_id{1, 1, 1});
    CHECK(tile_at(lon_lat_to_mercator_formula({-0.0001, 0.0001}), 1) == tile_id{1, 0, 0});
    CHECK(tile_at(lon_lat_to_mercator_formula({180, -85.0511}), 3) == tile_id{3, 7, 7});
    CHECK(tile_at({0, 0}, 0) == tile_id{0, 0, 0});

    // Afghanistan's extent at z5 spans columns 21-22, rows 12-13.
    box afg{60.472, 29.377, 74.890, 38.491};
    point corners[2] = {{afg.min_x, afg.min_y}, {afg.max_x, afg.max_y}};
    to_web_mercator(corners);
    box m;
    m.extend(corners[0]);
    m.extend(corners[1]);
    const tile_range r = tiles_covering(m, 5);
    CHECK(r.min_x == 21);
    CHECK(r.max_x == 22);
    CHECK(r.min_y == 12);
    CHECK(r.max_y == 13);
    CHECK(r.count() == 4);
}

TEST_CASE("tile bounds round-trip through pixels and tiles") {
    const tile_id kabul{10, 708, 407};
    const box b = tile_bounds(kabul);
    const double res = meters_per_pixel(10);
    CHECK(res == doctest::Approx(152.87405657041106));
    CHECK(b.max_x - b.min_x == doctest::Approx(256 * res));
    CHECK(b.min_x == doctest::Approx(7670608.662474006));
    CHECK(b.max_y == doctest::Approx(4109254.640611075));
    // The centre of a tile lies in that tile, at every zoom.
    for (int z = 0; z <= 14; ++z) {
        const tile_id t{z, (1 << z) / 3, (1 << z) / 5};
        const box tb = tile_bounds(t);
        CHECK(tile_at({(tb.min_x + tb.max_x) / 2, (tb.min_y + tb.max_y) / 2}, z) == t);
        const point px = mercator_to_pixel({tb.min_x, tb.max_y}, z);
        CHECK(px.x == doctest::Approx(256.0 * t.x));
        CHECK(px.y == doctest::Approx(256.0 * t.y));
    }
    const box ll = tile_bounds_lon_lat(kabul);
    CHECK(ll.min_x < 69.1725);
    CHECK(ll.max_x > 69.1725);
    CHECK(ll.min_y < 34.5261);
    CHECK(ll.max_y > 34.5261);
    CHECK(tile_bounds_lon_lat({0, 0, 0}).max_y == doctest::Approx(mercator_max_latitude));
}

TEST_CASE("MBTiles rows are XYZ rows flipped") {
    CHECK(flip_row(0, 0) == 0);
    CHECK(flip_row(1, 0) == 1);
    CHECK(flip_row(10, 407) == 616);
    CHECK(flip_row(10, flip_row(10, 407)) == 407);
    for (int z = 0; z <= 14; ++z)
        for (int y : {0, (1 << z) / 2, (1 << z) - 1}) CHECK(flip_row(z, flip_row(z, y)) == y);
}
