#pragma once
// The one calendar: days since 1970-01-01 in the proleptic Gregorian calendar (std::chrono's
// sys_days), so that "three days before a Monday" is an integer subtraction, and ISO 8601 days in
// text. Extraction resolves dates with it and the store, the layers and the exports read and write
// them with it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace naqsha {

// Days since 1970-01-01.
using day_number = std::int32_t;

struct civil_date {
    int year = 0;
    int month = 0; // 1..12
    int day = 0;   // 1..31
};

day_number days_from_civil(int year, int month, int day);
civil_date civil_from_days(day_number days);
int weekday_of(day_number days); // 0 = Monday .. 6 = Sunday
int days_in_month(int year, int month);
bool valid_date(int year, int month, int day);

// YYYY-MM-DD.
std::string iso_date(day_number days);

// "2020-10-21", optionally followed by a time ("2020-10-21T04:20:00Z", "2020-10-21 04:20"), as
// article metadata gives it.
std::optional<day_number> parse_iso_date(std::string_view s);

// `day` when it lies in the years 1..9999, which ISO text reads back (iso_date writes the days
// outside them too, and parse_iso_day reads none of those); nullopt otherwise.
std::optional<day_number> within_iso_years(std::optional<day_number> day);

// Exactly "YYYY-MM-DD", a real calendar day, as the store and the layers hold it; nullopt for
// anything else.
std::optional<day_number> parse_iso_day(std::string_view text);

} // namespace naqsha
