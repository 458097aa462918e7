#pragma once
// One incident's casualty figures from all the sentences that report it. Reports restate: a lead
// gives a total ("killed seventeen insurgents") that the narrative then itemises ("three were
// killed by an air weapons team ... seven insurgents killed"), refers back ("the two insurgents",
// "them", "him"), or adds to ("two additional suspected insurgents were also detained"). The
// tally tracks who is who across sentences so that each person is counted once, keeps every
// figure as a claim with its source, and lets an unverified partisan claim set only the upper
// end of the range when a neutral figure exists.
#include "extract/attribution.hpp"
#include "extract/event.hpp"
#include "extract/mentions.hpp"

#include <functional>
#include <optional>
#include <vector>

namespace naqsha::extract {

struct tally_sentence {
    std::uint32_t sentence = 0;              // index into document::sentences() and the analyses
    bool lead = false;                       // headline or first report of the incident
    std::uint32_t part = 0;                  // which release of a concatenated article
    const attribution* source = nullptr;     // nullptr: the article's own voice
    std::vector<std::uint32_t> mentions;     // the sentence's casualty mentions that belong here
};

struct tally_result {
    std::optional<count_range> killed, wounded, missing, captured;
    std::vector<claim> claims;
    lex::side victims = lex::side::none;     // whose casualties dominate
    lex::side captives = lex::side::none;
};

// `analysis(i)` gives sentence i's analysis.
tally_result tally(const document& doc, const std::function<const sentence_analysis&(std::uint32_t)>& analysis,
                   const std::vector<tally_sentence>& sentences);

// The side an event or a claim names for the lexicon's side: unknown for none.
actor_side actor_side_of(lex::side s);

} // namespace naqsha::extract
