#include "gazetteer/geometry_ops.hpp"

#include "base/error.hpp"
#include "geo/gdal_handles.hpp"
#include "geo/geos_handles.hpp"

#include <cmath>
#include <mutex>
#include <vector>

namespace naqsha::gazetteer {
namespace {

using geo::geos_context;
using geo::geos_geometry;
using geo::make_geos_geometry;

GEOSGeometry* make_ring(const geos_context& ctx, const geo::ring& r) {
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx.get(), static_cast<unsigned>(r.size()), 2);
    if (seq == nullptr) throw error("GEOS: cannot create a coordinate sequence: " + ctx.last_message());
    for (std::size_t i = 0; i < r.size(); ++i)
        GEOSCoordSeq_setXY_r(ctx.get(), seq, static_cast<unsigned>(i), r[i].x, r[i].y);
    GEOSGeometry* ring = GEOSGeom_createLinearRing_r(ctx.get(), seq); // takes the sequence
    if (ring == nullptr) throw error("GEOS: cannot create a ring: " + ctx.last_message());
    return ring;
}

// A ring needs four points (three distinct and the closing one); shorter ones cannot even be built.
bool buildable(const geo::ring& r) { return r.size() >= 4 && r.front() == r.back(); }

geos_geometry to_geos(const geos_context& ctx, const geo::multipolygon& shape) {
    std::vector<GEOSGeometry*> polys;
    for (const auto& poly : shape) {
        if (!buildable(poly.outer)) continue;
        GEOSGeometry* shell = make_ring(ctx, poly.outer);
        std::vector<GEOSGeometry*> holes;
        for (const auto& h : poly.holes)
            if (buildable(h)) holes.push_back(make_ring(ctx, h));
        GEOSGeometry* p = GEOSGeom_createPolygon_r(ctx.get(), shell, holes.data(), static_cast<unsigned>(holes.size()));
        if (p == nullptr) throw error("GEOS: cannot create a polygon: " + ctx.last_message());
        polys.push_back(p);
    }
    GEOSGeometry* mp = GEOSGeom_createCollection_r(ctx.get(), GEOS_MULTIPOLYGON, polys.data(),
                                                   static_cast<unsigned>(polys.size()));
    if (mp == nullptr) throw error("GEOS: cannot create a multipolygon: " + ctx.last_message());
    return make_geos_geometry(ctx, mp);
}

geo::ring ring_from_geos(const geos_context& ctx, const GEOSGeometry* ring) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx.get(), ring);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(ctx.get(), seq, &n);
    geo::ring out(n);
    for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(ctx.get(), seq, i, &out[i].x, &out[i].y);
    return out;
}

// Collects the polygons of any geometry (MakeValid may return a collection with lines and points).
void collect_polygons(const geos_context& ctx, const GEOSGeometry* g, geo::multipolygon& out) {
    int type = GEOSGeomTypeId_r(ctx.get(), g);
    if (type == GEOS_POLYGON) {
        geo::polygon poly;
        poly.outer = ring_from_geos(ctx, GEOSGetExteriorRing_r(ctx.get(), g));
        int holes = GEOSGetNumInteriorRings_r(ctx.get(), g);
        for (int i = 0; i < holes; ++i) poly.holes.push_back(ring_from_geos(ctx, GEOSGetInteriorRingN_r(ctx.get(), g, i)));
        if (!poly.outer.empty()) out.push_back(std::move(poly));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        int n = GEOSGetNumGeometries_r(ctx.get(), g);
        for (int i = 0; i < n; ++i) collect_polygons(ctx, GEOSGetGeometryN_r(ctx.get(), g, i), out);
    }
}

} // namespace

std::string repair_if_invalid(geo::multipolygon& shape) {
    std::string reason;
    std::size_t degenerate = 0;
    for (const auto& poly : shape) {
        degenerate += buildable(poly.outer) ? 0u : 1u;
        for (const auto& h : poly.holes) degenerate += buildable(h) ? 0u : 1u;
    }
    if (degenerate > 0) reason = std::to_string(degenerate) + " ring(s) with fewer than 4 points dropped";

    geos_context ctx;
    auto g = to_geos(ctx, shape);
    char valid = GEOSisValid_r(ctx.get(), g.get());
    if (valid == 2) throw error("GEOS: validity check failed: " + ctx.last_message());
    if (valid == 1 && degenerate == 0) return {};
    if (valid == 0) {
        char* why = GEOSisValidReason_r(ctx.get(), g.get());
        if (!reason.empty()) reason += "; ";
        reason += why != nullptr ? why : "invalid";
        GEOSFree_r(ctx.get(), why);
        auto fixed = make_geos_geometry(ctx, GEOSMakeValid_r(ctx.get(), g.get()));
        if (!fixed) throw error("GEOS: MakeValid failed: " + ctx.last_message());
        g = std::move(fixed);
    }
    geo::multipolygon out;
    collect_polygons(ctx, g.get(), out);
    shape = std::move(out);
    return reason;
}

geo::point interior_point(const geo::multipolygon& shape) {
    geos_context ctx;
    auto g = to_geos(ctx, shape);
    auto p = make_geos_geometry(ctx, GEOSPointOnSurface_r(ctx.get(), g.get()));
    geo::point out;
    if (!p || GEOSisEmpty_r(ctx.get(), p.get()) == 1) return out;
    GEOSGeomGetX_r(ctx.get(), p.get(), &out.x);
    GEOSGeomGetY_r(ctx.get(), p.get(), &out.y);
    return out;
}

geo::multipolygon dissolve(std::span<const geo::multipolygon* const> shapes) {
    geos_context ctx;
    std::vector<GEOSGeometry*> parts;
    for (const auto* s : shapes) parts.push_back(to_geos(ctx, *s).release());
    auto all = make_geos_geometry(ctx, GEOSGeom_createCollection_r(ctx.get(), GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                                    static_cast<unsigned>(parts.size())));
    if (!all) throw error("GEOS: cannot collect shapes: " + ctx.last_message());
    auto merged = make_geos_geometry(ctx, GEOSUnaryUnion_r(ctx.get(), all.get()));
    if (!merged) throw error("GEOS: union failed: " + ctx.last_message());
    geo::multipolygon out;
    collect_polygons(ctx, merged.get(), out);
    return out;
}

double area_km2(const geo::multipolygon& shape) {
    thread_local geo::ogr_transform to_equal_area = [] {
        geo::ensure_gdal_registered();
        OGRSpatialReference wgs84, equal_area;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        equal_area.importFromEPSG(6933);
        equal_area.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        geo::ogr_transform t(OGRCreateCoordinateTransformation(&wgs84, &equal_area));
        if (!t) throw error("PROJ: no transformation from EPSG:4326 to EPSG:6933");
        return t;
    }();
    auto ring_area = [&](const geo::ring& r) {
        std::vector<double> xs(r.size()), ys(r.size());
        for (std::size_t i = 0; i < r.size(); ++i) {
            xs[i] = r[i].x;
            ys[i] = r[i].y;
        }
        if (!to_equal_area->Transform(static_cast<int>(xs.size()), xs.data(), ys.data())) return 0.0;
        double twice = 0;
        for (std::size_t i = 0; i + 1 < xs.size(); ++i) twice += xs[i] * ys[i + 1] - xs[i + 1] * ys[i];
        return std::abs(twice) / 2;
    };
    double m2 = 0;
    for (const auto& poly : shape) {
        m2 += ring_area(poly.outer);
        for (const auto& h : poly.holes) m2 -= ring_area(h);
    }
    return m2 / 1e6;
}

} // namespace naqsha::gazetteer
