#include "extract/abroad.hpp"

#include "extract/quiet_clause.hpp"

#include <algorithm>

namespace naqsha::extract {
namespace {

// Prepositions that say where something happens.
bool locative_preposition(const document& doc, std::size_t i) {
    return doc.is(i, "in") || doc.is(i, "at") || doc.is(i, "inside") || doc.is(i, "within") || doc.is(i, "near") || doc.is(i, "into");
}

// Nouns of places and posts that a nationality adjective locates: "a Pakistani military post",
// "the Pakistani city of Quetta", "on Iranian soil".
constexpr word_list place_like_words{{"post", "posts", "outpost", "outposts", "checkpoint", "checkpoints", "base",
                                      "city", "town", "village", "territory", "side", "soil", "region", "province",
                                      "district", "area", "camp", "camps"}};
bool place_like(const document& doc, std::size_t i) { return is_one_of(doc, i, place_like_words); }

// "Pakistan's tribal areas", "the Khyber tribal district", "Bajaur Agency": Pakistan's former
// Federally Administered Tribal Areas, whatever name stands before them.
constexpr word_list tribal_words{{"area", "areas", "region", "regions", "belt", "agency", "agencies", "district", "districts"}};
bool tribal_area(const document& doc, std::size_t i, std::size_t last) {
    if (doc.is(i, "tribal") && i + 1 < last && is_one_of(doc, i + 1, tribal_words)) return true;
    return doc.is(i, "agency") && (doc.at(i).shape & capitalized) && i > 0 && (doc.at(i - 1).shape & capitalized);
}

// Adjectives that stand inside a place's noun phrase: "in Pakistan's restive northwest".
constexpr word_list place_adjectives{{"northwest", "northwestern", "northeast", "northeastern", "southwest",
                                      "southwestern", "southeast", "southeastern", "neighbouring", "neighboring",
                                      "restive", "troubled", "tribal", "remote", "volatile", "lawless", "mountainous",
                                      "border", "nearby"}};
bool place_adjective(const document& doc, std::size_t i) { return is_one_of(doc, i, place_adjectives); }

// "in the 19th arrondissement of Paris", "in the suburbs of Peshawar": a word the lexicon does not
// know before "of", which names a part of the place after it.
bool part_of_a_place(const document& doc, std::size_t i) {
    const token& t = doc.at(i);
    return t.kind == token_kind::word && t.flags == 0 && !(t.shape & capitalized) && doc.is(i + 1, "of");
}

// Whether the noun phrase holding token i stands where something happens: walk back over its
// determiners, place words and names (and the "of" of "the city of") to the preposition that
// governs it. "The Islamic Movement of Uzbekistan" is no place: its "of" follows no place word.
bool in_locative_phrase(const document& doc, const sentence& s, std::size_t i) {
    std::size_t k = i;
    while (k > s.first) {
        const token& t = doc.at(k - 1);
        if (locative_preposition(doc, k - 1)) return true;
        bool inside = t.kind == token_kind::word && !t.has(lex::verb | lex::predicate | lex::trigger | lex::person) &&
                      (t.has(lex::determiner | lex::place_noun) || (t.shape & capitalized) || place_adjective(doc, k - 1) ||
                       (doc.is(k - 1, "of") && k >= 2 && (doc.at(k - 2).has(lex::place_noun) || part_of_a_place(doc, k - 2))));
        if (t.is_punct(',') && k >= 2 && (doc.at(k - 2).shape & capitalized)) inside = true; // "in Rawalpindi, Pakistan"
        if (part_of_a_place(doc, k - 1) || (t.shape & ordinal_suffix)) inside = true;
        if (!inside) return false;
        --k;
    }
    return false;
}

// Police and courts act on their own country's ground: "Austrian police arrest an Afghan man",
// "a German court", "British prosecutors". (The nations whose troops fought in Afghanistan keep their
// soldiers a party to the war; only their police and courts are placed at home.)
constexpr word_list home_institutions{{"police", "policemen", "court", "courts", "prosecutors", "prosecutor", "judge", "judges"}};
constexpr word_list nationalities{{"australian", "austrian", "german", "french", "british", "swedish", "swiss", "dutch",
                                   "belgian", "danish", "norwegian", "finnish", "italian", "spanish", "greek", "turkish",
                                   "hungarian", "bulgarian", "serbian", "croatian", "bosnian", "polish", "czech", "irish",
                                   "canadian", "american", "indonesian", "indian", "russian", "japanese", "english", "scottish"}};
bool home_institution_abroad(const document& doc, const sentence& s) {
    for (std::size_t i = s.first + 1; i < s.last; ++i) {
        if (!is_one_of(doc, i, home_institutions)) continue;
        std::size_t k = i - 1;
        // "Australian federal police", "German state prosecutors"
        if (k > s.first && (doc.is(k, "federal") || doc.is(k, "state") || doc.is(k, "regional") || doc.is(k, "local"))) --k;
        if (is_one_of(doc, k, nationalities)) return true;
    }
    return false;
}

} // namespace

bool begins_foreign_name(const document& doc, std::size_t first, std::size_t end, std::size_t sentence_last,
                         const gazetteer::gazetteer& gaz) {
    for (std::size_t n = end + 1; n <= std::min(first + 3, sentence_last); ++n) {
        const token& last = doc.at(n - 1);
        if (last.kind != token_kind::word || !(last.shape & capitalized) || (doc.at(n - 2).shape & possessive)) return false;
        if (gaz.foreign_place(doc.text().substr(doc.at(first).begin, last.end - last.suffix - doc.at(first).begin))) return true;
    }
    return false;
}

bool names_place_abroad(const document& doc, const sentence& s, const gazetteer::gazetteer& gaz) {
    // "Afghan and Pakistani forces exchange fire": a clash on the border, which Afghan forces fought
    static constexpr word_list forces{{"forces", "troops", "soldiers", "army", "police", "security", "border", "guards"}};
    // (the passes below look for their words by each token's folded stem, as document::is compares
    // them, in a search through the tokens with no index to keep)
    static constexpr std::uint64_t afghan = document::pack_word("afghan"), asylum = document::pack_word("asylum"),
                                   border = document::pack_word("border"), frontier = document::pack_word("frontier");
    const token* const tokens = doc.tokens().data();
    bool afghan_party = false;
    for (std::size_t i = s.first; i + 1 < s.last && !afghan_party; ++i) {
        i = static_cast<std::size_t>(std::find_if(tokens + i, tokens + s.last - 1, [](const token& t) { return t.folded == afghan; }) -
                                     tokens);
        if (i + 1 >= s.last) break;
        afghan_party = (is_one_of(doc, i + 1, forces) || (doc.is(i + 1, "and") && i + 2 < s.last)) &&
                       // ("the Afghan border" is no party; "Afghan border guards" are)
                       !(doc.is(i + 1, "border") && !(i + 2 < s.last && is_one_of(doc, i + 2, forces)));
    }
    if (home_institution_abroad(doc, s)) return true;
    // "police arrested a 17-year-old asylum seeker in Freiburg": those who seek asylum are abroad
    // (the caller asks only where no Afghan place is named)
    if (std::any_of(tokens + s.first, tokens + s.last, [](const token& t) { return t.folded == asylum; })) return true;
    // "close to the Afghan border", "near the border with Afghanistan": a place told by its
    // distance from Afghanistan lies outside it (the caller asks only where no Afghan place is named)
    for (std::size_t i = s.first + 2; i + 1 < s.last; ++i) {
        i = static_cast<std::size_t>(
            std::find_if(tokens + i, tokens + s.last - 1, [](const token& t) { return t.folded == border || t.folded == frontier; }) -
            tokens);
        if (i + 1 >= s.last) break;
        const bool afghan_border = doc.is(i - 1, "afghan") ||
                                   (doc.is(i + 1, "with") && i + 2 < s.last && doc.is(i + 2, "afghanistan"));
        std::size_t k = doc.is(i - 1, "afghan") ? i - 1 : i;
        if (k > s.first && doc.is(k - 1, "the")) --k;
        const bool near = k > s.first && (doc.is(k - 1, "near") || doc.is(k - 1, "along") ||
                                          (doc.is(k - 1, "to") && k >= s.first + 2 && doc.is(k - 2, "close")));
        if (afghan_border && near && !afghan_party) return true;
    }
    for (std::size_t i = s.first; i < s.last; ++i) {
        const token& t = doc.at(i);
        if (t.kind != token_kind::word) continue;
        if (tribal_area(doc, i, s.last) && in_locative_phrase(doc, s, i)) return true;
        if (!(t.shape & capitalized) || (t.shape & boiler)) continue;
        // a name the lexicon knows ("The", "Taliban", "Police") is no foreign place; "North" may begin one
        if (t.flags != 0 && !t.has(lex::place_noun)) continue;
        // the longest run of up to three capitalised words from here that names a foreign place
        std::size_t found = 0;
        for (std::size_t n = 3; n >= 1 && !found; --n) {
            if (i + n > s.last) continue;
            bool run = true;
            for (std::size_t k = i + 1; k < i + n && run; ++k)
                run = doc.at(k).kind == token_kind::word && (doc.at(k).shape & capitalized) && !(doc.at(k - 1).shape & possessive);
            if (!run) continue;
            const token& end = doc.at(i + n - 1);
            if (gaz.foreign_place(doc.text().substr(doc.at(i).begin, end.end - end.suffix - doc.at(i).begin))) found = n;
        }
        if (!found || in_quiet_clause(doc, s, i)) continue;
        // "a district near the Tajik border", "along the Pakistani frontier": the line between the
        // countries is where an Afghan place lies, not a place abroad ("the Iranian border town of
        // Zahedan" is one, and "Iranian border guards" are on their side of it)
        if (const std::size_t after = i + found; after < s.last && (doc.is(after, "border") || doc.is(after, "frontier")) &&
            !(after + 1 < s.last && (place_like(doc, after + 1) || doc.at(after + 1).has(lex::person)))) {
            i = after;
            continue;
        }
        if (in_locative_phrase(doc, s, i)) return true;
        // "a Pakistani military post", "the Iranian border town of Zahedan"; and, where no Afghan
        // place is named, "ten Pakistan Army soldiers died": another country's forces on its ground
        for (std::size_t k = i + found; k < std::min<std::size_t>(s.last, i + found + 3); ++k) {
            if (place_like(doc, k)) return true;
            const token& w = doc.at(k);
            if (w.has(lex::person) && w.side == lex::side::security && !afghan_party) return true;
            if (w.kind != token_kind::word || w.has(lex::verb | lex::predicate | lex::preposition)) break;
        }
        i += found - 1;
    }
    return false;
}

} // namespace naqsha::extract
