#pragma once
// English inflection: every form a verb or a noun takes, so that the lexicon lists a word once, by
// its lemma ("kill", "fall", "gunman"), and its rules cover "kills", "killed", "killing", "fell",
// "fallen", "gunmen" alike. Irregular and spelling-changed forms come from WordNet's exception lists
// (Debian's wordnet-base, turned into a table at build time); the rest follow the regular spelling
// rules of English suffixes.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace naqsha::extract::morph {

enum class inflection : std::uint8_t {
    none,
    base,          // kill, fall (also the present tense after a plural subject)
    third_person,  // kills, falls
    past,          // killed, fell, fallen: the past tense and the past participle
    gerund,        // killing, falling
    singular,      // attacker
    plural,        // attackers, gunmen
};

struct inflected {
    std::string word;
    inflection form = inflection::none;
};

// Every form of a verb, the lemma first. WordNet's exceptions replace the regular past or gerund
// where they give one ("took", "kidnapped"), and add to the rest.
std::vector<inflected> verb_forms(std::string_view lemma);

// The singular and the plural(s) of a noun: WordNet's exceptions ("men", "lives", "commandoes"),
// the compounds of "man" ("gunmen", "policemen"), and the regular plural.
std::vector<inflected> noun_forms(std::string_view lemma);

} // namespace naqsha::extract::morph
