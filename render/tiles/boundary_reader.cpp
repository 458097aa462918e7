#include "render/tiles/boundary_reader.hpp"

#include "geo/error.hpp"
#include "geo/gdal_handles.hpp"
#include "geo/paths.hpp"

#include <ogr_api.h>

#include <algorithm>
#include <map>

namespace naqsha::tiles {
namespace {

std::filesystem::path find_layer(const std::filesystem::path& dir, std::string_view level) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const auto name = entry.path().filename().string();
        if (name.find(level) != std::string::npos && entry.path().extension() == ".shp") return entry.path();
    }
    throw data_error(dir.string() + ": no " + std::string(level) + " shapefile" + (ec ? ": " + ec.message() : ""));
}

geo::ring to_ring(const OGRLinearRing& r) {
    geo::ring out;
    out.reserve(static_cast<std::size_t>(r.getNumPoints()));
    for (int i = 0; i < r.getNumPoints(); ++i) out.push_back({r.getX(i), r.getY(i)});
    return out;
}

geo::multipolygon to_multipolygon(const OGRGeometry& g) {
    geo::multipolygon out;
    auto add = [&out](const OGRPolygon& p) {
        if (p.getExteriorRing() == nullptr) return;
        geo::polygon poly{to_ring(*p.getExteriorRing()), {}};
        for (int i = 0; i < p.getNumInteriorRings(); ++i) poly.holes.push_back(to_ring(*p.getInteriorRing(i)));
        out.push_back(std::move(poly));
    };
    const auto type = wkbFlatten(g.getGeometryType());
    if (type == wkbPolygon) add(*g.toPolygon());
    else if (type == wkbMultiPolygon)
        for (const auto* p : *g.toMultiPolygon()) add(*p);
    return out;
}

template <class Place>
void read_common(OGRFeature& f, OGRGeometry& g, Place& place, const char* prefix) {
    const std::string p(prefix);
    place.pcode = f.GetFieldAsString((p + "_PCODE").c_str());
    place.name = f.GetFieldAsString((p + "_EN").c_str());
    place.name_dari = f.GetFieldAsString((p + "_DA").c_str());
    place.shape = to_multipolygon(g);
    if (OGRGeometryH inside = OGR_G_PointOnSurface(OGRGeometry::ToHandle(&g))) {
        place.interior = {OGR_G_GetX(inside, 0), OGR_G_GetY(inside, 0)};
        OGR_G_DestroyGeometry(inside);
    }
}

template <class Fn>
void for_each_feature(const std::filesystem::path& file, Fn&& fn) {
    geo::ensure_gdal_registered();
    geo::gdal_dataset ds(static_cast<GDALDataset*>(
        GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds || ds->GetLayerCount() < 1) throw data_error(file.string() + ": cannot open as a vector layer");
    OGRLayer* layer = ds->GetLayer(0);
    layer->ResetReading();
    while (geo::ogr_feature f{layer->GetNextFeature()}) {
        OGRGeometry* g = f->GetGeometryRef();
        if (g == nullptr) throw data_error(file.string() + ": feature " + std::to_string(f->GetFID()) + " has no geometry");
        fn(*f, *g);
    }
}

} // namespace

boundaries read_ocha_boundaries(const std::filesystem::path& dir_in) {
    const auto dir = dir_in.empty() ? gazetteer_data_dir() / "ocha-agcho-2018" : dir_in;
    boundaries out;
    std::map<std::string, std::uint32_t> province_index;
    for_each_feature(find_layer(dir, "adm1"), [&](OGRFeature& f, OGRGeometry& g) {
        gazetteer::province p;
        read_common(f, g, p, "ADM1");
        out.provinces.push_back(std::move(p));
    });
    std::sort(out.provinces.begin(), out.provinces.end(), [](auto& a, auto& b) { return a.pcode < b.pcode; });
    for (std::size_t i = 0; i < out.provinces.size(); ++i)
        province_index[out.provinces[i].pcode] = static_cast<std::uint32_t>(i);
    const auto adm2 = find_layer(dir, "adm2");
    for_each_feature(adm2, [&](OGRFeature& f, OGRGeometry& g) {
        gazetteer::district d;
        read_common(f, g, d, "ADM2");
        const auto it = province_index.find(f.GetFieldAsString("ADM1_PCODE"));
        if (it == province_index.end()) throw data_error(adm2.string() + ": district " + d.pcode + " names an unknown province");
        d.province_index = it->second;
        out.districts.push_back(std::move(d));
    });
    std::sort(out.districts.begin(), out.districts.end(), [](auto& a, auto& b) { return a.pcode < b.pcode; });
    if (out.districts.empty()) throw data_error(adm2.string() + ": no districts");
    return out;
}

} // namespace naqsha::tiles
