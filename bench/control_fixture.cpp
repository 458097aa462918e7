#include "bench/control_fixture.hpp"

#include "base/error.hpp"
#include "geo/gdal_handles.hpp"
#include "render/palette/palette.hpp"
#include "render/tiles/slice_content.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace naqsha::bench {
namespace {

std::uint64_t mix(std::string_view s, std::uint64_t salt) {
    std::uint64_t h = 1469598103934665603ull ^ (salt * 0x9E3779B97F4A7C15ull);
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 32);
}

store::control_status status_from(std::uint64_t h) {
    const auto bucket = h % 100;
    if (bucket < 52) return store::control_status::government;
    if (bucket < 74) return store::control_status::contested;
    if (bucket < 95) return store::control_status::taliban;
    return store::control_status::unconfirmed;
}

day_number month_start(int m) { return days_from_civil(2021, m + 1, 1); }
day_number month_end(int m) {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days_from_civil(2021, m % 12 + 1, days[m % 12]);
}

} // namespace

store::map_state control_fixture(std::span<const gazetteer::district> districts, int months) {
    store::map_state state;
    const int n = std::max(months, 1);
    for (const auto& d : districts) {
        auto status = status_from(mix(d.pcode, 0));
        day_number start = days_from_civil(2020, 12, 31);
        for (int m = 1; m < n; ++m) {
            if (mix(d.pcode, std::uint64_t(m)) % 100 >= 8) continue;
            auto next = status_from(mix(d.pcode, std::uint64_t(m) + 1000));
            if (next == status) continue;
            state.control.push_back({d.pcode, status, start, month_end(m - 1), {}, store::control_basis::baseline, "", 0, {}, {}});
            status = next;
            start = month_start(m);
        }
        state.control.push_back({d.pcode, status, start, std::nullopt, {}, store::control_basis::baseline, "", 0, {}, {}});
    }
    if (months > 0)
        for (int m = 0; m < months; ++m)
            state.slices.push_back({fmt::format("2021-{:02}", m + 1), month_start(m), month_end(m)});
    state.as_of = month_end(n - 1);
    return state;
}

void write_control_geojson(const std::filesystem::path& target, std::span<const gazetteer::district> districts,
                           const store::map_state& state, std::optional<day_number> date) {
    geo::ensure_gdal_registered();
    auto* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
    std::filesystem::remove(target);
    geo::gdal_dataset ds(driver->Create(target.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw output_error(target.string() + ": cannot create GeoJSON");
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = ds->CreateLayer("control", &wgs84, wkbPolygon, nullptr);
    OGRFieldDefn pcode("pcode", OFTString), province("province", OFTInteger), status("status", OFTString),
        fill("fill", OFTString), r("r", OFTInteger), g("g", OFTInteger), b("b", OFTInteger);
    for (auto* f : {&pcode, &province, &status, &fill, &r, &g, &b}) layer->CreateField(f);
    const auto statuses = tiles::control_on(districts, state.control, date);
    for (std::size_t i = 0; i < districts.size(); ++i) {
        const auto& d = districts[i];
        geo::ogr_feature f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("pcode", d.pcode.c_str());
        f->SetField("province", int(d.province_index));
        if (statuses[i]) {
            const auto& st = render::style_of(*statuses[i]);
            f->SetField("status", std::string(store::to_string(*statuses[i])).c_str());
            f->SetField("fill", std::string(st.hex).c_str());
            f->SetField("r", st.fill.r);
            f->SetField("g", st.fill.g);
            f->SetField("b", st.fill.b);
        }
        OGRMultiPolygon mp;
        for (const auto& poly : d.shape) {
            OGRPolygon p;
            auto ring = [](const geo::ring& pts) {
                auto* lr = new OGRLinearRing;
                for (const auto& pt : pts) lr->addPoint(pt.x, pt.y);
                return lr;
            };
            p.addRingDirectly(ring(poly.outer));
            for (const auto& h : poly.holes) p.addRingDirectly(ring(h));
            mp.addGeometry(&p);
        }
        if (mp.getNumGeometries() == 1) f->SetGeometry(mp.getGeometryRef(0));
        else f->SetGeometry(&mp);
        if (layer->CreateFeature(f.get()) != OGRERR_NONE) throw output_error(target.string() + ": cannot write a feature");
    }
}

} // namespace naqsha::bench
