#include "extract/attribution.hpp"

#include <algorithm>

namespace naqsha::extract {
namespace {

// Whether any token of [first, last) is one of the words.
template <std::size_t N>
bool any(const document& doc, std::size_t first, std::size_t last, const word_list<N>& words) {
    for (std::size_t i = first; i < last; ++i)
        if (is_one_of(doc, i, words)) return true;
    return false;
}

// Speech verbs that take their speaker as subject.
bool speech_verb(const document& doc, std::size_t i) {
    // the bare "claim" and "say" are verbs only after their plural speaker: "the Taliban claim",
    // "officials say" (but "a claim", "their say")
    if ((doc.is(i, "claim") || doc.is(i, "say")) && i > 0) {
        const token& before = doc.at(i - 1);
        return before.kind == token_kind::word && !before.has(lex::determiner) &&
               (before.has(lex::side_word | lex::person | lex::source) || (before.shape & capitalized));
    }
    if (!doc.at(i).has(lex::speech)) return false;
    static constexpr word_list verbs{{"said", "says", "say", "told", "tells", "claimed", "claims", "claim", "added", "stated",
                                      "announced", "insisted", "noted", "reported", "reports", "placed", "put",
                                      "confirmed", "estimated", "shows", "show", "indicate", "indicates",
                                      "indicated"}};
    return is_one_of(doc, i, verbs);
}

// The words [a, b) after an inverted speech verb name its speaker: they open with a name, a
// determiner or a title before a name ("said provincial spokesman Abdul Karim"), hold no verb, and
// close the sentence or a comma's clause.
bool inverted_speaker(const document& doc, std::size_t a, std::size_t b, std::size_t last) {
    if (a >= b) return false;
    const token& opener = doc.at(a);
    if (opener.kind != token_kind::word) return false;
    bool named = (opener.shape & capitalized) || opener.has(lex::determiner);
    for (std::size_t k = a; k < b; ++k) {
        if (doc.at(k).has(lex::verb | lex::predicate | lex::relative | lex::aux) || doc.is(k, "that")) return false;
        if (k > a && doc.at(k).kind == token_kind::word && (doc.at(k).shape & capitalized) && !doc.at(k).has(lex::preposition))
            named = named || !doc.at(k - 1).has(lex::preposition | lex::determiner);
    }
    if (!named) return false;
    return b >= last || doc.at(b).is_punct('.') || doc.at(b).is_punct(',') || doc.at(b).is_punct(';');
}

} // namespace

attribution_kind source_kind(const document& doc, std::size_t first, std::size_t last) {
    static constexpr word_list taliban{{"taliban", "insurgent", "insurgents", "militant", "militants", "emirate", "group's",
                                        "isis", "daesh", "is-k"}};
    // the surnames of the Taliban's spokesmen, which officials bear too ("deputy governor Mohammad
    // Ali Ahmadi"): theirs unless an office is named ("Qari Yousuf Ahmadi, a spokesman" is theirs)
    static constexpr word_list spokesmen{{"mujahid", "ahmadi"}};
    static constexpr word_list offices{{"governor", "police", "army", "ministry", "minister", "director", "council", "chief",
                                        "commander", "deputy", "government", "provincial", "district", "official", "officials"}};
    static constexpr word_list local{{"residents", "resident", "villagers", "villager", "elders", "elder", "locals", "witnesses",
                                      "witness", "eyewitness", "eyewitnesses", "politicians", "lawmaker", "lawmakers", "mp",
                                      "tribal", "relatives", "family"}};
    static constexpr word_list official{{"official", "officials", "spokesman", "spokesperson", "spokeswoman", "governor", "police",
                                         "army", "ministry", "minister", "director", "council", "chief", "commander", "isaf", "nato",
                                         "coalition", "government", "provincial", "district", "deputy", "head", "administration",
                                         "hospital", "doctor", "doctors", "col", "gen", "maj", "lt", "forces", "force", "military",
                                         "authorities", "security", "assistance"}};
    static constexpr word_list media{{"agency", "news", "reports", "report", "afp", "ap", "reuters", "dpa", "efe", "ani", "xinhua",
                                      "tolonews", "pajhwok", "voa", "bbc", "media", "newspaper", "television", "tv", "press"}};
    if (any(doc, first, last, taliban)) return attribution_kind::taliban;
    if (any(doc, first, last, spokesmen) && !any(doc, first, last, offices)) return attribution_kind::taliban;
    if (any(doc, first, last, local)) return attribution_kind::local;
    if (any(doc, first, last, official)) return attribution_kind::official;
    if (any(doc, first, last, media)) return attribution_kind::media;
    return attribution_kind::other;
}

std::optional<attribution> find_attribution(const document& doc, const sentence& s, const std::optional<attribution>& previous) {
    const std::size_t first = s.first, last = s.last;
    auto is = [&](std::size_t i, std::string_view w) { return i >= first && i < last && doc.is(i, w); };
    auto make = [&](std::size_t a, std::size_t b) -> std::optional<attribution> {
        while (a < b && (doc.at(a).kind == token_kind::punct || doc.is(a, "but") || doc.is(a, "and") || doc.is(a, "meanwhile")))
            ++a;
        auto closes_abbreviation = [&](std::size_t k) { return doc.at(k).is_punct(')') && k >= a + 2 && doc.at(k - 2).is_punct('('); };
        while (b > a && (doc.at(b - 1).kind == token_kind::punct || doc.at(b - 1).has(lex::adverb)) && !closes_abbreviation(b - 1)) --b;
        if (a >= b) return std::nullopt;
        if (b - a == 1 && doc.at(a).has(lex::pronoun)) return previous; // he said
        attribution r;
        r.first = static_cast<std::uint32_t>(a);
        r.last = static_cast<std::uint32_t>(b);
        r.source = std::string(doc.span(a, b));
        r.kind = source_kind(doc, a, b);
        return r;
    };

    // according to X / as per X (reports)
    // The next token of [from, to) that may start what a loop below looks for, by a test of the token
    // alone: a search through the tokens with no index, where most tokens are passed over
    const token* const tokens = doc.tokens().data();
    auto next = [tokens](std::size_t from, std::size_t to, auto may_start) {
        return static_cast<std::size_t>(std::find_if(tokens + from, tokens + to, may_start) - tokens);
    };
    for (std::size_t i = first; i + 1 < last; ++i) {
        // ("according" is no word of the lexicon: its test cannot wait for a flag. The stem's length
        // is asked first, which spares the tests for nearly every token, the many conjunctions among
        // them.)
        i = next(i, last - 1, [](const token& t) { return t.stem_size == 9 || t.stem_size == 2; });
        if (i + 1 >= last) break;
        const token& w = tokens[i];
        const bool listed = w.has(lex::speech | lex::conjunction);
        const bool according = w.stem_size == 9 && (listed || w.end - w.begin == 9) && is(i, "according") && is(i + 1, "to");
        const bool per = listed && w.stem_size == 2 && is(i, "as") && is(i + 1, "per");
        if (!according && !per) continue;
        std::size_t a = i + 2, b = a;
        // (to the end of the source's noun phrase: "according to officials while the governor ...",
        // "according to an official source now stands at 94")
        while (b < last && b < a + 10 && !doc.at(b).is_punct(',') && !doc.at(b).is_punct('.') &&
               !doc.at(b).has(lex::verb | lex::predicate | lex::conjunction | lex::relative | lex::adverb | lex::aux) &&
               !(b > a && doc.at(b).has(lex::pronoun)) && !doc.is(b, "now"))
            ++b;
        // "according to Abdul Maruf Azar, the governor's spokesman": a name, then its role
        bool named = b > a;
        for (std::size_t k = a; k < b && named; ++k) named = doc.at(k).kind == token_kind::word && (doc.at(k).shape & capitalized);
        if (named && b + 1 < last && doc.at(b).is_punct(',') && doc.at(b + 1).has(lex::determiner)) {
            std::size_t role = b + 1;
            while (role < last && role < b + 8 && !doc.at(role).is_punct(',') && !doc.at(role).is_punct('.')) ++role;
            b = role;
        }
        if (auto r = make(a, b)) return r;
    }

    std::optional<attribution> found;
    static constexpr std::uint64_t claim = document::pack_word("claim"), say = document::pack_word("say");
    for (std::size_t v = first; v < last; ++v) {
        // (speech_verb's words, by a flag or a folded stem, before its tests)
        v = next(v, last, [](const token& t) { return t.has(lex::speech) || t.folded == claim || t.folded == say; });
        if (v == last) break;
        if (!speech_verb(doc, v)) continue;
        if (is(v, "placed") || is(v, "put")) {
            if (!(is(v + 1, "the") && (is(v + 2, "death") || is(v + 2, "toll") || is(v + 2, "number")))) continue;
        }
        // "were said to be among the dead", "were reported killed": no speaker
        std::size_t before = v; // past "also", "widely": "was also reported"
        while (before > first + 1 && doc.at(before - 1).has(lex::adverb)) --before;
        if (before > first && doc.at(before - 1).has(lex::aux) && !doc.is(before - 1, "has") && !doc.is(before - 1, "have") &&
            !doc.is(before - 1, "had"))
            continue;
        // nouns that look like verbs: "the claims", "militant claims", "intelligence reports"
        if ((is(v, "claims") || is(v, "claim") || is(v, "reports") || is(v, "report")) && v > first &&
            (doc.at(v - 1).has(lex::determiner) || (!(doc.at(v - 1).shape & capitalized) && !doc.at(v - 1).has(lex::person | lex::source))))
            continue;
        // "reports" is a verb only between a speaker and a clause: "the police chief reports the ..."
        if ((is(v, "reports") || is(v, "report")) &&
            (v + 1 >= last || doc.at(v + 1).has(lex::preposition | lex::speech) || doc.at(v + 1).kind == token_kind::punct))
            continue;
        // ("confirmed that", "confirmed the deaths", "confirmed only seven deaths": a figure confirmed)
        if (is(v, "confirmed")) {
            std::size_t c = v + 1;
            while (c < last && c < v + 4 && (doc.at(c).has(lex::adverb) || is(c, "at") || is(c, "least"))) ++c;
            const bool figure = c < last && (doc.at(c).kind == token_kind::number || doc.at(c).has(lex::number));
            if (!(is(v + 1, "that") || is(v + 1, "the") || figure)) continue;
        }
        if (claims_lives(doc, v)) continue; // "the blast claimed the lives of seven": a toll
        // "The Taliban claims responsibility and loses five gunmen": a deed owned, and what the
        // report tells after it is no claim of theirs ("claims responsibility by disclosing the
        // death of 58 officers" is)
        if ((is(v, "claimed") || is(v, "claims") || is(v, "claim")) && (is(v + 1, "responsibility") || is(v + 1, "credit")) &&
            is(v + 2, "and") && v + 3 < last && doc.at(v + 3).lemma && !doc.at(v + 3).has(lex::speech) &&
            (doc.at(v + 3).inflection == morph::inflection::past || doc.at(v + 3).inflection == morph::inflection::third_person))
            continue;
        // inverted: '"...," said Torres'
        auto closing_quote = [&](std::size_t k) { return doc.at(k).is_punct('"') || doc.at(k).is_punct('\''); };
        if (v > first && (closing_quote(v - 1) || doc.at(v - 1).is_punct(','))) {
            std::size_t b = v + 1;
            while (b < last && !doc.at(b).is_punct('.') && !doc.at(b).is_punct(',') && b < v + 9) ++b;
            // "said Jawad Hejri, a spokesman for the governor": the role after the name says who he is
            if (b + 1 < last && doc.at(b).is_punct(',') && (doc.is(b + 1, "a") || doc.is(b + 1, "the") || doc.is(b + 1, "an"))) {
                std::size_t role_end = b + 1;
                while (role_end < last && !doc.at(role_end).is_punct('.') && !doc.at(role_end).is_punct(',') && role_end < b + 12)
                    ++role_end;
                b = role_end;
            }
            if (v > first && closing_quote(v - 1)) {
                if (auto r = make(v + 1, b)) return r;
            }
            // "... fell after hours of fighting, said Ghulam Rabani, a council member": the speaker
            // after the verb, a name or a role with no verb of its own, up to where the sentence ends
            if (doc.at(v - 1).is_punct(',') && v + 1 < last && inverted_speaker(doc, v + 1, b, last))
                if (auto r = make(v + 1, b)) return r;
        }
        // the speaker before the verb: "officials said", "Zabihullah Mujahid, the Taliban spokesman,
        // said", "Jawad Hejri, a spokesman for the governor of Takhar province told AFP"
        auto segment_start = [&](std::size_t end_at) {
            std::size_t a = end_at;
            while (a > first) {
                const token& t = doc.at(a - 1);
                // "the Ministry of Defense (MoD) said": past the speaker's abbreviation
                if (t.is_punct(')') && a >= first + 3 && doc.at(a - 3).is_punct('(') && doc.at(a - 2).kind == token_kind::word &&
                    (doc.at(a - 2).shape & capitalized)) {
                    a -= 3;
                    continue;
                }
                if (t.is_punct(',') || t.is_punct('"') || t.is_punct(';') || t.is_punct('(') || t.is_punct(')')) break;
                if (t.has(lex::relative) || doc.is(a - 1, "that")) break;
                if (t.has(lex::predicate) || (t.has(lex::verb) && !t.has(lex::speech))) break;
                if (end_at - a >= 14) break;
                --a;
            }
            return a;
        };
        auto name_segment = [&](std::size_t comma) -> std::size_t {
            // capitalised words (a name) right before a comma, opening the clause
            // (a place is no name: "a day after capturing Guzara and Karukh, officials said")
            std::size_t a = comma;
            while (a > first && doc.at(a - 1).kind == token_kind::word && (doc.at(a - 1).shape & capitalized) &&
                   !(doc.at(a - 1).shape & place_name) && !doc.at(a - 1).has(lex::conjunction | lex::adverb) && comma - a < 5)
                --a;
            if (a == comma) return comma;
            bool opens = a == first || doc.at(a - 1).is_punct(',') || doc.at(a - 1).is_punct('"') ||
                         doc.at(a - 1).has(lex::conjunction | lex::adverb) || doc.is(a - 1, "meanwhile");
            return opens ? a : comma;
        };
        std::size_t a = v, b = v;
        if (v > first && doc.at(v - 1).is_punct(',')) {
            // "Name, role, said"
            std::size_t role = segment_start(v - 1);
            if (role > first && doc.at(role - 1).is_punct(',')) {
                std::size_t n = name_segment(role - 1);
                a = n < role - 1 ? n : role;
            } else {
                a = role;
            }
            b = v - 1;
        } else {
            a = segment_start(v);
            if (a > first + 1 && doc.at(a - 1).is_punct(',')) {
                std::size_t n = name_segment(a - 1);
                if (n < a - 1) a = n;
            }
        }
        if (auto r = make(a, b)) {
            if (!found) found = r;
            if (found->kind == attribution_kind::media && r->kind != attribution_kind::media) found = r;
        } else if (v == first || (v > first && doc.at(v - 1).is_punct('"'))) {
            if (previous && !found) found = previous;
        }
        // the medium someone told: "told AFP news agency", "told VOA"
        if (found && (is(v, "told") || is(v, "tells"))) {
            std::size_t m = v + 1;
            while (m < last && m < v + 4 && doc.at(m).kind == token_kind::word && !doc.at(m).has(lex::preposition | lex::relative) &&
                   !doc.is(m, "that"))
                ++m;
            if (m > v + 1) found->source += " (" + std::string(doc.span(v + 1, m)) + ")";
        }
    }
    return found;
}

} // namespace naqsha::extract
