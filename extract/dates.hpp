#pragma once
// Dates in running text: absolute forms ("Jan. 25, 2013", "October 22nd 2020", "2020-10-21",
// "In October 2017") and relative ones ("Monday night", "late on Tuesday", "yesterday",
// "overnight", "Earlier this month", "last month"), resolved against a reference date (the story's
// dateline or publication date). Without a reference a relative expression stays unresolved:
// never a guessed date.
#include "extract/event.hpp"
#include "extract/text.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace naqsha::extract {

// A date as written: any part may be missing (0).
struct written_date {
    int year = 0;
    int month = 0;
    int day = 0;
    std::uint32_t first = 0; // token range [first, last)
    std::uint32_t last = 0;
};

// An absolute date starting at token i (Month Day[, Year], Day Month [Year], Month Year,
// YYYY-MM-DD), not reading at or past token `limit`.
std::optional<written_date> match_date(const document& doc, std::size_t i, std::size_t limit);

// Completes a month and day without a year: the latest such date not after reference + 2 days.
day_number complete_year(int month, int day, day_number reference);

enum class time_role : std::uint8_t {
    event,      // when something happened
    statement,  // when someone spoke ("told AFP on Wednesday")
    end,        // when something told went on to ("fighting that continued into Saturday")
};

struct time_expression {
    std::uint32_t first = 0, last = 0;   // tokens
    bool resolved = false;
    day_number from = 0, to = 0;         // days, inclusive
    date_precision precision = date_precision::unknown;
    time_role role = time_role::event;
    bool fronted = false;                // opens the sentence ("On May 1, ...", "Earlier this month, ...")
    bool recalled = false;               // names a time before the news: last month, In October 2017
    bool relative = false;               // depends on the reference date
    bool night = false;                  // Monday night, overnight: may run past midnight
    bool since = false;                  // "since May": the time a span of reporting starts at
    bool recent_span = false;            // "since Friday": a span of days up to the report, dated by its start
    int days_after_anchor = -1;          // "a day later", "the next day": this many days after the day told
                                         // before it in the article (unresolved until then); -1: none
};

// "2012 Afghanistan Quran burning protests: A suicide car bomber ...", "War in Afghanistan
// (2001-present): ...": the heading Wikipedia's current events file the news under, whose words name
// the topic, not the day or the frame of the news. The token after its colon, or `first` when the
// sentence opens with none.
std::size_t after_topic_label(const document& doc, std::size_t first, std::size_t last);

// Every date and time expression in tokens [first, last).
// `narrative`: a day the text wrote with its year, well before the reference (a retrospective's "on
// 10 August 2018"): a day and month told after it without a year, up to a month on ("By 15 August"),
// is of that story; any other is the latest by the reference.
// `token_flags`: the lexicon flags of the tokens OR-ed together, where the caller has them (a sentence
// with no ordinal tells of no "fifth day" running, and is spared the look for one); by default every
// flag, which looks.
std::vector<time_expression> find_time_expressions(const document& doc, std::size_t first, std::size_t last,
                                                   std::optional<day_number> reference,
                                                   std::optional<day_number> narrative = std::nullopt,
                                                   std::uint64_t token_flags = ~std::uint64_t{0});

} // namespace naqsha::extract
