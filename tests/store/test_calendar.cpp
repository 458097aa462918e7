#include "store/calendar.hpp"

#include <doctest/doctest.h>

using namespace naqsha::store;

TEST_CASE("ISO days round-trip and reject non-dates") {
    for (const char* d : {"1970-01-01", "2000-02-29", "2020-10-20", "2021-12-31"})
        CHECK(format_iso_day(*parse_iso_day(d)) == d);
    CHECK(*parse_iso_day("1970-01-02") == 1);
    for (const char* bad : {"", "2020-1-01", "2020-02-30", "2019-02-29", "2020-13-01", "2020/10/20", "20201020xx", "2020-10-2a"})
        CHECK_FALSE(parse_iso_day(bad));
}

TEST_CASE("ISO weeks take the ISO week-year") {
    auto week = [](const char* day) { return slice_containing(slice_unit::week, *parse_iso_day(day)); };
    CHECK(week("2020-10-20").label == "2020-W43");
    CHECK(format_iso_day(week("2020-10-20").first_day) == "2020-10-19"); // Monday
    CHECK(format_iso_day(week("2020-10-20").last_day) == "2020-10-25");   // Sunday
    CHECK(week("2020-12-31").label == "2020-W53");
    CHECK(week("2021-01-03").label == "2020-W53");
    CHECK(week("2021-01-04").label == "2021-W01");
    CHECK(week("2018-12-31").label == "2019-W01");
    CHECK(format_iso_day(week("2018-12-31").first_day) == "2018-12-31");
}

TEST_CASE("months and quarters") {
    auto month = slice_containing(slice_unit::month, *parse_iso_day("2020-02-10"));
    CHECK(month.label == "2020-02");
    CHECK(format_iso_day(month.first_day) == "2020-02-01");
    CHECK(format_iso_day(month.last_day) == "2020-02-29");
    auto quarter = slice_containing(slice_unit::quarter, *parse_iso_day("2020-10-20"));
    CHECK(quarter.label == "2020-Q4");
    CHECK(format_iso_day(quarter.first_day) == "2020-10-01");
    CHECK(format_iso_day(quarter.last_day) == "2020-12-31");
    CHECK(slice_containing(slice_unit::day, *parse_iso_day("2020-10-20")).label == "2020-10-20");
}

TEST_CASE("slices are contiguous and cover both ends") {
    for (auto unit : {slice_unit::day, slice_unit::week, slice_unit::month, slice_unit::quarter}) {
        auto first = *parse_iso_day("2019-12-30"), last = *parse_iso_day("2020-10-21");
        auto slices = slices_between(unit, first, last);
        REQUIRE_FALSE(slices.empty());
        CHECK(*slices.front().first_day <= first);
        CHECK(*slices.back().last_day >= last);
        for (std::size_t i = 1; i < slices.size(); ++i)
            CHECK(*slices[i].first_day == *slices[i - 1].last_day + 1);
    }
    CHECK(slices_between(slice_unit::month, *parse_iso_day("2020-01-15"), *parse_iso_day("2020-03-01")).size() == 3);
    CHECK(slice_unit_from_string("quarter") == slice_unit::quarter);
    CHECK_FALSE(slice_unit_from_string("year"));
}
