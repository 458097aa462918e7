#pragma once
// The grammar of casualty statements inside one sentence: noun phrases that name people ("at
// least 15 members of Afghan security forces", "the Taliban commander Fayez Jan", "two of his
// associates", "them"), and the predicates that count them ("were killed", "killing", "the death
// of", "taken into custody", "death toll at up to 42", "remain missing"). Which mentions repeat
// each other is decided later, per event (see tally.hpp).
#include "extract/quantity.hpp"
#include "extract/text.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace naqsha::extract {

struct person_phrase {
    std::uint32_t first = 0, last = 0;  // tokens
    std::uint32_t head = 0;             // person noun, pronoun, or first word of a name
    std::optional<quantity> count;      // as written; a/an/one/the + singular count as 1
    bool definite = false;              // the, these, those, his, their, both, all
    bool pronoun = false;               // he, him, she, her, they, them
    bool name = false;                  // a personal name ("Qari Ziauddin"), alone or after a role
    bool plural = false;
    bool partitive = false;             // two of the men, several of them
    bool additive = false;              // other, additional, another, more
    bool more = false;                  // "several more", "further": never a restatement
    bool role = false;                  // leader, facilitator, commander: names one individual
    lex::side side = lex::side::none;
    std::string_view key;               // head word or name, for matching repeated references
};

struct casualty_mention {
    lex::field field = lex::field::none;
    std::uint32_t predicate = 0;        // token
    std::vector<std::uint32_t> phrases; // indices into sentence_analysis::phrases (conjoined)
    std::optional<quantity> direct;     // a count with no phrase: "death toll at 42"
    std::uint32_t first = 0, last = 0;  // tokens covered, for offsets and quotes
    bool additive = false;              // also, additional, more: adds to what was said before
    bool more = false;                  // "several more insurgents": certainly new people
    bool negated = false;               // no civilians were harmed
    bool intent = false;                // an operation to arrest; would have killed
    bool either = false;                // "killed or wounded": harm told, a figure of neither (kept as intent)
    bool subset = false;                // were among the dead
    bool recalled = false;              // "an IED attack that killed four soldiers": an older incident
    bool superseded = false;            // "officials initially said 20", "earlier reports put the toll at 20"
    bool toll = false;                  // a death toll, every dead of the incident: "raising the toll to 13"
};

struct trigger_word {
    std::uint32_t at = 0;
    lex::event_kind kind = lex::event_kind::none;
    bool verb = false;
    bool definite = false;              // the attack, this offensive: an incident already named
    bool generic = false;               // plural or habitual: attacks against Afghan forces
    bool state = false;                 // territory: who holds it ("in Taliban hands"), not a change told
    lex::side holder = lex::side::none; // territory: who holds it after, where the clause says ("fell to the Taliban")
    bool handover = false;              // territory given over by agreement
    bool positions = false;             // posts in the territory given up, not the territory
};

struct sentence_analysis {
    std::vector<person_phrase> phrases;
    std::vector<casualty_mention> casualties;
    std::vector<trigger_word> triggers;
    bool descriptive = false;           // about a person's record: responsible for, planned, directs
    bool aggregate = false;             // figures over many incidents: since January, so far
    bool unplaced_day = false;          // a day's operations ("over the past 24 hours") with no place named:
                                        // a total unless the next sentence says where (extractor)
    bool generic = false;               // in recent weeks: a trend, not an incident
    bool nationwide = false;            // across the country: its incident words are a trend, its dead one incident
    std::vector<std::pair<std::uint32_t, std::uint32_t>> recalled_spans; // tokens of older incidents named in passing
    // of those, what befell someone named long before, told beside the news ("Ahmad Shah, who was
    // abducted in Kunduz in 2015, was killed in Kabul"): its places are not the news's (the last
    // such clause; tokens, {0, 0} for none)
    std::pair<std::uint32_t, std::uint32_t> befell_before{0, 0};
    bool period = false;                // names a week, month or year ("last year", "this week")
    bool while_clause = false;          // holds "while" or "whereas", which may open a clause about something else
    bool counts_incidents = false;      // counts its incidents: "in two bombings", "twin attacks"
    bool mishap = false;                // a disaster or accident: earthquake, flood, collision
    bool downs_craft = false;           // "shot it down", "downed the helicopter": the craft told of before brought down
    // A crash's dead and hurt and its incident words, set aside as a mishap's; the extractor restores
    // them when the article says the craft was shot down.
    std::vector<casualty_mention> crash_harm;
    std::vector<trigger_word> crash_words;
    bool judicial = false;              // a trial or sentence: what it names is the crime tried
    bool denied = false;                // "which police deny", "officials denied the claim"
    bool reaction = false;              // its main verb reacts to an incident ("apologises for", "condemns"):
                                        // the incident is news only when it is that recent (extractor)
};

// A clause that may tell of an older incident, found by its words alone: after "since" with a verb
// in the past or after "N days after" (recalled), or ", which had ..." (recalled when the sentence
// tells an incident outside it). Tokens (from, end).
struct earlier_clause {
    std::uint32_t from = 0, end = 0;
    bool aside = false;     // ", which had ..."
    bool biography = false; // "Akhtar Mansour, who died in a drone strike": what befell someone named
    bool before_the_week = false; // (an aside in the past perfect, or dated a week or more before: "last month")
};

// What analyse_sentence read of a sentence before its people: the analysis after its cues and
// incident words, and what its closing passes read of the tokens alone (the same with the people),
// which finish_sentence takes over rather than reads again.
struct sentence_cues {
    sentence_analysis analysis;
    std::vector<earlier_clause> clauses;
    bool reaction = false; // its main verb reacts to an incident
    bool denied = false;   // a form of "deny"
};

// `full`: also the people and the casualty figures (without it, only the sentence's cues and
// incident words: enough for a sentence that may_count() says holds no casualty figure).
// `cues`, if given, receives what finish_sentence needs to take the analysis up from the first steps,
// which do not depend on `full`.
sentence_analysis analyse_sentence(const document& doc, const sentence& s, bool full = true,
                                   sentence_cues* cues = nullptr);

// analyse_sentence(doc, s, true), from the `cues` an earlier analyse_sentence of the same sentence
// kept: the same result without reading the cues and incident words again.
sentence_analysis finish_sentence(const document& doc, const sentence& s, sentence_cues cues);

// Whether a sentence (as the document split it: its flags are its tokens') has any word a casualty
// statement turns on.
bool may_count(const document& doc, const sentence& s);

} // namespace naqsha::extract
