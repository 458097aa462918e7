#include "base/content_hash.hpp"
#include "base/error.hpp"
#include "base/sqlite_db.hpp"
#include "render/palette/palette.hpp"
#include "render/tiles/mbtiles_writer.hpp"
#include "render/tiles/render_tiles.hpp"
#include "render/tiles/slice_content.hpp"
#include "render/tiles/tile_canvas.hpp"
#include "tests/documented_colours.hpp"
#include "tiles_fixture.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <memory>
#include <sys/resource.h>
#include <sys/stat.h>

#include <cmath>
#include <map>

namespace fs = std::filesystem;
using namespace naqsha;
using naqsha::test::ocha;

namespace {

store::control_status status_for(std::size_t district) { return store::control_status(district % 4); }

store::map_state every_district_with_a_status() {
    store::map_state s;
    for (std::size_t i = 0; i < ocha().districts.size(); ++i)
        s.control.push_back({ocha().districts[i].pcode, status_for(i), *naqsha::parse_iso_day("2021-01-01"), std::nullopt, {}, store::control_basis::baseline, "", 0, {}, {}});
    s.as_of = naqsha::parse_iso_day("2021-06-30");
    return s;
}

double distance_to_segment(geo::point p, geo::point a, geo::point b) {
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

// Distance in pixels at zoom z from a point to the nearest edge of a district.
double pixels_to_border(const gazetteer::district& d, geo::point lon_lat, int z) {
    const geo::point p = test::pixel_of(lon_lat, z);
    double best = 1e300;

    for (const auto& poly : d.shape) {
        auto scan = [&](const geo::ring& r) {
            std::vector<geo::point> px;
            for (const auto& q : r) px.push_back(test::pixel_of(q, z));
            for (std::size_t i = 0; i + 1 < px.size(); ++i) best = std::min(best, distance_to_segment(p, px[i], px[i + 1]));
        };
        scan(poly.outer);
        for (const auto& h : poly.holes) scan(h);
    }
    return best;
}

int query_int(naqsha::sqlite_db& db, const std::string& sql) {
    auto st = db.prepare(sql);
    return st.step() ? static_cast<int>(st.column_integer(0).value_or(-1)) : -1;
}

std::string query_text(naqsha::sqlite_db& db, const std::string& sql) {
    auto st = db.prepare(sql);
    return st.step() ? st.column_text(0) : std::string();
}

} // namespace

TEST_CASE("the pixel at a district's interior point has its status colour at several zooms") {
    const auto out = test::fresh_dir("interior");
    tiles::tile_options options;
    options.tiles_dir = out / "tiles";
    options.min_zoom = 5;
    options.max_zoom = 9;
    options.layers = {tiles::control_layer};
    options.mbtiles = false;
    const auto report = tiles::render_tiles(every_district_with_a_status(), ocha().districts, ocha().provinces, options);
    REQUIRE(report.outputs.size() == 1);
    const fs::path dir = report.outputs[0].xyz_dir;
    CHECK(report.districts == 399);

    for (int z : {5, 7, 9}) {
        int checked = 0;
        for (std::size_t i = 0; i < ocha().districts.size(); ++i) {
            const auto& d = ocha().districts[i];
            // Only where the point is clear of borders (and their anti-aliasing) at this zoom.
            if (pixels_to_border(d, d.interior, z) < 3) continue;
            const auto px = test::xyz_pixel(dir, z, test::pixel_of(d.interior, z));
            const auto expected = test::documented_colour(status_for(i));
            CAPTURE(z);
            CAPTURE(d.pcode);
            CHECK(px.r == expected.r);
            CHECK(px.g == expected.g);
            CHECK(px.b == expected.b);
            CHECK(px.a == 255);
            ++checked;
        }
        CAPTURE(z);
        CHECK(checked >= (z == 5 ? 40 : 300));
    }
    // Outside the country, inside the extent: nothing drawn (Islamabad).
    CHECK(test::xyz_pixel(dir, 7, test::pixel_of({73.05, 33.68}, 7)).a == 0);
    fs::remove_all(out);
}

TEST_CASE("neighbouring districts leave no unpainted pixel along their shared border at z8") {
    const auto& b = ocha();
    std::vector<geo::multipolygon> shapes;
    std::vector<geo::point> all;
    for (const auto& d : b.districts) shapes.push_back(d.shape);
    for (auto& mp : shapes)
        for (auto& poly : mp) {
            geo::to_web_mercator(poly.outer);
            for (auto& h : poly.holes) geo::to_web_mercator(h);
        }
    const tiles::topology topo = tiles::build_topology(shapes);
    const int z = 8;
    const tiles::zoom_geometry zg = tiles::simplify_for_zoom(topo, z, 256, 0.3);

    // Fill alone (no border strokes to hide a seam), every district in its status colour.
    std::vector<tiles::face_fill> fills;
    for (std::size_t f = 0; f < b.districts.size(); ++f)
        fills.push_back({std::uint32_t(f), render::style_of(status_for(f)).fill});
    tiles::tile_canvas canvas(256);
    std::map<std::pair<int, int>, std::vector<std::size_t>> arcs_by_tile;
    for (std::size_t a = 0; a < zg.arcs.size(); ++a) {
        if (topo.arcs[a].faces[1] < 0) continue;
        const auto& bb = zg.arc_bounds[a];
        for (int ty = int(bb.min_y) / 256; ty <= int(bb.max_y) / 256; ++ty)
            for (int tx = int(bb.min_x) / 256; tx <= int(bb.max_x) / 256; ++tx) arcs_by_tile[{tx, ty}].push_back(a);
    }
    std::vector<geo::point> outer_px; // the country's edge: pixels near it are partly outside
    for (std::size_t a = 0; a < zg.arcs.size(); ++a)
        if (topo.arcs[a].faces[1] < 0) outer_px.insert(outer_px.end(), zg.arcs[a].begin(), zg.arcs[a].end());

    std::size_t samples = 0, unpainted = 0;
    int tiles_checked = 0;
    for (const auto& [tile, arcs] : arcs_by_tile) {
        if (++tiles_checked % 3 != 0) continue; // a third of the tiles keeps the test quick
        const geo::point origin{tile.first * 256.0, tile.second * 256.0};
        canvas.clear();
        canvas.fill_faces(zg, fills, origin);
        for (std::size_t a : arcs) {
            const auto& pts = zg.arcs[a];
            for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
                const double len = std::hypot(pts[i + 1].x - pts[i].x, pts[i + 1].y - pts[i].y);
                for (double t = 0; t <= len; t += 0.5) {
                    const geo::point p{pts[i].x + (pts[i + 1].x - pts[i].x) * t / std::max(len, 1e-9),
                                       pts[i].y + (pts[i + 1].y - pts[i].y) * t / std::max(len, 1e-9)};
                    const int x = int(std::floor(p.x - origin.x)), y = int(std::floor(p.y - origin.y));
                    if (x < 0 || y < 0 || x >= 256 || y >= 256) continue;
                    bool near_edge = false;
                    for (const auto& q : outer_px)
                        if (std::abs(q.x - p.x) < 3 && std::abs(q.y - p.y) < 3) near_edge = true;
                    if (near_edge) continue;
                    ++samples;
                    if (canvas.pixel(x, y).a != 255) ++unpainted;
                }
            }
        }
    }
    CHECK(samples > 20000);
    CHECK(unpainted == 0);
}

TEST_CASE("MBTiles hold the XYZ tiles under flipped rows, identical images once, with 1.3 metadata") {
    const auto out = test::fresh_dir("mbtiles");
    tiles::tile_options options;
    options.tiles_dir = out / "tiles";
    options.max_zoom = 6;
    options.layers = {tiles::control_layer};
    const auto report = tiles::render_tiles(every_district_with_a_status(), ocha().districts, ocha().provinces, options);
    const auto& o = report.outputs.at(0);
    REQUIRE(fs::exists(o.mbtiles));
    CHECK(o.mbtiles.filename() == "control-2021-06-30.mbtiles");
    CHECK(o.tiles > 0);

    // Every XYZ file is in the MBTiles at (z, x, 2^z-1-y), byte for byte.
    std::size_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(o.xyz_dir)) {
        if (!entry.is_regular_file()) continue;
        const auto rel = fs::relative(entry.path(), o.xyz_dir);
        auto it = rel.begin();
        const int z = std::stoi((it++)->string()), x = std::stoi((it++)->string());
        const int y = std::stoi(it->stem().string());
        CHECK(tiles::read_mbtiles_tile(o.mbtiles, {z, x, y}) == read_file(entry.path()));
        ++files;
    }
    CHECK(files == o.tiles);

    naqsha::sqlite_db db(o.mbtiles, true);
    // Kabul at z6 is XYZ 44/25, stored as TMS row 63-25 = 38.
    const auto kabul = geo::tile_at(geo::lon_lat_to_mercator_formula({69.1725, 34.5261}), 6);
    CHECK(kabul == geo::tile_id{6, 44, 25});
    CHECK(query_int(db, "SELECT count(*) FROM tiles WHERE zoom_level=6 AND tile_column=44 AND tile_row=38") == 1);
    CHECK(query_int(db, "SELECT count(*) FROM tiles WHERE zoom_level=6 AND tile_column=44 AND tile_row=25") == 0);
    CHECK(query_int(db, "SELECT count(*) FROM map") == int(o.tiles));
    CHECK(query_int(db, "SELECT count(*) FROM images") == int(o.images));
    CHECK(o.images <= o.tiles);
    CHECK(query_text(db, "SELECT value FROM metadata WHERE name='format'") == "png");
    CHECK(query_text(db, "SELECT value FROM metadata WHERE name='minzoom'") == "0");
    CHECK(query_text(db, "SELECT value FROM metadata WHERE name='maxzoom'") == "6");
    CHECK(query_text(db, "SELECT value FROM metadata WHERE name='name'") == "naqsha control 2021-06-30");
    const std::string bounds = query_text(db, "SELECT value FROM metadata WHERE name='bounds'");
    double b[4] = {};
    REQUIRE(std::sscanf(bounds.c_str(), "%lf,%lf,%lf,%lf", &b[0], &b[1], &b[2], &b[3]) == 4);
    CHECK(b[0] == doctest::Approx(60.47).epsilon(0.001));
    CHECK(b[3] == doctest::Approx(38.49).epsilon(0.001));
    const std::string center = query_text(db, "SELECT value FROM metadata WHERE name='center'");
    CHECK(center.find(",6") != std::string::npos);
    CHECK(fs::exists(report.legend));
    fs::remove_all(out);
}

TEST_CASE("an MBTiles file whose metadata cannot be written is refused, naming it, and leaves nothing open") {
    // Under ASan (scripts/test) the leak check fails if the constructor's SQLite handle is not released.
    const auto out = test::fresh_dir("mbtiles-bad-metadata");
    tiles::mbtiles_metadata meta;
    meta.name = "t";
    meta.extra = {{"name", "a second name"}}; // metadata names are unique
    std::string message;
    try {
        tiles::mbtiles_writer w(out / "t.mbtiles", meta);
    } catch (const output_error& e) {
        message = e.what();
    }
    CHECK(message.find("t.mbtiles") != std::string::npos);
    CHECK(message.find("metadata") != std::string::npos);
    CHECK_FALSE(fs::exists(out / "t.mbtiles"));
    fs::remove_all(out);
}

TEST_CASE("identical tiles are stored once in MBTiles") {
    const auto out = test::fresh_dir("dedup");
    const auto file = out / "t.mbtiles";
    tiles::mbtiles_metadata meta;
    meta.name = "t";
    meta.max_zoom = 3;
    {
        tiles::mbtiles_writer w(file, meta);
        w.begin_batch();
        w.add({3, 1, 2}, "same", naqsha::hash_bytes("same"));
        w.add({3, 2, 2}, "same", naqsha::hash_bytes("same"));
        w.end_batch();
        w.begin_batch(); // batches add to the same file
        w.add({3, 3, 0}, "other", naqsha::hash_bytes("other"));
        w.add({3, 3, 1}, "same", naqsha::hash_bytes("same"));
        w.end_batch();
        CHECK_FALSE(fs::exists(file)); // appears only on commit
        w.commit();
        CHECK(w.tiles() == 4);
        CHECK(w.images() == 2);
    }
    CHECK(tiles::read_mbtiles_tile(file, {3, 2, 2}) == "same");
    CHECK(tiles::read_mbtiles_tile(file, {3, 3, 0}) == "other");
    CHECK(tiles::read_mbtiles_tile(file, {3, 3, 7}).empty());
    fs::remove_all(out);
}

TEST_CASE("MBTiles writers hold no file open between batches: a thousand at once under a limit of 64") {
    const auto out = test::fresh_dir("many-writers");
    rlimit saved{};
    REQUIRE(::getrlimit(RLIMIT_NOFILE, &saved) == 0);
    rlimit low = saved;
    low.rlim_cur = 64;
    REQUIRE(::setrlimit(RLIMIT_NOFILE, &low) == 0);
    bool all_written = false;
    try {
        std::vector<std::unique_ptr<tiles::mbtiles_writer>> writers;
        tiles::mbtiles_metadata meta;
        for (int i = 0; i < 1000; ++i) writers.push_back(std::make_unique<tiles::mbtiles_writer>(out / fmt::format("{}.mbtiles", i), meta));
        for (auto& w : writers) {
            w->begin_batch();
            w->add({0, 0, 0}, "tile", naqsha::hash_bytes("tile"));
            w->end_batch();
        }
        for (auto& w : writers) w->commit();
        all_written = true;
    } catch (const std::exception& e) {
        FAIL_CHECK(e.what());
    }
    ::setrlimit(RLIMIT_NOFILE, &saved);
    CHECK(all_written);
    CHECK(tiles::read_mbtiles_tile(out / "999.mbtiles", {0, 0, 0}) == "tile");
    fs::remove_all(out);
}

TEST_CASE("slices re-render only tiles whose districts changed and reuse the rest") {
    const auto out = test::fresh_dir("slices");
    auto state = every_district_with_a_status();
    state.slices = {{"2021-01", naqsha::parse_iso_day("2021-01-01"), naqsha::parse_iso_day("2021-01-31")},
                    {"2021-02", naqsha::parse_iso_day("2021-02-01"), naqsha::parse_iso_day("2021-02-28")},
                    {"2021-03", naqsha::parse_iso_day("2021-03-01"), naqsha::parse_iso_day("2021-03-31")}};
    // Kabul district (AF0101) is Taliban in February only.
    const std::string changed = "AF0101";
    for (auto& c : state.control)
        if (c.pcode == changed) c.end_day = naqsha::parse_iso_day("2021-01-31");
    state.control.push_back({changed, store::control_status::taliban, *naqsha::parse_iso_day("2021-02-01"), naqsha::parse_iso_day("2021-02-28"),
                             {}, store::control_basis::event, "", 0, {}, {}});
    std::size_t kabul_index = 0;
    for (std::size_t i = 0; i < ocha().districts.size(); ++i)
        if (ocha().districts[i].pcode == changed) kabul_index = i;
    state.control.push_back({changed, status_for(kabul_index), *naqsha::parse_iso_day("2021-03-01"), std::nullopt, {}, store::control_basis::event, "", 0, {}, {}});

    tiles::tile_options options;
    options.tiles_dir = out / "tiles";
    options.max_zoom = 8;
    options.layers = {tiles::control_layer};
    options.threads = 2;
    const auto report = tiles::render_tiles(state, ocha().districts, ocha().provinces, options);
    REQUIRE(report.outputs.size() == 3);
    const auto& jan = report.outputs[0];
    const auto& feb = report.outputs[1];
    const auto& mar = report.outputs[2];
    CHECK(jan.reused == 0);
    CHECK(jan.rendered == jan.tiles + jan.blank);
    // One district at z0-8 touches a handful of tiles per zoom.
    CHECK(feb.rendered > 0);
    CHECK(feb.rendered * 10 < jan.rendered);
    CHECK(feb.tiles == jan.tiles);
    // March is January again: nothing to render.
    CHECK(mar.rendered == 0);

    const auto kabul = test::pixel_of(ocha().districts[kabul_index].interior, 8);
    const auto taliban = test::documented_colour(store::control_status::taliban);
    const auto feb_px = test::xyz_pixel(feb.xyz_dir, 8, kabul);
    CHECK(feb_px.r == taliban.r);
    CHECK(feb_px.g == taliban.g);
    const auto jan_px = test::xyz_pixel(jan.xyz_dir, 8, kabul);
    CHECK(jan_px.r == test::documented_colour(status_for(kabul_index)).r);

    // Unchanged tiles are hard links to January's file; March's are all links too.
    const int tx = int(kabul.x) / 256, ty = int(kabul.y) / 256;
    const auto rel = fs::path("8") / std::to_string(tx) / (std::to_string(ty) + ".png");
    const auto far = fs::path("8") / std::to_string(tx - 6);
    struct stat a{}, b{};
    REQUIRE(fs::exists(jan.xyz_dir / rel));
    ::stat((jan.xyz_dir / rel).c_str(), &a);
    ::stat((mar.xyz_dir / rel).c_str(), &b);
    CHECK(a.st_ino == b.st_ino);
    CHECK(read_file(jan.xyz_dir / rel) != read_file(feb.xyz_dir / rel));
    std::size_t linked = 0, files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(feb.xyz_dir)) {
        if (!entry.is_regular_file()) continue;
        ++files;
        linked += fs::hard_link_count(entry.path()) > 1;
    }
    CHECK(linked + feb.rendered >= files);
    CHECK(linked > files * 9 / 10);
    fs::remove_all(out);
}

TEST_CASE("incidents: graduated circles where the place is known, a province shade where it is not") {
    const auto out = test::fresh_dir("incidents");
    store::map_state state;
    state.as_of = naqsha::parse_iso_day("2021-05-31");
    state.slices = {{"2021-05", naqsha::parse_iso_day("2021-05-01"), naqsha::parse_iso_day("2021-05-31")}};
    store::merged_event big;
    big.id = "a#1";
    big.date = naqsha::parse_iso_day("2021-05-10");
    big.geo_prec = extract::geo_precision::settlement;
    big.lon = 65.7;
    big.lat = 31.6; // Kandahar city
    big.killed = extract::count_range{20, 25, 30};
    store::merged_event vague;
    vague.id = "b#1";
    vague.date = naqsha::parse_iso_day("2021-05-12");
    vague.geo_prec = extract::geo_precision::province;
    vague.province = extract::place_ref{"AF17", "Badakhshan"};
    store::merged_event outside = big;
    outside.id = "c#1";
    outside.date = naqsha::parse_iso_day("2021-04-30"); // before the slice
    outside.lon = 62.2;
    outside.lat = 34.35;
    state.events = {big, vague, outside};

    tiles::tile_options options;
    options.tiles_dir = out / "tiles";
    options.min_zoom = 6;
    options.max_zoom = 7;
    options.layers = {tiles::incidents_layer};
    const auto report = tiles::render_tiles(state, ocha().districts, ocha().provinces, options);
    const auto dir = report.outputs.at(0).xyz_dir;

    const auto centre = test::xyz_pixel(dir, 7, test::pixel_of({65.7, 31.6}, 7));
    const auto incident = test::documented_colour("incident");
    CHECK(centre.r == doctest::Approx(incident.r).epsilon(0.02));
    CHECK(centre.a == incident.a);
    // The 20-49 class: 9 px radius. 7 px away is inside, 12 px away is not.
    auto at = test::pixel_of({65.7, 31.6}, 7);
    CHECK(test::xyz_pixel(dir, 7, {at.x + 7, at.y}).a > 0);
    CHECK(test::xyz_pixel(dir, 7, {at.x + 12, at.y}).a == 0);
    // The event from April is not in May's slice.
    CHECK(test::xyz_pixel(dir, 7, test::pixel_of({62.2, 34.35}, 7)).a == 0);

    // Badakhshan is shaded (one report), and no point pretends to know where.
    const gazetteer::district* fayzabad = nullptr;
    for (const auto& d : ocha().districts)
        if (d.pcode == "AF1701") fayzabad = &d;
    REQUIRE(fayzabad != nullptr);
    const auto shade = test::xyz_pixel(dir, 7, test::pixel_of(fayzabad->interior, 7));
    CHECK(tiles::province_shade_level(1) == 1);
    CHECK(shade.a == 56); // the level-1 shade
    CHECK(shade.r == doctest::Approx(incident.r).epsilon(0.05));
    // A neighbouring province (Takhar) is not.
    const gazetteer::district* taloqan = nullptr;
    for (const auto& d : ocha().districts)
        if (d.pcode == "AF1801") taloqan = &d;
    REQUIRE(taloqan != nullptr);
    CHECK(test::xyz_pixel(dir, 7, test::pixel_of(taloqan->interior, 7)).a == 0);
    fs::remove_all(out);
}

TEST_CASE("output is the same whatever the number of threads") {
    std::vector<std::string> digests;
    for (unsigned threads : {1u, 2u}) {
        const auto out = test::fresh_dir("threads" + std::to_string(threads));
        tiles::tile_options options;
        options.tiles_dir = out / "tiles";
        options.max_zoom = 6;
        options.layers = {tiles::control_layer};
        options.threads = threads;
        options.xyz = false;
        const auto report = tiles::render_tiles(every_district_with_a_status(), ocha().districts, ocha().provinces, options);
        std::string all;
        for (int z = 0; z <= 6; ++z) {
            const auto r = geo::tiles_covering(geo::box{6.7e6, 3.4e6, 8.4e6, 4.7e6}, z);
            for (int y = r.min_y; y <= r.max_y; ++y)
                for (int x = r.min_x; x <= r.max_x; ++x)
                    all += naqsha::hash_bytes(tiles::read_mbtiles_tile(report.outputs[0].mbtiles, {z, x, y})).hex();
        }
        digests.push_back(naqsha::hash_bytes(all).hex());
        fs::remove_all(out);
    }
    CHECK(digests[0] == digests[1]);
}

TEST_CASE("@2x tiles are 512 px and named {y}@2x.png") {
    const auto out = test::fresh_dir("retina");
    tiles::tile_options options;
    options.tiles_dir = out / "tiles";
    options.max_zoom = 3;
    options.layers = {tiles::control_layer};
    options.retina = true;
    const auto report = tiles::render_tiles(every_district_with_a_status(), ocha().districts, ocha().provinces, options);
    const auto file = report.outputs.at(0).xyz_dir / "3" / "5" / "3@2x.png";
    REQUIRE(fs::exists(file));
    const std::string bytes = read_file(file);
    const auto img = tiles::decode_png({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
    CHECK(img.width == 512);
    CHECK(report.outputs[0].mbtiles.filename() == "control-2021-06-30@2x.mbtiles");
    CHECK(report.legend.filename() == "legend@2x.png");
    fs::remove_all(out);
}

TEST_CASE("bad options are usage errors") {
    tiles::tile_options options;
    options.tiles_dir = test::fresh_dir("bad") / "tiles";
    options.max_zoom = 15;
    CHECK_THROWS_AS(tiles::render_tiles({}, ocha().districts, ocha().provinces, options), usage_error);
    options.max_zoom = 2;
    options.layers = {"roads"};
    CHECK_THROWS_AS(tiles::render_tiles({}, ocha().districts, ocha().provinces, options), usage_error);
    fs::remove_all(options.tiles_dir.parent_path());
}
