#include "render/tiles/slice_content.hpp"

#include "render/palette/palette.hpp"

#include <algorithm>
#include <unordered_map>

namespace naqsha::tiles {

std::vector<store::time_slice> slices_to_render(const store::map_state& state) {
    if (!state.slices.empty()) return state.slices;
    return {{state.as_of ? iso_date(*state.as_of) : std::string("latest"), std::nullopt, state.as_of}};
}

std::optional<day_number> slice_map_date(const store::time_slice& slice, std::optional<day_number> as_of) {
    if (!slice.last_day) return as_of;
    return as_of ? std::min(*slice.last_day, *as_of) : slice.last_day;
}

std::vector<const store::control_interval*> intervals_on(std::span<const gazetteer::district> districts,
                                                         std::span<const store::control_interval> control,
                                                         std::optional<day_number> date) {
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < districts.size(); ++i) index.emplace(districts[i].pcode, i);
    std::vector<const store::control_interval*> chosen(districts.size(), nullptr);
    for (const auto& iv : control) {
        const auto it = index.find(iv.pcode);
        if (it == index.end()) continue;
        const bool started = !date || iv.start_day <= *date;
        const bool open = !date || !iv.end_day || *iv.end_day >= *date;
        if (!started || !open) continue;
        // Of overlapping intervals, the one that started last is the current one.
        auto& best = chosen[it->second];
        if (best == nullptr || iv.start_day >= best->start_day) best = &iv;
    }
    return chosen;
}

std::vector<std::optional<store::control_status>> control_on(std::span<const gazetteer::district> districts,
                                                              std::span<const store::control_interval> control,
                                                              std::optional<day_number> date) {
    const auto chosen = intervals_on(districts, control, date);
    std::vector<std::optional<store::control_status>> status(districts.size());
    for (std::size_t i = 0; i < districts.size(); ++i)
        if (chosen[i] != nullptr) status[i] = chosen[i]->status;
    return status;
}

int incident_size_class(const std::optional<extract::count_range>& killed) {
    const int k = killed ? killed->best : 0;
    int cls = 0;
    for (std::size_t i = 0; i < render::incident_classes.size(); ++i)
        if (k >= render::incident_classes[i].min_killed) cls = static_cast<int>(i);
    return cls;
}

int province_shade_level(int reports) {
    if (reports <= 0) return 0;
    if (reports == 1) return 1;
    if (reports < 5) return 2;
    return 3;
}

incident_content incidents_in(std::span<const gazetteer::district> districts,
                              std::span<const gazetteer::province> provinces,
                              std::span<const store::map_event> events, const store::time_slice& slice) {
    std::unordered_map<std::string_view, std::size_t> district_index, province_index;
    for (std::size_t i = 0; i < districts.size(); ++i) district_index.emplace(districts[i].pcode, i);
    for (std::size_t i = 0; i < provinces.size(); ++i) province_index.emplace(provinces[i].pcode, i);

    incident_content out;
    out.province_reports.assign(provinces.size(), 0);
    const auto first = slice.first_day, last = slice.last_day;
    for (const auto& e : events) {
        if (e.background || !e.date) continue;
        if (first && *e.date < *first) continue;
        if (last && *e.date > *last) continue;
        using extract::geo_precision;
        if (e.geo_prec == geo_precision::settlement || e.geo_prec == geo_precision::district) {
            std::optional<geo::point> where;
            if (e.lon && e.lat) where = geo::point{*e.lon, *e.lat};
            else if (!e.district.empty())
                if (auto it = district_index.find(e.district); it != district_index.end())
                    where = districts[it->second].interior;
            if (where) {
                out.points.push_back({*where, incident_size_class(e.killed), std::string(e.id)});
                continue;
            }
        }
        // Known only to the province: a shade of the province, never a point pretending to be exact.
        if (e.geo_prec != geo_precision::country && !e.province.empty())
            if (auto it = province_index.find(e.province); it != province_index.end())
                ++out.province_reports[it->second];
    }
    return out;
}

} // namespace naqsha::tiles
