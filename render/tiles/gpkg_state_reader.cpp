#include "render/tiles/gpkg_state_reader.hpp"

#include "base/error.hpp"
#include "geo/gdal_handles.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace naqsha::tiles {
namespace {

// Reads a field as text; dates as ISO YYYY-MM-DD whether stored as DATE or as text. "" when absent.
std::string text(OGRFeature& f, const char* name) {
    const int i = f.GetFieldIndex(name);
    if (i < 0 || !f.IsFieldSetAndNotNull(i)) return {};
    const auto type = f.GetFieldDefnRef(i)->GetType();
    if (type == OFTDate || type == OFTDateTime) {
        int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
        float ss = 0;
        f.GetFieldAsDateTime(i, &y, &m, &d, &hh, &mm, &ss, &tz);
        return fmt::format("{:04}-{:02}-{:02}", y, m, d);
    }
    return f.GetFieldAsString(i);
}

std::optional<int> integer(OGRFeature& f, const char* name) {
    const int i = f.GetFieldIndex(name);
    if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
    return f.GetFieldAsInteger(i);
}

std::optional<extract::count_range> count(OGRFeature& f, const char* field) {
    const std::string base(field);
    const auto best = integer(f, (base + "_best").c_str());
    if (!best) return std::nullopt;
    return extract::count_range{integer(f, (base + "_low").c_str()).value_or(*best), *best,
                                integer(f, (base + "_high").c_str()).value_or(*best)};
}

// "a; b; c" or "a,b,c" -> the parts, as layer_tables.cpp joins them.
std::vector<std::string> split(const std::string& joined, std::string_view separator) {
    std::vector<std::string> parts;
    std::size_t begin = 0;
    while (begin < joined.size()) {
        const auto end = std::min(joined.find(separator, begin), joined.size());
        if (end > begin) parts.push_back(joined.substr(begin, end - begin));
        begin = end + separator.size();
    }
    return parts;
}

store::merged_event read_event(OGRFeature& f) {
    store::merged_event e;
    e.id = text(f, "id");
    e.type = extract::event_type_from_string(text(f, "type")).value_or(extract::event_type::other);
    e.quote = text(f, "quote");
    // The evidence `naqsha compare` shows: which articles reported the event.
    for (auto& article : split(text(f, "articles"), "; ")) e.sources.push_back({std::move(article), {}, {}, {}, {}, {}});
    e.date = parse_iso_day(text(f, "date"));
    e.date_end = parse_iso_day(text(f, "date_end"));
    e.background = integer(f, "background").value_or(0) != 0;
    e.geo_prec = extract::geo_precision_from_string(text(f, "precision")).value_or(extract::geo_precision::district);
    if (auto d = text(f, "district_pcode"); !d.empty()) e.district = extract::place_ref{d, text(f, "district")};
    if (auto p = text(f, "province_pcode"); !p.empty()) e.province = extract::place_ref{p, text(f, "province")};
    e.killed = count(f, "killed");
    e.wounded = count(f, "wounded");
    return e;
}

} // namespace

gpkg_state read_map_state_from_gpkg(const std::filesystem::path& gpkg) {
    // GDAL would wait for ever on a FIFO for a writer.
    std::error_code ec;
    const auto file_status = std::filesystem::status(gpkg, ec);
    if (std::filesystem::exists(file_status) && !std::filesystem::is_regular_file(file_status))
        throw input_error(gpkg.string() + ": is not a regular file; a GeoPackage is one");
    geo::ensure_gdal_registered();
    geo::gdal_dataset ds(static_cast<GDALDataset*>(
        GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds) throw input_error(gpkg.string() + ": cannot open as a GeoPackage");
    OGRLayer* control = ds->GetLayerByName("control");
    if (control == nullptr) throw input_error(gpkg.string() + ": no `control` layer (write it with `naqsha run`)");

    gpkg_state out;
    auto& state = out.state;
    std::optional<day_number> latest;
    const auto extend = [&latest](std::optional<day_number> day) {
        if (day) latest = std::max(latest.value_or(*day), *day);
    };
    control->ResetReading();
    while (geo::ogr_feature f{control->GetNextFeature()}) {
        store::control_interval iv;
        iv.pcode = text(*f, "pcode");
        const auto status = store::control_status_from_string(text(*f, "status"));
        if (iv.pcode.empty() || !status) {
            out.warnings.push_back(fmt::format("{}: control feature {}: no P-code or unknown status '{}'", gpkg.string(),
                                               f->GetFID(), text(*f, "status")));
            continue;
        }
        iv.status = *status;
        const auto start = parse_iso_day(text(*f, "start_date"));
        const auto end_text = text(*f, "end_date");
        iv.end_day = parse_iso_day(end_text);
        if (!start || (!end_text.empty() && !iv.end_day)) {
            out.warnings.push_back(fmt::format("{}: control feature {}: dates '{}' to '{}' are not days YYYY-MM-DD", gpkg.string(),
                                               f->GetFID(), text(*f, "start_date"), end_text));
            continue;
        }
        iv.start_day = *start;
        const auto basis = store::control_basis_from_string(text(*f, "basis"));
        if (!basis)
            out.warnings.push_back(fmt::format("{}: control feature {}: basis '{}' is none of baseline, event, override; read as unstated",
                                               gpkg.string(), f->GetFID(), text(*f, "basis")));
        iv.basis = basis.value_or(store::control_basis::unstated);
        iv.source = text(*f, "source");
        iv.event_ids = split(text(*f, "event_ids"), ",");
        extend(iv.start_day);
        extend(iv.end_day);
        state.control.push_back(std::move(iv));
    }

    for (const char* name : {"incidents", "incidents_province"}) {
        OGRLayer* layer = ds->GetLayerByName(name);
        if (layer == nullptr) continue;
        const bool points = std::string_view(name) == "incidents";
        layer->ResetReading();
        while (geo::ogr_feature f{layer->GetNextFeature()}) {
            auto e = read_event(*f);
            if (!points) e.geo_prec = extract::geo_precision::province;
            if (points) {
                const OGRGeometry* g = f->GetGeometryRef();
                if (g != nullptr && wkbFlatten(g->getGeometryType()) == wkbPoint) {
                    e.lon = g->toPoint()->getX();
                    e.lat = g->toPoint()->getY();
                }
            }
            extend(e.date);
            state.events.add(e);
        }
    }

    // The run's time slices, as it recorded them: every slice from the first news event to the map date,
    // with incidents or without (the incident layers have rows only for slices with incidents).
    if (OGRLayer* slices = ds->GetLayerByName("time_slices")) {
        out.slices_recorded = true;
        slices->ResetReading();
        while (geo::ogr_feature f{slices->GetNextFeature()})
            state.slices.push_back({text(*f, "slice"), parse_iso_day(text(*f, "start_date")), parse_iso_day(text(*f, "end_date"))});
    }
    state.as_of = latest;
    // The run's own map date, when the store recorded it.
    if (OGRLayer* info = ds->GetLayerByName("naqsha_store_info")) {
        info->ResetReading();
        while (geo::ogr_feature f{info->GetNextFeature()})
            if (const auto day = parse_iso_day(text(*f, "value")); text(*f, "key") == "map_date" && day) state.as_of = day;
    }
    return out;
}

} // namespace naqsha::tiles
