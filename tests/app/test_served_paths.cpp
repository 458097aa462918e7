// What `naqsha serve` may send (issue 16): nothing outside the served directory, whether asked for
// with "..", an encoded "%2e%2e" (decoded by the server before it gets here) or a symbolic link.
#include "app/served_paths.hpp"
#include "tests/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>

namespace fs = std::filesystem;
using naqsha::app::mime_type_of;
using naqsha::app::parse_tile_path;
using naqsha::app::resolve_inside;

TEST_CASE("resolve_inside: paths under the root, and none outside it") {
    const auto work = naqsha::test::fresh_dir("served-paths");
    fs::create_directories(work / "out" / "viewer");
    fs::create_directories(work / "secret");
    std::ofstream(work / "out" / "viewer" / "index.html") << "page";
    std::ofstream(work / "secret" / "key") << "secret";
    fs::create_symlink(work / "secret", work / "out" / "link-out");
    fs::create_symlink(work / "out" / "viewer", work / "out" / "link-in");
    const auto root = fs::canonical(work / "out");

    CHECK(resolve_inside(root, "/viewer/index.html") == root / "viewer" / "index.html");
    CHECK(resolve_inside(root, "/viewer/./index.html") == root / "viewer" / "index.html");
    CHECK(resolve_inside(root, "//viewer//index.html") == root / "viewer" / "index.html");
    CHECK(resolve_inside(root, "/") == root);
    CHECK(resolve_inside(root, "/missing.txt") == root / "missing.txt"); // absent: the server answers 404
    CHECK(resolve_inside(root, "/link-in/index.html") == root / "viewer" / "index.html");
    // The server decodes %2e%2e to ".." before asking (refused below); what is left is decoded once only.
    CHECK(resolve_inside(root, "/%2e%2e/secret") == root / "%2e%2e" / "secret");

    CHECK_FALSE(resolve_inside(root, "/../secret/key"));
    CHECK_FALSE(resolve_inside(root, "/viewer/../../secret/key"));
    CHECK_FALSE(resolve_inside(root, "/viewer/.."));             // even one that would stay inside
    CHECK_FALSE(resolve_inside(root, "/link-out/key"));          // a link that leads out
    CHECK_FALSE(resolve_inside(root, "/link-out"));
    CHECK_FALSE(resolve_inside(root, "/viewer\\..\\..\\secret"));
    CHECK_FALSE(resolve_inside(root, std::string_view("/viewer/\0index.html", 18)));
    fs::remove_all(work);
}

TEST_CASE("parse_tile_path: /tiles/{layer}/{slice}/{z}/{x}/{y}.png, and nothing else") {
    const auto t = parse_tile_path("/tiles/control/2020-10/5/22/13.png");
    REQUIRE(t);
    CHECK(t->layer == "control");
    CHECK(t->slice == "2020-10");
    CHECK(t->xyz == naqsha::geo::tile_id{5, 22, 13});
    CHECK(t->mbtiles_name() == "control-2020-10.mbtiles");
    CHECK(parse_tile_path("/tiles/incidents/2020-W43/0/0/0.png"));

    CHECK_FALSE(parse_tile_path("/tiles/control/2020-10/5/22/13.jpg"));
    CHECK_FALSE(parse_tile_path("/tiles/control/../5/22/13.png"));
    CHECK_FALSE(parse_tile_path("/tiles/control/2020-10/5/32/13.png")); // beyond the zoom's 32 columns
    CHECK_FALSE(parse_tile_path("/tiles/control/2020-10/-1/0/0.png"));
    CHECK_FALSE(parse_tile_path("/tiles/Control/2020-10/5/22/13.png"));
    CHECK_FALSE(parse_tile_path("/tiles/control/2020 10/5/22/13.png"));
    CHECK_FALSE(parse_tile_path("/viewer/index.html"));
}

TEST_CASE("mime_type_of: what browsers and GIS tools expect") {
    CHECK(mime_type_of("index.html") == "text/html; charset=utf-8");
    CHECK(mime_type_of("data.js") == "text/javascript; charset=utf-8");
    CHECK(mime_type_of("leaflet.css") == "text/css; charset=utf-8");
    CHECK(mime_type_of("control.geojson") == "application/geo+json");
    CHECK(mime_type_of("control.gif") == "image/gif");
    CHECK(mime_type_of("preview.png") == "image/png");
    CHECK(mime_type_of("naqsha.gpkg") == "application/geopackage+sqlite3");
    CHECK(mime_type_of("events.csv") == "text/csv; charset=utf-8");
    CHECK(mime_type_of("README") == "application/octet-stream");
}
