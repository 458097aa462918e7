#include "extract/mentions.hpp"

#include "extract/dates.hpp"
#include "extract/territory.hpp"

#include <algorithm>
#include <array>

namespace naqsha::extract {
namespace {

constexpr std::uint64_t not_modifier = lex::determiner | lex::pronoun | lex::preposition | lex::conjunction | lex::aux |
                                       lex::adverb | lex::predicate | lex::speech | lex::negation | lex::relative |
                                       lex::intent | lex::time_word | lex::modifier | lex::number | lex::vague |
                                       lex::month | lex::weekday | lex::verb | lex::title_word;

// "hostage", "captive", "prisoner": what people taken or held are made ("took 20 passengers hostage")
bool hostage_word(const document& doc, std::size_t k) {
    static constexpr word_list words{{"hostage", "hostages", "captive", "prisoner", "prisoners"}};
    return is_one_of(doc, k, words);
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() + 2 && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

class parser {
public:
    parser(const document& d, const sentence& s)
        : doc(d), tokens_(d.tokens().data()), first(s.first), last(s.last), size_(last - first), flags(s.flags) {}

    sentence_analysis run(bool full, sentence_cues* cues) {
        sentence_flags();
        if (apposition) described_by_what_befell(apposition);
        find_triggers();
        read_reaction_frame();
        if (cues) {
            cues->analysis = out;
            cues->clauses = clauses;
            cues->reaction = reaction;
            cues->denied = denied;
        }
        return rest(full);
    }

    // run(true) from what run() kept after its first steps (which add no people, so the phrase
    // indices start empty either way)
    sentence_analysis resume(sentence_cues cues) {
        out = std::move(cues.analysis);
        clauses = std::move(cues.clauses);
        reaction = cues.reaction;
        denied = cues.denied;
        return rest(true);
    }

    sentence_analysis rest(bool full) {
        if (full) {
            find_phrases();
            if (flags & lex::predicate)
                for (std::size_t p = first; p < last; ++p) {
                    if (doc.at(p).has(lex::predicate)) predicate(p);
                }
            special_predicates();
            hurt_before_their_noun();
        }
        no_one_inflicted();
        earlier_clauses();
        totals();
        if (out.aggregate || out.period) latest_of_many();
        reaction_frame();
        return std::move(out);
    }

    // "Twenty policemen have been killed in attacks over the past day, with eight killed in the
    // latest attack in Kandahar": the period's total is nobody's figure, but the one incident it
    // singles out is an incident, with its own figure
    void latest_of_many() {
        auto singled_out = [&](const casualty_mention& m) {
            for (std::size_t k = m.predicate + 1; k + 3 < last && k < m.predicate + 4u; ++k) {
                if (!is(k, "in") || !is(k + 1, "the")) continue;
                std::size_t w = k + 2;
                if (is(w, "most")) ++w;
                if (!(is(w, "latest") || is(w, "last") || is(w, "recent") || is(w, "deadliest"))) return false;
                for (std::size_t t = w + 1; t < last && t < w + 4; ++t)
                    if (tk(t).has(lex::trigger) && !tk(t).has(lex::plural | lex::verb)) return true;
                return false;
            }
            return false;
        };
        if (std::none_of(out.casualties.begin(), out.casualties.end(), singled_out)) return;
        std::erase_if(out.casualties, [&](const casualty_mention& m) { return !singled_out(m); });
        out.aggregate = false;
    }

    // A disaster or an accident ("an earthquake kills 12", "a helicopter crash killed eight") is no
    // violence, unless the sentence also tells of an attack; a trial's crime ("sentenced ... for the
    // killing of a journalist") is an older incident, recalled.
    void no_one_inflicted() {
        natural_death();
        deeds_executed();
        bool hostile = std::any_of(out.triggers.begin(), out.triggers.end(), [](const trigger_word& t) {
            return t.kind != lex::event_kind::crash && t.kind != lex::event_kind::operation && !t.generic;
        });
        bool crash = std::any_of(out.triggers.begin(), out.triggers.end(), [](const trigger_word& t) {
            return t.kind == lex::event_kind::crash;
        });
        if ((out.mishap || crash) && !hostile) {
            // the dead and hurt of a mishap; people detained beside it were detained all the same
            if (crash && !out.mishap) {
                std::copy_if(out.casualties.begin(), out.casualties.end(), std::back_inserter(out.crash_harm),
                             [](const casualty_mention& m) { return m.field != lex::field::captured; });
                std::copy_if(out.triggers.begin(), out.triggers.end(), std::back_inserter(out.crash_words),
                             [](const trigger_word& t) { return t.kind == lex::event_kind::crash; });
            }
            std::erase_if(out.casualties, [](const casualty_mention& m) { return m.field != lex::field::captured; });
            std::erase_if(out.triggers, [](const trigger_word& t) { return t.kind == lex::event_kind::crash; });
            out.mishap = true;
        }
        if (out.judicial) {
            for (auto& t : out.triggers) t.generic = true;
            for (auto& m : out.casualties) m.recalled = true;
        }
    }

    // "35 wounded people were brought to the hospital", "two injured soldiers were evacuated": a
    // counted phrase whose own modifier says they were hurt tells so, unless something else the
    // sentence says befell them counts them ("killed two injured policemen")
    void hurt_before_their_noun() {
        for (std::uint32_t idx = 0; idx < out.phrases.size(); ++idx) {
            const auto& ph = out.phrases[idx];
            if (!ph.count || ph.pronoun || ph.name) continue;
            std::size_t hurt = ph.head;
            for (std::size_t k = ph.count->last; k < ph.head; ++k)
                if (tk(k).has(lex::predicate) && tk(k).field == lex::field::wounded && tk(k).form == lex::form::participle) hurt = k;
            if (hurt == ph.head) continue;
            bool counted = std::any_of(out.casualties.begin(), out.casualties.end(), [idx](const casualty_mention& m) {
                return std::find(m.phrases.begin(), m.phrases.end(), idx) != m.phrases.end();
            });
            if (counted) continue;
            casualty_mention m;
            m.field = lex::field::wounded;
            m.predicate = static_cast<std::uint32_t>(hurt);
            m.phrases.push_back(idx);
            emit(std::move(m));
        }
    }

    // "execute" carries out a deed ("executes tactical operations", "executed the attack") or puts
    // someone to death ("executes a hostage"): its object tells which. A deed carried out kills no
    // one, and "executes operations" is a leader's record, as "plans attacks" is.
    void deeds_executed() {
        static const std::uint16_t execute = lex::lemma_id("execute");
        for (std::size_t n = out.casualties.size(); n-- > 0;) {
            const std::size_t i = out.casualties[n].predicate;
            if (!doc.lemma_is(i, execute)) continue;
            bool deed = false;
            for (std::size_t k = i + 1; k < last && k < i + 6 && !deed; ++k) {
                if (tk(k).kind == token_kind::punct || tk(k).has(lex::preposition | lex::verb)) break;
                static constexpr word_list deeds{{"operations", "operation", "missions", "mission", "plans", "plan",
                                                  "orders", "order", "attacks", "attack", "raids", "raid", "ambushes", "ambush"}};
                deed = is_one_of(doc, k, deeds);
            }
            if (!deed) continue;
            if (is(i, "executes")) out.descriptive = true;
            out.casualties.erase(out.casualties.begin() + static_cast<std::ptrdiff_t>(n));
        }
    }

    // "died of a heart attack", "dies at the age of 80", "died aged 87", "died of natural causes", "died
    // of extreme cold" (an illness is the lexicon's): a death no one inflicted. The heart's attack is
    // no attack.
    void natural_death() {
        static const std::uint16_t die = lex::lemma_id("die");
        for (const auto& m : out.casualties) {
            const std::size_t i = m.predicate;
            if (!doc.lemma_is(i, die)) continue;
            for (std::size_t k = i + 1; k < last && k < i + 6; ++k) {
                const bool heart = is(k, "heart") && (is(k + 1, "attack") || is(k + 1, "failure"));
                // "died of extreme cold", "died of exposure", "died from hunger": the weather's or want's
                const bool want = (is(k - 1, "of") || is(k - 2, "of") || is(k - 1, "from") || is(k - 2, "from")) &&
                                  (is(k, "cold") || is(k, "weather") || is(k, "freezing") || is(k, "exposure") ||
                                   is(k, "hypothermia") || is(k, "hunger") || is(k, "starvation") || is(k, "thirst") ||
                                   is(k, "dehydration") || is(k, "heatstroke"));
                if (heart || want || is(k, "aged") || (is(k, "age") && is(k - 1, "the")) ||
                    (is(k, "natural") && is(k + 1, "causes")) || (is(k, "old") && is(k + 1, "age"))) {
                    out.mishap = true;
                    if (heart) std::erase_if(out.triggers, [&](const trigger_word& t) { return t.at == k + 1; });
                    return;
                }
                if (tk(k).kind == token_kind::punct) break;
            }
        }
    }

private:
    const document& doc;
    // doc's tokens, read here with one load less than through doc: most of a pass's reads follow a
    // call or a store that makes the compiler load the pointer again
    const token* tokens_;
    std::size_t first, last;
    std::size_t size_; // last - first: in() tests an index with one compare
    std::uint64_t flags; // the sentence's lexicon flags: a pass for words of a kind it lacks is spared
    static constexpr std::size_t inline_tokens = 160;
    std::array<int, 2 * inline_tokens> stack_;
    std::vector<int> heap_;
    int* starts = nullptr; // phrase starting at each token (none before the first phrase: index_phrases)
    int* ends = nullptr;   // phrase ending (last token) at each token
    sentence_analysis out;
    // what the closing passes read of the tokens alone, the same with or without the people (found
    // by run, kept in the cues for resume): the clauses that may tell of older incidents
    // (sentence_flags) and the main verb's reaction (read_reaction_frame)
    std::vector<earlier_clause> clauses;
    // the first ", a" or ", an" of the sentence (", a nurse kidnapped in 2012,"), found by
    // sentence_flags and read by run for what befell someone named; 0 for none
    std::uint32_t apposition = 0;
    bool reaction = false, denied = false;

    const token& tk(std::size_t i) const { return tokens_[i]; }
    bool in(std::size_t i) const { return i - first < size_; } // an index below first wraps round
    // document::is, with its one-compare path for a word of up to eight bytes written here: GCC
    // leaves document::is out of line in this file's large functions (find_phrases asked half a
    // million times on the bench articles), where the call costs more than the compare
    [[gnu::always_inline]] bool is(std::size_t i, std::string_view w) const {
        if (!in(i)) return false;
        if (w.size() > 8) return doc.is(i, w);
        const token& t = tk(i);
        return t.stem_size == w.size() && t.folded == document::pack_word(w);
    }
    bool has(std::size_t i, std::uint64_t f) const { return in(i) && tk(i).has(f); }
    // The first token from `from` on in the sentence that may_start accepts, else last: a pass's
    // first test of the token alone passes over most tokens, in a search with no index to keep
    template <class Test>
    std::size_t next_token(std::size_t from, Test may_start) const {
        return static_cast<std::size_t>(std::find_if(tokens_ + from, tokens_ + last, may_start) - tokens_);
    }
    bool punct(std::size_t i, char c) const { return in(i) && tk(i).is_punct(c); }
    // "(ALP)", "(NDS)": an abbreviation in brackets at i, after the name it shortens, adds nothing
    // to the phrase around it
    bool abbreviation_at(std::size_t i) const { return punct(i, '(') && punct(i + 2, ')') && (tk(i + 1).shape & all_caps); }
    // whether the phrase ending at token j, before an abbreviation, is people who can be a subject:
    // "soldiers of the Afghan National Army (ANA)", not an organisation's name ("aid workers
    // representing Médecins Sans Frontières (MSF)")
    bool people_abbreviated(std::size_t j) const {
        int p = phrase_ending(j);
        return p >= 0 && !out.phrases[static_cast<std::size_t>(p)].name;
    }
    int phrase_starting(std::size_t i) const { return in(i) && starts ? starts[i - first] : -1; }
    int phrase_ending(std::size_t i) const { return in(i) && ends ? ends[i - first] : -1; } // i = last token

    // The phrase indices by token, all -1, made when the sentence's first phrase is added: many
    // sentences name no one, and filling two ints a token for each cost more than the check.
    void index_phrases() {
        const std::size_t n = last - first;
        if (n > inline_tokens) { // on the heap for a long sentence
            heap_.assign(2 * n, -1);
            starts = heap_.data();
        } else {
            std::fill(stack_.begin(), stack_.begin() + static_cast<std::ptrdiff_t>(2 * n), -1);
            starts = stack_.data();
        }
        ends = starts + n;
    }

    int add_phrase(person_phrase ph) {
        if (!starts) index_phrases();
        out.phrases.push_back(ph);
        int idx = static_cast<int>(out.phrases.size() - 1);
        if (starts[ph.first - first] < 0) starts[ph.first - first] = idx;
        ends[ph.last - 1 - first] = idx;
        return idx;
    }

    // ---- sentence-level cues -------------------------------------------------------------
    void sentence_flags() {
        bool perfect = false;
        // ", making 2009 the deadliest year since the invasion": a comment after the news, whose
        // "since" or "this year" is not the news's
        std::size_t comment = last;
        for (std::size_t i = first + 1; i < last && comment == last; ++i) {
            i = next_token(i - 1, [](const token& t) { return t.is_punct(','); }) + 1; // the word after the next comma
            if (i >= last) break;
            if (!apposition && (is_word(doc, i, "a") || is_word(doc, i, "an"))) apposition = static_cast<std::uint32_t>(i);
            if (tk(i).kind != token_kind::word || (tk(i).shape & capitalized) || tk(i).has(lex::predicate | lex::trigger)) continue;
            auto w = doc.stem(i);
            if (w.size() > 5 && w.substr(w.size() - 3) == "ing") comment = i;
        }
        // ", revealing that 39 civilians had been killed since 2009": a figure of its own, with its own cues
        for (std::size_t i = comment; i < last && comment < last; ++i)
            if (tk(i).has(lex::predicate)) comment = last;
        for (std::size_t i = first; i < last; ++i) {
            const token& t = tk(i);
            // every cue below is a function word, a time word or a description
            constexpr std::uint64_t cues = lex::aux | lex::preposition | lex::conjunction | lex::determiner | lex::time_word |
                                           lex::descriptive | lex::mishap | lex::judicial;
            if (!t.has(cues | lex::relative)) continue;
            if (i > first) earlier_clause_at(i);
            if (t.kind != token_kind::word || !t.has(cues)) continue;
            // "22 insurgents believed to be members of the Taliban are killed": who the dead were
            // thought to be, which describes no record of theirs
            bool identity = is(i, "believed") && is(i + 1, "to") && is(i + 2, "be");
            if (t.has(lex::descriptive) && !t.has(lex::side_word) && !identity) out.descriptive = true;
            if (t.has(lex::mishap) && !weather_after_fighters(i) && !(is(i, "crush") && !is(i - 1, "a") && !is(i - 1, "the")))
                out.mishap = true;
            if (t.has(lex::conjunction) && (is(i, "while") || is(i, "whereas"))) out.while_clause = true;
            if (t.has(lex::judicial)) judicial_cue(i);
            if (i >= comment) continue;
            // the cue words have 2 to 10 letters; the length picks the few checks worth making
            switch (t.end - t.begin - t.suffix) {
            case 2:
                if (is(i, "so") && is(i + 1, "far") && !ranked_so_far(i)) out.aggregate = true;
                if (is(i, "to") && is(i + 1, "date")) out.aggregate = true;
                if (is(i, "in")) recent_or_past(i);
                if (is(i, "of")) charged(i);
                // "arrested on 15 charges, including assault": a court's business
                if (is(i, "on") && (is(i + 1, "charges") || (tk(i + 1).kind == token_kind::number && is(i + 2, "charges"))))
                    out.judicial = true;
                break;
            case 3:
                if (is(i, "has")) perfect = true;
                if (is(i, "per")) every(i);
                if (is(i, "for")) charged(i), held_for_a_plan(i);
                break;
            case 4:
                if (is(i, "have")) perfect = true;
                if (is(i, "with")) charged(i);
                if (is(i, "thus") && is(i + 1, "far")) out.aggregate = true;
                if (is(i, "over")) recent_or_past(i);
                if (is(i, "from")) years_apart(i, "to");
                if (is(i, "each")) every(i);
                break;
            case 5:
                if (is(i, "since") && in(i + 1) && !in_relative_clause(i) && !compares_since(i) && !since_it_began(i)) {
                    const token& n = tk(i + 1);
                    if (n.has(lex::month | lex::weekday) || n.kind == token_kind::number || is(i + 1, "the") ||
                        is(i + 1, "last") || is(i + 1, "early") || is(i + 1, "late") || is(i + 1, "then"))
                        out.aggregate = true;
                }
                if (is(i, "every")) every(i);
                break;
            case 6:
                if (is(i, "during")) recent_or_past(i), during_year(i);
                // "attacks across the country": a trend, unless the sentence counts its dead, which
                // coders take as one incident of the whole country
                if (is(i, "across") &&
                    (is(i + 1, "afghanistan") || (is(i + 1, "the") && (is(i + 2, "country") || is(i + 2, "region")))))
                    out.nationwide = true;
                if (is(i, "linked") || is(i, "wanted")) record_of(i);
                break;
            case 7:
                if (is(i, "between")) years_apart(i, "and");
                break;
            case 8:
                if (is(i, "previous") && is(i + 1, "year")) out.aggregate = true;
                break;
            case 9:
                if (is(i, "suspected")) record_of(i);
                break;
            case 10:
                if (is(i, "associated")) record_of(i);
                if (is(i, "throughout")) during_year(i);
                break;
            default:
                break;
            }
        }
        // "has killed 180 people this week": a total over a period, nobody's figure
        if (perfect)
            for (std::size_t i = first; i + 1 < last; ++i)
                if (names_period(i)) out.aggregate = true;
    }

    // The verb that bears the harm noun at p ("sustained", "suffered", "received" injuries, past at
    // most two adjectives: "sustained serious bullet injuries"), or p for none.
    // "sustained", "suffered", "received" (injuries, wounds): a verb whose subject was hurt
    bool bears_harm(std::size_t k) const {
        return is(k, "sustained") || is(k, "suffered") || is(k, "received") || is(k, "sustain") || is(k, "suffer") ||
               is(k, "sustains") || is(k, "suffers");
    }
    std::size_t bearing_verb(std::size_t p) const {
        for (std::size_t v = p; v > first && v + 3 > p; --v) {
            if (bears_harm(v - 1)) return v - 1;
            if (tk(v - 1).kind != token_kind::word || tk(v - 1).flags != 0) return p;
        }
        return p;
    }

    // "Gunmen killed five policemen amid heavy snow": the weather told after armed men's deed is when
    // it happened, not what killed ("heavy snow killed 12 Taliban fighters" still is)
    bool weather_after_fighters(std::size_t i) const {
        static constexpr word_list weather{{"snow", "snowfall", "weather", "rainfall", "downpour"}};
        if (!is_one_of(doc, i, weather)) return false;
        for (std::size_t k = first; k < i; ++k) {
            const token& t = tk(k);
            if (names_insurgents(t)) return true;
        }
        return false;
    }

    // A word of justice at token i: a trial, a sentence, a ruling. "Jailed for life" is a court's;
    // "from a Taliban jail" names a place. (Out of line: rare, and sentence_flags' pass is over
    // every token.)
    [[gnu::noinline]] void judicial_cue(std::size_t i) {
        static const std::uint16_t rule = lex::lemma_id("rule");
        if (is(i, "jail") && i > first && !is(i - 1, "to")) return;
        if (tk(i).lemma == rule && !court_before(i)) return;
        out.judicial = true;
    }

    // "The European Court of Human Rights rules that he was a victim", "a judge ruled": a court's
    // ruling tells of what was done before it, as a trial does; "the Taliban ruled Afghanistan" is
    // no ruling
    bool court_before(std::size_t i) const {
        static constexpr word_list bench{{"court", "tribunal", "judge", "judges", "justices"}};
        for (std::size_t k = i; k > first && k + 7 > i; --k) {
            if (tk(k - 1).kind != token_kind::word) return false;
            if (is_one_of(doc, k - 1, bench)) return true;
        }
        return false;
    }

    // "arrested for attempting to join the Taliban", "for trying to travel to Afghanistan": held for
    // what a court will try, a plan to join or aid a group abroad, which is no incident of the war
    [[gnu::noinline]] void held_for_a_plan(std::size_t i) {
        static constexpr word_list attempt{{"attempting", "trying", "plotting", "conspiring", "planning"}};
        static constexpr word_list aid{{"join", "travel", "support", "provide", "fight", "aid"}};
        if (is_one_of(doc, i + 1, attempt) && is(i + 2, "to") && is_one_of(doc, i + 3, aid)) out.judicial = true;
    }

    // "charged with assault", "faces charges of murder", "charges for the attack": a court's
    // business, like a trial's, about an incident told before (not "in charge of")
    void charged(std::size_t i) {
        if (i == first) return;
        if (is(i, "with") ? is(i - 1, "charged")
                          : (is(i - 1, "charges") || (is(i - 1, "charge") && !is(i - 2, "in"))) && !is(i - 2, "explosive"))
            out.judicial = true;
    }

    // "the first provincial capital to fall since 2001", "the deadliest attack since 2018": "since"
    // measures a record, which totals nothing
    // "since the insurgents launched their attack on Friday", "since the fighting began on Sunday":
    // since the incident began, a few days ago, which spans it, not a period of many
    bool since_it_began(std::size_t i) const {
        static const std::uint16_t beginning[] = {lex::lemma_id("launch"), lex::lemma_id("begin"), lex::lemma_id("start"),
                                                  lex::lemma_id("erupt")};
        bool began = false;
        for (std::size_t k = i + 1; in(k) && k < i + 10 && !punct(k, ',') && !punct(k, '.'); ++k) {
            began = began || std::any_of(std::begin(beginning), std::end(beginning), [&](std::uint16_t l) { return doc.lemma_is(k, l); }) ||
                    (is(k, "broke") && is(k + 1, "out"));
            if (began && (tk(k).has(lex::weekday) || is(k, "yesterday"))) return true;
        }
        return false;
    }

    bool compares_since(std::size_t i) const {
        for (std::size_t k = i; k > first && k + 9 > i; --k) {
            const token& t = tk(k - 1);
            if (t.kind == token_kind::punct) return false;
            if (t.kind != token_kind::word || (t.shape & capitalized)) continue;
            if (is(k - 1, "first") || is(k - 1, "worst") || is(k - 1, "most") || is(k - 1, "only")) return true;
            auto w = doc.stem(k - 1);
            if (w.size() >= 7 && ends_with(w, "iest")) return true; // deadliest, bloodiest, heaviest
            if (is(k - 1, "largest") || is(k - 1, "biggest") || is(k - 1, "highest")) return true;
        }
        return false;
    }

    // ", which has been under Taliban control since 2019,": the clause tells of a place, not the figures
    bool in_relative_clause(std::size_t i) const {
        for (std::size_t k = i; k > first && k + 10 > i; --k) {
            if (punct(k - 1, ',')) return false;
            if (tk(k - 1).has(lex::relative)) return true;
        }
        return false;
    }

    // "this week", "last year", "this weekend", "in 2015": a span of time a figure may total
    bool names_period(std::size_t i) const {
        const token& t = tk(i);
        // "in the first half of the year", "the first six months of 2019", "the second quarter"
        if (t.has(lex::ordinal) && (is(i, "first") || is(i, "second")) && in(i + 1) &&
            (is(i + 1, "half") || is(i + 1, "quarter") ||
             ((tk(i + 1).kind == token_kind::number || tk(i + 1).has(lex::number)) && is(i + 2, "months"))))
            return true;
        if (!in(i + 1) || !t.has(lex::preposition | lex::time_word | lex::determiner)) return false;
        const token& n = tk(i + 1);
        if (t.has(lex::preposition))
            return n.kind == token_kind::number && n.end - n.begin == 4 && n.value >= 1990 && n.value <= 2100 &&
                   (is(i, "in") || is(i, "during") || is(i, "throughout"));
        // "earlier this week" dates an incident within a few days; it totals nothing
        if ((is(i - 1, "earlier") || is(i - 1, "later")) && is(i + 1, "week")) return false;
        return (n.has(lex::time_word) || is(i + 1, "weekend")) && (is(i, "this") || is(i, "last") || is(i, "past")) &&
               (is(i + 1, "year") || is(i + 1, "month") || is(i + 1, "week") || is(i + 1, "weekend"));
    }

    // "NATO apologises for the deaths of civilians in an air raid", "MSF calls for an inquiry",
    // "the Taliban warn they will attack": the sentence's main verb reacts to an incident, which
    // it names as one told before (or not yet happened), not as news.
    void read_reaction_frame() {
        static const std::uint16_t call = lex::lemma_id("call"), deny = lex::lemma_id("deny");
        // (through the tokens directly: a lemma_is call checks the index and the id for every token)
        const token* tokens = doc.tokens().data();
        denied = deny != 0 && std::any_of(tokens + first, tokens + last, [](const token& t) { return t.lemma == deny; });
        reaction = false;
        for (std::size_t i = after_topic_label(doc, first, last); i < last; ++i) {
            const token& t = tk(i);
            // "Afghan forces announce the recapture of Spin Boldak; the Taliban deny it": the first
            // clause frames the sentence
            if (t.is_punct(';')) break;
            if (t.kind != token_kind::word) continue;
            bool finite = t.has(lex::verb) || (t.lemma && (t.inflection == morph::inflection::third_person ||
                                                           t.inflection == morph::inflection::past) &&
                                               !t.has(lex::person | lex::side_word));
            if (!finite && !t.has(lex::predicate | lex::reaction)) continue;
            bool reacts = t.has(lex::reaction) && t.inflection != morph::inflection::gerund;
            if (doc.lemma_is(i, call) && is(i + 1, "for")) reacts = true;
            if (reacts && i > first) reaction = true;
            if (finite || t.has(lex::predicate)) break; // only the main verb frames the sentence
        }
    }
    void reaction_frame() {
        out.denied = out.denied || denied;
        if (reaction) out.reaction = true;
    }

    // "The attack came a day after the Taliban shot down a plane", "two weeks after a bombing
    // killed 20": what follows "N days after" happened before the news, and is recalled. The clause
    // token i (after the first) opens, if it may tell of an older incident: sentence_flags asks it of
    // each relative pronoun, preposition and conjunction, in the order of the tokens, in the pass it
    // makes over them for its cues.
    void earlier_clause_at(std::size_t i) {
        const token& t = tk(i);
        if (t.has(lex::relative) && tk(i - 1).is_punct(',') && is(i, "which")) {
            past_perfect_aside(i);
            return;
        }
        if (is(i, "who")) {
            befell_someone_named(i);
            return;
        }

        if (!t.has(lex::preposition | lex::conjunction)) return;
        if (is(i, "but") && tk(i - 1).is_punct(',')) {
            perfect_before_but(i - 1);
            return;
        }
        if (i + 2 < last && is(i, "since")) {
            since_clause(i);
        } else if (t.has(lex::preposition) && tk(i - 1).has(lex::time_word) && is(i, "after") &&
                   (is(i - 1, "day") || is(i - 1, "days") || is(i - 1, "week") || is(i - 1, "weeks") || is(i - 1, "month") ||
                    is(i - 1, "months") || is(i - 1, "year") || is(i - 1, "years"))) {
            clause_to_its_end(i);
        }
    }

    // "replacing Akhtar Mansour, who died in a drone strike": a "who" clause after a person's name
    // tells what befell them, recalled when the sentence tells nothing else that happened
    // (earlier_clauses). (Out of line: rare, and sentence_flags' pass is over every token.)
    [[gnu::noinline]] void befell_someone_named(std::size_t who) {
        std::size_t k = who - 1;
        if (tk(k).is_punct(',') && k > first) --k;
        const token& name = tk(k);
        if (k == first || name.kind != token_kind::word || !(name.shape & capitalized) || name.has(lex::side_word | lex::person))
            return;
        const std::size_t end = clause_end(who + 1);
        clauses.push_back({static_cast<std::uint32_t>(who), static_cast<std::uint32_t>(end), false, true,
                           dated_before_the_week(who + 1, end)});
    }

    // "Caitlan Coleman, an American woman kidnapped and held for five years, accused her husband": an
    // apposition after a person's name that says what befell them, by a participle, is told as a
    // "who" clause is (befell_someone_named).
    [[gnu::noinline]] void described_by_what_befell(std::size_t article) {
        const std::size_t comma = article - 1;
        if (comma <= first) return;
        // (a name: not "Elsewhere, a roadside bomb killed four")
        if (!name_word(comma - 1) || tk(comma - 1).has(lex::side_word | lex::person)) return;
        const std::size_t end = clause_end(article + 1);
        if (end >= last || !tk(end).is_punct(',')) return; // (the apposition closes before the sentence goes on)
        for (std::size_t k = article + 1; k < end && k < article + 6; ++k) {
            const token& w = tk(k);
            // (the participle tells of a person: "a nurse kidnapped", "an American woman held")
            if (w.has(lex::predicate) && w.inflection == morph::inflection::past && tk(k - 1).has(lex::person)) {
                clauses.push_back({static_cast<std::uint32_t>(article), static_cast<std::uint32_t>(end), false, true,
                                   dated_before_the_week(article + 1, end)});
                return;
            }
        }
    }

    // The clause token `opener` opens tells of an older incident, to the clause's end. (Out of line,
    // as inlined it would weigh on sentence_flags' pass over every token.)
    [[gnu::noinline]] void clause_to_its_end(std::size_t opener) {
        clauses.push_back({static_cast<std::uint32_t>(opener), static_cast<std::uint32_t>(clause_end(opener + 1)), false});
    }

    // "a growing sense of insecurity since the Taliban briefly seized Kunduz": a clause after
    // "since" with a verb in the past tells what came before the news. (This and past_perfect_aside
    // are rare and kept out of line, as inlined they would weigh on sentence_flags' pass over every token.)
    [[gnu::noinline]] void since_clause(std::size_t since) {
        const std::size_t end = clause_end(since + 1);
        bool past_verb = false;
        for (std::size_t k = since + 1; k < end && k < since + 6; ++k) {
            const token& v = tk(k);
            if (v.kind == token_kind::word && v.inflection == morph::inflection::past && !v.has(lex::person | lex::side_word) &&
                (v.has(lex::verb | lex::trigger) || v.lemma))
                past_verb = true;
        }
        if (!past_verb || tk(since + 1).has(lex::month | lex::weekday) || tk(since + 1).kind == token_kind::number) return;
        clauses.push_back({static_cast<std::uint32_t>(since), static_cast<std::uint32_t>(end), false});
    }

    // "recaptured Doshi district, which had fallen to the Taliban on Monday", "retook the town,
    // which the insurgents had seized last week": a clause set apart by a comma in the past
    // perfect tells what came before the incident the sentence's own verb tells
    // (", which fell to the Taliban last week,": a past told with a time of its own, too)
    [[gnu::noinline]] void past_perfect_aside(std::size_t which) {
        const std::size_t end = clause_end(which + 1);
        bool perfect = false, past = false, earlier = false;
        for (std::size_t k = which + 1; k < end && k < which + 6; ++k) {
            perfect = perfect || is(k, "had");
            // (", which was overrun by the Taliban": a passive's participle spelt as its base)
            past = past || (tk(k).has(lex::verb | lex::territorial | lex::predicate) &&
                            (tk(k).inflection == morph::inflection::past || is(k - 1, "was") || is(k - 1, "were")));
        }
        for (std::size_t k = which + 1; k < end && past && !earlier; ++k) earlier = dated_at(k);
        if (perfect || (past && earlier))
            clauses.push_back({static_cast<std::uint32_t>(which), static_cast<std::uint32_t>(end), true, false,
                               perfect || dated_before_the_week(which + 1, end)});
    }

    // Whether token k tells when something happened: a time word, a weekday, a month, "ago",
    // "earlier", "previously" or a year ("in 2016").
    bool dated_at(std::size_t k) const {
        return tk(k).has(lex::time_word | lex::weekday | lex::month) || is(k, "ago") || is(k, "earlier") || is(k, "previously") ||
               (is(k - 1, "in") && tk(k).kind == token_kind::number && tk(k).value >= 1978 && tk(k).value <= 2100);
    }

    // Whether tokens [from, end) are dated a week or more before the news ("last week", "in 2016",
    // "in May", "two years ago"), not by a day of this week ("on Sunday", "yesterday", "last night",
    // "earlier in the week").
    bool dated_before_the_week(std::size_t from, std::size_t end) const {
        for (std::size_t k = from; k < end; ++k)
            if (dated_at(k))
                return !tk(k).has(lex::weekday) && !is(k, "yesterday") && !is(k, "overnight") && !is(k, "today") &&
                       !is(k, "earlier") && !is(k, "previously") && !(is(k, "last") && (is(k + 1, "night") || is(k + 1, "evening")));
        return false;
    }

    // "Afghan forces had earlier recaptured Bangi, but lost it again on Friday night": a clause in
    // the past perfect set against the one after ", but" tells what came before that one's news
    // (recalled as an aside is: when the sentence tells an incident outside it)
    void perfect_before_but(std::size_t comma) {
        for (std::size_t k = first; k + 1 < comma; ++k) {
            if (tk(k).is_punct(',') || tk(k).is_punct(';')) return; // the clause's own verb comes first
            if (!is(k, "had")) continue;
            std::size_t v = k + 1;
            while (v < comma && tk(v).has(lex::adverb | lex::time_word)) ++v; // "had earlier", "had briefly"
            const token& p = tk(v);
            if (v < comma && p.kind == token_kind::word && (p.inflection == morph::inflection::past || is(v, "been")))
                clauses.push_back({static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(comma), true});
            return;
        }
    }

    // Where the clause that goes on at token `from` ends: at the next comma, semicolon or full stop,
    // or at the sentence's end.
    std::size_t clause_end(std::size_t from) const {
        std::size_t end = from;
        while (end < last && !tk(end).is_punct(',') && !tk(end).is_punct(';') && !tk(end).is_punct('.')) ++end;
        return end;
    }

    // The clauses found above are recalled; a past perfect aside only when the sentence tells an
    // incident outside it (without one, the clause is the sentence's only news).
    void earlier_clauses() {
        for (const auto& c : clauses) {
            if (c.biography) {
                // ("Ahmad Shah, who was abducted in 2015, was killed on Tuesday": what befell him long
                // before is recalled beside the news)
                if (!only_told_of_someone(c)) {
                    if (c.before_the_week) {
                        recall_span(c.from, c.end);
                        out.befell_before = {c.from, c.end};
                    }
                    continue;
                }
                // ("accuses the military of manipulating his death": told back, recalled with it)
                for (auto& m : out.casualties)
                    if ((m.predicate < c.from || m.predicate >= c.end) &&
                        std::all_of(m.phrases.begin(), m.phrases.end(), [&](std::uint32_t p) {
                            return out.phrases[p].pronoun || out.phrases[p].definite;
                        }))
                        m.recalled = true;
            }
            if (c.aside) {
                auto outside = [&](std::size_t k) { return k < c.from || k >= c.end; };
                // ("Five soldiers were killed in Imam Sahib, which was captured last week": the dead are the
                // news; a change told with a day of this week, "which fell on Sunday", is news beside them)
                bool told_outside = std::any_of(out.triggers.begin(), out.triggers.end(),
                                                [&](const trigger_word& w) { return outside(w.at) && !w.generic && !w.state; }) ||
                                    std::any_of(out.casualties.begin(), out.casualties.end(), [&](const casualty_mention& m) {
                                        return c.before_the_week && outside(m.predicate) && !m.negated && !m.intent && !m.recalled;
                                    });
                if (!told_outside) continue;
            }
            recall_span(c.from, c.end);
        }
    }

    // Whether clause c, what befell someone named, is all that the sentence tells happened: no
    // incident or figure outside it, a verb of the sentence's own outside it ("The Taliban name a
    // new leader"), and no day in it that makes it the news ("who was shot dead on Monday").
    bool only_told_of_someone(const earlier_clause& c) const {
        auto outside = [&](std::size_t k) { return k < c.from || k >= c.end; };
        if (std::any_of(out.triggers.begin(), out.triggers.end(), [&](const trigger_word& w) {
                return outside(w.at) && !w.generic && !w.state;
            }))
            return false;
        // ("manipulating his death": the same person's, told back; but "Ahmad Shah, who was abducted
        // in 2015, was killed on Tuesday": a verb after the clause with no people of its own tells
        // what befell the one named, now)
        if (std::any_of(out.casualties.begin(), out.casualties.end(), [&](const casualty_mention& m) {
                return outside(m.predicate) && !m.negated && !m.intent &&
                       ((m.phrases.empty() && m.predicate > c.end) ||
                        std::any_of(m.phrases.begin(), m.phrases.end(), [&](std::uint32_t p) {
                            return !out.phrases[p].pronoun && !out.phrases[p].definite;
                        }));
            }))
            return false;
        bool own_verb = false;
        for (std::size_t k = first; k < last; ++k) {
            const token& t = tk(k);
            if (!outside(k)) {
                if (t.has(lex::weekday) || is(k, "yesterday") || is(k, "today") || is(k, "overnight")) return false;
                continue;
            }
            const bool finite_form = t.inflection == morph::inflection::past || t.inflection == morph::inflection::third_person;
            const bool finite = t.lemma && finite_form;
            // ("Coleman, a woman kidnapped in 2012, accused her husband": the verb right after the
            // clause is the sentence's, whatever else the word may be, "the accused")
            const bool right_after = k == c.end + 1 && tk(c.end).is_punct(',') && t.kind == token_kind::word && !(t.shape & capitalized) &&
                                     (finite_form || ends_with(doc.stem(k), "ed"));
            // (a verb the lexicon does not know, by its ending: "appointed", "named")
            own_verb = own_verb || right_after ||
                       (t.kind == token_kind::word && !t.has(lex::person | lex::side_word) &&
                        (t.has(lex::verb | lex::speech) || finite ||
                         (t.flags == 0 && !(t.shape & capitalized) && ends_with(doc.stem(k), "ed"))));
        }
        return own_verb;
    }

    // Tokens (from, end) tell an older incident: its incident words and figures are recalled.
    void recall_span(std::size_t from, std::size_t end) {
        out.recalled_spans.push_back({static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(end)});
        for (auto& t : out.triggers)
            if (t.at > from && t.at < end) t.generic = true;
        for (auto& m : out.casualties)
            if (m.predicate > from && m.predicate < end) m.recalled = true;
    }

    // ", the second such killing this week", ", the third attack this month": an aside that counts
    // the incident among others of a period, at token i (the period), which makes no figure a total
    // ("; this is the third NATO attack on civilians in the last two weeks")
    bool counts_in_a_series(std::size_t i) const {
        std::size_t k = i;
        while (k > first && k + 12 > i && !punct(k - 1, ',') && !punct(k - 1, ';')) --k;
        if (k == first || !(punct(k - 1, ',') || punct(k - 1, ';'))) return false;
        if ((is(k, "this") || is(k, "it")) && (is(k + 1, "is") || is(k + 1, "was"))) k += 2;
        if (is(k, "the") || is(k, "its") || is(k, "their")) ++k;
        return k < i && (tk(k).has(lex::ordinal) || is(k, "latest"));
    }

    // A figure for a period with no incident told ("3,000 civilians were killed last year") is a
    // total. The date of an older incident named in passing ("the bombing last month that ...")
    // is that incident's, not the figure's.
    void totals() {
        if (out.casualties.empty()) return; // a total needs a figure
        for (std::size_t i = first; i + 1 < last && !out.period; ++i) {
            // "elections due in October of this year" date something else
            // (most words are none of those names_period reads: one test of their flags spares them the call)
            i = next_token(i, [](const token& t) { return t.has(lex::ordinal | lex::preposition | lex::time_word | lex::determiner); });
            if (i + 1 >= last) break;
            if (!names_period(i) || is(i - 1, "of") || counts_in_a_series(i)) continue;
            bool recalled = std::any_of(out.recalled_spans.begin(), out.recalled_spans.end(),
                                        [&](const auto& s) { return i >= s.first && i < s.second; });
            // ("Ahmad Shah, who was abducted in 2015, was killed on Tuesday": the year of what befell
            // him before, though the clause is not all the sentence tells)
            bool of_someone_named = std::any_of(clauses.begin(), clauses.end(),
                                                [&](const earlier_clause& c) { return c.biography && i >= c.from && i < c.end; });
            if (!recalled && !of_someone_named) out.period = true;
        }
        if (!out.period) return;
        // fighting, clashes or battles over a period are the period's; an attack or a bombing is one incident
        bool incident = std::any_of(out.triggers.begin(), out.triggers.end(),
                                    [](const trigger_word& t) { return !t.generic && t.kind != lex::event_kind::clash; });
        if (!incident) out.aggregate = true;
    }

    // "in the last month", "over the past week", "in recent weeks": operational updates sum up many
    // operations so, and their figure is a total. A day's update (24 hours) that names where its operations
    // were ("in Daikundi, Ghazni and Parwan provinces during the past 24 hours") tells them as the
    // day's news: its figure is theirs, and goes to the first of them (news codebook). One that names
    // a region ("in southern Afghanistan over the past 24 hours") leads the details that follow.
    void recent_or_past(std::size_t i) {
        if ((is(i + 1, "the") || is(i + 1, "recent")) && (is(i + 2, "past") || is(i + 2, "last") || is(i + 1, "recent"))) {
            for (std::size_t k = i + 2; k < std::min(last, i + 6); ++k) {
                if (!tk(k).has(lex::time_word) || is(k, "past") || is(k, "last") || is(k, "recent")) continue;
                // (", the third attack on civilians in the last two weeks": the incident counted among others)
                if (!days_update(k)) {
                    if (!counts_in_a_series(k)) out.aggregate = true;
                } else if (!names_a_place()) {
                    out.unplaced_day = true;
                }
            }
        }
        if (!is(i, "over") && is(i + 1, "recent") && (is(i + 2, "weeks") || is(i + 2, "months") || is(i + 2, "days")))
            out.generic = true;
    }
    // "24 hours", "the past two days", "72 hours" at k: a few days, as an update or a battle's telling
    // spans (the news codebook dates such a range by its first day); a longer span totals its figure
    bool days_update(std::size_t k) const {
        // ("the past few days", "the past several days", "the past couple of days": about three)
        if (is(k, "days") && k > first + 1 && (is(k - 1, "few") || is(k - 1, "several") || (is(k - 1, "of") && is(k - 2, "couple"))))
            return true;
        bool counted = k > first && (tk(k - 1).kind == token_kind::number || tk(k - 1).has(lex::number));
        if (!counted || tk(k - 1).value <= 0) return false;
        return (is(k, "hours") && tk(k - 1).value <= 72) || (is(k, "days") && tk(k - 1).value <= 3);
    }
    bool names_a_place() const {
        for (std::size_t k = first; k < last; ++k)
            if (tk(k).shape & place_name) return true;
        return false;
    }
    // "each day", "every week", "per month"
    void every(std::size_t i) {
        if (is(i + 1, "day") || is(i + 1, "week") || is(i + 1, "month")) out.aggregate = true;
    }
    // "from 2005 to 2019", "between 2009 and 2019": years of figures, a total
    void years_apart(std::size_t i, std::string_view joint) {
        auto year = [&](std::size_t k) { return in(k) && tk(k).kind == token_kind::number && tk(k).value >= 1900 && tk(k).value <= 2100; };
        if (year(i + 1) && is(i + 2, joint) && year(i + 3)) out.aggregate = true;
    }
    // "during 2018", "throughout 2010"
    void during_year(std::size_t i) {
        if (in(i + 1) && tk(i + 1).kind == token_kind::number && tk(i + 1).value >= 1900) out.aggregate = true;
    }
    // "suspected of", "associated with", "linked to", "wanted for": a person's record
    void record_of(std::size_t i) {
        if (!(is(i + 1, "of") || is(i + 1, "with") || is(i + 1, "to") || is(i + 1, "for"))) return;
        // "suspected to be members of a network" says who people are, not what they did
        if (is(i, "suspected") && is(i + 1, "to") && is(i + 2, "be")) return;
        // "a vehicle associated with the first", "a compound linked to the target": a thing's link
        if (i > first && tk(i - 1).kind == token_kind::word && tk(i - 1).flags == 0 && !(tk(i - 1).shape & capitalized))
            return;
        out.descriptive = true;
    }

    // ---- incident words -------------------------------------------------------------------
    bool held_by_compound(std::size_t i) const {
        auto w = doc.stem(i);
        if (w.size() < 6 || (w.back() != 'd' && w.back() != 'D')) return false;
        return (w.size() > 5 && equals_lower(w.substr(w.size() - 5), "-held")) ||
               (w.size() > 11 && equals_lower(w.substr(w.size() - 11), "-controlled"));
    }

    // The object from token o names a post or a building fought for: "the police headquarters",
    // "several checkpoints", "the governor's compound", "Kunduz airport".
    // A post or a building: "checkpoint", "police headquarters", "stations".
    bool facility_noun(std::size_t k) const {
        static constexpr word_list facilities{{"checkpoint", "checkpoints", "post", "posts", "outpost", "outposts",
                                               "headquarters", "compound", "airport", "airfield", "prison", "jail",
                                               "station", "stations", "barracks", "building", "office", "offices",
                                               "bases", "garrison"}};
        return in(k) && is_one_of(doc, k, facilities);
    }

    bool facility_after(std::size_t o) const {
        // ground with no place named: "seized substantial territory"
        static constexpr word_list ground{{"territory", "areas", "villages", "ground"}};
        for (std::size_t k = o; k < last && k < o + 6; ++k) {
            const token& t = tk(k);
            if (t.kind != token_kind::word) return false;
            if (facility_noun(k)) return true;
            // ("captured more territory in 2018" is a trend, not a place fought for)
            if (is_one_of(doc, k, ground)) return !(k > o && is(k - 1, "more") && (is(k, "territory") || is(k, "ground")));
            if (t.has(lex::preposition | lex::verb | lex::aux | lex::conjunction | lex::relative)) return false;
            // weapons, vehicles and ammunition seized are no place
            if (is(k, "weapons") || is(k, "ammunition") || is(k, "vehicles") || is(k, "explosives")) return false;
        }
        return false;
    }

    // "Afghan commandos freed 40 prisoners from a Taliban jail": forces freeing people from where
    // they were held is a rescue; "the Taliban freed five hostages" is a release
    bool freed_by_forces(std::size_t i) const {
        if (tk(i).inflection == morph::inflection::gerund || !in(i + 1) ||
            !(tk(i + 1).has(lex::person | lex::determiner | lex::number) || tk(i + 1).kind == token_kind::number))
            return false;
        bool forces = false;
        for (std::size_t k = i; k > first && k + 4 > i && !forces; --k)
            forces = tk(k - 1).has(lex::side_word | lex::person) && tk(k - 1).side == lex::side::security;
        // (from where they were held, or people held: "freed three kidnapped children")
        bool held = false;
        for (std::size_t k = i + 1; k < last && k < i + 7 && !held; ++k)
            held = is(k, "from") || is(k, "hostages") || is(k, "hostage") || is(k, "kidnapped") || is(k, "abducted") ||
                   is(k, "captives") || is(k, "held") || is(k, "prison") || is(k, "jail");
        return forces && held;
    }

    // "the helicopter", "the NATO chopper": a craft told of before, named from token k (not "a US
    // plane", another one)
    bool craft_after(std::size_t k) const {
        static constexpr word_list craft{{"helicopter", "chopper", "aircraft", "plane", "jet", "drone", "airplane"}};
        if (!is(k, "the")) return false;
        for (std::size_t j = k + 1; j < last && j < k + 4; ++j) {
            if (is_one_of(doc, j, craft)) return true;
            if (tk(j).kind == token_kind::punct) return false;
        }
        return false;
    }

    // "a cargo plane went down", "the NATO helicopter came down": a craft is the subject of the verb at i
    bool craft_before(std::size_t i) const {
        static constexpr word_list craft{{"helicopter", "chopper", "aircraft", "plane", "jet", "drone", "airplane", "airliner"}};
        for (std::size_t k = i; k > first && k + 5 > i; --k) {
            if (is_one_of(doc, k - 1, craft)) return true;
            if (tk(k - 1).kind == token_kind::punct) return false;
        }
        return false;
    }

    // An incident word at token i, unless the sentence tells of a trend or an intent
    void add_trigger(std::size_t i, lex::event_kind kind, bool verb) {
        trigger_word w;
        w.at = static_cast<std::uint32_t>(i);
        w.kind = kind;
        w.verb = verb;
        w.generic = out.generic || intended_incident(i) || none_told(i);
        out.triggers.push_back(w);
    }

    // "a meeting over fighting the Taliban", "talks on fighting the insurgency", "committed to
    // fighting terrorism": fighting with its object after a preposition of what is spoken of or
    // aimed at is a topic, no incident ("killed in fighting in Helmand", "after fighting the Taliban
    // for hours" are)
    bool fighting_as_a_topic(std::size_t i) const {
        if (!is(i, "fighting") || i == first || !in(i + 1)) return false;
        static constexpr word_list topic{{"over", "on", "about", "for", "to", "of"}};
        if (!is_one_of(doc, i - 1, topic)) return false;
        const token& object = tk(i + 1);
        return object.kind == token_kind::word && !object.has(lex::preposition | lex::aux | lex::conjunction | lex::verb);
    }

    // "in two bombings", "two Taliban bombings", "twin attacks": the sentence counts its incidents
    void note_incidents_counted(std::size_t i) {
        for (std::size_t n = i; n > first && i - n < 3; --n) {
            const token& t = tk(n - 1);
            if (t.kind != token_kind::word && t.kind != token_kind::number) return;
            if (((t.kind == token_kind::number || t.has(lex::number)) && t.value >= 2) || is(n - 1, "twin")) {
                out.counts_incidents = true;
                return;
            }
        }
    }

    // "there were no reports of enemy fire", "no sign of an attack", "no fighting was reported": the
    // incident noun at i is said not to have happened
    bool none_told(std::size_t i) const {
        std::size_t k = i;
        // (past an article and an adjective or two: "no reports of hostile fire")
        while (k > first && i - k < 3 && tk(k - 1).kind == token_kind::word && !(tk(k - 1).shape & capitalized) &&
               !tk(k - 1).has(lex::trigger | lex::verb | lex::preposition | lex::number) && !is(k - 1, "no"))
            --k;
        if (k > first && is(k - 1, "no")) return true;
        if (k < first + 3 || !is(k - 1, "of")) return false;
        static constexpr std::string_view telling[] = {"reports", "report", "sign", "signs", "evidence", "indication", "indications"};
        const bool told = std::any_of(std::begin(telling), std::end(telling), [&](std::string_view w) { return is(k - 2, w); });
        return told && is(k - 3, "no");
    }

    void find_triggers() {
        static const std::uint16_t shoot = lex::lemma_id("shoot"), fire = lex::lemma_id("fire"), open = lex::lemma_id("open"),
                                   device = lex::lemma_id("device"), storm = lex::lemma_id("storm"),
                                   rescue = lex::lemma_id("rescue"), capture = lex::lemma_id("capture"), take = lex::lemma_id("take"),
                                   free = lex::lemma_id("free"), burn = lex::lemma_id("burn"),
                                   destroy = lex::lemma_id("destroy"), blow = lex::lemma_id("blow");
        for (std::size_t i = first; i < last; ++i) {
            // Every test below needs a word; one the lexicon neither lists as a lemma nor as a trigger
            // matters only as "team", as "downed" or as a compound with a hyphen (most tokens are
            // none). A folded stem equals a word's packing only for that word (a longer stem has none).
            static constexpr std::uint64_t team_word = document::pack_word("team"), downed_word = document::pack_word("downed");
            i = next_token(i, [](const token& t) {
                return t.kind == token_kind::word &&
                       (t.lemma || t.has(lex::trigger | lex::territorial) || t.folded == team_word || t.folded == downed_word ||
                        (!(t.shape & ascii_alnum_only) && t.stem_size >= 6));
            });
            if (i == last) break;
            const token& t = tk(i);
            // "an air weapons team engaged": attack helicopters, ISAF's words for a strike from the air
            if (is(i, "team") && is(i - 1, "weapons") && is(i - 2, "air")) {
                trigger_word w;
                w.at = static_cast<std::uint32_t>(i);
                w.kind = lex::event_kind::airstrike;
                out.triggers.push_back(w);
                continue;
            }
            // (a word of letters and digits alone has no hyphen: most words are spared the look at their end)
            if (t.kind == token_kind::word && !t.lemma && t.stem_size >= 6 && !(t.shape & ascii_alnum_only) && held_by_compound(i)) {
                // "Taliban-held Sangin", "government-controlled Lashkar Gah"
                if (auto change = territory_change_at(doc, first, last, i)) {
                    trigger_word w;
                    w.at = change->at;
                    w.kind = change->kind;
                    w.state = change->state;
                    w.holder = change->holder;
                    out.triggers.push_back(w);
                }
                continue;
            }
            // "a cargo plane went down near Bagram", "the helicopter came down": it crashed
            if (is(i + 1, "down") && (is(i, "went") || is(i, "came") || is(i, "goes") || is(i, "comes")) && craft_before(i)) {
                add_trigger(i, lex::event_kind::crash, true);
                continue;
            }
            // "the Taliban downed the helicopter" (a word of no lemma: "down" is no verb here)
            if (!t.lemma && t.stem_size == 6 && is(i, "downed") && (is(i + 1, "it") || craft_after(i + 1))) {
                add_trigger(i, lex::event_kind::attack, true);
                out.downs_craft = true;
                continue;
            }
            if (t.kind != token_kind::word || (!t.lemma && !t.has(lex::trigger | lex::territorial))) continue;
            bool territorial = lex::changes_hands(t.event);
            if (t.has(lex::territorial)) {
                if (auto change = territory_change_at(doc, first, last, i)) {
                    trigger_word w;
                    w.at = change->at;
                    // an offensive begun to retake a place has not retaken it: an attack, so far
                    w.kind = is(i - 1, "to") && launched(i - 1) ? lex::event_kind::attack : change->kind;
                    w.verb = true;
                    w.state = change->state;
                    w.holder = change->holder;
                    w.handover = change->handover;
                    w.positions = change->positions;
                    // "has not fallen", "did not capture the district": no change told
                    w.generic = out.generic || intended_incident(i) || skip_left(i).negated;
                    out.triggers.push_back(w);
                    continue;
                }
            }
            // "seized the police headquarters in Sheberghan", "captured several checkpoints": a
            // place fought for, though no district changes hands
            // ("took over the customs office at Sher Khan Bandar")
            // ("took control of the prison", "retaken control of the Qala-e-Naw police headquarters")
            const bool took_over = t.lemma == take && is(i + 1, "over");
            const bool taking = t.event == lex::event_kind::seizure || t.event == lex::event_kind::recapture || t.lemma == capture ||
                                t.lemma == take;
            std::size_t taken = took_over ? i + 2 : i + 1;
            const bool of_control = taking && is(taken, "control") && is(taken + 1, "of");
            if (of_control) taken += 2;
            if (taking && (t.lemma != take || took_over || of_control) && t.has(lex::territorial) &&
                t.inflection != morph::inflection::gerund &&
                (facility_after(taken) ||
                 // ("two checkpoints were captured")
                 (t.inflection == morph::inflection::past && i >= first + 2 && tk(i - 1).has(lex::aux) && facility_noun(i - 2)))) {
                add_trigger(i, lex::event_kind::attack, true);
                continue;
            }
            // "seized weapons", "the withdrawal of troops", "evacuated the wounded": no territory
            // changes hands, so no incident
            if (territorial) continue;
            if (t.has(lex::trigger)) {
                // "a coal mine": a mine dug, not laid
                // ("a gas cylinder explosion": a plain noun between)
                const bool mishap_before = (i > first && tk(i - 1).has(lex::mishap)) ||
                                           (i > first + 1 && tk(i - 2).has(lex::mishap) && tk(i - 1).kind == token_kind::word &&
                                            tk(i - 1).flags == 0);
                // ("a gold mine collapses": a mine dug, as what befell it tells)
                const bool mishap_after = (is(i, "mine") || is(i, "mines")) && in(i + 1) &&
                                          (is(i + 1, "collapse") || is(i + 1, "collapses") || is(i + 1, "collapsed"));
                if ((mishap_before || mishap_after) && t.event == lex::event_kind::bombing) continue;
                incident_word(i);
                continue;
            }
            if (!t.lemma) continue; // the words below are all lemmas of the lexicon
            auto add = [&](lex::event_kind kind, bool verb) { add_trigger(i, kind, verb); };
            // "an improvised explosive device": a bomb
            if (t.lemma == device) {
                if (is(i - 1, "explosive")) add(lex::event_kind::bombing, false);
            } else if (t.lemma == fire) {
                // "under hostile fire": an attack; "a fire broke out": a blaze; "opened fire on a
                // convoy", "fired rockets at the parliament": an attack
                bool opened = doc.lemma_is(i - 1, open) && t.inflection != morph::inflection::base;
                bool at_target = false;
                for (std::size_t k = i + 1; k < last && k < i + 5 && !at_target; ++k) {
                    if (tk(k).kind == token_kind::punct || tk(k).has(lex::verb | lex::predicate)) break;
                    at_target = is(k, "at") || is(k, "on") || is(k, "upon") || is(k, "into"); // ("fired rockets into Kunar")
                    // ("no reports of enemy fire at the time": when, not at whom; "fired into the
                    // air": at no one)
                    static constexpr word_list when{{"time", "moment", "night", "dawn", "dusk", "noon", "midnight", "air"}};
                    const std::size_t head = is(k + 1, "the") ? k + 2 : k + 1;
                    if (at_target && (tk(head).has(lex::time_word | lex::weekday) || is_one_of(doc, head, when)))
                        at_target = false, k = last;
                }
                bool verb_form = t.inflection == morph::inflection::past || t.inflection == morph::inflection::third_person ||
                                 (t.inflection == morph::inflection::base && i > first && !tk(i - 1).has(lex::determiner | lex::preposition));
                if (is(i - 1, "hostile")) add(lex::event_kind::attack, true);
                // "set fire to a school", "set the clinic on fire": arson
                else if (t.inflection == morph::inflection::base && (set_before(i) || (is(i - 1, "on") && set_before(i - 1))) &&
                         !people_set_alight(i))
                    add(lex::event_kind::arson, true);
                else if (t.inflection == morph::inflection::base && (is(i - 1, "a") || is(i - 1, "the")) && !is(i - 2, "opened") &&
                         !is(i - 2, "under"))
                    out.mishap = true;
                else if (opened || (at_target && verb_form)) add(lex::event_kind::attack, true);
            } else if (t.lemma == burn) {
                if (property_burned(i)) add(lex::event_kind::arson, true);
            } else if (t.lemma == destroy || (t.lemma == blow && is(i + 1, "up"))) {
                if (property_destroyed(i)) add(lex::event_kind::sabotage, true);
            } else if (t.lemma == storm && (t.inflection == morph::inflection::base || t.inflection == morph::inflection::third_person)) {
                // "gunmen storm a hotel", "Taliban storms prison": the noun is weather, but after
                // fighters and before what they took it is the verb
                bool fighters_before = i > first && tk(i - 1).has(lex::person | lex::side_word) && !tk(i - 1).has(lex::determiner);
                // ("gunmen wearing suicide vests storm a building": past what describes them)
                for (std::size_t k = i - 1; !fighters_before && k > first && k + 6 > i; --k) {
                    const token& b = tk(k - 1);
                    if (b.kind != token_kind::word || b.has(lex::verb | lex::aux | lex::preposition | lex::determiner)) break;
                    fighters_before = b.has(lex::person | lex::side_word) && k + 1 < i &&
                                      (tk(k).inflection == morph::inflection::gerund || ends_with(doc.stem(k), "ing") || is(k, "armed"));
                }
                bool object_after = in(i + 1) && tk(i + 1).kind == token_kind::word &&
                                    !tk(i + 1).has(lex::preposition | lex::conjunction | lex::verb | lex::aux);
                if (fighters_before && object_after) add(lex::event_kind::attack, true);
                else if (!fighters_before && i > first && (tk(i - 1).has(lex::determiner) || tk(i - 1).flags == 0))
                    out.mishap = true; // "the storm", "a dust storm": weather
            } else if (t.lemma == rescue &&
                       (t.inflection == morph::inflection::past || t.inflection == morph::inflection::third_person ||
                        ((t.inflection == morph::inflection::base || t.inflection == morph::inflection::none) && i > first &&
                         tk(i - 1).has(lex::person | lex::side_word))) &&
                       in(i + 1) && (tk(i + 1).has(lex::person | lex::determiner | lex::number) || tk(i + 1).kind == token_kind::number) &&
                       !(i > first && tk(i - 1).has(lex::determiner))) {
                add(lex::event_kind::raid, true); // "commandos rescued 40 hostages", not "rescue teams"
            } else if (t.lemma == free && freed_by_forces(i)) {
                add(lex::event_kind::raid, true); // "commandos freed 40 prisoners from a Taliban jail"
            } else if (t.lemma == shoot && (is(i + 1, "down") || is(i + 1, "dead") ||
                                            ((is(i + 1, "it") || is(i + 1, "them")) && is(i + 2, "down")))) {
                add(lex::event_kind::attack, true); // "shot down": an aircraft attacked; "shoot dead": people
                // ("shot it down", "shot down the helicopter": the craft told of before)
                if ((is(i + 1, "it") && is(i + 2, "down")) || (is(i + 1, "down") && craft_after(i + 2))) out.downs_craft = true;

            } else if (t.lemma == shoot && t.inflection != morph::inflection::gerund && i > first &&
                       ((tk(i - 1).has(lex::aux) && !is(i - 1, "being")) ||
                        (in(i + 1) && (tk(i + 1).has(lex::person | lex::determiner | lex::pronoun | lex::number) ||
                                       tk(i + 1).kind == token_kind::number)))) {
                // "a governor was shot", "gunmen shot two policemen": people fired upon
                if (!is(i + 1, "at") && !is(i + 1, "it")) add(lex::event_kind::attack, true);
            }
        }
        out.triggers.erase(std::unique(out.triggers.begin(), out.triggers.end(),
                                       [](const auto& a, const auto& b) { return a.at == b.at; }),
                           out.triggers.end());
    }

    // "set", "sets", "setting" before token i, or with what was set alight between ("set the school on")
    bool set_before(std::size_t i) const {
        for (std::size_t k = i; k > first && k + 5 > i; --k) {
            if (is(k - 1, "set") || is(k - 1, "sets") || is(k - 1, "setting")) return k == i || is(i, "on");
            if (tk(k - 1).is_punct('\'')) continue; // "set the girls' school on fire"
            if (tk(k - 1).kind != token_kind::word || tk(k - 1).has(lex::verb | lex::preposition)) return false;
        }
        return false;
    }

    // "setting themselves on fire", "set fire to the bodies of fighters": people, living or dead,
    // are no property burned. What is set alight is the head of the noun phrase, its last noun: a
    // "girls' school" or a "police vehicle" is property.
    bool people_set_alight(std::size_t fire_at) const {
        if (is(fire_at + 1, "to")) {
            const std::size_t head = head_of_object(fire_at + 2);
            if (head && person_or_body(head)) return true;
        }
        // "set the girls' school on fire": the phrase between "set" and "on"
        for (std::size_t k = fire_at; k > first && k + 7 > fire_at; --k) {
            if (!(is(k - 1, "set") || is(k - 1, "sets") || is(k - 1, "setting"))) continue;
            for (std::size_t head = is(fire_at - 1, "on") ? fire_at - 1 : fire_at; head > k; --head)
                if (tk(head - 1).kind == token_kind::word) return person_or_body(head - 1);
            return false;
        }
        return false;
    }

    bool person_or_body(std::size_t k) const {
        return tk(k).has(lex::person | lex::pronoun | lex::side_word) || is(k, "bodies") || is(k, "body") ||
               ends_with(doc.stem(k), "selves") || ends_with(doc.stem(k), "self");
    }

    // The last word of the noun phrase that starts at token `from` (0 for none): what a verb acts on
    // is the phrase's head, and a "girls' school" or a "police vehicle" is a building or a car.
    std::size_t head_of_object(std::size_t from) const {
        std::size_t head = 0;
        for (std::size_t k = from; k < last && k < from + 5; ++k) {
            if (tk(k).is_punct('\'')) continue; // "the girls' school"
            if (tk(k).kind == token_kind::number) continue; // "20 trucks"
            if (tk(k).kind != token_kind::word || tk(k).has(lex::preposition | lex::conjunction) ||
                (tk(k).has(lex::verb) && tk(k).inflection != morph::inflection::base && tk(k).inflection != morph::inflection::none))
                break;
            head = k;
        }
        return head;
    }

    // "insurgents burned down a school", "the Taliban burnt 20 fuel tankers": property burned by
    // someone named before the verb. People burned ("burned the bodies", "burned to death") are not
    // arson, and "a burned vehicle" tells no one's deed.
    bool property_burned(std::size_t i) const {
        if (!done_by_insurgents(i)) return false;
        const std::size_t object = is(i + 1, "down") ? i + 2 : i + 1;
        if (is(object, "to")) return false;
        for (std::size_t k = object; k < last && k < object + 6; ++k)
            if (is(k, "alive")) return false; // "burned two men alive"
        const std::size_t head = head_of_object(object);
        return head && !person_or_body(head) && !tk(head).has(lex::number);
    }

    // Whether the verb at token i is told, in the past or a headline's present ("Taliban burn fuel
    // tankers"), of insurgents named right before it ("the Taliban also destroyed"). (The police
    // burning seized drugs or the army destroying a cache is no political violence.)
    bool done_by_insurgents(std::size_t i) const {
        const auto inflection = tk(i).inflection;
        if (inflection != morph::inflection::past && inflection != morph::inflection::third_person &&
            inflection != morph::inflection::base)
            return false;
        std::size_t k = i;
        while (k > first + 1 && tk(k - 1).has(lex::adverb) && k + 2 > i) --k;
        return k > first && lex::insurgent(tk(k - 1).side) && !tk(k - 1).has(lex::determiner | lex::pronoun);
    }

    // "the Taliban destroyed two bridges", "insurgents blew up an electricity pylon": what an armed
    // group destroys is sabotage when it is a structure, a machine or a building. Other things
    // destroyed ("the peace process", "their weapons") are not, nor are people.
    bool property_destroyed(std::size_t i) const {
        if (!done_by_insurgents(i)) return false;
        const std::size_t object = is(i + 1, "up") ? i + 2 : i + 1;
        const std::size_t head = head_of_object(object);
        if (!head) return false;
        static constexpr word_list property{{"bridge", "bridges", "culvert", "culverts", "pylon", "pylons", "tower", "towers",
                                             "mast", "masts", "antenna", "antennas", "school", "schools", "clinic", "clinics",
                                             "pipeline", "pipelines", "substation", "substations", "dam", "road", "roads",
                                             "highway", "tanker", "tankers", "truck", "trucks", "vehicle", "vehicles", "bus",
                                             "helicopter", "helicopters", "aircraft", "plane", "tank", "tanks", "humvee",
                                             "humvees", "base", "mosque", "shrine", "hospital", "generator"}};
        // ("power lines", "telephone lines": lines that carry something)
        const bool lines = (is(head, "lines") || is(head, "line")) && head > object &&
                           (is(head - 1, "power") || is(head - 1, "transmission") || is(head - 1, "telephone") || is(head - 1, "electricity"));
        return is_one_of(doc, head, property) || facility_noun(head) || lines;
    }

    // "launched coordinated attacks on Kunduz city", "carried out attacks on checkpoints in Baghlan":
    // attacks made, in the past, on a place named or on a day told, are one incident, not a habit
    // "announces an operation", "the offensive, to be named Operation Omari", "an operation dubbed
    // Sword": what is announced or given a name is a plan or a campaign's title, not an incident
    bool announced_or_named(std::size_t i) const {
        static const std::uint16_t announce = lex::lemma_id("announce");
        for (std::size_t k = i; k > first && k + 5 > i; --k) {
            const token& p = tk(k - 1);
            if (p.is_punct('"') || p.is_punct('\'')) continue; // named "Operation Omari"
            if (p.kind != token_kind::word) return false;
            if (doc.lemma_is(k - 1, announce)) return true;
            if (is(k - 1, "named") || is(k - 1, "dubbed") || is(k - 1, "codenamed") || is(k - 1, "code-named") ||
                (is(k - 1, "called") && (tk(i).shape & capitalized)))
                return true;
            if (!p.has(lex::determiner) && !(p.shape & capitalized) && p.flags != 0) return false;
        }
        return false;
    }

    bool launched_at_a_place(std::size_t i) const {
        // (a headline's present: "Taliban launch attacks on embassies in Kabul", but not "the
        // launch of", "to launch")
        auto made = [&](std::size_t k) {
            const auto form = tk(k).inflection;
            const bool finite = form == morph::inflection::past || form == morph::inflection::third_person ||
                                (form == morph::inflection::base && k > first && !tk(k - 1).has(lex::determiner | lex::preposition) &&
                                 !is(k - 1, "to"));
            return finite && tk(k).lemma && (made_verb(k) || made_again(k));
        };
        bool launched = false;
        // ("launch multiple coordinated militant attacks")
        for (std::size_t k = i; k > first && k + 5 > i && !launched; --k) {
            if (tk(k - 1).kind != token_kind::word) return false;
            launched = made(k - 1) || ((is(k - 1, "out") || is(k - 1, "up")) && k - 1 > first && made(k - 2));
        }
        if (!launched) return false;
        // ... or at a time told: "launched coordinated attacks from three directions late Saturday night"
        // (past a list of targets: "attacks on the British, Russian and German embassies and the
        // parliament in central Kabul")
        for (std::size_t k = i + 1; in(k) && k < i + 24; ++k) {
            const token& x = tk(k);
            if (x.is_punct(',') || is(k, "and")) continue;
            if (x.kind == token_kind::punct || x.has(lex::verb | lex::conjunction | lex::relative)) return false;
            if ((x.shape & place_name) && k > i + 1 && (is(i + 1, "on") || is(i + 1, "against") || is(i + 1, "in"))) return true;
            if (x.has(lex::weekday) || is(k, "yesterday") || is(k, "overnight") || is(k, "today")) return true;
        }
        return false;
    }

    // Intentions and habits around an incident word: "to attack", "planning attacks",
    // "responsible for the attack on ...", "will attack".
    // An effort begun: "start efforts", "launched an offensive", "began an operation" before token `to`.
    bool launched(std::size_t to) const {
        for (std::size_t k = to; k > first && k + 5 > to; --k)
            if (made_verb(k - 1) ||
                // "the Taliban failed to capture", "tried to overrun": the attempt was made
                // (told once, not "have tried for years")
                (k == to && (is(k - 1, "failed") || is(k - 1, "tried") || is(k - 1, "attempted")) &&
                 !(is(k - 2, "have") || is(k - 2, "has") || is(k - 2, "had"))))
                return true;
        return false;
    }
    // Whether the descriptive word at b right before the incident word at i describes it ("launched
    // coordinated attacks", "a coordinated assault"), as an attribute after a determiner or a verb.
    [[gnu::noinline]] bool attributive_after(std::size_t b, std::size_t i) const {
        // ("killed in coordinated attacks": after a preposition too; "multiple coordinated attacks",
        // "three coordinated attacks": after a count; "coordinated militant attacks": before modifiers)
        for (std::size_t k = b + 1; k < i; ++k)
            if (k > b + 2 || !modifier_word(k) || tk(k).has(lex::verb)) return false;
        return b < i && b > first && !tk(i).has(lex::verb) &&
               (tk(b - 1).has(lex::determiner | lex::preposition | lex::number | lex::vague) ||
                tk(b - 1).kind == token_kind::number || tk(b - 1).inflection == morph::inflection::past || made_verb(b - 1));
    }

    // A verb that makes attacks again or more: "stepped up", "unleashed", "resumed", "intensified",
    // "renewed", "escalated"
    bool made_again(std::size_t k) const {
        static const std::uint16_t again[] = {lex::lemma_id("step"), lex::lemma_id("unleash"), lex::lemma_id("resume"),
                                              lex::lemma_id("intensify"), lex::lemma_id("renew"), lex::lemma_id("escalate")};
        const auto lemma = tk(k).lemma;
        return lemma && std::find(std::begin(again), std::end(again), lemma) != std::end(again);
    }

    // A verb that makes an attack or an effort of what follows: "launched", "mounted", "staged",
    // "began", "carried (out)"
    bool made_verb(std::size_t k) const {
        static const std::uint16_t made[] = {lex::lemma_id("launch"), lex::lemma_id("carry"), lex::lemma_id("stage"),
                                             lex::lemma_id("mount"), lex::lemma_id("start"), lex::lemma_id("begin")};
        return std::any_of(std::begin(made), std::end(made), [&](std::uint16_t l) { return doc.lemma_is(k, l); });
    }

    // "killed two insurgents who were emplacing an IED", "while planting a roadside bomb": a bomb
    // being laid has not gone off, and tells no kind of incident
    bool being_laid(std::size_t i) const {
        static constexpr word_list laying{{"planting", "emplacing", "burying", "laying", "placing"}};
        if (tk(i).event != lex::event_kind::bombing) return false;
        for (std::size_t k = i; k > first && k + 5 > i; --k) {
            const token& b = tk(k - 1);
            if (is_one_of(doc, k - 1, laying)) return true;
            if (b.kind == token_kind::punct || b.has(lex::verb | lex::preposition)) break;
        }
        return false;
    }

    bool intended_incident(std::size_t i) const {
        // "thousands fled fighting in Kunduz", "families escaping the violence": displacement, which
        // tells of no incident
        static const std::uint16_t flee = lex::lemma_id("flee"), escape = lex::lemma_id("escape");
        for (std::size_t k = i; k > first && k + 3 > i; --k) {
            if (doc.lemma_is(k - 1, flee) || doc.lemma_is(k - 1, escape)) return !tk(i).has(lex::verb);
            if (!tk(k - 1).has(lex::determiner) && !modifier_word(k - 1)) break;
        }
        // "an expected assault", "an imminent attack", "ahead of an offensive": one awaited, which has
        // not happened
        static constexpr word_list awaited{{"expected", "imminent", "impending", "looming", "anticipated", "upcoming",
                                            "feared"}};
        if (!tk(i).has(lex::verb))
            for (std::size_t k = i; k > first && k + 4 > i; --k) {
                const token& b = tk(k - 1);
                if (b.has(lex::determiner)) continue;
                if (b.has(lex::preposition)) {
                    if (is(k - 1, "of") && is(k - 2, "ahead")) return true;
                    break;
                }
                if (is_one_of(doc, k - 1, awaited)) return true;
                if (!modifier_word(k - 1)) break;
            }
        // "forces start efforts to recapture the city", "launched an offensive to retake it", "tried to
        // overrun the district centre": the effort happened, its aim did not yet
        if (is(i - 1, "to") && launched(i - 1)) return false;
        for (std::size_t k = i; k > first && k + 12 > i; --k) {
            const token& b = tk(k - 1);
            if (b.is_punct('.') || b.is_punct(';') || b.is_punct(',')) break;
            if (k + 4 > i && b.has(lex::intent)) return true;
            // ("launched coordinated attacks", "a coordinated assault": the word describes the attack)
            if (b.has(lex::descriptive) && !b.has(lex::side_word) && !attributive_after(k - 1, i)) return true;
            if ((is(k - 1, "associated") || is(k - 1, "linked")) && (is(k, "with") || is(k, "to"))) return true;
            // a verb ends the phrase the incident word is in ("behind the attack was killed in an air strike")
            if ((b.has(lex::predicate) && (b.form == lex::form::participle || b.form == lex::form::intransitive)) ||
                (b.has(lex::trigger) && b.has(lex::verb)))
                break;
        }
        // "the third district to fall this week", "the latest city to be captured": counted among
        // the ones that did
        if (is(i - 1, "to") || (is(i - 1, "be") && is(i - 2, "to")))
            for (std::size_t k = is(i - 1, "be") ? i - 2 : i - 1; k > first && k + 6 > i; --k)
                if (is(k - 1, "district") || is(k - 1, "city") || is(k - 1, "capital") || is(k - 1, "town") ||
                    is(k - 1, "province") || is(k - 1, "base")) {
                    for (std::size_t j = k - 1; j > first && j + 4 > k; --j)
                        if (tk(j - 1).has(lex::ordinal) || is(j - 1, "latest") || is(j - 1, "last") || is(j - 1, "first"))
                            return false;
                    break;
                }
        // "were forced to withdraw", "had to abandon": done, under compulsion
        if (is(i - 1, "to") && (is(i - 2, "forced") || is(i - 2, "compelled") || is(i - 2, "obliged") || is(i - 2, "had")))
            return false;
        if (is(i - 1, "to") || is(i - 1, "will") || is(i - 1, "would")) return true;
        // "commitments to not attack", "pledged not to attack", "will never attack": what is not
        // to be done
        if ((is(i - 1, "not") || is(i - 1, "never")) && (is(i - 2, "to") || is(i - 2, "will") || is(i - 2, "would")))
            return true;
        // "the Taliban may capture the district", "could fall within days": a fear, not an event
        if (tk(i).inflection == morph::inflection::base &&
            (is(i - 1, "may") || is(i - 1, "might") || is(i - 1, "could") || is(i - 1, "can") || is(i - 1, "should") ||
             is(i - 1, "must")))
            return true;
        // "a third such attack ... was foiled": it did not happen ("a third such attack on the National
        // Directorate of Security in Kabul is foiled": the place between may be long)
        for (std::size_t k = i + 1; (flags & lex::intent) && k < last && k < i + 14; ++k) {
            const token& a = tk(k);
            if (a.is_punct('.') || a.is_punct(';') || a.is_punct(',')) break;
            if (a.has(lex::intent) && a.inflection == morph::inflection::past && k > i + 1 && tk(k - 1).has(lex::aux)) return true;
        }
        return false;
    }

    void incident_word(std::size_t i) {
        const token& t = tk(i);
        trigger_word w;
        w.at = static_cast<std::uint32_t>(i);
        w.kind = t.event;
        w.verb = t.has(lex::verb) || progressive(i);
        // "air strike", "suicide bomber" and friends
        if (t.event == lex::event_kind::suicide) {
            if (!(is(i + 1, "attack") || is(i + 1, "attacks") || is(i + 1, "bombing") || is(i + 1, "bomber") ||
                  is(i + 1, "bombers") || is(i + 1, "blast") || is(i + 1, "bomb") || is(i + 1, "car") ||
                  is(i + 1, "vest") || is(i + 1, "attacker")))
                return;
        }
        if (t.event == lex::event_kind::operation && t.has(lex::plural)) w.generic = true;
        // "a bomb maker", "a bomb-making cell", "IED experts": a trade or a thing, not a bombing
        if (!w.verb && (t.event == lex::event_kind::bombing || t.event == lex::event_kind::suicide) && in(i + 1) &&
            (is(i + 1, "maker") || is(i + 1, "makers") || is(i + 1, "making") || is(i + 1, "factory") || is(i + 1, "expert") ||
             is(i + 1, "experts")))
            return;
        // "engaged in heavy fighting", "engaged in the war": what they were engaged in says
        // whether they fought ("in combat", "in hostilities": they did)
        // "troops fighting the war in Afghanistan", "fought in the war": the war, which is no incident
        if (t.event == lex::event_kind::clash && !tk(i).has(lex::plural) &&
            ((is(i + 1, "the") && is(i + 2, "war")) || (is(i + 1, "in") && is(i + 2, "the") && is(i + 3, "war"))))
            return;
        if (fighting_as_a_topic(i)) return;
        static const std::uint16_t engage = lex::lemma_id("engage");
        if (w.verb && t.event == lex::event_kind::clash && doc.lemma_is(i, engage) && is(i + 1, "in") && !is(i + 2, "combat") &&
            !is(i + 2, "hostilities"))
            return;
        // "workers engaged on a road project", "engaged to be married", "engaged as guards": no fight
        if (t.event == lex::event_kind::clash && doc.lemma_is(i, engage) &&
            (is(i + 1, "on") || is(i + 1, "to") || is(i + 1, "as") || is(i + 1, "for")))
            return;
        // "two roadside bombings", "twin blasts", "three separate attacks": counted incidents
        bool counted = false;
        for (std::size_t k = i; k > first && k + 4 > i && !counted; --k)
            counted = tk(k - 1).kind == token_kind::number || (tk(k - 1).has(lex::number) && tk(k - 1).value > 1) ||
                      is(k - 1, "twin");
        if (!w.verb && t.has(lex::plural) && t.event != lex::event_kind::clash && !counted) {
            // "attacks against Afghan forces" is a habit; "roadside bombs killed three people",
            // "twin blasts rocked Kabul", "air strikes on a clinic in Kunduz killed nine" are
            // incidents, told as the subject of what they did
            auto finite = [&](std::size_t v) {
                const token& x = tk(v);
                return x.kind == token_kind::word &&
                       ((x.has(lex::verb) && !x.has(lex::speech)) ||
                        (x.has(lex::predicate) && x.form != lex::form::noun && x.form != lex::form::adjective) ||
                        (x.lemma && (x.inflection == morph::inflection::past || x.inflection == morph::inflection::base) &&
                         !x.has(lex::person | lex::trigger | lex::side_word)) ||
                        // "rockets landed near the palace" ("land" is no verb of the lexicon: "land mine")
                        (x.flags == 0 && doc.is(v, "landed")));
            };
            std::size_t v = i + 1;
            while (in(v) && tk(v).has(lex::adverb)) ++v;
            // ("the strikes were carried out in Kandahar": a passive's subject as well)
            if (in(v + 1) && tk(v).has(lex::aux) && (is(v, "were") || is(v, "was")) && tk(v + 1).kind == token_kind::word &&
                (tk(v + 1).inflection == morph::inflection::past || ends_with(doc.stem(v + 1), "ed")))
                ++v;
            // ("mines were cleared from the road", "bombs were found": bombs made safe did nothing)
            static const std::uint16_t clear = lex::lemma_id("clear"), find = lex::lemma_id("find"), defuse = lex::lemma_id("defuse");
            bool subject = in(v) && finite(v) &&
                           !(t.event == lex::event_kind::bombing &&
                             (doc.lemma_is(v, clear) || doc.lemma_is(v, find) || doc.lemma_is(v, defuse) || is(v, "removed") ||
                              is(v, "discovered") || is(v, "recovered")));
            // over a place or a target after it: "on a clinic in Kunduz"
            if (!subject && in(v) && tk(v).has(lex::preposition) && !is(v, "of")) {
                for (std::size_t k = v; in(k) && k < v + 10 && !subject; ++k) {
                    const token& x = tk(k);
                    if (x.kind == token_kind::punct || x.has(lex::conjunction | lex::relative)) break;
                    if (x.has(lex::preposition | lex::determiner | lex::place_noun) || (x.shape & capitalized) || x.flags == 0) continue;
                    subject = finite(k);
                    break;
                }
            }
            // ("such attacks happen often in Helmand": told with how often, a habit)
            static constexpr word_list habitual{{"often", "frequently", "regularly", "routinely", "usually", "sometimes",
                                                 "rarely", "seldom", "occasionally", "repeatedly", "such"}};
            if (subject)
                for (std::size_t k = i > first + 1 ? i - 1 : first; k < std::min(last, v + 3) && subject; ++k)
                    if (is_one_of(doc, k, habitual)) subject = false;
            w.generic = !subject && !launched_at_a_place(i);
        }
        // determiner of a noun trigger, skipping its modifiers
        if (!w.verb) {
            for (std::size_t k = i; k > first && k + 8 > i; --k) {
                const token& p = tk(k - 1);
                if (p.has(lex::determiner)) {
                    // "the attack", "this offensive" point back; "its first attack" does not
                    w.definite = is(k - 1, "the") || is(k - 1, "this") || is(k - 1, "that") || is(k - 1, "these") ||
                                 is(k - 1, "those");
                    break;
                }
                if (p.kind == token_kind::punct || p.has(lex::preposition | lex::verb | lex::predicate | lex::conjunction)) break;
                // a verb's tense ends the phrase too: "forces launch Operation X", "condemns today's attack"
                if (p.lemma && !p.has(lex::person | lex::trigger | lex::side_word) &&
                    (p.inflection == morph::inflection::base || p.inflection == morph::inflection::third_person ||
                     p.inflection == morph::inflection::past))
                    break;
            }
        }
        if (being_laid(i)) return;
        if (intended_incident(i) || out.generic || out.nationwide) w.generic = true;
        // "its annual spring offensive": a season's campaign, announced, not an incident
        for (std::size_t k = i; k > first && k + 3 > i; --k)
            if (is(k - 1, "spring") || is(k - 1, "annual") || is(k - 1, "summer") || is(k - 1, "winter")) w.generic = true;
        if (!w.verb && (t.event == lex::event_kind::operation || t.event == lex::event_kind::attack) && announced_or_named(i))
            w.generic = true;
        if (!w.verb && none_told(i)) w.generic = true;
        if (!w.verb && t.inflection == morph::inflection::plural) note_incidents_counted(i);
        out.triggers.push_back(w);
    }

    // "are attacking", "were still shelling", "have been attacking": a gerund after a form of "be"
    // is its clause's verb, told in the progressive, and no noun ("The Taliban are attacking" points
    // back to no attack the way "the attack" does)
    bool progressive(std::size_t i) const {
        std::size_t k = i;
        while (k > first && k + 3 > i && tk(k - 1).has(lex::adverb)) --k;
        if (k == first || !tk(k - 1).has(lex::aux)) return false; // (most incident words: one test)
        if (!(is(k - 1, "are") || is(k - 1, "is") || is(k - 1, "were") || is(k - 1, "was") || is(k - 1, "been") || is(k - 1, "be")))
            return false;
        // ("are fighting", "are shelling": the lexicon keeps some gerunds as nouns)
        return tk(i).inflection == morph::inflection::gerund || ends_with(doc.stem(i), "ing");
    }

    // ---- noun phrases naming people --------------------------------------------------------
    bool modifier_word(std::size_t i) const {
        const token& t = tk(i);
        if (t.kind != token_kind::word) return false;
        if (is(i, "would-be")) return true; // "three would-be bombers": people who meant to, caught
        // "leaves", "left", "leaving": a verb's inflections modify no noun ("United States troops" do)
        // ("22 surrendering commandos", "three fleeing soldiers": a participle right before the people)
        if (t.lemma && !t.has(lex::verb_too) && !(t.shape & capitalized) &&
            (t.inflection == morph::inflection::third_person || t.inflection == morph::inflection::past ||
             t.inflection == morph::inflection::gerund))
            return (t.has(lex::side_word | lex::person | lex::trigger) && !t.has(lex::verb) && t.inflection != morph::inflection::past) ||
                   (t.inflection == morph::inflection::gerund && in(i + 1) && tk(i + 1).has(lex::person | lex::side_word) &&
                    i > first && (tk(i - 1).kind == token_kind::number || tk(i - 1).has(lex::number)));
        // ("35 or more civilians": the count's end, not "more civilians")
        if (t.has(lex::side_word | lex::person | lex::additive)) return !t.has(lex::determiner) && !(t.has(lex::additive) && is(i - 1, "or"));
        // "12 hospital staff", "ministry officials"
        if (t.has(lex::source) && !t.has(lex::speech | lex::verb) && !(t.shape & capitalized)) return true;
        if (t.has(lex::place_noun)) return is(i, "provincial") || is(i, "district") || is(i, "border");
        if (t.has(lex::trigger)) return !t.has(lex::verb) && !t.has(lex::plural);
        if (t.has(not_modifier)) return false;
        if (t.flags != 0) return false;
        if (t.shape & capitalized) return true;
        auto w = doc.stem(i);
        return !(ends_with(w, "ed") || ends_with(w, "ing"));
    }

    // A quantity that ends exactly at `end`, starting no earlier than `from`.
    std::optional<quantity> quantity_ending(std::size_t end, std::size_t from) const {
        std::size_t lo = end > from + 7 ? end - 7 : from;
        // most phrases have no quantity before them: a look at the word before spares a parse
        // from each token before it
        for (std::size_t j = lo; j < end && may_end_quantity(doc, end - 1); ++j) {
            if (auto q = parse_quantity(doc, j, end); q && q->last == end) return q;
        }
        // a quantity in quotation marks: "'up to 90' people"
        if (end > from + 2 && (tk(end - 1).is_punct('\'') || tk(end - 1).is_punct('"'))) {
            for (std::size_t j = end > from + 8 ? end - 8 : from + 1; j + 1 < end; ++j) {
                if (!(tk(j - 1).is_punct('\'') || tk(j - 1).is_punct('"'))) continue;
                if (auto q = parse_quantity(doc, j, end - 1); q && q->last == end - 1) {
                    q->first = static_cast<std::uint32_t>(j - 1);
                    q->last = static_cast<std::uint32_t>(end);
                    return q;
                }
            }
        }
        return std::nullopt;
    }

    // The people a count names, from the count through the word `head`.
    person_phrase counted_people(const quantity& q, std::size_t head) const {
        person_phrase ph;
        ph.first = q.first;
        ph.last = static_cast<std::uint32_t>(head + 1);
        ph.head = static_cast<std::uint32_t>(head);
        ph.count = q;
        ph.plural = q.best != 1;
        ph.key = doc.stem(head);
        return ph;
    }

    // unknown_plural_head's first tests, of the token alone: a lower-case word of four bytes or more
    // that the lexicon does not know, whose stem may end in an s (a stem of up to eight bytes is
    // asked by its folded last byte; a longer one is left to unknown_plural_head)
    static bool may_be_unknown_plural(const token& t) {
        if (t.kind != token_kind::word || t.flags != 0 || t.lemma || (t.shape & capitalized) || t.stem_size < 4) return false;
        return t.stem_size > 8 || ((t.folded >> (8 * (t.stem_size - 1))) & 0xFF) == 's';
    }

    // A lower-case word the lexicon does not know, spelt as a plural, ending a noun phrase.
    bool unknown_plural_head(std::size_t h) const {
        const token& t = tk(h);
        if (t.kind != token_kind::word || t.flags != 0 || t.lemma || (t.shape & capitalized)) return false;
        auto w = doc.stem(h);
        if (w.size() < 4 || w.back() != 's' || w.ends_with("ss") || w.ends_with("us") || w.ends_with("is")) return false;
        // ("captured two checkpoints", "seized 30 vehicles": places and things taken)
        static constexpr word_list things{{"vehicles", "weapons", "tanks", "trucks", "tankers", "houses", "homes", "shops",
                                           "villages", "areas", "buildings", "schools", "rifles", "guns"}};
        if (facility_noun(h) || is_one_of(doc, h, things)) return false;
        if (!in(h + 1)) return true;
        const token& n = tk(h + 1);
        return n.kind != token_kind::word || n.has(lex::aux | lex::verb | lex::predicate | lex::preposition | lex::conjunction | lex::relative);
    }

    // find_phrases and its steps were one function: out of line from rest(), with the steps that
    // run for every phrase inlined, they cost what the one function did (else GCC's growth limits
    // left calls that cost the bench's extraction 0.3 to 0.5 % more)
    [[gnu::noinline]] void find_phrases() {
        std::size_t consumed = first;
        for (std::size_t h = first; h < last; ++h) {
            const token& t = tk(h);
            // Most tokens start no phrase, and one test spares them the tests below, each of which
            // needs a pronoun, a person, a side, a word the lexicon does not know that may be a
            // plural (any other such word only goes on to fail unknown_plural_head), or one of four
            // words (compared as document::is does, without a call for each token): first the flags,
            // then the length and the folded stem, which rule out most tokens
            static constexpr std::uint64_t head_word = document::pack_word("head"), his_word = document::pack_word("his"),
                                           her_word = document::pack_word("her"), their_word = document::pack_word("their");
            if (!t.has(lex::pronoun | lex::person | lex::side_word | lex::relative) && !may_be_unknown_plural(t) &&
                (t.stem_size < 3 || t.stem_size > 5 ||
                 (t.folded != his_word && t.folded != her_word && t.folded != head_word && t.folded != their_word)))
                continue;
            bool is_head = false, is_his = false, is_her = false, is_their = false;
            switch (t.stem_size) {
            case 3: is_his = t.folded == his_word, is_her = t.folded == her_word; break;
            case 4: is_head = t.folded == head_word; break;
            case 5: is_their = t.folded == their_word; break;
            default: break;
            }
            // ("at least fifteen of which were killed", "two of whom died": the relative stands for
            // the people counted before it, as "them" does)
            const bool of_which = t.has(lex::relative) && h > first + 1 && is(h - 1, "of") && (is(h, "which") || is(h, "whom")) &&
                                  quantity_ending(h - 1, first).has_value();
            if (!t.has(lex::pronoun | lex::person | lex::side_word) && (t.kind != token_kind::word || t.flags != 0) && !is_head &&
                !is_his && !is_her && !is_their && !of_which)
                continue;
            bool pron = (t.has(lex::pronoun) && !t.has(lex::determiner) && !is(h, "it") && !is(h, "we") && !is(h, "i")) || of_which;
            if (is_her && in(h + 1) && tk(h + 1).kind == token_kind::word && !tk(h + 1).has(lex::predicate | lex::preposition | lex::conjunction))
                pron = false; // her weapon
            bool person = t.has(lex::person) && t.kind == token_kind::word;
            // "killed the head of the provincial council": one who heads something is a person
            // (where "shot in the head" has no "of" after it)
            if (!person && is_head && is(h + 1, "of") && h > first && tk(h - 1).has(lex::determiner) &&
                !is(h - 2, "in") && !is(h - 2, "to"))
                person = true;
            // ... and so is a council's or a union's head ("a deputy provincial council head")
            if (!person && is_head && h > first &&
                (tk(h - 1).has(lex::source) || is(h - 1, "police") || is(h - 1, "union") || is(h - 1, "department") ||
                 is(h - 1, "tribal")) &&
                !is(h - 1, "news"))
                person = true;
            if ((!person && add_counted_nationality(h, consumed)) ||
                (!person && !pron && h >= consumed && add_unknown_plural(h, consumed))) {
                consumed = h + 1;
                continue;
            }
            // "his death", "their arrest": the possessive names who died or was held
            bool possessor = (is_his || is_her || is_their) && in(h + 1) && tk(h + 1).has(lex::predicate) &&
                             tk(h + 1).form == lex::form::noun;
            if (!(pron || person || possessor) || h < consumed) continue;
            if (person && !heads_a_phrase(h)) continue;
            std::size_t end = add_person_phrase(h, consumed, pron, person, possessor);
            consumed = end;
            h = end - 1;
        }
    }

    // "one Afghan was killed", "two Britons": a nationality counted is people, of no side
    bool add_counted_nationality(std::size_t h, std::size_t consumed) {
        const token& t = tk(h);
        bool nationality = t.kind == token_kind::word && t.has(lex::side_word) && (t.shape & capitalized) &&
                           h > first && (tk(h - 1).has(lex::number) || tk(h - 1).kind == token_kind::number) &&
                           !(in(h + 1) && tk(h + 1).kind == token_kind::word && !tk(h + 1).has(lex::aux | lex::verb | lex::predicate | lex::preposition | lex::conjunction));
        if (!nationality) return false;
        auto q = quantity_ending(h, std::max(first, consumed));
        if (!q) return false;
        person_phrase ph;
        ph.head = static_cast<std::uint32_t>(h);
        ph.key = doc.stem(h);
        ph.count = q;
        ph.first = q->first;
        ph.last = static_cast<std::uint32_t>(h + 1);
        ph.plural = q->best != 1;
        add_phrase(ph);
        return true;
    }

    // "nine homeless drug users were shot dead", "killed 14 worshippers": a counted plural
    // noun the lexicon does not know, heading its phrase, is people when a casualty word
    // takes it (things are not killed, wounded or detained)
    bool add_unknown_plural(std::size_t h, std::size_t consumed) {
        if (!unknown_plural_head(h)) return false;
        std::size_t begin = h;
        while (begin > first && h - begin < 2 && tk(begin - 1).kind == token_kind::word && tk(begin - 1).flags == 0 &&
               !(tk(begin - 1).shape & capitalized))
            --begin;
        auto q = quantity_ending(begin, std::max(first, consumed));
        if (!q || q->vague || q->best <= 1) return false;
        add_phrase(counted_people(*q, h));
        return true;
    }

    // whether a person noun heads its own phrase
    bool heads_a_phrase(std::size_t h) const {
        // "Taliban militants", "Taliban military leader": a later person noun is the head ("Local
        // Police (ALP) members" too)
        if (abbreviation_at(h + 1)) h += 3;
        for (std::size_t k = h + 1; k < std::min(last, h + 4); ++k) {
            if (k > h + 1 && tk(k).has(lex::person) && tk(k).kind == token_kind::word && !is(k, "others")) return false;
            if (!modifier_word(k) || tk(k).has(lex::additive | lex::person)) break;
        }
        // "two police stations", "the army's outposts": a building named for whose it is
        return !(facility_noun(h + 1) && !(tk(h).shape & capitalized));
    }

    // The phrase of the pronoun, person or possessive at h; returns where it ends.
    [[gnu::always_inline]] std::size_t add_person_phrase(std::size_t h, std::size_t consumed, bool pron, bool person, bool possessor) {
        // compounds: police chief, Taliban commander -> the last noun is the head
        std::size_t head = h;
        if (person)
            for (;;) {
                std::size_t next = abbreviation_at(head + 1) ? head + 4 : head + 1;
                if (!(in(next) && tk(next).has(lex::person) && tk(next).kind == token_kind::word && (tk(next).shape & space_before) &&
                      !is(next, "others")))
                    break;
                head = next;
            }
        person_phrase ph;
        ph.head = static_cast<std::uint32_t>(head);
        ph.key = doc.stem(head);
        ph.pronoun = pron || possessor;
        ph.plural = tk(head).has(lex::plural) || (pron && tk(head).has(lex::relative)); // "three of whom"
        ph.role = tk(head).has(lex::role) || (is(head, "head") && is(head + 1, "of")); // "the head of the council"
        ph.side = tk(head).side;
        std::size_t begin = h;
        if (person) {
            begin = start_of_modifiers(h, std::max(first, consumed));
            read_modifiers(ph, begin, head);
        }
        std::size_t lo = std::max(first, consumed);
        begin = take_count_and_determiner(ph, begin, lo);
        // partitive: two of the men, several of them, all four of the insurgents, one of his associates
        if (begin > lo + 1 && is(begin - 1, "of")) begin = take_partitive(ph, begin, lo);
        if (!ph.count && !ph.plural && !ph.pronoun && person) {
            // a singular person without an article: headline style ("Police Chief killed") or a
            // role before a name ("killed Taliban leader Saifullah")
            ph.count = quantity{1, 1, 1, false, false, static_cast<std::uint32_t>(head), static_cast<std::uint32_t>(head + 1)};
        }
        if (ph.pronoun && !ph.plural && !is(h, "they") && !is(h, "them") && !is(h, "their"))
            ph.count = quantity{1, 1, 1, false, false, static_cast<std::uint32_t>(h), static_cast<std::uint32_t>(h + 1)};
        std::size_t end = (ph.pronoun ? h : head) + 1;
        if (possessor) ph.plural = is(h, "their");
        if (person) end = take_person_right(ph, head, end);
        ph.first = static_cast<std::uint32_t>(begin);
        ph.last = static_cast<std::uint32_t>(end);
        add_phrase(ph);
        return end;
    }

    // "his 60-year-old grandfather": an age before token `at` (its number, "-" and "year-old" as the
    // text splits them), where the modifiers then go on; 0 for none
    std::size_t age_before(std::size_t at, std::size_t floor) const {
        if (at < floor + 2) return 0;
        std::size_t k = at - 1;
        const auto w = doc.stem(k);
        if (!(w == "year-old" || w == "years-old" || w == "month-old" || w == "-year-old")) return 0;
        if (k > floor && tk(k - 1).is_punct('-')) --k;
        if (k > floor && tk(k - 1).kind == token_kind::number && tk(k - 1).end == tk(k).begin) return k - 1;
        return 0;
    }

    // modifiers to the left, through "(IMU)" and "Islamic Movement of Uzbekistan"
    std::size_t start_of_modifiers(std::size_t h, std::size_t floor) const {
        std::size_t begin = h;
        while (begin > floor) {
            if (age_before(begin, floor)) {
                begin = age_before(begin, floor);
            } else if (modifier_word(begin - 1)) {
                --begin;
            } else if (begin >= floor + 2 && tk(begin - 1).kind == token_kind::word && tk(begin - 1).flags == 0 &&
                       !(tk(begin - 1).shape & capitalized) &&
                       (tk(begin - 2).has(lex::determiner | lex::number | lex::vague | lex::side_word | lex::additive) ||
                        tk(begin - 2).kind == token_kind::number)) {
                --begin; // "two targeted insurgents", "the arrested leader"
            } else if (begin >= floor + 2 && tk(begin - 1).has(lex::predicate) && tk(begin - 1).form == lex::form::participle &&
                       (tk(begin - 2).has(lex::determiner | lex::number) || tk(begin - 2).kind == token_kind::number)) {
                --begin; // "two injured policemen", "the kidnapped engineers": what befell them before

            } else if (begin >= floor + 3 && abbreviation_at(begin - 3)) {
                begin -= 3;
            } else if (begin >= floor + 2 && is(begin - 1, "of") && (tk(begin).shape & capitalized) &&
                       (tk(begin - 2).shape & capitalized) && tk(begin - 2).kind == token_kind::word) {
                begin -= 1;
            } else {
                break;
            }
        }
        return begin;
    }

    // what a person's modifiers add: "other", "more", a side
    void read_modifiers(person_phrase& ph, std::size_t begin, std::size_t head) const {
        for (std::size_t k = begin; k <= head; ++k) {
            const token& m = tk(k);
            if (m.has(lex::additive) && !is(k, "other") && !is(k, "others")) ph.additive = true;
            if (is(k, "more") || is(k, "further")) ph.more = true;
            if (m.has(lex::side_word | lex::person) && m.side != lex::side::none && ph.side == lex::side::none)
                ph.side = m.side;
            if (m.has(lex::side_word) && m.side != lex::side::none && m.side != lex::side::hostile &&
                ph.side == lex::side::security && m.side == lex::side::coalition)
                ph.side = m.side;
            if ((is(k, "taliban") || is(k, "insurgent") || is(k, "haqqani")) && ph.side != lex::side::isk)
                ph.side = lex::side::hostile;
        }
    }

    // quantity and determiner; returns the phrase's new first token
    [[gnu::always_inline]] std::size_t take_count_and_determiner(person_phrase& ph, std::size_t begin, std::size_t lo) const {
        if (auto q = quantity_ending(begin, lo)) {
            ph.count = q;
            begin = q->first;
        }
        if (begin > lo && tk(begin - 1).has(lex::determiner) && !is(begin - 1, "that")) {
            --begin;
            if (is(begin, "a") || is(begin, "an") || is(begin, "another")) {
                if (!ph.count && !ph.plural) ph.count = quantity{1, 1, 1, false, false, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(begin + 1)};
                if (is(begin, "another")) ph.additive = true;
            } else if (is(begin, "no")) {
                ph.count = quantity{0, 0, 0, false, false, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(begin + 1)};
            } else {
                ph.definite = true;
                if (is(begin, "both") && !ph.count) ph.count = quantity{2, 2, 2, false, false, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(begin + 1)};
            }
            if (begin > lo && (is(begin - 1, "all") || is(begin - 1, "both"))) --begin, ph.definite = true;
        } else if (begin > lo && (tk(begin - 1).shape & possessive) && (tk(begin - 1).shape & capitalized) &&
                   tk(begin - 1).kind == token_kind::word) {
            --begin; // Zalmi's associates
            ph.definite = true;
        }
        if (ph.count && begin > lo && (is(begin - 1, "all") || is(begin - 1, "the") || is(begin - 1, "these") || is(begin - 1, "those"))) {
            --begin;
            ph.definite = true;
        }
        if (ph.count && begin > lo && (is(begin - 1, "only") || is(begin - 1, "just"))) --begin;
        return begin;
    }

    // the partitive ending at "of" before begin; returns the phrase's new first token
    std::size_t take_partitive(person_phrase& ph, std::size_t begin, std::size_t lo) const {
        // "three of our fighters": the speaker's own people, counted anew, not a part of a
        // group told before
        const bool ours = is(begin, "our") || is(begin, "my");
        if (auto q = quantity_ending(begin - 1, lo); q && !is(q->first, "a")) {
            ph.partitive = !ours;
            if (ours) ph.definite = false;
            ph.count = q;
            begin = q->first;
            if (begin > lo && is(begin - 1, "all")) --begin, ph.definite = true;
        } else if (is(begin - 2, "one") || is(begin - 2, "none") || is(begin - 2, "each") || is(begin - 2, "all") ||
                   is(begin - 2, "both") || is(begin - 2, "most") || is(begin - 2, "some")) {
            ph.partitive = true;
            if (is(begin - 2, "one")) ph.count = quantity{1, 1, 1, false, false, static_cast<std::uint32_t>(begin - 2), static_cast<std::uint32_t>(begin - 1)};
            if (is(begin - 2, "none")) ph.count = quantity{0, 0, 0, false, false, static_cast<std::uint32_t>(begin - 2), static_cast<std::uint32_t>(begin - 1)};
            if (is(begin - 2, "all") || is(begin - 2, "both")) ph.definite = true, ph.partitive = false;
            begin -= 2;
        }
        return begin;
    }

    // what follows a person noun: a name, a family's number, whose role, whose members; returns the
    // phrase's new end
    [[gnu::always_inline]] std::size_t take_person_right(person_phrase& ph, std::size_t head, std::size_t end) const {
        // a name after a role: Taliban leader Mullah Abdul Rahman, commander Fayez Jan
        if (ph.role || !ph.plural) {
            std::size_t k = end;
            while (k < last && k < end + 4 && name_word(k) && !(tk(k).shape & all_caps && doc.str(k).size() <= 3)) ++k;
            if (k > end && !(in(k) && tk(k).has(lex::place_noun))) {
                ph.name = true;
                ph.key = doc.span(end, k);
                end = k;
            }
        }
        // "a family of six": the number counts the family's members
        if (is(end, "of") && (is(head, "family") || is(head, "families")))
            if (auto q = parse_quantity(doc, end + 1, last); q && !q->vague && q->low > 1) {
                ph.count = *q;
                ph.plural = true;
                end = q->last;
            }
        // (most phrases end before any "of", "for" or "from": the complement's tests are spared them)
        if (is(end, "of") || is(end, "for") || is(end, "from")) end = take_complement(ph, head, end);
        return end;
    }

    // complement: members of the Afghan security forces, members of the army; and whom a
    // counted group belongs to, which is not who the verb's figure counts: two judges of the
    // Supreme Court, three bodyguards of Governor Ahmad, two sons of a tribal elder
    std::size_t take_complement(person_phrase& ph, std::size_t head, std::size_t end) const {
        const bool members = is(head, "members") || is(head, "member") || is(head, "personnel") || ph.key == "Dozens";
        // "the shadow district chief for Andar", "the deputy governor of Kabul province": whose
        // role it is, a place's name, not more people
        if (ph.role && (is(end, "for") || is(end, "of")) && in(end + 1) && (tk(end + 1).shape & capitalized) &&
            tk(end + 1).kind == token_kind::word) {
            std::size_t k = end + 1;
            while (k < last && k < end + 5 && tk(k).kind == token_kind::word && (tk(k).shape & capitalized)) ++k;
            if (is(k, "province") || is(k, "district")) ++k;
            end = k;
        }
        const bool heads = is(head, "head"); // "the head of ISIL-K", "the head of the provincial council"
        // "seven people from one family": whose they are, as "of" tells it
        const bool from_household = is(end, "from") && ph.count && ph.plural && household_ahead(end + 1);
        if ((is(end, "of") && (members || heads || (ph.count && ph.plural && !ph.partitive && !ph.pronoun))) || from_household) {
            std::size_t k = end + 1;
            std::size_t stop = std::min(last, end + 10);
            auto name_goes_on = [&](std::size_t j) { // "Committee of the Red Cross", "Save the Children"
                return j > end + 1 && (tk(j - 1).shape & capitalized) && (is(j, "of") || is(j, "the") || is(j, "for")) &&
                       j + 1 < stop && ((tk(j + 1).shape & capitalized) || (is(j + 1, "the") && j + 2 < stop && (tk(j + 2).shape & capitalized)));
            };
            // "members of the Taliban and al-Qaeda": two groups whose members they are
            auto group_goes_on = [&](std::size_t j) {
                return members && j > end + 1 && is(j, "and") && tk(j - 1).has(lex::side_word) && j + 1 < stop &&
                       tk(j + 1).has(lex::side_word) && !tk(j + 1).has(lex::person);
            };
            while (k < stop && (tk(k).has(lex::determiner) || modifier_word(k) || (tk(k).shape & possessive) || counts_households(k) ||
                                (tk(k).kind == token_kind::word && (tk(k).shape & capitalized)) || name_goes_on(k) || group_goes_on(k) ||
                                (!members && tk(k).has(lex::person) && !tk(k).has(lex::verb)))) {
                if (members && tk(k).has(lex::side_word | lex::person) && tk(k).side != lex::side::none &&
                    (ph.side == lex::side::none || tk(k).side == lex::side::coalition))
                    ph.side = tk(k).side;
                if (members && (is(k, "army") || is(k, "police"))) ph.side = lex::side::security;
                ++k;
            }
            if (k > end + 1) end = k;
        }
        return end;
    }

    // "family", "households": the group whose members a figure counts ("seven members of one family")
    bool household(std::size_t k) const {
        static constexpr word_list words{{"family", "families", "household", "households", "clan", "tribe"}};
        return in(k) && is_one_of(doc, k, words);
    }
    // "one family", "two households": a figure for the households, not for the people counted
    bool counts_households(std::size_t k) const {
        return in(k) && (tk(k).kind == token_kind::number || tk(k).has(lex::number)) && household(k + 1);
    }
    bool household_ahead(std::size_t k) const {
        for (std::size_t j = k; j < last && j < k + 4; ++j) {
            if (household(j)) return true;
            if (!(tk(j).has(lex::determiner) || counts_households(j) || is(j, "same") || is(j, "single"))) return false;
        }
        return false;
    }

    // A personal name at i ("Qari Ziauddin", "Jan", "Haji Mama"), if any.
    bool name_word(std::size_t k) const {
        const token& t = tk(k);
        // "al-Libi", "ul-Haq", "bin Laden": Arabic names with a particle before the capital letter
        if (t.kind == token_kind::word && !(t.shape & capitalized) && t.flags == 0) {
            auto w = doc.stem(k);
            for (std::string_view particle : {"al-", "el-", "ul-", "ud-", "ur-"})
                if (w.size() > particle.size() + 1 && w.substr(0, particle.size()) == particle && w[particle.size()] >= 'A' &&
                    w[particle.size()] <= 'Z')
                    return true;
        }
        if (t.kind != token_kind::word || !(t.shape & capitalized) || (t.shape & all_caps)) return false;
        if (t.shape & place_name) return false; // "captured Darqad and Yangi Qala": places, not people
        if (doc.is(k, "afghanistan")) return false; // the country is nobody
        // "Separately, two soldiers were killed": an adverb in -ly opening its sentence is nobody
        if (k == first && in(k + 1) && tk(k + 1).is_punct(',') && ends_with(doc.stem(k), "ly") && doc.stem(k).size() > 5)
            return false;
        if (t.flags == 0 || t.has(lex::title_word)) return true;
        // "Jan" the man, not January: a month word with no day or year after it
        return t.has(lex::month) && !(in(k + 1) && (tk(k + 1).kind == token_kind::number || tk(k + 1).is_punct('.')));
    }

    std::optional<person_phrase> name_at(std::size_t i) const {
        // "the Irish Guards", "the 3rd Battalion": a unit or a body is named with "the", a person not
        if (i > first && (is(i - 1, "the") || (tk(i - 1).kind == token_kind::number && (tk(i - 1).shape & ordinal_suffix))))
            return std::nullopt;
        std::size_t k = i;
        while (k < last && k < i + 4 && name_word(k)) ++k;
        if (k == i) return std::nullopt;
        // "Abdul Rahman Wardak": a surname that is a place's name, after two names of the man's own
        // (not "Abdul Rahman Wardak province", nor one with an apostrophe: "Kabul's")
        if (k >= i + 2 && in(k) && tk(k).kind == token_kind::word && (tk(k).shape & place_name) && (tk(k).shape & capitalized) &&
            !(tk(k).shape & (possessive | all_caps)) && !(in(k + 1) && (tk(k + 1).shape & place_name)) &&
            !(in(k + 1) && tk(k + 1).has(lex::place_noun | lex::person)))
            ++k;
        if (in(k) && (tk(k).has(lex::place_noun) || tk(k).has(lex::person))) return std::nullopt;
        person_phrase ph;
        ph.first = static_cast<std::uint32_t>(i);
        ph.last = static_cast<std::uint32_t>(k);
        ph.head = static_cast<std::uint32_t>(i);
        ph.name = true;
        ph.key = doc.span(i, k);
        ph.count = quantity{1, 1, 1, false, false, ph.first, ph.last};
        return ph;
    }

    // A bare count standing for people: "four were captured", "killing several and detaining two".
    // (as_subject: the count before a verb, "and 30 sustained injuries", which no list of objects takes)
    std::optional<person_phrase> bare_count_at(std::size_t i, bool as_subject = false) const {
        // "injured a further 67": as "another 67"
        const std::size_t further = is(i, "a") && is(i + 1, "further") ? i + 1 : is(i, "further") ? i : 0;
        auto q = further ? std::nullopt : parse_quantity(doc, i, last);
        if (!q) {
            if (!is(i, "another") && !further) return std::nullopt;
            // "injures another 100": a count after it, more people than those told
            q = parse_quantity(doc, (further ? further : i) + 1, last);
            if (q) q->first = static_cast<std::uint32_t>(i);
            else if (further) return std::nullopt;
            else q = quantity{1, 1, 1, false, false, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 1)};
        }
        std::size_t after = q->last;
        // "injured 20 more", "dozens more": more people than those told, counted alone
        const bool more = is(after, "more") && !is(after + 1, "than");
        if (more) ++after;
        // "injured five, three seriously": how badly some of them were hurt, no more people
        if (i > first && punct(i - 1, ',') &&
            (is(after, "seriously") || is(after, "critically") || is(after, "severely") || is(after, "badly") || is(after, "gravely")))
            return std::nullopt;
        // "five injuries", "two arrests": a count of what happened, read by the noun
        if (in(after) && tk(after).has(lex::predicate) && tk(after).form == lex::form::noun) return std::nullopt;
        // ("and 30 sustained injuries": the verb that bears the harm noun; a headline's "12 feared
        // dead", "dozens reported killed": the hedge before the harm, its auxiliary left out)
        const bool bears = as_subject && (bears_harm(after) || is(after, "feared") || is(after, "reported") || is(after, "confirmed"));
        if (in(after) && !bears && (tk(after).has(lex::unit | lex::time_word | lex::place_noun) || tk(after).is_punct('%') ||
                          (tk(after).kind == token_kind::word && !tk(after).has(lex::conjunction | lex::preposition | lex::aux | lex::adverb | lex::predicate | lex::speech | lex::relative))))
            return std::nullopt;
        person_phrase ph;
        ph.first = q->first;
        ph.last = static_cast<std::uint32_t>(more ? q->last + 1 : q->last);
        ph.head = q->last - 1;
        ph.count = q;
        ph.plural = q->best != 1;
        ph.additive = is(i, "another") || further;
        ph.more = more;
        return ph;
    }

    int ensure(std::optional<person_phrase> ph) { return ph ? add_phrase(*ph) : -1; }

    // Headlines drop auxiliaries: "Seventeen Killed, One Detained", "Police Chief killed".
    bool doc_title() const {
        const token& l = tk(last - 1);
        return !(l.is_punct('.') || l.is_punct('!') || l.is_punct('?') || l.is_punct('"'));
    }

    // The phrase, name or bare count starting at i.
    int phrase_from(std::size_t i) {
        if (!in(i)) return -1;
        if (int p = phrase_starting(i); p >= 0) return p;
        if (auto ph = name_at(i)) return add_phrase(*ph);
        // "injured a further 67 people": more people, as "another 67 people"
        if (is(i + 1, "further") && is(i, "a") && parse_quantity(doc, i + 2, last))
            if (int p = phrase_starting(i + 2); p >= 0) {
                out.phrases[static_cast<std::size_t>(p)].additive = true;
                return p;
            }
        return ensure(bare_count_at(i));
    }

    // "a father of four", "a mother of three children": one parent, whose children are counted by
    // no verb (the phrase of the parent, or -1)
    int kin_before_their_children(std::size_t end) const {
        static constexpr word_list children{{"children", "kids", "sons", "daughters"}};
        static constexpr word_list parents{{"father", "mother", "parent", "grandfather", "grandmother"}};
        std::size_t k = end;
        if (k > first && is_one_of(doc, k - 1, children)) --k;
        if (!(k > first + 2 && (tk(k - 1).kind == token_kind::number || tk(k - 1).has(lex::number)) && is(k - 2, "of") &&
              is_one_of(doc, k - 3, parents)))
            return -1;
        return phrase_ending(k - 3);
    }

    // "Ahmad Shah, a journalist from Kunduz, was killed", "a teacher at a school in Khost was shot":
    // the preposition of a phrase that ends where the subject does (before `end`, or before a comma
    // there), whose people stand before it (0 for none; "of" joins its phrase to the people)
    std::size_t preposition_of_their_place(std::size_t end) const {
        const std::size_t close = end > first + 1 && punct(end - 1, ',') ? end - 1 : end;
        for (std::size_t k = close; k > first + 1 && k + 7 > close; --k) {
            const token& b = tk(k - 1);
            if (b.kind == token_kind::punct || b.has(lex::predicate | lex::verb | lex::aux | lex::relative | lex::conjunction)) return 0;
            if (b.has(lex::preposition)) return k == close || is(k - 1, "of") ? 0 : k - 1;
        }
        return 0;
    }

    // The phrase, name or bare count ending just before `end`.
    int phrase_before(std::size_t end) {
        if (end <= first) return -1;
        if (int p = kin_before_their_children(end); p >= 0) return p;
        if (int p = phrase_ending(end - 1); p >= 0) return p;
        // the two wounded, the dead
        const token& t = tk(end - 1);
        // "two of the wounded (later died)": people counted among the hurt, now more dead
        if (t.has(lex::predicate) && t.field == lex::field::wounded && end >= first + 4 && is(end - 2, "the") && is(end - 3, "of")) {
            if (auto q = quantity_ending(end - 3, first)) {
                person_phrase ph = counted_people(*q, end - 1);
                ph.additive = true;
                return add_phrase(ph);
            }
        }
        if (t.has(lex::predicate) && (t.form == lex::form::participle || t.form == lex::form::adjective) && end - 1 > first) {
            if (auto q = quantity_ending(end - 1, first)) {
                person_phrase ph = counted_people(*q, end - 1);
                if (ph.first > first && is(ph.first - 1, "the")) ph.first--, ph.definite = true;
                return add_phrase(ph);
            }
        }
        // "and another wounded": one more
        if (end > first + 1 && is(end - 1, "another"))
            if (auto ph = bare_count_at(end - 1, true); ph && ph->last == end) return add_phrase(*ph);
        // ("and 20 more injured": the count with "more" that a bare count reads)
        const std::size_t counted_end = end > first + 1 && is(end - 1, "more") ? end - 1 : end;
        for (std::size_t j = end > first + 6 ? end - 6 : first; j < counted_end; ++j) {
            if (auto q = parse_quantity(doc, j, counted_end); q && q->last == counted_end) {
                // ("and a further 67 were injured": the count read from "a further", as bare_count_at reads it)
                const bool further = j > first && is(j - 1, "further");
                if (j > first && (tk(j - 1).has(lex::person) || modifier_word(j - 1)) && !further) break;
                auto ph = bare_count_at(!further || j == first + 1 ? j : is(j - 2, "a") ? j - 2 : j - 1, true);
                if (ph && ph->last == end) return add_phrase(*ph);
                break;
            }
        }
        // a name: scan back over capitalised unknown words (past a surname that is a place's name,
        // as name_at reads it: "Abdul Rahman Wardak")
        std::size_t k = end;
        if (end > first + 3 && (tk(end - 1).shape & place_name) && name_word(end - 2) && name_word(end - 3)) --k;
        while (k > first && k + 5 > end && name_word(k - 1)) --k;
        if (k < end) {
            if (auto ph = name_at(k); ph && ph->last == end) return add_phrase(*ph);
        }
        return -1;
    }

    // ---- predicates -------------------------------------------------------------------------
    struct left_chain {
        std::size_t end = 0;       // the subject ends just before this token
        bool passive = false;      // a form of "be" precedes
        bool negated = false;
        bool additive = false;
        bool modal = false;        // could/would/might have
        bool relative = false;     // who/that/which
        bool implicit = false;     // "before being gunned down": the subject is the main clause's
        bool earlier = false;      // "had been kidnapped": the past perfect, before the news
    };

    // "A governor was shot in Kunduz and later died": a second verb after "and" with no subject of
    // its own shares the first's. Returns the first verb, when token j is such an "and"; else j.
    std::size_t shared_subject_verb(std::size_t j) const {
        if (!is(j, "and")) return j;
        for (std::size_t v = j; v > first && v + 8 > j; --v) {
            const token& t = tk(v - 1);
            if (t.kind == token_kind::punct || t.has(lex::relative | lex::conjunction | lex::person | lex::pronoun)) return j;
            if (t.has(lex::predicate) || is(v - 1, "shot") || is(v - 1, "stabbed"))
                return v - 1 > first && tk(v - 2).has(lex::aux) ? v - 1 : j;
            bool place_words = t.has(lex::preposition | lex::determiner | lex::place_noun | lex::time_word | lex::weekday | lex::month) || t.flags == 0 ||
                               (t.shape & capitalized) || t.kind == token_kind::number;
            if (!place_words) return j;
        }
        return j;
    }

    // "insurgents believed to be Taliban", "men thought to be fighters": when a phrase ending at j
    // says who people were thought to be, the token after the phrase they are (so the subject is
    // found before the hedge); else j
    std::size_t hedged_identity(std::size_t j) const {
        int hp = phrase_ending(j);
        if (hp < 0) return j;
        std::size_t f = out.phrases[static_cast<std::size_t>(hp)].first;
        if (f < first + 4 || !is(f - 1, "be") || !is(f - 2, "to")) return j;
        if (!(is(f - 3, "believed") || is(f - 3, "thought") || is(f - 3, "said") || is(f - 3, "suspected") ||
              is(f - 3, "reported")))
            return j;
        return phrase_ending(f - 4) >= 0 ? f - 3 : j;
    }

    // "..., 26, of 1st RCHA is killed", "..., 21, from Leeds was killed": a unit or a home town after
    // a person's age, not closed by a comma. When the words ending at token j are one, the comma
    // after the age; else j.
    std::size_t unit_after_age(std::size_t j) const {
        if (!(tk(j).shape & (capitalized | ordinal_suffix))) return j;
        std::size_t k = j + 1;
        while (k > first && k + 5 > j && (tk(k - 1).kind == token_kind::word || tk(k - 1).kind == token_kind::number) &&
               ((tk(k - 1).shape & (capitalized | ordinal_suffix)) || is(k - 1, "the")) && !tk(k - 1).has(lex::verb | lex::aux))
            --k;
        if (k > j || k < first + 4 || !(is(k - 1, "of") || is(k - 1, "from"))) return j;
        const std::size_t comma = k - 2;
        if (!punct(comma, ',') || tk(comma - 1).kind != token_kind::number || tk(comma - 1).value >= 120 || !punct(comma - 2, ','))
            return j;
        return comma + 1;
    }

    left_chain skip_left(std::size_t p) const {
        left_chain c;
        bool active_infinitive = false;
        std::size_t k = p;
        while (k > first) {
            std::size_t j = k - 1;
            const token& t = tk(j);
            if (t.has(lex::aux) && !is(j, "may")) {
                if (is(j, "was") || is(j, "were") || is(j, "been") || is(j, "being") || is(j, "be") || is(j, "is") ||
                    is(j, "are") || is(j, "got") || is(j, "get"))
                    c.passive = true;
                if (is(j, "would") || is(j, "could") || is(j, "might") || is(j, "should") || is(j, "will") || is(j, "can"))
                    c.modal = true;
                if (is(j, "had")) c.earlier = true;
                k = j;
            } else if (adverb_like(doc, j) || is(j, "remain") || is(j, "remained") || is(j, "remains") || is(j, "went") ||
                       is(j, "found") || is(j, "feared") || is(j, "presumed")) {
                if (is(j, "also")) c.additive = true;
                if (is(j, "found") || is(j, "feared") || is(j, "remain") || is(j, "remained") || is(j, "remains") || is(j, "went"))
                    c.passive = true;
                k = j;
            } else if (t.has(lex::negation) && !t.has(lex::determiner)) {
                c.negated = true;
                k = j;
            } else if (is(j, "shot") || is(j, "stabbed") || is(j, "beaten")) {
                c.passive = true;
                k = j;
            } else if (j >= first + 3 && abbreviation_at(j - 2) && people_abbreviated(j - 3)) {
                k = j - 2; // "soldiers of the Afghan National Army (ANA) were killed"
            } else if ((is(j, "and") || is(j, "or")) && j > first &&
                       (tk(j - 1).has(lex::predicate) || is(j - 1, "shot") || is(j - 1, "stabbed"))) {
                k = j - 1; // killed or injured; shot and killed
                if (tk(j - 1).has(lex::predicate) && (tk(j - 1).form == lex::form::participle)) c.passive = c.passive || false;
            } else if (std::size_t v = shared_subject_verb(j); v != j) {
                k = v; // "was shot in Kunduz and died of his wounds": the first verb's subject
            } else if (is(j, "to") && j > first && (is(j - 1, "said") || is(j - 1, "believed") || is(j - 1, "reported") ||
                                                    is(j - 1, "feared") || is(j - 1, "thought") || is(j - 1, "confirmed"))) {
                k = j - 1;
                // "are said to be killed", "believed to have been killed"; but "are said to have
                // killed 11": the subject did it, whatever the voice of "are said"
                if (is(j + 1, "have") && !is(j + 2, "been")) active_infinitive = true;
                c.passive = true;
            } else if (std::size_t before = hedged_identity(j); before != j) {
                k = before; // "22 insurgents believed to be Taliban were killed": the insurgents were
            } else if (t.has(lex::relative) && !is(j, "when") && !is(j, "where") &&
                       !(j > first + 1 && is(j - 1, "of") && quantity_ending(j - 1, first).has_value())) { // ("two of whom")
                c.relative = true;
                k = j;
                // "the targeted individual, who was detained", "a gunman - who was killed by soldiers -"
                if (k > first && (punct(k - 1, ',') || (tk(k - 1).is_punct('-') && (tk(k - 1).shape & space_before)))) --k;
                break;
            } else if (is(j, "as") && j > first && (is(j - 1, "reported") || is(j - 1, "listed") || is(j - 1, "confirmed"))) {
                // "reported as killed", "listed as missing"
                c.passive = true;
                k = j - 1;
            } else if (std::size_t unit = unit_after_age(j); unit != j) {
                k = unit; // "Captain Nichola Goddard, 26, of 1st RCHA is killed"
            } else if (t.is_punct(',') || (t.is_punct('-') && (t.shape & space_before))) {
                // a parenthesis between dashes: "12 people - including six UN staff - were killed"
                if (t.is_punct('-')) {
                    std::size_t open = j;
                    while (open > first && open + 16 > j && !(tk(open - 1).is_punct('-') && (tk(open - 1).shape & space_before))) --open;
                    bool itemised = open > first && open < j && parse_quantity(doc, open, j).has_value();
                    // ("The victims - two women and a child - were killed": people not counted before
                    // the parenthesis are counted by it, counted_before_parenthesis)
                    if (itemised && open > first + 1) {
                        const int people = phrase_ending(open - 2);
                        if (people >= 0) {
                            const auto& count = out.phrases[static_cast<std::size_t>(people)].count;
                            if (!(count && count->best > 0)) break;
                        }
                    }
                    if (open > first && open < j && (itemised || is(open, "including") || is(open, "among") || is(open, "most") || is(open, "all"))) {
                        k = open - 1;
                        continue;
                    }
                    break;
                }
                // an apposition: "Murach, a Taliban leader, was killed" (and "Rabbani, the former
                // President of Afghanistan, is killed": past its complement)
                int ap = kin_before_their_children(j);
                if (ap < 0) ap = phrase_ending(j - 1);
                if (ap < 0 && j > first + 2) {
                    std::size_t complement = j - 1;
                    while (complement > first + 1 && complement + 5 > j && tk(complement).kind == token_kind::word &&
                           ((tk(complement).shape & capitalized) || is(complement, "the")))
                        --complement;
                    if (complement + 1 < j && is(complement, "of")) ap = phrase_ending(complement - 1);
                }
                // ("Ahmad Shah, a journalist from Kunduz, was killed": past where the person is from)
                if (ap < 0)
                    if (const std::size_t of_place = preposition_of_their_place(j)) ap = phrase_ending(of_place - 1);
                if (ap >= 0) {
                    const auto& a = out.phrases[static_cast<std::size_t>(ap)];
                    if (a.first > first && tk(a.first - 1).is_punct(',') && !a.plural &&
                        (phrase_ending(a.first - 2) >= 0 || (tk(a.first - 2).shape & capitalized) || name_word(a.first - 2))) {
                        k = a.first - 1;
                        continue;
                    }
                }
                // a parenthesis: ", including senior police officer," / ", most of them soldiers,"
                std::size_t open = j;
                // a reduced relative clause too: ", suspected to be members of a ... network,"
                while (open > first && open + 16 > j && !tk(open - 1).is_punct(',')) --open;
                // a name in apposition: "A senior police officer in Kandahar, Abdul Rahim, was shot dead";
                // an age or a unit after a name: "Captain Nichola Goddard, 26, of 1st RCHA is killed"
                bool name = open > first && open < j && tk(open - 1).is_punct(',');
                bool age = name && j == open + 1 && tk(open).kind == token_kind::number && tk(open).value < 120;
                // ", Michelle Lang of the Calgary Herald,": a name and where the person is from
                // (", from Leeds,", ", of the 2nd Battalion,": where alone)
                bool of_seen = false;
                if (name && !age && open + 1 < j && (is(open, "from") || is(open, "of"))) {
                    of_seen = true;
                    ++open;
                }
                for (std::size_t q = open; q < j && name && !age; ++q) {
                    bool of = q > open && q + 1 < j && is(q, "of");
                    name = name_word(q) || of ||
                           (of_seen && ((tk(q).kind == token_kind::word &&
                                         ((tk(q).shape & capitalized) || (is(q, "the") && (is(q - 1, "of") || is(q - 1, "from"))))) ||
                                        (tk(q).kind == token_kind::number && (tk(q).shape & capitalized) == 0 && q + 1 < j &&
                                         (tk(q + 1).shape & capitalized))));
                    of_seen = of_seen || of;
                }
                if (name) {
                    k = open - 1;
                    if (is(k, "from") || is(k, "of")) {
                        --k;
                        // after an age: "Private John Smith, 21, from Leeds, was killed"
                        if (k > first + 2 && tk(k - 1).kind == token_kind::number && tk(k - 1).value < 120 && punct(k - 2, ','))
                            k -= 2;
                    }
                    // inside a parenthesis itself: ", including the police chief, Ahmad Khan,"
                    std::size_t outer = k;
                    while (outer > first && outer + 16 > k && !tk(outer - 1).is_punct(',')) --outer;
                    if (outer > first && outer < k && (is(outer, "including") || is(outer, "among"))) k = outer - 1;
                    continue;
                }
                // a role after a name: "Ahmad Karimi, head of the Free Media Forum of Afghanistan,"
                // (", the former President of Afghanistan,": past its article and the words before its title)
                std::size_t title = open;
                if (is(title, "the") || is(title, "a") || is(title, "an")) ++title;
                while (title + 1 < j && tk(title).kind == token_kind::word && !(tk(title).shape & capitalized) && tk(title).flags == 0)
                    ++title;
                const bool titled = title > open && title < j && (tk(title).shape & capitalized) && tk(title).flags == 0;
                bool role = open > first + 1 && tk(open - 1).is_punct(',') && name_word(open - 2) &&
                            (tk(title).has(lex::role | lex::source) || is(open, "head") || is(open, "ceo") ||
                             is(open, "director") || is(open, "founder") || is(open, "member") || titled);
                for (std::size_t q = open; q < j && role; ++q)
                    role = (tk(q).kind == token_kind::word && !tk(q).has(lex::verb | lex::predicate | lex::aux | lex::speech)) ||
                           tk(q).is_punct('\'');
                // ", one of them a child,", ", two of whom were women,": part of those counted
                bool part_of = (tk(open).kind == token_kind::number || tk(open).has(lex::number) || is(open, "both") ||
                                is(open, "half")) && is(open + 1, "of");
                if (open > first && tk(open - 1).is_punct(',') &&
                    (is(open, "including") || is(open, "most") || is(open, "mostly") || is(open, "among") ||
                     is(open, "many") || is(open, "all") || is(open, "some") || verb_like(open) || role || part_of)) {
                    k = open - 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        c.end = k;
        if (active_infinitive) c.passive = false;
        // "shot three soldiers before being gunned down": no subject of its own
        if (c.passive && k > first && k < p && is(k, "being") &&
            (is(k - 1, "before") || is(k - 1, "after") || is(k - 1, "while") || is(k - 1, "upon")))
            c.implicit = true;
        return c;
    }

    // The main clause's subject: the first phrase of the sentence, if it opens it.
    std::vector<std::uint32_t> main_subject() const {
        int best = -1;
        for (std::size_t i = 0; i < out.phrases.size(); ++i)
            if (best < 0 || out.phrases[i].first < out.phrases[static_cast<std::size_t>(best)].first) best = static_cast<int>(i);
        if (best < 0 || out.phrases[static_cast<std::size_t>(best)].first > first + 2) return {};
        return {static_cast<std::uint32_t>(best)};
    }

    // The people a count names across a body's name with "and" in it, abbreviated before its head
    // ("seven Afghan National Defense and Security Forces (ANDSF) members"): the name's left part
    // starts at `left`, the phrase after "and" is `right`.
    std::optional<person_phrase> counted_body_with_and(std::size_t left, std::uint32_t right) const {
        const auto& after = out.phrases[right];
        bool abbreviated = false;
        for (std::size_t k = after.first; k + 2 < after.last && !abbreviated; ++k) abbreviated = abbreviation_at(k);
        if (!abbreviated) return std::nullopt;
        std::size_t name = left;
        while (name > first && tk(name - 1).kind == token_kind::word && (tk(name - 1).shape & capitalized) &&
               tk(name - 1).has(lex::side_word))
            --name;
        auto q = quantity_ending(name, first);
        if (!q) return std::nullopt;
        person_phrase whole = counted_people(*q, after.head);
        read_modifiers(whole, name, after.head); // whose forces they are
        return whole;
    }

    std::vector<std::uint32_t> counted_before_parenthesis(std::size_t end) {
        const char mark = tk(end - 1).is_punct('-') ? '-' : ',';
        for (std::size_t k = end - 2; k > first + 1 && k + 24 > end; --k) {
            if (tk(k - 1).is_punct('.') || tk(k - 1).is_punct(';')) break;
            if (!tk(k - 1).is_punct(mark)) {
                // (between commas, only names: not "..., five police, ...")
                if (mark == ',' && !(name_word(k - 1) || is(k - 1, "and"))) break;
                continue;
            }
            auto head = subjects(k - 1);
            const bool counted = std::any_of(head.begin(), head.end(), [&](std::uint32_t p) {
                const auto& ph = out.phrases[p];
                return ph.count && ph.count->best > 0 && !ph.name && !ph.pronoun;
            });
            if (counted) return head;
            // ("The victims - two women and a child - were killed": the parenthesis counts them)
            return mark == '-' ? subjects(end - 1) : std::vector<std::uint32_t>{};
        }
        return {};
    }

    // "Sixteen militants loyal to a wanted warlord", "ten fighters belonging to a commander", "five
    // guards working for an elder": people counted, then whom they serve or follow, told after an
    // adjective or a participle and a preposition. The subject is the people counted (-1: none such).
    int described_by_whom_they_serve(int p) {
        const auto& served = out.phrases[static_cast<std::size_t>(p)];
        const std::size_t at = served.first;
        if (served.plural || at < first + 3) return -1;
        if (!(is(at - 1, "to") || is(at - 1, "for") || is(at - 1, "under") || is(at - 1, "with"))) return -1;
        const token& modifier = tk(at - 2);
        static constexpr word_list adjectives{{"loyal", "close", "faithful", "allied", "linked", "affiliated", "attached",
                                               "connected", "related", "subordinate"}};
        // ("fighting under": an incident's word too, but no casualty's or speech's)
        const bool participle = !modifier.has(lex::predicate | lex::speech) && !(modifier.shape & capitalized) &&
                                ends_with(doc.stem(at - 2), "ing");
        if (modifier.kind != token_kind::word || !(participle || is_one_of(doc, at - 2, adjectives))) return -1;
        const int counted = phrase_before(at - 2);
        if (counted < 0) return -1;
        const auto& people = out.phrases[static_cast<std::size_t>(counted)];
        return people.count && people.plural && tk(people.head).has(lex::person) ? counted : -1;
    }

    // Subjects ending at `end`, with conjoined ones to the left: "Jan and several Haqqani fighters".
    std::vector<std::uint32_t> subjects(std::size_t end) {
        // "Three members of a family - a man, his wife and their daughter - were killed", "Two
        // brothers, Ahmad and Mahmood, were shot dead": a counted subject before a parenthesis that
        // names them one by one (between dashes, or names between commas)
        if (end > first + 3 && (tk(end - 1).is_punct('-') || tk(end - 1).is_punct(',')))
            if (auto counted = counted_before_parenthesis(end); !counted.empty()) return counted;
        // "The commander, along with ten others, was killed", "a commander along with his four
        // bodyguards was killed": the subject, and those with it
        const bool set_apart = end > first + 4 && punct(end - 1, ',');
        if (int with = phrase_before(set_apart ? end - 1 : end); with >= 0 && end > first + 3) {
            std::size_t a = out.phrases[static_cast<std::size_t>(with)].first;
            if (a > first + 3 && is(a - 1, "with") && (is(a - 2, "along") || is(a - 2, "together")) &&
                (set_apart ? punct(a - 3, ',') : !punct(a - 3, ','))) {
                auto list = subjects(set_apart ? a - 3 : a - 2);
                if (!list.empty()) list.push_back(static_cast<std::uint32_t>(with));
                return list;
            }
        }
        std::vector<std::uint32_t> list;
        int p = phrase_before(end);
        if (p < 0)
            if (const std::size_t of_place = preposition_of_their_place(end)) p = phrase_before(of_place);
        if (p < 0) return list;
        // "six people including two children were killed", "six people among them two children
        // died": the people the part is part of
        {
            const std::size_t part = out.phrases[static_cast<std::size_t>(p)].first;
            std::size_t before = part;
            if (before > first + 1 && is(before - 1, "including")) before -= 1;
            else if (before > first + 2 && is(before - 2, "among") && (is(before - 1, "them") || is(before - 1, "whom"))) before -= 2;
            if (before != part)
                if (int whole = phrase_before(before); whole >= 0) p = whole;
        }
        if (int described = described_by_whom_they_serve(p); described >= 0) p = described;
        list.push_back(static_cast<std::uint32_t>(p));
        std::size_t at = out.phrases[static_cast<std::size_t>(p)].first;
        while (at > first + 1 && (is(at - 1, "and") || is(at - 1, "or") || punct(at - 1, ','))) {
            const bool joined = is(at - 1, "and") || is(at - 1, "or");
            // "five soldiers, an Afghan soldier, and an interpreter": the comma before "and" too
            if (joined && at > first + 2 && punct(at - 2, ',')) --at;
            int q = phrase_before(at - 1);
            // "a woman in a burka and a man", "Ahmad Shah, a journalist from Kunduz, and his driver":
            // past the first one's prepositional phrase (not past a clause's verb: "Three members of
            // the NDS were martyred and two others sustained injuries" joins clauses)
            if (q < 0 && joined)
                if (const std::size_t of_place = preposition_of_their_place(punct(at - 1, ',') ? at : at - 1))
                    q = phrase_before(of_place);
            if (q < 0) break;
            // "Ahmad Shah, a journalist, and his driver", "the driver, a father of four, and two
            // passengers": the apposition of one named or told of is that one, set apart by commas,
            // no conjunct of its own (news copy puts no comma before a list's "and")
            if (const auto& apposed = out.phrases[static_cast<std::size_t>(q)];
                !apposed.name && !apposed.plural && !apposed.definite && punct(at - 1, ',') && apposed.first >= first + 2 &&
                punct(apposed.first - 1, ','))
                if (int one = phrase_before(apposed.first - 1); one >= 0) {
                    const auto& told = out.phrases[static_cast<std::size_t>(one)];
                    if (told.name || (told.definite && !told.plural && !told.pronoun)) q = one;
                }
            // "41 people were killed, among them a police commander, and 158 were wounded": a part
            // of those the clause before counted, not a subject of this verb
            if (const std::size_t f = out.phrases[static_cast<std::size_t>(q)].first;
                f > first + 3 && (is(f - 1, "them") || is(f - 1, "whom")) && is(f - 2, "among") && punct(f - 3, ','))
                break;
            // "Five Taliban, including two commanders, and three civilians": the conjunct is the
            // people the parenthesis is part of
            if (const std::size_t f = out.phrases[static_cast<std::size_t>(q)].first;
                f > first + 2 && is(f - 1, "including") && punct(f - 2, ','))
                if (int whole = phrase_before(f - 2); whole >= 0) q = whole;
            // "a commander of the police and two of his guards": the conjunct is the one whom the
            // "of" phrase describes
            if (const std::size_t f = out.phrases[static_cast<std::size_t>(q)].first; f > first + 1 && is(f - 1, "of"))
                if (int owner = phrase_before(f - 1);
                    owner >= 0 && tk(out.phrases[static_cast<std::size_t>(owner)].head).has(lex::person))
                    q = owner;
            // "seven Afghan National Defense and Security Forces (ANDSF) members": no two conjuncts
            // but one body's name, abbreviated after it, and the count before the whole
            if (out.phrases[static_cast<std::size_t>(q)].name && is(at - 1, "and") && (tk(at).shape & capitalized))
                if (auto whole = counted_body_with_and(out.phrases[static_cast<std::size_t>(q)].first, list.back())) {
                    list.assign(1, static_cast<std::uint32_t>(add_phrase(*whole)));
                    break;
                }
            const auto& prev = out.phrases[static_cast<std::size_t>(q)];
            if (prev.head + 1 == prev.last && !prev.name && !prev.pronoun && !tk(prev.head).has(lex::person)) break;
            // "Afghan general and Kandahar police chief Abdul Raziq": a bare singular noun, with no
            // article or count, is another title of the one named, no second person
            if (!prev.definite && !prev.name && !prev.pronoun && !prev.plural && out.phrases[list.back()].name && is(at - 1, "and") &&
                tk(prev.first).kind == token_kind::word && !tk(prev.first).has(lex::determiner | lex::number)) {
                at = prev.first;
                continue;
            }
            // an object of an earlier verb is not a subject of this one
            // ("he said 11 soldiers and police were killed": a speech verb's clause is not its object)
            // ("have displaced 4,000 families, and 25 civilians were killed": a verb the lexicon
            // does not list ends in -ed all the same)
            if (prev.first > first &&
                (tk(prev.first - 1).has(lex::predicate | lex::verb | lex::preposition | lex::trigger) ||
                 (tk(prev.first - 1).flags == 0 && verb_like(prev.first - 1))) &&
                !tk(prev.first - 1).has(lex::speech))
                break;
            list.push_back(static_cast<std::uint32_t>(q));
            at = prev.first;
        }
        std::reverse(list.begin(), list.end());
        return list;
    }

    // A finite verb or past participle: a known verb, or an unknown word in -ed ("threatened").
    bool verb_like(std::size_t k) const {
        const token& t = tk(k);
        if (t.kind != token_kind::word) return false;
        if (t.has(lex::verb) || (t.has(lex::predicate) && t.form == lex::form::participle)) return true;
        // "threatened", "planned" carry intent or description flags but are verbs all the same
        return (t.flags == 0 || t.has(lex::intent | lex::descriptive)) && ends_with(doc.stem(k), "ed");
    }

    // A subject separated from its verb: "a top Haqqani leader suspected of ..., was killed" or
    // "an armed insurgent threatened the patrol and was killed".
    std::vector<std::uint32_t> distant_subject(std::size_t end) {
        std::vector<std::uint32_t> list;
        if (end <= first + 1) return list;
        bool comma = punct(end - 1, ',');
        bool coordinated = is(end - 1, "and") || is(end - 1, "as") || is(end - 1, "but") || is(end - 1, "then");
        if (!comma && !coordinated) return list;
        for (std::size_t k = end - 1; k > first && k + 30 > end; --k) {
            int p = phrase_ending(k - 1);
            if (p < 0) continue;
            const auto& ph = out.phrases[static_cast<std::size_t>(p)];
            if (!in(ph.last)) continue;
            const token& next = tk(ph.last);
            auto w = doc.stem(ph.last);
            bool verbish = next.has(lex::verb | lex::trigger | lex::aux) || verb_like(ph.last) ||
                           (next.flags == 0 && next.kind == token_kind::word && ends_with(w, "ing"));
            bool reduced = next.has(lex::descriptive | lex::relative) || verbish;
            if ((comma && reduced) || (coordinated && verbish)) {
                list.push_back(static_cast<std::uint32_t>(p));
                break;
            }
            // "threatened the patrol and was killed": the object of the first verb; its subject
            // is further left
            if (!coordinated || ph.first <= first || !verb_like(ph.first - 1)) break;
            k = ph.first;
        }
        return list;
    }

    // A subject with a relative clause after it: "a Taliban leader who coordinated attacks in Kunduz
    // was killed", "the commander, who led the assault, was killed".
    std::vector<std::uint32_t> subject_before_relative(std::size_t end) {
        std::size_t k = end;
        if (k > first && punct(k - 1, ',')) --k;
        for (std::size_t j = k; j > first + 1 && j + 16 > k; --j) {
            const token& t = tk(j - 1);
            if (t.is_punct('.') || t.is_punct(';') || t.is_punct(':')) break;
            if (!is(j - 1, "who")) continue;
            std::size_t e = j - 1;
            if (e > first && punct(e - 1, ',')) --e;
            auto list = subjects(e);
            if (list.empty()) return list;
            // the antecedent opens the clause: "three civilians, including a boy who was selling
            // bread, were killed" counts the three
            std::size_t opens = out.phrases[list.front()].first;
            // (or a reported clause: "police said a man who attacked worshippers was killed")
            if (opens > first && !tk(opens - 1).has(lex::conjunction | lex::speech) && !is(opens - 1, "that") &&
                !tk(opens - 1).is_punct(',') && !tk(opens - 1).is_punct(':') && !tk(opens - 1).is_punct(';'))
                return {};
            return list;
        }
        return {};
    }

    // A subject with a prepositional phrase after it: "the Taliban commander behind the Kabul hotel
    // attack was killed", "three members of a family in Zabul were killed".
    // The modifier may also be a participle clause: "five aid workers representing MSF are killed",
    // "two soldiers serving with NATO were killed", "22 insurgents believed to be members of the
    // Taliban are killed".
    std::vector<std::uint32_t> modified_subject(std::size_t end) {
        std::vector<std::uint32_t> list;
        for (std::size_t k = end; k > first && k + 16 > end; --k) {
            const token& t = tk(k - 1);
            bool bracket = t.is_punct('(') || t.is_punct(')');
            // ("a soldier from 2nd Battalion, The Parachute Regiment, is killed": a unit's name in two parts)
            const bool within_name = t.is_punct(',') && k >= first + 2 && in(k) && (tk(k).shape & capitalized) &&
                                     (tk(k - 2).shape & capitalized) && tk(k - 2).kind == token_kind::word;
            if ((t.kind == token_kind::punct && !bracket && !within_name) || t.has(lex::verb | lex::predicate | lex::relative | lex::aux))
                break;
            auto w = doc.stem(k - 1);
            bool participle = t.kind == token_kind::word && !(t.shape & capitalized) &&
                              (t.inflection == morph::inflection::gerund || t.has(lex::descriptive) ||
                               (t.flags == 0 && w.size() > 5 && (w.substr(w.size() - 3) == "ing" || w.substr(w.size() - 2) == "ed")));
            if (!(t.has(lex::preposition) || participle) || k - 1 == first) continue;
            int p = phrase_ending(k - 2);
            if (p < 0) continue;
            // the phrase (with those conjoined before it) opens the clause: nothing but a
            // conjunction, a comma, a semicolon, a label ("War in Afghanistan:") or the sentence start
            // before it
            auto conjoined = subjects(k - 1);
            if (conjoined.empty()) continue;
            const auto& ph = out.phrases[conjoined.front()];
            if (ph.first > first && !tk(ph.first - 1).has(lex::conjunction) && !tk(ph.first - 1).is_punct(',') &&
                !tk(ph.first - 1).is_punct(':') && !tk(ph.first - 1).is_punct(';'))
                continue;
            list = std::move(conjoined);
            break;
        }
        return list;
    }

    // Objects starting at i: "a Taliban leader and two of his associates", "Jan and several other
    // insurgents", "the commander, facilitator and two of their associates".
    // The objects from token i on; `complement` is a predicate that ends them ("leaves ... dead").
    // "kill 10 police in Zabul and seven soldiers in Uruzgan": where the people before it were,
    // between them and more people joined to them; returns the "and" after the place, else at
    std::size_t past_place_before_people(std::size_t at) {
        if (!is(at, "in") || !in(at + 1) || !(tk(at + 1).shape & place_name)) return at;
        std::size_t k = at + 1;
        while (in(k) && (tk(k).shape & place_name)) ++k;
        if (is(k, "province") || is(k, "district") || is(k, "city")) ++k;
        if (!is(k, "and")) return at;
        int q = phrase_from(k + 1);
        if (q < 0) return at;
        const auto& ph = out.phrases[static_cast<std::size_t>(q)];
        return ph.count && tk(ph.head).has(lex::person) ? k : at;
    }

    // "killing what officials described as more than 40 militants", "what the army said were 12
    // insurgents": the people, as someone named them (the token where they start, else `at`)
    std::size_t past_what_someone_called_them(std::size_t at) const {
        if (!is(at, "what")) return at;
        for (std::size_t k = at + 1; in(k + 1) && k < at + 7; ++k) {
            if (tk(k).kind == token_kind::punct) return at;
            const bool named_as = is(k, "as") && (is(k - 1, "described") || is(k - 1, "called") || is(k - 1, "termed") ||
                                                  is(k - 1, "labelled") || is(k - 1, "labeled") || is(k - 1, "identified"));
            const bool said_were = (is(k, "were") || is(k, "was")) && tk(k - 1).has(lex::speech);
            // ("what they called two Taliban commanders")
            const bool called = (is(k, "called") || is(k, "termed") || is(k, "dubbed")) && !is(k + 1, "as");
            if (named_as || said_were || called) return k + 1;
        }
        return at;
    }

    std::vector<std::uint32_t> objects(std::size_t i, std::size_t complement = SIZE_MAX) {
        std::vector<std::uint32_t> list;
        std::size_t at = i;
        if (punct(at, '"') && in(at + 1) && tk(at + 1).kind != token_kind::punct) ++at; // killed "between four and a dozen civilians"
        at = past_what_someone_called_them(at);
        while (in(at)) {
            int p = phrase_from(at);
            if (p < 0) break;
            list.push_back(static_cast<std::uint32_t>(p));
            at = out.phrases[static_cast<std::size_t>(p)].last;
            // an apposition: Qari Ziauddin, the Taliban shadow governor, / Mullah Khalil, another commander,
            if (punct(at, ',') && in(at + 1) && tk(at + 1).has(lex::determiner)) {
                int a = phrase_starting(at + 1);
                bool after_name = out.phrases[list.back()].name;
                bool after_role = out.phrases[list.back()].role && is(at + 1, "the");
                // ("Mohammad Ali, a tribal elder, and his son": whoever one man is after his name)
                const auto* appositive = a >= 0 ? &out.phrases[static_cast<std::size_t>(a)] : nullptr;
                const bool one = appositive && !appositive->plural && (!appositive->count || appositive->count->best == 1);
                // ("the targeted individual, a senior Taliban leader, and one other suspect": one man
                // told with "the", then what he is)
                const auto& before = out.phrases[list.back()];
                // (set apart by a second comma: "the driver, a passenger and a policeman" is a list)
                const bool after_the_one = before.definite && !before.plural && !before.pronoun &&
                                           (!before.count || before.count->best == 1) && (is(at + 1, "a") || is(at + 1, "an")) &&
                                           appositive && punct(appositive->last, ',');
                if (appositive && !appositive->plural &&
                    ((appositive->role && (after_name || after_role)) || ((after_name || after_the_one) && one))) {
                    at = out.phrases[static_cast<std::size_t>(a)].last;
                    if (punct(at, ',') && !is(at + 1, "and")) ++at;
                }
            }
            // "the Taliban leader, Alaudin," / "Taliban leader, Wali, during ..."
            if (punct(at, ',') && out.phrases[list.back()].role && !out.phrases[list.back()].plural) {
                if (auto nm = name_at(at + 1)) {
                    std::size_t after = nm->last;
                    if (!in(after) || punct(after, ',') || punct(after, '.') || tk(after).has(lex::preposition))
                        at = punct(after, ',') ? after + 1 : after;
                    if (!in(at) || !(is(at, "and") || punct(at, ','))) break;
                }
            }
            // "Ahmad Shah, governor of Shahjoy district,": a role without an article after a name
            if (punct(at, ',') && out.phrases[list.back()].name && in(at + 1) && tk(at + 1).has(lex::role | lex::person) &&
                !tk(at + 1).has(lex::plural)) {
                int a = phrase_starting(at + 1);
                if (a >= 0 && out.phrases[static_cast<std::size_t>(a)].role) {
                    at = out.phrases[static_cast<std::size_t>(a)].last;
                    // its complement: "of Shahjoy district", "of the Taliban"
                    while (in(at) && !punct(at, ',') && !punct(at, '.') && !tk(at).has(lex::verb | lex::predicate | lex::aux) &&
                           at < out.phrases[static_cast<std::size_t>(a)].last + 6)
                        ++at;
                    if (punct(at, ',') && !is(at + 1, "and")) {
                        ++at;
                        break;
                    }
                }
            }
            // "Hemat, one of the Haqqani leaders behind ...": the same man
            if (punct(at, ',') && out.phrases[list.back()].name && is(at + 1, "one") && is(at + 2, "of")) {
                int a = phrase_starting(at + 1);
                if (a >= 0) {
                    at = out.phrases[static_cast<std::size_t>(a)].last;
                    break;
                }
            }
            // "the head of ISIL/K": one name, written with a slash
            while (punct(at, '/') && in(at + 1) && tk(at + 1).kind == token_kind::word && !(tk(at).shape & space_before)) at += 2;
            if (punct(at, ',') && is(at + 1, "including")) {
                // "five Taliban, including two commanders, and three civilians": past the part, to
                // the people after it
                const int part = phrase_from(at + 2);
                const std::size_t closed = part >= 0 ? out.phrases[static_cast<std::size_t>(part)].last : at;
                if (part < 0 || !punct(closed, ',') || !is(closed + 1, "and")) break;
                at = closed;
            }
            if (is(at, "including")) break;
            at = past_place_before_people(at);
            std::size_t next = at;
            if (punct(at, ',') && (is(at + 1, "along") || is(at + 1, "together")) && is(at + 2, "with")) next = at + 3;
            else if (is(at, "and") || is(at, "plus") || (punct(at, ',') && !is(at + 1, "and"))) next = at + 1;
            else if (punct(at, ',') && is(at + 1, "and")) next = at + 2;
            else if ((is(at, "along") || is(at, "together")) && is(at + 1, "with")) next = at + 2;
            else if (is(at, "as") && is(at + 1, "well") && is(at + 2, "as")) next = at + 3;
            else break;
            if (!in(next) || tk(next).has(lex::predicate | lex::verb | lex::adverb | lex::aux) ||
                (tk(next).has(lex::speech)))
                break;
            // "lost 50 personnel and insurgents overran three posts": a new clause, not an object
            if (int q = phrase_from(next); q >= 0) {
                std::size_t after = out.phrases[static_cast<std::size_t>(q)].last;
                if (in(after) && after != complement &&
                    (tk(after).has(lex::verb | lex::aux | lex::speech) ||
                     (tk(after).has(lex::predicate) && tk(after).form != lex::form::noun)))
                    break;
                // "wounding 68, provincial spokesman Attaullah Khogyani said": who told it, past his name
                std::size_t named = after;
                while (in(named) && named < after + 6 && tk(named).kind == token_kind::word && (tk(named).shape & capitalized)) ++named;
                if (named != after && in(named) && tk(named).has(lex::speech)) break;
            }
            at = next;
        }
        return list;
    }

    bool intended(std::size_t p, bool infinitive = true) const {
        // to arrest, in an attempt to kill, planning the abduction, would have killed
        for (std::size_t k = p; k > first && k + 5 > p; --k) {
            const token& t = tk(k - 1);
            if (t.kind == token_kind::punct && !t.is_punct('-')) break;
            // "a would-be suicide bomber was shot dead": the bomber meant to, the shooting happened
            bool would_be_someone = is(k - 1, "would-be") && std::any_of(doc.tokens().begin() + static_cast<std::ptrdiff_t>(k),
                                                                         doc.tokens().begin() + static_cast<std::ptrdiff_t>(p),
                                                                         [](const token& w) { return w.has(lex::person); });
            if (t.has(lex::intent) && !would_be_someone) return true;
            if (is(k - 1, "if") || is(k - 1, "whether")) return true;
        }
        if (infinitive && is(p - 1, "to")) {
            // "managed to kill" happened; "claims to kill" is a claim that it did
            bool done = is(p - 2, "decided") || is(p - 2, "able") || is(p - 2, "managed") || is(p - 2, "went") ||
                        is(p - 2, "proceeded") || is(p - 2, "moved") || (in(p - 2) && tk(p - 2).has(lex::speech));
            return !done;
        }
        return false;
    }

    // A count before a deverbal noun, over the words that say whose: "ten insurgent deaths".
    std::optional<quantity> counted_noun(std::size_t p) const {
        std::size_t k = p;
        while (k > first && k + 3 > p && tk(k - 1).kind == token_kind::word &&
               (tk(k - 1).has(lex::side_word) || (tk(k - 1).has(lex::person) && !tk(k - 1).has(lex::plural))))
            --k;
        if (k == first) return std::nullopt;
        auto q = quantity_ending(k, first);
        if (!q || (tk(q->first).has(lex::determiner) && q->low == 1 && !q->vague)) return std::nullopt; // "a death"
        return q;
    }

    // "an IED attack that killed four U.S. soldiers", "the July 2 attack ... which killed two
    // civilians", "the bombing last month that killed 22": an older incident named in passing. Its
    // words (from the incident noun to the relative pronoun) are kept apart, so that its noun and
    // its date do not type or date the sentence's own news.
    // "the Taliban carried out an attack that killed nine", "claimed responsibility for a bombing
    // that killed", "there was a blast that": an incident the sentence's own verb reports, not one
    // it names beside its news ("arrested a man over a bombing that killed")
    bool told_as_news(std::size_t determiner) const {
        if (determiner == first) return true;
        std::size_t b = determiner - 1;
        const token& t = tk(b);
        if (t.kind != token_kind::word) return false;
        if (is(b, "in") || is(b, "during")) return true; // the incident the sentence's figures come from
        if (is(b, "for") && b > first && (is(b - 1, "responsibility") || is(b - 1, "credit"))) return true;
        auto verb = [&](std::size_t v) {
            const token& w = tk(v);
            if (w.kind != token_kind::word || (w.shape & capitalized) || w.has(lex::preposition | lex::person | lex::side_word))
                return false;
            if (w.has(lex::verb | lex::aux)) return true;
            // ("a vehicle hit a mine": a past like its base form, after its subject, not after "to",
            // a modal or an article)
            if (w.lemma && w.inflection == morph::inflection::base && v > first && tk(v - 1).kind == token_kind::word &&
                !tk(v - 1).has(lex::aux | lex::determiner | lex::preposition) && !is(v - 1, "to") && !is(v - 1, "not"))
                return true;
            if (w.lemma) return w.inflection == morph::inflection::past || w.inflection == morph::inflection::third_person;
            // a verb the lexicon does not list ("staged a bombing"): no noun ends a noun phrase
            // with "-ed" right before an article
            return w.flags == 0 && ends_with(doc.stem(v), "ed");
        };
        // a phrasal verb's particle: "carried out", "set off"
        if ((is(b, "out") || is(b, "off")) && b > first) return verb(b - 1);
        return verb(b);
    }

    // Whether the clause from token `from` to its end dates what it tells a month or more before
    // the news: "last October", "last year", "two years ago" (not "last night", "two days ago").
    bool dated_long_before(std::size_t from) const {
        for (std::size_t d = from; d < last && d < from + 14; ++d) {
            const token& t = tk(d);
            if (t.is_punct('.') || t.is_punct(';') || t.is_punct(',')) return false;
            if (is(d, "last") && (tk(d + 1).has(lex::month) || is(d + 1, "month") || is(d + 1, "year"))) return true;
            if (is(d, "ago") && (is(d - 1, "years") || is(d - 1, "year") || is(d - 1, "months") || is(d - 1, "month")))
                return true;
        }
        return false;
    }

    bool recalled_relative(std::size_t p) {
        // "a roadside blast which kills four": the historical present tells the news
        if (tk(p).inflection == morph::inflection::third_person) return false;
        std::size_t r = p;
        while (r > first && (tk(r - 1).has(lex::adverb | lex::aux))) --r;
        if (!(is(r - 1, "that") || is(r - 1, "which"))) return false;
        for (std::size_t k = r - 1; k > first && k + 18 > r; --k) {
            const token& t = tk(k - 1);
            if (t.is_punct('.') || t.is_punct(';')) break;
            if (!t.has(lex::trigger) || t.has(lex::verb)) continue;
            auto recalled = [&](std::size_t from) {
                out.recalled_spans.push_back({static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(r)});
                for (auto& w : out.triggers)
                    if (w.at >= from && w.at < r) w.generic = true;
                return true;
            };
            if (out.descriptive) return recalled(k - 1);
            // (a weekday dates it in the week of the news, which it is: "claimed the suicide attack in
            // Kabul on Saturday that killed 63", "Saturday's attack that killed 63")
            for (std::size_t d = k; d + 1 < r; ++d)
                if (is(d, "last") || is(d, "ago") || is(d, "earlier") || is(d, "previous") || tk(d).has(lex::month))
                    return recalled(k - 1);
            // ... or in the relative clause itself: "the bombing of a hospital that killed 42 people
            // last October", "an attack that killed 12 two years ago"
            if (dated_long_before(p + 1)) return recalled(k - 1);
            // its determiner, and any date inside the phrase
            for (std::size_t d = k - 1; d > first && d + 9 > k; --d) {
                const token& m = tk(d - 1);
                if (m.has(lex::month) || (m.kind == token_kind::number && !(m.shape & decimal))) return recalled(d - 1);
                if (m.has(lex::determiner))
                    return (is(d - 1, "a") || is(d - 1, "an") || is(d - 1, "another")) && !told_as_news(d - 1) && recalled(d - 1);
                if (m.kind == token_kind::punct || m.has(lex::preposition | lex::verb)) break;
            }
            return false;
        }
        return false;
    }

    // "he was engaged by an air weapons team and killed": a participle closing a clause after
    // "and", with a passive verb group before it, shares that group's subject (the participle
    // has no object, so it cannot be active)
    bool coordinated_passive(std::size_t p) const {
        // ("were drugged and then killed", "and later killed", "are poisoned and fatally shot")
        std::size_t joined = p;
        while (joined > first + 1 && joined + 2 > p && (adverb_like(doc, joined - 1) || is(joined - 1, "then") || is(joined - 1, "later")))
            --joined;
        if (!is(joined - 1, "and") || (in(p + 1) && tk(p + 1).kind == token_kind::word && !tk(p + 1).has(lex::preposition)))
            return false;
        for (std::size_t k = p - 1; k > first && k + 12 > p; --k) {
            const token& t = tk(k - 1);
            if (t.kind == token_kind::punct) return false;
            if (is(k - 1, "was") || is(k - 1, "were") || is(k - 1, "is") || is(k - 1, "are")) return true;
        }
        return false;
    }

    bool also_after(std::size_t p) const {
        for (std::size_t k = p + 1; k < last; ++k) {
            if (tk(k).kind == token_kind::punct) return k > first && is(k - 1, "also");
            if (tk(k).has(lex::predicate | lex::verb | lex::conjunction)) return false;
        }
        return is(last - 1, "also");
    }

    // "Officials initially said 20 people were killed ... but later revised the toll", "Earlier
    // reports put the toll at 20": a figure told as the first word on it, which a later one replaces
    // (the tally keeps it only where nothing else counts the field). From the clause's start to the
    // mention at token `from`.
    bool told_before_revision(std::size_t from) const {
        static constexpr word_list first_telling{{"initially", "originally", "previously", "first"}};
        static constexpr word_list early{{"earlier", "initial", "preliminary", "first", "previous"}};
        static constexpr word_list figures{{"reports", "report", "figures", "figure", "toll", "estimates", "estimate", "reporting"}};
        for (std::size_t k = from; k > first && k + 12 > from; --k) {
            if (punct(k - 1, ';') || punct(k - 1, '.')) break;
            if (punct(k - 1, ',') && !is(k - 2, "said")) break;
            // (the words are of five bytes or seven to eleven: their length spares most tokens the compares)
            const auto size = tk(k - 1).stem_size;
            if (size != 5 && (size < 7 || size > 11)) continue;
            // "initially said", "had originally reported", "first reported"
            if (is_one_of(doc, k - 1, first_telling) && in(k) && (tk(k).has(lex::speech) || tk(k).has(lex::aux)))
                return true;
            if (is_one_of(doc, k - 1, early) && is_one_of(doc, k, figures)) return true;
        }
        return false;
    }

    void emit(casualty_mention m) {
        if (m.phrases.empty() && !m.direct) return;
        m.first = m.predicate;
        m.last = m.predicate + 1;
        for (auto idx : m.phrases) {
            const auto& ph = out.phrases[idx];
            m.first = std::min(m.first, ph.first);
            m.last = std::max(m.last, ph.last);
            // "several of the wounded were badly hurt": some of those told hurt, no more of them
            // ("two of the wounded later died" are more dead)
            if (ph.additive && ph.head > first + 1 && is(ph.head - 1, "the") && is(ph.head - 2, "of") &&
                tk(ph.head).has(lex::predicate) && tk(ph.head).field == m.field) {
                m.subset = true;
                continue;
            }
            if (ph.additive) m.additive = true;
            if (ph.more) m.more = true;
            if (ph.count && ph.count->best == 0 && !ph.count->vague && !ph.pronoun && is(ph.first, "no")) m.negated = true;
            if (is(ph.first, "no") || is(ph.first, "none")) m.negated = true;
        }
        if (!m.phrases.empty() && m.first < m.predicate) {
            // "No women or children were injured", "No Afghan or coalition forces were killed"
            for (std::size_t k = m.first + 1; k > first && k + 7 > m.first; --k) {
                const token& b = tk(k - 1);
                if (b.has(lex::negation) && (is(k - 1, "no") || is(k - 1, "none") || is(k - 1, "neither") || is(k - 1, "nor"))) {
                    m.negated = true;
                    break;
                }
                if (b.kind == token_kind::punct || b.has(lex::verb | lex::predicate | lex::preposition | lex::aux)) break;
            }
        }
        if (m.direct) {
            m.first = std::min(m.first, m.direct->first);
            m.last = std::max(m.last, m.direct->last);
        }
        for (std::size_t k = first; k < std::min(last, first + 3); ++k)
            if ((is(k, "in") && is(k + 1, "addition")) || is(k, "additionally")) m.additive = true;
        m.superseded = told_before_revision(m.first);
        // "seven civilians are killed by mines; an 8-year-old girl was killed when ...": a clause
        // after a semicolon that counts people anew adds them
        for (const auto& e : out.casualties) {
            if (e.field != m.field || e.last > m.first) continue;
            for (std::size_t k = e.last; k < m.first; ++k)
                if (tk(k).is_punct(';')) m.additive = true;
        }
        // the same people counted twice by one predicate ("killed and wounded") is fine; the
        // same predicate twice is not
        for (const auto& e : out.casualties)
            if (e.predicate == m.predicate && e.field == m.field) return;
        auto more = elliptical_count(m);
        out.casualties.push_back(std::move(m));
        if (more) out.casualties.push_back(std::move(*more));
    }

    // "killed six police officers in Ghazni and four in Zabul": the second count, of the same
    // people, told by its place alone; a mention of its own, so that each place keeps its figure
    std::optional<casualty_mention> elliptical_count(const casualty_mention& m) {
        if (m.phrases.empty() || m.field == lex::field::none) return std::nullopt;
        const person_phrase counted = out.phrases[m.phrases.back()];
        if (!counted.count || counted.count->vague || counted.pronoun) return std::nullopt;
        std::size_t k = counted.last;
        auto place_words = [&](std::size_t from) {
            std::size_t j = from;
            while (in(j) && (tk(j).shape & place_name)) ++j;
            if (j > from && (is(j, "province") || is(j, "district") || is(j, "city"))) ++j;
            return j;
        };
        if (!is(k, "in")) return std::nullopt;
        std::size_t after = place_words(k + 1);
        if (after == k + 1) return std::nullopt;
        if (is(after, "and") || (punct(after, ',') && !is(after + 1, "and"))) ++after;
        else if (punct(after, ',') && is(after + 1, "and")) after += 2;
        else return std::nullopt;
        auto q = parse_quantity(doc, after, last);
        if (!q || q->vague || !is(q->last, "in") || place_words(q->last + 1) == q->last + 1) return std::nullopt;
        person_phrase more = counted;
        more.count = q;
        more.first = q->first;
        more.last = q->last;
        more.plural = q->best != 1;
        more.definite = more.partitive = false;
        casualty_mention e;
        e.field = m.field;
        e.predicate = q->first;
        e.first = q->first;
        e.last = q->last;
        e.additive = true;
        e.more = true;
        e.phrases.push_back(static_cast<std::uint32_t>(add_phrase(more)));
        return e;
    }

    // "in the deadliest day of protests so far", "the worst attack so far this year": one incident
    // ranked among those so far, no running total
    bool ranked_so_far(std::size_t i) const {
        static constexpr word_list superlatives{{"deadliest", "bloodiest", "worst", "biggest", "largest", "heaviest"}};
        for (std::size_t k = i; k > first && k + 8 > i; --k) {
            if (tk(k - 1).kind == token_kind::punct) return false;
            if (is_one_of(doc, k - 1, superlatives)) return true;
        }
        return false;
    }

    void predicate(std::size_t p) {
        if (not_a_predicate(p)) return;
        const token& t = tk(p);
        casualty_mention m;
        m.field = t.field;
        // "fatally wounded", "mortally injured": harm that killed
        if (t.field == lex::field::wounded && fatal(p - 1)) m.field = lex::field::killed;
        m.predicate = static_cast<std::uint32_t>(p);
        // "killed or wounded", "dead or injured": a figure of neither (news codebook), told as if intended
        auto other_field = [&](std::size_t k) { return in(k) && tk(k).has(lex::predicate) && tk(k).field != t.field; };
        bool either = (is(p + 1, "or") && other_field(p + 2)) || (is(p - 1, "or") && other_field(p - 2));
        bool found = false;
        // "six sustained wounds": the plural noun of a verb the lexicon knows only as a verb
        const bool borne = t.inflection == morph::inflection::third_person && bearing_verb(p) != p;
        switch (borne ? lex::form::noun : t.form) {
        case lex::form::participle: found = participle_mention(p, m); break;
        case lex::form::gerund: found = gerund_mention(p, m); break;
        case lex::form::base: found = base_mention(p, m); break;
        case lex::form::noun: found = noun_mention(p, m); break;
        case lex::form::adjective: found = adjective_mention(p, m); break;
        case lex::form::intransitive: found = intransitive_mention(p, m); break;
        case lex::form::none: break;
        }
        if (!found) return;
        if (!m.intent && t.form != lex::form::base && t.form != lex::form::noun && !borne)
            m.intent = intended(p, false) && t.form != lex::form::participle;
        if (either) {
            // (harm told, unless only meant or asked about: "would have killed or wounded",
            // "investigating whether its troops killed or wounded")
            bool asked = false;
            for (std::size_t k = p; k > first && k + 6 > p && !asked && !punct(k - 1, ','); --k) asked = is(k - 1, "whether");
            m.either = !m.intent && !asked;
            m.intent = true;
        }
        emit(std::move(m));
    }

    // "forces kill 10 militants and arrest five others", a headline's "kill 10 militants, arrest
    // five": a verb's base form after "and" or a comma that follows another verb of the clause in
    // the present, with its object between
    bool second_verb_of_a_pair(std::size_t p) const {
        if (!(is(p - 1, "and") || punct(p - 1, ',')) || p < first + 3) return false;
        for (std::size_t k = p - 1; k > first && k + 10 > p; --k) {
            const token& v = tk(k - 1);
            if (v.kind == token_kind::punct) return false;
            if (v.has(lex::predicate) && (v.inflection == morph::inflection::base || v.inflection == morph::inflection::third_person))
                return k < p - 1 && phrase_ending(p - 2) >= 0;
        }
        return false;
    }

    // "included", "include", "includes" (the lexicon knows only "including", a preposition)
    bool includes(std::size_t k) const { return is(k, "included") || is(k, "include") || is(k, "includes"); }

    // A casualty word that modifies a noun or is one, and tells of no casualties itself.
    bool not_a_predicate(std::size_t p) const {
        const token& t = tk(p);
        // participles used as adjectives: "the detained insurgent", "three additional wounded insurgents",
        // "a kidnapped aid worker"
        bool before_person = (in(p + 1) && tk(p + 1).has(lex::person)) ||
                             (in(p + 2) && tk(p + 2).has(lex::person) && tk(p + 1).kind == token_kind::word && tk(p + 1).flags == 0 &&
                              !(tk(p + 1).shape & capitalized));
        if ((t.form == lex::form::participle || t.form == lex::form::adjective) && before_person &&
            p > first && (tk(p - 1).has(lex::determiner | lex::number | lex::vague | lex::additive) ||
                          tk(p - 1).kind == token_kind::number))
            return true;
        // "the dead" / "the wounded" as nouns inside other phrases are not predicates (but "the dead
        // included four children" tells some of them)
        if (t.form != lex::form::adjective || !is(p - 1, "the") || is(p - 2, "among")) return false;
        const std::size_t v = naming_verb_after(p + 1);
        return !(v && includes(v));
    }

    // Each form's reading of the casualty word at p into m (who, whether negated, intended, more,
    // recalled); false when the word tells of no casualties here.

    // "soldiers were killed", "killed five insurgents", "among those killed", a headline's "leader killed"
    bool participle_mention(std::size_t p, casualty_mention& m) {
        if (some_of_them_included(p, m)) return true;
        // "Killed were three soldiers and an interpreter": the participle fronted, its people after
        if (p == first && (is(p + 1, "were") || is(p + 1, "was"))) {
            m.phrases = objects(p + 2);
            if (!m.phrases.empty()) return true;
        }
        if (is(p, "lost") && in(p + 1) && (is(p + 1, "their") || is(p + 1, "his")) && (is(p + 2, "lives") || is(p + 2, "life"))) {
            auto c = skip_left(p);
            m.phrases = subjects(c.end);
            m.negated = c.negated;
            return true;
        }
        auto c = skip_left(p);
        m.negated = c.negated;
        m.additive = c.additive;
        m.intent = c.modal;
        if (!c.passive) {
            std::size_t o = p + 1;
            while (in(o) && ((tk(o).has(lex::adverb) && !is(o, "also")) || is(o, "alive"))) ++o;
            auto objs = objects(o);
            if (!objs.empty()) {
                m.phrases = std::move(objs);
                if (is(p - 1, "also") || is(p - 2, "also")) m.additive = true;
                m.recalled = recalled_relative(p);
                return true;
            }
            if (is(p, "lost")) return false; // lost contact, lost weapons
        }
        // "among those killed": a subset of people counted elsewhere; fronted, "Among those killed
        // were ...", they follow the verb; "those killed included ...": some of them
        if (is(p - 1, "those")) {
            const std::size_t v = naming_verb_after(p + 1);
            const bool among = is(p - 2, "among");
            if (v && (among ? !includes(v) : includes(v))) {
                m.subset = true;
                m.phrases = objects(v + 1);
                if (!m.phrases.empty()) return true;
            }
            if (among) {
                m.subset = true;
                auto c2 = skip_left(p - 2);
                m.phrases = subjects(c2.end);
                return true;
            }
        }
        // a participle with words after it that are not its object: "killed al-Qaeda ..." is active
        // ("two others captured alive": how they were taken, no object)
        if (!c.passive && in(p + 1) && tk(p + 1).kind == token_kind::word &&
            !tk(p + 1).has(lex::preposition | lex::conjunction | lex::adverb | lex::relative) && !doc_title() && !is(p + 1, "alive"))
            return false;
        m.phrases = subjects(c.end);
        if (c.implicit) m.phrases = main_subject();
        // "He had been kidnapped in Helmand on March 6": told as before the news; but "said 15
        // soldiers had been killed" only shifts the tense of what was said, and "four men who had
        // been shot" found dead are part of the account
        if (c.earlier && c.passive && !c.relative) {
            bool reported = false;
            for (std::size_t k = first; k < p && !reported; ++k) reported = tk(k).has(lex::speech);
            if (!reported) m.recalled = true;
        }
        if (m.phrases.empty() && (c.passive || coordinated_passive(p))) m.phrases = distant_subject(c.end);
        if (c.passive) {
            // (past a relative clause whose own people stand before the verb: "a commander who led
            // attacks on police was killed")
            auto antecedent = subject_before_relative(c.end);
            if (!antecedent.empty() &&
                (m.phrases.empty() || out.phrases[m.phrases.front()].first >= out.phrases[antecedent.back()].last))
                m.phrases = std::move(antecedent);
        }
        // headlines drop the verb "to be": "Taliban shadow governor for Kunduz killed in airstrike"
        if (m.phrases.empty() && (c.passive || doc_title())) m.phrases = modified_subject(c.end);
        // "who was detained along with several of his associates", "leaves one service member
        // killed, along with eight support staff"
        if (const std::size_t w = punct(p + 1, ',') ? p + 2 : p + 1;
            !m.phrases.empty() && ((is(w, "along") || is(w, "together")) && is(w + 1, "with"))) {
            auto more = objects(w + 2);
            m.phrases.insert(m.phrases.end(), more.begin(), more.end());
        }
        if (also_after(p)) m.additive = true;
        return true;
    }

    // "killing five", "the killing of several soldiers"
    bool gerund_mention(std::size_t p, casualty_mention& m) {
        std::size_t o = p + 1;
        bool nominal = is(p - 1, "the") && is(p + 1, "of");
        if (nominal) o = p + 2;
        m.phrases = objects(o);
        if (nominal && out.descriptive) m.recalled = true; // "accused of ... the killing of several soldiers"

        if (is(p - 1, "also")) m.additive = true;
        m.recalled = m.recalled || recalled_relative(p);
        return true;
    }

    // "to kill", "Gunmen abduct five aid workers"
    bool base_mention(std::size_t p, casualty_mention& m) {
        m.intent = intended(p);
        m.phrases = objects(p + 1);
        return true;
    }

    // "stabbed a cleric to death", "was stoned to death", "put them to death": a way of killing,
    // its object dead, or its subject when it is passive. "Sentenced to death" is a sentence, and
    // "starved" or "froze to death" no violence: only the verbs of killing by hand are read.
    bool done_to_death(std::size_t p, casualty_mention& m) {
        static const std::array<std::uint16_t, 15> by_hand{
            lex::lemma_id("shoot"),  lex::lemma_id("stab"),     lex::lemma_id("beat"),     lex::lemma_id("stone"),
            lex::lemma_id("hack"),   lex::lemma_id("club"),     lex::lemma_id("torture"),  lex::lemma_id("strangle"),
            lex::lemma_id("bludgeon"), lex::lemma_id("hang"),   lex::lemma_id("lynch"),    lex::lemma_id("batter"),
            lex::lemma_id("whip"),   lex::lemma_id("flog"),     lex::lemma_id("knife")};
        if (tk(p).inflection == morph::inflection::plural) return false; // ("deaths": a count of them)
        for (std::size_t v = p - 1; v > first && v + 10 > p; --v) {
            const token& t = tk(v - 1);
            if (t.kind == token_kind::punct || t.has(lex::predicate)) return false;
            const bool verb = is(v - 1, "put") || (t.lemma != 0 && t.inflection != morph::inflection::gerund &&
                                                   std::find(by_hand.begin(), by_hand.end(), t.lemma) != by_hand.end());
            if (!verb) continue;
            auto c = skip_left(v - 1);
            m.negated = c.negated;
            m.intent = c.modal || intended(v - 1);
            if (!c.passive && v + 1 < p) m.phrases = objects(v);
            if (m.phrases.empty()) m.phrases = c.implicit ? main_subject() : subjects(c.end);
            if (m.phrases.empty() && c.passive) m.phrases = distant_subject(c.end);
            return true;
        }
        return false;
    }

    // "the death of X", "his death", "Hemat's death", "ten insurgent deaths", "Police arrest five suspects"
    bool noun_mention(std::size_t p, casualty_mention& m) {
        // "three others sustained injuries", "suffered serious injuries": its subject was hurt, as
        // "lost their lives" tells the dead
        if (std::size_t v = bearing_verb(p); v != p) {
            auto c = skip_left(v);
            m.phrases = subjects(c.end);
            m.negated = c.negated;
            m.additive = c.additive;
            return true;
        }
        if (is(p - 1, "to")) { // "an operation to arrest a Taliban leader": a verb, intended
            if (done_to_death(p, m)) return true;
            m.intent = intended(p);
            m.phrases = objects(p + 1);
            return true;
        }
        // the death of X, the capture of X; his death, Hemat's death
        std::size_t d = p;
        bool possessed = false;
        if (is(p + 1, "of")) {
            m.phrases = objects(p + 2);
            // "three deaths of international troops": the count before the noun counts them
            if (auto counted = counted_noun(p); counted && m.phrases.size() == 1 && !out.phrases[m.phrases[0]].count) {
                auto& ph = out.phrases[m.phrases[0]];
                ph.count = counted;
                d = counted->first;
            }
        } else if (p > first && (is(p - 1, "his") || is(p - 1, "her") || is(p - 1, "their"))) {
            // "died of his injuries", "succumbed to their wounds": what they died of, no one more hurt
            static const std::uint16_t die = lex::lemma_id("die"), succumb = lex::lemma_id("succumb");
            if (p >= first + 3 && (is(p - 2, "of") || is(p - 2, "from") || is(p - 2, "to")) && tk(p).field == lex::field::wounded &&
                (doc.lemma_is(p - 3, die) || doc.lemma_is(p - 3, succumb)))
                return false;
            int ph = phrase_starting(p - 1);
            if (ph >= 0) m.phrases.push_back(static_cast<std::uint32_t>(ph));
            d = p - 1;
            possessed = true;
        } else if (p > first && (tk(p - 1).shape & possessive) && (tk(p - 1).shape & capitalized)) {
            if (auto ph = name_at(p - 1)) {
                ph->last = static_cast<std::uint32_t>(p);
                m.phrases.push_back(static_cast<std::uint32_t>(add_phrase(*ph)));
            }
            d = p - 1;
            possessed = true;
        } else if (auto counted = counted_noun(p)) {
            // "ten insurgent deaths", "12 civilian deaths", "two arrests"; the words between say
            // whose people died, who are then counted like any people ("nine Taliban deaths, and
            // four soldiers were killed": 13)
            d = counted->first;
            lex::side whose = lex::side::none;
            for (std::size_t k = counted->last; k < p; ++k)
                if (tk(k).side != lex::side::none) whose = tk(k).side;
            if (whose == lex::side::none) {
                m.direct = counted;
            } else {
                person_phrase ph = counted_people(*counted, p - 1);
                ph.side = whose;
                m.phrases.push_back(static_cast<std::uint32_t>(add_phrase(ph)));
            }
        } else if (tk(p).has(lex::verb_too) && p > first &&
                   (((phrase_ending(p - 1) >= 0 || tk(p - 1).has(lex::side_word)) && !tk(p - 1).has(lex::determiner)) ||
                    second_verb_of_a_pair(p))) {
            // "Police arrest five suspects", "NDS arrests a commander": a subject (people, or a
            // force named) before, an object after: the verb
            m.phrases = objects(p + 1);
            if (m.phrases.empty()) return false;
            return true;
        } else {
            return false;
        }
        while (d > first && tk(d - 1).has(lex::determiner | lex::side_word)) --d;
        // prior to his death, at the time of his detention: a time, not an incident
        if (possessed) {
            if (is(d - 1, "to") && is(d - 2, "prior")) return false;
            if (is(d - 1, "before") || is(d - 1, "after") || is(d - 1, "since") || is(d - 1, "following") ||
                is(d - 1, "until"))
                return false;
            if (is(d - 1, "of") && is(d - 2, "time")) return false;
        }
        m.intent = intended(d, false);
        m.recalled = out.descriptive && !is(d - 1, "in") && !is(d - 2, "resulted") && !is(d - 1, "confirmed");
        return true;
    }

    // "Among the dead in Friday's attack were ...", "those killed in the blast included ...": the
    // verb that names the people, past what the dead are told of (a token past `from`, else 0)
    std::size_t naming_verb_after(std::size_t from) const {
        for (std::size_t k = from; in(k) && k < from + 12; ++k) {
            if (is(k, "were") || is(k, "was") || includes(k)) return k;
            const token& t = tk(k);
            // ("in the attack": an incident's noun after its determiner, though its form is a verb's too)
            const bool noun = t.has(lex::trigger) && tk(k - 1).has(lex::determiner);
            if (t.kind == token_kind::punct || (t.has(lex::predicate | lex::verb | lex::aux | lex::speech | lex::relative) && !noun))
                return 0;
        }
        return 0;
    }

    // "the dead included four children", "the wounded in the blast include two journalists": some
    // of them, named after the verb
    bool some_of_them_included(std::size_t p, casualty_mention& m) {
        const std::size_t v = is(p - 1, "the") ? naming_verb_after(p + 1) : 0;
        if (!v || !includes(v)) return false;
        m.subset = true;
        m.phrases = objects(v + 1);
        return true;
    }

    // "were among the dead", "shot dead", "soldiers were left dead"
    bool adjective_mention(std::size_t p, casualty_mention& m) {
        // "were among the dead", and a headline's "among dead"
        if ((is(p - 1, "the") && is(p - 2, "among")) || is(p - 1, "among")) {
            m.subset = true;
            // "Among the dead were three policemen": the subject after its verb
            if (const std::size_t v = naming_verb_after(p + 1); v && !includes(v)) {
                m.phrases = objects(v + 1);
                return true;
            }
            auto c = skip_left(is(p - 1, "among") ? p - 1 : p - 2);
            m.phrases = subjects(c.end);
            return true;
        }
        if (some_of_them_included(p, m)) return true;
        // "gunmen shot dead two workers": the verb before "dead" is active, its object the dead
        static const std::uint16_t shoot = lex::lemma_id("shoot");
        if (p > first && doc.lemma_is(p - 1, shoot) && !skip_left(p - 1).passive) {
            if (auto objs = objects(p + 1); !objs.empty()) {
                m.phrases = std::move(objs);
                return true;
            }
        }
        auto c = skip_left(p);
        m.negated = c.negated;
        m.additive = c.additive;
        m.phrases = subjects(c.end);
        if (m.phrases.empty() && c.passive) m.phrases = modified_subject(c.end); // "an officer in Kandahar was shot dead"
        // ("five policemen were poisoned and then shot dead": the subject of the passive before "and")
        if (m.phrases.empty()) m.phrases = distant_subject(c.end);
        // "leaves two Afghan and three U.S. soldiers dead": the objects of "leave", read forward
        // as after any verb, so that "two Afghan" shares the noun of the list
        static const std::uint16_t leave = lex::lemma_id("leave");
        for (std::size_t k = c.end; k > first && k + 12 > c.end; --k) {
            if (tk(k - 1).kind == token_kind::punct && !tk(k - 1).is_punct('.')) break;
            if (!doc.lemma_is(k - 1, leave)) continue;
            auto objs = objects(k, p);
            if (!objs.empty() && out.phrases[objs.back()].last == c.end) m.phrases = std::move(objs);
            break;
        }
        return true;
    }

    // "his driver also died", "soldiers in Zabul died"
    bool intransitive_mention(std::size_t p, casualty_mention& m) {
        // "succumbed to their wounds" is a death; "succumbed to pressure" none
        static const std::uint16_t succumb = lex::lemma_id("succumb");
        if (doc.lemma_is(p, succumb)) {
            std::size_t k = p + 1;
            if (!is(k, "to")) return false;
            ++k;
            while (in(k) && (tk(k).has(lex::determiner) || is(k, "his") || is(k, "her") || is(k, "their") || modifier_word(k))) ++k;
            if (!(in(k) && tk(k).has(lex::predicate) && tk(k).field == lex::field::wounded)) return false;
        }
        auto c = skip_left(p);
        m.negated = c.negated;
        m.additive = c.additive; // "his driver also died"
        m.phrases = subjects(c.end);
        if (m.phrases.empty()) m.phrases = modified_subject(c.end); // "soldiers in Zabul died"
        if (tk(p).inflection == morph::inflection::base) m.intent = intended(p) || c.modal;
        // "prisoners died in U.S. detention": a death in custody is no incident's
        for (std::size_t k = p + 1; k < last && k < p + 6; ++k) {
            if (is(k, "detention") || is(k, "custody")) m.recalled = true;
            if (tk(k).kind == token_kind::punct || tk(k).has(lex::verb | lex::predicate)) break;
        }
        return true;
    }

    // Armed men right before token `end`, as the subject: "Taliban militants", "unknown gunmen",
    // "insurgents"; through "and" and a clause before it ("stop a bus in Zabul and take").
    bool armed_subject(std::size_t end) const {
        for (std::size_t k = end; k > first && k + 12 > end; --k) {
            const token& t = tk(k - 1);
            if (names_insurgents(t)) return true;
            if (t.is_punct('.') || t.is_punct(';')) return false;
        }
        return false;
    }

    // Casualties told by words the verb's grammar does not read: people taken or gunned down, and
    // the cue words (a toll, custody, bodies, lives).
    void special_predicates() {
        static const std::uint16_t gun = lex::lemma_id("gun"), take = lex::lemma_id("take"), seize = lex::lemma_id("seize"),
                                   shoot = lex::lemma_id("shoot"), stab = lex::lemma_id("stab"), blow = lex::lemma_id("blow"),
                                   surrender = lex::lemma_id("surrender"), die = lex::lemma_id("die"), round = lex::lemma_id("round"),
                                   hold = lex::lemma_id("hold"), pick = lex::lemma_id("pick");
        // One pass tells which of the readings below can find anything: most sentences take,
        // seize, gun down or shoot no one, and hold no cue word (the sentence's flags tell that).
        bool taking_verb = false, gun_verb = false, shot_verb = false, blow_verb = false, surrender_verb = false, dying = false,
             round_verb = false;
        for (const token *t = doc.tokens().data() + first, *end = doc.tokens().data() + last; t != end; ++t) {
            if (t->lemma != 0) {
                taking_verb = taking_verb || t->lemma == take || t->lemma == seize || t->lemma == hold;
                gun_verb = gun_verb || t->lemma == gun;
                shot_verb = shot_verb || t->lemma == shoot || t->lemma == stab;
                blow_verb = blow_verb || t->lemma == blow;
                round_verb = round_verb || t->lemma == round || t->lemma == pick;
                // ("surrender" is territorial, "dying" a gerund: most lemmas are neither)
                if (t->flags & lex::territorial) surrender_verb = surrender_verb || t->lemma == surrender;
                if (t->inflection == morph::inflection::gerund) dying = dying || t->lemma == die;
            }
        }
        const bool cue = (flags & lex::cue) != 0;
        if (taking_verb) people_taken(take, seize, hold);
        if (gun_verb) gunned_down(gun);
        if (shot_verb) fatally_shot(shoot, stab);
        if (blow_verb) blew_themselves_up(blow);
        if (surrender_verb) gave_themselves_up(surrender);
        if (dying) died_beside(die);
        if (round_verb) rounded_up(round, pick);
        for (std::size_t i = first; cue && i < last; ++i) {
            if (!tk(i).has(lex::cue)) continue;
            death_toll(i);
            taken_into_custody(i);
            bodies_found(i);
            bodies_received(i);
            lives_claimed(i);
            martyrdom_embraced(i);
        }
    }

    // People a verb of taking captures, or held (take, seize and hold: the caller's lemma ids, looked up once).
    void people_taken(std::uint16_t take, std::uint16_t seize, std::uint16_t hold) {
        for (std::size_t i = first; i + 1 < last; ++i) {
            // "took 20 passengers hostage", "seized eight construction workers": people taken are
            // people captured; and those "held hostage", "holding three soldiers captive"
            const bool holding = doc.lemma_is(i, hold);
            bool taking = (doc.lemma_is(i, take) || doc.lemma_is(i, seize) || holding) &&
                          (tk(i).inflection != morph::inflection::gerund || (holding && i > first && tk(i - 1).has(lex::aux)));
            if (!taking) continue;
            auto c = skip_left(i);
            std::vector<std::uint32_t> taken;
            bool hostage = in(i + 1) && hostage_word(doc, i + 1);
            // ("are holding three soldiers captive": the progressive, no passive)
            if (c.passive && tk(i).inflection != morph::inflection::gerund) {
                // "twenty passengers were taken hostage", "the six people on board were taken hostage"
                if (hostage) taken = subjects(c.end);
                if (hostage && taken.empty()) taken = modified_subject(c.end);
            } else if (armed_subject(c.end)) {
                // "militants ... take 20 passengers hostage", "insurgents seized 8 workers"; not
                // "workers taken hostage in 2004", whose taking is told in passing; people "taken
                // away" ("took away 12 passengers", "took 12 passengers away") are taken too
                const bool away_first = !holding && is(i + 1, "away");
                taken = objects(away_first ? i + 2 : i + 1);
                hostage = hostage || (away_first && !taken.empty());
                if (!taken.empty())
                    for (std::size_t k = i + 1; k <= out.phrases[taken.back()].last && k < last; ++k)
                        hostage = hostage || hostage_word(doc, k) || (!holding && is(k, "away"));
            }
            // a number taken, not "took a family hostage" in an operation's account, where the
            // hostages are freed by the force
            bool numbered = std::any_of(taken.begin(), taken.end(), [&](std::uint32_t p) {
                const auto& ph = out.phrases[p];
                return ph.count && (tk(ph.count->first).kind == token_kind::number || tk(ph.count->first).has(lex::number));
            });
            // ("a German aid worker was taken captive": one person, told as the news)
            if (taken.empty() || !(numbered || (c.passive && hostage && !c.relative))) continue;
            if (!hostage && (holding || !doc.lemma_is(i, seize))) continue;
            casualty_mention m;
            m.field = lex::field::captured;
            m.predicate = static_cast<std::uint32_t>(i);
            m.negated = c.negated;
            m.intent = c.modal || intended(i);
            m.phrases = std::move(taken);
            emit(std::move(m));
        }
    }

    // The dead told by "gunned down" (gun: the caller's lemma id).
    void gunned_down(std::uint16_t gun) {
        for (std::size_t i = first; i + 1 < last; ++i) {
            // "gunned down two policemen", "two policemen were gunned down"
            if (doc.lemma_is(i, gun) && is(i + 1, "down")) killing_told_by(i, i + 2);
        }
    }

    // The dead of a killing verb at token `verb` that no lexicon predicate reads: its objects from
    // token `objects_from` when active, else its subject.
    void killing_told_by(std::size_t verb, std::size_t objects_from) {
        casualty_mention m;
        m.field = lex::field::killed;
        m.predicate = static_cast<std::uint32_t>(verb);
        auto c = skip_left(verb);
        m.negated = c.negated;
        if (!c.passive) m.phrases = objects(objects_from);
        if (m.phrases.empty()) m.phrases = c.implicit ? main_subject() : subjects(c.end);
        // ("were poisoned and fatally shot": the subject of the passive before "and")
        if (m.phrases.empty() && (c.passive || coordinated_passive(verb))) m.phrases = distant_subject(c.end);
        emit(std::move(m));
    }

    // "police rounded up 12 suspects", "12 suspects were rounded up": people detained; and
    // insurgents "picked up" ("picked up the wounded" carries them off)
    void rounded_up(std::uint16_t round, std::uint16_t pick) {
        for (std::size_t i = first; i + 1 < last; ++i) {
            const bool picked = doc.lemma_is(i, pick);
            if (!(picked || doc.lemma_is(i, round)) || !is(i + 1, "up")) continue;
            const auto form = tk(i).inflection;
            if (!(form == morph::inflection::past || form == morph::inflection::third_person ||
                  (form == morph::inflection::base && i > first && !tk(i - 1).has(lex::determiner | lex::number))))
                continue;
            casualty_mention m;
            m.field = lex::field::captured;
            m.predicate = static_cast<std::uint32_t>(i);
            auto c = skip_left(i);
            m.negated = c.negated;
            m.intent = c.modal || intended(i);
            m.phrases = c.passive ? subjects(c.end) : objects(i + 2);
            if (picked && !std::all_of(m.phrases.begin(), m.phrases.end(),
                                       [&](std::uint32_t p) { return lex::insurgent(out.phrases[p].side); }))
                continue;
            emit(std::move(m));
        }
    }

    // "Two Taliban fighters blew themselves up while planting a mine", "three of the attackers blew
    // themselves up": they died, as attackers who die are counted; a bomber not counted ("a suicide
    // bomber blew himself up") adds no figure the text does not state
    void blew_themselves_up(std::uint16_t blow) {
        for (std::size_t i = first; i + 2 < last; ++i) {
            if (!doc.lemma_is(i, blow) || !is(i + 1, "themselves") || !is(i + 2, "up")) continue;
            auto m = subjects_killed(i, skip_left(i));
            if (!m.phrases.empty() && out.phrases[m.phrases.front()].count) emit(std::move(m));
        }
    }

    // "40 soldiers surrendered to the Taliban", "dozens of policemen have surrendered to the
    // insurgents": counted people who give themselves up to the other side are its prisoners
    // (captured); who surrendered a place ("surrendered the district to") names no one given up
    void gave_themselves_up(std::uint16_t surrender) {
        for (std::size_t i = first + 1; i + 2 < last; ++i) {
            if (!doc.lemma_is(i, surrender) || tk(i).inflection == morph::inflection::gerund || !is(i + 1, "to")) continue;
            const std::size_t to = is(i + 2, "the") ? i + 3 : i + 2;
            // (insurgents who surrender to the government mostly lay down arms in a ceremony, which is
            // no incident)
            if (!in(to) || !tk(to).has(lex::side_word | lex::person) || !lex::insurgent(tk(to).side)) continue;
            const auto c = skip_left(i);
            if (c.passive) continue;
            casualty_mention m;
            m.field = lex::field::captured;
            m.predicate = static_cast<std::uint32_t>(i);
            m.negated = c.negated;
            m.intent = c.modal || intended(i);
            m.phrases = subjects(c.end);
            if (!m.phrases.empty() && out.phrases[m.phrases.front()].count) emit(std::move(m));
        }
    }

    // "nine militants dead, with five police dying in a bomb": people who die in a clause opened by
    // "with" died ("dying" is otherwise no predicate: "dying to go home")
    void died_beside(std::uint16_t die) {
        for (std::size_t i = first + 2; i < last; ++i) {
            if (!doc.lemma_is(i, die) || tk(i).inflection != morph::inflection::gerund) continue;
            const int p = phrase_before(i);
            if (p < 0) continue;
            const auto& ph = out.phrases[static_cast<std::size_t>(p)];
            if (ph.first <= first || !is(ph.first - 1, "with") || !ph.count) continue;
            casualty_mention m;
            m.field = lex::field::killed;
            m.predicate = static_cast<std::uint32_t>(i);
            m.phrases = {static_cast<std::uint32_t>(p)};
            emit(std::move(m));
        }
    }

    // The dead a verb at `verb` tells of as its subject, past the words `c` skipped before it
    casualty_mention subjects_killed(std::size_t verb, const left_chain& c) {
        casualty_mention m;
        m.field = lex::field::killed;
        m.predicate = static_cast<std::uint32_t>(verb);
        m.negated = c.negated;
        m.phrases = subjects(c.end);
        return m;
    }

    // "two soldiers embraced martyrdom": they were killed
    void martyrdom_embraced(std::size_t i) {
        if (!is(i, "martyrdom") || i == first || !(is(i - 1, "embraced") || is(i - 1, "embrace") || is(i - 1, "embraces")))
            return;
        const auto c = skip_left(i - 1);
        auto m = subjects_killed(i - 1, c);
        m.additive = c.additive;
        if (!m.phrases.empty()) emit(std::move(m));
    }

    bool fatal(std::size_t i) const { return is(i, "fatally") || is(i, "mortally"); }

    // "gunmen fatally shot two doctors", "a guard was fatally stabbed": a shot or a stab that killed
    // (the shoot and stab lemma ids, looked up once by the caller)
    void fatally_shot(std::uint16_t shoot, std::uint16_t stab) {
        for (std::size_t i = first + 1; i < last; ++i) {
            if (fatal(i - 1) && (doc.lemma_is(i, shoot) || doc.lemma_is(i, stab))) killing_told_by(i, i + 1);
        }
    }

    // death toll at up to 42 / rose to 25 / of 13; "the toll" alone is the dead too, not a
    // casualty toll
    void death_toll(std::size_t i) {
        if (is(i, "toll") && !is(i - 1, "casualty") && !is(i - 1, "injury") && !is(i - 1, "human")) {
            // "the toll could rise", "is expected to climb": what it may reach is no figure told
            static constexpr word_list may{{"could", "may", "might", "would", "will", "expected", "likely", "feared"}};
            for (std::size_t k = i + 1; k < std::min(last, i + 4); ++k)
                if (is_one_of(doc, k, may)) return;
            bool found = false;
            for (std::size_t k = i + 1; k < std::min(last, i + 5) && !found; ++k) {
                if (auto q = parse_quantity(doc, k, last)) {
                    emit_toll(i, *q);
                    found = true;
                }
            }
            // "the death toll from Saturday's air strikes on the hospital rises to at least 10
            // patients and 12 staff", "has risen from 30 to 42": the figure the verb reaches
            if (!found) found = figure_reached(i, lex::field::killed);
            if (!found) toll_raised_to(i);
        }
        // "the number of dead rose to 17", "the number of injured has climbed to 40"
        if (is(i, "number") && is(i - 1, "the") && is(i + 1, "of")) {
            std::size_t w = is(i + 2, "the") ? i + 3 : i + 2;
            if (is(w, "dead") || is(w, "deaths") || is(w, "fatalities") || ((is(w, "people") || is(w, "those")) && is(w + 1, "killed")))
                figure_reached(i, lex::field::killed);
            else if (is(w, "wounded") || is(w, "injured") || ((is(w, "people") || is(w, "those")) && (is(w + 1, "wounded") || is(w + 1, "injured"))))
                figure_reached(i, lex::field::wounded);
        }
    }

    // The dead a toll at token i counts.
    void emit_toll(std::size_t i, const quantity& q) {
        casualty_mention m;
        m.field = lex::field::killed;
        m.predicate = static_cast<std::uint32_t>(i);
        m.direct = q;
        m.toll = true;
        emit(std::move(m));
    }

    // "A second victim died, raising the toll from Monday's bombing to 13": the figure a verb before
    // the toll at token i brings it to, unless the toll is of a period or of many incidents
    // ("bringing the death toll from attacks this week to 40": a total)
    void toll_raised_to(std::size_t i) {
        std::size_t v = is(i - 1, "death") ? i - 2 : i - 1;
        if (!is(v, "the")) return;
        static constexpr word_list raising{{"raising", "raised", "raises", "bringing", "brought", "brings", "pushing", "pushed",
                                            "pushes", "taking", "took", "takes"}};
        if (v == first || !is_one_of(doc, v - 1, raising)) return;
        for (std::size_t k = i + 1; k + 1 < last && k < i + 12; ++k) {
            const token& t = tk(k);
            if (t.kind == token_kind::punct) return;
            if (names_period(k) || (t.has(lex::trigger) && t.inflection == morph::inflection::plural)) return;
            if (!is(k, "to")) continue;
            if (auto q = parse_quantity(doc, k + 1, last)) emit_toll(i, *q);
            return;
        }
    }

    // The figure a count told at token i reaches: "rises to at least 10 patients and 12 staff", "has
    // risen from 30 to 42", "stands at 17". Whether one was.
    bool figure_reached(std::size_t i, lex::field field) {
        for (std::size_t k = i + 1; k + 1 < last && k < i + 24; ++k) {
            if (!(is(k, "rises") || is(k, "rose") || is(k, "risen") || is(k, "climbs") || is(k, "climbed") || is(k, "reaches") ||
                  is(k, "reached") || is(k, "stands") || is(k, "stood") || is(k, "jumps") || is(k, "jumped") ||
                  is(k, "increases") || is(k, "increased")))
                continue;
            std::size_t at = k + 1;
            if (is(at, "from")) {
                while (at < last && !is(at, "to")) ++at;
            }
            if (!(is(at, "to") || is(at, "at"))) return false;
            casualty_mention m;
            m.field = field;
            m.predicate = static_cast<std::uint32_t>(i);
            m.phrases = objects(at + 1);
            if (m.phrases.empty())
                if (auto q = parse_quantity(doc, at + 1, last)) m.direct = q;
            m.toll = true;
            emit(std::move(m));
            return true;
        }
        return false;
    }

    // taken into custody / took him into custody
    void taken_into_custody(std::size_t i) {
        if (is(i, "custody") && is(i - 1, "into")) {
            for (std::size_t v = i - 1; v > first && v + 8 > i; --v) {
                if (!(is(v - 1, "taken") || is(v - 1, "took") || is(v - 1, "take") || is(v - 1, "taking") || is(v - 1, "takes")))
                    continue;
                casualty_mention m;
                m.field = lex::field::captured;
                m.predicate = static_cast<std::uint32_t>(v - 1);
                if (v < i - 1) {
                    m.phrases = objects(v);
                } else {
                    auto c = skip_left(v - 1);
                    m.negated = c.negated;
                    m.phrases = subjects(c.end);
                    if (m.phrases.empty()) m.phrases = distant_subject(c.end);
                }
                m.intent = intended(v - 1) && !is(v - 2, "decided");
                emit(std::move(m));
                break;
            }
        }
    }

    // the bodies of 12 soldiers were found
    // ("the body of a kidnapped aid worker was found": one)
    void bodies_found(std::size_t i) {
        if ((is(i, "bodies") || is(i, "body")) && is(i + 1, "of")) {
            bool found = false;
            for (std::size_t k = i + 2; k < last; ++k)
                if (is(k, "found") || is(k, "recovered") || is(k, "retrieved") || is(k, "discovered")) found = true;
            if (found) {
                casualty_mention m;
                m.field = lex::field::killed;
                m.predicate = static_cast<std::uint32_t>(i);
                m.phrases = objects(i + 2);
                emit(std::move(m));
            }
        }
    }

    // "the hospital received 13 bodies", "recovered 20 bodies from the rubble": the dead, counted
    void bodies_received(std::size_t i) {
        if (is(i, "bodies") && !is(i + 1, "of")) {
            if (auto q = quantity_ending(i, first); q && !q->vague && q->first > first) {
                static constexpr word_list taken_in{{"received", "recovered", "retrieved", "found",
                                                     "discovered", "brought", "collected", "receiving"}};
                std::size_t v = q->first;
                while (v > first && v + 3 > q->first && !is_one_of(doc, v - 1, taken_in)) --v;
                if (v > first && is_one_of(doc, v - 1, taken_in)) {
                    casualty_mention m;
                    m.field = lex::field::killed;
                    m.predicate = static_cast<std::uint32_t>(i);
                    m.direct = q;
                    emit(std::move(m));
                }
            }
        }
    }

    // claimed the lives of 12 people; a headline's "claims lives of 5"; "claims the life of a
    // journalist"
    void lives_claimed(std::size_t i) {
        const bool claim_before = (i > first && claims_lives(doc, i - 1)) || (i > first + 1 && claims_lives(doc, i - 2));
        if (is(i + 1, "of") && ((is(i, "lives") && (is(i - 1, "the") || claim_before)) || (is(i, "life") && claim_before))) {
            casualty_mention m;
            m.field = lex::field::killed;
            m.predicate = static_cast<std::uint32_t>(i);
            m.phrases = objects(i + 2);
            emit(std::move(m));
        }
    }
};

} // namespace

sentence_analysis analyse_sentence(const document& doc, const sentence& s, bool full, sentence_cues* cues) {
    return parser(doc, s).run(full, cues);
}

sentence_analysis finish_sentence(const document& doc, const sentence& s, sentence_cues cues) {
    return parser(doc, s).resume(std::move(cues));
}

bool may_count(const document& doc, const sentence& s) {
    static const std::uint16_t take = lex::lemma_id("take"), seize = lex::lemma_id("seize"), blow = lex::lemma_id("blow"),
                               surrender = lex::lemma_id("surrender"), die = lex::lemma_id("die"), hold = lex::lemma_id("hold");
    if (s.flags & (lex::predicate | lex::cue)) return true; // (the sentence's flags: no pass for them)
    for (std::size_t i = s.first; i < s.last; ++i) {
        const token& t = doc.at(i);
        // people taken, bombers who blew themselves up, people who surrendered or died beside
        // (special_predicates)
        if (t.lemma && (t.lemma == take || t.lemma == seize || t.lemma == blow || t.lemma == surrender || t.lemma == die)) return true;
        // people held hostage or captive
        if (t.lemma && t.lemma == hold)
            for (std::size_t k = i + 1; k < s.last && k < i + 8; ++k)
                if (hostage_word(doc, k)) return true;
    }
    return false;
}

} // namespace naqsha::extract
