#include "store/calendar.hpp"

#include <chrono>
#include <fmt/format.h>

namespace naqsha::store {
namespace {

namespace chr = std::chrono;

chr::year_month_day to_ymd(day_number day) { return chr::year_month_day{chr::sys_days{chr::days{day}}}; }

day_number to_day(chr::year_month_day ymd) {
    return static_cast<day_number>(chr::sys_days{ymd}.time_since_epoch().count());
}

int to_int(chr::year y) { return static_cast<int>(y); }
unsigned to_unsigned(chr::month m) { return static_cast<unsigned>(m); }

// Monday of ISO week 1 of `iso_year`: the week holding 4 January.
day_number iso_year_start(int iso_year) {
    day_number jan4 = to_day(chr::year{iso_year} / chr::January / 4);
    unsigned weekday = chr::weekday{chr::sys_days{chr::days{jan4}}}.iso_encoding(); // 1 = Monday
    return jan4 - static_cast<day_number>(weekday - 1);
}

time_slice week_of(day_number day) {
    unsigned weekday = chr::weekday{chr::sys_days{chr::days{day}}}.iso_encoding();
    day_number monday = day - static_cast<day_number>(weekday - 1);
    // The ISO week-year is the calendar year of the week's Thursday.
    int iso_year = to_int(to_ymd(monday + 3).year());
    int week = (monday - iso_year_start(iso_year)) / 7 + 1;
    return {fmt::format("{:04}-W{:02}", iso_year, week), monday, monday + 6};
}

time_slice month_of(day_number day) {
    auto ymd = to_ymd(day);
    auto first = ymd.year() / ymd.month() / 1;
    auto last = chr::year_month_day_last{ymd.year(), chr::month_day_last{ymd.month()}};
    return {fmt::format("{:04}-{:02}", to_int(ymd.year()), to_unsigned(ymd.month())), to_day(first),
            to_day(chr::year_month_day{last})};
}

time_slice quarter_of(day_number day) {
    auto ymd = to_ymd(day);
    unsigned quarter = (to_unsigned(ymd.month()) - 1) / 3 + 1;
    auto first = ymd.year() / chr::month{quarter * 3 - 2} / 1;
    auto last = chr::year_month_day_last{ymd.year(), chr::month_day_last{chr::month{quarter * 3}}};
    return {fmt::format("{:04}-Q{}", to_int(ymd.year()), quarter), to_day(first), to_day(chr::year_month_day{last})};
}

} // namespace

bool precisely_dated(extract::date_precision precision, day_number start, day_number end) {
    using extract::date_precision;
    constexpr day_number longest_precise_span = 14; // "last week", "between Monday and Thursday"
    bool precise = precision == date_precision::day || precision == date_precision::range || precision == date_precision::week;
    return precise && start <= end && end - start < longest_precise_span;
}

std::string_view to_string(slice_unit unit) {
    switch (unit) {
    case slice_unit::day: return "day";
    case slice_unit::week: return "week";
    case slice_unit::month: return "month";
    case slice_unit::quarter: return "quarter";
    }
    return "month";
}

std::optional<slice_unit> slice_unit_from_string(std::string_view text) {
    for (auto unit : {slice_unit::day, slice_unit::week, slice_unit::month, slice_unit::quarter})
        if (to_string(unit) == text) return unit;
    return std::nullopt;
}

time_slice slice_containing(slice_unit unit, day_number day) {
    switch (unit) {
    case slice_unit::day: return {format_iso_day(day), day, day};
    case slice_unit::week: return week_of(day);
    case slice_unit::month: return month_of(day);
    case slice_unit::quarter: return quarter_of(day);
    }
    return month_of(day);
}

std::size_t slice_count(slice_unit unit, day_number first, day_number last) {
    if (first > last) return 0;
    const auto months = [](day_number day) {
        const auto ymd = to_ymd(day);
        return std::int64_t{to_int(ymd.year())} * 12 + to_unsigned(ymd.month()) - 1;
    };
    const auto monday = [](day_number day) {
        return day - static_cast<day_number>(chr::weekday{chr::sys_days{chr::days{day}}}.iso_encoding() - 1);
    };
    switch (unit) {
    case slice_unit::day: return static_cast<std::size_t>(last - first) + 1;
    case slice_unit::week: return static_cast<std::size_t>((monday(last) - monday(first)) / 7) + 1;
    case slice_unit::month: return static_cast<std::size_t>(months(last) - months(first)) + 1;
    case slice_unit::quarter: return static_cast<std::size_t>(months(last) / 3 - months(first) / 3) + 1;
    }
    return 0;
}

std::vector<time_slice> slices_between(slice_unit unit, day_number first, day_number last) {
    std::vector<time_slice> slices;
    for (day_number day = first; day <= last;) {
        auto slice = slice_containing(unit, day);
        day = *slice.last_day + 1;
        slices.push_back(std::move(slice));
    }
    return slices;
}

} // namespace naqsha::store
