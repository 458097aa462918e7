#include "render/layers/qgis_project.hpp"

#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "render/layers/ogr_tables.hpp"
#include "render/layers/qgis_style.hpp"
#include "render/layers/xml_writer.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>

#include <string_view>
#include <utility>

namespace naqsha::layers {
namespace {

// QGIS's temporal controller step for a slice unit (QgsUnitTypes' encodings: d, wk, mon).
std::pair<std::string_view, std::string_view> time_step(std::string_view slice_unit) {
    if (slice_unit == "week") return {"1", "wk"};
    if (slice_unit == "month") return {"1", "mon"};
    if (slice_unit == "quarter") return {"3", "mon"};
    return {"1", "d"};
}

std::string wgs84_wkt() {
    char* wkt = nullptr;
    const char* const options[] = {"FORMAT=WKT2_2019", "MULTILINE=NO", nullptr};
    wgs84().exportToWkt(&wkt, options);
    std::string out = wkt != nullptr ? wkt : "";
    CPLFree(wkt);
    return out;
}

void write_srs(xml_writer& xml) {
    static const std::string wkt = wgs84_wkt();
    xml.open("spatialrefsys");
    xml.leaf("wkt", wkt);
    xml.leaf("proj4", "+proj=longlat +datum=WGS84 +no_defs");
    xml.leaf("srsid", "3452");
    xml.leaf("srid", "4326");
    xml.leaf("authid", "EPSG:4326");
    xml.leaf("description", "WGS 84");
    xml.leaf("projectionacronym", "longlat");
    xml.leaf("ellipsoidacronym", "EPSG:7030");
    xml.leaf("geographicflag", "true");
    xml.close();
}

std::string layer_id(const layer_definition& def) { return std::string(def.name) + "_naqsha"; }

std::string layer_source(const layer_definition& def, const project_settings& s) {
    return "./" + s.gpkg_name + "|layername=" + std::string(def.name);
}

// The country with a small margin, so border districts are not cut by the window.
geo::box view_extent(const layer_set& layers) {
    geo::box b = layers.extent;
    if (b.empty()) b = {60.5, 29.4, 74.9, 38.5}; // Afghanistan, for a run without reference areas
    const double mx = (b.max_x - b.min_x) * 0.03, my = (b.max_y - b.min_y) * 0.03;
    return {b.min_x - mx, b.min_y - my, b.max_x + mx, b.max_y + my};
}

void write_extent_children(xml_writer& xml, const geo::box& b) {
    xml.leaf("xmin", xml_writer::number(b.min_x)).leaf("ymin", xml_writer::number(b.min_y));
    xml.leaf("xmax", xml_writer::number(b.max_x)).leaf("ymax", xml_writer::number(b.max_y));
}

void write_layer_tree(xml_writer& xml, const layer_set& layers, const project_settings& s) {
    xml.open("layer-tree-group");
    xml.open("customproperties").open("Option").close().close();
    for (const auto& t : layers.tables) {
        const auto& def = *t.definition;
        xml.open("layer-tree-layer").attr("id", layer_id(def)).attr("name", def.name);
        xml.attr("source", layer_source(def, s)).attr("providerKey", "ogr");
        xml.attr("checked", def.visible ? "Qt::Checked" : "Qt::Unchecked").attr("expanded", def.visible ? "1" : "0");
        xml.attr("legend_exp", "").attr("patch_size", "-1,-1").attr("legend_split_behavior", "0");
        xml.open("customproperties").open("Option").close().close();
        xml.close();
    }
    xml.open("custom-order").attr("enabled", "0");
    for (const auto& t : layers.tables) xml.leaf("item", layer_id(*t.definition));
    xml.close();
    xml.close();
}

void write_map_layer(xml_writer& xml, const layer_definition& def, const project_settings& s) {
    const bool point = def.geometry == geometry_kind::point;
    xml.open("maplayer").attr("type", "vector").attr("geometry", point ? "Point" : "Polygon");
    xml.attr("wkbType", point ? "Point" : "MultiPolygon");
    write_style_attributes(xml, def);
    xml.leaf("id", layer_id(def));
    xml.leaf("datasource", layer_source(def, s));
    xml.open("keywordList").leaf("value", "").close();
    xml.leaf("layername", def.name);
    xml.open("srs");
    write_srs(xml);
    xml.close();
    xml.open("resourceMetadata");
    xml.leaf("identifier", def.name).leaf("parentidentifier", "").leaf("language", "").leaf("type", "dataset");
    xml.leaf("title", def.title).leaf("abstract", def.description);
    xml.open("links").close();
    xml.close();
    xml.open("provider").attr("encoding", "UTF-8").text("ogr").close();
    xml.open("map-layer-style-manager").attr("current", "default");
    xml.open("map-layer-style").attr("name", "default").close();
    xml.close();
    write_style_elements(xml, def);
    xml.close();
}

} // namespace

std::string qgs_document(const layer_set& layers, const project_settings& s) {
    xml_writer xml("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>");
    xml.open("qgis").attr("projectname", s.title).attr("version", qgis_format_version);
    xml.open("homePath").attr("path", "").close();
    xml.leaf("title", s.title);
    xml.open("autotransaction").attr("active", "0").close();
    xml.open("evaluateDefaultValues").attr("active", "0").close();
    xml.open("trust").attr("active", "0").close();
    xml.open("projectCrs");
    write_srs(xml);
    xml.close();
    write_layer_tree(xml, layers, s);

    const geo::box view = view_extent(layers);
    xml.open("mapcanvas").attr("name", "theMapCanvas").attr("annotationsVisible", "1");
    xml.leaf("units", "degrees");
    xml.open("extent");
    write_extent_children(xml, view);
    xml.close();
    xml.leaf("rotation", "0");
    xml.open("destinationsrs");
    write_srs(xml);
    xml.close();
    xml.leaf("rendermaptile", "0");
    xml.close();

    xml.open("projectlayers");
    for (const auto& t : layers.tables) write_map_layer(xml, *t.definition, s);
    xml.close();
    xml.open("layerorder");
    for (const auto& t : layers.tables) xml.open("layer").attr("id", layer_id(*t.definition)).close();
    xml.close();

    xml.open("properties");
    xml.open("Paths").open("Absolute").attr("type", "bool").text("false").close().close();
    xml.open("SpatialRefSys").open("ProjectionsEnabled").attr("type", "int").text("1").close().close();
    xml.close();

    xml.open("projectMetadata");
    xml.leaf("identifier", "naqsha").leaf("parentidentifier", "").leaf("language", "en").leaf("type", "");
    xml.leaf("title", s.title);
    xml.leaf("abstract", "District control and incidents in Afghanistan extracted from news reports by naqsha" +
                             std::string(s.as_of ? ", as of " + iso_date(*s.as_of) : "") +
                             ". Boundaries: AGCHO / OCHA.");
    xml.open("links").close();
    xml.leaf("author", "naqsha");
    xml.close();

    xml.open("ProjectViewSettings").attr("UseProjectScales", "0").attr("rotation", "0");
    xml.open("Scales").close();
    xml.open("DefaultViewExtent").attr("xmin", view.min_x).attr("ymin", view.min_y);
    xml.attr("xmax", view.max_x).attr("ymax", view.max_y);
    write_srs(xml);
    xml.close();
    xml.close();

    // The temporal controller spans the run's time frame in steps of its slices (QGIS has no quarter:
    // three months), so that each step shows what a slice's tiles and summary row show.
    auto [step, unit] = time_step(layers.slice_unit);
    xml.open("ProjectTimeSettings").attr("timeStep", step).attr("timeStepUnit", unit).attr("frameRate", "1");
    xml.attr("cumulativeTemporalRange", "0");
    if (layers.first_day) {
        xml.open("TemporalRange");
        const std::string last = layers.last_day ? iso_date(*layers.last_day) : std::string();
        xml.leaf("start", iso_date(*layers.first_day) + "T00:00:00Z").leaf("end", last + "T23:59:59Z");
        xml.close();
    }
    xml.close();
    xml.close();
    return xml.finish();
}

void write_qgz(const std::filesystem::path& target, const std::string& qgs) {
    auto staged = atomic_file::created_by_library(target);
    const std::string inner = target.stem().string() + ".qgs";
    CPLErrorReset();
    void* zip = CPLCreateZip(staged.temp_path().c_str(), nullptr);
    if (zip == nullptr) throw output_error(target.string() + ": cannot create: " + gdal_error_or("CPLCreateZip failed"));
    bool ok = CPLCreateFileInZip(zip, inner.c_str(), nullptr) == CE_None;
    ok = ok && CPLWriteFileInZip(zip, qgs.data(), static_cast<int>(qgs.size())) == CE_None;
    ok = ok && CPLCloseFileInZip(zip) == CE_None;
    ok = CPLCloseZip(zip) == CE_None && ok;
    if (!ok) throw output_error(target.string() + ": cannot write the project archive: " + gdal_error_or("zip failed"));
    staged.commit();
}

} // namespace naqsha::layers
