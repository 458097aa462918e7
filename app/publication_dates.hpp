#pragma once
// The publication dates naqsha accepts. Every relative date of an article ("on Monday") counts from its
// publication date, and the time slices run from the first event to the last: one article dated
// 9999-12-31 once made a run build 95,752 month slices. A date in the future (beyond two days' grace,
// for time zones and clocks set wrong) or before 1900 is a mistake in the input, reported like any
// other bad input.
#include "app/day_option.hpp"
#include "base/calendar.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace naqsha::app {

inline constexpr int future_grace_days = 2;
inline constexpr std::string_view earliest_publication_date = "1900-01-01";

// Why --published cannot be a publication date, or nullopt when it can (or none was given).
std::optional<std::string> publication_date_problem(const day_option& published);
// Why the day an extraction found cannot be a publication date, or nullopt when it can (or there is none).
std::optional<std::string> publication_date_problem(std::optional<day_number> day);

} // namespace naqsha::app
