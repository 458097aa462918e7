#pragma once
// Status summaries: at the end of each time slice (clipped to the map date), how many districts are
// in each status and what share of the population and of the area they hold.
#include "store/district_info.hpp"
#include "store/model.hpp"

#include <filesystem>
#include <span>
#include <string_view>
#include <vector>

namespace naqsha::store {

std::vector<status_summary> summarise_control(std::span<const control_interval> intervals,
                                              std::span<const district_info> districts,
                                              std::span<const time_slice> slices, day_number as_of);

// summary.csv: one row per summary, counts and shares (6 decimals) per status and for `unknown`.
std::string summary_csv(std::span<const status_summary> summaries);

} // namespace naqsha::store
