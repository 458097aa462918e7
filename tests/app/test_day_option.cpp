// The date options (--at, --published, --baseline-date) are read into days as CLI11 hands them over,
// keeping the text the refusal of a malformed one quotes.
#include "app/day_option.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

#include <vector>

using naqsha::days_from_civil;
using naqsha::app::day_option;

namespace {

day_option parsed(std::vector<std::string> args) {
    CLI::App app;
    day_option at;
    app.add_option("--at", at);
    std::vector<std::string> reversed(args.rbegin(), args.rend()); // CLI11 takes them last first
    app.parse(reversed);
    return at;
}

} // namespace

TEST_CASE("a day YYYY-MM-DD is read once, as the option is given") {
    const auto at = parsed({"--at", "2020-10-21"});
    CHECK(at.text == "2020-10-21");
    REQUIRE(at.day);
    CHECK(*at.day == days_from_civil(2020, 10, 21));
    CHECK_FALSE(at.malformed());
}

TEST_CASE("an option not given, or given empty, is no date and no mistake") {
    for (const auto& at : {parsed({}), parsed({"--at", ""})}) {
        CHECK(at.text.empty());
        CHECK_FALSE(at.day);
        CHECK_FALSE(at.malformed());
    }
}

TEST_CASE("a malformed date keeps its text for the message and gives no day") {
    for (const char* text : {"2020-02-30", "21.10.2020", "2020-10-21T04:20", "yesterday"}) {
        const auto at = parsed({"--at", text});
        CHECK(at.text == text);
        CHECK_FALSE(at.day);
        CHECK(at.malformed());
    }
}
