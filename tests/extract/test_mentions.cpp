// The grammar of casualty statements, one sentence at a time: who is counted, how many, and which
// statements do not count (negated, intended, recalled, subsets).
#include "extract/layout.hpp"
#include "extract/mentions.hpp"
#include "extract/tally.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

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

// A table of texts and the figures expected from them.
struct row {
    const char* text;
    int killed, wounded, missing, captured;
};

template <std::size_t N, class Read>
void check_table(const row (&rows)[N], Read read) {
    for (const auto& r : rows) {
        std::string text = r.text;
        CAPTURE(text);
        counts c = read(text);
        CHECK(c.killed == r.killed);
        CHECK(c.wounded == r.wounded);
        CHECK(c.missing == r.missing);
        CHECK(c.captured == r.captured);
    }
}

} // namespace

TEST_CASE("casualty statements: subjects, objects, conjunctions and number words") {
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
        // "killed or injured" together is neither figure (news codebook)
        {"Eight to 12 insurgents were killed or injured in the strike.", 0, 0, 0, 0},
        {"Two bomb blasts hit Kabul, leaving at least 25 people dead.", 25, 0, 0, 0},
        {"The security force detained a number of suspected insurgents.", 0, 0, 0, 3},
        {"The force detained several suspected insurgents while searching for a Taliban leader.", 0, 0, 0, 3},
        {"An air weapons team engaged the position, killing more than five insurgents.", 5, 0, 0, 0}, // "more than N" is N
        {"The two wounded were detained by Afghan Security Forces.", 0, 0, 0, 2},
        {"Government forces lost more than 50 personnel.", 50, 0, 0, 0},
        {"The occupants were taken into custody by Afghan authorities.", 0, 0, 0, 0},
        {"Four Afghan civilians were brought to a base following the engagement, three died and one was wounded.", 3, 1, 0, 0},
    };
    check_table(rows, count);
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

namespace {

// One incident told over several sentences, the first its lead: the figures the tally keeps.
counts tally_text(const std::string& text) {
    document doc(text);
    analyse_layout(doc, std::nullopt);
    std::vector<sentence_analysis> analyses;
    std::vector<tally_sentence> parts;
    for (std::uint32_t s = 0; s < doc.sentences().size(); ++s) {
        analyses.push_back(analyse_sentence(doc, doc.sentences()[s]));
        tally_sentence ts;
        ts.sentence = s;
        ts.lead = s == 0;
        for (std::uint32_t m = 0; m < analyses.back().casualties.size(); ++m)
            if (!analyses.back().casualties[m].recalled) ts.mentions.push_back(m);
        parts.push_back(ts);
    }
    auto t = tally(doc, [&](std::uint32_t s) -> const sentence_analysis& { return analyses[s]; }, parts);
    counts c;
    c.killed = t.killed ? t.killed->low : 0;
    c.wounded = t.wounded ? t.wounded->low : 0;
    c.missing = t.missing ? t.missing->low : 0;
    c.captured = t.captured ? t.captured->low : 0;
    return c;
}

} // namespace

TEST_CASE("an incident's figures across sentences: restatements, additions, itemisations") {
    const row rows[] = {
        // a passive verb group shares its subject with a participle coordinated after it
        {"The force searched the compound. An armed insurgent threatened the patrol and was killed. "
         "As the third man attempted to fire on the force, he was engaged by an air weapons team and killed.",
         2, 0, 0, 0},
        // "also" in the lead's wake adds to the other figure; for its own field it is the summary
        // the narrative itemises, not an addition to it
        {"The force detained several insurgents in Helmand province Tuesday. During the operation, four insurgents "
         "were also killed. The force returned fire, killing four insurgents.",
         4, 0, 0, 3},
        // guard: "other" people come on top of the one the narrative names
        {"The force conducted a strike on a Taliban commander in Kunduz province today. Several other insurgents were "
         "killed in the strike also. The police chief reports the commander was killed in the strike.",
         4, 0, 0, 0},
        // once the narrative itemises, "also" is its next item, not an addition to the lead's total
        {"The force killed four insurgents, including two armed women. One woman fired on the force and was killed. "
         "Afterwards, a male insurgent was killed by the force. A second woman was killed moments later. Another man "
         "ran at the force. When he attempted to fire, he was also killed.",
         4, 0, 0, 0},
        // guards: "several more" are new people all the same
        {"The force killed several insurgents. The force was engaged by more insurgents. Several more insurgents were "
         "killed.",
         6, 0, 0, 0},
        // someone said to be among those killed is inside the group's count
        {"Precision Air Strikes Kill Senior Taliban Leader\nThe strikes in Baghlan province Sunday killed Mullah Karim, the "
         "senior Taliban military leader. The strikes killed 15 insurgents. ISAF confirmed that Mullah Karim and Haji "
         "Nasir were among those killed.",
         15, 0, 0, 0},
        // a reduced relative clause between commas does not hide the subject of "were taken"
        {"A second vehicle containing three males was stopped. The occupants, suspected to be members of a narcotics "
         "and lethal aid smuggling network, were taken into custody by Afghan authorities.",
         0, 0, 0, 3},
        // a first mention that refers back to people introduced before is an item, not a total
        {"Three occupants exited the vehicle and ran. They were fired upon by two of the men. The force returned fire, "
         "killing the suspected insurgents. As the third man took a firing position, he was engaged and killed.",
         3, 0, 0, 0},
    };
    check_table(rows, tally_text);
}

TEST_CASE("a person's record, not a thing's link or who people are") {
    auto descriptive = [](const std::string& text) {
        document doc(text);
        analyse_layout(doc, std::nullopt);
        return analyse_sentence(doc, doc.sentences().front()).descriptive;
    };
    CHECK(descriptive("The leader is associated with several attacks on Afghan forces."));
    CHECK(descriptive("He was suspected of planning attacks."));
    CHECK_FALSE(descriptive("A second vehicle associated with the first and containing three males was stopped."));
    CHECK_FALSE(descriptive("The occupants, suspected to be members of a smuggling network, were detained."));
}
