// General extraction rules, each pinned by short texts written for the purpose: article in, the
// primary events' date, province and figures out (the isaf-dev scoring view: docs/extraction.md).
#include "extract/extractor.hpp"
#include "extract/layout.hpp"
#include "extract/places.hpp"
#include "extract/text.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace naqsha::extract;

namespace {

const naqsha::gazetteer::gazetteer& gaz() {
    static const auto g = naqsha::gazetteer::gazetteer::load();
    return g;
}

// What the scorer reads from the primary events: the earliest date, the provinces, the sums.
struct reading {
    int events = 0;
    std::string date;       // "" when no primary event is dated
    std::string provinces;  // P-codes in order of the events, space-separated
    int killed = 0, captured = 0;
};

reading read(const std::string& text) {
    article a;
    a.id = "rule";
    a.text = text;
    reading r;
    for (const auto& e : extract_article(a, gaz()).events) {
        if (e.background) continue;
        ++r.events;
        if (!e.date.empty() && (r.date.empty() || e.date < r.date)) r.date = e.date;
        if (e.province) r.provinces += (r.provinces.empty() ? "" : " ") + e.province->pcode;
        if (e.killed) r.killed += e.killed->low;
        if (e.captured) r.captured += e.captured->low;
    }
    return r;
}

} // namespace

TEST_CASE("a release number gives a dateline without a year its year, when their months agree") {
    struct row {
        const char* text;
        const char* date;
    };
    const row rows[] = {
        // the number's month is the dateline's
        {"2011-07-S-015\nFor Immediate Release\nKABUL, Afghanistan (July 5)\nIn Kandahar province yesterday, an "
         "Afghan-led security force detained one suspected insurgent.",
         "2011-07-04"},
        // numbered in January, dated the last day of December
        {"2011-01-S-001\nFor Immediate Release\nKABUL, Afghanistan (Dec. 31)\nIn Kandahar province today, an "
         "Afghan-led security force detained one suspected insurgent.",
         "2010-12-31"},
        // months apart: the number is not this dateline's, and no year is guessed
        {"2011-07-S-015\nFor Immediate Release\nKABUL, Afghanistan (Feb. 3)\nIn Kandahar province yesterday, an "
         "Afghan-led security force detained one suspected insurgent.",
         ""},
        // neither a year nor a release number: the date stays unknown
        {"KABUL, Afghanistan (Dec. 29)\nIn Gardez district, Paktiya province, an Afghan and coalition security force "
         "captured a Taliban leader during an operation today.",
         ""},
        // a release number alone gives no day for "yesterday"
        {"ISAF Joint Command- Afghanistan 2011-07-S-015 For Immediate Release\nIn Panjwa'i district yesterday, an "
         "Afghan-led security force detained one suspected insurgent.",
         ""},
    };
    for (const auto& r : rows) {
        std::string text = r.text;
        CAPTURE(text);
        CHECK(read(text).date == r.date);
    }
}

TEST_CASE("a statement about people already told stays with their incident, and a part of them is no total") {
    auto r = read("KABUL, Afghanistan (Sept. 5, 2010) - An Afghan and coalition security force captured a Taliban "
                  "commander, a facilitator and two of their associates in Paktiya province Saturday.\n\"The Taliban tried to hide that two of "
                  "their leaders were indeed captured, a blow to their Logar network,\" said Col. John Smith, a "
                  "spokesman.");
    CHECK(r.events == 1);
    CHECK(r.provinces == "AF13");
    CHECK(r.captured == 4); // "two of their leaders" is a part of those held, not a lower total
    CHECK(r.date == "2010-09-04");
}

TEST_CASE("a place name inside the article's last word keeps its own text") {
    // The gazetteer's tokenizer splits "spokesm-e-Archi" where the document keeps one word, so the
    // name starts inside the last token and no token starts at or after it (a fuzzer finding: the
    // name's wider form was read from one token past the end).
    for (std::string text : {"A local government spokesm.-e-Archi", "Fighting in spokesm-e-Archi",
                             "Police in Kunduz said, spokesman-Dasht-e-Archi"}) {
        CAPTURE(text);
        naqsha::extract::document doc(text);
        naqsha::extract::analyse_layout(doc, std::nullopt);
        for (const auto& h : naqsha::extract::find_places(doc, gaz())) {
            CHECK(h.end <= text.size());
            CHECK(h.wide.size() >= h.surface.size());
            CHECK(h.wide.size() <= h.surface.size() + 64);
            CHECK(h.wide.data() + h.wide.size() == text.data() + h.end);
        }
        naqsha::extract::article a;
        a.id = "last-word";
        a.text = text;
        CHECK_NOTHROW(naqsha::extract::extract_article(a, gaz(), {}));
    }
}
