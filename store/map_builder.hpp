#pragma once
// From the store's content to the map_state the layer writers and tile renderer draw: the merged
// events up to the map date, the control timeline, the claims kept aside, the time slices and summaries.
#include "store/calendar.hpp"
#include "store/catalog.hpp"
#include "store/control_csv.hpp"
#include "store/district_info.hpp"
#include "store/merged_events.hpp"
#include "store/model.hpp"
#include "geo/types.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace naqsha::store {

struct map_options {
    std::optional<day_number> at;         // the map date; none for the latest event date
    slice_unit slice = slice_unit::month;
    int contested_days = 30;
    // Where to put events that have no coordinates of their own: district and province P-code ->
    // a point inside it (the gazetteer's representative points).
    std::unordered_map<std::string, geo::point> representative_points;
    std::string slice_option = "--slice"; // the option that chose `slice`, for messages
};

// The map date when none is given: the latest day an event reaches (ranges by their end), else the
// latest publication date, else none (an empty store).
std::optional<day_number> default_map_date(std::span<const map_event> events, const catalog& store);
std::optional<day_number> default_map_date(const merged_events& events, const catalog& store);

// The first day the time slices cover: the earliest event reported as news. Slices span the news,
// not history: an article recalling an attack from years earlier would otherwise stretch every
// layer and tile set back to it. Background events count only when nothing else is dated.
std::optional<day_number> first_slice_day(std::span<const map_event> events);

// More slices than this is a mistake (day slices over decades, or a date far off): ten years of days.
inline constexpr std::size_t max_time_slices = 3660;

// The time slices of a map: every slice of `unit` from the one holding first_slice_day(events) to the
// one holding the map date `as_of`. `run` and `tiles` both take their slices from here.
// Throws usage_error naming `option` (the one that sets the unit) past max_time_slices.
std::vector<time_slice> time_slices(slice_unit unit, std::span<const map_event> events, day_number as_of,
                                    std::string_view option);

// Takes the merged events of the whole store; keeps those up to the map date (and the undated ones), and
// places those without coordinates at their district's, else their province's, representative point.
map_state build_map_state(map_events events, const catalog& store, std::span<const district_info> districts,
                          std::span<const baseline_row> baseline, std::span<const override_row> overrides,
                          const map_options& options);

// The store's area claims up to the map date `as_of` (none for all), for the map_state.
std::vector<extract::area_claim> area_claims_until(const catalog& store, std::optional<day_number> as_of);

// As above, with the map date already chosen (options.at, none only for a store with no date at all) and
// the area claims taken from the store (area_claims_until), so that the store's index of articles can be
// freed before the events' records are read back (merged_events::records).
map_state build_map_state(map_events events, std::vector<extract::area_claim> area_claims,
                          std::span<const district_info> districts, std::span<const baseline_row> baseline,
                          std::span<const override_row> overrides, const map_options& options);

} // namespace naqsha::store
