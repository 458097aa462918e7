#include "extract/extractor.hpp"

#include "base/spare_buffer.hpp"
#include "extract/abroad.hpp"
#include "extract/area_claims.hpp"
#include "extract/attribution.hpp"
#include "base/calendar.hpp"
#include "extract/dates.hpp"
#include "extract/layout.hpp"
#include "extract/markup_dates.hpp"
#include "extract/mentions.hpp"
#include "extract/places.hpp"
#include "extract/quiet_clause.hpp"
#include "extract/regions.hpp"
#include "extract/tally.hpp"
#include "extract/text.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace naqsha::extract {
namespace {

struct sentence_info {
    sentence_analysis an;
    std::vector<time_expression> times;
    std::optional<attribution> source;
    // "The Taliban claimed to have killed 40, but officials put the toll at six": a clause from
    // token contrast_from on with a speaker of its own, who gives its figures
    std::optional<attribution> contrast_source;
    std::uint32_t contrast_from = 0;
    std::vector<const place_hit*> places;
    bool reports = false;        // reports an incident (a count, or an incident word)
    bool only_definite = false;  // refers back to one ("the attack") without new facts
    bool only_known_people = false; // its figures only name people told before ("three of their leaders")
    bool roundup = false;        // sums up operations in several provinces
    bool sums_up_places = false; // "attacked police compounds in two provinces, killing 71": names none of them
    mutable std::int8_t opens_another = -1; // opens_another_incident, once asked (-1: not yet)
    bool abroad = false;         // places what it reports outside Afghanistan (and names no Afghan place)
    std::vector<std::string> provinces_told; // the provinces its places lie in, in the order named
    std::uint8_t region = 0;     // "in northern Afghanistan": a part of the country (regions.hpp)
    place_signature own;         // its places, read without context
    bool full = true;            // analysed with its people (see analyse_sentence)
    std::uint64_t flags = 0;     // the sentence's lexicon flags (sentence::flags), beside what is read of it
    sentence_cues cues;          // if not: its analysis before the people, for attach to finish
    const time_expression* when = nullptr; // the incident's date, if the sentence gives one
};

struct draft {
    // room for the sentences of a usual incident at once, not by doubling from one
    draft() {
        sentences.reserve(8);
        reporting.reserve(4);
    }

    std::uint32_t section = 0;
    std::vector<std::uint32_t> sentences;           // in reading order
    std::vector<std::uint32_t> reporting;           // those that report the incident
    std::map<std::uint32_t, std::vector<std::uint32_t>> mentions; // sentence -> casualty mentions
    std::vector<std::uint32_t> titles;
    const time_expression* when = nullptr;
    std::uint32_t when_sentence = 0;
    std::string province;                            // P-code, as far as known
    std::uint8_t region = 0;                         // the part of the country, as far as known
    std::string district;
    bool recalled = false;                           // the article only recalls it
    bool abroad = false;                             // it happened outside Afghanistan: no event
    bool only_province = false;                      // one province of a roundup: its places only
    std::string only_district;                       // one district of a list of those taken: its places only
    bool mishap = false;                             // a disaster or an accident and what is told of it: no event
    bool fronted_past = false;                       // introduced by "Last month," "In October 2017,"
    // told in a clause after "a day after" in another incident's sentence ("attacked Herat on Friday,
    // a day after capturing Ghazni"): its tokens, and how many days before that sentence's date
    std::pair<std::uint32_t, std::uint32_t> earlier_clause{0, 0};
    int days_earlier = 0;
    std::vector<std::uint32_t> merged_sections;      // release parts folded in
    bool dropped = false;
    // one of two changes of hands told in one sentence ("overran it on Monday; government forces
    // retook it on Tuesday"): the side that gains in it (1 the Taliban, -1 the government), and the
    // token its clause starts at, where its agent is read from
    int only_gain = 0;
    std::uint32_t clause_from = 0;
    std::uint32_t clause_to = 0; // with clause_from, the clause that tells it, in a sentence of several (0: none)
};

// Picks the place hits that read as the district `district` (a P-code), which it must outlive.
struct names_district {
    const std::string& district;
    bool operator()(const place_hit& h) const {
        const auto* d = h.district(std::string_view(district).substr(0, 4));
        return d && d->pcode == district;
    }
};

bool overlaps(const time_expression& a, const time_expression& b) {
    if (!a.resolved || !b.resolved) return false;
    // a day either way for reports that count from different midnights; none for months and years
    bool loose = a.precision == date_precision::day || a.precision == date_precision::range ||
                 b.precision == date_precision::day || b.precision == date_precision::range;
    int slack = loose ? 1 : 0;
    return !(a.to < b.from - slack || a.from > b.to + slack);
}

// Two dates that cannot be the same incident's.
bool conflicting(const time_expression* a, const time_expression* b, const document& doc) {
    if (!a || !b) return false;
    auto weekday = [&](const time_expression* e) -> int {
        for (auto k = e->first; k < e->last; ++k)
            if (doc.at(k).has(lex::weekday)) return doc.at(k).value;
        return -1;
    };
    // ("2 June", "June 3": a day of the calendar)
    auto calendar = [&](const time_expression* e) {
        for (auto k = e->first; k < e->last; ++k)
            if (doc.at(k).has(lex::month)) return true;
        return false;
    };
    int wa = weekday(a), wb = weekday(b);
    // "on Tuesday morning" and "On Monday", "On 2 June" and "On 3 June": two days named, neither a
    // night that runs past midnight, are two days whatever midnight a report counts from
    if (a->resolved && b->resolved && ((wa >= 0 && wb >= 0) || (calendar(a) && calendar(b))) && !a->night && !b->night &&
        a->precision == date_precision::day && b->precision == date_precision::day)
        return a->from != b->from;
    if (a->resolved && b->resolved) return !overlaps(*a, *b);
    // unresolved: compare what is written ("Monday" against "Monday night")
    if (wa >= 0 && wb >= 0) return wa != wb;
    return a->recalled != b->recalled || (wa >= 0) != (wb >= 0);
}

class builder {
public:
    builder(const article& a, const gazetteer::gazetteer& g, const extract_options& o)
        : art(a), gaz(g), options(o), doc(a.text) {
        take_spare(info); // the thread's last article's, empty (base/spare_buffer.hpp)
    }
    ~builder() { give_back(info); }
    builder(const builder&) = delete;
    builder& operator=(const builder&) = delete;

    article_result run() {
        article_result out;
        out.article = art.id;
        std::optional<day_number> metadata;
        if (options.published) {
            metadata = options.published;
            out.published_from = "option";
        } else if (art.published) {
            metadata = art.published;
            out.published_from = "metadata";
        } else if (!art.unreadable_published.empty()) {
            out.warnings.push_back(art.id + ": published \"" + art.unreadable_published + "\" is not an ISO date; ignored");
        }
        lay = analyse_layout(doc, metadata, art.url.empty() ? std::nullopt : date_in_url(art.url));
        out.published = lay.published;
        if (lay.published && out.published_from.empty()) out.published_from = lay.published_from;
        analyse();
        segment();
        merge_parts();
        decide_background();
        if (options.explain) explain(out);
        out.events.reserve(drafts.size());
        for (auto& d : drafts)
            if (!d.dropped) emit(d, out);
        fold_retold_changes(out);
        if (options.background) held_places(out);
        number_events(out);
        area(out);
        if (!lay.published && !out.events.empty())
            out.warnings.push_back(art.id + ": no publication date found (give --published); relative dates stay unknown");
        out.warnings.insert(out.warnings.end(), notes.begin(), notes.end());
        return out;
    }

private:
    const article& art;
    const gazetteer::gazetteer& gaz;
    const extract_options& options;
    document doc;
    layout_info lay;
    std::vector<sentence_info> info;
    std::uint64_t article_flags = 0; // every sentence's lexicon flags together
    // districts of a sentence that are an earlier incident's places, not its news's (split_earlier_changes)
    std::vector<std::pair<std::uint32_t, std::string>> given_away;
    std::vector<place_hit> hits;
    std::vector<place_hit> dateline_hits; // the cities datelines open with, outside the sentences
    std::vector<draft> drafts;
    std::vector<std::string> notes;

    std::optional<day_number> reference(std::uint32_t s) const { return lay.sections[doc.sentences()[s].section].reference; }

    // ---- per-sentence analysis ------------------------------------------------------------
    // Whether the sentence tells an incident (an incident word or a figure) before token `at`.
    static bool told_before(const sentence_info& si, std::uint32_t at) {
        return std::any_of(si.an.triggers.begin(), si.an.triggers.end(), [at](const trigger_word& t) { return t.at < at && !t.generic; }) ||
               std::any_of(si.an.casualties.begin(), si.an.casualties.end(),
                           [at](const casualty_mention& m) { return m.predicate < at && !m.negated && !m.intent && !m.recalled; });
    }

    // A figure set against another by "but", "while" or "whereas" after a comma, or by a semicolon
    // alone, each with its own speaker ("the insurgents claimed ..., but officials put the toll at
    // six", "...; officials put the toll at 11"): each part's figures are its own speaker's, so
    // that a party's claim gives way to the other figure.
    void contrasting_source(sentence_info& si, const sentence& s, const std::optional<attribution>& previous) const {
        if (si.an.casualties.size() < 2) return;
        for (std::uint32_t i = s.first + 3; i + 3 < s.last; ++i) {
            const bool joined = (doc.at(i).is_punct(',') || doc.at(i).is_punct(';')) &&
                                (is_word(doc, i + 1, "but") || is_word(doc, i + 1, "while") || is_word(doc, i + 1, "whereas"));
            if (!joined && !doc.at(i).is_punct(';')) continue;
            auto told_before = [i](const casualty_mention& m) { return m.predicate < i; };
            if (!std::any_of(si.an.casualties.begin(), si.an.casualties.end(), told_before) ||
                std::all_of(si.an.casualties.begin(), si.an.casualties.end(), told_before))
                return;
            sentence head = s, contrast = s;
            head.last = i;
            contrast.first = joined ? i + 2 : i + 1;
            auto own = find_attribution(doc, head, previous);
            auto other = find_attribution(doc, contrast, std::nullopt);
            if (!own || !other || other->last <= other->first || own->kind == other->kind) return;
            si.source = std::move(own);
            si.contrast_source = std::move(other);
            si.contrast_from = i;
            return;
        }
    }

    void analyse() {
        hits = find_places(doc, gaz, &dateline_hits);
        mark_place_names();
        read_sentences();
        assign_places();
        // one sentence at a time: each step reads what the one before it decided (the date, then
        // whether a reaction recalls its incident, then what it reports)
        std::optional<day_number> told_day; // the last day an incident was dated by, for "a day later"
        for (std::size_t i = 0; i < doc.sentences().size(); ++i) {
            if (doc.sentences()[i].section != (i ? doc.sentences()[i - 1].section : 0)) told_day.reset();
            resolve_days_later(info[i], told_day);
            date_incident(i);
            day_of_summary(i);
            if (const auto* w = info[i].when; w && w->resolved && w->precision == date_precision::day) told_day = w->from;
            recall_if_reacting(i);
            if (info[i].an.unplaced_day && !placed_by_next(i) && details_follow(i)) info[i].an.aggregate = true;
            if (info[i].an.while_clause) leave_clause_abroad(i);
            if (!info[i].places.empty() && (info[i].flags & lex::time_word)) leave_deed_abroad_dated_by_one_at_home(i);
            weigh_report(i);
            sum_up_unnamed_places(i);
            summarise_places(i);
        }
    }

    // "A bomb killed 12 in Ghazni, while a blast killed 7 in Quetta, Pakistan": a clause after
    // ", while" or ", whereas" that places its incident abroad, and names no Afghan place, tells of
    // violence that is no Afghan incident's; its figures and incident words are left out.
    void leave_clause_abroad(std::size_t i) {
        auto& si = info[i];
        const auto& sen = doc.sentences()[i];
        for (std::uint32_t k = sen.first + 2; k + 1 < sen.last; ++k) {
            if (!doc.at(k - 1).is_punct(',') || !(is_word(doc, k, "while") || is_word(doc, k, "whereas"))) continue;
            const bool places_after = std::any_of(si.places.begin(), si.places.end(), [&](const place_hit* h) { return h->first_token >= k; });
            const bool places_before = std::any_of(si.places.begin(), si.places.end(), [&](const place_hit* h) { return h->first_token < k; });
            // "A bomb killed 20 in the Pakistani city of Quetta, while in Afghanistan a blast killed
            // five in Kandahar": the clause before is the one abroad
            const bool first_abroad = places_after && !places_before;
            if (places_after && !first_abroad) return;
            sentence clause = sen;
            if (first_abroad) clause.last = k;
            else clause.first = k;
            if (!names_place_abroad(doc, clause, gaz)) return;
            leave_out_told_abroad(si, [&](std::size_t at) { return first_abroad ? at < k : at >= k; });
            return;
        }
    }

    // The figures and incident words of sentence si whose token `abroad(at)` places abroad: no
    // Afghan incident's.
    template <typename Abroad>
    static void leave_out_told_abroad(sentence_info& si, Abroad abroad) {
        std::erase_if(si.an.casualties, [&](const casualty_mention& m) { return abroad(m.predicate); });
        for (auto& t : si.an.triggers)
            if (abroad(t.at)) t.generic = true;
    }

    // "A bomber struck a police post in Pakistan's Dera Ismail Khan, killing seven, a day after the
    // Taliban took Kandahar", "... in Quetta, hours after a blast in Kabul killed three": violence
    // abroad dated by an Afghan incident after ", a day after" (or "hours", "days", "weeks" after)
    // is no Afghan incident's; its figures and incident words are left out, and the Afghan one
    // stays what it is.
    void leave_deed_abroad_dated_by_one_at_home(std::size_t i) {
        auto& si = info[i];
        const auto& sen = doc.sentences()[i];
        static constexpr std::uint64_t after_word = document::pack_word("after");
        for (std::uint32_t k = sen.first + 3; k + 1 < sen.last; ++k) {
            if (doc.at(k).folded != after_word || doc.at(k).stem_size != 5) continue;
            std::uint32_t opens = k - 1;
            if (!(is_word(doc, opens, "day") || is_word(doc, opens, "days") || is_word(doc, opens, "hours") || is_word(doc, opens, "weeks")))
                continue;
            --opens;
            // (", a day after", ", two days after", ", hours after")
            if (is_word(doc, opens, "a") || doc.at(opens).kind == token_kind::number || doc.at(opens).has(lex::number)) --opens;
            if (opens <= sen.first || !doc.at(opens).is_punct(',')) continue;
            const bool at_home_before = std::any_of(si.places.begin(), si.places.end(), [&](const place_hit* h) { return h->first_token < k; });
            if (at_home_before) return;
            sentence clause = sen;
            clause.last = opens;
            if (!names_place_abroad(doc, clause, gaz)) return;
            leave_out_told_abroad(si, [&](std::size_t at) { return at < k; });
            return;
        }
    }

    // "Taliban attackers struck police compounds in two Afghan provinces on Tuesday, killing 71.
    // In Gardez, ... In Ghazni, ...": a sentence that counts the places of what it tells but names
    // none of them, before an account that names places, sums up the incidents told after it: its
    // figure is their total, nobody's (news codebook), and its day is theirs where they tell none.
    // ... and so does one that counts its incidents ("At least 48 people were killed in two
    // bombings on Tuesday, one near a rally and the other in central Kabul"), whatever it names.
    void sum_up_unnamed_places(std::size_t i) {
        auto& si = info[i];
        // (places counted where none is named; incidents counted, as the grammar noted)
        const bool places_counted = si.places.empty() && (si.flags & lex::place_noun);
        if (!si.reports || si.an.aggregate || !(places_counted || si.an.counts_incidents)) return;
        const auto& sen = doc.sentences()[i];
        static constexpr word_list places{{"provinces", "cities", "districts", "towns"}};
        int counted = 0;
        bool provinces = false;
        for (std::size_t k = sen.first + 1; k < sen.last && !counted; ++k) {
            if (!doc.at(k).has(lex::trigger | lex::place_noun)) continue; // (most words are neither)
            const bool incidents = doc.at(k).has(lex::trigger) && doc.at(k).inflection == morph::inflection::plural;
            if (!incidents && (!si.places.empty() || !is_one_of(doc, k, places))) continue;
            std::size_t n = k - 1; // past a word or two: "two Afghan provinces", "two Taliban bombings"
            while (n > sen.first && k - n < 3 && !doc.at(n).has(lex::number) && doc.at(n).kind != token_kind::number &&
                   doc.at(n).kind == token_kind::word && !is_word(doc, n, "twin"))
                --n;
            if ((doc.at(n).kind == token_kind::number || doc.at(n).has(lex::number)) && doc.at(n).value >= 2) counted = doc.at(n).value;
            if (is_word(doc, n, "twin")) counted = 2;
            provinces = is_word(doc, k, "provinces");
        }
        if (!counted) return;
        // (every place counted is told after it: "killing 51 in nine provinces ... In Balkh, seven
        // civilians were killed" itemises none of the 51)
        std::vector<std::string_view> told;
        const auto& sentences = doc.sentences();
        for (std::size_t j = i + 1; j < sentences.size() && sentences[j].section == sen.section && static_cast<int>(told.size()) < counted; ++j)
            for (const auto* h : info[j].places) {
                const auto* d = h->district();
                const std::string_view where = provinces ? province_of(*h) : d ? d->pcode : std::string_view();
                if (!where.empty() && std::find(told.begin(), told.end(), where) == told.end()) told.push_back(where);
            }
        if (static_cast<int>(told.size()) < counted) return;
        si.an.aggregate = true;
        si.sums_up_places = true;
    }

    // A sentence of the account after such a summary that opens with its place ("In Ghazni,
    // insurgents attacked ...") and tells no day of its own is dated by the summary's day (one
    // told for all).
    void day_of_summary(std::size_t i) {
        auto& si = info[i];
        if (si.when || si.places.empty() || i == 0) return;
        const auto& sen = doc.sentences()[i];
        if (!is_word(doc, sen.first, "in") || si.places.front()->first_token > sen.first + 6) return;
        const auto& sentences = doc.sentences();
        for (std::size_t j = i; j-- > 0 && sentences[j].section == sentences[i].section;)
            if (info[j].sums_up_places) {
                if (info[j].when && one_time_told(info[j])) si.when = info[j].when;
                return;
            }
    }

    // "Forces killed 45 militants over the past 24 hours. The operations were carried out in
    // Kandahar, Helmand and Zabul": the sentence after a day's update that names no place, telling
    // only where its incidents were (by a definite incident word, with no figure or incident of its
    // own), places them, and the figure is theirs (split_by_places_after).
    // "Security forces killed 30 militants across six provinces over the past 24 hours", the whole
    // item: the day's operations, one incident with their figure where no place is named (news
    // codebook: "attacks across Afghanistan kill 17" is one incident with the total); but an update
    // whose operations the sentences after it tell, each in its place, leads them, and its figure is
    // their total
    bool details_follow(std::size_t i) const {
        const auto& sentences = doc.sentences();
        for (std::size_t j = i + 1; j < sentences.size() && sentences[j].section == sentences[i].section; ++j)
            if (!info[j].places.empty()) return true;
        return false;
    }

    bool placed_by_next(std::size_t i) const {
        const auto& sentences = doc.sentences();
        if (i + 1 >= sentences.size() || sentences[i + 1].section != sentences[i].section) return false;
        const auto& next = info[i + 1];
        if (next.places.empty() || !next.an.casualties.empty()) return false;
        bool definite = false;
        for (const auto& t : next.an.triggers) {
            if (t.generic) continue;
            if (!t.definite) return false;
            definite = true;
        }
        return definite;
    }

    // the grammar tells a place from a person by these marks ("captured Sangin", "captured Omar");
    // a settlement named like a person ("Abdul Rahim") is left to the grammar
    void mark_place_names() {
        auto& tokens = doc.tokens();
        for (const auto& h : hits) {
            if (std::none_of(h.candidates.begin(), h.candidates.end(),
                             [](const gazetteer::candidate& c) { return c.kind != gazetteer::level::settlement; }))
                continue;
            // ("Ghazni's": the possessive's token runs past the name, and is the place's all the same)
            for (std::size_t t = h.first_token; t < doc.size() && tokens[t].begin < h.end &&
                                                          (tokens[t].end <= h.end || (tokens[t].shape & possessive));
                 ++t)
                tokens[t].shape |= place_name;
        }
    }

    // Each sentence's grammar, dates and source.
    void read_sentences() {
        const auto& sentences = doc.sentences();
        info.resize(sentences.size());
        std::optional<attribution> previous;
        std::optional<day_number> narrative; // a retrospective's day told with its year (find_time_expressions)
        for (std::size_t i = 0; i < sentences.size(); ++i) {
            auto& si = info[i];
            const auto& s = sentences[i];
            if (i > 0 && sentences[i - 1].section != s.section) narrative.reset();
            // people are parsed only where figures may be; other sentences get them when an
            // incident takes them as context (antecedents for "the men", "him")
            si.flags = s.flags;
            article_flags |= si.flags;
            si.full = (si.flags & (lex::predicate | lex::cue)) != 0 || may_count(doc, s);
            si.an = analyse_sentence(doc, s, si.full, si.full ? nullptr : &si.cues);
            const auto reference = lay.sections[s.section].reference;
            si.times = find_time_expressions(doc, s.first, s.last, reference, narrative, si.flags);
            for (const auto& t : si.times)
                if (t.resolved && !t.relative && t.precision == date_precision::day && reference)
                    narrative = *reference - t.from > 60 ? std::optional<day_number>(t.from) : std::nullopt;
            si.source = find_attribution(doc, s, previous);
            contrasting_source(si, s, previous);
            if (si.source && si.source->last > si.source->first) previous = si.source;
        }
        crashes_shot_down();
    }

    // "A helicopter crashed in Farah, killing all 25 on board. The Taliban said they shot it down":
    // a crash the article says was brought down by fire is an attack, with its dead and hurt
    void crashes_shot_down() {
        for (std::size_t s = 0; s < info.size(); ++s) {
            auto& si = info[s];
            if (si.an.crash_harm.empty()) continue;
            // (the craft is told of as the one crashed in the next sentence or the one after it)
            bool downed = false;
            for (std::size_t n = s + 1; n < info.size() && n < s + 3 && !downed; ++n) downed = info[n].an.downs_craft;
            if (!downed) continue;
            si.an.casualties.insert(si.an.casualties.end(), si.an.crash_harm.begin(), si.an.crash_harm.end());
            for (auto w : si.an.crash_words) {
                w.kind = lex::event_kind::attack;
                si.an.triggers.push_back(w);
            }
            si.an.crash_harm.clear();
            si.an.crash_words.clear();
            si.an.mishap = false;
        }
    }

    // Each sentence's places, but not a speaker's surname or a road's far end, nor places beside
    // the point where the sentence names others.
    void assign_places() {
        const auto& sentences = doc.sentences();
        for (const auto& h : hits)
            if (!surname_of_source(h, info[h.sentence]) && !end_of_personal_name(h) && !h.far_end &&
                !begins_foreign_name(doc, h.first_token, h.end_token, sentences[h.sentence].last, gaz))
                info[h.sentence].places.push_back(&h);
        // a place beside the point ("in Logar province, east of Kabul") counts only when it is the
        // only one the sentence names
        // ... and so does one in who said it ("said Ghulam Rabani, a council member in Kunduz")
        for (std::size_t i = 0; i < info.size(); ++i) {
            auto& si = info[i];
            auto beside = [&](const place_hit* h) {
                return h->aside || in_source(*h, si) || elsewhere(*h) ||
                       (h->first_token > si.an.befell_before.first && h->first_token < si.an.befell_before.second);
            };
            // (a place alone stays, beside the point or not)
            bool located = si.places.size() > 1 &&
                           std::any_of(si.places.begin(), si.places.end(), [&](const place_hit* h) { return !beside(h); });
            if (located) std::erase_if(si.places, beside);
            // "... security forces retreated to the provincial capital Faizabad after hours of
            // clashes": where the forces went is no place of the story's, which the sentence
            // before named
            bool only_destinations = !located && std::any_of(si.places.begin(), si.places.end(), [](const place_hit* h) { return h->destination; }) &&
                                     std::all_of(si.places.begin(), si.places.end(), [&](const place_hit* h) { return h->destination || in_source(*h, si); });
            if (only_destinations && i > 0 && !info[i - 1].places.empty() &&
                sentences[i - 1].section == sentences[i].section)
                si.places.clear();
        }
    }

    // "Fighting continued in Chahar Dara until 9 October": an incident told with no day it began
    // but the day it ended is dated by that day, nearer the truth than the news's own.
    const time_expression* day_it_ended(const draft& d) const {
        for (auto s : d.reporting) {
            const auto& sen = doc.sentences()[s];
            for (const auto& t : info[s].times)
                if (t.role == time_role::end && t.resolved && t.precision == date_precision::day && !t.recalled &&
                    !in_relative_clause(t, info[s], sen))
                    return &t;
        }
        return nullptr;
    }

    // The incident's date: the first date after the main verb that is not when someone spoke
    // ("... suspected in the attack June 28, was killed ... yesterday"), else the last before it
    void date_incident(std::size_t i) {
        auto& si = info[i];
        const auto& sen = doc.sentences()[i];
        const std::uint32_t verb = main_verb(si, sen);
        const time_expression* before = nullptr;
        for (const auto& t : si.times) {
            // a bare year ("in 2015") dates no incident, but "five years ago" recalls one
            bool ago = is_word(doc, t.last - 1, "ago");
            if (t.role != time_role::event || (t.precision == date_precision::year && !ago)) continue;
            if (t.days_after_anchor >= 0 && !t.resolved) continue; // "a day later", after nothing told
            if (in_relative_clause(t, si, sen) || after_since(t, sen) || names_other_incident(t, si, sen, verb) ||
                in_recalled_incident(t, si) || planned_for(t, sen) || counts_a_series(t, sen))
                continue;
            if (t.first >= verb || verb == sen.last) {
                si.when = &t;
                break;
            }
            before = &t;
        }
        if (!si.when) si.when = before;
        // ... but a year over before the report ("In 2015 the insurgents captured Kunduz") tells
        // of an incident it recalls
        if (!si.when)
            if (auto r = lay.sections[sen.section].reference)
                for (const auto& t : si.times)
                    if (t.role == time_role::event && t.precision == date_precision::year && t.resolved && t.to < *r &&
                        !after_since(t, sen) && !in_relative_clause(t, si, sen) && !planned_for(t, sen)) {
                        si.when = &t;
                        break;
                    }
    }

    // "The insurgents overran Torghundi a day later": days after the day told before it, in the
    // sentence or else by the incident before; unresolved where none was told.
    static void resolve_days_later(sentence_info& si, std::optional<day_number> told_day) {
        bool anchored = told_day.has_value();
        day_number anchor = told_day.value_or(0);
        for (auto& t : si.times) {
            if (t.days_after_anchor >= 0 && anchored) {
                t.from = t.to = anchor + t.days_after_anchor;
                t.resolved = true;
            }
            if (t.resolved && t.precision == date_precision::day && t.role == time_role::event) anchor = t.from, anchored = true;
        }
    }

    // The first word that tells the incident: a casualty verb or an incident word, or the
    // sentence's end when it has none.
    static std::uint32_t main_verb(const sentence_info& si, const sentence& sen) {
        std::uint32_t verb = sen.last;
        for (const auto& m : si.an.casualties)
            if (!m.recalled && !m.negated && !m.intent) verb = std::min(verb, m.predicate);
        for (const auto& t : si.an.triggers)
            if (!t.generic) verb = std::min(verb, t.at);
        return verb;
    }

    // "the offensive that began last month": the date of something else
    // ("recaptured Muqur district, which the Taliban had taken over last month"; "rescued a
    // businessman who had been kidnapped last month")
    bool in_relative_clause(const time_expression& t, const sentence_info& si, const sentence& sen) const {
        if (!t.recalled || t.fronted) return false;
        for (std::size_t k = t.first; k > sen.first && k + 8 > t.first; --k) {
            if (is_word(doc, k - 1, "that") || is_word(doc, k - 1, "which")) return true;
            // (a "who" clause is someone's past only beside news told before it: "Ashworth,
            // who died in 2012, is to be awarded" tells its own)
            if (is_word(doc, k - 1, "who")) return told_before(si, static_cast<std::uint32_t>(k - 1));
            if (doc.at(k - 1).kind == token_kind::punct) break;
        }
        return false;
    }

    // "the first attack since the signing of a deal ... in February"
    bool after_since(const time_expression& t, const sentence& sen) const {
        if (t.since) return !t.recent_span;
        for (std::size_t k = t.first; k > sen.first; --k) {
            if (doc.at(k - 1).is_punct(',') || doc.at(k - 1).is_punct(';')) return false;
            if (is_word(doc, k - 1, "since")) return true;
        }
        return false;
    }

    // "the July 2 attack", "the Aug. 7 attack": a date inside another incident's name; but
    // "killed in Monday's attack", "the toll from Saturday's air strikes", "claimed
    // responsibility for yesterday's attacks" date this one
    bool names_other_incident(const time_expression& t, const sentence_info& si, const sentence& sen, std::uint32_t verb) const {
        // ("condemns Wednesday's airstrikes", "claimed Monday's attack": the object of what is done
        // or said about it)
        if (t.first > sen.first && (doc.at(t.last - 1).shape & possessive) &&
            (is_word(doc, t.first - 1, "in") || is_word(doc, t.first - 1, "from") || is_word(doc, t.first - 1, "during") ||
             (is_word(doc, t.first - 1, "for") && is_word(doc, t.first - 2, "responsibility")) ||
             (doc.at(t.first - 1).kind == token_kind::word && !(doc.at(t.first - 1).shape & capitalized) &&
              !doc.at(t.first - 1).has(lex::preposition | lex::determiner | lex::conjunction | lex::relative))))
            return false;
        for (const auto& tr : si.an.triggers) {
            if (tr.at < t.last || tr.at >= t.last + 4 || !tr.generic) continue;
            // "Monday's attacks", "the July 2 bombing"; not "killed Saturday in bombing attacks"
            bool modifies = true;
            for (std::size_t k = t.last; k < tr.at; ++k)
                if (doc.at(k).has(lex::preposition | lex::verb) || doc.at(k).kind == token_kind::punct) modifies = false;
            if (modifies) return true;
        }
        for (std::size_t k = t.last; k < std::min<std::size_t>(t.last + 4, sen.last); ++k)
            if (doc.at(k).has(lex::trigger) && !doc.at(k).has(lex::verb) && k > verb && t.first > verb &&
                (doc.at(t.first).has(lex::month) || is_word(doc, t.first, "the")) && !(doc.at(t.first).shape & possessive)) {
                for (std::size_t b = t.first; b > sen.first && b + 3 > t.first; --b)
                    if (is_word(doc, b - 1, "the")) return true;
            }
        return false;
    }

    // "overran Ghormach district, their third in the province this month": the span of a series the
    // incident is counted in, told in an apposition that opens with an ordinal, dates the series
    bool counts_a_series(const time_expression& t, const sentence& sen) const {
        std::size_t k = t.first;
        while (k > sen.first && k + 10 > t.first && !doc.at(k - 1).is_punct(',')) --k;
        if (k == sen.first || !doc.at(k - 1).is_punct(',')) return false;
        std::size_t w = k;
        if (is_word(doc, w, "their") || is_word(doc, w, "its") || is_word(doc, w, "the") || is_word(doc, w, "his")) ++w;
        return w < t.first && doc.at(w).has(lex::ordinal);
    }

    // "elections scheduled in September", "talks due on Monday": when something else is planned
    bool planned_for(const time_expression& t, const sentence& sen) const {
        for (std::size_t k = t.first; k > sen.first && k + 3 > t.first; --k)
            if (is_word(doc, k - 1, "scheduled") || is_word(doc, k - 1, "planned") || is_word(doc, k - 1, "due") || is_word(doc, k - 1, "slated") ||
                is_word(doc, k - 1, "expected"))
                return true;
        return false;
    }

    // A date inside the words of an incident the sentence recalls.
    // "A bomb explodes in a classroom ... The same university was targeted last month": an incident
    // told without a day of its own happened on the day of the news, so a sentence dated before the
    // news tells of another one
    static bool recalls_before_undated(const sentence_info& si, const draft& cur) {
        return si.when && si.when->recalled && si.when->role == time_role::event && !cur.when && !cur.recalled;
    }

    static bool in_recalled_incident(const time_expression& t, const sentence_info& si) {
        for (auto [from, to] : si.an.recalled_spans)
            if (t.first >= from && t.first < to) return true;
        return false;
    }

    // How many provinces the sentence's places lie in (two at most are told apart).
    static int provinces_named(const sentence_info& si) {
        std::string_view seen;
        for (const auto* h : si.places) {
            const auto* p = h->province();
            const auto* d = h->district();
            const std::string_view province = p ? std::string_view(p->pcode) : d ? std::string_view(d->province_pcode) : std::string_view();
            if (province.empty() || province == seen) continue;
            if (!seen.empty()) return 2;
            seen = province;
        }
        return seen.empty() ? 0 : 1;
    }

    // Whether the sentence reports an incident: people counted, or an incident word that is no
    // habit, no total and no mere reference back to one told before.
    void weigh_report(std::size_t i) {
        auto& si = info[i];
        const auto& sen = doc.sentences()[i];
        bool counts = false, new_people = false;
        // "Government troops were killed in Argo district on Saturday": people not counted, but
        // on a day and in a place, which no habit or total has
        // (a headline, or a line written as one, tells the day's news: "Afghan police officers
        // killed in Kandahar")
        const bool headline = sen.title || (sen.last > sen.first && doc.at(sen.last - 1).kind != token_kind::punct);
        const bool dated_place = ((si.when && si.when->resolved && si.when->precision == date_precision::day) || headline) &&
                                 !si.places.empty();
        for (const auto& m : si.an.casualties) {
            // ("30 people were killed or wounded in the blast": harm told, though a figure of neither)
            // ("Six soldiers were among those killed in Kunar on Friday": some of the dead, told on a
            // day and in a place, as a lead tells them)
            if (m.negated || (m.intent && !m.either) || m.recalled || (m.subset && !dated_place) || si.an.aggregate) continue;
            // "Gunmen killed guests at a hotel in Kabul": armed men's deed told once, in a place
            const bool episodic = !si.places.empty() && armed_subject_acts(m.predicate, sen);
            for (auto p : m.phrases) {
                const auto& ph = si.an.phrases[p];
                const bool uncounted = !ph.count && ph.plural && !ph.definite && !ph.pronoun &&
                                       (dated_place || (episodic && ph.first > m.predicate));
                if (ph.count || ph.definite || ph.pronoun || uncounted) counts = true;
                if ((ph.count || uncounted) && !ph.definite && !ph.pronoun) new_people = true;
            }
            if (m.direct) counts = new_people = true;
        }
        bool incident = false, definite = false;
        for (const auto& t : si.an.triggers) {
            if (t.generic) continue;
            if (t.definite) definite = true;
            else incident = true;
        }
        // fighting told over a few days ("over the past three days, forces killed 35"): an incident
        // dated by its first day, though its figure is a total; over a week, only in one province
        // ("kidnapped about 60 civilians in the past week in Daykundi"; not "killed 180 insurgents in
        // Helmand and Kandahar over the past week")
        const int span = si.when && si.when->resolved && si.when->precision == date_precision::range ? si.when->to - si.when->from : 8;
        bool days = span <= 4 || (span <= 7 && provinces_named(si) <= 1);
        if (si.an.aggregate && days)
            for (const auto& m : si.an.casualties)
                if (!m.negated && !m.intent && !m.recalled) incident = true;
        // "the attack caused dozens of casualties": harm told, though as neither dead nor wounded
        if (definite && !si.an.aggregate && si.when && si.when->resolved && si.when->precision == date_precision::day &&
            causes_casualties(sen))
            incident = true;
        // "the fighting in Khanabad entered its fourth day", "the siege has gone on for three days":
        // an incident told as running up to the news is the news, though named with "the"
        if (definite && !si.an.aggregate && si.when && si.when->recent_span && !si.places.empty()) incident = true;
        if (!si.places.empty() && !incident && one_of_several(sen)) incident = true;
        if (si.an.generic) counts = incident = definite = false;
        si.reports = counts || incident;
        si.only_known_people = counts && !new_people && !incident;
        si.only_definite = !si.reports && definite;
    }

    // "Suicide bombings kill 48 people. The first is in Charikar ... The second is in Kabul": one of
    // several incidents told before, each where its sentence places it
    bool one_of_several(const sentence& sen) const {
        std::size_t k = sen.first;
        if (!is_word(doc, k, "the") || k + 3 >= sen.last) return false;
        ++k;
        if (!(is_word(doc, k, "first") || is_word(doc, k, "second") || is_word(doc, k, "third") || is_word(doc, k, "other") || is_word(doc, k, "latter")))
            return false;
        ++k;
        if (is_word(doc, k, "one") || (doc.at(k).has(lex::trigger) && !doc.at(k).has(lex::verb))) ++k;
        return is_word(doc, k, "is") || is_word(doc, k, "was") || is_word(doc, k, "occurred") || is_word(doc, k, "occurs") || is_word(doc, k, "happened") ||
               is_word(doc, k, "struck") || is_word(doc, k, "hit") || is_word(doc, k, "targeted") || is_word(doc, k, "targets");
    }

    // What the sentence's places add up to: their reading without context, the provinces and the
    // region they tell, a roundup of several provinces, an incident abroad.
    void summarise_places(std::size_t i) {
        auto& si = info[i];
        const auto& sen = doc.sentences()[i];
        // operations in several provinces summed up in one sentence
        if (!si.places.empty()) si.own = sign_places(si.places, {}, gaz);
        si.provinces_told = provinces_told(static_cast<std::uint32_t>(i));
        si.region = (si.flags & lex::place_noun) ? region_named(doc, sen.first, sen.last) : 0; // (every region word is one)
        si.roundup = si.provinces_told.size() >= 2 && !falls_in_each(static_cast<std::uint32_t>(i));
        if (si.reports) {
            // ("crossed from Kunar into Chitral and attacked a police post": where they came from is
            // no place of what they did)
            bool afghan_place = std::any_of(si.places.begin(), si.places.end(), [&](const place_hit* h) {
                return !h->vicinity && !elsewhere(*h) && !(h->aside && !h->destination);
            });
            si.abroad = !afghan_place && names_place_abroad(doc, sen, gaz);
        }
    }

    // A place where something else happened: "a bomb killed 12 in Peshawar while officials met in Kabul".
    bool elsewhere(const place_hit& h) const {
        return info[h.sentence].an.while_clause && in_quiet_clause(doc, doc.sentences()[h.sentence], h.first_token);
    }

    // "spokesman Attaullah Khogyani said": a name in who said it that follows another capitalised
    // word is the speaker's surname, never a place, even where the sentence names no other
    // A place named inside who said something ("said Ghulam Rabani, a council member in Kunduz").
    bool in_source(const place_hit& h, const sentence_info& si) const {
        if (!si.source || si.source->last <= si.source->first) return false;
        return h.begin >= doc.at(si.source->first).begin && h.end <= doc.at(si.source->last - 1).end;
    }

    // "targeting Khan Mohammad Wardak, a lawmaker", "Abdul Rahim Wardak": a place's name after two
    // capitalised words the lexicon does not know, nor the gazetteer, ends a person's name
    bool end_of_personal_name(const place_hit& h) const {
        std::size_t first = h.first_token;
        if (first >= 1 && given_name(first - 1) && h.cue == place_cue::none && doc.sentences()[h.sentence].first + 1 <= first) return true;
        if (first < 2) return false;
        for (std::size_t k = first - 2; k < first; ++k)
            if (!part_of_a_name(k)) return false;
        return doc.sentences()[h.sentence].first + 2 <= first;
    }

    // A capitalised word that neither the lexicon nor the gazetteer knows, one space before the
    // next: a word of a person's name.
    [[gnu::always_inline]] bool part_of_a_name(std::size_t k) const {
        const token& w = doc.at(k);
        return w.kind == token_kind::word && (w.shape & capitalized) && !(w.shape & place_name) && w.flags == 0 && !w.lemma &&
               doc.text().substr(w.end, doc.at(k + 1).begin - w.end) == " ";
    }

    // "Attaullah Khogyani", "Jalaluddin Shinwari": a capitalised word the lexicon does not know,
    // ending as Afghan given names of God's attributes do ("-ullah", "-uddin"), right before
    bool given_name(std::size_t k) const {
        if (!part_of_a_name(k)) return false;
        const auto word = doc.stem(k);
        return word.size() > 6 && (word.ends_with("ullah") || word.ends_with("allah") || word.ends_with("uddin") ||
                                   word.ends_with("udin") || word.ends_with("uldin"));
    }

    bool surname_of_source(const place_hit& h, const sentence_info& si) const {
        if (!in_source(h, si)) return false;
        std::size_t first = h.first_token;
        if (first == 0 || first <= si.source->first) return false;
        // (a first name is no word the lexicon knows: "Several Kunduz officials" is no one's name)
        return part_of_a_name(first - 1);
    }

    // A bomb verb whose doer flies: "the Air Force bombed", "warplanes bombed", "was bombed by jets".
    bool dropped_from_the_air(std::uint32_t s, std::size_t at) const {
        static constexpr word_list fliers{{"aircraft", "jets", "jet", "warplanes", "warplane", "planes",
                                           "helicopters", "helicopter", "drones", "drone", "bombers"}};
        static const std::uint16_t bomb = lex::lemma_id("bomb");
        const auto& sen = doc.sentences()[s];
        const auto form = doc.at(at).inflection;
        if (!doc.lemma_is(at, bomb) || (form != morph::inflection::past && form != morph::inflection::third_person)) return false;
        for (std::size_t k = at; k > sen.first && k + 6 > at; --k) {
            if (doc.at(k - 1).kind == token_kind::punct) break;
            if (is_one_of(doc, k - 1, fliers) || (is_word(doc, k - 1, "force") && k >= 2 && is_word(doc, k - 2, "air"))) return true;
        }
        for (std::size_t k = at + 1; k < sen.last && k < at + 6; ++k)
            if (is_word(doc, k, "by") && k + 3 < sen.last)
                for (std::size_t j = k + 1; j < k + 4; ++j)
                    if (is_one_of(doc, j, fliers) || (is_word(doc, j, "air") && is_word(doc, j + 1, "force"))) return true;
        return false;
    }

    // "caused dozens of casualties", "inflicted heavy casualties on", "left many casualties"
    bool causes_casualties(const sentence& sen) const {
        static constexpr word_list causing{{"caused", "causes", "causing", "inflicted", "inflicts", "inflicting",
                                            "left", "leaves", "leaving"}};
        for (std::size_t k = sen.first; k < sen.last; ++k) {
            if (!is_word(doc, k, "casualties") || (k > sen.first && (is_word(doc, k - 1, "no") || is_word(doc, k - 1, "any")))) continue;
            for (std::size_t v = k; v > sen.first && v + 5 > k; --v)
                if (is_one_of(doc, v - 1, causing)) return true;
        }
        return false;
    }

    // "The Taliban captured Sheberghan, a day after taking Zaranj in Nimroz", "Imam Sahib in Kunduz
    // and Chahab in Takhar fell": a change of hands told for districts in several provinces, each of
    // them named, is a list of falls (one per district), not a summary of operations
    bool falls_in_each(std::uint32_t s) const {
        const auto& si = info[s];
        bool falls = std::any_of(si.an.triggers.begin(), si.an.triggers.end(), [](const trigger_word& t) {
            return !t.generic && !t.state && lex::changes_hands(t.kind);
        });
        if (!falls) return false;
        // (in a clause that tells the change: places_taken)
        place_signature scratch;
        const place_signature& taken = places_taken(s, scratch);
        return std::all_of(si.provinces_told.begin(), si.provinces_told.end(), [&](const std::string& p) {
            return std::any_of(taken.districts.begin(), taken.districts.end(),
                               [&](const std::string& d) { return d.compare(0, p.size(), p) == 0; });
        });
    }

    // The provinces a sentence's places lie in, in the order named: a province named as one, or the
    // province of a district or city named alone ("in Jalalabad and Logar province" tells of two).
    // A district named with a province ("Ghormach District, Faryab Province", "Andar district of
    // Ghazni") is that province's, whatever the boundary set says.
    // The province a place tells of: its own, named as a province (not a city named like one), else
    // its district's; empty when it is neither.
    static std::string_view province_of(const place_hit& h) {
        if (const auto* p = h.province(); p && h.cue != place_cue::city) return p->pcode;
        if (const auto* d = h.district()) return d->province_pcode;
        return {};
    }

    std::vector<std::string> provinces_told(std::uint32_t s) const {
        const auto& places = info[s].places;
        std::vector<std::string> out;
        if (places.size() < 2) { // one place tells of at most one province
            if (places.size() == 1)
                if (auto p = province_of(*places[0]); !p.empty()) out.emplace_back(p);
            return out;
        }
        auto add = [&](std::string_view p) {
            if (!p.empty() && std::find(out.begin(), out.end(), p) == out.end()) out.emplace_back(p);
        };
        auto clauses = reporting_clauses(s);
        for (std::size_t k = 0; k < places.size(); ++k) {
            const place_hit& h = *places[k];
            if (attributive(h)) continue;
            // "the Kunduz-Takhar highway": a road or border between two places is one place, the
            // first named
            if (k > 0 && joined_by_dash(doc.text(), *places[k - 1], h)) continue;
            // a place in a clause that tells of nothing that happened ("while a third attack in
            // Kabul was foiled") is not where anything happened
            if (std::none_of(clauses.begin(), clauses.end(), [&](const auto& c) { return h.begin >= c.first && h.begin < c.second; }))
                continue;
            if (const auto* p = h.province(); p && h.cue != place_cue::city) {
                add(p->pcode);
                continue;
            }
            const auto* d = h.district();
            if (!d) continue;
            bool attached = false;
            if (k + 1 < places.size() && places[k + 1]->province()) {
                // "Ghormach District, Faryab Province", "Lashkar Gah, Uruzgan": one place, as the text puts it
                auto gap = doc.text().substr(h.end, places[k + 1]->begin - h.end);
                bool designated = places[k + 1]->cue == place_cue::province;
                attached = places[k + 1]->qualifier || (designated && gap.size() <= 16 && gap.find(" and ") == std::string_view::npos &&
                            gap.find(';') == std::string_view::npos) ||
                           joins_district_to_province(gap);
            }
            // ("Faryab's Ghormach district": the province owning it, named before it)
            if (k > 0 && places[k - 1]->owner) attached = true;
            // ("in southern Kandahar province, ... in the Arghistan district": of a name some
            // province's district shares, the district of the province the sentence names)
            if (!attached)
                for (const auto* other : places)
                    if (const auto* p = other->province(); p && other != &h && other->cue != place_cue::city && p->pcode != d->province_pcode &&
                        h.district(p->pcode))
                        attached = true;
            if (!attached) add(d->province_pcode);
        }
        return out;
    }

    // "the Kabul suicide bomb attack", "the Kandahar bombing": a place naming an incident by where
    // it was, not where the sentence's news is
    bool attributive(const place_hit& h) const {
        std::size_t k = h.end_token;
        for (std::size_t n = k; n < doc.size() && n < k + 3; ++n) {
            const token& w = doc.at(n);
            // ("in Kandahar a roadside bomb killed five": an article opens a phrase of its own)
            if (w.kind != token_kind::word || w.has(lex::preposition | lex::verb | lex::conjunction | lex::determiner)) return false;
            if (w.has(lex::trigger) && !w.has(lex::verb)) return true;
        }
        return false;
    }

    // The byte ranges of a sentence's clauses that tell of something that happened: it is cut at
    // ";" and at a "while", "whereas" or "but" after a comma, and a clause whose only incident
    // words are intentions or habits ("while a third attack was foiled") tells of nothing.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> reporting_clauses(std::uint32_t s) const {
        const auto& sen = doc.sentences()[s];
        const auto& an = info[s].an;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> clauses; // tokens
        std::uint32_t start = sen.first;
        for (std::uint32_t k = sen.first; k < sen.last; ++k) {
            bool cut = doc.at(k).is_punct(';') ||
                       (k > sen.first && doc.at(k - 1).is_punct(',') && (is_word(doc, k, "while") || is_word(doc, k, "whereas") || is_word(doc, k, "but")));
            if (cut && k > start) {
                clauses.push_back({start, k});
                start = k;
            }
        }
        clauses.push_back({start, sen.last});
        std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
        for (auto [a, b] : clauses) {
            bool reports = clauses.size() == 1;
            for (const auto& t : an.triggers) reports = reports || (t.at >= a && t.at < b && !t.generic);
            for (const auto& m : an.casualties)
                reports = reports || (m.predicate >= a && m.predicate < b && !m.negated && !m.intent && !m.recalled);
            if (reports) out.push_back({doc.at(a).begin, b < doc.size() ? doc.at(b).begin : doc.at(b - 1).end});
        }
        return out;
    }

    // A reaction to an incident ("the Taliban vow revenge for yesterday's massacre", "NATO apologises
    // for the deaths ... in an air raid on October 24") reports it as news only when it happened
    // within a day of the report; otherwise, or undated, the incident is recalled.
    void recall_if_reacting(std::size_t s) {
        auto& si = info[s];
        if (!si.an.reaction) return;
        auto reference = lay.sections[doc.sentences()[s].section].reference;
        bool recent = si.when && si.when->resolved && reference && *reference - si.when->from <= 1;
        if (recent) return;
        for (auto& t : si.an.triggers) t.generic = true;
        for (auto& m : si.an.casualties) m.recalled = true;
        const auto& sen = doc.sentences()[s];
        si.an.recalled_spans.push_back({sen.first, sen.last}); // its incident words type the recalled incident
    }

    // ---- which sentences report which incident ------------------------------------------------
    // The places a sentence names; the context province matters only when it names no province.
    // A reading for the context is made in `scratch`; the others are the sentence's own, not copied.
    const place_signature& signature(std::uint32_t s, std::string_view context, place_signature& scratch) const {
        static const place_signature none;
        const auto& si = info[s];
        if (si.places.empty()) return none;
        if (si.own.provinces.size() == 1 || context.empty()) return si.own;
        scratch = sign_places(si.places, context, gaz);
        return scratch;
    }

    // Whether the places of a sentence lie only in provinces other than the incident's.
    static bool in_another_province(const place_signature& sig, const draft& d) {
        if (d.province.empty()) return false;
        auto in_the_province = [&](const std::string& pcode) { return pcode.compare(0, 4, d.province) == 0; };
        if (std::any_of(sig.provinces.begin(), sig.provinces.end(), in_the_province) ||
            std::any_of(sig.districts.begin(), sig.districts.end(), in_the_province))
            return false;
        return !sig.provinces.empty() || !sig.districts.empty();
    }

    bool place_conflict(const place_signature& sig, const draft& d) const {
        if (d.abroad) return !sig.provinces.empty() || !sig.districts.empty();
        // "in northern Afghanistan" is not Kandahar
        if (d.region) {
            for (const auto& p : sig.provinces)
                if (province_outside(gaz, p, d.region)) return true;
            for (const auto& dist : sig.districts)
                if (province_outside(gaz, dist.substr(0, 4), d.region)) return true;
        }
        if (!sig.provinces.empty() && !d.province.empty() &&
            std::find(sig.provinces.begin(), sig.provinces.end(), d.province) == sig.provinces.end())
            return true;
        if (!sig.districts.empty() && !d.district.empty() &&
            std::find(sig.districts.begin(), sig.districts.end(), d.district) == sig.districts.end()) {
            // another district of the same province named alongside ("in Almar and Qaisar districts")
            return sig.provinces.empty() || sig.districts.size() == 1;
        }
        if (!sig.districts.empty() && d.district.empty() && !d.province.empty()) {
            for (const auto& p : sig.districts)
                if (p.compare(0, 4, d.province) == 0) return false;
            return sig.provinces.empty();
        }
        return false;
    }

    void adopt(draft& d, std::uint32_t s, const place_signature& sig, bool reporting) {
        if (!d.region && reporting) d.region = info[s].region;
        if (info[s].roundup) { // a summary of several operations: its date, not its places
            if (!d.when && info[s].when) d.when = info[s].when, d.when_sentence = s;
            return;
        }
        if (d.province.empty() && sig.provinces.size() == 1) d.province = sig.provinces[0];
        if (d.district.empty() && (!sig.districts.empty() || !sig.weak_districts.empty())) {
            const auto& dist = sig.districts.empty() ? sig.weak_districts[0] : sig.districts[0];
            if (d.province.empty() || dist.compare(0, 4, d.province) == 0) {
                d.district = dist;
                if (d.province.empty()) d.province = dist.substr(0, 4);
            }
        }
        if (!d.when && info[s].when && (reporting || !info[s].an.descriptive)) {
            d.when = info[s].when;
            d.when_sentence = s;
        }
    }

    void attach(draft& d, std::uint32_t s, bool reporting, const std::vector<std::uint32_t>& mentions) {
        if (!info[s].full) {
            info[s].an = finish_sentence(doc, doc.sentences()[s], std::move(info[s].cues));
            info[s].full = true;
            recall_if_reacting(s);
        }
        d.sentences.push_back(s);
        if (reporting) d.reporting.push_back(s);
        if (!mentions.empty()) d.mentions[s] = mentions;
        place_signature scratch;
        adopt(d, s, signature(s, d.province, scratch), reporting);
    }

    std::vector<std::uint32_t> mentions_of(std::uint32_t s, bool recalled) const {
        std::vector<std::uint32_t> out;
        const auto& an = info[s].an;
        for (std::uint32_t m = 0; m < an.casualties.size(); ++m)
            if (an.casualties[m].recalled == recalled && !(an.aggregate && !recalled)) out.push_back(m);
        return out;
    }

    // "In a separate incident, ...", "Separately, ...", "Elsewhere, ...": the writer says so
    // (asked of a sentence once, and kept)
    bool opens_another(std::uint32_t s) const {
        if (info[s].opens_another < 0) info[s].opens_another = opens_another_incident(doc.sentences()[s]) ? 1 : 0;
        return info[s].opens_another == 1;
    }

    bool opens_another_incident(const sentence& sen) const {
        std::size_t k = sen.first;
        if (is_word(doc, k, "separately") || is_word(doc, k, "elsewhere")) return true;
        // "Air strikes kill dozens of militants elsewhere in the country" (but "in Kabul and
        // elsewhere" is one list)
        // (one pass; the words' lengths spare most tokens the compare)
        for (std::size_t i = k; i < sen.last; ++i) {
            const auto size = doc.at(i).stem_size;
            if (size == 9 && i > k && is_word(doc, i, "elsewhere") && !is_word(doc, i - 1, "and") && !is_word(doc, i - 1, "or")) return true;
            // "In a separate incident, ...", "An American civilian dies in another attack in the east"
            if (size != 2 || i + 2 >= sen.last || !is_word(doc, i, "in")) continue;
            std::size_t w = i + 1;
            if (is_word(doc, w, "a") || is_word(doc, w, "an")) ++w;
            if ((is_word(doc, w, "separate") || is_word(doc, w, "another") || is_word(doc, w, "unrelated")) && w + 1 < sen.last &&
                (doc.at(w + 1).has(lex::trigger) || is_word(doc, w + 1, "incident") || is_word(doc, w + 1, "incidents")))
                return true;
        }
        return false;
    }

    // Which side a sentence tells gaining territory: +1 the Taliban, -1 the government, 0 neither.
    // Who gains by a change of hands told (1 the Taliban, -1 the government), 0 for no change told
    static int gain_by(const trigger_word& t) {
        if (t.generic || t.state || !lex::changes_hands(t.kind)) return 0;
        if (t.holder == lex::side::hostile) return 1;
        if (t.holder == lex::side::security) return -1;
        return t.kind == lex::event_kind::recapture ? -1 : 1;
    }
    int gain_told(std::uint32_t s) const {
        for (const auto& t : info[s].an.triggers)
            if (int g = gain_by(t)) return g;
        return 0;
    }
    int gain_of(const draft& d) const {
        for (auto s : d.reporting)
            if (int g = gain_told(s)) return g;
        return 0;
    }

    // Where segment() stands in a section: the drafts being told, and what waits for the first.
    struct segment_state {
        std::vector<std::uint32_t> titles;
        std::vector<std::uint32_t> pending; // context told before the section's first incident
        int current = -1, main = -1;
        std::uint32_t section = UINT32_MAX;
    };

    // The sentences, one at a time, into drafts of incidents: each reporting sentence continues the
    // incident being told, returns to one told before, or opens another; the others give context.
    void segment() {
        const auto& sentences = doc.sentences();
        segment_state st;
        for (std::uint32_t s = 0; s < sentences.size(); ++s) {
            const auto& sen = sentences[s];
            auto& si = info[s];
            if (sen.section != st.section) {
                st.section = sen.section;
                st.current = st.main = -1;
                st.titles.clear();
                st.pending.clear();
            }
            if (auto recalled = mentions_of(s, true); !recalled.empty()) draft_recalled_clause(s, recalled, st.section);
            if (sen.title) {
                st.titles.push_back(s);
                continue;
            }
            if (si.an.generic) continue;
            auto mentions = mentions_of(s, false);
            if (si.roundup) {
                if (st.current >= 0) attach(drafts[static_cast<std::size_t>(st.current)], s, false, {});
                else st.pending.push_back(s);
                continue;
            }
            // a disaster or an accident told first ("A cargo plane crashes in Ghazni. All six on
            // board are killed"): the sentences after it tell of it, and none of it is an event
            bool mishap_lead = !si.reports && si.an.mishap && st.current < 0 && !sen.title;
            if (!si.reports && !mishap_lead) {
                give_context(st, s, mentions);
                continue;
            }
            report(st, s, mentions, mishap_lead);
        }
        split_by_places_after();
        split_roundups();
        name_the_districts_counted();
        split_territory_lists();
        split_earlier_changes();
        split_clauses();
        split_district_lists();
        split_opposite_changes();
        split_attack_then_change();
        // in the order the article tells them
        std::stable_sort(drafts.begin(), drafts.end(), [](const draft& a, const draft& b) {
            auto first = [](const draft& d) { return d.reporting.empty() ? UINT32_MAX : d.reporting.front(); };
            return first(a) < first(b);
        });
    }

    // An older incident named in a relative clause of sentence s: its own, recalled event.
    void draft_recalled_clause(std::uint32_t s, const std::vector<std::uint32_t>& recalled, std::uint32_t section) {
        const auto& si = info[s];
        draft d;
        d.section = section;
        d.recalled = true;
        d.sentences.push_back(s);
        d.reporting.push_back(s);
        d.mentions[s] = recalled;
        // the date inside the clause, after the incident word
        const auto& m = si.an.casualties[recalled.front()];
        for (const auto& t : si.times) {
            if (t.role != time_role::event) continue;
            if (t.first + 12 >= m.first && t.first <= m.last + 12) {
                d.when = &t;
                d.when_sentence = s;
                break;
            }
        }
        place_signature scratch;
        const auto& sig = signature(s, {}, scratch);
        if (sig.provinces.size() == 1) d.province = sig.provinces[0];
        drafts.push_back(std::move(d));
    }

    // A sentence that reports nothing: context, places and dates for the incident being told (near
    // it), antecedents for the tally; before the section's first incident, it waits for it. (But not
    // one about somewhere else: "Kunduz city was briefly captured in 2015" after a bombing in
    // Baghlan neither places nor dates the bombing.)
    void give_context(segment_state& st, std::uint32_t s, const std::vector<std::uint32_t>& mentions) {
        const auto& sentences = doc.sentences();
        const auto& si = info[s];
        if (st.current < 0 && !si.an.descriptive && !si.an.aggregate) st.pending.push_back(s);
        if (st.current < 0) return;
        auto& cur = drafts[static_cast<std::size_t>(st.current)];
        bool near = sentences[s].paragraph <= sentences[cur.reporting.back()].paragraph + 2;
        if (near && (si.only_definite || (!si.an.descriptive && !si.an.aggregate))) {
            place_signature scratch;
            if (si.places.empty() || !in_another_province(signature(s, cur.province, scratch), cur)) attach(cur, s, false, mentions);
        }
    }

    // "Last month, ...", "In October 2017, ...": the incident's date fronted, a day or one told as past.
    static bool fronted_past_of(const sentence_info& si) {
        for (const auto& t : si.times)
            if (t.fronted && t.role == time_role::event && (t.recalled || t.precision == date_precision::day) && &t == si.when)
                return true;
        return false;
    }

    // Whether reporting sentence s tells another incident than the one being told (`cur`).
    bool tells_another(std::uint32_t s, const place_signature& sig, const draft& cur, int gain, bool fronted_past) const {
        const auto& si = info[s];
        // a sentence with no place of its own after one abroad goes on telling of it
        bool regions_differ = si.region && ((cur.region && (si.region & cur.region) == 0) ||
                                            (!cur.province.empty() && province_outside(gaz, cur.province, si.region)));
        // "The Taliban had taken the district on Wednesday" after its recapture: the other
        // side's change of hands is another incident
        const int current_gain = gain ? gain_of(cur) : 0;
        const bool other_side_gains = gain && current_gain && gain != current_gain;
        bool clash = place_conflict(sig, cur) || conflicting(si.when, cur.when, doc) || (si.abroad && !cur.abroad) ||
                     regions_differ || other_side_gains || opens_another(s) || recalls_before_undated(si, cur) ||
                     another_deed_told_whole(s, cur) ||
                     (cur.mishap && si.reports && si.an.triggers.size() > 0) ||
                     (fronted_past && !cur.fronted_past && (si.when && (!cur.when || si.when->recalled || conflicting(si.when, cur.when, doc))));
        // "Sources in Logar indicate ... three of their leaders were indeed captured": people
        // told before, wherever the speaker's sources are, are the incident being told
        if (clash && si.only_known_people && !si.when) clash = false;
        // "The death toll rose to 12 on Friday": a toll told with no place and no incident word of
        // its own is the incident being told, counted again on the day it is told
        if (clash && sig.provinces.empty() && sig.districts.empty() && only_tolls(si) && !(si.when && si.when->recalled))
            clash = false;
        // "On Sunday it fell": a place's fall told by a pronoun, with no place of its own, is
        // the fall of the place being told
        if (clash && si.places.empty() && pronoun_fall(s)) clash = false;
        // ("The six people on board have been taken hostage by the Taliban", after a crash: people
        // known from the mishap, taken in a deed of no mishap's)
        if (cur.mishap && si.reports && takes_captives(si)) clash = true;
        return clash;
    }

    // Bombs, or arms: the two ways of a deed that a report of one incident does not mix unless it
    // says so (0: neither)
    static int way_of(lex::event_kind k) {
        switch (k) {
        case lex::event_kind::bombing:
        case lex::event_kind::suicide: return 1;
        case lex::event_kind::attack:
        case lex::event_kind::clash:
        case lex::event_kind::ambush: return 2;
        default: return 0;
        }
    }

    // "A roadside bomb killed three soldiers in Kandahar on Monday. Gunmen shot dead a cleric in
    // Kandahar city on Monday.": a sentence that tells, on a day and in a place of its own, new
    // people harmed by a deed of the other way than the incident's, with no word pointing back to
    // it (no "the attack", no "then"), tells another incident
    bool another_deed_told_whole(std::uint32_t s, const draft& cur) const {
        const auto& si = info[s];
        if (!si.reports || si.only_known_people || si.places.empty() || !si.when || !si.when->resolved ||
            si.when->precision != date_precision::day)
            return false;
        int way = 0;
        for (const auto& t : si.an.triggers) {
            if (t.definite) return false;
            if (!t.generic && !way) way = way_of(t.kind);
        }
        if (!way) return false;
        const auto& sen = doc.sentences()[s];
        for (std::size_t k = sen.first; k < sen.last; ++k)
            if (is_word(doc, k, "then")) return false;
        bool other_way = false;
        for (auto r : cur.reporting)
            for (const auto& t : info[r].an.triggers) {
                if (t.generic) continue;
                const int w = way_of(t.kind);
                if (w == way) return false;
                other_way = other_way || w != 0;
            }
        return other_way;
    }

    static bool takes_captives(const sentence_info& si) {
        return std::any_of(si.an.casualties.begin(), si.an.casualties.end(), [](const casualty_mention& m) {
            return m.field == lex::field::captured && !m.negated && !m.intent;
        });
    }

    static bool only_tolls(const sentence_info& si) {
        return !si.an.casualties.empty() &&
               std::all_of(si.an.casualties.begin(), si.an.casualties.end(), [](const casualty_mention& m) { return m.toll; }) &&
               std::all_of(si.an.triggers.begin(), si.an.triggers.end(), [](const trigger_word& t) { return t.generic; });
    }

    // The draft reporting sentence s goes on: the one being told, the main story when a bare new
    // paragraph returns to it, an incident told before whose place and date it shares; -1 for none.
    int draft_continued(const segment_state& st, std::uint32_t s, const place_signature& sig, int gain, bool fronted_past) const {
        if (st.current < 0) return -1;
        const auto& sen = doc.sentences()[s];
        const auto& si = info[s];
        if (!tells_another(s, sig, drafts[static_cast<std::size_t>(st.current)], gain, fronted_past)) {
            // a new paragraph without place or date of its own returns to the main story
            bool bare = sig.provinces.empty() && sig.districts.empty() && !si.when;
            if (bare && st.main >= 0 && st.current != st.main && (sen.first < doc.size()) && (doc.at(sen.first).shape & newline_before) &&
                !drafts[static_cast<std::size_t>(st.main)].recalled)
                return st.main;
            return st.current;
        }
        // back to an incident already told?
        for (std::size_t k = drafts.size(); k-- > 0;) {
            const draft& o = drafts[k];
            if (o.section != st.section || o.dropped || o.recalled || o.abroad != si.abroad) continue;
            if (static_cast<int>(k) == st.current) continue;
            if (!place_conflict(sig, o) && !conflicting(si.when, o.when, doc) && (!sig.provinces.empty() || !sig.districts.empty()))
                return static_cast<int>(k);
        }
        return -1;
    }

    // Reporting sentence s: attached to the draft it continues, or to a new one.
    void report(segment_state& st, std::uint32_t s, const std::vector<std::uint32_t>& mentions, bool mishap_lead) {
        const auto& si = info[s];
        std::string context = st.current >= 0 ? drafts[static_cast<std::size_t>(st.current)].province : std::string();
        place_signature scratch;
        const auto& sig = signature(s, context, scratch);
        const bool fronted_past = fronted_past_of(si);
        const int gain = gain_told(s);
        std::optional<std::uint32_t> place_told; // a sentence that names the place this one does not
        int target = draft_continued(st, s, sig, gain, fronted_past);
        if (target < 0) {
            draft d;
            d.section = st.section;
            d.abroad = si.abroad;
            d.mishap = mishap_lead;
            d.fronted_past = fronted_past;
            if (st.main < 0) d.titles = st.titles;
            // "The Taliban had taken the district on Wednesday": the other side's change of
            // hands in the place being told, which the sentence does not name again
            const bool same_place = st.current >= 0 && sig.provinces.empty() && sig.districts.empty() && gain &&
                                    gain_of(drafts[static_cast<std::size_t>(st.current)]) == -gain;
            if (same_place) place_told = drafts[static_cast<std::size_t>(st.current)].reporting.front();
            drafts.push_back(std::move(d));
            target = static_cast<int>(drafts.size() - 1);
            if (st.main < 0) st.main = target;
        }
        // ("The second hit a police post in Khost": the several incidents' sentence says when)
        const int several = st.current >= 0 && target != st.current && one_of_several(doc.sentences()[s]) ? st.current : -1;
        attach(drafts[static_cast<std::size_t>(target)], s, true, mentions);
        if (place_told) attach(drafts[static_cast<std::size_t>(target)], *place_told, false, {});
        if (several >= 0) attach(drafts[static_cast<std::size_t>(target)], drafts[static_cast<std::size_t>(several)].reporting.front(), false, {});
        if (target == st.main && !st.pending.empty()) {
            for (auto c : st.pending) attach(drafts[static_cast<std::size_t>(target)], c, false, {});
            st.pending.clear();
        }
        st.current = target;
    }

    // "They are Yaftal, Tishkan and Keshem", "The districts are ...", "These include ...": a
    // sentence that only names what the one before it counted.
    bool names_the_counted(std::uint32_t n) const {
        const auto& sen = doc.sentences()[n];
        std::size_t k = sen.first;
        if (!doc.at(k).has(lex::determiner | lex::pronoun)) return false; // (most sentences: one test)
        if (is_word(doc, k, "they") || is_word(doc, k, "these") || is_word(doc, k, "those")) {
            ++k;
        } else if (is_word(doc, k, "the")) {
            ++k;
            if (k < sen.last && doc.at(k).has(lex::descriptive | lex::territorial)) ++k; // "the fallen districts"
            if (!(is_word(doc, k, "districts") || is_word(doc, k, "towns") || is_word(doc, k, "cities"))) return false;
            ++k;
        } else {
            return false;
        }
        return k < sen.last && (is_word(doc, k, "are") || is_word(doc, k, "were") || is_word(doc, k, "include") ||
                                is_word(doc, k, "included"));
    }

    // "Five districts have collapsed in Badakhshan since Sunday. They are Yaftal, Tishkan and
    // Keshem.": each district named is a change of hands of its own, told by the sentence that
    // counted them (its day, its side); an incident that sentence began in the province alone
    // takes the first.
    void name_the_districts_counted() {
        if (!(article_flags & lex::territorial)) return; // (no change of hands told anywhere)
        const auto& sentences = doc.sentences();
        const std::size_t told = drafts.size();
        for (std::uint32_t n = 1; n < sentences.size(); ++n) {
            const std::uint32_t s = n - 1;
            if (!names_the_counted(n) || sentences[s].section != sentences[n].section || info[s].an.generic || info[s].abroad)
                continue;
            auto& counted = info[s];
            const bool territory = std::any_of(counted.an.triggers.begin(), counted.an.triggers.end(), [](const trigger_word& t) {
                return !t.generic && !t.state && lex::changes_hands(t.kind);
            });
            const auto& sen = sentences[s];
            bool districts_counted = false;
            std::size_t turn = sen.last; // the word a tally read as an area claim turns on ("have collapsed")
            for (std::size_t k = sen.first; k < sen.last; ++k) {
                districts_counted = districts_counted || is_word(doc, k, "districts");
                if (turn == sen.last && k > sen.first && doc.at(k).has(lex::territorial) &&
                    (is_word(doc, k - 1, "have") || is_word(doc, k - 1, "has") || is_word(doc, k - 1, "had")))
                    turn = k;
            }
            if (!districts_counted || (!territory && turn == sen.last)) continue;
            const std::vector<std::string> listed = districts_listed(info[n].own);
            if (listed.empty()) continue;
            if (!territory) {
                // named, the tally tells changes of hands: "fallen", "collapsed" and "been captured"
                // to the insurgents, "retaken" or "recaptured" to the government
                trigger_word w;
                w.at = static_cast<std::uint32_t>(turn);
                w.kind = lex::changes_hands(doc.at(turn).event) ? doc.at(turn).event : lex::event_kind::seizure;
                w.verb = true;
                counted.an.triggers.push_back(w);
            }
            draft* teller = nullptr;
            for (std::size_t k = 0; k < told && !teller; ++k)
                if (!drafts[k].dropped && std::find(drafts[k].reporting.begin(), drafts[k].reporting.end(), s) != drafts[k].reporting.end())
                    teller = &drafts[k];
            // ("Five districts have collapsed": no building's collapse, as the names after tell)
            if (teller && teller->mishap) teller->dropped = true, teller = nullptr;
            std::size_t next = 0;
            if (teller && teller->district.empty() && (teller->province.empty() || teller->province == listed[0].substr(0, 4))) {
                teller->district = teller->only_district = listed[0];
                teller->province = listed[0].substr(0, 4);
                teller->sentences.push_back(n);
                next = 1;
            }
            const std::string teller_district = teller ? teller->district : std::string();
            for (; next < listed.size(); ++next) {
                if (listed[next] == teller_district) continue;
                draft d;
                d.section = sentences[s].section;
                d.district = d.only_district = listed[next];
                d.province = d.district.substr(0, 4);
                d.sentences = {s, n};
                d.reporting.push_back(s);
                d.when = counted.when;
                d.when_sentence = s;
                drafts.push_back(std::move(d)); // (which may move the teller: not used after this)
            }
        }
    }

    // The districts a sentence lists: those named plainly, and a loose spelling among them
    // ("Yaftal, Tishkan, Keshem and Arghanj Khwa") that lies in the province of one of them.
    static std::vector<std::string> districts_listed(const place_signature& own) {
        std::vector<std::string> listed = own.districts;
        for (const auto& weak : own.weak_districts)
            if (std::find(listed.begin(), listed.end(), weak) == listed.end() &&
                std::any_of(own.districts.begin(), own.districts.end(),
                            [&](const std::string& d) { return d.compare(0, 4, weak, 0, 4) == 0; }))
                listed.push_back(weak);
        return listed;
    }

    // "The Taliban overran Khanabad on Saturday, while in Imam Sahib they attacked police posts", "...;
    // in Imam Sahib district, government forces repelled an attack": a later clause (after a
    // semicolon, "while" or "whereas") with an incident word and a district of its own, other than
    // the one the sentence's incident has, is an incident of its own, with that clause's figures.
    void split_clauses() {
        const auto& sentences = doc.sentences();
        const std::size_t told = drafts.size();
        for (std::uint32_t s = 0; s < sentences.size(); ++s) {
            const auto& si = info[s];
            // (two incident words or figures at least, one per clause: most sentences have one)
            if (si.an.triggers.size() + si.an.casualties.size() < 2 || !si.reports || si.an.generic || si.abroad || si.roundup ||
                si.places.size() < 2)
                continue;
            const auto& sen = sentences[s];
            // (a clause boundary is a semicolon or "while"/"whereas": most sentences have none)
            if (!si.an.while_clause && doc.text().substr(sen.begin, sen.end - sen.begin).find(';') == std::string_view::npos) continue;
            std::vector<std::size_t> bounds; // the tokens that open each later clause
            for (std::size_t k = sen.first + 1; k < sen.last; ++k)
                if (clause_boundary(k)) bounds.push_back(k);
            if (bounds.empty()) continue;
            std::size_t teller = told;
            for (std::size_t k = 0; k < told && teller == told; ++k)
                if (!drafts[k].dropped && drafts[k].clause_to == 0 && drafts[k].only_district.empty() && !drafts[k].district.empty() &&
                    std::find(drafts[k].reporting.begin(), drafts[k].reporting.end(), s) != drafts[k].reporting.end())
                    teller = k;
            if (teller == told) continue;
            for (std::size_t b = 0; b < bounds.size(); ++b) {
                const std::size_t from = bounds[b], to = b + 1 < bounds.size() ? bounds[b + 1] : sen.last;
                // ("while in Imam Sahib they killed four policemen": its own figure tells it)
                const bool told_here = std::any_of(si.an.triggers.begin(), si.an.triggers.end(), [&](const trigger_word& t) {
                    return t.at > from && t.at < to && !t.generic && !t.state;
                }) || std::any_of(si.an.casualties.begin(), si.an.casualties.end(), [&](const casualty_mention& m) {
                    return m.predicate > from && m.predicate < to && !m.negated && !m.intent && !m.recalled && !m.subset;
                });
                if (!told_here) continue;
                std::vector<const place_hit*> here;
                for (const auto* h : si.places)
                    if (h->first_token > from && h->first_token < to && !h->aside && !h->vicinity) here.push_back(h);
                const place_signature sig = sign_places(here, drafts[teller].province, gaz);
                if (sig.districts.size() != 1 || sig.districts[0] == drafts[teller].district) continue;
                draft& t = drafts[teller];
                if (t.clause_to == 0) { // (the sentence's incident keeps the clauses before)
                    t.clause_from = static_cast<std::uint32_t>(sen.first);
                    t.clause_to = static_cast<std::uint32_t>(from);
                    t.only_district = t.district;
                }
                draft d;
                d.section = sen.section;
                d.district = d.only_district = sig.districts[0];
                d.province = d.district.substr(0, 4);
                d.sentences.push_back(s);
                d.reporting.push_back(s);
                d.clause_from = static_cast<std::uint32_t>(from);
                d.clause_to = static_cast<std::uint32_t>(to);
                d.when = si.when;
                d.when_sentence = s;
                for (const auto& time : si.times)
                    if (time.role == time_role::event && time.first > from && time.first < to) {
                        d.when = &time;
                        break;
                    }
                hand_over_mentions(t, d, s, from, to);
                drafts.push_back(std::move(d));
            }
        }
    }

    // "Taliban fighters attacked Herat city on Sunday, a day after capturing Guzara and Karukh": a
    // district named only in an "N days after" clause that tells a change of hands is that change's,
    // N days before the sentence's day (told_earlier), though it lies in the province of the news.
    void split_earlier_changes() {
        if (!(article_flags & lex::territorial)) return;
        const auto& sentences = doc.sentences();
        const std::size_t told = drafts.size();
        for (std::uint32_t s = 0; s < sentences.size(); ++s) {
            const auto& si = info[s];
            if (si.an.recalled_spans.empty() || !si.reports || si.an.generic || si.abroad || si.roundup) continue;
            for (const auto& span : si.an.recalled_spans) {
                if (!is_word(doc, span.first, "after") || span.first < sentences[s].first + 2) continue;
                const bool changes = std::any_of(si.an.triggers.begin(), si.an.triggers.end(), [&](const trigger_word& t) {
                    return t.at > span.first && t.at < span.second && !t.state && lex::changes_hands(t.kind);
                });
                if (!changes) continue;
                std::vector<const place_hit*> inside;
                for (const auto* h : si.places)
                    if (h->first_token > span.first && h->first_token < span.second) inside.push_back(h);
                if (inside.empty() || inside.size() == si.places.size()) continue; // (all of it: the sentence's own)
                for (const auto& district : districts_listed(sign_places(inside, {}, gaz))) {
                    bool drafted = false;
                    for (std::size_t k = 0; k < told; ++k) {
                        auto& o = drafts[k];
                        if (o.dropped || std::find(o.reporting.begin(), o.reporting.end(), s) == o.reporting.end()) continue;
                        if (o.only_district == district) drafted = true;
                        // (the news's own incident is not placed by the earlier one's district)
                        if (o.only_district.empty() && o.earlier_clause.second == 0 && o.district == district) o.district.clear();
                    }
                    given_away.emplace_back(s, district);
                    if (drafted) continue;
                    draft d;
                    d.section = sentences[s].section;
                    d.district = d.only_district = district;
                    d.province = district.substr(0, 4);
                    d.sentences.push_back(s);
                    d.reporting.push_back(s);
                    d.when = si.when;
                    d.when_sentence = s;
                    told_earlier(s, d);
                    if (d.earlier_clause.second != 0) drafts.push_back(std::move(d));
                }
            }
        }
    }

    // The figures of sentence s that `from` counted and whose predicate lies strictly between tokens
    // `after` and `before` go to `to`: those of the clause it tells.
    void hand_over_mentions(draft& from, draft& to, std::uint32_t s, std::size_t after, std::size_t before) const {
        const auto m = from.mentions.find(s);
        if (m == from.mentions.end()) return;
        const auto& casualties = info[s].an.casualties;
        auto inside = [&](std::uint32_t mi) { return casualties[mi].predicate > after && casualties[mi].predicate < before; };
        for (auto mi : m->second)
            if (inside(mi)) to.mentions[s].push_back(mi);
        std::erase_if(m->second, inside);
    }

    // Where one clause of a sentence ends and another begins: a semicolon, "while", "whereas"
    // (the words' lengths spare most tokens the compare).
    [[gnu::always_inline]] bool clause_boundary(std::size_t k) const {
        const token& t = doc.at(k);
        return t.is_punct(';') || (t.stem_size == 5 && is_word(doc, k, "while")) || (t.stem_size == 7 && is_word(doc, k, "whereas"));
    }

    // The places of sentence s named in a clause that tells a change of hands: "repelled an attack
    // on Lashkar Gah, while in Kandahar the Taliban overran Panjwai" took Panjwai, not Lashkar Gah.
    const place_signature& places_taken(std::uint32_t s, place_signature& scratch) const {
        const auto& si = info[s];
        auto same_clause = [&](std::size_t a, std::size_t b) {
            for (std::size_t k = std::min(a, b); k < std::max(a, b); ++k)
                if (clause_boundary(k)) return false;
            return true;
        };
        // ("The fall of Qaisar leaves Maimana exposed": a place after a verb that tells no incident
        // is that verb's; one after "attacked" is still where something happened)
        auto tells_incident = [&](std::size_t k) {
            return std::any_of(si.an.triggers.begin(), si.an.triggers.end(), [&](const trigger_word& t) { return t.at == k; });
        };
        auto other_verb_between = [&](std::size_t a, std::size_t b) {
            for (std::size_t k = a + 1; k < b; ++k)
                if ((doc.at(k).has(lex::verb) || doc.at(k).lemma) &&
                    (doc.at(k).inflection == morph::inflection::past || doc.at(k).inflection == morph::inflection::third_person) &&
                    !tells_incident(k))
                    return true;
            return false;
        };
        std::vector<const place_hit*> taken;
        for (const auto* h : si.places)
            if (std::any_of(si.an.triggers.begin(), si.an.triggers.end(), [&](const trigger_word& t) {
                    return !t.generic && !t.state && lex::changes_hands(t.kind) && same_clause(t.at, h->first_token) &&
                           !(h->first_token > t.at && other_verb_between(t.at, h->first_token));
                }))
                taken.push_back(h);
        if (taken.size() == si.places.size()) return si.own;
        scratch = sign_places(taken, {}, gaz);
        return scratch;
    }

    // "The Taliban captured Darqad, Yangi Qala and Khwaja Bahauddin districts": one change of hands
    // per district named; the first stays with the incident the sentence began.
    void split_territory_lists() {
        const auto& sentences = doc.sentences();
        std::size_t told = drafts.size();
        for (std::uint32_t s = 0; s < sentences.size(); ++s) {
            const auto& si = info[s];
            // a list across provinces too: "Imam Sahib in Kunduz and Chahab in Takhar fell"
            if (!si.reports || si.an.generic || si.abroad || si.own.districts.size() + si.own.weak_districts.size() < 2) continue;
            place_signature scratch;
            const std::vector<std::string> listed = districts_listed(places_taken(s, scratch));
            if (listed.size() < 2) continue;
            bool territory = std::any_of(si.an.triggers.begin(), si.an.triggers.end(), [](const trigger_word& t) {
                return !t.generic && !t.state &&
                       lex::changes_hands(t.kind);
            });
            draft* teller = nullptr;
            for (std::size_t k = 0; k < told && !teller; ++k)
                if (std::find(drafts[k].reporting.begin(), drafts[k].reporting.end(), s) != drafts[k].reporting.end())
                    teller = &drafts[k];
            // a roundup sentence joins the incident it details without reporting it
            for (std::size_t k = 0; k < told && !teller; ++k)
                if (!drafts[k].dropped && !drafts[k].recalled &&
                    std::find(drafts[k].sentences.begin(), drafts[k].sentences.end(), s) != drafts[k].sentences.end())
                    teller = &drafts[k];
            if (!territory || !teller) continue;
            // the incident keeps the district it was given ("Burka and Dahana-e-Ghori districts fell":
            // the one nearest the verb), else the first named; each other district is a change of its own
            std::string kept = listed.front();
            if (std::find(listed.begin(), listed.end(), teller->district) != listed.end()) kept = teller->district;
            // and only it: the others' places, told later ("a retreat from Chahab"), are theirs
            if (teller->only_district.empty() && teller->district == kept) teller->only_district = kept;
            // "Government forces retook Qaisar, while the Taliban captured Almar": each district of a
            // clause of its own is told by that clause's verb and doer
            if (teller->clause_to == 0 && teller->clause_from == 0)
                if (const auto clause = clause_of_district(s, kept); clause.second != 0)
                    teller->clause_from = clause.first, teller->clause_to = clause.second;
            // "took Kunduz on Sunday and Taloqan on Monday": each on its own day
            if (!teller->when || teller->when_sentence == s)
                if (const time_expression* own = time_of_item(s, names_district{kept})) teller->when = own, teller->when_sentence = s;
            // (copied: drafts grows below, which moves the teller)
            const auto* teller_when = teller->when;
            const auto teller_when_sentence = teller->when_sentence;
            auto drafted = [&](const std::string& district) { // by the roundup split, for one
                for (std::size_t k = 0; k < told; ++k)
                    if (drafts[k].district == district && !drafts[k].reporting.empty() &&
                        std::find(drafts[k].reporting.begin(), drafts[k].reporting.end(), s) != drafts[k].reporting.end())
                        return true;
                return false;
            };
            for (const auto& district : listed) {
                if (district == kept || drafted(district)) continue;
                draft d;
                d.section = sentences[s].section;
                d.district = district;
                d.province = d.district.substr(0, 4);
                d.only_district = d.district;
                d.sentences.push_back(s);
                d.reporting.push_back(s);
                d.when = si.when;
                d.when_sentence = s;
                if (!d.when && teller_when) { // fallen on the day the incident's story gives
                    d.when = teller_when;
                    d.when_sentence = teller_when_sentence;
                }
                if (const time_expression* own = time_of_item(s, names_district{district})) d.when = own, d.when_sentence = s;
                if (const auto clause = clause_of_district(s, district); clause.second != 0)
                    d.clause_from = clause.first, d.clause_to = clause.second;
                told_earlier(s, d);
                drafts.push_back(std::move(d));
            }
        }
    }

    // The family of incident a trigger tells: a bomb, an air strike, a change of hands, a crash,
    // an operation, or fighting (a raid, a clash, an attack)
    static int kind_family(lex::event_kind k) {
        using lex::event_kind;
        switch (k) {
        case event_kind::bombing:
        case event_kind::suicide: return 1;
        case event_kind::airstrike: return 2;
        case event_kind::seizure:
        case event_kind::withdrawal:
        case event_kind::recapture: return 3;
        case event_kind::crash: return 4;
        case event_kind::operation: return 5;
        case event_kind::arson:
        case event_kind::sabotage: return 6;
        default: return 0;
        }
    }

    // Whether incident o can be a detail of the summary in sentence s: "clashes in Lashkar Gah, Kandahar
    // and Herat" is not told in detail by a mine in Helmand. Operations may be of any kind, fighting
    // details any summary, and a sentence or incident without a trigger word may be of any kind.
    bool same_kind_told(std::uint32_t s, const draft& o) const {
        std::uint32_t summary = 0, detail = 0;
        for (const auto& t : info[s].an.triggers)
            if (!t.generic) summary |= 1u << kind_family(t.kind);
        for (auto r : o.reporting)
            for (const auto& t : info[r].an.triggers)
                if (!t.generic) detail |= 1u << kind_family(t.kind);
        if (summary == 0 || detail == 0 || (summary & (1u << 5)) || (detail & 1u)) return true;
        return (summary & detail) != 0;
    }

    // "Ten Taliban were killed in Nad Ali and Sangin districts, six in Nad Ali and four in Sangin",
    // "Taliban fighters overran the district centre on Monday; government forces retook it on
    // Tuesday", "fell to the Taliban but was retaken": two changes of hands, one each way, told in
    // one sentence's two clauses, are two incidents; the second dated by its own clause.
    void split_opposite_changes() {
        const std::size_t told = drafts.size();
        for (std::size_t k = 0; k < told; ++k) {
            if (drafts[k].dropped || drafts[k].recalled || drafts[k].reporting.empty() || drafts[k].only_gain ||
                drafts[k].earlier_clause.second)
                continue;
            const std::uint32_t s = drafts[k].reporting.front();
            const auto& si = info[s];
            const trigger_word* first = nullptr;
            const trigger_word* second = nullptr;
            for (const auto& t : si.an.triggers) {
                const int g = gain_by(t);
                if (!g) continue;
                if (!first) first = &t;
                else if (g != gain_by(*first) && !second) second = &t;
            }
            if (!second) continue;
            const std::uint32_t clause = clause_break_between(first->at, second->at);
            if (!clause) continue;
            draft d;
            d.section = drafts[k].section;
            d.province = drafts[k].province;
            d.district = drafts[k].district;
            d.only_district = drafts[k].only_district;
            d.sentences.push_back(s);
            d.reporting.push_back(s);
            d.only_gain = gain_by(*second);
            d.clause_from = clause;
            d.when = drafts[k].when;
            d.when_sentence = s;
            for (const auto& t : si.times)
                if (t.role == time_role::event && t.first > second->at && t.resolved) {
                    d.when = &t;
                    break;
                }
            drafts[k].only_gain = gain_by(*first);
            drafts.push_back(std::move(d));
        }
    }
    // "The Taliban attacked Sangin on Monday and captured the district centre on Wednesday": an
    // attack and the change of hands it ended, told by two verbs joined by "and", each with a day of
    // its own, are two incidents, each dated by its clause (the codebook scores the first day and
    // the change's). The first keeps the clause before "and", the second the rest.
    void split_attack_then_change() {
        if (!(article_flags & lex::territorial)) return;
        const std::size_t told = drafts.size();
        for (std::size_t k = 0; k < told; ++k) {
            const draft& o = drafts[k];
            if (o.dropped || o.recalled || o.reporting.empty() || o.only_gain || o.earlier_clause.second || o.clause_to) continue;
            const std::uint32_t s = o.reporting.front();
            const auto& si = info[s];
            const auto& sen = doc.sentences()[s];
            const trigger_word* change = nullptr;
            const trigger_word* attack = nullptr;
            int changes = 0;
            for (const auto& t : si.an.triggers) {
                if (t.generic || t.state) continue;
                if (lex::changes_hands(t.kind)) {
                    if (t.verb) ++changes, change = &t;
                } else if (!change && !attack && !t.definite) {
                    attack = &t; // ("launched a counter-offensive on 1 October": a noun told as done)
                }
            }
            if (changes != 1 || !attack || attack->at > change->at) continue;
            std::uint32_t joint = 0;
            for (std::uint32_t j = attack->at + 1; j < change->at; ++j)
                if (is_word(doc, j, "and")) joint = j;
            if (!joint) continue;
            auto dated = [&](const time_expression& t) { return dates_a_day(t, si, sen); };
            const time_expression* before = nullptr;
            const time_expression* after = nullptr;
            for (const auto& t : si.times) {
                if (!dated(t)) continue;
                if (t.first < joint && !before) before = &t;
                if (t.first > change->at && !after) after = &t;
            }
            if (!before || !after || before->from == after->from) continue;
            draft d;
            d.section = o.section;
            d.province = o.province;
            d.district = o.district;
            d.only_district = o.only_district;
            d.sentences.push_back(s);
            d.reporting.push_back(s);
            d.clause_from = joint;
            d.clause_to = sen.last;
            d.when = after;
            d.when_sentence = s;
            draft& first = drafts[k];
            first.clause_from = sen.first;
            first.clause_to = joint;
            first.when = before;
            first.when_sentence = s;
            hand_over_mentions(first, d, s, joint, sen.last);
            drafts.push_back(std::move(d));
        }
    }

    // The token the second of two clauses starts at, between tokens a and b of a sentence: after a
    // semicolon or "but"; 0 for none
    std::uint32_t clause_break_between(std::uint32_t a, std::uint32_t b) const {
        for (std::uint32_t k = a + 1; k < b; ++k)
            if (doc.at(k).is_punct(';') || is_word(doc, k, "but")) return k + 1;
        return 0;
    }

    // "clashes in Almar and Qaisar districts": one incident per district of a list in one province.
    // Figures told beside a district are its incident's; one figure for them all stays with the
    // first (news codebook). Changes of hands are split_territory_lists'.
    void split_district_lists() {
        const auto& sentences = doc.sentences();
        const std::size_t told = drafts.size();
        for (std::uint32_t s = 0; s < sentences.size(); ++s) {
            const auto& si = info[s];
            if (!si.reports || si.an.generic || si.abroad || si.roundup || sentences[s].title) continue;
            if (si.own.districts.size() < 2 || si.provinces_told.size() > 1) continue;
            const bool territory = std::any_of(si.an.triggers.begin(), si.an.triggers.end(), [](const trigger_word& t) {
                return !t.generic && lex::changes_hands(t.kind);
            });
            if (territory) continue;
            std::size_t teller = told;
            for (std::size_t k = 0; k < told && teller == told; ++k)
                if (!drafts[k].dropped && std::find(drafts[k].reporting.begin(), drafts[k].reporting.end(), s) != drafts[k].reporting.end())
                    teller = k;
            if (teller == told) continue;
            const std::string kept = drafts[teller].district;
            const auto& list = si.own.districts;
            if (std::find(list.begin(), list.end(), kept) == list.end()) continue;
            std::map<std::string, std::vector<std::uint32_t>> figures_of = breakdown(s, list);
            if (figures_of.empty())
                if (auto f = drafts[teller].mentions.find(s); f != drafts[teller].mentions.end())
                    for (auto m : f->second) figures_of[place_beside(s, si.an.casualties[m], true)].push_back(m);
            const bool spread = figures_of.size() >= 2 && std::all_of(figures_of.begin(), figures_of.end(), [&](const auto& f) {
                return std::find(list.begin(), list.end(), f.first) != list.end();
            });
            // a list named as one, where it happened ("in Nad Ali and Sangin districts"; not "the
            // commanders in charge of Garm Ser and Nawa districts"), or figures told apart
            std::size_t listed = 0;
            const place_hit* head = nullptr;
            for (const auto* h : si.places)
                if (h->listed && h->district() && std::find(list.begin(), list.end(), h->district()->pcode) != list.end()) {
                    if (!head) head = h;
                    ++listed;
                }
            bool located = false;
            if (head) {
                // (past "the" and the province owning the list: "in Jowzjan's Darzab and Qush Tepa districts")
                std::size_t k = head->first_token;
                while (k > sentences[s].first &&
                       (doc.at(k - 1).has(lex::determiner) || ((doc.at(k - 1).shape & possessive) && (doc.at(k - 1).shape & place_name))))
                    --k;
                located = k > sentences[s].first && (is_word(doc, k - 1, "in") || is_word(doc, k - 1, "across"));
            }
            if ((listed < list.size() || !located) && !spread) continue;
            const auto* when = si.when ? si.when : drafts[teller].when;
            const auto when_sentence = si.when ? s : drafts[teller].when_sentence;
            if (spread) {
                drafts[teller].mentions[s] = figures_of[kept];
                if (drafts[teller].only_district.empty()) drafts[teller].only_district = kept;
            }
            for (const auto& district : list) {
                if (district == kept) continue;
                draft d;
                d.section = sentences[s].section;
                d.district = district;
                d.province = district.substr(0, 4);
                d.only_district = district;
                d.sentences.push_back(s);
                d.reporting.push_back(s);
                if (spread)
                    if (auto f = figures_of.find(district); f != figures_of.end()) d.mentions[s] = f->second;
                d.when = when;
                d.when_sentence = when_sentence;
                drafts.push_back(std::move(d));
            }
        }
    }

    // The first figure of sentence s that tells of something that happened, if any.
    const casualty_mention* first_figure(std::uint32_t s) const {
        for (const auto& m : info[s].an.casualties)
            if (!m.negated && !m.intent && !m.recalled && !m.subset) return &m;
        return nullptr;
    }

    // ", six in Nad Ali", "and four in Sangin", ": four in Jalalabad" after figure `total`: more
    // figures of its field, each told beside a place of the sentence (with the place)
    std::vector<std::pair<casualty_mention, const place_hit*>> figures_told_apart(std::uint32_t s, const casualty_mention& total) const {
        std::vector<std::pair<casualty_mention, const place_hit*>> out;
        const auto& sen = doc.sentences()[s];
        for (std::size_t k = total.last; k + 2 < sen.last; ++k) {
            // ("and another three in Khost", "and three more in Khost")
            const std::size_t opener = is_word(doc, k - 1, "another") ? k - 2 : k - 1;
            const std::size_t at_in = is_word(doc, k + 1, "more") || is_word(doc, k + 1, "others") ? k + 2 : k + 1;
            if (!is_word(doc, at_in, "in") ||
                !(doc.at(opener).is_punct(',') || doc.at(opener).is_punct(':') || is_word(doc, opener, "and")))
                continue;
            auto q = parse_quantity(doc, k, k + 1);
            if (!q) continue;
            // (past "the nearby district of" to the name)
            std::size_t name = at_in + 1;
            while (name < sen.last && name < k + 7 &&
                   (doc.at(name).has(lex::determiner | lex::place_noun) || is_word(doc, name, "of") || is_word(doc, name, "nearby") ||
                    is_word(doc, name, "neighbouring") || is_word(doc, name, "neighboring") ||
                    (doc.at(name).kind == token_kind::word && doc.at(name).flags == 0 && !(doc.at(name).shape & capitalized))))
                ++name;
            const place_hit* at = nullptr;
            for (const auto* h : info[s].places)
                if (h->first_token == name) at = h;
            if (!at) continue;
            casualty_mention m;
            m.field = total.field;
            m.predicate = static_cast<std::uint32_t>(k);
            m.direct = q;
            m.first = static_cast<std::uint32_t>(k);
            m.last = static_cast<std::uint32_t>(k + 1);
            out.emplace_back(m, at);
        }
        return out;
    }

    // ", six in Nad Ali and four in Sangin" after a total: the total told apart by district, a figure
    // of the total's field for each district of the list, added to the sentence's mentions. Empty
    // unless every district of the list gets one.
    std::map<std::string, std::vector<std::uint32_t>> breakdown(std::uint32_t s, const std::vector<std::string>& list) {
        std::map<std::string, std::vector<std::uint32_t>> out;
        auto& si = info[s];
        const casualty_mention* total = first_figure(s);
        if (!total) return out;
        std::vector<casualty_mention> parts;
        std::vector<std::string> where;
        for (auto& [m, at] : figures_told_apart(s, *total)) {
            if (!at->district()) continue;
            parts.push_back(m);
            where.emplace_back(at->district()->pcode);
        }
        bool every = parts.size() == list.size() && std::all_of(list.begin(), list.end(), [&](const std::string& d) {
            return std::find(where.begin(), where.end(), d) != where.end();
        });
        // "Four were killed in Jalalabad, the provincial capital, and three in Surkh Rod": the first
        // figure is its own place's, the others follow with the verb left out
        if (!every && !parts.empty() && parts.size() + 1 == list.size()) {
            std::string own;
            for (const auto* h : si.places)
                if (h->district() && h->begin > doc.at(total->first).begin && h->first_token < parts.front().first &&
                    std::find(where.begin(), where.end(), h->district()->pcode) == where.end() &&
                    std::find(list.begin(), list.end(), h->district()->pcode) != list.end())
                    own = h->district()->pcode;
            if (own.empty()) return out;
            out[own].push_back(static_cast<std::uint32_t>(total - si.an.casualties.data()));
            every = true;
        }
        if (!every) return out;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            out[where[i]].push_back(static_cast<std::uint32_t>(si.an.casualties.size()));
            si.an.casualties.push_back(parts[i]);
        }
        return out;
    }

    // "Forces killed 45 militants on Monday. The operations were carried out in Kandahar, Helmand
    // and Zabul provinces": an incident told with no place, whose next sentence only says where it
    // was (by a definite incident word: "the operations", "the strikes") in several provinces, is
    // one incident per province, as a roundup told in one sentence is; the figure goes on the first
    // (news codebook).
    void split_by_places_after() {
        const auto& sentences = doc.sentences();
        const std::size_t told = drafts.size();
        for (std::size_t k = 0; k < told; ++k) {
            auto& o = drafts[k];
            if (o.dropped || o.recalled || o.abroad || o.mishap || !o.province.empty() || o.reporting.empty()) continue;
            const std::uint32_t last = o.reporting.back();
            const std::uint32_t s = last + 1;
            if (s >= sentences.size() || sentences[s].section != sentences[last].section ||
                std::find(o.sentences.begin(), o.sentences.end(), s) == o.sentences.end())
                continue;
            const auto& si = info[s];
            if (!si.roundup || !si.only_definite || si.abroad || !placed_by_next(last)) continue;
            o.reporting.push_back(s);
            const draft placed = o; // (o moves as the others are added)
            for (std::size_t p = 1; p < si.provinces_told.size(); ++p) {
                draft d = placed;
                d.mentions.clear();
                place_in_province(d, si, si.provinces_told[p]);
                drafts.push_back(std::move(d));
            }
            place_in_province(drafts[k], si, si.provinces_told.front());
        }
    }
    static void place_in_province(draft& d, const sentence_info& si, const std::string& province) {
        d.province = province;
        d.only_province = true;
        d.district.clear();
        for (const auto& dist : si.own.districts)
            if (dist.compare(0, province.size(), province) == 0) {
                d.district = dist;
                break;
            }
    }

    // "Bombs killed three people in Andar in Ghazni and two in Gizab in Daykundi", "the Taliban
    // attacked checkpoints in Ghazni, Zabul and Kandahar provinces, killing 12": one incident per
    // province, the figure on the first of them (news codebook). A roundup that the story goes on
    // to tell in detail, for any of its provinces, is the summary of that account, as press
    // releases write them ("detained suspects in operations in Zabul and Khost provinces ... In
    // Khost, a security force ..."), and adds no incident of its own. A headline never does.
    void split_roundups() {
        const auto& sentences = doc.sentences();
        std::size_t told = drafts.size();
        for (std::uint32_t s = 0; s < sentences.size(); ++s) {
            const auto& si = info[s];
            if (!si.roundup || !si.reports || si.an.generic || si.abroad || sentences[s].title) continue;
            // ("attacked Herat city on Friday, a day after capturing Ghazni" is not told in detail by
            // "the Taliban seized Injil district": another district of the province)
            auto names_other_district = [&](const std::string& p, const draft& o) {
                if (o.district.empty()) return false;
                bool named_in_province = false;
                for (const auto& dist : si.own.districts) {
                    if (dist.compare(0, p.size(), p) != 0) continue;
                    if (dist == o.district) return false;
                    named_in_province = true;
                }
                return named_in_province;
            };
            bool detailed = false;
            std::map<std::string, std::size_t> detail_of; // the province's first incident told in detail
            for (const auto& p : si.provinces_told)
                for (std::size_t k = 0; k < told; ++k) {
                    auto& o = drafts[k];
                    if (o.dropped || o.recalled || o.abroad || o.section != sentences[s].section || o.province != p ||
                        o.reporting.empty() || !same_kind_told(s, o) || names_other_district(p, o))
                        continue;
                    detailed = true;
                    detail_of.try_emplace(p, k);
                    // "... in Faryab and Jawzjan on Wednesday night. In Jawzjan, six soldiers lost
                    // their lives ...": the summary dates the incidents it sums up, when it tells one
                    // day for all ("Jan. 23, 25 and yesterday respectively" is one each)
                    if (!o.when && si.when && one_time_told(si)) o.when = si.when, o.when_sentence = s;
                }
            if (detailed) {
                // "Gunmen stormed a hospital in Kabul, killing 13, while a bomber killed 24 in
                // Nangarhar. ... security forces killed the three attackers": a figure the summary
                // gives beside each province is its incident's, with what the account adds
                auto figures_of = figures_by_province(s);
                if (figures_of.size() == si.provinces_told.size())
                    for (const auto& [p, k] : detail_of)
                        if (auto f = figures_of.find(p); f != figures_of.end() && !drafts[k].mentions.count(s)) drafts[k].mentions[s] = f->second;
                // the summary adds no incident, but one told in its "a day after" clause is another
                for (const auto& p : si.provinces_told) {
                    draft d = province_draft(s, p);
                    told_earlier(s, d);
                    if (d.earlier_clause.second != 0) drafts.push_back(std::move(d));
                }
                continue;
            }
            // "a suicide bomber kills 7 in Kandahar, while a separate attack in Zabul kills 3": each
            // figure told beside a province's place is that province's incident's
            add_figures_by_province(s);
            auto figures = mentions_of(s, false);
            auto figures_of = figures_by_province(s);
            const bool spread = !figures_of.empty();
            // "Two bombings in Kabul and Jalalabad kill 9. In Kabul, a sticky bomb kills 5; in
            // Jalalabad ...": the second roundup details the first's incidents, whose figures it gives
            if (spread) {
                std::vector<std::size_t> earlier;
                for (std::size_t k = told; k < drafts.size(); ++k) {
                    const auto& o = drafts[k];
                    if (o.section == sentences[s].section && !o.dropped && o.reporting.size() == 1 && o.reporting.front() < s &&
                        std::find(si.provinces_told.begin(), si.provinces_told.end(), o.province) != si.provinces_told.end())
                        earlier.push_back(k);
                }
                if (earlier.size() == si.provinces_told.size()) {
                    for (auto k : earlier) {
                        auto& o = drafts[k];
                        o.mentions.erase(o.reporting.front());
                        o.sentences.push_back(s);
                        o.reporting.push_back(s);
                        if (auto f = figures_of.find(o.province); f != figures_of.end()) o.mentions[s] = f->second;
                    }
                    continue;
                }
            }
            bool figures_given = false;
            for (const auto& p : si.provinces_told) {
                draft d = province_draft(s, p);
                if (spread) {
                    if (auto f = figures_of.find(p); f != figures_of.end()) d.mentions[s] = f->second;
                } else if (!figures_given) {
                    if (!figures.empty()) d.mentions[s] = figures;
                    figures_given = true;
                }
                told_earlier(s, d);
                drafts.push_back(std::move(d));
            }
        }
    }

    // The figures of roundup sentence s by the province each is told beside, when they are told
    // beside two provinces of it at least and beside none it does not tell; empty otherwise.
    std::map<std::string, std::vector<std::uint32_t>> figures_by_province(std::uint32_t s) const {
        const auto& si = info[s];
        std::map<std::string, std::vector<std::uint32_t>> figures_of;
        for (auto m : mentions_of(s, false)) figures_of[province_beside(s, si.an.casualties[m])].push_back(m);
        const bool spread = figures_of.size() >= 2 && std::all_of(figures_of.begin(), figures_of.end(), [&](const auto& f) {
            return std::find(si.provinces_told.begin(), si.provinces_told.end(), f.first) != si.provinces_told.end();
        });
        if (!spread) figures_of.clear();
        return figures_of;
    }

    // "three people in Andar in Ghazni and two in Gizab in Daykundi": the figures after the first,
    // with the verb left out, each beside a place in another province of the roundup, are mentions
    // of their own (all of them, or none)
    void add_figures_by_province(std::uint32_t s) {
        auto& si = info[s];
        const casualty_mention* total = first_figure(s);
        if (!total) return;
        auto parts = figures_told_apart(s, *total);
        for (const auto& part : parts)
            if (std::find(si.provinces_told.begin(), si.provinces_told.end(), province_of(*part.second)) == si.provinces_told.end())
                return;
        for (const auto& part : parts) si.an.casualties.push_back(part.first);
    }

    // The sentence tells the time of what happened once: one expression of it.
    static bool one_time_told(const sentence_info& si) {
        return std::count_if(si.times.begin(), si.times.end(), [](const time_expression& t) { return t.role == time_role::event; }) == 1;
    }

    // One province's incident of roundup sentence s, placed in the first district the sentence names
    // in that province, if any.
    draft province_draft(std::uint32_t s, const std::string& province) const {
        const auto& si = info[s];
        draft d;
        d.section = doc.sentences()[s].section;
        place_in_province(d, si, province);
        d.sentences.push_back(s);
        d.reporting.push_back(s);
        d.when = si.when;
        d.when_sentence = s;
        if (const time_expression* own = time_of_item(s, [&](const place_hit& h) { return province_of(h) == province; }))
            d.when = own;
        // "repelled an attack on Lashkar Gah, while in Kandahar the Taliban overran Panjwai": a
        // province told in a clause of its own has that clause's doer and day
        if (const auto clause = clause_of_province(s, province); clause.second != 0) {
            d.clause_from = clause.first;
            d.clause_to = clause.second;
            if (d.when && (d.when->first < clause.first || d.when->first >= clause.second)) {
                d.when = nullptr;
                for (const auto& t : si.times)
                    if (t.role == time_role::event && t.first >= clause.first && t.first < clause.second) {
                        d.when = &t;
                        break;
                    }
            }
        }
        return d;
    }

    // Whether t, in sentence sen, tells the day something happened: not a range, nor a time before
    // the news named as such, nor one inside a relative clause.
    bool dates_a_day(const time_expression& t, const sentence_info& si, const sentence& sen) const {
        return t.role == time_role::event && t.resolved && t.precision == date_precision::day && !t.recalled &&
               !in_relative_clause(t, si, sen);
    }

    // "The Taliban took Kunduz on Sunday and Taloqan on Monday", "On Friday, Zaranj fell, followed by
    // Sheberghan on Saturday": in a sentence that tells two days or more, each place of a list has
    // the day told in its own item (from its name to the next place's of another item), else the
    // last day told before it. Null where the sentence tells one day, or the place none of its own.
    template <class Picks>
    const time_expression* time_of_item(std::uint32_t s, Picks of_it) const {
        const auto& si = info[s];
        if (si.times.size() < 2) return nullptr;
        const auto& sen = doc.sentences()[s];
        auto dated = [&](const time_expression& t) { return dates_a_day(t, si, sen); };
        std::size_t days = 0;
        for (const auto& t : si.times) days += dated(t);
        if (days < 2) return nullptr;
        const place_hit* first = nullptr;
        std::size_t item_end = sen.last;
        for (const auto* h : si.places) {
            if (!first) {
                if (of_it(*h)) first = h;
                continue;
            }
            // ("Nahrin district of Baghlan on Sunday": the province that says where it lies is of its item)
            const bool its_province = h->province() && h->cue != place_cue::city && province_of(*h) == province_of(*first);
            if (h->first_token > first->first_token && !of_it(*h) && !h->qualifier && !its_province) {
                item_end = h->first_token;
                break;
            }
        }
        if (!first) return nullptr;
        const time_expression* before = nullptr;
        for (const auto& t : si.times) {
            if (!dated(t)) continue;
            if (t.first > first->first_token && t.first < item_end) return &t;
            if (t.last <= first->first_token) before = &t;
        }
        return before;
    }

    // Whether token k of sentence sen lies in the clause that tells the incident (any token, where
    // no clause of that sentence does).
    static bool within_clause(const draft& d, const sentence& sen, std::size_t k) {
        if (d.clause_to <= sen.first || d.clause_to > sen.last) return true;
        return k >= d.clause_from && k < d.clause_to;
    }

    std::pair<std::uint32_t, std::uint32_t> clause_of_province(std::uint32_t s, std::string_view province) const {
        return clause_of(s, [&](const place_hit& h) { return province_of(h) == province; });
    }

    std::pair<std::uint32_t, std::uint32_t> clause_of_district(std::uint32_t s, const std::string& district) const {
        return clause_of(s, names_district{district});
    }

    // The clause of sentence s (between semicolons, "while" and "whereas") that holds all the places
    // `of_it` picks, when the sentence has more than one; {0, 0} otherwise.
    template <class Picks>
    std::pair<std::uint32_t, std::uint32_t> clause_of(std::uint32_t s, Picks of_it) const {
        const auto& sen = doc.sentences()[s];
        std::pair<std::uint32_t, std::uint32_t> found{0, 0};
        for (const auto* h : info[s].places) {
            if (!of_it(*h)) continue;
            std::size_t from = h->first_token, to = h->first_token;
            while (from > sen.first && !clause_boundary(from - 1)) --from;
            while (to < sen.last && !clause_boundary(to)) ++to;
            if (from == sen.first && to == sen.last) return {0, 0}; // one clause: the sentence
            const std::pair<std::uint32_t, std::uint32_t> clause{static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to)};
            if (found.second != 0 && found != clause) return {0, 0};
            found = clause;
        }
        return found;
    }

    // "Taliban fighters attacked Herat on Friday, a day after capturing Ghazni": a province of a
    // roundup named only in its "N days after" clause is that clause's incident, N days before the
    // sentence's; one of an unknown or longer interval before ("weeks after") is only recalled.
    void told_earlier(std::uint32_t s, draft& d) const {
        const auto& si = info[s];
        for (const auto& span : si.an.recalled_spans) {
            const std::uint32_t from = span.first, to = span.second; // (named: a lambda below reads them)
            if (!is_word(doc, from, "after") || from < doc.sentences()[s].first + 2) continue;
            bool all_inside = true, any = false;
            for (const auto* h : si.places) {
                const auto* p = h->province();
                const auto* dist = h->district();
                // (a district's own incident: its places, not its province's)
                if (!d.only_district.empty()) {
                    if (!dist || dist->pcode != d.only_district) continue;
                } else {
                    std::string_view pcode = p ? std::string_view(p->pcode) : dist ? std::string_view(dist->province_pcode) : std::string_view();
                    if (pcode != d.province) continue;
                }
                std::size_t k = h->first_token;
                bool inside = k > from && k < to;
                any = true;
                all_inside = all_inside && inside;
            }
            if (!any || !all_inside) continue;
            bool changes = std::any_of(si.an.triggers.begin(), si.an.triggers.end(), [&](const trigger_word& t) {
                return t.at > from && t.at < to && !t.state;
            });
            if (!changes) return;
            d.earlier_clause = {from, to};
            std::size_t unit = from - 1, count = from - 2;
            int per = is_word(doc, unit, "day") || is_word(doc, unit, "days") ? 1 : is_word(doc, unit, "week") || is_word(doc, unit, "weeks") ? 7 : 0;
            int n = is_word(doc, count, "a") || is_word(doc, count, "one") ? 1
                    : doc.at(count).kind == token_kind::number || doc.at(count).has(lex::number) ? static_cast<int>(doc.at(count).value)
                                                                                                  : 0;
            d.days_earlier = per * n;
            if (d.days_earlier == 0 || d.days_earlier > 1) d.recalled = true;
            return;
        }
    }

    // The province of the place named nearest a casualty mention, within its clause if one is
    // there ("...; in Jalalabad, a roadside bomb kills 4"); empty when the sentence names none.
    std::string province_beside(std::uint32_t s, const casualty_mention& m) const { return place_beside(s, m, false); }

    // The province (or district) of the place named nearest a casualty mention, within its clause if
    // one is there; empty when the sentence names none.
    std::string place_beside(std::uint32_t s, const casualty_mention& m, bool district) const {
        const auto& sen = doc.sentences()[s];
        auto clause_break = [&](std::uint32_t from, std::uint32_t to) { // tokens strictly between
            for (std::uint32_t k = from; k < to && k < sen.last; ++k)
                if (clause_boundary(k)) return true;
            return false;
        };
        const std::uint32_t begin = doc.at(m.first).begin, end = doc.at(m.last - 1).end;
        std::string best;
        std::uint32_t best_distance = UINT32_MAX;
        bool best_crosses = true;
        for (const auto* h : info[s].places) {
            const auto* p = h->province();
            const auto* d = h->district();
            std::string province(district ? (d && !p ? d->pcode : std::string_view()) : p ? p->pcode : d ? d->province_pcode : std::string_view());
            if (province.empty()) continue;
            std::uint32_t distance = h->begin >= end ? h->begin - end : begin >= h->end ? begin - h->end : 0;
            std::uint32_t ht = h->first_token;
            bool crosses = ht < m.first ? clause_break(ht, m.first) : clause_break(m.last, ht);
            if (std::tie(crosses, distance) < std::tie(best_crosses, best_distance)) {
                best = province, best_distance = distance, best_crosses = crosses;
            }
        }
        return best;
    }


    // Releases that update one another ("This is an update to IJC News Release #...") or report
    // the same operation on the same day are one incident.
    void merge_parts() {
        for (std::size_t i = 0; i < drafts.size(); ++i) {
            auto& a = drafts[i];
            if (a.dropped || a.recalled) continue;
            for (std::size_t j = i + 1; j < drafts.size(); ++j) {
                auto& b = drafts[j];
                if (b.dropped || b.recalled || b.section == a.section || b.abroad != a.abroad) continue;
                bool linked = false;
                const auto& sb = lay.sections[b.section];
                const auto& sa = lay.sections[a.section];
                for (const auto& u : sb.updates)
                    if (!sa.release.empty() && (sa.release.find(u) != std::string::npos || u.find(sa.release) != std::string::npos))
                        linked = true;
                bool same_day = a.when && b.when && a.when->resolved && b.when->resolved && a.when->from == b.when->from;
                bool same_place = a.province.empty() || b.province.empty() || a.province == b.province;
                bool same_district = a.district.empty() || b.district.empty() || a.district == b.district;
                if (!((linked && same_place) || (same_day && same_place && same_district))) continue;
                for (auto s : b.sentences) a.sentences.push_back(s);
                for (auto s : b.reporting) a.reporting.push_back(s);
                for (auto& [s, m] : b.mentions) a.mentions[s] = m;
                for (auto t : b.titles) a.titles.push_back(t);
                a.merged_sections.push_back(b.section);
                if (a.province.empty()) a.province = b.province;
                if (a.district.empty()) a.district = b.district;
                if (!a.when) a.when = b.when, a.when_sentence = b.when_sentence;
                b.dropped = true;
            }
        }
    }

    // "Ghazni was briefly overrun on August 10, 2018. On July 3, Taliban fighters attacked the city
    // again": an incident the text dates with its year long before the news, beside one dated in the
    // news's own days, is recalled; a retrospective that tells only the past keeps its incidents
    void recall_dated_long_before() {
        const auto r = lay.published;
        if (!r) return;
        const bool news_told = std::any_of(drafts.begin(), drafts.end(), [&](const draft& d) {
            return !d.dropped && !d.recalled && d.when && d.when->resolved && d.when->from >= *r - 10;
        });
        if (!news_told) return;
        for (auto& d : drafts)
            if (!d.dropped && dated_long_before(d) && !d.when->relative && d.when->precision == date_precision::day) d.recalled = true;
    }

    // Whether draft d is dated, by its text, more than a month and a half before the report.
    bool dated_long_before(const draft& d) const {
        const auto r = lay.published;
        return r && d.when && d.when->resolved && d.when->to < *r - 45;
    }

    // "In May 2018, the Taliban launched an offensive on Farah ... Later that year, on 10 August, they
    // attacked Ghazni": a story whose first incident lies long before the report tells the past, and
    // what it tells before that incident is as much its story, not recalled beside news.
    bool retrospective(const draft* main) const { return main && dated_long_before(*main); }

    // A change of hands told with its own day in the week before the news.
    bool recent_change_of_hands(const draft& d) const {
        const auto r = lay.published;
        if (!r || !d.when || !d.when->resolved || d.when->recalled || d.when->precision != date_precision::day ||
            d.when->from < *r - 7 || d.when->to > *r)
            return false;
        const incident_kinds k = read_kinds(d);
        if (!(k.seizure || k.recapture || k.withdrawal) || k.change_denied || d.reporting.empty()) return false;
        // ("The Taliban had captured the district on Saturday": the past perfect tells what came
        // before the news, which it only recalls)
        const std::uint32_t s = d.reporting.front();
        const auto& sen = doc.sentences()[s];
        for (const auto& tr : info[s].an.triggers) {
            if (!lex::changes_hands(tr.kind) || !within_clause(d, sen, tr.at)) continue;
            for (std::size_t b = tr.at; b > sen.first && b + 4 > tr.at; --b)
                if (is_word(doc, b - 1, "had")) return false;
        }
        return true;
    }

    const draft* main_event() const {
        for (const auto& d : drafts)
            if (!d.dropped && !d.recalled) return &d;
        return nullptr;
    }

    void decide_background() {
        recall_dated_long_before();
        const draft* main = main_event();
        for (auto& d : drafts) {
            if (d.dropped) continue;
            if (&d == main) {
                // the only news may be an older incident: "the family had been kidnapped five years
                // ago", "NATO apologises for the air raid of October 24": more than a week before
                // the report
                auto r = lay.published;
                // (but a retrospective that goes on to tell more of the past tells the past: "In May
                // 2018, the Taliban launched an offensive on Farah ... on 10 August, they attacked Ghazni")
                const bool more_past = std::any_of(drafts.begin(), drafts.end(), [&](const draft& o) {
                    return &o != &d && !o.dropped && !o.recalled && dated_long_before(o);
                });
                if (d.when && d.when->resolved && d.when->recalled && r && d.when->to < *r - 7 && !more_past) d.recalled = true;
                // ("were bombed years ago": long before, by no day told)
                if (d.when && !d.when->resolved && d.when->recalled && d.when->precision == date_precision::unknown) d.recalled = true;
                continue;
            }
            // "On May 1, a patrol ...": an incident dated up front, beside the news, is an earlier one;
            // but "On Saturday, the insurgents also took Sheberghan", after Friday's news, is a later
            // development, news as much as the first
            // ("The same day, they overran Ghorband": told as the day of what was told before, too)
            bool later_news = d.fronted_past && main && main->when && d.when && main->when->resolved && d.when->resolved &&
                              !d.when->recalled &&
                              (d.when->from > main->when->to || (d.when->days_after_anchor == 0 && d.when->from >= main->when->from));
            if (d.recalled) continue;
            // "The Taliban took Aibak on Monday ... On Friday, Zaranj became the first provincial
            // capital to fall, followed by Sheberghan on Saturday": changes of hands told each with
            // its day of the week before the news are the story's own, a few days before its latest
            const bool days_earlier = (d.fronted_past && !later_news) ||
                                      (main && main->when && d.when && main->when->resolved && d.when->resolved &&
                                       d.when->to < main->when->from - 1);
            if (days_earlier && !recent_change_of_hands(d) && !retrospective(main)) d.recalled = true;
            if (d.when && d.when->recalled && (!main || !main->when || !main->when->recalled)) d.recalled = true;
        }
    }

    void explain(article_result& out) const {
        static constexpr const char* fields[] = {"-", "killed", "wounded", "missing", "captured"};
        for (std::uint32_t s = 0; s < doc.sentences().size(); ++s) {
            const auto& sen = doc.sentences()[s];
            const auto& si = info[s];
            std::string line = "sentence " + std::to_string(s) + " [section " + std::to_string(sen.section) +
                               (sen.title ? ", headline" : "") + (si.reports ? ", reports" : "") +
                               (si.only_definite ? ", refers back" : "") + (si.roundup ? ", roundup" : "") +
                               (si.an.descriptive ? ", descriptive" : "") + (si.an.aggregate ? ", aggregate" : "") +
                               (si.an.generic ? ", generic" : "") + "] " + std::string(doc.text().substr(sen.begin, sen.end - sen.begin));
            out.explanation.push_back(line);
            if (si.source) out.explanation.push_back("    source: " + si.source->source + " (" + std::string(to_string(si.source->kind)) + ")");
            if (si.when)
                out.explanation.push_back("    date: '" + std::string(doc.span(si.when->first, si.when->last)) + "' " +
                                          (si.when->resolved ? iso_date(si.when->from) + ".." + iso_date(si.when->to) : "unresolved"));
            for (const auto* h : si.places) {
                std::string c;
                for (const auto& k : h->candidates) c.append(" ").append(k.pcode);
                out.explanation.push_back("    place: '" + std::string(h->surface) + "' ->" + c);
            }
            for (const auto& m : si.an.casualties) {
                std::string l = std::string("    ") + fields[static_cast<int>(m.field)] + ": '" +
                                std::string(doc.span(m.first, m.last)) + "'";
                for (auto p : m.phrases) {
                    const auto& ph = si.an.phrases[p];
                    l += " [" + std::string(doc.span(ph.first, ph.last)) + " = " +
                         (ph.count ? std::to_string(ph.count->low) + (ph.count->vague ? "~" : "") : std::string("?")) +
                         (ph.definite ? " def" : "") + (ph.pronoun ? " pron" : "") + (ph.partitive ? " part" : "") + "]";
                }
                if (m.direct) l += " [" + std::to_string(m.direct->low) + "]";
                if (m.negated) l += " negated";
                if (m.intent) l += " intent";
                if (m.subset) l += " subset";
                if (m.recalled) l += " recalled";
                if (m.additive) l += " additive";
                out.explanation.push_back(l);
            }
        }
        for (std::size_t i = 0; i < drafts.size(); ++i) {
            const auto& d = drafts[i];
            std::string l = "incident " + std::to_string(i) + (d.dropped ? " (merged)" : "") + (d.recalled ? " (recalled)" : "") +
                            " province " + (d.province.empty() ? "?" : d.province) + " district " +
                            (d.district.empty() ? "?" : d.district) + ": sentences";
            for (auto t : d.titles) l += " h" + std::to_string(t);
            for (auto s : d.sentences) {
                bool rep = std::find(d.reporting.begin(), d.reporting.end(), s) != d.reporting.end();
                l += " " + std::to_string(s) + (rep ? "*" : "");
            }
            out.explanation.push_back(l);
        }
    }

    // "in the province", "the district": the text leans on a place named earlier
    bool refers_to_province(const draft& d) const {
        for (auto s : d.reporting) {
            const auto& sen = doc.sentences()[s];
            // the length first: the compiler calls document::is out of line here, for every token
            for (std::size_t k = sen.first; k + 1 < sen.last; ++k)
                // ("the province of Ghazni", "the province of the same name" name their own)
                if (doc.at(k).stem_size == 3 && is_word(doc, k, "the") && (is_word(doc, k + 1, "province") || is_word(doc, k + 1, "district")) &&
                    !(k + 2 < sen.last && is_word(doc, k + 2, "of")))
                    return true;
        }
        return false;
    }

    // People killed or wounded by someone, counted or not ("Gunmen killed guests at a hotel"); an
    // execution or a death in custody is no fight
    bool harm_told(const draft& d) const {
        static const std::uint16_t kill = lex::lemma_id("kill"), wound = lex::lemma_id("wound"), injure = lex::lemma_id("injure");
        for (const auto& [s, of_sentence] : d.mentions)
            for (auto mi : of_sentence) {
                const auto& m = info[s].an.casualties[mi];
                if (m.negated || m.intent) continue;
                if (doc.lemma_is(m.predicate, kill) || doc.lemma_is(m.predicate, wound) || doc.lemma_is(m.predicate, injure))
                    return true;
            }
        return false;
    }

    // The verb at token v in the simple past (or a headline's present) with an armed side just before
    // it as subject: "Gunmen killed", "Taliban fighters kill"; not "have killed", a summary, nor
    // "killing", a gerund with no tense
    // "at a hotel", "on the bus": a site after token v, where one deed was done
    bool site_after(std::uint32_t v, const sentence& sen) const {
        for (std::size_t k = v + 1; k + 1 < sen.last && k < v + 8u; ++k) {
            if (doc.at(k).kind == token_kind::punct) return false;
            if ((is_word(doc, k, "at") || is_word(doc, k, "on")) && doc.at(k + 1).has(lex::determiner)) return true;
        }
        return false;
    }
    bool armed_subject_acts(std::uint32_t v, const sentence& sen) const {
        if (v <= sen.first) return false;
        const token& verb = doc.at(v);
        // (news told in the present, as summaries tell it, at a site: "Taliban fighters kill guests at
        // a hotel in Kabul"; "the Taliban kill civilians in Helmand, a report says" is a habit)
        bool tensed = verb.inflection == morph::inflection::past || verb.inflection == morph::inflection::third_person ||
                      (verb.inflection == morph::inflection::base && (sen.title || site_after(v, sen)));
        if (!tensed) return false;
        const token& subject = doc.at(v - 1);
        if (!subject.has(lex::side_word | lex::person) || subject.has(lex::determiner)) return false;
        return lex::insurgent(subject.side) || subject.side == lex::side::security ||
               subject.side == lex::side::coalition;
    }

    // ---- one event out of a draft ------------------------------------------------------------
    // The draft's event, filled in place (an event is a dozen strings to move), step by step.
    void emit(const draft& d, article_result& out) {
        if (d.reporting.empty() || d.abroad || d.mishap) return;
        if (d.recalled && !options.background) return;
        event& e = out.events.emplace_back();
        e.article = art.id;
        e.background = d.recalled;
        auto t = tally(doc, [&](std::uint32_t s) -> const sentence_analysis& { return info[s].an; }, tally_parts(d));
        e.killed = t.killed;
        e.wounded = t.wounded;
        e.missing = t.missing;
        e.captured = t.captured;
        e.claims = std::move(t.claims);
        date_event(d, e);
        const bool place_corrected = place_event(d, e);
        type_and_actors(d, e, t);
        reported_by(d, e);
        bounded_by_since(d, e);
        quote_event(d, e);
        e.confidence = confidence_of(e, place_corrected);
    }

    // The sentences whose figures the event's tally counts.
    std::vector<tally_sentence> tally_parts(const draft& d) const {
        std::vector<tally_sentence> parts;
        auto add = [&](std::uint32_t s, bool lead) {
            tally_sentence ts;
            ts.sentence = s;
            ts.lead = lead;
            ts.part = doc.sentences()[s].section;
            if (info[s].source) ts.source = &*info[s].source;
            auto it = d.mentions.find(s);
            if (it != d.mentions.end()) ts.mentions = it->second;
            if (info[s].contrast_source) {
                // (the contrasting clause's figures, as if told by a sentence of their own)
                tally_sentence contrast = ts;
                contrast.source = &*info[s].contrast_source;
                const auto& casualties = info[s].an.casualties;
                const std::uint32_t from = info[s].contrast_from;
                std::erase_if(ts.mentions, [&](std::uint32_t m) { return casualties[m].predicate >= from; });
                std::erase_if(contrast.mentions, [&](std::uint32_t m) { return casualties[m].predicate < from; });
                parts.push_back(std::move(ts));
                parts.push_back(std::move(contrast));
                return;
            }
            parts.push_back(std::move(ts));
        };
        // in reading order, so that "the men" finds "six men" told before it
        std::vector<std::uint32_t> order;
        order.reserve(d.titles.size() + d.sentences.size());
        parts.reserve(order.capacity());
        for (auto t : d.titles) order.push_back(t);
        for (auto s : d.sentences) order.push_back(s);
        std::sort(order.begin(), order.end());
        order.erase(std::unique(order.begin(), order.end()), order.end());
        // the lead of each release part: its headline and the first sentence reporting the incident
        std::vector<std::uint32_t> parts_led; // a few release parts at most: no map
        for (auto s : order) {
            auto part = doc.sentences()[s].section;
            bool is_title = doc.sentences()[s].title;
            bool reporting = std::find(d.reporting.begin(), d.reporting.end(), s) != d.reporting.end();
            bool led = std::find(parts_led.begin(), parts_led.end(), part) != parts_led.end();
            bool lead = is_title || (reporting && !led);
            if (reporting && !is_title && !led) parts_led.push_back(part);
            add(s, lead);
        }
        leave_out_revised(parts);
        return parts;
    }

    // "Officials initially said 20 people were killed ... later revised the toll to 12": a figure
    // told as the first word on a field is left out where another figure counts the field.
    void leave_out_revised(std::vector<tally_sentence>& parts) const {
        auto mention = [&](const tally_sentence& ts, std::uint32_t mi) -> const casualty_mention& { return info[ts.sentence].an.casualties[mi]; };
        bool any = false;
        for (const auto& ts : parts)
            for (auto mi : ts.mentions) any = any || mention(ts, mi).superseded;
        if (!any) return;
        std::array<bool, 5> counted{};
        for (const auto& ts : parts)
            for (auto mi : ts.mentions) {
                const auto& m = mention(ts, mi);
                if (!m.superseded && !m.negated && !m.intent && !m.subset) counted[static_cast<std::size_t>(m.field)] = true;
            }
        for (auto& ts : parts)
            std::erase_if(ts.mentions, [&](std::uint32_t mi) {
                const auto& m = mention(ts, mi);
                return m.superseded && counted[static_cast<std::size_t>(m.field)];
            });
    }

    // The event's days: from the text's own date, else from the day the report was published.
    void date_event(const draft& d, event& e) const {
        const time_expression* when = d.when ? d.when : day_it_ended(d);
        if (when && when->resolved) {
            e.date = when->from;
            e.date_end = when->to;
            e.date_prec = when->precision;
            if (e.date_prec == date_precision::day && when->to != when->from) e.date_prec = date_precision::range;
            e.date_basis = dated_by::text;
        } else if (!when && !d.recalled && reference(d.reporting.front())) {
            e.date = e.date_end = reference(d.reporting.front());
            e.date_prec = date_precision::day;
            e.date_basis = dated_by::publication;
        } else {
            e.date_prec = date_precision::unknown;
        }
        if (when) e.date_text = std::string(doc.span(when->first, when->last));
        // (a day outside the years 1-9999, which ISO text does not give back, is not moved)
        if (d.days_earlier > 0 && e.date) {
            const auto from = within_iso_years(e.date), to = within_iso_years(e.date_end);
            if (from && to) {
                e.date = *from - d.days_earlier;
                e.date_end = *to - d.days_earlier;
                e.date_basis = dated_by::text;
                e.date_text = std::string(doc.span(d.earlier_clause.first - 2, d.earlier_clause.first + 1));
            }
        }
    }

    // Places the event from the places its sentences name; true when the gazetteer corrected the
    // province the text gives (a note says so).
    bool place_event(const draft& d, event& e) {
        std::vector<const place_hit*> places;
        for (auto s : d.reporting)
            for (const auto* h : info[s].places) places.push_back(h);
        for (auto s : d.sentences)
            if (std::find(d.reporting.begin(), d.reporting.end(), s) == d.reporting.end() && !info[s].roundup)
                for (const auto* h : info[s].places) places.push_back(h);
        for (auto s : d.titles)
            for (const auto* h : info[s].places) places.push_back(h);
        if (!d.only_district.empty())
            std::erase_if(places, [&](const place_hit* h) {
                if (const auto* dist = h->district(d.province)) return dist->pcode != d.only_district;
                const auto* p = h->province();
                return !p || p->pcode != d.province;
            });
        if (!given_away.empty() && d.only_district.empty() && d.earlier_clause.second == 0)
            std::erase_if(places, [&](const place_hit* h) {
                const auto* dist = h->district(d.province);
                return dist && std::find(given_away.begin(), given_away.end(), std::pair{h->sentence, std::string(dist->pcode)}) !=
                                   given_away.end();
            });
        if (d.only_province)
            std::erase_if(places, [&](const place_hit* h) {
                for (const auto& c : h->candidates)
                    if ((c.kind == gazetteer::level::province ? c.pcode : c.province_pcode) == d.province) return false;
                return true;
            });
        // the province the text puts the incident in: its own, or the story's ("in the province")
        std::string context = d.province;
        // one of a list, or a province's part of a roundup, is placed by its own name
        // (the sentences are read last: only an incident beside a main one with a province needs it)
        if (d.only_district.empty() && !d.only_province) {
            if (const draft* m = main_event(); m && m != &d && !m->province.empty() && refers_to_province(d)) context = m->province;
        }
        auto reading = read_places(places, gaz, context);
        // (placed in a province only: "the district centre" told back is the district named before
        // it there)
        if (!reading.district)
            if (const place_hit* named = named_before_as_the_place(d);
                named && (!reading.province || province_of(*named) == reading.province->pcode))
                reading = read_places({named}, gaz, {});
        // ("The governor of Ghazni handed the city over": placed in a province only, "the city" or
        // "the provincial capital" told bare is the province's capital)
        if (reading.province && !reading.district && reading.precision == geo_precision::province)
            if (auto city = capital_told_bare(d, reading.province->pcode)) reading = read_places({&*city}, gaz, {});
        if (!reading.province)
            if (const place_hit* filed_from = dateline_of(d)) reading = read_places({filed_from}, gaz, {});
        if (!reading.province)
            if (const auto story = story_province(d)) reading = read_places({&*story}, gaz, {});
        place_at(e, reading);
        if (reading.corrected && e.district)
            notes.push_back(art.id + ": " + e.district->name + " is in " + (e.province ? e.province->name : "another province") +
                            ", not where the text places it; using the gazetteer");
        return reading.corrected;
    }

    // The quote and its offsets: the lead sentence, and the first with figures if that is another.
    void quote_event(const draft& d, event& e) const {
        std::uint32_t lead = d.reporting.front();
        for (auto s : d.reporting)
            if (!doc.sentences()[s].title) {
                lead = s;
                break;
            }
        const auto& ls = doc.sentences()[lead];
        e.quote = std::string(doc.text().substr(ls.begin, ls.end - ls.begin));
        e.offsets = {ls.begin, ls.end};
        for (auto s : d.reporting) {
            if (s == lead || !d.mentions.count(s)) continue;
            const auto& fs = doc.sentences()[s];
            if (!e.killed && !e.captured && !e.wounded) break;
            e.quote += " … " + std::string(doc.text().substr(fs.begin, fs.end - fs.begin));
            break;
        }
    }

    // How sure the event is: less for a date taken from publication or unknown, a long span, a vague or
    // corrected place, and figures only the Taliban claim.
    static double confidence_of(const event& e, bool place_corrected) {
        double c = 0.9;
        if (e.date_basis == dated_by::publication) c -= 0.15;
        if (e.date_prec == date_precision::unknown) c -= 0.25;
        // "since May the Taliban have captured X": when it happened is known only to a span
        const auto first_day = within_iso_years(e.date), last_day = within_iso_years(e.date_end);
        if (first_day && last_day && *last_day - *first_day >= 14) c -= 0.15;
        if (e.geo_prec == geo_precision::province) c -= 0.1;
        if (e.geo_prec == geo_precision::country) c -= 0.3;
        if (place_corrected) c -= 0.2;
        bool partisan_only = !e.claims.empty() && std::all_of(e.claims.begin(), e.claims.end(), [](const claim& k) {
            return k.source_kind == attribution_kind::taliban;
        });
        if (partisan_only) c -= 0.15;
        return std::round(std::clamp(c, 0.05, 0.99) * 100) / 100;
    }

    // Who says the event happened: the strongest speaker among the sentences that report it. A
    // sentence in the writer's own voice is the press telling it as fact (unattributed), which
    // outranks a Taliban spokesman, so an event is the Taliban's word alone only when every
    // sentence reporting it is theirs.
    void reported_by(const draft& d, event& e) const {
        auto rank = [](attribution_kind kind) {
            switch (kind) {
            case attribution_kind::official: return 5;
            case attribution_kind::local: return 4;
            case attribution_kind::media: return 3;
            case attribution_kind::taliban: return 0;
            case attribution_kind::unattributed: return 1;
            case attribution_kind::unstated:
            case attribution_kind::other: break;
            }
            return 2;
        };
        int best = -1;
        for (auto s : d.reporting) {
            const auto& source = info[s].source;
            const attribution_kind kind = source ? source->kind : attribution_kind::unattributed;
            const int r = rank(kind);
            if (r <= best) continue;
            best = r;
            e.reported_by = source ? source->source : "";
            e.reported_by_kind = kind;
        }
    }

    // Whether sentence s tells a change of hands with "it" as the subject.
    bool pronoun_fall(std::uint32_t s) const {
        return std::any_of(info[s].an.triggers.begin(), info[s].an.triggers.end(), [&](const trigger_word& t) {
            return !t.generic && t.kind == lex::event_kind::seizure && t.at > 0 && is_word(doc, t.at - 1, "it");
        });
    }

    // "Since May the Taliban have captured Darqad, Yangi Qala and Khwaja Bahauddin": each was taken
    // on some day between the start of May and the report. The event keeps that range as its date
    // (not the report's day, which would invent one) and is background: a recap, not the news,
    // unless the span began in the last week ("since Friday").
    void bounded_by_since(const draft& d, event& e) const {
        bool territorial = e.type == event_type::district_seizure || e.type == event_type::government_recapture ||
                           e.type == event_type::withdrawal;
        if (!territorial) return;
        for (auto s : d.reporting) {
            if (!info[s].an.aggregate) continue;
            // the recap must tell a change of hands or a holder itself: "Ghormach had been under siege
            // since May" beside "the district fell on Sunday" dates the siege, not the fall
            bool tells_change = std::any_of(info[s].an.triggers.begin(), info[s].an.triggers.end(), [](const trigger_word& t) {
                return !t.generic &&
                       lex::changes_hands(t.kind);
            });
            if (!tells_change) continue;
            // the recap must name this district; "has seized 12 districts since May" after the news
            // of one fall dates no particular fall
            bool names_it = std::any_of(info[s].places.begin(), info[s].places.end(), [&](const place_hit* h) {
                return h->district() && e.district && h->district()->pcode == e.district->pcode;
            });
            if (!names_it) continue;
            auto r = reference(s);
            for (const auto& t : info[s].times) {
                if (!t.resolved || !r || !t.since || t.from > *r) continue;
                e.date = t.from;
                e.date_end = *r;
                e.date_prec = date_precision::range;
                e.date_basis = dated_by::text;
                e.date_text = std::string(doc.span(t.first - 1, t.last));
                // ("have captured Shortepa and Kaldar since Friday": days ago, the news itself)
                e.background = !t.recent_span;
                return;
            }
        }
    }

    // "Taliban-held Musa Qala", "Sangin, which has been under Taliban control since 2019": who holds
    // a district, said in passing in a sentence that reports something else. The incident's event
    // cannot carry it, so it becomes evidence of its own: a background event of type seizure (or
    // recapture) with sub_type control_state, dated by the report, placed by the territory it names.
    void held_places(article_result& out) {
        for (std::uint32_t s = 0; s < info.size(); ++s) {
            const auto& si = info[s];
            for (const auto& tr : si.an.triggers) {
                if (!tr.state || (tr.holder != lex::side::hostile && tr.holder != lex::side::security)) continue;
                const place_hit* nearest = nullptr;
                std::uint32_t best = UINT32_MAX;
                for (const auto* h : si.places) {
                    if (h->cue == place_cue::province || h->vicinity || h->aside || !h->district()) continue;
                    if (h->cue == place_cue::none && h->names_province) continue; // "in Helmand": the province
                    std::uint32_t at = doc.at(tr.at).begin;
                    std::uint32_t distance = h->begin > at ? h->begin - at : at - h->end;
                    if (distance < best) best = distance, nearest = h;
                }
                if (!nearest) continue;
                std::vector<const place_hit*> places{nearest};
                for (const auto* h : si.places)
                    if (h != nearest && h->province() && !h->vicinity && !h->aside) places.push_back(h);
                auto reading = read_places(places, gaz, {});
                if (!reading.district) continue;
                bool hostile = tr.holder == lex::side::hostile;
                control_side control = hostile ? control_side::taliban : control_side::government;
                // a change of hands in the place, told as news, says who holds it after; a state said
                // beside it ("captured Yamgan, the last government-held district") is the one before
                bool told = std::any_of(out.events.begin(), out.events.end(), [&](const event& e) {
                    return e.district && e.district->pcode == reading.district->pcode &&
                           (e.control == control || (e.control != control_side::none && !e.background));
                });
                if (told) continue;
                auto r = reference(s);
                if (!r) continue;
                event e;
                e.article = art.id;
                e.background = true;
                e.type = hostile ? event_type::district_seizure : event_type::government_recapture;
                e.sub_type = event_sub_type::control_state;
                e.control = control;
                e.date = e.date_end = *r;
                e.date_prec = date_precision::day;
                e.date_basis = dated_by::publication;
                place_at(e, reading);
                e.who.perpetrator = hostile ? actor_side::taliban : actor_side::afghan_forces;
                e.who.target = actor_side::unknown;
                const auto& sen = doc.sentences()[s];
                e.quote = std::string(doc.text().substr(sen.begin, sen.end - sen.begin));
                e.offsets = {sen.begin, sen.end};
                e.confidence = 0.6; // a state said in passing, dated by the report
                out.events.push_back(std::move(e));
            }
        }
    }

    // "... an assault on the city of Ghazni. By 15 August, Afghan forces had regained control of the
    // city": an incident told of "the city" or "the district" by no name of its own is at the last
    // city or district its section named before it
    const place_hit* named_before_as_the_place(const draft& d) const {
        if (d.reporting.empty()) return nullptr;
        const auto& sen = doc.sentences()[d.reporting.front()];
        bool the_place = false;
        for (std::size_t k = sen.first + 1; k < sen.last && !the_place; ++k)
            the_place = is_word(doc, k - 1, "the") && (is_word(doc, k, "city") || is_word(doc, k, "district") || is_word(doc, k, "town")) &&
                        !(doc.at(k).shape & possessive) && !(k + 1 < sen.last && (doc.at(k + 1).shape & capitalized)) &&
                        !(k + 1 < sen.last && is_word(doc, k + 1, "of"));
        if (!the_place) return nullptr;
        const place_hit* last = nullptr;
        for (const auto& h : hits) {
            if (h.begin >= sen.begin) break;
            if (doc.sentences()[h.sentence].section != sen.section || h.aside || h.vicinity) continue;
            // (or a district named alone: "attacked Sangin on Monday ... captured the district centre")
            if (h.cue == place_cue::city || h.cue == place_cue::district || (h.cue == place_cue::none && h.district() && !h.province()))
                last = &h;
        }
        return last;
    }

    // The province `pcode`, named bare in the incident's lead sentence, read as its capital when the
    // sentence calls the place "the city" or "the provincial capital"
    std::optional<place_hit> capital_told_bare(const draft& d, std::string_view pcode) const {
        if (d.region || d.reporting.empty()) return std::nullopt;
        const auto s = d.reporting.front();
        if (!names_capital_unnamed(doc, doc.sentences()[s])) return std::nullopt;
        for (const auto* h : info[s].places) {
            const auto* p = h->province();
            // (not a name called a province: "in Kabul and in Khost Province, as the minister visits
            // the city")
            if (!p || p->pcode != pcode || h->aside || h->vicinity || h->cue != place_cue::none) continue;
            place_hit city = *h;
            city.cue = place_cue::city;
            city.speakers = false;
            return city;
        }
        return std::nullopt;
    }

    // "The Battle of Kunduz was fought in Kunduz Province. ... By 22 September, they had captured the
    // police headquarters": an incident placed nowhere, in a story that has named places of one
    // province only (one of them by the province's name), is in that province; told as "the city"
    // or "the provincial capital", in its capital.
    std::optional<place_hit> story_province(const draft& d) const {
        // (not a recalled one: "blaming the group for an attack on a maternity hospital two days ago"
        // happened where it happened, not where the news did)
        if (d.region || d.recalled || d.reporting.empty()) return std::nullopt;
        for (auto s : d.reporting)
            if (info[s].an.nationwide || info[s].region) return std::nullopt;
        const auto& sen = doc.sentences()[d.reporting.front()];
        const place_hit* named = nullptr;
        std::string_view province;
        for (const auto& h : hits) {
            if (h.begin >= sen.begin) break;
            if (h.sentence >= doc.sentences().size() || doc.sentences()[h.sentence].section != sen.section) continue;
            const auto p = province_of(h);
            if (p.empty()) continue;
            if (!province.empty() && p != province) return std::nullopt;
            province = p;
            if (!named && h.province() && h.cue != place_cue::city) named = &h;
        }
        if (!named) return std::nullopt;
        // (nor one told as elsewhere: "Air strikes kill dozens elsewhere", "in separate incidents")
        for (auto s : d.reporting)
            if (opens_another(s)) return std::nullopt;
        place_hit story = *named;
        story.cue = names_capital_unnamed(doc, sen) ? place_cue::city : place_cue::province;
        story.aside = story.vicinity = story.speakers = false;
        return story;
    }

    // "GHAZNI, Afghanistan (AP) - Gunmen killed two policemen on Sunday": an incident the story
    // places nowhere, nor in a part of the country or across it, is where its dateline files from
    const place_hit* dateline_of(const draft& d) const {
        if (dateline_hits.empty() || d.region || d.reporting.empty()) return nullptr;
        for (auto s : d.reporting)
            if (info[s].an.nationwide || info[s].region) return nullptr;
        const auto& sen = doc.sentences()[d.reporting.front()];
        const place_hit* filed_from = nullptr; // the last dateline before the story, in its section
        for (const auto& h : dateline_hits) {
            if (h.begin >= sen.begin) break;
            auto after = std::upper_bound(doc.sentences().begin(), doc.sentences().end(), h.begin,
                                          [](std::uint32_t b, const sentence& s) { return b < s.begin; });
            filed_from = after != doc.sentences().end() && after->section == sen.section ? &h : nullptr;
        }
        return filed_from;
    }

    static void place_at(event& e, place_reading& reading) {
        e.district = reading.district;
        e.province = reading.province;
        e.geo_prec = reading.precision;
        e.lon = reading.lon;
        e.lat = reading.lat;
        e.places = std::move(reading.used);
    }

    bool captured_people(std::uint32_t s, std::uint32_t at) const {
        for (const auto& m : info[s].an.casualties) {
            if (m.field != lex::field::captured || m.negated) continue;
            for (auto p : m.phrases) {
                const auto& ph = info[s].an.phrases[p];
                if (at >= ph.first && at < ph.last) return true;
            }
        }
        return false;
    }

    // What the incident's trigger words say happened, and what they say of who holds a place.
    struct incident_kinds {
        bool seizure = false, recapture = false, withdrawal = false, air = false, bomb = false, suicide = false,
             crash = false, raid = false, clash = false, ambush = false, arson = false, sabotage = false;
        bool territory_told = false, only_states = true; // "is now in Taliban hands" tells who holds, not a change
        bool change_denied = false;                      // "officials denied the Taliban's claim to have taken it"
        bool handover = false, positions = false;
        lex::side named_holder = lex::side::none;        // "fell to the Taliban", "came under Taliban control"
    };

    // Who did it, and the words that name them.
    struct named_agent {
        lex::side side = lex::side::none;
        std::string text;
        bool by_name = false; // the group is named ("the Taliban", "Islamic State"), not only armed men ("gunmen")
        bool left = false;    // named as the subject of a withdrawal ("after security forces retreated")
    };

    static bool government_side(lex::side s) { return s == lex::side::security || s == lex::side::coalition; }
    static lex::side opponent_of(lex::side s) {
        return government_side(s) ? lex::side::hostile : lex::insurgent(s) ? lex::side::security : lex::side::none;
    }

    void type_and_actors(const draft& d, event& e, const tally_result& t) {
        incident_kinds kinds = read_kinds(d);
        bool detentions = e.captured.has_value();
        named_agent agent = agent_of(d);
        // "the district fell after security forces retreated", "was retaken after the Taliban fled":
        // who left it lost it, to the other side
        if (agent.left && (kinds.seizure || kinds.recapture)) {
            named_agent taker;
            taker.side = opponent_of(agent.side);
            agent = std::move(taker);
        }
        settle_holder(kinds, agent.side);
        if (kinds.change_denied) {
            // (who was told to have taken it fought for it)
            const lex::side taker = kinds.seizure ? lex::side::hostile : kinds.recapture ? lex::side::security : lex::side::none;
            if (contested(kinds) && agent.side == lex::side::none) agent.side = taker;
        }
        e.type = type_of(d, e, kinds, agent.side, detentions);
        set_sub_type(e, kinds, detentions);
        if (!agent.by_name)
            if (auto claimed = responsibility_claimed(d)) agent = std::move(*claimed);
        name_sides(e, agent, t);
        name_targeted_forces(d, e);
    }

    // specific: some sentence has an incident word of its own, neither generic nor a state
    bool specific_trigger(const draft& d) const {
        bool specific = false;
        for (auto s : d.reporting)
            for (const auto& tr : info[s].an.triggers) specific = specific || (!tr.generic && !tr.state);
        return specific;
    }

    // "conducted airstrikes on Taliban hideouts, killing 14": with no incident word of its own, the
    // event is typed by the plural one its figures come from, in the sentence that gives them
    bool plural_cause(const draft& d, bool specific, std::uint32_t s, const trigger_word& tr) const {
        if (specific || !tr.generic || tr.verb || !d.mentions.count(s) || info[s].an.aggregate || info[s].an.descriptive)
            return false;
        // the dead or wounded come from it: not arrests over bombings foiled
        bool harmed = std::any_of(info[s].an.casualties.begin(), info[s].an.casualties.end(), [](const casualty_mention& m) {
            return (m.field == lex::field::killed || m.field == lex::field::wounded) && !m.intent && !m.negated;
        });
        // "a bomber who strikes": a verb, not air strikes
        bool strikes = is_word(doc, tr.at, "strikes") && !(is_word(doc, tr.at - 1, "air") || is_word(doc, tr.at - 1, "drone"));
        if (!harmed || strikes) return false;
        const auto& spans = info[s].an.recalled_spans;
        return std::none_of(spans.begin(), spans.end(), [&](const auto& sp) { return tr.at >= sp.first && tr.at < sp.second; }) &&
               (tr.kind == lex::event_kind::airstrike || tr.kind == lex::event_kind::bombing);
    }

    bool types_the_incident(const draft& d, std::uint32_t s, const trigger_word& tr, bool happened, bool specific) const {
        // an older incident named in passing is typed by its own noun ("the bombing last
        // month that killed 22"), which the sentence's news is not
        const auto& spans = info[s].an.recalled_spans;
        bool own_noun = d.recalled && std::any_of(spans.begin(), spans.end(), [&](const auto& sp) {
            return tr.at >= sp.first && tr.at < sp.second;
        });
        const bool earlier = d.earlier_clause.second != 0;
        const bool in_clause = tr.at > d.earlier_clause.first && tr.at < d.earlier_clause.second;
        if (earlier && !in_clause) return false;
        if ((tr.generic && !own_noun && !plural_cause(d, specific, s, tr) && !in_clause) || (tr.state && happened)) return false;
        // "arrested two suicide bombers": the people caught, not a bombing
        return !captured_people(s, tr.at);
    }

    incident_kinds read_kinds(const draft& d) const {
        // who holds a place ("in Taliban hands") types the event only when nothing else happened
        bool happened = false;
        for (auto s : d.reporting) {
            for (const auto& tr : info[s].an.triggers) happened = happened || (!tr.generic && !tr.state);
            // "detained three suspects ... in the Taliban-controlled areas": a detention
            for (const auto& m : info[s].an.casualties) happened = happened || !m.intent;
        }
        const bool specific = specific_trigger(d);
        incident_kinds kinds;
        bool lead = true;
        for (auto s : d.reporting) {
            const auto& sen = doc.sentences()[s];
            for (const auto& tr : info[s].an.triggers)
                if (types_the_incident(d, s, tr, happened, specific) && (!d.only_province || of_the_province(s, tr, d.province)) &&
                    (!d.only_gain || !gain_by(tr) || gain_by(tr) == d.only_gain) && within_clause(d, sen, tr.at))
                    note_kind(kinds, s, tr, lead, d.district);
            lead = false;
        }
        return kinds;
    }

    // "A suicide bomber kills 20 in Kabul, while a roadside bomb kills five in Kandahar": in one
    // province's incident of a roundup, an incident word types it when the first place named after
    // it lies in that province (or none is)
    // (one told of several places, "Suicide bombers attacked Kabul and Kandahar", types each)
    bool of_the_province(std::uint32_t s, const trigger_word& tr, std::string_view province) const {
        auto place_after = [&](const trigger_word& t) {
            const place_hit* next = nullptr;
            for (const auto* h : info[s].places)
                if (h->begin > doc.at(t.at).begin && (!next || h->begin < next->begin)) next = h;
            return next;
        };
        const auto& triggers = info[s].an.triggers;
        const bool own = std::any_of(triggers.begin(), triggers.end(), [&](const trigger_word& t) {
            const auto* h = place_after(t);
            return h && province_of(*h) == province;
        });
        const auto* next = place_after(tr);
        return !own || !next || province_of(*next) == province;
    }

    void note_kind(incident_kinds& k, std::uint32_t s, const trigger_word& tr, bool lead, std::string_view district) const {
        if (lex::changes_hands(tr.kind)) {
            k.change_denied = k.change_denied || denied_change(s, tr.at, district);
            k.territory_told = true;
            k.only_states = k.only_states && tr.state;
            k.handover = k.handover || tr.handover;
            k.positions = k.positions || tr.positions;
            if (k.named_holder == lex::side::none) k.named_holder = tr.holder;
        }
        switch (tr.kind) {
        case lex::event_kind::seizure: k.seizure = true; break;
        case lex::event_kind::recapture: k.recapture = true; break;
        case lex::event_kind::withdrawal: k.withdrawal = true; break;
        // ("an Afghan Air Force strike")
        case lex::event_kind::airstrike: k.air = k.air || !is_word(doc, tr.at, "strike") || is_word(doc, tr.at - 1, "air") ||
                                                is_word(doc, tr.at - 1, "precision") || is_word(doc, tr.at - 1, "drone") ||
                                                (is_word(doc, tr.at - 1, "force") && is_word(doc, tr.at - 2, "air")); break;
        case lex::event_kind::bombing:
            // "the Afghan Air Force bombs Taliban positions", "bombed by jets": from the air
            if (dropped_from_the_air(s, tr.at)) k.air = true;
            else k.bomb = true;
            break;
        case lex::event_kind::suicide: k.bomb = k.suicide = true; break;
        case lex::event_kind::crash: k.crash = true; break;
        case lex::event_kind::arson: k.arson = true; break;
        case lex::event_kind::sabotage: k.sabotage = true; break;
        case lex::event_kind::operation:
        case lex::event_kind::raid:
            // "an air raid", "drone raids": strikes from the air, not a search on the ground
            if (tr.kind == lex::event_kind::raid &&
                (is_word(doc, tr.at - 1, "air") || is_word(doc, tr.at - 1, "aerial") || is_word(doc, tr.at - 1, "drone")))
                k.air = true;
            else if (lead) k.raid = true;
            break;
        case lex::event_kind::ambush: k.ambush = true; [[fallthrough]];
        case lex::event_kind::attack:
        case lex::event_kind::clash:
        case lex::event_kind::shelling: if (lead) k.clash = true; break;
        case lex::event_kind::none: break;
        }
    }

    // "an aid worker was kidnapped": taken by someone outside the law, whoever is not named
    bool abducted(const draft& d) const {
        static const std::uint16_t kidnap = lex::lemma_id("kidnap"), abduct = lex::lemma_id("abduct");
        bool abducted = false;
        for (const auto& [s, of_sentence] : d.mentions)
            for (auto mi : of_sentence) {
                const auto& m = info[s].an.casualties[mi];
                if (m.field != lex::field::captured) continue;
                if (doc.lemma_is(m.predicate, kidnap) || doc.lemma_is(m.predicate, abduct)) abducted = true;
                // "took 12 passengers hostage", "held them captive"
                for (std::size_t k = m.predicate + 1; k < m.predicate + 8 && k < doc.size() && !abducted; ++k) {
                    if (doc.at(k).kind == token_kind::punct) break;
                    abducted = is_word(doc, k, "hostage") || is_word(doc, k, "hostages") || is_word(doc, k, "captive");
                }
            }
        return abducted;
    }

    bool party(std::size_t k) const {
        const token& w = doc.at(k);
        return w.has(lex::side_word | lex::person) && w.side != lex::side::none && w.side != lex::side::civilian &&
               !w.has(lex::determiner);
    }

    // "... ISIL claims responsibility", "The Taliban claimed responsibility for the attack": the
    // side that claims the incident did it, where the telling names no one, or only armed men
    // ("gunmen", "militants"); "No group claimed responsibility" names no one
    std::optional<named_agent> responsibility_claimed(const draft& d) const {
        static const std::uint16_t claim = lex::lemma_id("claim");
        for (auto s : d.sentences) {
            const auto& sen = doc.sentences()[s];
            for (std::size_t k = sen.first + 1; k + 1 < sen.last; ++k) {
                if (doc.at(k).lemma != claim || !is_word(doc, k + 1, "responsibility")) continue;
                for (std::size_t b = k; b > sen.first && b + 8 > k; --b) {
                    const token& w = doc.at(b - 1);
                    if (w.kind == token_kind::punct || w.has(lex::negation) || is_word(doc, b - 1, "no")) break;
                    if (party(b - 1) && lex::insurgent(w.side)) {
                        named_agent claimant;
                        name_party(claimant, b - 1, b, w.side);
                        claimant.by_name = true;
                        return claimant;
                    }
                }
            }
        }
        return std::nullopt;
    }

    void name_party(named_agent& agent, std::size_t b, std::size_t f, lex::side s) const {
        agent.side = s;
        agent.text = std::string(doc.span(b, f));
        agent.by_name = s != lex::side::hostile;
        for (std::size_t q = b; q < f && !agent.by_name; ++q) agent.by_name = is_word(doc, q, "taliban") || is_word(doc, q, "haqqani");
        if (agent.side == lex::side::coalition)
            for (std::size_t q = b; q < f; ++q)
                if (is_word(doc, q, "afghan") || is_word(doc, q, "afghan-led")) agent.side = lex::side::security;
    }

    // who did it: "by the Taliban", "Taliban attack", "Afghan and coalition forces killed"
    named_agent agent_of(const draft& d) const {
        named_agent agent;
        // "retook Kunduz, a day after Taliban fighters overran Ghazni": the clause's own subject, else
        // the sentence's ("attacked Herat, a day after capturing Ghazni")
        for (auto k = d.earlier_clause.first + 1; k < d.earlier_clause.second; ++k)
            if (party(k)) {
                name_party(agent, k, k + 1, doc.at(k).side);
                break;
            }
        std::vector<std::uint32_t> told = d.titles;
        told.insert(told.end(), d.reporting.begin(), d.reporting.end());
        for (auto s : told) {
            const auto& sen = doc.sentences()[s];
            const std::size_t from = d.clause_from > sen.first && d.clause_from < sen.last ? d.clause_from : sen.first;
            const std::size_t to = d.clause_to > sen.first && d.clause_to <= sen.last ? d.clause_to : sen.last;
            for (std::size_t k = from; k < to && agent.side == lex::side::none; ++k) read_agent_at(d, s, k, agent);
            if (agent.side != lex::side::none) break;
        }
        return agent;
    }

    void read_agent_at(const draft& d, std::uint32_t s, std::size_t k, named_agent& agent) const {
        const auto& sen = doc.sentences()[s];
        const auto& recalled_spans = info[s].an.recalled_spans;
        const auto& triggers = info[s].an.triggers;
        const token& w = doc.at(k);
        // (a change of hands read from a verb the lexicon does not mark, "took over")
        // (and people taken by a verb of taking: "Taliban militants took 12 passengers hostage")
        static const std::uint16_t take = lex::lemma_id("take"), seize = lex::lemma_id("seize");
        bool trigger_verb = std::any_of(triggers.begin(), triggers.end(), [&](const trigger_word& tr) {
                                return tr.at == k && tr.verb && !tr.generic;
                            }) ||
                            ((w.lemma == take || w.lemma == seize) &&
                             std::any_of(info[s].an.casualties.begin(), info[s].an.casualties.end(), [&](const casualty_mention& m) {
                                 return m.predicate == k && m.field == lex::field::captured && !m.recalled;
                             }));
        // only an incident word, a predicate or such a verb can tell who did it: most words
        // are none, and the tests below are spared them
        if (!w.has(lex::trigger | lex::predicate) && !trigger_verb) return;
        // "recaptured the district, a day after it was overrun by Taliban fighters": who did
        // the earlier deed did not do this one
        if (!d.recalled && std::any_of(recalled_spans.begin(), recalled_spans.end(),
                                       [&](const auto& sp) { return k >= sp.first && k < sp.second; }))
            return;
        bool incident_noun = w.has(lex::trigger) && !w.has(lex::verb);
        auto be_before = [&](std::size_t q) {
            while (q > sen.first && doc.at(q - 1).has(lex::adverb)) --q;
            return q > sen.first && (is_word(doc, q - 1, "was") || is_word(doc, q - 1, "were") || is_word(doc, q - 1, "been") ||
                                     is_word(doc, q - 1, "be") || is_word(doc, q - 1, "is") || is_word(doc, q - 1, "are"));
        };
        // ("are attacking": "be" before a verb's -ing form is the progressive, no passive)
        auto progressive = [&] { return w.inflection == morph::inflection::gerund || doc.stem(k).ends_with("ing"); };
        bool active_verb = (w.has(lex::trigger) && w.has(lex::verb)) || (trigger_verb && (!be_before(k) || progressive())) ||
                           (w.has(lex::predicate) && (w.form == lex::form::participle || w.form == lex::form::gerund) &&
                            k > sen.first && !be_before(k)) ||
                           // "Gunmen abduct five aid workers": the present tense of a headline
                           (w.has(lex::predicate) && w.form == lex::form::base && k > sen.first && !is_word(doc, k - 1, "to") &&
                            !doc.at(k - 1).has(lex::aux));
        // "soldiers surrendered to the Taliban": the side given up to took them
        static const std::uint16_t surrender = lex::lemma_id("surrender");
        if (w.lemma == surrender && k + 2 < sen.last && is_word(doc, k + 1, "to")) {
            std::size_t a = is_word(doc, k + 2, "the") ? k + 3 : k + 2;
            if (a < sen.last && party(a)) {
                name_party(agent, a, a + 1, doc.at(a).side);
                return;
            }
        }
        // "by the Taliban", "an attack by the Taliban"
        if ((w.has(lex::trigger) || w.has(lex::predicate)) && k + 2 < sen.last && is_word(doc, k + 1, "by")) {
            std::size_t a = is_word(doc, k + 2, "the") ? k + 3 : k + 2;
            if (a < sen.last && party(a)) {
                name_party(agent, a, a + 1, doc.at(a).side);
                return;
            }
        }
        if (incident_noun) {
            name_agent_of_noun(sen, k, agent);
            if (agent.side != lex::side::none) return;
        }
        // ("Afghan police officers killed in Kandahar": a headline's passive, whose subject is its dead)
        const auto& an = info[s].an;
        const bool victims_before = w.has(lex::predicate) && std::any_of(an.casualties.begin(), an.casualties.end(), [&](const casualty_mention& m) {
                                        return m.predicate == k && std::any_of(m.phrases.begin(), m.phrases.end(), [&](std::uint32_t p) {
                                                   return an.phrases[p].last <= k;
                                               });
                                    });
        if (active_verb && !victims_before && !is_word(doc, k, "engaged")) {
            name_subject(sen, k, agent);
            agent.left = lex::gives_up(lex::lemma_name(w.lemma));
        }
    }

    // "Taliban attack", "Taliban's campaign", "Taliban launched their biggest assault"
    void name_agent_of_noun(const sentence& sen, std::size_t k, named_agent& agent) const {
        if (k > sen.first && party(k - 1) && !doc.at(k - 1).has(lex::plural | lex::person)) {
            name_party(agent, k - 1, k, doc.at(k - 1).side);
            return;
        }
        if (k > sen.first && is_word(doc, k - 1, "taliban")) {
            name_party(agent, k - 1, k, lex::side::hostile);
            return;
        }
        // whoever launched it (a few words back)
        static const std::uint16_t launch = lex::lemma_id("launch");
        for (std::size_t v = k; v-- > sen.first && v + 6 > k;) {
            if (!doc.lemma_is(v, launch)) continue;
            std::size_t subject = v;
            while (subject > sen.first && doc.at(subject - 1).has(lex::adverb | lex::aux)) --subject;
            if (subject > sen.first && party(subject - 1)) name_party(agent, subject - 1, subject, doc.at(subject - 1).side);
            break;
        }
    }

    // the subject of an active verb at k: the words right before the verb (skipping "also")
    void name_subject(const sentence& sen, std::size_t k, named_agent& agent) const {
        std::size_t e2 = k;
        // "gunmen open fire": the subject of the verb the fire is opened by
        if (e2 > sen.first && is_word(doc, e2, "fire") &&
            (is_word(doc, e2 - 1, "open") || is_word(doc, e2 - 1, "opened") || is_word(doc, e2 - 1, "opens")))
            --e2;
        while (e2 > sen.first && doc.at(e2 - 1).has(lex::adverb | lex::aux)) --e2;
        // "killed ... and captured": the first verb's subject, read there; "stopped a minibus and
        // seized six men": where the first verb is no incident's, read here
        if (e2 > sen.first && is_word(doc, e2 - 1, "and")) {
            for (std::size_t v = e2 - 1; v > sen.first && v + 10 > e2; --v) {
                const token& t = doc.at(v - 1);
                if (t.kind == token_kind::punct) break;
                if (t.has(lex::trigger | lex::predicate)) break;
                const bool past = t.lemma ? t.inflection == morph::inflection::past
                                          : t.flags == 0 && !(t.shape & capitalized) && doc.stem(v - 1).ends_with("ed");
                if (past && !t.has(lex::person | lex::side_word)) {
                    name_subject(sen, v - 1, agent);
                    break;
                }
            }
            return;
        }
        // "A gunman, reportedly wearing a police uniform, killed": the subject before an
        // aside that opens with an adverb, a gerund or "who" (not "including", a list)
        if (e2 > sen.first && doc.at(e2 - 1).is_punct(',')) {
            for (std::size_t c = e2 - 1; c > sen.first && c + 12 > e2; --c) {
                if (doc.at(c - 1).is_punct(',')) {
                    const token& opens = doc.at(c);
                    if (opens.has(lex::adverb | lex::relative) || opens.inflection == morph::inflection::gerund) e2 = c - 1;
                    break;
                }
                if (doc.at(c - 1).kind == token_kind::punct) break;
            }
        }
        std::size_t b = e2;
        // (past a plural of no side right before the verb to its modifiers: "the pro-government
        // militias captured")
        if (b > sen.first + 1 && doc.at(b - 1).has(lex::person) && doc.at(b - 1).has(lex::plural) && !doc.at(b - 1).has(lex::role) &&
            doc.at(b - 1).side == lex::side::none && party(b - 2) && !doc.at(b - 2).has(lex::person))
            --b;
        // ("gunmen dressed in army uniforms attacked": the side whose uniform they wore is a
        // disguise; who wore it is the subject)
        if (b > sen.first + 2 && (is_word(doc, b - 1, "uniforms") || is_word(doc, b - 1, "uniform")))
            for (std::size_t w = b - 1; w > sen.first && w + 6 > b; --w)
                if (is_word(doc, w - 1, "wearing") || is_word(doc, w - 1, "dressed") || is_word(doc, w - 1, "disguised")) {
                    b = e2 = w - 1;
                    break;
                }
        while (b > sen.first && b + 8 > e2 && doc.at(b - 1).kind == token_kind::word &&
               (party(b - 1) || is_word(doc, b - 1, "and") || doc.at(b - 1).flags == 0 || is_word(doc, b - 1, "combined")))
            --b;
        for (std::size_t q = e2; q > b; --q)
            if (party(q - 1)) {
                name_party(agent, b, e2, doc.at(q - 1).side);
                break;
            }
        // "Islamic State fighters": the group named says more than "fighters"; "Taliban
        // forces": the insurgents named say more than "forces"
        for (std::size_t q = b; q < e2 && agent.side == lex::side::hostile; ++q)
            if (doc.at(q).side == lex::side::isk) agent.side = lex::side::isk;
        // "NRF fighters", "anti-Taliban fighters": the Taliban's enemies named say more than "fighters"
        for (std::size_t q = b; q < e2 && agent.side == lex::side::hostile; ++q)
            if (is_word(doc, q, "nrf") || is_word(doc, q, "anti-taliban") || is_word(doc, q, "pro-government") || is_word(doc, q, "uprising"))
                agent.side = lex::side::security;
        for (std::size_t q = b; q < e2 && agent.side == lex::side::security; ++q)
            if (is_word(doc, q, "taliban") || doc.at(q).side == lex::side::isk)
                agent.side = doc.at(q).side == lex::side::isk ? lex::side::isk : lex::side::hostile;
        // "the Taliban said they captured": the pronoun stands for the side named before it
        if (agent.side == lex::side::none && e2 > sen.first && is_word(doc, e2 - 1, "they"))
            for (std::size_t q = e2 - 1; q > sen.first; --q)
                if (party(q - 1)) {
                    name_party(agent, q - 1, q, doc.at(q - 1).side);
                    break;
                }
    }

    // A change of hands one side tells and the other denies is fighting over the place, which
    // nobody is known to hold after.
    static bool contested(incident_kinds& k) {
        if (!(k.seizure || k.recapture || k.withdrawal)) return false;
        k.seizure = k.recapture = k.withdrawal = false;
        k.territory_told = k.handover = k.positions = false;
        k.clash = true;
        return true;
    }

    // A form of "deny", "reject", "dismiss" or "refute" in sentence s, tokens [from, before), not
    // itself denied ("did not deny").
    bool denial_in(std::uint32_t s, std::size_t from, std::size_t before) const { return denial_at(s, from, before).has_value(); }
    std::optional<std::size_t> denial_at(std::uint32_t s, std::size_t from, std::size_t before) const {
        static const std::uint16_t deny = lex::lemma_id("deny"), reject = lex::lemma_id("reject"), dismiss = lex::lemma_id("dismiss"),
                                   refute = lex::lemma_id("refute");
        const auto& sen = doc.sentences()[s];
        for (std::size_t k = std::max<std::size_t>(from, sen.first); k < std::min<std::size_t>(before, sen.last); ++k) {
            const auto lemma = doc.at(k).lemma;
            if (!lemma || !(lemma == deny || lemma == reject || lemma == dismiss || lemma == refute)) continue;
            if (k > sen.first && (is_word(doc, k - 1, "not") || is_word(doc, k - 1, "never"))) continue;
            return k;
        }
        return std::nullopt;
    }

    // "... but officials said fighting was still going on", "the district remained in government
    // hands", "security forces still hold the centre": in tokens [from, before) of sentence s, the
    // place is held or fought over still, which answers a claim that it was taken
    std::optional<std::size_t> held_out_at(std::uint32_t s, std::size_t from, std::size_t before) const {
        static const std::uint16_t remain = lex::lemma_id("remain"), hold = lex::lemma_id("hold"), go_on = lex::lemma_id("continue"),
                                   persist = lex::lemma_id("persist");
        const auto& sen = doc.sentences()[s];
        const std::size_t first = std::max<std::size_t>(from, sen.first), end = std::min<std::size_t>(before, sen.last);
        auto fight_before = [&](std::size_t k) {
            for (std::size_t j = k; j > first && j + 4 > k; --j)
                if (is_word(doc, j - 1, "fighting") || is_word(doc, j - 1, "clashes") || is_word(doc, j - 1, "battle") ||
                    is_word(doc, j - 1, "fight") || is_word(doc, j - 1, "resistance"))
                    return true;
            return false;
        };
        for (std::size_t k = first; k < end; ++k) {
            // "fighting was ongoing", "clashes continue", "the battle is still under way"
            if ((is_word(doc, k, "ongoing") || doc.lemma_is(k, go_on) || doc.lemma_is(k, persist) || is_word(doc, k, "raging") ||
                 (is_word(doc, k, "under") && is_word(doc, k + 1, "way")) || (is_word(doc, k, "going") && is_word(doc, k + 1, "on"))) &&
                fight_before(k))
                return k;
            // "remained in government hands", "is still under the control of security forces",
            // "Afghan forces still hold the district centre"
            const bool staying = doc.lemma_is(k, remain) || is_word(doc, k, "still");
            if (!staying) continue;
            for (std::size_t j = k + 1; j < end && j < k + 6; ++j)
                if (government_side(doc.at(j).side) || doc.lemma_is(j, hold)) return k;
        }
        return std::nullopt;
    }

    // The insurgents' telling of a change of hands answered in tokens [from, before) of sentence s:
    // denied, or the place told still held or fought over; where the answer is.
    std::optional<std::size_t> answer_at(std::uint32_t s, std::size_t from, std::size_t before) const {
        if (auto k = denial_at(s, from, before)) return k;
        return held_out_at(s, from, before);
    }

    // Whether the clause of sentence s around token `at` names districts, none of them `district`:
    // "officials confirmed the fall of Arghandab but said fighting continues in Shah Joy" answers
    // the claim on Shah Joy alone.
    bool answers_other_districts(std::uint32_t s, std::size_t at, std::string_view district) const {
        if (district.empty()) return false;
        const auto& sen = doc.sentences()[s];
        auto boundary = [&](std::size_t k) {
            return doc.at(k).is_punct(',') || doc.at(k).is_punct(';') || is_word(doc, k, "but") || is_word(doc, k, "while");
        };
        std::size_t from = at, to = at;
        while (from > sen.first && !boundary(from - 1)) --from;
        while (to < sen.last && !boundary(to)) ++to;
        bool others = false;
        for (const auto* h : info[s].places) {
            if (h->first_token < from || h->first_token >= to) continue;
            const auto* d = h->district();
            if (!d) continue;
            if (d->pcode == district) return false;
            others = true;
        }
        return others;
    }

    // Whether the change of hands at token `at` of sentence s is the insurgents' word: the sentence's
    // source is theirs, or their claim, statement or report leads to it ("a Taliban statement that
    // Arghandab had been overrun").
    bool told_by_insurgents(std::uint32_t s, std::size_t at) const {
        if (info[s].source && info[s].source->kind == attribution_kind::taliban) return true;
        const auto& sen = doc.sentences()[s];
        for (std::size_t k = at; k > sen.first + 1 && k + 10 > at; --k) {
            if (!(is_word(doc, k - 1, "claim") || is_word(doc, k - 1, "claims") || is_word(doc, k - 1, "statement") ||
                  is_word(doc, k - 1, "report") || is_word(doc, k - 1, "reports")))
                continue;
            for (std::size_t q = k - 1; q > sen.first && q + 4 > k; --q)
                if (lex::insurgent(doc.at(q - 1).side)) return true;
        }
        return false;
    }

    // "The Taliban claimed to have captured Chahar Dara, but officials denied it", "officials denied
    // reports that the district had fallen", "The Taliban said they took Nawa. The governor's office
    // rejected the claim."
    // (a denial after the change answers the insurgents' telling only when it follows their words
    // too: "retook Nerkh and rejected Taliban claims that civilians were killed" denies another thing)
    // (an answer about other districts than the incident's answers nothing of it)
    bool denied_change(std::uint32_t s, std::size_t at, std::string_view district) const {
        const auto& sen = doc.sentences()[s];
        if (denial_in(s, sen.first, at)) return true;
        if (!told_by_insurgents(s, at)) return false;
        const std::size_t told = info[s].source ? std::max<std::size_t>(at, info[s].source->last) : at;
        if (auto k = answer_at(s, told, sen.last)) return !answers_other_districts(s, *k, district);
        const auto& sentences = doc.sentences();
        if (s + 1 >= sentences.size() || sentences[s + 1].section != sen.section) return false;
        auto k = answer_at(s + 1, sentences[s + 1].first, sentences[s + 1].last);
        return k && !answers_other_districts(s + 1, *k, district);
    }

    // who took or left it settles who holds it: "Afghan forces captured the district" is the
    // government's, "the Taliban retook it" the Taliban's
    static void settle_holder(incident_kinds& k, lex::side agent) {
        // (a clause that names who holds it after, "fell to the Taliban", "came under government
        // control", says so itself, whoever else acts in the sentence)
        bool states_only = k.territory_told && k.only_states;
        if (k.named_holder == lex::side::hostile && (k.recapture || k.withdrawal)) k.recapture = false, k.seizure = true;
        else if (k.named_holder == lex::side::security && k.seizure) k.seizure = false, k.recapture = true;
        else if (k.named_holder == lex::side::none && k.seizure && government_side(agent) && !states_only)
            k.seizure = false, k.recapture = true;
        else if (k.named_holder == lex::side::none && k.recapture && lex::insurgent(agent) && !k.seizure && !states_only)
            k.recapture = false, k.seizure = true;
    }

    event_type type_of(const draft& d, const event& e, const incident_kinds& k, lex::side agent, bool detentions) const {
        if (k.seizure) return event_type::district_seizure;
        if (k.recapture) return event_type::government_recapture;
        if (k.withdrawal) return event_type::withdrawal;
        if (k.air) return event_type::airstrike;
        if (k.bomb) return event_type::bombing;
        if (k.crash) return event_type::accident;
        if (k.clash && (lex::insurgent(agent) || k.ambush)) return event_type::armed_clash;
        if (detentions && !k.raid && (lex::insurgent(agent) || (abducted(d) && !government_side(agent))))
            return event_type::other; // an abduction, not an arrest
        // "14 rockets strike Kabul, wounding ten ... Two suspects were arrested": arrests told after
        // the harm an attack did are its sequel, not a raid
        if (k.clash && detentions && !k.raid && !government_side(agent) && detained_after_harm(d)) return event_type::armed_clash;
        if (k.raid || detentions) return event_type::raid;
        if ((k.arson || k.sabotage) && !e.killed && !e.wounded) return event_type::other;
        if (k.clash) return event_type::armed_clash;
        if (government_side(agent)) return event_type::raid;
        if (e.killed || e.wounded || harm_told(d)) return event_type::armed_clash;
        return event_type::other;
    }

    // Whether the incident's lead tells of people killed or wounded, and only later sentences of
    // people captured.
    bool detained_after_harm(const draft& d) const {
        if (d.reporting.empty()) return false;
        const std::uint32_t lead = d.reporting.front();
        bool later = false, harm = false;
        for (const auto& [s, of_sentence] : d.mentions)
            for (auto m : of_sentence) {
                const auto field = info[s].an.casualties[m].field;
                if (field == lex::field::captured && s == lead) return false;
                if (field == lex::field::captured) later = true;
                if (s == lead && (field == lex::field::killed || field == lex::field::wounded)) harm = true;
            }
        return later && harm;
    }

    static void set_sub_type(event& e, const incident_kinds& k, bool detentions) {
        if (k.ambush) e.sub_type = event_sub_type::ambush;
        else if (k.suicide) e.sub_type = event_sub_type::suicide_bombing;
        else if (e.type == event_type::raid && detentions && e.killed) e.sub_type = event_sub_type::kill_capture;
        else if (e.type == event_type::raid && detentions) e.sub_type = event_sub_type::detention;
        else if (e.type == event_type::other && detentions) e.sub_type = event_sub_type::abduction;
        else if (e.type == event_type::other && k.arson) e.sub_type = event_sub_type::arson;
        else if (e.type == event_type::other && k.sabotage) e.sub_type = event_sub_type::sabotage;
        else if (e.type == event_type::accident) e.sub_type = event_sub_type::crash;
        // "the government still holds the district centre": evidence of who holds it, not news of
        // a change, so it informs the control map without counting as a change of hands
        if (k.territory_told && k.only_states) e.sub_type = event_sub_type::control_state, e.background = true;
        if (k.handover && e.type == event_type::district_seizure) e.sub_type = event_sub_type::handover;
        if (k.positions && e.type == event_type::withdrawal) e.sub_type = event_sub_type::positions;
    }

    // who holds the place after, who did it and to whom
    static void name_sides(event& e, const named_agent& agent, const tally_result& t) {
        lex::side side = agent.side;
        if (e.type == event_type::withdrawal && lex::insurgent(side)) {
            // the Taliban left it: the government holds it
            e.who.target = actor_side::taliban;
            e.control = control_side::government;
        } else if (e.type == event_type::district_seizure && side == lex::side::isk) {
            // Islamic State fighters took it, from whomever: no change between the Taliban and the
            // government, so no side of the control map
            e.who.target = actor_side::unknown;
        } else if (e.type == event_type::district_seizure || e.type == event_type::withdrawal) {
            if (side == lex::side::none || side == lex::side::security) side = lex::side::hostile;
            e.who.target = actor_side::afghan_forces;
            e.control = control_side::taliban;
        } else if (e.type == event_type::government_recapture) {
            e.control = control_side::government;
            if (side == lex::side::none) side = lex::side::security;
            e.who.target = actor_side::taliban;
        }
        if (e.type == event_type::raid && side == lex::side::none) side = lex::side::security;
        e.who.perpetrator = actor_side_of(side);
        e.who.perpetrator_detail = agent.text;
        if (e.who.target == actor_side::unstated) {
            lex::side victims = t.victims != lex::side::none ? t.victims : t.captives;
            if (victims == lex::side::none && e.type == event_type::raid) victims = lex::side::hostile;
            if (victims == lex::side::none && side == lex::side::hostile) victims = lex::side::security;
            e.who.target = actor_side_of(victims);
        }
    }

    // which forces: police, army, NDS, local police
    void name_targeted_forces(const draft& d, event& e) const {
        for (auto s : d.reporting) {
            if (e.who.target != actor_side::afghan_forces) break;
            const auto& sen = doc.sentences()[s];
            for (std::size_t k = sen.first; k < sen.last && e.who.target_detail.empty(); ++k) {
                if (!doc.at(k).has(lex::side_word | lex::person)) continue;
                if (is_word(doc, k, "nds") || (is_word(doc, k, "intelligence") && is_word(doc, k + 1, "agency"))) e.who.target_detail = "NDS";
                else if (is_word(doc, k, "local") && is_word(doc, k + 1, "police")) e.who.target_detail = "local police";
                else if (is_word(doc, k, "police") || is_word(doc, k, "policemen") || is_word(doc, k, "policeman")) e.who.target_detail = "police";
                else if (is_word(doc, k, "army") || is_word(doc, k, "soldiers") || is_word(doc, k, "ana")) e.who.target_detail = "army";
            }
        }
        if (e.who.target != actor_side::afghan_forces) e.who.target_detail.clear();
    }

    // "Officials said the forces made a tactical retreat from Qala-e-Zal", after the story dated its
    // fall: the change of hands told again, without a day of its own, is the one already dated
    void fold_retold_changes(article_result& out) const {
        auto changes_hands = [](const event& e) {
            return !e.background && e.control != control_side::none && e.district &&
                   (e.type == event_type::district_seizure || e.type == event_type::government_recapture ||
                    e.type == event_type::withdrawal);
        };
        auto retold = [&](const event& e) {
            if (!changes_hands(e) || e.date_basis != dated_by::publication || e.killed || e.wounded || e.captured) return false;
            auto day = within_iso_years(e.date);
            return day && std::any_of(out.events.begin(), out.events.end(), [&](const event& f) {
                       if (&f == &e || !changes_hands(f) || f.date_basis != dated_by::text || f.district->pcode != e.district->pcode ||
                           f.control != e.control)
                           return false;
                       auto dated = within_iso_years(f.date);
                       return dated && *dated <= *day && *day - *dated <= 2;
                   });
        };
        std::vector<bool> drop(out.events.size());
        for (std::size_t i = 0; i < out.events.size(); ++i) drop[i] = retold(out.events[i]);
        std::size_t k = 0;
        out.events.erase(std::remove_if(out.events.begin(), out.events.end(), [&](const event&) { return drop[k++]; }),
                         out.events.end());
    }

    void number_events(article_result& out) {
        // primary events first, in the order told; then the recalled ones
        std::stable_partition(out.events.begin(), out.events.end(), [](const event& e) { return !e.background; });
        for (std::size_t i = 0; i < out.events.size(); ++i) out.events[i].id = art.id + "#" + std::to_string(i + 1);
    }

    void area(article_result& out) {
        const draft* main = main_event();
        std::optional<place_ref> main_province;
        if (main && !main->province.empty())
            if (const auto* p = gaz.province_by_pcode(main->province)) main_province = place_ref{p->pcode, p->name};
        for (std::uint32_t s = 0; s < doc.sentences().size(); ++s) {
            const auto& si = info[s];
            // most sentences have no word a claim needs, and their province is not worked out
            const auto words = find_area_claim_words(doc, doc.sentences()[s]);
            if (!words.whole && !words.share) continue;
            std::optional<place_ref> province;
            const auto& sig = si.own; // the sentence's places read without context, as analyse() signed them
            if (sig.provinces.size() == 1) {
                if (const auto* p = gaz.province_by_pcode(sig.provinces[0])) province = place_ref{p->pcode, p->name};
            } else if (sig.provinces.empty()) {
                const auto& sen = doc.sentences()[s];
                for (std::size_t k = sen.first; k + 1 < sen.last; ++k)
                    if (is_word(doc, k, "the") && is_word(doc, k + 1, "province")) province = main_province;
            }
            for (auto& c : find_area_claims(doc, doc.sentences()[s], words, si.source, province)) {
                c.article = art.id;
                c.date = lay.published;
                out.area_claims.push_back(std::move(c));
            }
        }
    }
};

} // namespace

article_result extract_article(const article& a, const gazetteer::gazetteer& gaz, const extract_options& options) {
    return builder(a, gaz, options).run();
}

} // namespace naqsha::extract
