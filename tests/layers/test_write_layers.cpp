#include "render/layers/layers.hpp"
#include "tests/layers/reference.hpp"
#include "tests/layers/sample_state.hpp"

#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "base/sqlite_db.hpp"
#include "geo/gdal_handles.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace naqsha;

namespace {


fs::path fresh_dir(const std::string& name) {
    auto dir = fs::temp_directory_path() / ("naqsha-layers-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

layers::layer_report write_sample(const fs::path& dir) {
    layers::layer_options options;
    options.out_dir = dir;
    return layers::write_layers(test::sample_map_state(), test::reference_areas(), options);
}

std::map<std::string, std::string> contents(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(dir)) files[entry.path().filename().string()] = read_file(entry.path());
    return files;
}

// Runs a query on a GeoPackage and returns the rows as "a|b|c" strings.
std::vector<std::string> query(const fs::path& gpkg, const std::string& sql) {
    naqsha::sqlite_db db(gpkg, true);
    auto stmt = db.prepare(sql);
    std::vector<std::string> rows;
    while (stmt.step()) {
        std::string row;
        for (int i = 0; i < stmt.column_count(); ++i) {
            if (i > 0) row += '|';
            row += stmt.column_is_null(i) ? std::string("NULL") : stmt.column_text(i);
        }
        rows.push_back(row);
    }
    return rows;
}

} // namespace

TEST_CASE("write_layers writes every layer as GeoJSON with a QML, the GeoPackage and the project") {
    auto dir = fresh_dir("all");
    auto report = write_sample(dir);
    REQUIRE(report.layers.size() == 6);
    for (const auto& layer : report.layers) {
        CHECK(fs::exists(layer.geojson));
        CHECK(fs::exists(layer.qml));
        CHECK(layer.geojson.filename() == layer.name + ".geojson");
    }
    CHECK(report.gpkg == dir / "naqsha.gpkg");
    CHECK(report.project == dir / "naqsha.qgz");
    CHECK(report.incident_points == 4);
    CHECK(report.incidents_province == 1);
    CHECK(report.events_not_drawn == 2);
    // No temporary files are left behind.
    for (const auto& entry : fs::directory_iterator(dir)) CHECK(entry.path().filename().string().front() != '.');

    auto control = nlohmann::json::parse(read_file(dir / "control.geojson"));
    CHECK_FALSE(control.contains("crs"));
    CHECK(control["features"].size() == 9);
    const auto& first = control["features"][0]["properties"];
    CHECK(first["pcode"] == "AF1708");
    CHECK(first["start_date"] == "2020-01-01");
    CHECK(first["end_date"] == "2020-07-30");
}

TEST_CASE("the GeoPackage has real DATE columns and a default QML and SLD style per layer") {
    auto dir = fresh_dir("gpkg");
    write_sample(dir);
    auto gpkg = dir / "naqsha.gpkg";
    auto columns = query(gpkg, "SELECT name, type FROM pragma_table_info('control')");
    CHECK(std::find(columns.begin(), columns.end(), "start_date|DATE") != columns.end());
    CHECK(std::find(columns.begin(), columns.end(), "end_date|DATE") != columns.end());
    auto incident_columns = query(gpkg, "SELECT name, type FROM pragma_table_info('incidents')");
    CHECK(std::find(incident_columns.begin(), incident_columns.end(), "date|DATE") != incident_columns.end());
    CHECK(std::find(incident_columns.begin(), incident_columns.end(), "killed_best|INTEGER") != incident_columns.end());

    auto styles = query(gpkg, "SELECT f_table_name, f_geometry_column, styleName, useAsDefault, f_table_schema "
                              "FROM layer_styles ORDER BY f_table_name");
    CHECK(styles == std::vector<std::string>{"control|geom|control|1|", "districts|geom|districts|1|",
                                             "incidents|geom|incidents|1|",
                                             "incidents_by_district|geom|incidents_by_district|1|",
                                             "incidents_province|geom|incidents_province|1|",
                                             "provinces|geom|provinces|1|"});
    auto control_style = query(gpkg, "SELECT styleQML, styleSLD FROM layer_styles WHERE f_table_name = 'control'");
    REQUIRE(control_style.size() == 1);
    CHECK(control_style[0].find("type=\"categorizedSymbol\" attr=\"status\"") != std::string::npos);
    CHECK(control_style[0].find("<ogc:Literal>contested</ogc:Literal>") != std::string::npos);
    CHECK(control_style[0].find("#fdae61") != std::string::npos);
    auto incident_style = query(gpkg, "SELECT styleQML FROM layer_styles WHERE f_table_name = 'incidents'");
    CHECK(incident_style.at(0).find("type=\"graduatedSymbol\" attr=\"coalesce(&quot;killed_best&quot;, 0)\"") !=
          std::string::npos);

    CHECK(query(gpkg, "SELECT count(*) FROM control") == std::vector<std::string>{"9"});
    CHECK(query(gpkg, "SELECT start_date, end_date FROM control WHERE pcode = 'AF1803' ORDER BY start_date") ==
          std::vector<std::string>{"2020-01-01|2020-10-18", "2020-10-19|NULL"});
    // Timestamps come from the map date, not the clock.
    CHECK(query(gpkg, "SELECT DISTINCT last_change FROM gpkg_contents WHERE table_name = 'control'") ==
          std::vector<std::string>{"2020-11-30T00:00:00.000Z"});
    CHECK(query(gpkg, "PRAGMA application_id") == std::vector<std::string>{"1196444487"}); // "GPKG"
}

TEST_CASE("the same map state gives byte-identical files, also when rewriting over a previous run") {
    auto a = fresh_dir("same-a");
    auto b = fresh_dir("same-b");
    write_sample(a);
    write_sample(b);
    auto first = contents(a);
    CHECK(first == contents(b));
    write_sample(a); // over the previous outputs, the GeoPackage updated in place
    CHECK(first == contents(a));
    CHECK(first.size() == 6 * 2 + 2);
}

TEST_CASE("the store's own tables in the GeoPackage are kept") {
    auto dir = fresh_dir("store");
    geo::ensure_gdal_registered();
    {
        geo::gdal_dataset ds(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(
            (dir / "naqsha.gpkg").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        REQUIRE(ds);
        OGRLayer* events = ds->CreateLayer("events", nullptr, wkbNone, nullptr);
        OGRFieldDefn id("id", OFTString);
        events->CreateField(&id);
        geo::ogr_feature f(OGRFeature::CreateFeature(events->GetLayerDefn()));
        f->SetField("id", "ev-baharak");
        REQUIRE(events->CreateFeature(f.get()) == OGRERR_NONE);
    }
    write_sample(dir);
    write_sample(dir);
    CHECK(query(dir / "naqsha.gpkg", "SELECT id FROM events") == std::vector<std::string>{"ev-baharak"});
    CHECK(query(dir / "naqsha.gpkg", "SELECT count(*) FROM layer_styles") == std::vector<std::string>{"6"});
}

TEST_CASE("a GeoPackage that cannot be updated is reported by name and left as it was") {
    auto dir = fresh_dir("broken");
    write_file_atomically(dir / "naqsha.gpkg", "not a geopackage");
    CHECK_THROWS_WITH_AS(write_sample(dir), doctest::Contains("naqsha.gpkg"), output_error);
    CHECK(read_file(dir / "naqsha.gpkg") == "not a geopackage");
    for (const auto& entry : fs::directory_iterator(dir)) CHECK(entry.path().filename().string().front() != '.');
}

TEST_CASE("an output directory that does not exist is an output error") {
    layers::layer_options options;
    options.out_dir = fresh_dir("missing") / "nope";
    CHECK_THROWS_AS(layers::write_layers(test::sample_map_state(), test::reference_areas(), options), output_error);
}

namespace {

std::size_t positions(const nlohmann::json& geometry) {
    std::size_t n = 0;
    for (const auto& polygon : geometry["coordinates"])
        for (const auto& ring : polygon) n += ring.size();
    return n;
}

std::size_t positions_of(const nlohmann::json& collection, const std::string& pcode) {
    for (const auto& f : collection["features"])
        if (f["properties"]["pcode"] == pcode) return positions(f["geometry"]);
    return 0;
}

} // namespace

TEST_CASE("districts repeated per slice and provinces repeated per event are simplified; the reference and control layers are not") {
    auto dir = fresh_dir("simplify");
    write_sample(dir);
    auto by_district = nlohmann::json::parse(read_file(dir / "incidents_by_district.geojson"));
    auto districts = nlohmann::json::parse(read_file(dir / "districts.geojson"));
    auto control = nlohmann::json::parse(read_file(dir / "control.geojson"));
    std::size_t full = positions_of(districts, "AF1803");
    std::size_t simple = positions_of(by_district, "AF1803");
    CHECK(full > 100);
    CHECK(simple >= 4);
    CHECK(simple * 2 < full);
    CHECK(positions_of(control, "AF1803") == full);

    auto provinces = nlohmann::json::parse(read_file(dir / "provinces.geojson"));
    auto by_province = nlohmann::json::parse(read_file(dir / "incidents_province.geojson"));
    REQUIRE(by_province["features"].size() >= 1);
    for (const auto& f : by_province["features"]) {
        std::string province = f["properties"]["province_pcode"];
        CHECK(positions(f["geometry"]) * 2 < positions_of(provinces, province));
    }

    layers::layer_options options;
    options.out_dir = fresh_dir("simplify-off");
    options.repeated_polygon_tolerance = 0;
    layers::write_layers(test::sample_map_state(), test::reference_areas(), options);
    auto whole = nlohmann::json::parse(read_file(options.out_dir / "incidents_by_district.geojson"));
    CHECK(positions_of(whole, "AF1803") == full);
}
