#include "extract/calendar.hpp"

#include <cstdio>

namespace naqsha::extract {

// Howard Hinnant's days_from_civil and civil_from_days.
int days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

civil_date civil_from_days(int z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = yoe + era * 400;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

int weekday_of(int days) { return ((days % 7) + 7 + 3) % 7; } // 1970-01-01 was a Thursday

int days_in_month(int year, int month) {
    static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
    return lengths[(month - 1) % 12];
}

bool valid_date(int year, int month, int day) {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::string iso_date(int days) {
    auto c = civil_from_days(days);
    char buf[16];
    // Every event carries several dates, and snprintf costs more than the rest of this together:
    // years 0..9999 (all a valid date can have) are written by hand, the rest as before.
    if (c.year < 0 || c.year > 9999) {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
        return buf;
    }
    auto two = [&](char* at, int v) {
        at[0] = static_cast<char>('0' + v / 10);
        at[1] = static_cast<char>('0' + v % 10);
    };
    two(buf, c.year / 100);
    two(buf + 2, c.year % 100);
    buf[4] = '-';
    two(buf + 5, c.month);
    buf[7] = '-';
    two(buf + 8, c.day);
    return std::string(buf, 10);
}

std::optional<int> parse_iso_date(std::string_view s) {
    auto digits = [&](std::size_t at, std::size_t count, int& out) {
        if (at + count > s.size()) return false;
        out = 0;
        for (std::size_t i = at; i < at + count; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    int y = 0, m = 0, d = 0;
    if (!digits(0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(5, 2, m) || s[7] != '-' || !digits(8, 2, d))
        return std::nullopt;
    if (s.size() > 10 && s[10] != 'T' && s[10] != ' ' && s[10] != 't') return std::nullopt;
    if (!valid_date(y, m, d)) return std::nullopt;
    return days_from_civil(y, m, d);
}

} // namespace naqsha::extract
