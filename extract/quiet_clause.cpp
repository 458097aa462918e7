#include "extract/quiet_clause.hpp"

#include "extract/lexicon.hpp"

namespace naqsha::extract {

bool in_quiet_clause(const document& doc, const sentence& s, std::size_t i) {
    std::size_t open = i;
    while (open > s.first && !(doc.is(open - 1, "while") || doc.is(open - 1, "whereas"))) {
        if (doc.at(open - 1).has(lex::trigger | lex::predicate) || doc.at(open - 1).is_punct(';')) return false;
        --open;
    }
    if (open == s.first || open >= s.last) return false;
    // the clause has a subject of its own: not "while on patrol in Helmand", "while travelling in
    // Kabul" or "while they were patrolling in Zabul", which tell where the incident befell them
    const token& opener = doc.at(open);
    const std::string_view word = doc.text().substr(opener.begin, opener.end - opener.begin);
    if (opener.kind != token_kind::word || opener.has(lex::preposition | lex::pronoun) ||
        opener.inflection == morph::inflection::gerund || word.ends_with("ing"))
        return false;
    for (std::size_t k = open; k < s.last && !doc.at(k).is_punct(',') && !doc.at(k).is_punct(';'); ++k)
        if (doc.at(k).has(lex::trigger | lex::predicate)) return false;
    return true;
}

} // namespace naqsha::extract
