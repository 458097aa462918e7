// Other boundary sets through a field mapping: repair of invalid polygons, reprojection from UTM,
// and clear errors for missing, corrupt or wrongly projected files (synthetic sets in
// tests/data/boundaries), plus the real AIMS-398 set with its one invalid polygon.
#include "base/error.hpp"
#include "gazetteer/gazetteer.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace gz = naqsha::gazetteer;
namespace fs = std::filesystem;

namespace {

const fs::path boundaries = fs::path(NAQSHA_TEST_DATA_DIR) / "boundaries";

gz::gazetteer load_synthetic(const std::string& name) {
    gz::load_options o;
    o.data_dir = boundaries;
    o.boundary_set = (boundaries / (name + ".conf")).string();
    o.use_cache = false;
    return gz::gazetteer::load(o);
}

// The message of the data_error that loading `name` throws.
std::string load_error(const std::string& name) {
    try {
        load_synthetic(name);
    } catch (const naqsha::data_error& e) {
        return e.what();
    }
    return "no error";
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

fs::path fresh_dir(const char* name) {
    auto dir = fs::temp_directory_path() / (std::string("naqsha-test-") + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

} // namespace

TEST_CASE("a self-intersecting district is repaired with MakeValid and reported") {
    auto g = load_synthetic("bowtie");
    REQUIRE(g.districts().size() == 3);
    REQUIRE(g.provinces().size() == 2);
    REQUIRE(g.report().repairs.size() == 1);
    const auto& repair = g.report().repairs.front();
    CHECK(contains(repair, "TD0102"));
    CHECK(contains(repair, "Self-intersection"));
    // The bow-tie becomes its two triangles: the left one is the district, its waist is not.
    CHECK(g.locate({65.2, 33.75})->pcode == "TD0102");
    CHECK(g.locate({65.8, 33.75})->pcode == "TD0102");
    CHECK(g.locate({65.5, 33.55}) == nullptr);
    CHECK(g.locate({65.5, 33.25})->pcode == "TD0101");
    const auto* bowtie = g.district_by_pcode("TD0102");
    CHECK(g.locate(bowtie->interior) == bowtie);
    // Two triangles of 0.5 x 0.25 degrees: about a quarter of the 1 x 0.5 degree square's area.
    CHECK(bowtie->area_km2 == doctest::Approx(g.district_by_pcode("TD0101")->area_km2 / 2).epsilon(0.02));
}

TEST_CASE("names of another boundary set come from its field mapping") {
    auto g = load_synthetic("bowtie");
    CHECK(g.lookup("Alfa Kot").front().pcode == "TD0101");
    CHECK(g.lookup("alpha-kot district").front().pcode == "TD0101");
    CHECK(g.lookup("\u0622\u0644\u0641\u0627 \u06A9\u0648\u062A").front().pcode == "TD0101");
    gz::lookup_options in_sampleshan;
    in_sampleshan.province = "Sampleshan";
    auto centre = g.lookup("Centre", in_sampleshan);
    REQUIRE(centre.size() == 1);
    CHECK(centre.front().pcode == "TD0201");
    CHECK(g.find_province("Testan")->pcode == "TP01");
}

TEST_CASE("a set in UTM zone 42N is reprojected to WGS84") {
    auto g = load_synthetic("utm42n");
    REQUIRE(g.districts().size() == 2);
    CHECK(g.report().repairs.empty());
    CHECK(g.locate({65.5, 33.25})->pcode == "TD0101");
    CHECK(g.locate({66.5, 33.5})->pcode == "TD0201");
    CHECK(g.locate({65.5, 33.75}) == nullptr); // the bow-tie was left out of this set
    for (const auto& d : g.districts()) {
        CHECK(d.interior.x > 65);
        CHECK(d.interior.x < 67);
        CHECK(g.locate(d.interior) == &d);
    }
    // 1 x 0.5 degrees at 33.25 N: 111.32 km * cos(33.25) * 55.66 km = about 5,180 km^2.
    CHECK(g.district_by_pcode("TD0101")->area_km2 == doctest::Approx(5180).epsilon(0.02));
}

TEST_CASE("missing, corrupt and wrongly projected files give a data_error naming the file") {
    auto no_prj = load_error("no-prj");
    CHECK(contains(no_prj, "no-prj/districts.shp"));
    CHECK(contains(no_prj, ".prj"));
    auto no_dbf = load_error("no-dbf");
    CHECK(contains(no_dbf, "no-dbf/districts.dbf"));
    auto wrong = load_error("wrong-crs");
    CHECK(contains(wrong, "wrong-crs/districts.shp"));
    CHECK(contains(wrong, "not in Afghanistan"));
    CHECK(contains(load_error("corrupt"), "corrupt/districts.shp"));

    gz::load_options o;
    o.data_dir = "/nonexistent/gazetteer-data";
    o.use_cache = false;
    try {
        gz::gazetteer::load(o);
        FAIL("loading from a missing directory succeeded");
    } catch (const naqsha::data_error& e) {
        CHECK(contains(e.what(), "/nonexistent/gazetteer-data/ocha-agcho-2018/afg_admbnda_adm2_agcho_20180522.shp"));
    }
    o.boundary_set = "no-such-set";
    CHECK_THROWS_AS(gz::gazetteer::load(o), naqsha::data_error);
}

TEST_CASE("a corrupt cache is rebuilt, not fatal") {
    auto dir = fresh_dir("cache");
    gz::load_options o;
    o.data_dir = boundaries;
    o.boundary_set = (boundaries / "bowtie.conf").string();
    o.cache_dir = dir;
    auto first = gz::gazetteer::load(o);
    CHECK_FALSE(first.report().from_cache);
    auto cache_file = dir / "gazetteer-bowtie.bin";
    REQUIRE(fs::exists(cache_file));
    auto second = gz::gazetteer::load(o);
    CHECK(second.report().from_cache);
    CHECK(second.districts().size() == 3);
    CHECK(second.report().repairs == first.report().repairs);
    CHECK(second.lookup("Alfa Kot").front().pcode == "TD0101");

    // Truncate it in the middle of a record.
    fs::resize_file(cache_file, fs::file_size(cache_file) / 2);
    auto third = gz::gazetteer::load(o);
    CHECK_FALSE(third.report().from_cache);
    bool warned = false;
    for (const auto& w : third.report().warnings) warned |= contains(w, "corrupt");
    CHECK(warned);
    CHECK(third.districts().size() == 3);
    CHECK(gz::gazetteer::load(o).report().from_cache); // rewritten whole
    fs::remove_all(dir);
}

TEST_CASE("AIMS-398: the invalid Adraskan polygon is repaired; provinces are dissolved from districts") {
    gz::load_options o;
    o.boundary_set = "aims-398";
    auto g = gz::gazetteer::load(o);
    CHECK(g.districts().size() == 398);
    CHECK(g.provinces().size() == 34);
    REQUIRE(g.report().repairs.size() == 1);
    CHECK(contains(g.report().repairs.front(), "Adraskan"));
    for (const auto& d : g.districts()) CHECK_MESSAGE(g.locate(d.interior) == &d, d.pcode << " " << d.name);
    auto found = g.lookup("Sari Pul");
    REQUIRE(!found.empty());
    CHECK(found.front().kind == gz::level::province);
}
