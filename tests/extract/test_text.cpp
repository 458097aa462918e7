// Tokens, sentences, headers and datelines, dates and quantities: the layers under the grammar.
#include "base/calendar.hpp"
#include "extract/dates.hpp"
#include "extract/layout.hpp"
#include "extract/quantity.hpp"
#include "extract/text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace naqsha::extract;
using namespace naqsha; // the calendar (base/calendar.hpp)

namespace {

std::vector<std::string> sentences_of(const std::string& text) {
    document doc(text);
    analyse_layout(doc, std::nullopt);
    std::vector<std::string> out;
    for (const auto& s : doc.sentences()) out.emplace_back(doc.text().substr(s.begin, s.end - s.begin));
    return out;
}

int day(const char* iso) { return *parse_iso_date(iso); }

} // namespace

TEST_CASE("tokens keep names, numbers and possessives whole") {
    std::string text = "Afghanistan’s Dasht-e-Archi district: 1,540 pounds, 56.3 percent, the 22nd, U.S. forces.";
    document doc(text);
    std::vector<std::string> words;
    for (std::size_t i = 0; i < doc.size(); ++i) words.emplace_back(doc.str(i));
    CHECK(words == std::vector<std::string>{"Afghanistan’s", "Dasht-e-Archi", "district", ":", "1,540", "pounds", ",", "56.3",
                                            "percent", ",", "the", "22nd", ",", "U.S.", "forces", "."});
    CHECK(doc.stem(0) == "Afghanistan");
    CHECK((doc.at(0).shape & possessive));
    CHECK(doc.at(4).value == 1540);
    CHECK((doc.at(7).shape & decimal));
    CHECK(doc.at(11).value == 22);
    CHECK(doc.at(14).has(naqsha::extract::lex::person));
}

TEST_CASE("a word's shape and folded stem do not depend on where it stands or how long it is") {
    // The tokenizer reads a word eight bytes at a time where the text has them, and a byte at a time
    // in its last few: a word ending there, or a capital or lower-case letter past its eighth byte,
    // must come out as anywhere else.
    struct expected {
        std::string word;
        bool capitalised;
        bool all_capitals;
    };
    const std::vector<expected> words = {{"a", false, false},         {"I", true, false},          {"Kabul", true, false},
                                         {"NATO", true, true},        {"abcdefgh", false, false},  {"ABCDEFGH", true, true},
                                         {"ABCDEFGHI", true, true},   {"ABCDEFGHiJ", true, false}, {"Headquarters", true, false},
                                         {"PROVINCIAL2", true, true}, {"B52", true, true},         {"x1y2z3w4", false, false}};
    for (const auto& w : words) {
        std::string lower = w.word;
        for (char& c : lower)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        for (std::string after : {"", ".", " and", ", then the rest of a long sentence", "\n"}) {
            const std::string text = "in " + w.word + after;
            document doc(text);
            REQUIRE(doc.size() >= 2);
            CAPTURE(text);
            CHECK(doc.str(1) == w.word);
            CHECK(doc.at(1).kind == token_kind::word);
            CHECK(doc.is(1, lower));
            CHECK(doc.at(1).stem_size == w.word.size());
            CHECK(((doc.at(1).shape & capitalized) != 0) == w.capitalised);
            CHECK(((doc.at(1).shape & all_caps) != 0) == w.all_capitals);
            CHECK((doc.at(1).shape & ascii_alnum_only));
        }
    }
    // A word that goes on past its first run of letters is not plain.
    document doc("the Taliban-held town and Kabul's U.S. embassy");
    CHECK(doc.str(1) == "Taliban-held");
    CHECK(!(doc.at(1).shape & ascii_alnum_only));
    CHECK(doc.str(4) == "Kabul's");
    CHECK(doc.stem(4) == "Kabul");
    CHECK(doc.str(5) == "U.S.");
    CHECK(!(doc.at(5).shape & ascii_alnum_only));
    CHECK((doc.at(5).shape & all_caps));
}

TEST_CASE("a NUL byte is stepped over like a space, not looped on") {
    // The readers reject NUL bytes before extraction; a direct caller of the tokenizer may not.
    const std::string text("Kabul\0 Herat\0\0", 15);
    document doc(text);
    REQUIRE(doc.size() == 2);
    CHECK(doc.str(0) == "Kabul");
    CHECK(doc.str(1) == "Herat");
}

TEST_CASE("a word list matches a token's folded stem, whatever its case, length or possessive") {
    static constexpr word_list listed{{"post", "posts", "headquarters", "of"}};
    document doc("Police posts, the POST and the army's Headquarters, the gate in Post's area of the outposts off headquarter");
    std::vector<std::string> matched;
    for (std::size_t i = 0; i < doc.size(); ++i)
        if (is_one_of(doc, i, listed)) matched.emplace_back(doc.str(i));
    CHECK(matched == std::vector<std::string>{"posts", "POST", "Headquarters", "Post's", "of"});
    CHECK(!is_one_of(doc, doc.size(), listed)); // past the last token
}

TEST_CASE("a number glued to letters of any script is one word of whole characters") {
    // Found by fuzz_extractor: the letters after "29" were stepped over a byte at a time, so the
    // token, its sentence and the event's quote ended inside a character (invalid UTF-8 out).
    for (std::string text : {"2020-01-29\xE4\xA4\xA0 attack", "82\xD9\x85\xD9\x85 rounds", "1990s\xC3\xA9 x"}) {
        document doc(text);
        REQUIRE(doc.size() >= 2);
        for (const auto& t : doc.tokens()) {
            CHECK(t.end <= text.size());
            CHECK((t.end == text.size() || (static_cast<unsigned char>(text[t.end]) & 0xC0) != 0x80));
            CHECK((static_cast<unsigned char>(text[t.begin]) & 0xC0) != 0x80);
        }
    }
    document doc("29\xE4\xA4\xA0 killed");
    CHECK(doc.str(0) == "29\xE4\xA4\xA0");
    CHECK(doc.at(0).kind == token_kind::word);
}

TEST_CASE("sentences end at full stops, not at abbreviations, initials or dates") {
    auto s = sentences_of("Gen. Miller met Lt. Col. Smith on Jan. 5. The U.S. Army said two soldiers died. "
                          "“They were ambushed,” he said.\nAdvertisement\nA headline without a full stop\nNext line.");
    REQUIRE(s.size() == 5);
    CHECK(s[0] == "Gen. Miller met Lt. Col. Smith on Jan. 5.");
    CHECK(s[1] == "The U.S. Army said two soldiers died.");
    CHECK(s[2] == "“They were ambushed,” he said.");
    CHECK(s[3] == "A headline without a full stop"); // "Advertisement" is a web leftover
    CHECK(s[4] == "Next line.");
}

TEST_CASE("a line broken after a preposition continues the sentence") {
    auto s = sentences_of("Taliban fighters attacked a checkpoint in\nKandahar province on Monday.\nOfficials said so.");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "Taliban fighters attacked a checkpoint in\nKandahar province on Monday.");
}

TEST_CASE("a sentence's flags are every lexicon flag of its tokens, quotes after its full stop included") {
    document doc("Gen. Miller said two soldiers died.\" Taliban fighters attacked a checkpoint in\nKandahar province.\n"
                 "Advertisement\nThey were \"killed\".");
    analyse_layout(doc, std::nullopt);
    REQUIRE(doc.sentences().size() == 3);
    for (const auto& s : doc.sentences()) {
        std::uint64_t flags = 0;
        for (std::size_t k = s.first; k < s.last; ++k) flags |= doc.at(k).flags;
        CHECK(s.flags == flags);
        CHECK(s.flags != 0);
    }
    CHECK((doc.sentences()[0].flags & lex::speech) != 0);   // said
    CHECK((doc.sentences()[1].flags & lex::speech) == 0);
}

TEST_CASE("publication dates come from headers, then datelines; the release number supplies a missing year") {
    struct row {
        const char* text;
        const char* published; // "" when none
        const char* first_sentence;
    };
    const row rows[] = {
        {" date 2020-10-21 At least 34 security personnel were killed.", "2020-10-21", "At least 34 security personnel were killed."},
        {"Published 04:20 IST, October 22nd 2020\nClashes broke out on Tuesday.", "2020-10-22", "Clashes broke out on Tuesday."},
        {"KABUL, Afghanistan (Jan. 25, 2013) – Forces detained two insurgents.", "2013-01-25", "Forces detained two insurgents."},
        {"ISAF Joint Command - Afghanistan\n2011-09-S-027\n\nKABUL, Afghanistan (Sep. 14)\nA force detained a leader yesterday.",
         "2011-09-14", "A force detained a leader yesterday."},
        {"ISAF Joint Command Morning Operational Update June 14, 2011\nForces detained a leader.", "2011-06-14",
         "Forces detained a leader."},
        {"Feb. 3: Afghan-ISAF Operations in Eastern Afghanistan\nNEWS RELEASE 2010-02-CA-017 For Immediate Release\n"
         "Also in Helmand yesterday, a joint force detained a few suspected insurgents.",
         "2010-02-03", "Afghan-ISAF Operations in Eastern Afghanistan"},
        {"KABUL, Afghanistan (Dec. 29)\nIn Gardez district, a force captured a Taliban leader today.", "",
         "In Gardez district, a force captured a Taliban leader today."},
        {"Taliban have seized a district.", "", "Taliban have seized a district."},
    };
    for (const auto& r : rows) {
        std::string text = r.text;
        CAPTURE(text);
        document doc(r.text);
        auto lay = analyse_layout(doc, std::nullopt);
        CHECK((lay.published ? iso_date(*lay.published) : std::string()) == r.published);
        REQUIRE(!doc.sentences().empty());
        const auto& s = doc.sentences().front();
        CHECK(doc.text().substr(s.begin, s.end - s.begin) == r.first_sentence);
    }
}

TEST_CASE("metadata overrides the text's date, and each concatenated release keeps its own dateline") {
    std::string text = "2011-01-S-055\nKABUL, Afghanistan (Jan. 5, 2011) – Forces killed two insurgents yesterday.\n---\n"
                       "UPDATE: ISAF Confirms Status\n2011-01-S-092\nKABUL, Afghanistan (Jan. 8) – ISAF confirmed the leader "
                       "was killed Jan. 5.\nThis is an update to IJC News Release #2011-01-S-055";
    document doc(text);
    auto lay = analyse_layout(doc, day("2011-01-06"));
    REQUIRE(lay.sections.size() == 2);
    CHECK(iso_date(*lay.published) == "2011-01-06");
    CHECK(lay.published_from == "metadata");
    CHECK(iso_date(*lay.sections[0].reference) == "2011-01-05");
    CHECK(iso_date(*lay.sections[1].reference) == "2011-01-08");
    CHECK(lay.sections[1].updates == std::vector<std::string>{"2011-01-S-055"});
}

TEST_CASE("relative dates resolve against the reference date; nights run past midnight") {
    struct row {
        const char* text;
        const char* from;
        const char* to;
        date_precision precision;
        time_role role;
    };
    // reference: Wednesday 2020-10-21
    const row rows[] = {
        {"The attack happened yesterday.", "2020-10-20", "2020-10-20", date_precision::day, time_role::event},
        {"It took place overnight.", "2020-10-20", "2020-10-21", date_precision::range, time_role::event},
        {"Fighting began Monday night.", "2020-10-19", "2020-10-20", date_precision::range, time_role::event},
        {"Posts were attacked late on Tuesday.", "2020-10-20", "2020-10-20", date_precision::day, time_role::event},
        {"Clashes broke out on Tuesday, October 20.", "2020-10-20", "2020-10-20", date_precision::day, time_role::event},
        {"Earlier this month, Taliban attacked.", "2020-10-01", "2020-10-21", date_precision::month, time_role::event},
        {"Last month, two soldiers died.", "2020-09-01", "2020-09-30", date_precision::month, time_role::event},
        {"In October 2017, a helicopter crashed.", "2017-10-01", "2017-10-31", date_precision::month, time_role::event},
        {"On May 1, two blasts hit Kabul.", "2020-05-01", "2020-05-01", date_precision::day, time_role::event},
        {"Officials said on Wednesday that 13 died.", "2020-10-21", "2020-10-21", date_precision::day, time_role::statement},
        {"He told AFP news agency on Wednesday that 34 died.", "2020-10-21", "2020-10-21", date_precision::day,
         time_role::statement},
        {"It said the Thursday night seizure came after ...", "2020-10-15", "2020-10-16", date_precision::range,
         time_role::event},
        {"The Dec. 30 attack killed four.", "2019-12-30", "2019-12-30", date_precision::day, time_role::event},
    };
    for (const auto& r : rows) {
        std::string text = r.text;
        CAPTURE(text);
        document doc(r.text);
        auto found = find_time_expressions(doc, 0, doc.size(), day("2020-10-21"));
        REQUIRE(!found.empty());
        const auto& e = found.front();
        REQUIRE(e.resolved);
        CHECK(iso_date(e.from) == r.from);
        CHECK(iso_date(e.to) == r.to);
        CHECK(e.precision == r.precision);
        CHECK(e.role == r.role);
    }
}

TEST_CASE("without a reference date a relative expression stays unresolved") {
    document doc("Fighting began Monday night, officials said on Tuesday.");
    auto found = find_time_expressions(doc, 0, doc.size(), std::nullopt);
    REQUIRE(found.size() == 2);
    CHECK_FALSE(found[0].resolved);
    CHECK_FALSE(found[1].resolved);
}

TEST_CASE("quantities: numbers, number words, vague amounts and their conventional counts") {
    struct row {
        const char* text;
        int low, best, high;
        bool vague;
    };
    const row rows[] = {
        {"13", 13, 13, 13, false},           {"Twelve", 12, 12, 12, false},         {"twenty-five", 25, 25, 25, false},
        {"a dozen", 12, 12, 12, false},      {"dozens of", 24, 24, 24, true},       {"at least 34", 34, 34, 34, false},
        {"more than 20", 20, 20, 20, false}, {"more than five", 5, 5, 5, false},    {"up to 42", 42, 42, 42, false},
        {"eight to 12", 8, 8, 12, false},    {"between 20 and 30", 20, 20, 30, false}, {"several", 3, 3, 3, true},
        {"a couple of", 2, 2, 2, true},      {"a few", 3, 3, 3, true},              {"numerous", 4, 4, 4, true},
        {"multiple", 3, 3, 3, true},         {"a number of", 3, 3, 3, true},        {"almost three dozen", 34, 34, 36, false},
        {"one hundred", 100, 100, 100, false}, {"more than a dozen", 12, 12, 12, false},
    };
    for (const auto& r : rows) {
        std::string text = r.text;
        CAPTURE(text);
        document doc(r.text);
        auto q = parse_quantity(doc, 0, doc.size());
        REQUIRE(q);
        CHECK(q->low == r.low);
        CHECK(q->best == r.best);
        CHECK(q->high == r.high);
        CHECK(q->vague == r.vague);
        CHECK(q->last == doc.size());
    }
    document doc("up to 42");
    CHECK(parse_quantity(doc, 0, doc.size())->upper_bound);
}

TEST_CASE("calendar arithmetic") {
    CHECK(iso_date(days_from_civil(2020, 2, 29)) == "2020-02-29");
    CHECK(weekday_of(day("2020-10-21")) == 2); // a Wednesday
    CHECK(complete_year(12, 29, day("2012-01-03")) == day("2011-12-29"));
    CHECK(complete_year(1, 2, day("2012-01-03")) == day("2012-01-02"));
    CHECK_FALSE(parse_iso_date("2020-02-30"));
    CHECK(parse_iso_date("2020-10-21T04:20:00Z") == day("2020-10-21"));
}
