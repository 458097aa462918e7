// `naqsha tiles` end to end: a GeoPackage shaped like the one `naqsha run` writes -> tiles, MBTiles,
// legend. Leaves its output in NAQSHA_TILES_FIXTURE_DIR for the QGIS load test (qgis_load.py).
#include "base/error.hpp"
#include "geo/gdal_handles.hpp"
#include "render/tiles/gpkg_state_reader.hpp"
#include "render/tiles/mbtiles_writer.hpp"
#include "store/calendar.hpp"
#include "tiles_fixture.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <sys/wait.h>

namespace fs = std::filesystem;
using namespace naqsha;

namespace {

struct event_row {
    const char* id;
    const char* date;
    const char* precision;
    const char* district;
    const char* province;
    int killed;
    double lon, lat;
};

OGRPolygon* square_around(geo::point p) {
    auto* ring = new OGRLinearRing;
    for (auto [dx, dy] : {std::pair{-0.1, -0.1}, {0.1, -0.1}, {0.1, 0.1}, {-0.1, 0.1}, {-0.1, -0.1}}) ring->addPoint(p.x + dx, p.y + dy);
    auto* poly = new OGRPolygon;
    poly->addRingDirectly(ring);
    return poly;
}

// The layers and fields render/layers writes (docs/exports.md): control, incidents, incidents_province,
// incidents_by_district.
void write_run_gpkg(const fs::path& file) {
    geo::ensure_gdal_registered();
    fs::remove(file);
    auto* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    geo::gdal_dataset ds(driver->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(ds);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

    OGRLayer* control = ds->CreateLayer("control", &wgs84, wkbPolygon, nullptr);
    for (auto [name, type] : {std::pair{"pcode", OFTString}, {"status", OFTString}, {"start_date", OFTDate},
                              {"end_date", OFTDate}, {"basis", OFTString}}) {
        OGRFieldDefn def(name, type);
        control->CreateField(&def);
    }
    const auto districts = test::ocha().districts;
    const char* cycle[] = {"government", "contested", "taliban", "unconfirmed"};
    for (std::size_t i = 0; i < districts.size(); ++i) {
        const bool kabul = districts[i].pcode == "AF0101";
        auto add = [&](const char* status, const char* start, const char* end) {
            geo::ogr_feature f(OGRFeature::CreateFeature(control->GetLayerDefn()));
            f->SetField("pcode", districts[i].pcode.c_str());
            f->SetField("status", status);
            f->SetField("start_date", start);
            if (end != nullptr) f->SetField("end_date", end);
            f->SetField("basis", "baseline");
            f->SetGeometryDirectly(square_around(districts[i].interior));
            REQUIRE(control->CreateFeature(f.get()) == OGRERR_NONE);
        };
        if (kabul) {
            add("government", "2021-01-01", "2021-01-31");
            add("taliban", "2021-02-01", nullptr);
        } else {
            add(cycle[i % 4], "2021-01-01", nullptr);
        }
    }
    // A row the reader must skip with a warning.
    {
        geo::ogr_feature f(OGRFeature::CreateFeature(control->GetLayerDefn()));
        f->SetField("pcode", "AF0102");
        f->SetField("status", "liberated");
        f->SetField("start_date", "2021-01-01");
        REQUIRE(control->CreateFeature(f.get()) == OGRERR_NONE);
    }
    // And one without a start: an interval is a span of days, so it cannot be read either.
    {
        geo::ogr_feature f(OGRFeature::CreateFeature(control->GetLayerDefn()));
        f->SetField("pcode", "AF0102");
        f->SetField("status", "taliban");
        f->SetField("basis", "event");
        REQUIRE(control->CreateFeature(f.get()) == OGRERR_NONE);
    }

    auto event_fields = [](OGRLayer* layer) {
        for (auto [name, type] : {std::pair{"id", OFTString}, {"date", OFTDate}, {"precision", OFTString},
                                  {"district_pcode", OFTString}, {"province_pcode", OFTString},
                                  {"killed_low", OFTInteger}, {"killed_best", OFTInteger}, {"killed_high", OFTInteger},
                                  {"background", OFTInteger}}) {
            OGRFieldDefn def(name, type);
            layer->CreateField(&def);
        }
    };
    auto fill_event = [](OGRFeature& f, const event_row& e) {
        f.SetField("id", e.id);
        f.SetField("date", e.date);
        f.SetField("precision", e.precision);
        if (*e.district) f.SetField("district_pcode", e.district);
        f.SetField("province_pcode", e.province);
        f.SetField("killed_low", e.killed);
        f.SetField("killed_best", e.killed);
        f.SetField("killed_high", e.killed);
        f.SetField("background", 0);
    };
    OGRLayer* incidents = ds->CreateLayer("incidents", &wgs84, wkbPoint, nullptr);
    event_fields(incidents);
    for (const auto& e : {event_row{"a#1", "2021-01-12", "settlement", "AF2401", "AF24", 12, 65.71, 31.61},
                          event_row{"b#1", "2021-02-03", "district", "AF0101", "AF01", 3, 69.17, 34.53}}) {
        geo::ogr_feature f(OGRFeature::CreateFeature(incidents->GetLayerDefn()));
        fill_event(*f, e);
        f->SetGeometryDirectly(new OGRPoint(e.lon, e.lat));
        REQUIRE(incidents->CreateFeature(f.get()) == OGRERR_NONE);
    }
    OGRLayer* vague = ds->CreateLayer("incidents_province", &wgs84, wkbPolygon, nullptr);
    event_fields(vague);
    {
        geo::ogr_feature f(OGRFeature::CreateFeature(vague->GetLayerDefn()));
        fill_event(*f, event_row{"c#1", "2021-02-20", "province", "", "AF17", 4, 0, 0});
        f->SetGeometryDirectly(square_around({70.5, 37.0}));
        REQUIRE(vague->CreateFeature(f.get()) == OGRERR_NONE);
    }
    OGRLayer* by_district = ds->CreateLayer("incidents_by_district", &wgs84, wkbPolygon, nullptr);
    for (const char* name : {"slice", "slice_start", "slice_end", "pcode"}) {
        OGRFieldDefn def(name, std::string_view(name) == "slice" || std::string_view(name) == "pcode" ? OFTString : OFTDate);
        by_district->CreateField(&def);
    }
    OGRLayer* info = ds->CreateLayer("naqsha_store_info", nullptr, wkbNone, nullptr);
    for (const char* name : {"key", "value"}) {
        OGRFieldDefn def(name, OFTString);
        info->CreateField(&def);
    }
    for (auto [key, value] : {std::pair{"schema_version", "2"}, {"map_date", "2021-02-27"}}) {
        geo::ogr_feature f(OGRFeature::CreateFeature(info->GetLayerDefn()));
        f->SetField("key", key);
        f->SetField("value", value);
        REQUIRE(info->CreateFeature(f.get()) == OGRERR_NONE);
    }
    // Incidents in February only: the layer has no row for January, which is a slice all the same.
    {
        geo::ogr_feature f(OGRFeature::CreateFeature(by_district->GetLayerDefn()));
        f->SetField("slice", "2021-02");
        f->SetField("slice_start", "2021-02-01");
        f->SetField("slice_end", "2021-02-28");
        f->SetField("pcode", "AF0101");
        REQUIRE(by_district->CreateFeature(f.get()) == OGRERR_NONE);
    }
    OGRLayer* slices = ds->CreateLayer("time_slices", nullptr, wkbNone, nullptr);
    for (auto [name, type] : {std::pair{"slice", OFTString}, {"start_date", OFTDate}, {"end_date", OFTDate}}) {
        OGRFieldDefn def(name, type);
        slices->CreateField(&def);
    }
    for (auto [label, start, end] : {std::tuple{"2021-01", "2021-01-01", "2021-01-31"},
                                     {"2021-02", "2021-02-01", "2021-02-28"}}) {
        geo::ogr_feature f(OGRFeature::CreateFeature(slices->GetLayerDefn()));
        f->SetField("slice", label);
        f->SetField("start_date", start);
        f->SetField("end_date", end);
        REQUIRE(slices->CreateFeature(f.get()) == OGRERR_NONE);
    }
}

int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

TEST_CASE("the GeoPackage of a run reads back as a map state") {
    const auto dir = test::fresh_dir("gpkg-reader");
    write_run_gpkg(dir / "naqsha.gpkg");
    const auto in = tiles::read_map_state_from_gpkg(dir / "naqsha.gpkg");
    CHECK(in.state.control.size() == test::ocha().districts.size() + 1);
    REQUIRE(in.warnings.size() == 2);
    CHECK(in.warnings[0].find("liberated") != std::string::npos);
    CHECK(in.warnings[1].find("are not days") != std::string::npos);
    CHECK(in.slices_recorded);
    REQUIRE(in.state.slices.size() == 2); // from time_slices, not from the slices that had incidents
    CHECK(in.state.slices[0].label == "2021-01");
    CHECK(in.state.slices[1].label == "2021-02");
    CHECK(store::format_iso_day(in.state.slices[1].last_day) == "2021-02-28");
    CHECK(store::format_iso_day(in.state.as_of) == "2021-02-27"); // naqsha_store_info, not the latest event (02-20)
    REQUIRE(in.state.events.size() == 3);
    CHECK(in.state.events[0].lon.value() == doctest::Approx(65.71));
    CHECK(in.state.events[0].killed->best == 12);
    CHECK(in.state.events[2].geo_prec == extract::geo_precision::province);
    CHECK(in.state.events[2].province == "AF17");
    fs::remove_all(dir);

    CHECK_THROWS_AS(tiles::read_map_state_from_gpkg(dir / "missing.gpkg"), input_error);
}

TEST_CASE("naqsha tiles renders a run's GeoPackage to XYZ, MBTiles and a legend") {
    const fs::path out = NAQSHA_TILES_FIXTURE_DIR;
    fs::remove_all(out);
    fs::create_directories(out);
    write_run_gpkg(out / "naqsha.gpkg");
    const std::string naqsha = NAQSHA_BINARY;
    const std::string common = naqsha + " -q tiles --gpkg " + (out / "naqsha.gpkg").string() + " --out " + out.string();

    // Warnings (the unknown status, the missing start) make it a partial success; everything else is written.
    CHECK(run(common + " --zoom 0-8 --threads 2") == 1);
    for (const char* slice : {"2021-01", "2021-02"}) {
        CAPTURE(slice);
        CHECK(fs::exists(out / "tiles" / "control" / slice / "8"));
        CHECK(fs::exists(out / "tiles" / (std::string("control-") + slice + ".mbtiles")));
        CHECK(fs::exists(out / "tiles" / (std::string("incidents-") + slice + ".mbtiles")));
    }
    CHECK(fs::exists(out / "tiles" / "legend.png"));

    // Kabul district turns Taliban in February.
    const auto kabul = test::pixel_of({69.17, 34.53}, 8);
    const auto jan = test::xyz_pixel(out / "tiles" / "control" / "2021-01", 8, kabul);
    const auto feb = test::xyz_pixel(out / "tiles" / "control" / "2021-02", 8, kabul);
    CHECK(jan.b == 180); // government blue #4575b4
    CHECK(feb.r == 215); // taliban red #d73027
    CHECK(feb.a == 255);
    // January's settlement event near Kandahar is a circle in January's incident tiles only.
    const auto kandahar = test::pixel_of({65.71, 31.61}, 8);
    CHECK(test::xyz_pixel(out / "tiles" / "incidents" / "2021-01", 8, kandahar).a > 0);
    CHECK(test::xyz_pixel(out / "tiles" / "incidents" / "2021-02", 8, kandahar).a == 0);

    CHECK(run(common + " --zoom 0-3 --slices none --at 2021-01-15 --layers control --no-legend") == 1);
    CHECK(fs::exists(out / "tiles" / "control" / "2021-01-15" / "3"));
    CHECK(run(common + " --zoom 3-1") == 2);
    CHECK(run(common + " --zoom 0-20") == 2);
    // a --gpkg that names nothing is a bad argument (exit 2), not a partial failure (issue 19)
    CHECK(run(naqsha + " -q tiles --gpkg " + (out / "absent.gpkg").string() + " --out " + out.string()) == 2);
    fs::remove_all(out / "tiles" / "control" / "2021-01-15");
    fs::remove(out / "tiles" / "control-2021-01-15.mbtiles");
}
