#pragma once
// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), so that "three
// days before a Monday" is an integer subtraction.
#include <optional>
#include <string>
#include <string_view>

namespace naqsha::extract {

struct civil_date {
    int year = 0;
    int month = 0; // 1..12
    int day = 0;   // 1..31
};

int days_from_civil(int year, int month, int day);
civil_date civil_from_days(int days);
int weekday_of(int days); // 0 = Monday .. 6 = Sunday
int days_in_month(int year, int month);
bool valid_date(int year, int month, int day);
std::string iso_date(int days); // YYYY-MM-DD

// "2020-10-21", optionally followed by a time ("2020-10-21T04:20:00Z", "2020-10-21 04:20").
std::optional<int> parse_iso_date(std::string_view s);

} // namespace naqsha::extract
