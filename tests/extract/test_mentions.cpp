// The grammar of casualty statements, one sentence at a time: who is counted, how many, and which
// statements do not count (negated, intended, recalled, subsets).
#include "extract/layout.hpp"
#include "extract/mentions.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace naqsha::extract;

namespace {

struct counts {
    int killed = 0, wounded = 0, missing = 0, captured = 0;
    int recalled = 0, negated = 0, intent = 0, subset = 0;
};

counts count(const std::string& text) {
    document doc(text);
    analyse_layout(doc, std::nullopt);
    counts c;
    for (const auto& s : doc.sentences()) {
        auto a = analyse_sentence(doc, s);
        for (const auto& m : a.casualties) {
            if (m.recalled) ++c.recalled;
            if (m.negated) ++c.negated;
            if (m.intent) ++c.intent;
            if (m.subset) ++c.subset;
            if (m.recalled || m.negated || m.intent || m.subset) continue;
            int n = m.direct ? m.direct->low : 0;
            for (auto p : m.phrases)
                if (a.phrases[p].count) n += a.phrases[p].count->low;
            switch (m.field) {
            case lex::field::killed: c.killed += n; break;
            case lex::field::wounded: c.wounded += n; break;
            case lex::field::missing: c.missing += n; break;
            case lex::field::captured: c.captured += n; break;
            case lex::field::none: break;
            }
        }
    }
    return c;
}

} // namespace

TEST_CASE("casualty statements: subjects, objects, conjunctions and number words") {
    struct row {
        const char* text;
        int killed, wounded, missing, captured;
    };
    const row rows[] = {
        {"At least 13 soldiers were killed in an overnight Taliban attack.", 13, 0, 0, 0},
        {"At least 34 security personnel, including senior police officer, killed in Taliban attack.", 34, 0, 0, 0},
        {"Afghan and coalition forces killed seventeen insurgents and detained one suspected insurgent.", 17, 0, 0, 1},
        {"The force killed two insurgents and detained nine others.", 2, 0, 0, 9},
        {"Zabihullah Mujahid said at least 15 members of Afghan security forces had been killed and 14 wounded.", 15, 14, 0, 0},
        {"Two Taliban militants were also killed.", 2, 0, 0, 0},
        {"Three insurgents were killed, 13 men were detained and several weapons were found.", 3, 0, 0, 13},
        {"A force detained a Taliban facilitator along with one suspected insurgent.", 0, 0, 0, 2},
        {"The force captured a Taliban leader and two of his associates.", 0, 0, 0, 3},
        {"The security force killed the Taliban commander Fayez Jan and one additional insurgent.", 2, 0, 0, 0},
        {"The clashes led to the death of the deputy police chief as well as several other security personnel.", 4, 0, 0, 0},
        {"The bodies of only 12 soldiers have been found while 48 still remain missing.", 12, 0, 48, 0},
        {"Local politicians placed the death toll at up to 42, DPA news agency reported.", 42, 0, 0, 0},
        {"Eight to 12 insurgents were killed or injured in the strike.", 8, 8, 0, 0},
        {"Two bomb blasts hit Kabul, leaving at least 25 people dead.", 25, 0, 0, 0},
        {"The security force detained a number of suspected insurgents.", 0, 0, 0, 3},
        {"The force detained several suspected insurgents while searching for a Taliban leader.", 0, 0, 0, 3},
        {"An air weapons team engaged the position, killing more than five insurgents.", 6, 0, 0, 0},
        {"The two wounded were detained by Afghan Security Forces.", 0, 0, 0, 2},
        {"Government forces lost more than 50 personnel.", 51, 0, 0, 0},
        {"The occupants were taken into custody by Afghan authorities.", 0, 0, 0, 0},
        {"Four Afghan civilians were brought to a base following the engagement, three died and one was wounded.", 3, 1, 0, 0},
    };
    for (const auto& r : rows) {
        std::string text = r.text;
        CAPTURE(text);
        auto c = count(r.text);
        CHECK(c.killed == r.killed);
        CHECK(c.wounded == r.wounded);
        CHECK(c.missing == r.missing);
        CHECK(c.captured == r.captured);
    }
}

TEST_CASE("statements that count nobody") {
    CHECK(count("No civilians were harmed and no Afghan or coalition forces were killed.").negated == 1);
    CHECK(count("No women or children were injured or detained during these operations.").negated == 2);
    auto intent = count("A force conducted an operation to arrest a Taliban leader in Zharay district.");
    CHECK(intent.captured == 0);
    CHECK(intent.intent == 1);
    auto subset = count("Senior police commanders were said to be among the dead.");
    CHECK(subset.killed == 0);
    auto recalled = count("The commander was linked to an improvised explosive device attack that killed four U.S. soldiers.");
    CHECK(recalled.killed == 0);
    CHECK(recalled.recalled == 1);
    auto prior = count("Prior to his death, Alaudin was planning attacks.");
    CHECK(prior.killed == 0);
    auto capture_of_posts = count("The Taliban captured several security outposts in northern Afghanistan.");
    CHECK(capture_of_posts.captured == 0);
}

TEST_CASE("incident words and their readings") {
    document doc("Taliban have seized a district after fierce fighting. The leader directs attacks against Afghan forces. "
                 "Fighters seized dozens of weapons.");
    analyse_layout(doc, std::nullopt);
    REQUIRE(doc.sentences().size() == 3);
    auto first = analyse_sentence(doc, doc.sentences()[0]);
    bool seizure = false;
    for (const auto& t : first.triggers) seizure = seizure || t.kind == lex::event_kind::seizure;
    CHECK(seizure);
    auto second = analyse_sentence(doc, doc.sentences()[1]);
    REQUIRE(!second.triggers.empty());
    CHECK(second.triggers.front().generic);
    auto third = analyse_sentence(doc, doc.sentences()[2]);
    for (const auto& t : third.triggers) CHECK(t.kind != lex::event_kind::seizure); // weapons are not territory
}
