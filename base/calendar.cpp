#include "base/calendar.hpp"

#include <chrono>
#include <cstdio>

namespace naqsha {
namespace {

namespace chr = std::chrono;

bool digits(std::string_view s, std::size_t at, std::size_t count, int& out) {
    if (at + count > s.size()) return false;
    out = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

// "YYYY-MM-DD" at the start of s, a real day.
std::optional<day_number> leading_iso_day(std::string_view s) {
    int y = 0, m = 0, d = 0;
    if (s.size() < 10 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, m) || s[7] != '-' || !digits(s, 8, 2, d))
        return std::nullopt;
    if (!valid_date(y, m, d)) return std::nullopt;
    return days_from_civil(y, m, d);
}

} // namespace

day_number days_from_civil(int year, int month, int day) {
    chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)}, chr::day{static_cast<unsigned>(day)}};
    return static_cast<day_number>(chr::sys_days{ymd}.time_since_epoch().count());
}

civil_date civil_from_days(day_number days) {
    chr::year_month_day ymd{chr::sys_days{chr::days{days}}};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

int weekday_of(day_number days) {
    return static_cast<int>(chr::weekday{chr::sys_days{chr::days{days}}}.iso_encoding()) - 1;
}

int days_in_month(int year, int month) {
    auto last = chr::year_month_day_last{chr::year{year}, chr::month_day_last{chr::month{static_cast<unsigned>(month)}}};
    return static_cast<int>(static_cast<unsigned>(last.day()));
}

bool valid_date(int year, int month, int day) {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::string iso_date(day_number days) {
    auto c = civil_from_days(days);
    char buf[16];
    // Every event carries several dates, and snprintf costs more than the rest of this together:
    // years 0..9999 (all a valid date can have) are written by hand, the rest by snprintf.
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

std::optional<day_number> parse_iso_date(std::string_view s) {
    if (s.size() > 10 && s[10] != 'T' && s[10] != ' ' && s[10] != 't') return std::nullopt;
    return leading_iso_day(s);
}

std::optional<day_number> within_iso_years(std::optional<day_number> day) {
    static const day_number first = days_from_civil(1, 1, 1), last = days_from_civil(9999, 12, 31);
    if (!day || *day < first || *day > last) return std::nullopt;
    return day;
}

std::optional<day_number> parse_iso_day(std::string_view text) {
    if (text.size() != 10) return std::nullopt;
    return leading_iso_day(text);
}

} // namespace naqsha
