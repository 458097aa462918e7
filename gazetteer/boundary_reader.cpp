#include "gazetteer/boundary_reader.hpp"

#include "base/error.hpp"
#include "base/spaces.hpp"
#include "gazetteer/geometry_ops.hpp"
#include "geo/gdal_handles.hpp"

#include <fmt/format.h>

#include <cpl_error.h>

namespace naqsha::gazetteer {
namespace {

std::string last_gdal_error() {
    const char* msg = CPLGetLastErrorMsg();
    return msg != nullptr && *msg != '\0' ? std::string(": ") + msg : std::string();
}

int field_index(OGRLayer& layer, const std::filesystem::path& file, const std::string& field) {
    if (field.empty()) return -1;
    int i = layer.GetLayerDefn()->GetFieldIndex(field.c_str());
    if (i < 0) {
        std::string hint;
        if (file.extension() == ".shp" && !std::filesystem::exists(std::filesystem::path(file).replace_extension(".dbf")))
            hint = " (its .dbf attribute table is missing)";
        throw data_error(file.string() + ": no attribute `" + field + "`" + hint);
    }
    return i;
}

std::string field_text(OGRFeature& f, int index) {
    if (index < 0 || !f.IsFieldSetAndNotNull(index)) return {};
    // AIMS names carry stray newlines and double spaces ("Zanda  Jan\n").
    return collapse_spaces(f.GetFieldAsString(index));
}

geo::ring ring_of(const OGRLinearRing& r) {
    geo::ring out;
    out.reserve(static_cast<std::size_t>(r.getNumPoints()));
    for (int i = 0; i < r.getNumPoints(); ++i) out.push_back({r.getX(i), r.getY(i)});
    if (!out.empty() && !(out.front() == out.back())) out.push_back(out.front());
    return out;
}

void append_polygon(const OGRPolygon& p, geo::multipolygon& out) {
    if (p.getExteriorRing() == nullptr) return;
    geo::polygon poly;
    poly.outer = ring_of(*p.getExteriorRing());
    for (int i = 0; i < p.getNumInteriorRings(); ++i) poly.holes.push_back(ring_of(*p.getInteriorRing(i)));
    out.push_back(std::move(poly));
}

geo::multipolygon shape_of(const OGRGeometry& g) {
    geo::multipolygon out;
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbPolygon:
        append_polygon(*g.toPolygon(), out);
        break;
    case wkbMultiPolygon:
        for (const auto* p : *g.toMultiPolygon()) append_polygon(*p, out);
        break;
    default:
        break;
    }
    return out;
}

} // namespace

std::vector<boundary_feature> read_boundary_layer(const std::filesystem::path& file, const layer_mapping& mapping,
                                                  const std::string& province_code_prefix,
                                                  std::vector<std::string>& repairs) {
    geo::ensure_gdal_registered();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) throw data_error(file.string() + ": file not found");
    if (file.extension() == ".shp") {
        for (const char* ext : {".shx", ".dbf"}) {
            auto sibling = std::filesystem::path(file).replace_extension(ext);
            if (!std::filesystem::exists(sibling, ec))
                throw data_error(sibling.string() + ": missing (a shapefile needs its " + ext + " beside the .shp)");
        }
    }
    CPLErrorReset();
    geo::gdal_dataset ds(static_cast<GDALDataset*>(
        GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds) throw data_error(file.string() + ": cannot be read as vector data (corrupt or unsupported)" + last_gdal_error());
    if (ds->GetLayerCount() < 1) throw data_error(file.string() + ": holds no layer");
    OGRLayer& layer = *ds->GetLayer(0);

    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (srs == nullptr)
        throw data_error(file.string() + ": no coordinate reference system (a .prj file is missing?); cannot tell "
                                         "where the coordinates lie");
    OGRSpatialReference source(*srs);
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    geo::ogr_transform to_wgs84;
    if (!source.IsSame(&wgs84)) {
        to_wgs84.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
        if (!to_wgs84)
            throw data_error(file.string() + ": no transformation from its CRS (" +
                             std::string(source.GetName() != nullptr ? source.GetName() : "unnamed") + ") to WGS84" +
                             last_gdal_error());
    }

    int code_i = field_index(layer, file, mapping.code);
    int name_i = field_index(layer, file, mapping.name);
    int dari_i = field_index(layer, file, mapping.name_dari);
    int prov_code_i = field_index(layer, file, mapping.province_code);
    int prov_name_i = field_index(layer, file, mapping.province_name);
    std::vector<int> alt_i;
    for (const auto& a : mapping.alternates) alt_i.push_back(field_index(layer, file, a));

    std::vector<boundary_feature> out;
    geo::box extent;
    layer.ResetReading();
    while (geo::ogr_feature f{layer.GetNextFeature()}) {
        boundary_feature bf;
        bf.code = field_text(*f, code_i);
        if (bf.code.empty())
            throw data_error(fmt::format("{}: feature {} has no {}", file.string(), f->GetFID(), mapping.code));
        bf.code = mapping.code_prefix + bf.code;
        bf.name = field_text(*f, name_i);
        bf.name_dari = field_text(*f, dari_i);
        for (int a : alt_i)
            if (auto s = field_text(*f, a); !s.empty()) bf.alternates.push_back(s);
        if (prov_code_i >= 0) bf.province_code = province_code_prefix + field_text(*f, prov_code_i);
        bf.province_name = field_text(*f, prov_name_i);
        OGRGeometry* g = f->GetGeometryRef();
        if (g == nullptr || g->IsEmpty())
            // A truncated .shp reads as features without geometry; GDAL's message says where it broke.
            throw data_error(fmt::format("{}: feature {} ({}) has no geometry{}", file.string(), bf.code, bf.name,
                                         last_gdal_error()));
        if (to_wgs84 && g->transform(to_wgs84.get()) != OGRERR_NONE)
            throw data_error(fmt::format("{}: feature {} ({}) cannot be reprojected to WGS84{}", file.string(), bf.code,
                                         bf.name, last_gdal_error()));
        bf.shape = shape_of(*g);
        if (bf.shape.empty())
            throw data_error(fmt::format("{}: feature {} ({}) is not a polygon", file.string(), bf.code, bf.name));
        extent.extend(geo::bounds(bf.shape));
        if (auto why = repair_if_invalid(bf.shape); !why.empty())
            repairs.push_back(fmt::format("{}: {} {} repaired with MakeValid: {}", file.filename().string(), bf.code,
                                          bf.name, why));
        out.push_back(std::move(bf));
        CPLErrorReset();
    }
    if (out.empty()) throw data_error(file.string() + ": holds no features");
    const auto& af = afghanistan_extent;
    if (!(extent.min_x >= af.min_x && extent.max_x <= af.max_x && extent.min_y >= af.min_y && extent.max_y <= af.max_y))
        throw data_error(fmt::format(
            "{}: coordinates ({:.4g},{:.4g} to {:.4g},{:.4g} after reprojection from {}) are not in Afghanistan; "
            "the declared CRS (.prj) does not match the data",
            file.string(), extent.min_x, extent.min_y, extent.max_x, extent.max_y,
            source.GetName() != nullptr ? source.GetName() : "its CRS"));
    return out;
}

} // namespace naqsha::gazetteer
