// A reference given as polygons, in any district scheme and CRS: each of the run's districts takes the
// status of the reference polygon that covers the largest part of it. Areas are measured on an
// equal-area projection, so a degree of longitude in the north counts no more than one in the south.
#include "base/error.hpp"
#include "gazetteer/boundary_reader.hpp"
#include "render/layers/ogr_tables.hpp"
#include "render/reference/reference_features.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace naqsha::reference {
namespace {

// A run district takes a reference polygon's status only when that polygon covers at least this share
// of it: below, the two meet only along a border that the two schemes draw a little apart, as happens
// all round a reference that covers part of the country. Re-cut districts (Hirat city, Lashkargah)
// still find the polygon holding most of them.
constexpr double minimum_overlap_share = 0.25;

// EPSG:6933, WGS 84 / NSIDC EASE-Grid 2.0 Global: the equal-area projection the gazetteer's areas use.
constexpr int equal_area_epsg = 6933;

OGRSpatialReference srs_from_epsg(int code) {
    OGRSpatialReference srs;
    srs.importFromEPSG(code);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

geo::ogr_transform make_transform(const OGRSpatialReference& from, const OGRSpatialReference& to, const std::string& what) {
    geo::ogr_transform ct(OGRCreateCoordinateTransformation(&from, &to));
    if (!ct) throw reference_error(what + ": PROJ cannot transform its CRS to an equal-area projection");
    return ct;
}

std::string crs_name(const OGRSpatialReference& srs) {
    const char* name = srs.GetName();
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    std::string out = name != nullptr ? name : "unnamed CRS";
    if (authority != nullptr && code != nullptr) out += fmt::format(" ({}:{})", authority, code);
    return out;
}

OGREnvelope envelope_of(const OGRGeometry& g) {
    OGREnvelope e;
    g.getEnvelope(&e);
    return e;
}

// The file's CRS, or WGS 84 when it declares none but its coordinates can only be longitudes and
// latitudes in Afghanistan (a Shapefile without its .prj).
OGRSpatialReference source_crs(const feature_table& table, reference_assessment& out) {
    if (table.crs) return *table.crs;
    OGREnvelope all;
    for (const auto& f : table.features) all.Merge(envelope_of(*f.geometry));
    const auto& afg = gazetteer::afghanistan_extent;
    if (all.MinX >= afg.min_x && all.MaxX <= afg.max_x && all.MinY >= afg.min_y && all.MaxY <= afg.max_y) {
        out.notes.push_back("the layer declares no CRS; its coordinates are read as WGS 84 longitude and latitude");
        return srs_from_epsg(4326);
    }
    throw reference_error(fmt::format("{}: layer {} declares no coordinate reference system (a Shapefile without its "
                                      ".prj?) and its coordinates ({:.6g} {:.6g} to {:.6g} {:.6g}) are not longitudes "
                                      "and latitudes in Afghanistan; add the CRS (ogr2ogr -a_srs)",
                                      table.file.string(), table.layer, all.MinX, all.MinY, all.MaxX, all.MaxY));
}

} // namespace

void match_polygons(feature_table& table, const gazetteer::gazetteer& gz, const reference_options& options,
                    reference_assessment& out) {
    status_column status(table, options);
    const auto source = source_crs(table, out);
    out.crs = crs_name(source);
    const auto equal_area = srs_from_epsg(equal_area_epsg);
    const auto wgs84 = srs_from_epsg(4326);
    const std::string what = fmt::format("{} (layer {}, {})", table.file.string(), table.layer, out.crs);
    auto to_equal_area = make_transform(source, equal_area, what);

    // The reference polygons on the equal-area plane, repaired where GEOS finds them invalid.
    std::vector<OGREnvelope> envelopes;
    OGREnvelope reference_extent;
    std::size_t repaired = 0;
    for (auto& f : table.features) {
        if (f.geometry->transform(to_equal_area.get()) != OGRERR_NONE)
            throw reference_error(fmt::format("{}: cannot transform its polygons from {} (feature {})",
                                              table.file.string(), out.crs, f.fid));
        if (!f.geometry->IsValid()) {
            std::unique_ptr<OGRGeometry> valid(f.geometry->MakeValid());
            if (valid) f.geometry = std::move(valid);
            ++repaired;
        }
        envelopes.push_back(envelope_of(*f.geometry));
        reference_extent.Merge(envelopes.back());
    }
    if (repaired > 0) out.notes.push_back(fmt::format("polygons GEOS found invalid, repaired with MakeValid: {}", repaired));
    if (!source.IsSame(&wgs84)) out.notes.push_back("reprojected from " + out.crs);

    std::vector<bool> taken(table.features.size(), false);
    std::vector<std::optional<status_column::reading>> readings(table.features.size());
    layers::ogr_geometry_cache run_shapes;
    auto from_wgs84 = make_transform(wgs84, equal_area, "the gazetteer's districts");
    for (const auto& d : gz.districts()) {
        std::unique_ptr<OGRGeometry> shape(run_shapes.get(d.shape).clone());
        shape->transform(from_wgs84.get());
        const double area = shape->toMultiPolygon()->get_Area();
        const auto box = envelope_of(*shape);
        double best_share = 0;
        std::size_t best = table.features.size();
        for (std::size_t i = 0; i < table.features.size(); ++i) {
            if (!box.Intersects(envelopes[i])) continue;
            std::unique_ptr<OGRGeometry> common(shape->Intersection(table.features[i].geometry.get()));
            if (!common || common->IsEmpty()) continue;
            const double share = area > 0 ? OGR_G_Area(OGRGeometry::ToHandle(common.get())) / area : 0;
            if (share > best_share) {
                best_share = share;
                best = i;
            }
        }
        const std::string best_label = best < table.features.size() ? reference_label(table, table.features[best]) : "";
        if (best_share < minimum_overlap_share) {
            out.uncovered.push_back({d.pcode, best_share, best_label});
            continue;
        }
        taken[best] = true;
        auto& reading = readings[best];
        if (!reading) reading = status.read(table.features[best]); // each polygon's value counted once
        if (!reading->mapped) continue;
        out.districts.push_back({d.pcode, reading->status, reading->value, match_method::overlap, best_label,
                                 table.where(table.features[best]), best_share});
    }
    out.unmapped = status.unmapped(table);
    for (std::size_t i = 0; i < table.features.size(); ++i)
        if (!taken[i]) out.unmatched_features.push_back(reference_label(table, table.features[i]));
    if (out.districts.empty() && out.unmapped.empty()) {
        OGRSpatialReference to_lon_lat = wgs84;
        auto back = make_transform(equal_area, to_lon_lat, what);
        double xs[2] = {reference_extent.MinX, reference_extent.MaxX}, ys[2] = {reference_extent.MinY, reference_extent.MaxY};
        const bool located = back->Transform(2, xs, ys) == TRUE;
        throw reference_error(fmt::format(
            "{}: none of its {} polygons covers a quarter of any district of the run{}; is {} the CRS its coordinates "
            "are in?",
            table.file.string(), table.features.size(),
            located ? fmt::format(" (they lie at longitude {:.3f} to {:.3f}, latitude {:.3f} to {:.3f})", xs[0], xs[1],
                                  ys[0], ys[1])
                    : std::string(),
            out.crs));
    }
}

} // namespace naqsha::reference
