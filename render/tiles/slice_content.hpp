#pragma once
// What each time slice shows: the control status of every district at the slice's end, and the
// incident symbols of the events dated within it.
#include "gazetteer/gazetteer.hpp"
#include "geo/types.hpp"
#include "store/model.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace naqsha::tiles {

// The slices to render: the store's, else one slice ending at the map date.
std::vector<store::time_slice> slices_to_render(const store::map_state& state);

// The interval in force per district (in `districts` order) on `date` (none = the latest known);
// nullptr where none covers the date. Of overlapping intervals, the one that started last.
std::vector<const store::control_interval*> intervals_on(std::span<const gazetteer::district> districts,
                                                         std::span<const store::control_interval> control,
                                                         std::optional<day_number> date);

// The date a slice's control map shows: its last day, clipped to the map date `as_of` (as the
// summaries have it); the map date for a slice without an end.
std::optional<day_number> slice_map_date(const store::time_slice& slice, std::optional<day_number> as_of);

// Status per district (in `districts` order) on `date` (none = the latest known); nullopt where no
// interval covers the date.
std::vector<std::optional<store::control_status>> control_on(std::span<const gazetteer::district> districts,
                                                              std::span<const store::control_interval> control,
                                                              std::optional<day_number> date);

struct incident_point {
    geo::point lon_lat;
    int size_class = 0;       // index into render::incident_classes
    std::string event_id;
};

struct incident_content {
    std::vector<incident_point> points;        // settlement or district precision
    std::vector<int> province_reports;         // per province: events known only to province precision
};

incident_content incidents_in(std::span<const gazetteer::district> districts,
                              std::span<const gazetteer::province> provinces,
                              std::span<const store::map_event> events, const store::time_slice& slice);

// The size class for a killed count (best estimate; unknown counts as 0).
int incident_size_class(const std::optional<extract::count_range>& killed);

// Shade level 0-3 for a number of province-precision reports.
int province_shade_level(int reports);

} // namespace naqsha::tiles
