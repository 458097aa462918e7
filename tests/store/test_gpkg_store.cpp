#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "base/sqlite_db.hpp"
#include "fixtures.hpp"
#include "geo/gdal_handles.hpp"
#include "store/calendar.hpp"
#include "store/gpkg_store.hpp"
#include "store/map_builder.hpp"

#include "tests/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <initializer_list>
#include <sys/stat.h>
#include <unistd.h>

using namespace naqsha;
using extract::event_type;
namespace fs = std::filesystem;

namespace {

store::catalog sample_catalog() {
    auto clash = test::mention("001", 1, event_type::armed_clash, "2020-10-20", "AF1803", "Baharak");
    clash.killed = extract::count_range{34, 34, 42};
    clash.claims = {test::claim(extract::casualty_field::killed, 34, 34, 34, extract::attribution_kind::official, "health director \"Qayoum\"")};
    clash.places = {{"Baharak", "AF1803", extract::geo_precision::district, {10, 17}}};
    clash.lon = 69.9;
    clash.lat = 36.9;
    clash.geo_prec = extract::geo_precision::settlement;
    clash.who = {extract::actor_side::taliban, extract::actor_side::afghan_forces, "Taliban", "police"};
    clash.background = false;
    clash.offsets = {100, 180};
    clash.reported_by = "officials";
    clash.reported_by_kind = extract::attribution_kind::official;
    auto vague = test::mention("001", 2, event_type::other, "", "");
    vague.date_end.reset();
    vague.date_prec = extract::date_precision::unknown;
    auto a = test::article("001", "2020-10-21", {clash, vague});
    a.record.source = "AFP";
    a.record.title = "At least 34 security personnel killed";
    a.record.path = "seeds/001.txt";
    a.record.bytes = 2042;
    a.record.extraction_key = "extract-1";
    extract::area_claim area;
    area.article = "001";
    area.text = "11 of the 16 districts";
    area.source_kind = extract::attribution_kind::media;
    area.districts = 11;
    area.of_districts = 16;
    area.province = extract::place_ref{"AF18", "Takhar"};
    area.date = store::parse_iso_day("2020-10-21");
    a.area_claims.push_back(area);

    auto other = test::mention("003", 1, event_type::armed_clash, "2020-10-20", "AF1803", "Baharak");
    other.missing = extract::count_range{48, 48, 48};
    store::catalog c;
    c.put(std::move(a));
    c.put(test::article("003", "2020-10-22", {other}));
    c.assign_sequence_numbers();
    return c;
}

void write(const fs::path& file, const store::catalog& c) {
    auto merged = store::merge_mentions(c);
    auto districts = test::some_districts();
    store::write_store(file, c, merged, {store::default_map_date(merged.events, c), store::slice_unit::month, 30, "", ""});
    auto state = store::build_map_state(merged.events.records(), c, districts, {}, {}, {});
    store::write_summaries(file, state.slices, state.summaries);
}

// The sample catalog's store in `dir`, then changed by `sql`, as an older or damaged store would be.
fs::path sample_store_edited(const fs::path& dir, std::initializer_list<const char*> sql) {
    const auto file = dir / "naqsha.gpkg";
    write(file, sample_catalog());
    sqlite_db db(file, false);
    for (const char* statement : sql) db.exec(statement);
    return file;
}

} // namespace

TEST_CASE("the store round-trips every field of every mention") {
    auto dir = test::fresh_dir("gpkg-roundtrip");
    auto original = sample_catalog();
    write(dir / "naqsha.gpkg", original);
    auto back = store::read_store(dir / "naqsha.gpkg");
    CHECK(back.notices.empty());
    REQUIRE(back.content.articles().size() == 2);
    const auto& a = back.content.at("001");
    const auto& o = original.at("001");
    const auto record = back.content.record(a);
    CHECK(record.id == "001");
    CHECK(record.source == "AFP");
    CHECK(record.title == "At least 34 security personnel killed");
    CHECK(record.published == parse_iso_day("2020-10-21"));
    CHECK(record.path == "seeds/001.txt");
    CHECK(record.bytes == 2042);
    CHECK(record.extraction_key == "extract-1");
    CHECK(a.published == parse_iso_day("2020-10-21"));
    REQUIRE(back.content.mentions(a).size() == 2);
    CHECK(back.content.mentions(a)[0].seq == original.mentions(o)[0].seq);
    const auto m = back.content.mention(back.content.mentions(a)[0]);
    const auto om = original.mention(original.mentions(o)[0]);
    CHECK(m.id == om.id);
    CHECK(m.type == event_type::armed_clash);
    CHECK(m.date == parse_iso_day("2020-10-20"));
    CHECK(m.district == om.district);
    CHECK(m.province == om.province);
    CHECK(m.geo_prec == extract::geo_precision::settlement);
    CHECK(*m.lon == doctest::Approx(69.9));
    CHECK(m.killed == om.killed);
    CHECK_FALSE(m.wounded);
    REQUIRE(m.claims.size() == 1);
    CHECK(m.claims[0].source == "health director \"Qayoum\"");
    CHECK(m.claims[0].value == extract::count_range{34, 34, 34});
    REQUIRE(m.places.size() == 1);
    CHECK(m.places[0].offsets == extract::span{10, 17});
    CHECK(m.who.target_detail == "police");
    CHECK(m.offsets == extract::span{100, 180});
    CHECK(m.reported_by_kind == extract::attribution_kind::official);
    const auto second = back.content.mention(back.content.mentions(a)[1]);
    CHECK_FALSE(second.date);
    CHECK_FALSE(second.district);
    REQUIRE(a.area_claims.size() == 1);
    CHECK(a.area_claims[0].districts == 11);
    CHECK(a.area_claims[0].province->name == "Takhar");
    CHECK(store::format_iso_day(a.area_claims[0].date) == "2020-10-21");
    CHECK(back.content.find_current("001", "hash-of-001", "extract-1") != nullptr);
    CHECK(back.content.find_current("001", "hash-of-001", "extract-2") == nullptr);
    fs::remove_all(dir);
}

TEST_CASE("the same content gives the same bytes") {
    auto dir = test::fresh_dir("gpkg-bytes");
    write(dir / "a.gpkg", sample_catalog());
    write(dir / "b.gpkg", store::read_store(dir / "a.gpkg").content);
    CHECK(read_file(dir / "a.gpkg") == read_file(dir / "b.gpkg"));
    fs::remove_all(dir);
}

TEST_CASE("the store is a GeoPackage that GDAL lists with its tables") {
    auto dir = test::fresh_dir("gpkg-valid");
    write(dir / "naqsha.gpkg", sample_catalog());
    geo::ensure_gdal_registered();
    geo::gdal_dataset ds(GDALDataset::Open((dir / "naqsha.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    CHECK(std::string(ds->GetDriver()->GetDescription()) == "GPKG");
    for (const char* table : {"articles", "mentions", "events", "event_sources", "area_claims", "time_slices", "summary",
                              "naqsha_store_info"})
        CHECK_MESSAGE(ds->GetLayerByName(table) != nullptr, table);
    CHECK(ds->GetLayerByName("mentions")->GetFeatureCount() == 3);
    CHECK(ds->GetLayerByName("events")->GetFeatureCount() == 2); // Baharak merged, the undated one alone
    CHECK(ds->GetLayerByName("event_sources")->GetFeatureCount() == 3);
    CHECK(ds->GetLayerByName("summary")->GetFeatureCount() == 1);
    CHECK(ds->GetLayerByName("time_slices")->GetFeatureCount() == 1);
    CHECK(ds->GetLayerByName("articles")->GetFeatureCount() == 2);
    auto* defn = ds->GetLayerByName("events")->GetLayerDefn();
    CHECK(defn->GetFieldDefn(defn->GetFieldIndex("date"))->GetType() == OFTDate);
    CHECK(defn->GetFieldDefn(defn->GetFieldIndex("claims"))->GetSubType() == OFSTJSON);
    ds.reset();
    fs::remove_all(dir);
}

TEST_CASE("an unreadable previous store is refused, naming the file and the problem") {
    auto dir = test::fresh_dir("gpkg-corrupt");
    CHECK(store::read_store(dir / "missing.gpkg").content.articles().empty());
    CHECK(store::read_store(dir / "missing.gpkg").schema_version == 0);
    const auto file = dir / "naqsha.gpkg";
    auto refused = [&](const char* problem) {
        CAPTURE(problem);
        try {
            store::read_store(file);
            FAIL("read_store accepted it");
        } catch (const store_error& e) {
            const std::string what = e.what();
            CHECK(what.find(file.string()) != std::string::npos);
            CHECK(what.find(problem) != std::string::npos);
        }
    };
    write_file_atomically(file, "this is not a GeoPackage");
    refused("file is not a database");

    fs::remove(file);
    write(file, sample_catalog());
    auto set = [&](const char* sql) {
        sqlite_db db(file, false);
        db.exec(sql);
    };
    set("UPDATE naqsha_store_info SET value = '3' WHERE key = 'schema_version'");
    refused("written by a newer naqsha (store schema 3; this naqsha reads schemas 1 to 2)");
    set("UPDATE naqsha_store_info SET value = 'two' WHERE key = 'schema_version'");
    refused("not a naqsha store: schema version 'two'");
    set("UPDATE naqsha_store_info SET value = '2' WHERE key = 'schema_version'");
    set("UPDATE mentions SET places = '[{\"text\":' WHERE fid = 2");
    refused("table mentions, row 2: a JSON column (claims or places) does not parse");
    set("UPDATE mentions SET places = '[]' WHERE fid = 2");
    set("UPDATE mentions SET claims = replace(claims, '\"killed\"', '\"injured\"') WHERE fid = 1");
    refused("table mentions, row 1: a claim's field 'injured' is none of killed, wounded, missing, captured");
    set("UPDATE mentions SET claims = '[]', places = replace(places, '\"district\"', '\"village\"') WHERE fid = 1");
    refused("table mentions, row 1: a place's level 'village' is none of settlement, district, province");
    set("DROP TABLE mentions");
    refused("not a naqsha store: no table mentions");

    fs::remove(file);
    REQUIRE(::mkfifo(file.c_str(), 0644) == 0);
    refused("is not a regular file (a FIFO)");
    fs::remove(file);
    fs::create_directory(file);
    refused("is not a regular file (a directory)");
    fs::remove(file);
    write(dir / "real.gpkg", sample_catalog());
    fs::create_symlink(dir / "real.gpkg", file);
    refused("is not a regular file (a symbolic link)");
    fs::remove_all(dir);
}

TEST_CASE("a word outside a vocabulary in a store's column reads as that vocabulary's fallback") {
    auto dir = test::fresh_dir("gpkg-vocabulary");
    const auto file = sample_store_edited(dir, {"UPDATE mentions SET event_type = 'party', control = 'rebels', reported_by_kind = "
                                                "'rumour', perpetrator = 'rebels', claims = replace(replace(claims, '\"official\"', "
                                                "'\"rumour\"'), '\"afghan_forces\"', '\"guards\"') WHERE fid = 1",
                                                "UPDATE area_claims SET source_kind = 'rumour'"});
    auto back = store::read_store(file);
    const auto m = back.content.mention(back.content.mentions(back.content.at("001"))[0]);
    CHECK(m.type == event_type::other);
    CHECK(m.control == extract::control_side::none);
    CHECK(m.reported_by_kind == extract::attribution_kind::unattributed);
    REQUIRE(m.claims.size() == 1);
    CHECK(m.claims[0].source_kind == extract::attribution_kind::unattributed);
    CHECK(m.who.perpetrator == extract::actor_side::unknown);
    CHECK(m.who.target == extract::actor_side::afghan_forces);
    CHECK(m.claims[0].subject == extract::actor_side::unknown);
    CHECK(back.content.at("001").area_claims[0].source_kind == extract::attribution_kind::unattributed);
    CHECK(m.killed == extract::count_range{34, 34, 42}); // the rest of the row as it was
    fs::remove_all(dir);
}

TEST_CASE("a store of schema 1 is read and said to be migrated") {
    auto dir = test::fresh_dir("gpkg-schema1");
    const auto file = sample_store_edited(dir, {"UPDATE naqsha_store_info SET value = '1' WHERE key = 'schema_version'",
                                                "DROP TABLE time_slices"}); // schema 1 had none
    auto back = store::read_store(file);
    CHECK(back.schema_version == 1);
    CHECK(back.content.articles().size() == 2);
    REQUIRE(back.notices.size() == 1);
    CHECK(back.notices[0].find("store schema 1 read; this run writes it as schema 2") != std::string::npos);
    fs::remove_all(dir);
}
