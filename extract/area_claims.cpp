#include "extract/area_claims.hpp"

#include "extract/quantity.hpp"

#include <algorithm>
#include <cctype>

namespace naqsha::extract {
namespace {

bool control_word(const document& doc, std::size_t i) {
    static constexpr word_list words{{"control", "controls", "controlled", "controlling", "influence", "influences",
                                      "influenced", "seized", "captured", "hold", "holds", "held", "fell", "fallen", "overran",
                                      "overrun", "taken", "took", "contested", "active"}};
    return is_one_of(doc, i, words);
}

// "all of Badakhshan province", "the whole of Helmand", "the entire province", "all of Afghanistan",
// "the whole country": the token after the quantifier, or nothing when there is none.
std::optional<std::size_t> whole_of(const document& doc, std::size_t i, std::size_t last) {
    auto is = [&](std::size_t k, std::string_view w) { return k < last && doc.is(k, w); };
    std::size_t k = i;
    if (is(k, "all") && is(k + 1, "of")) k += 2;
    else if (is(k, "the") && (is(k + 1, "whole") || is(k + 1, "entire"))) k += is(k + 2, "of") ? 3u : 2u;
    else return std::nullopt;
    while (k < last && doc.at(k).has(lex::determiner)) ++k;
    if (k >= last) return std::nullopt;
    return k;
}

// "the whole of Helmand": the name is the province's own, and no "city" or "district" follows it
bool names_province(const document& doc, std::size_t k, const place_ref& province) {
    if (doc.is(k + 1, "city") || doc.is(k + 1, "district")) return false;
    auto word = doc.str(k);
    return word.size() >= 4 && province.name.size() >= word.size() &&
           std::equal(word.begin(), word.end(), province.name.begin(),
                      [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); });
}

// "Kabul has fallen", "Kabul fell to the Taliban", "the capital has fallen": the seat of the
// government falling is a claim about the whole country, whatever the Kabul district's own event.
bool capital_fell(const document& doc, std::size_t i, std::size_t last) {
    auto is = [&](std::size_t k, std::string_view w) { return k < last && doc.is(k, w); };
    if (!(is(i, "kabul") || (is(i, "capital") && i > 0 && doc.is(i - 1, "the")))) return false;
    if (is(i + 1, "province") || is(i + 1, "city")) return false;
    return is(i + 1, "fell") || (is(i + 1, "has") && is(i + 2, "fallen")) || (is(i + 1, "had") && is(i + 2, "fallen"));
}

std::optional<double> fraction_at(const document& doc, std::size_t i, std::size_t last) {
    auto is = [&](std::size_t k, std::string_view w) { return k < last && doc.is(k, w); };
    if (is(i, "two") && is(i + 1, "thirds")) return 200.0 / 3.0;
    if ((is(i, "a") || is(i, "one")) && is(i + 1, "third")) return 100.0 / 3.0;
    if (is(i, "half")) return 50.0;
    if ((is(i, "a") || is(i, "one")) && is(i + 1, "quarter")) return 25.0;
    if (is(i, "three") && is(i + 1, "quarters")) return 75.0;
    return std::nullopt;
}

} // namespace

area_claim_words find_area_claim_words(const document& doc, const sentence& s) {
    // one pass for both kinds of word; the whole area's have three to seven letters, compared by length first
    // (a share's word is one to the lexicon, whose flags the sentence holds; '%' is a mark)
    area_claim_words found;
    found.share = (s.flags & lex::share) != 0;
    // (each word compared by its folded stem, as document::is compares it, after its length: the
    // sentence's tokens need no bounds check)
    static constexpr std::uint64_t all = document::pack_word("all"), whole = document::pack_word("whole"),
                                   entire = document::pack_word("entire"), kabul = document::pack_word("kabul"),
                                   capital = document::pack_word("capital");
    const token* const tokens = doc.tokens().data();
    for (const token *t = tokens + s.first, *end = tokens + s.last; t != end && !(found.whole && found.share); ++t) {
        found.share = found.share || t->is_punct('%');
        if (found.whole) continue;
        switch (t->stem_size) {
        case 3: found.whole = t->folded == all; break;
        case 5: found.whole = t->folded == whole || t->folded == kabul; break;
        case 6: found.whole = t->folded == entire; break;
        case 7: found.whole = t->folded == capital; break;
        default: break;
        }
    }
    return found;
}

std::vector<area_claim> find_area_claims(const document& doc, const sentence& s, const area_claim_words& words,
                                         const std::optional<attribution>& source, const std::optional<place_ref>& province) {
    std::vector<area_claim> out;
    const std::size_t first = s.first, last = s.last;
    auto is = [&](std::size_t k, std::string_view w) { return k >= first && k < last && doc.is(k, w); };
    auto base = [&]() {
        area_claim c;
        c.text = std::string(doc.text().substr(s.begin, s.end - s.begin));
        c.source = source ? source->source : "";
        c.source_kind = source ? source->kind : attribution_kind::unattributed;
        c.offsets = {s.begin, s.end};
        return c;
    };
    // a side holding a whole province or the whole country: kept as a claim about the area, which
    // never paints the districts in it that no article names. Few sentences have the words for it,
    // and only those are read further.
    const bool whole = words.whole, worth = words.share;
    bool control = false;
    if (whole)
        for (std::size_t i = first; i < last && !control; ++i) control = control_word(doc, i);
    for (std::size_t i = first; i < last && control; ++i) {
        if (capital_fell(doc, i, last)) {
            area_claim c = base();
            c.scope = area_scope::country;
            c.percent = 100;
            out.push_back(std::move(c));
            return out;
        }
        auto k = whole_of(doc, i, last);
        if (!k) continue;
        area_claim c = base();
        c.percent = 100;
        if (is(*k, "country") || is(*k, "afghanistan")) {
            c.scope = area_scope::country;
        } else if (province && (is(*k, "province") || ((doc.at(*k).shape & place_name) &&
                                                        (is(*k + 1, "province") || names_province(doc, *k, *province))))) {
            c.scope = area_scope::province;
            c.province = province;
        } else {
            continue;
        }
        out.push_back(std::move(c));
        return out;
    }
    // only sentences that speak of districts or shares can hold such a claim
    if (!worth) return {};
    if (!whole)
        for (std::size_t i = first; i < last && !control; ++i) control = control_word(doc, i);
    for (std::size_t i = first; i < last; ++i) {
        // N of (the) M districts / N out of (Afghanistan's) M districts
        if (auto q = parse_quantity(doc, i, last); q && !q->vague) {
            std::size_t k = q->last;
            bool of = is(k, "of");
            if (is(k, "out") && is(k + 1, "of")) of = true, ++k;
            if (of) {
                ++k;
                while (k < last && (doc.at(k).has(lex::determiner) || (doc.at(k).shape & possessive))) ++k;
                if (k + 1 < last && doc.at(k).kind == token_kind::number && is(k + 1, "districts")) {
                    area_claim c = base();
                    c.districts = q->low;
                    c.of_districts = doc.at(k).value;
                    c.scope = area_scope::districts;
                    c.province = province;
                    out.push_back(std::move(c));
                    i = k + 1;
                    continue;
                }
            }
            // "N districts" under someone's control
            if (control && is(q->last, "districts") && q->low > 1) {
                area_claim c = base();
                c.districts = q->low;
                c.scope = area_scope::districts;
                c.province = province;
                out.push_back(std::move(c));
                i = q->last;
                continue;
            }
        }
        // brings to three the number of districts
        if (is(i, "brings") && is(i + 1, "to")) {
            if (auto q = parse_quantity(doc, i + 2, last); q && is(q->last, "the") && is(q->last + 1, "number") &&
                                                            is(q->last + 2, "of") && is(q->last + 3, "districts")) {
                area_claim c = base();
                c.districts = q->low;
                c.scope = area_scope::districts;
                c.province = province;
                out.push_back(std::move(c));
                i = q->last + 3;
                continue;
            }
        }
        // 56.3 percent of the country / two thirds of the country
        if (!control) continue;
        std::optional<double> pct;
        std::size_t k = i;
        if (doc.at(i).kind == token_kind::number && (is(i + 1, "percent") || (i + 1 < last && doc.at(i + 1).is_punct('%')))) {
            auto text = doc.str(i);
            pct = std::stod(std::string(text));
            k = i + 2;
        } else if (auto f = fraction_at(doc, i, last)) {
            pct = f;
            k = i + (is(i, "half") ? 1 : 2);
        }
        if (!pct || !is(k, "of")) continue;
        ++k;
        while (k < last && doc.at(k).has(lex::determiner)) ++k;
        area_claim c = base();
        c.percent = *pct;
        if (is(k, "districts")) c.scope = area_scope::districts;
        else if (is(k, "population") || is(k, "people")) c.scope = area_scope::population;
        else if (is(k, "territory") || is(k, "land")) c.scope = area_scope::territory;
        else c.scope = area_scope::country;
        if (is(k, "it") || is(k, "its")) c.scope = out.empty() ? area_scope::country : out.back().scope;
        out.push_back(std::move(c));
        i = k;
    }
    return out;
}

} // namespace naqsha::extract
