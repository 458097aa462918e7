#include "extract/morphology.hpp"

#include <algorithm>
#include <span>
#include <vector>

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

// "burnt" of "burn", "spelt" of "spell": a past in -t made on the lemma itself
bool t_variant(std::string_view lemma, std::string_view form) {
    if (form.size() < 2 || form.back() != 't' || ends_with(lemma, "t")) return false;
    const std::string_view stem = form.substr(0, form.size() - 1);
    return stem == lemma || stem == lemma.substr(0, lemma.size() - 1);
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

// A table's rows by lemma, in the table's order within each lemma: the tables are sorted by the
// inflected form, and scanning one whole for each lemma made WordNet's thousands of nouns for
// people (lexicon.cpp) cost a hundred million instructions to inflect.
struct by_lemma {
    std::vector<const wordnet_exception*> rows;

    template <std::size_t N>
    explicit by_lemma(const wordnet_exception (&table)[N]) {
        rows.reserve(N);
        for (const auto& e : table) rows.push_back(&e);
        std::stable_sort(rows.begin(), rows.end(), [](const wordnet_exception* a, const wordnet_exception* b) { return a->lemma < b->lemma; });
    }

    std::span<const wordnet_exception* const> of(std::string_view lemma) const {
        auto [lo, hi] = std::equal_range(rows.begin(), rows.end(), lemma, lemma_order{});
        return {lo, hi};
    }

private:
    struct lemma_order {
        bool operator()(const wordnet_exception* e, std::string_view l) const { return e->lemma < l; }
        bool operator()(std::string_view l, const wordnet_exception* e) const { return l < e->lemma; }
    };
};

} // namespace

std::vector<inflected> verb_forms(std::string_view lemma) {
    std::vector<inflected> out;
    add(out, std::string(lemma), inflection::base);
    bool past = false, gerund = false, third = false;
    static const by_lemma verbs(verb_exceptions);
    for (const auto* row : verbs.of(lemma)) {
        const auto& e = *row;
        if (ends_with(e.form, "ing")) {
            add(out, std::string(e.form), inflection::gerund);
            gerund = true;
        } else if (e.form == add_s(lemma)) {
            add(out, std::string(e.form), inflection::third_person);
            third = true;
        } else {
            add(out, std::string(e.form), inflection::past);
            // WordNet lists only the -t variant of verbs that have the regular past too ("burnt"
            // beside "burned", "spelt" beside "spelled"): the regular form is still added below
            past = past || !t_variant(lemma, e.form);
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
    static const by_lemma nouns(noun_exceptions);
    for (const auto* e : nouns.of(lemma))
        if (e->form != lemma) add(out, std::string(e->form), inflection::plural);
    if (ends_with(lemma, "man") && lemma.size() > 3) {
        add(out, std::string(lemma.substr(0, lemma.size() - 3)) + "men", inflection::plural);
        return out;
    }
    add(out, add_s(lemma), inflection::plural);
    return out;
}

} // namespace naqsha::extract::morph
