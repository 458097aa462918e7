#include "extract/morphology.hpp"

#include <algorithm>

namespace naqsha::extract::morph {
namespace {

struct wordnet_exception {
    std::string_view form;
    std::string_view lemma;
};

#include "wordnet_exceptions.inc"

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "carry" -> "carr": a final y after a consonant turns into i before a suffix.
bool consonant_y(std::string_view s) { return s.size() >= 2 && s.back() == 'y' && !vowel(s[s.size() - 2]); }

// The suffix -s/-es of a third-person verb and of a plural noun follows the same spelling rule.
std::string add_s(std::string_view w) {
    std::string s(w);
    if (consonant_y(w)) return s.substr(0, s.size() - 1) + "ies";
    if (ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "z") || ends_with(w, "ch") || ends_with(w, "sh"))
        return s + "es";
    return s + "s";
}

std::string add_ed(std::string_view w) {
    std::string s(w);
    if (ends_with(w, "e")) return s + "d";
    if (consonant_y(w)) return s.substr(0, s.size() - 1) + "ied";
    return s + "ed";
}

std::string add_ing(std::string_view w) {
    std::string s(w);
    if (ends_with(w, "ie")) return s.substr(0, s.size() - 2) + "ying";
    if (ends_with(w, "e") && !ends_with(w, "ee") && !ends_with(w, "oe") && !ends_with(w, "ye") && w.size() > 2)
        return s.substr(0, s.size() - 1) + "ing";
    return s + "ing";
}

void add(std::vector<inflected>& out, std::string word, inflection form) {
    for (const auto& f : out)
        if (f.word == word && f.form == form) return;
    out.push_back({std::move(word), form});
}

} // namespace

std::vector<inflected> verb_forms(std::string_view lemma) {
    std::vector<inflected> out;
    add(out, std::string(lemma), inflection::base);
    bool past = false, gerund = false, third = false;
    for (const auto& e : verb_exceptions) {
        if (e.lemma != lemma) continue;
        if (ends_with(e.form, "ing")) {
            add(out, std::string(e.form), inflection::gerund);
            gerund = true;
        } else if (e.form == add_s(lemma)) {
            add(out, std::string(e.form), inflection::third_person);
            third = true;
        } else {
            add(out, std::string(e.form), inflection::past);
            past = true;
        }
    }
    if (!third) add(out, add_s(lemma), inflection::third_person);
    if (!past) add(out, add_ed(lemma), inflection::past);
    if (!gerund) add(out, add_ing(lemma), inflection::gerund);
    return out;
}

std::vector<inflected> noun_forms(std::string_view lemma) {
    std::vector<inflected> out;
    add(out, std::string(lemma), inflection::singular);
    // WordNet's exceptions give irregular plurals ("men", "lives") and variant ones ("commandoes"
    // beside "commandos"): both are added to the regular plural, which a variant does not replace
    for (const auto& e : noun_exceptions)
        if (e.lemma == lemma && e.form != lemma) add(out, std::string(e.form), inflection::plural);
    if (ends_with(lemma, "man") && lemma.size() > 3) {
        add(out, std::string(lemma.substr(0, lemma.size() - 3)) + "men", inflection::plural);
        return out;
    }
    add(out, add_s(lemma), inflection::plural);
    return out;
}

} // namespace naqsha::extract::morph
