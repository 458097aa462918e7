#include "tests/layers/ocha_reference.hpp"

#include "geo/error.hpp"
#include "geo/gdal_handles.hpp"
#include "geo/paths.hpp"

#include <map>
#include <string>

namespace naqsha::test {
namespace {

geo::ring to_ring(const OGRLinearRing& r) {
    geo::ring out;
    for (int i = 0; i < r.getNumPoints(); ++i) out.push_back({r.getX(i), r.getY(i)});
    return out;
}

geo::multipolygon to_multipolygon(const OGRGeometry& g) {
    geo::multipolygon out;
    auto add = [&](const OGRPolygon& p) {
        geo::polygon poly;
        poly.outer = to_ring(*p.getExteriorRing());
        for (int i = 0; i < p.getNumInteriorRings(); ++i) poly.holes.push_back(to_ring(*p.getInteriorRing(i)));
        out.push_back(std::move(poly));
    };
    if (wkbFlatten(g.getGeometryType()) == wkbPolygon) add(*g.toPolygon());
    else
        for (const auto* part : *g.toMultiPolygon()) add(*part);
    return out;
}

struct shape_info {
    geo::multipolygon shape;
    geo::point interior;
    double area_km2 = 0;
};

shape_info describe(OGRGeometry& g, OGRCoordinateTransformation& to_equal_area) {
    shape_info info;
    info.shape = to_multipolygon(g);
    std::unique_ptr<OGRGeometry> inside(OGRGeometry::FromHandle(OGR_G_PointOnSurface(OGRGeometry::ToHandle(&g))));
    if (inside) info.interior = {inside->toPoint()->getX(), inside->toPoint()->getY()};
    std::unique_ptr<OGRGeometry> projected(g.clone());
    projected->transform(&to_equal_area);
    info.area_km2 = projected->toSurface()->get_Area() / 1e6;
    return info;
}

geo::gdal_dataset open(const std::filesystem::path& path) {
    geo::ensure_gdal_registered();
    auto* ds = GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR);
    if (ds == nullptr) throw data_error(path.string() + ": cannot open");
    return geo::gdal_dataset(ds);
}

} // namespace

ocha_reference load_ocha_reference() {
    auto dir = gazetteer_data_dir() / "ocha-agcho-2018";
    auto adm1 = open(dir / "afg_admbnda_adm1_agcho_20180522.shp");
    auto adm2 = open(dir / "afg_admbnda_adm2_agcho_20180522.shp");

    OGRSpatialReference wgs84, albers;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    albers.importFromProj4("+proj=aea +lat_1=30 +lat_2=38 +lat_0=34 +lon_0=67 +datum=WGS84 +units=m");
    geo::ogr_transform to_albers(OGRCreateCoordinateTransformation(&wgs84, &albers));

    ocha_reference ref;
    std::map<std::string, std::uint32_t> province_index;
    for (auto& f : *adm1->GetLayer(0)) {
        gazetteer::province p;
        p.pcode = f->GetFieldAsString("ADM1_PCODE");
        p.name = f->GetFieldAsString("ADM1_EN");
        p.name_dari = f->GetFieldAsString("ADM1_DA");
        auto info = describe(*f->GetGeometryRef(), *to_albers);
        p.shape = std::move(info.shape);
        p.interior = info.interior;
        p.area_km2 = info.area_km2;
        province_index[p.pcode] = static_cast<std::uint32_t>(ref.provinces.size());
        ref.provinces.push_back(std::move(p));
    }
    for (auto& f : *adm2->GetLayer(0)) {
        gazetteer::district d;
        d.pcode = f->GetFieldAsString("ADM2_PCODE");
        d.name = f->GetFieldAsString("ADM2_EN");
        d.name_dari = f->GetFieldAsString("ADM2_DA");
        for (const char* alt : {"ADM2ALT1EN", "ADM2ALT2EN"})
            if (*f->GetFieldAsString(alt) != '\0') d.alternates.emplace_back(f->GetFieldAsString(alt));
        d.province_index = province_index.at(f->GetFieldAsString("ADM1_PCODE"));
        auto info = describe(*f->GetGeometryRef(), *to_albers);
        d.shape = std::move(info.shape);
        d.interior = info.interior;
        d.area_km2 = info.area_km2;
        ref.districts.push_back(std::move(d));
    }
    if (ref.provinces.size() != 34 || ref.districts.size() != 399)
        throw data_error(dir.string() + ": expected 34 provinces and 399 districts");
    return ref;
}

} // namespace naqsha::test
