// The grammar of casualty statements, one sentence at a time, where a table of figures does not
// say enough: which statements do not count and why (negated, intended, recalled, subsets), the
// readings of incident words, and records of people. The figures the grammar reads from texts are
// tables: rules/casualty_grammar.rules.
#include "extract/layout.hpp"
#include "extract/mentions.hpp"
#include "tests/extract/casualty_readings.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace naqsha::extract;
using naqsha::test::sentence_figures;

TEST_CASE("statements that count nobody") {
    CHECK(sentence_figures("No civilians were harmed and no Afghan or coalition forces were killed.").negated == 1);
    CHECK(sentence_figures("No women or children were injured or detained during these operations.").negated == 2);
    auto intent = sentence_figures("A force conducted an operation to arrest a Taliban leader in Zharay district.");
    CHECK(intent.captured == 0);
    CHECK(intent.intent == 1);
    auto subset = sentence_figures("Senior police commanders were said to be among the dead.");
    CHECK(subset.killed == 0);
    auto recalled = sentence_figures("The commander was linked to an improvised explosive device attack that killed four U.S. soldiers.");
    CHECK(recalled.killed == 0);
    CHECK(recalled.recalled == 1);
    auto prior = sentence_figures("Prior to his death, Alaudin was planning attacks.");
    CHECK(prior.killed == 0);
    auto capture_of_posts = sentence_figures("The Taliban captured several security outposts in northern Afghanistan.");
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
