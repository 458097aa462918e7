// `naqsha compare` below the command line: references read onto the districts, the agreement figures
// against hand-worked expectations (tests/data/compare/README.md), the class mapping, bad references,
// and the compare layer as written.
#include "base/error.hpp"
#include "base/paths.hpp"
#include "gazetteer/csv_table.hpp"
#include "geo/gdal_handles.hpp"
#include "geo/tile_math.hpp"
#include "render/compare/compare_layer.hpp"
#include "render/compare/compare_map.hpp"
#include "render/compare/comparison.hpp"
#include "render/compare/report.hpp"
#include "render/reference/reference_assessment.hpp"
#include "render/tiles/png_encoder.hpp"
#include "tests/layers/reference.hpp"
#include "tests/temp_dir.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <charconv>
#include <fstream>
#include <map>
#include <tuple>

namespace fs = std::filesystem;
using namespace naqsha;
using store::control_status;

namespace {

const fs::path data_dir = fs::path(NAQSHA_TEST_DATA_DIR) / "compare";
const naqsha::day_number compared_on = naqsha::days_from_civil(2021, 7, 15);

// A CSV of the test data as header -> value maps, one per row.
std::vector<std::map<std::string, std::string>> read_table(const fs::path& file) {
    const auto csv = gazetteer::read_csv(file);
    std::vector<std::map<std::string, std::string>> rows;
    for (std::size_t r = 1; r < csv.rows.size(); ++r) {
        auto& row = rows.emplace_back();
        for (std::size_t c = 0; c < csv.rows[0].size(); ++c) row[csv.rows[0][c]] = csv.cell(r, c);
    }
    return rows;
}

// The run: run_control.csv as a map state, with two events behind Baharak's contested state.
store::map_state run_state() {
    store::map_state state;
    state.as_of = naqsha::parse_iso_day("2021-07-31");
    for (auto& row : read_table(data_dir / "run_control.csv")) {
        store::control_interval iv;
        iv.pcode = row["pcode"];
        iv.status = *store::control_status_from_string(row["status"]);
        iv.start_day = *naqsha::parse_iso_day(row["start_date"]);
        iv.end_day = naqsha::parse_iso_day(row["end_date"]);
        iv.basis = store::control_basis_from_string(row["basis"]).value_or(store::control_basis::unstated);
        if (!row["event_ids"].empty()) iv.event_ids = {row["event_ids"]};
        state.control.push_back(iv);
    }
    store::merged_event baharak;
    baharak.id = "e-baharak";
    baharak.type = extract::event_type::armed_clash;
    baharak.date = naqsha::parse_iso_day("2021-07-05");
    baharak.quote = "Fighting reached the centre of Baharak district in Takhar on Monday";
    baharak.sources = {{"takhar-report", "", "", "", {}, ""}, {"wire-copy", "", "", "", {}, ""}};
    state.events.add(baharak);
    return state;
}

double fraction(const std::string& text) {
    const auto slash = text.find('/');
    REQUIRE(slash != std::string::npos);
    return std::stod(text.substr(0, slash)) / std::stod(text.substr(slash + 1));
}

// The AIMS 398-district polygons named in aims_398_statuses.csv, with their statuses, reprojected to
// UTM zone 42N and written as a GeoPackage: a reference in another scheme and another CRS.
fs::path aims_reference(const fs::path& dir) {
    const auto target = dir / "aims-398.gpkg";
    if (fs::exists(target)) return target;
    std::map<int, std::string> status_of;
    for (auto& row : read_table(data_dir / "aims_398_statuses.csv")) status_of[std::stoi(row["DISTID"])] = row["status"];

    geo::ensure_gdal_registered();
    const auto shapefile = gazetteer_data_dir() / "aims-district398" / "district398.shp";
    geo::gdal_dataset source(static_cast<GDALDataset*>(
        GDALOpenEx(shapefile.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    REQUIRE_MESSAGE(source, shapefile.string());
    OGRLayer* in = source->GetLayer(0);
    OGRSpatialReference utm;
    utm.importFromEPSG(32642);
    utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    geo::ogr_transform to_utm(OGRCreateCoordinateTransformation(in->GetSpatialRef(), &utm));
    REQUIRE(to_utm);

    geo::gdal_dataset out(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(target.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(out);
    OGRLayer* layer = out->CreateLayer("aims398", &utm, wkbMultiPolygon, nullptr);
    for (const char* name : {"DISTID", "DIST_34_NA", "PROV_34_NA", "status"}) {
        OGRFieldDefn field(name, std::string_view(name) == "DISTID" ? OFTInteger : OFTString);
        REQUIRE(layer->CreateField(&field) == OGRERR_NONE);
    }
    in->ResetReading();
    int written = 0;
    while (geo::ogr_feature f{in->GetNextFeature()}) {
        const auto it = status_of.find(f->GetFieldAsInteger("DISTID"));
        if (it == status_of.end()) continue;
        geo::ogr_feature copy(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        copy->SetField("DISTID", it->first);
        copy->SetField("DIST_34_NA", f->GetFieldAsString("DIST_34_NA"));
        copy->SetField("PROV_34_NA", f->GetFieldAsString("PROV_34_NA"));
        copy->SetField("status", it->second.c_str());
        std::unique_ptr<OGRGeometry> shape(f->GetGeometryRef()->clone());
        REQUIRE(shape->transform(to_utm.get()) == OGRERR_NONE);
        copy->SetGeometry(shape.get());
        REQUIRE(layer->CreateFeature(copy.get()) == OGRERR_NONE);
        ++written;
    }
    REQUIRE(written == static_cast<int>(status_of.size()));
    return target;
}

fs::path reference_file(const std::string& name, const fs::path& scratch) {
    if (name == "aims_398_statuses.csv") return aims_reference(scratch);
    return data_dir / name;
}

reference::reference_options options_for(std::map<std::string, std::string>& row) {
    reference::reference_options options;
    options.status_field = row["field"];
    if (!row["classes"].empty()) options.classes = reference::status_classes::with_user_mapping(row["classes"]);
    return options;
}

void write_text(const fs::path& file, std::string_view text) {
    std::ofstream(file) << text;
}

} // namespace

TEST_CASE("every reference made by hand gives exactly the expected confusion matrix and kappa") {
    const auto& gz = test::shared_gazetteer();
    const auto scratch = test::fresh_dir("compare-references");
    const auto run = run_state();
    const auto matrices = read_table(data_dir / "expected_matrices.csv");
    const auto unresolved = read_table(data_dir / "expected_unresolved.csv");
    const auto crosswalk = read_table(data_dir / "expected_crosswalk.csv");
    int cases = 0;
    for (auto& expected : read_table(data_dir / "expected_agreement.csv")) {
        const std::string name = expected["case"];
        INFO("case ", name);
        const auto ref = reference::read_reference_assessment(reference_file(expected["reference"], scratch), gz,
                                                              options_for(expected));
        compare::compare_options options;
        options.date = compared_on;
        options.binary = expected["binary"] == "yes";
        const auto result = compare::compare_control(run, ref, gz, options);

        CHECK(result.overall.compared == std::stoi(expected["compared"]));
        CHECK(result.overall.agreed == std::stoi(expected["agreed"]));
        REQUIRE(result.overall.kappa);
        CHECK(*result.overall.kappa == doctest::Approx(fraction(expected["kappa"])).epsilon(1e-12));
        CHECK(result.naqsha_no_state == std::stoi(expected["naqsha_no_state"]));
        CHECK(result.reference_no_state == std::stoi(expected["reference_no_state"]));

        // Every cell: the listed ones hold their count, all others 0.
        std::map<std::pair<std::string, std::string>, int> cells;
        for (auto cell : matrices)
            if (cell["case"] == name) cells[{cell["ours"], cell["reference"]}] = std::stoi(cell["count"]);
        REQUIRE(!cells.empty());
        for (std::size_t ours = 0; ours < result.scheme.size(); ++ours)
            for (std::size_t theirs = 0; theirs < result.scheme.size(); ++theirs) {
                const std::pair<std::string, std::string> key{std::string(result.scheme.name(ours)),
                                                              std::string(result.scheme.name(theirs))};
                INFO("cell ", key.first, " / ", key.second);
                CHECK(result.matrix.at(ours, theirs) == (cells.contains(key) ? cells[key] : 0));
            }

        std::vector<std::pair<std::string, std::string>> want_unresolved, got_unresolved;
        for (auto u : unresolved)
            if (u["case"] == name) want_unresolved.emplace_back(ref.file.string() + ":" + u["line"], u["text"]);
        for (const auto& u : ref.unresolved) got_unresolved.emplace_back(u.where, u.text);
        CHECK(got_unresolved == want_unresolved);
        CHECK(std::stoi(expected["unresolved"]) == static_cast<int>(ref.unresolved.size()));

        std::map<std::string, std::string> want_labels, got_labels;
        for (auto c : crosswalk)
            if (c["case"] == name) want_labels[c["pcode"]] = c["reference_label"];
        if (!want_labels.empty()) {
            for (const auto& d : ref.districts) got_labels[d.pcode] = d.reference_label;
            CHECK(got_labels == want_labels);
        }
        ++cases;
    }
    CHECK(cases == 6);
    fs::remove_all(scratch);
}

TEST_CASE("a 398-district layer in UTM is matched by overlap, the crosswalk kept, no neighbour painted") {
    const auto& gz = test::shared_gazetteer();
    const auto scratch = test::fresh_dir("compare-aims");
    const auto ref = reference::read_reference_assessment(aims_reference(scratch), gz, {});
    CHECK(ref.polygons);
    CHECK(ref.crs.find("32642") != std::string::npos);
    REQUIRE(ref.districts.size() == 13);
    for (const auto& d : ref.districts) {
        INFO(d.pcode, " <- ", d.reference_label, " ", d.overlap_share);
        CHECK(d.match == reference::match_method::overlap);
        CHECK(d.overlap_share > 0.8); // the two lineages differ by slivers here
        CHECK(d.overlap_share <= 1.0 + 1e-9);
    }
    // Warsaj, Takhar's districts not listed and Kunduz's neighbours touch the polygons only along borders.
    const bool warsaj = std::any_of(ref.districts.begin(), ref.districts.end(), [](const auto& d) { return d.pcode == "AF1813"; });
    CHECK_FALSE(warsaj);
    CHECK(ref.unmatched_features.empty());
    CHECK(ref.uncovered.size() == gz.districts().size() - 13);
    CHECK(std::find(ref.notes.begin(), ref.notes.end(), "reprojected from " + ref.crs) != ref.notes.end());
    fs::remove_all(scratch);
}

TEST_CASE("population- and area-weighted shares, side by side") {
    const auto& gz = test::shared_gazetteer();
    const auto run = run_state();
    const auto ref = reference::read_reference_assessment(data_dir / "by_pcode.csv", gz, {});
    const auto population = compare::read_population_csv(data_dir / "population.csv", gz);
    REQUIRE(population.notes.size() == 1); // AF9999
    compare::compare_options options;
    options.date = compared_on;
    options.population = &population;
    const auto result = compare::compare_control(run, ref, gz, options);
    const compare::class_scheme scheme(false);
    for (auto& row : read_table(data_dir / "expected_population_shares.csv")) {
        const auto k = scheme.index_of(*store::control_status_from_string(row["class"]));
        INFO(row["class"]);
        CHECK(result.shares.population.ours[k] == doctest::Approx(std::stod(row["ours"])).epsilon(1e-12));
        CHECK(result.shares.population.theirs[k] == doctest::Approx(std::stod(row["reference"])).epsilon(1e-12));
    }
    double area_ours = 0, area_theirs = 0;
    for (std::size_t k = 0; k < scheme.size(); ++k) {
        area_ours += result.shares.area.ours[k];
        area_theirs += result.shares.area.theirs[k];
    }
    CHECK(area_ours == doctest::Approx(1.0));
    CHECK(area_theirs == doctest::Approx(1.0));
    CHECK(result.shares.districts.ours[scheme.index_of(control_status::taliban)] == doctest::Approx(5.0 / 11));

    const auto text = compare::format_report(result, ref, {"run/naqsha.gpkg", &population});
    for (const char* line : {"Districts compared: 11", "Accuracy: 0.545 (6 of 11 agree)", "Cohen's kappa: 0.329",
                             "  taliban              0.455 | 0.455", "0.680 | 0.600", "AF9999 is not a district",
                             "by_pcode.csv:16: AF9999: P-code AF9999 is not a district"})
        CHECK_MESSAGE(text.find(line) != std::string::npos, line, "\n", text);
}

TEST_CASE("the class mapping: documented defaults, the user's mapping first, errors named") {
    const auto defaults = reference::status_classes::defaults();
    auto state = [&](const reference::status_classes& classes, std::string_view value) -> std::string {
        const auto* cls = classes.classify(value);
        return cls == nullptr ? "unmapped" : std::string(reference::to_string(cls->status));
    };
    CHECK(state(defaults, "INS Control") == "taliban");
    CHECK(state(defaults, "ins  influence") == "taliban");
    CHECK(state(defaults, "Contested") == "contested");
    CHECK(state(defaults, "GIROA Influence") == "government");
    CHECK(state(defaults, "GIROA-Control") == "government");
    CHECK(state(defaults, "Taliban Controlled") == "taliban");
    CHECK(state(defaults, "Government Controlled or Undetermined") == "government");
    CHECK(state(defaults, "Unconfirmed") == "unconfirmed");
    CHECK(state(defaults, "1") == "taliban");
    CHECK(state(defaults, "1.0") == "taliban");
    CHECK(state(defaults, "0") == "government");
    CHECK(state(defaults, "") == "unknown");
    CHECK(state(defaults, "N/A") == "unknown");
    CHECK(state(defaults, "Tallyban") == "unmapped");
    CHECK(state(defaults, "2") == "unmapped");

    const auto user = reference::status_classes::with_user_mapping("1=government, 0=taliban,INS Influence=contested,x=unknown");
    CHECK(state(user, "1") == "government");
    CHECK(state(user, "0.000") == "taliban");
    CHECK(state(user, "INS Influence") == "contested");
    CHECK(state(user, "INS Control") == "taliban"); // the defaults still follow
    CHECK(state(user, "X") == "unknown");
    CHECK_THROWS_AS(reference::status_classes::with_user_mapping("1=talib"), usage_error);
    CHECK_THROWS_AS(reference::status_classes::with_user_mapping("taliban"), usage_error);
    CHECK_THROWS_AS(reference::status_classes::with_user_mapping(" , "), usage_error);
    try {
        reference::status_classes::with_user_mapping("1=taliban,0=govt");
        FAIL("no error");
    } catch (const usage_error& e) {
        CHECK(std::string(e.what()).find("'govt' is not a state") != std::string::npos);
    }
}

TEST_CASE("Cohen's kappa on a textbook table, and where it is undefined") {
    // Two raters, 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15. p_o = 0.7, p_e = 0.5, kappa 0.4.
    compare::confusion_matrix m(2);
    for (int i = 0; i < 20; ++i) m.add(0, 0);
    for (int i = 0; i < 5; ++i) m.add(0, 1);
    for (int i = 0; i < 10; ++i) m.add(1, 0);
    for (int i = 0; i < 15; ++i) m.add(1, 1);
    const auto f = compare::measure_agreement(m);
    CHECK(f.compared == 50);
    CHECK(f.agreed == 35);
    CHECK(f.accuracy == doctest::Approx(0.7));
    REQUIRE(f.kappa);
    CHECK(*f.kappa == doctest::Approx(0.4));

    compare::confusion_matrix one_class(4);
    one_class.add(1, 1);
    one_class.add(1, 1);
    CHECK_FALSE(compare::measure_agreement(one_class).kappa);
    CHECK(compare::measure_agreement(one_class).accuracy == 1.0);
    CHECK_FALSE(compare::measure_agreement(compare::confusion_matrix(4)).kappa);
    // Complete disagreement across two classes gives kappa -1.
    compare::confusion_matrix opposite(2);
    opposite.add(0, 1);
    opposite.add(1, 0);
    CHECK(*compare::measure_agreement(opposite).kappa == doctest::Approx(-1.0));
}

TEST_CASE("bad references are refused with the file and the problem named") {
    const auto& gz = test::shared_gazetteer();
    const auto dir = test::fresh_dir("compare-bad");
    auto refused = [&](const fs::path& file, const reference::reference_options& options, std::string_view words) {
        INFO(file.string(), ": ", words);
        try {
            reference::read_reference_assessment(file, gz, options);
            FAIL("accepted");
        } catch (const reference_error& e) {
            const std::string what = e.what();
            CHECK_MESSAGE(what.find(file.string()) != std::string::npos, what);
            CHECK_MESSAGE(what.find(words) != std::string::npos, what);
        }
    };
    refused(dir / "missing.csv", {}, "no such file");

    write_text(dir / "no-status.csv", "pcode,control\nAF1803,contested\n");
    refused(dir / "no-status.csv", {}, "no column 'status' (its columns: pcode, control)");

    write_text(dir / "no-district.csv", "code,status\nAF1803,contested\n");
    refused(dir / "no-district.csv", {}, "neither a P-code column");

    write_text(dir / "no-names.csv", "district,province,status\nAtlantis,Takhar,contested\nBaharak,,taliban\n");
    refused(dir / "no-names.csv", {}, "not one of its 2 rows names a district");

    write_text(dir / "unmapped.csv", "pcode,status\nAF1803,Red\nAF1801,Blue\nAF1809,Red\n");
    refused(dir / "unmapped.csv", {}, "no value of column 'status' maps to a control state ('Red', 'Blue')");

    write_text(dir / "not-a-table.gpkg", "not a GeoPackage at all\n");
    refused(dir / "not-a-table.gpkg", {}, "cannot read it");

    // Polygons in lon/lat declared as UTM: they land near the equator, far from any district.
    write_text(dir / "wrong-crs.geojson",
               R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32642"}},)"
               R"("features":[{"type":"Feature","properties":{"status":"Contested"},"geometry":{"type":"Polygon",)"
               R"("coordinates":[[[69.5,36.7],[69.9,36.7],[69.9,37.0],[69.5,37.0],[69.5,36.7]]]}}]})");
    refused(dir / "wrong-crs.geojson", {}, "none of its 1 polygons covers a quarter of any district");

    // A Shapefile without its .prj, in metres: nothing says where it is.
    {
        geo::ensure_gdal_registered();
        geo::gdal_dataset ds(GetGDALDriverManager()->GetDriverByName("ESRI Shapefile")
                                 ->Create((dir / "no-prj.shp").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        REQUIRE(ds);
        OGRLayer* layer = ds->CreateLayer("no-prj", nullptr, wkbPolygon, nullptr);
        OGRFieldDefn field("status", OFTString);
        REQUIRE(layer->CreateField(&field) == OGRERR_NONE);
        geo::ogr_feature f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("status", "Contested");
        OGRGeometry* square = nullptr;
        OGRGeometryFactory::createFromWkt("POLYGON((500000 4000000,530000 4000000,530000 4030000,500000 4000000))", nullptr,
                                          &square);
        f->SetGeometryDirectly(square);
        REQUIRE(layer->CreateFeature(f.get()) == OGRERR_NONE);
    }
    refused(dir / "no-prj.shp", {}, "declares no coordinate reference system");
    fs::remove_all(dir);
}

TEST_CASE("a polygon layer without a CRS but in longitude and latitude is read as WGS 84, and said so") {
    const auto& gz = test::shared_gazetteer();
    const auto dir = test::fresh_dir("compare-lonlat");
    {
        geo::ensure_gdal_registered();
        geo::gdal_dataset ds(GetGDALDriverManager()->GetDriverByName("ESRI Shapefile")
                                 ->Create((dir / "lonlat.shp").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        OGRLayer* layer = ds->CreateLayer("lonlat", nullptr, wkbMultiPolygon, nullptr);
        OGRFieldDefn field("status", OFTString);
        REQUIRE(layer->CreateField(&field) == OGRERR_NONE);
        // Baharak, Takhar (AF1803), drawn from the gazetteer's own polygon.
        const auto* baharak = gz.district_by_pcode("AF1803");
        REQUIRE(baharak != nullptr);
        OGRMultiPolygon shape;
        for (const auto& poly : baharak->shape) {
            OGRPolygon part;
            OGRLinearRing ring;
            for (const auto& p : poly.outer) ring.addPoint(p.x, p.y);
            part.addRing(&ring);
            shape.addGeometry(&part);
        }
        geo::ogr_feature f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("status", "INS Control");
        f->SetGeometry(&shape);
        REQUIRE(layer->CreateFeature(f.get()) == OGRERR_NONE);
    }
    const auto ref = reference::read_reference_assessment(dir / "lonlat.shp", gz, {});
    REQUIRE(ref.districts.size() == 1);
    CHECK(ref.districts[0].pcode == "AF1803");
    CHECK(ref.districts[0].status == control_status::taliban);
    CHECK(ref.districts[0].overlap_share == doctest::Approx(1.0).epsilon(1e-6));
    REQUIRE(!ref.notes.empty());
    CHECK(ref.notes.front().find("declares no CRS") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("the compare layer: one feature per district either side rates, with the evidence, styled by agreement") {
    const auto& gz = test::shared_gazetteer();
    const auto dir = test::fresh_dir("compare-layer");
    const auto run = run_state();
    const auto ref = reference::read_reference_assessment(data_dir / "by_pcode.csv", gz, {});
    compare::compare_options options;
    options.date = compared_on;
    const auto result = compare::compare_control(run, ref, gz, options);
    const auto files = compare::write_compare_layer(result, dir);
    CHECK(files.features == 14); // 11 compared, 2 only the reference rates, 1 only naqsha

    std::map<std::string, std::map<std::string, std::string>> by_pcode;
    for (const auto& path : {files.gpkg, files.geojson}) {
        INFO(path.string());
        geo::gdal_dataset ds(static_cast<GDALDataset*>(
            GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
        REQUIRE(ds);
        OGRLayer* layer = ds->GetLayerByName("compare");
        REQUIRE(layer != nullptr);
        CHECK(layer->GetFeatureCount() == 14);
        by_pcode.clear();
        while (geo::ogr_feature f{layer->GetNextFeature()}) {
            auto& row = by_pcode[f->GetFieldAsString("pcode")];
            for (const char* field : {"ours", "theirs", "theirs_value", "agree", "agreement", "ours_since", "evidence",
                                      "reference_match"})
                row[field] = f->IsFieldSetAndNotNull(f->GetFieldIndex(field)) ? f->GetFieldAsString(field) : "NULL";
        }
        CHECK(by_pcode["AF1901"]["agreement"] == "agree");
        CHECK(by_pcode["AF1901"]["agree"] == "1");
        CHECK(by_pcode["AF1907"]["agreement"] == "naqsha_more_government"); // unconfirmed claim vs taliban
        CHECK(by_pcode["AF1904"]["agreement"] == "naqsha_more_taliban");
        CHECK(by_pcode["AF1810"]["agreement"] == "naqsha_more_government");
        CHECK(by_pcode["AF1903"]["agreement"] == "naqsha_more_government");
        CHECK(by_pcode["AF1812"]["agreement"] == "naqsha_no_state");
        CHECK(by_pcode["AF1812"]["agree"] == "NULL");
        CHECK(by_pcode["AF1813"]["agreement"] == "reference_no_state");
        CHECK(by_pcode["AF1813"]["theirs"] == "NULL");
        CHECK(by_pcode["AF1904"]["ours_since"].starts_with("2021"));
        CHECK(by_pcode["AF1803"]["theirs_value"] == "contested");
        CHECK(by_pcode["AF1803"]["reference_match"] == "P-code");
        const auto& evidence = by_pcode["AF1803"]["evidence"];
        CHECK_MESSAGE(evidence.find("since 2021-07-05, from event: 2021-07-05 armed_clash e-baharak \"Fighting reached") !=
                          std::string::npos,
                      evidence);
        CHECK_MESSAGE(evidence.find("(takhar-report, wire-copy)") != std::string::npos, evidence);
        CHECK(by_pcode.count("AF1811") == 0); // neither side rates it
    }
    const std::string qml = [&] {
        std::ifstream in(files.qml);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    CHECK(qml.find("type=\"categorizedSymbol\"") != std::string::npos);
    CHECK(qml.find("attr=\"agreement\"") != std::string::npos);
    for (const auto& v : compare::verdict_styles)
        CHECK(qml.find(fmt::format("value=\"{}\"", compare::to_string(v.outcome))) != std::string::npos);

    // compare.png: each district's verdict colour at its interior point, paper where neither side rates it.
    const auto map = compare::write_compare_map(result, gz, "by_pcode.csv", dir / "compare.png");
    std::ifstream png_in(map.path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(png_in)), {});
    const auto image = tiles::decode_png({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
    CHECK(image.width == map.width);
    auto pixel_at = [&](std::string_view pcode) {
        const auto* d = gz.district_by_pcode(pcode);
        REQUIRE(d != nullptr);
        const auto global = geo::mercator_to_pixel(geo::lon_lat_to_mercator_formula(d->interior), map.zoom, map.tile_size);
        const int x = int(global.x - map.map_origin.x + map.map_offset.x);
        const int y = int(global.y - map.map_origin.y + map.map_offset.y);
        REQUIRE((x >= 0 && y >= 0 && x < image.width && y < image.height));
        const std::size_t i = (std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * 4;
        return std::array<int, 3>{image.rgba[i], image.rgba[i + 1], image.rgba[i + 2]};
    };
    auto colour = [](compare::verdict v) {
        const auto c = compare::fill_of(v);
        return std::array<int, 3>{c.r, c.g, c.b};
    };
    CHECK(pixel_at("AF1901") == colour(compare::verdict::agree));
    CHECK(pixel_at("AF1904") == colour(compare::verdict::naqsha_more_taliban));
    CHECK(pixel_at("AF1810") == colour(compare::verdict::naqsha_more_government));
    CHECK(pixel_at("AF1812") == colour(compare::verdict::naqsha_no_state));
    CHECK(pixel_at("AF1813") == colour(compare::verdict::reference_no_state));
    CHECK(pixel_at("AF0101") == std::array<int, 3>{255, 255, 255});
    fs::remove_all(dir);
}

TEST_CASE("docs/compare.md lists exactly the default classes") {
    const auto doc = fs::path(NAQSHA_TEST_DATA_DIR).parent_path().parent_path() / "docs" / "compare.md";
    std::ifstream in(doc);
    REQUIRE(in);
    std::vector<std::tuple<std::string, std::string, std::string>> documented;
    bool in_table = false;
    for (std::string line; std::getline(in, line);) {
        if (line == "| value | state | from |") {
            in_table = true;
            continue;
        }
        if (!in_table || line.starts_with("|---")) continue;
        if (!line.starts_with("| ")) break;
        std::vector<std::string> cells;
        for (std::size_t begin = 2; begin < line.size();) {
            const auto end = line.find(" |", begin);
            cells.push_back(line.substr(begin, end - begin));
            begin = end + 3;
        }
        REQUIRE(cells.size() == 3);
        auto value = cells[0] == "(empty)" ? std::string() : cells[0].substr(1, cells[0].size() - 2);
        documented.emplace_back(value, cells[1], cells[2]);
    }
    std::vector<std::tuple<std::string, std::string, std::string>> coded;
    const auto defaults = reference::status_classes::defaults();
    for (const auto& c : defaults.classes())
        coded.emplace_back(c.value, std::string(reference::to_string(c.status)), std::string(c.origin));
    CHECK(documented == coded);
}
