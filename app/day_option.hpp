#pragma once
// A date option of the command line (--at, --published, --baseline-date): read into a day once, as
// CLI11 hands the option over, so that the commands pass days on. The text stays beside it because
// the messages that refuse a malformed date quote it as given; the commands refuse it where they check
// their other options, so the first of several bad options is still the one named.
#include "base/calendar.hpp"

#include <optional>
#include <string>

namespace naqsha::app {

struct day_option {
    std::string text;              // as given; empty when not given (an empty date is no date)
    std::optional<day_number> day; // the day YYYY-MM-DD names, none when not given or malformed

    // CLI11 assigns an option's text to a type that takes a string (CLI/TypeTools.hpp: string_assignable).
    day_option& operator=(const std::string& given) {
        text = given;
        day = parse_iso_day(given);
        return *this;
    }
    bool malformed() const { return !text.empty() && !day; }
};

} // namespace naqsha::app
