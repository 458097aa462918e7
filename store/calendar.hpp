#pragma once
// Calendar arithmetic on ISO 8601 days: day numbers for comparisons and windows, and the time slices
// (day, ISO week, month, quarter) the incident layers are cut into.
#include "base/calendar.hpp"
#include "store/model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace naqsha::store {

// Day numbers and ISO days are the one calendar's (base/calendar.hpp).
using naqsha::day_number;
using naqsha::parse_iso_day;
inline std::string format_iso_day(day_number day) { return iso_date(day); }
// YYYY-MM-DD, or "" for no day, as the outputs write an open end or a map without a date.
inline std::string format_iso_day(std::optional<day_number> day) { return day ? iso_date(*day) : std::string(); }

// Whether a dated report pins an event down well enough to merge it with others or let it change a
// district's status: dated to a day, a short range or a week, not a month, a year or "recently".
bool precisely_dated(extract::date_precision precision, day_number start, day_number end);

enum class slice_unit { day, week, month, quarter };
std::string_view to_string(slice_unit unit);
std::optional<slice_unit> slice_unit_from_string(std::string_view text);

// The slice of `unit` holding `day`: ISO weeks run Monday to Sunday and take the ISO week-year
// ("2021-W01" may start in December 2020).
time_slice slice_containing(slice_unit unit, day_number day);

// How many slices slices_between() gives, without making them.
std::size_t slice_count(slice_unit unit, day_number first, day_number last);

// Every slice from the one holding `first` to the one holding `last`, contiguous and in order.
std::vector<time_slice> slices_between(slice_unit unit, day_number first, day_number last);

} // namespace naqsha::store
