#pragma once
// The closed vocabulary the extraction grammar reasons with: every English word that changes a
// rule's outcome, with its categories. Open-class words (verbs and nouns) are listed once, by
// lemma, and carry into every inflection (extract/morphology.hpp): a rule written for "fall" reads
// "falls", "fell" and "fallen". Words outside the lexicon are content words (names, adjectives,
// nouns of things). Lookups are case-insensitive and allocation-free.
#include "extract/morphology.hpp"

#include <cstdint>
#include <string_view>

namespace naqsha::extract::lex {

// Category bits; a word may carry several.
enum flag : std::uint64_t {
    person = 1ull << 0,        // noun naming people: soldiers, insurgent, leader, others
    plural = 1ull << 1,        // plural form (persons), or a plural quantity word
    role = 1ull << 2,          // singular role that names one individual: leader, facilitator, commander
    month = 1ull << 3,         // value: 1..12
    weekday = 1ull << 4,       // value: 0 = Monday .. 6 = Sunday
    number = 1ull << 5,        // exact number word; value
    vague = 1ull << 6,         // vague quantity (several, numerous); value = conventional count
    abbreviation = 1ull << 7,  // a following period does not end the sentence
    aux = 1ull << 8,           // was, were, have been...
    adverb = 1ull << 9,        // may stand between an auxiliary and a participle: also, reportedly
    predicate = 1ull << 10,    // casualty predicate; see field and form
    speech = 1ull << 11,       // attribution verb: said, told, claimed
    determiner = 1ull << 12,   // the, this, his, their
    pronoun = 1ull << 13,      // he, him, they, them
    preposition = 1ull << 14,
    conjunction = 1ull << 15,
    additive = 1ull << 16,     // also, additional, more, another, in addition
    modifier = 1ull << 17,     // at least, more than, up to, about, nearly...
    descriptive = 1ull << 18,  // verbs that describe a person rather than report an incident
    trigger = 1ull << 19,      // event noun or verb; see event_kind
    aggregate = 1ull << 20,    // since, so far: the figure spans many incidents
    source = 1ull << 21,       // noun naming who speaks: spokesman, officials, agency
    negation = 1ull << 22,     // no, not, none, never
    side_word = 1ull << 23,    // adjective or noun that says whose people: afghan, taliban, us
    time_word = 1ull << 24,    // today, yesterday, night, morning, week...
    relative = 1ull << 25,     // who, which, that (as relative pronouns)
    verb = 1ull << 26,         // a finite verb that ends a noun phrase on its left
    intent = 1ull << 27,       // attempt, plan, search: what follows did not happen (yet)
    place_noun = 1ull << 28,   // district, province, city, village, valley, region
    title_word = 1ull << 29,   // Mr, Gen, Col, Maj, Mullah, Haji: starts a personal name
    boilerplate = 1ull << 30,  // Advertisement, Download, Immediate...
    unit = 1ull << 31,         // pounds, kilograms, percent: the number is not a head count
    ordinal = 1ull << 32,      // first, second, third (also 1st, 2nd via the tokenizer)
    cue = 1ull << 33,          // a word a multi-word casualty phrase turns on: toll, custody, bodies, lives
    share = 1ull << 34,        // districts, percent, thirds, half: a claim about many districts may follow
    mishap = 1ull << 35,       // earthquake, flood, accident, collision: casualties no one inflicted
    judicial = 1ull << 36,     // court, trial, sentenced, convicted: the incident is the case being tried
    verb_too = 1ull << 37,     // a noun that is also a verb's present tense: "police arrest", "the Taliban attack"
    territorial = 1ull << 38,  // a word a change of hands may turn on: capture, fall, retake, abandon, hands
    reaction = 1ull << 39,     // apologise, condemn, warn, call for: a statement about an incident, not its report
};

// Which casualty figure a predicate reports.
enum class field : std::uint8_t { none, killed, wounded, missing, captured };

// The grammatical shape of a predicate word.
enum class form : std::uint8_t {
    none,
    participle,   // killed, detained, wounded (passive or active past)
    gerund,       // killing, detaining
    base,         // kill, detain (after "to": an intention)
    noun,         // death, capture, arrest, detention
    adjective,    // dead, missing
    intransitive, // died, perished
};

// Whose people a word points to.
enum class side : std::uint8_t { none, security, coalition, hostile, isk, civilian };

// The Taliban and the Islamic State's fighters alike: the armed opposition.
constexpr bool insurgent(side s) { return s == side::hostile || s == side::isk; }

// The incident a trigger word names.
enum class event_kind : std::uint8_t {
    none, attack, clash, ambush, bombing, suicide, airstrike, raid, operation, seizure, withdrawal,
    recapture, crash, shelling, arson, sabotage
};

// A seizure, a withdrawal or a recapture: territory changing hands.
constexpr bool changes_hands(event_kind k) {
    return k == event_kind::seizure || k == event_kind::withdrawal || k == event_kind::recapture;
}

struct entry {
    std::uint64_t flags = 0;
    std::int32_t value = 0;
    lex::field field = lex::field::none;
    lex::form form = lex::form::none;
    lex::side side = lex::side::none;
    event_kind event = event_kind::none;
    std::uint16_t lemma = 0;                    // see lemma_name(); 0 for words listed as they are
    morph::inflection inflection = morph::inflection::none;
};

// Eight bytes of text with A-Z lowered in one step and no other byte changed, as the lexicon folds a
// word: the tokenizer and lookup() fold words eight bytes at a time with it.
constexpr std::uint64_t lower_ascii_letters(std::uint64_t bytes) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, high_bits = 0x80 * ones;
    // a byte below 0x80 (its own high bit clear) between 'A' and 'Z' gains 0x20; the sums cannot carry
    const std::uint64_t low7 = bytes & ~high_bits;
    const std::uint64_t from_a = low7 + (0x80 - 'A') * ones;
    const std::uint64_t past_z = low7 + (0x7F - 'Z') * ones;
    const std::uint64_t upper = from_a & ~past_z & ~bytes & high_bits;
    return bytes | (upper >> 2);
}

// The entry for a word (any case; a trailing possessive 's must be removed by the caller), or
// an entry with no flags for a word the lexicon does not know.
const entry& lookup(std::string_view word);
// lookup() for a word of 1 to 8 bytes given as token::folded holds it (A-Z folded to a-z, byte k at
// bits 8k): the tokenizer has folded it already.
const entry& lookup_folded(std::uint64_t folded, std::size_t size);
// A lower-case word that only WordNet knows as naming a person ("headmaster"): people of no side.
// The lexicon's own words are found by lookup(), never here.
const entry& lookup_person(std::string_view lower_word);

// The lemma an entry's word is a form of ("take" for "took"); "" for none.
std::string_view lemma_name(std::uint16_t lemma);
// The id of a lemma the lexicon lists, 0 for none. Hot code keeps the ids it asks about in statics
// and compares integers (document::lemma_is).
std::uint16_t lemma_id(std::string_view lemma);

// A lemma of forces giving up or leaving a place: "abandoned", "withdrew", "fled", "pulled out", "the
// withdrawal". The territory rules, the drawdown test and where forces went read the same list.
bool gives_up(std::string_view lemma);

} // namespace naqsha::extract::lex
