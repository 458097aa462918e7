#include "store/map_builder.hpp"

#include "base/error.hpp"
#include "store/control_timeline.hpp"
#include "store/summary.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace naqsha::store {

namespace {

std::optional<day_number> latest_published(const catalog& store) {
    std::optional<day_number> latest;
    for (const auto& [id, article] : store.articles())
        if (article.published) latest = std::max(latest.value_or(*article.published), *article.published);
    return latest;
}

} // namespace

std::optional<day_number> default_map_date(std::span<const map_event> events, const catalog& store) {
    std::optional<day_number> latest_event;
    for (const auto& e : events)
        if (e.date_end) latest_event = std::max(latest_event.value_or(*e.date_end), *e.date_end);
    if (latest_event) return latest_event;
    return latest_published(store);
}

std::optional<day_number> default_map_date(const merged_events& events, const catalog& store) {
    return events.latest_day() ? events.latest_day() : latest_published(store);
}

std::optional<day_number> first_slice_day(std::span<const map_event> events) {
    std::optional<day_number> news, any;
    for (const auto& e : events) {
        if (!e.date) continue;
        any = std::min(any.value_or(*e.date), *e.date);
        if (!e.background) news = std::min(news.value_or(*e.date), *e.date);
    }
    return news ? news : any;
}

std::vector<time_slice> time_slices(slice_unit unit, std::span<const map_event> events, day_number as_of,
                                    std::string_view option) {
    const auto first = std::min(as_of, first_slice_day(events).value_or(as_of));
    const auto count = slice_count(unit, first, as_of);
    if (count > max_time_slices)
        throw usage_error(fmt::format("{} {} slices from {} to {} are more than the {} naqsha makes: choose a longer {} "
                                      "(week, month or quarter)",
                                      count, to_string(unit), format_iso_day(first), format_iso_day(as_of), max_time_slices, option));
    return slices_between(unit, first, as_of);
}

std::vector<extract::area_claim> area_claims_until(const catalog& store, std::optional<day_number> as_of) {
    std::vector<extract::area_claim> claims;
    for (const auto& [id, article] : store.articles())
        for (const auto& claim : article.area_claims)
            if (!as_of || !claim.date || *claim.date <= *as_of) claims.push_back(claim);
    return claims;
}

map_state build_map_state(map_events events, const catalog& store, std::span<const district_info> districts,
                          std::span<const baseline_row> baseline, std::span<const override_row> overrides,
                          const map_options& options) {
    auto dated = options;
    if (!dated.at) dated.at = default_map_date(events, store);
    return build_map_state(std::move(events), area_claims_until(store, dated.at), districts, baseline, overrides, dated);
}

map_state build_map_state(map_events events, std::vector<extract::area_claim> area_claims,
                          std::span<const district_info> districts, std::span<const baseline_row> baseline,
                          std::span<const override_row> overrides, const map_options& options) {
    map_state state;
    state.slice_unit = std::string(to_string(options.slice));
    state.as_of = options.at;

    if (const auto as_of = state.as_of) events.erase_if([&](const map_event& e) { return e.date && *e.date > *as_of; });
    state.events = std::move(events);
    for (auto& e : state.events) {
        if (e.lon && e.lat) continue;
        for (const auto place : {e.district, e.province}) {
            if (place.empty()) continue;
            auto it = options.representative_points.find(std::string(place));
            if (it == options.representative_points.end()) continue;
            e.lon = it->second.x;
            e.lat = it->second.y;
            break;
        }
    }
    state.area_claims = std::move(area_claims);
    if (!state.as_of) return state;

    state.control = build_control_timeline(state.events, districts, baseline, overrides,
                                           control_options{*state.as_of, options.contested_days});

    state.slices = time_slices(options.slice, state.events, *state.as_of, options.slice_option);
    state.summaries = summarise_control(state.control, districts, state.slices, *state.as_of);
    return state;
}

} // namespace naqsha::store
