#include "extract/dates.hpp"

#include "base/calendar.hpp"

#include <algorithm>

namespace naqsha::extract {
namespace {

std::size_t digits_of(const document& doc, std::size_t i) {
    const token& t = doc.at(i);
    return t.end - t.begin;
}

bool is_year(const document& doc, std::size_t i) {
    const token& t = doc.at(i);
    return t.kind == token_kind::number && !(t.shape & (decimal | ordinal_suffix)) && digits_of(doc, i) == 4 &&
           t.value >= 1900 && t.value <= 2100;
}

bool is_day(const document& doc, std::size_t i) {
    const token& t = doc.at(i);
    return t.kind == token_kind::number && !(t.shape & decimal) && t.value >= 1 && t.value <= 31 &&
           (digits_of(doc, i) <= 2 || (t.shape & ordinal_suffix));
}

bool glued(const document& doc, std::size_t i) { return !(doc.at(i).shape & space_before); }

bool month_word(const document& doc, std::size_t i) {
    const token& t = doc.at(i);
    // "mid-July" (a hyphenated month is no verb, whatever its case)
    if (t.has(lex::month) && !(t.shape & ascii_alnum_only) && doc.stem(i).find('-') != std::string_view::npos) return true;
    if (!t.has(lex::month) || !(t.shape & capitalized)) return false;
    // "May" and "March" are also verbs: a capital letter inside a sentence still leaves "May"
    // ambiguous at a sentence start, so require a number or year to follow (checked by callers).
    return true;
}

day_number month_start(int year, int month) { return days_from_civil(year, month, 1); }
day_number month_end(int year, int month) { return days_from_civil(year, month, days_in_month(year, month)); }
day_number week_start(day_number day) { return day - weekday_of(day); }

} // namespace

std::optional<written_date> match_date(const document& doc, std::size_t i, std::size_t limit) {
    limit = std::min(limit, doc.size());
    if (i >= limit) return std::nullopt;
    const token& t = doc.at(i);
    // 2020-10-21
    if (is_year(doc, i) && i + 4 < limit && doc.at(i + 1).is_punct('-') && glued(doc, i + 1) &&
        doc.at(i + 2).kind == token_kind::number && glued(doc, i + 2) && doc.at(i + 3).is_punct('-') &&
        glued(doc, i + 3) && doc.at(i + 4).kind == token_kind::number && glued(doc, i + 4)) {
        int y = t.value, m = doc.at(i + 2).value, d = doc.at(i + 4).value;
        if (valid_date(y, m, d)) return written_date{y, m, d, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 5)};
        return std::nullopt;
    }
    // Month [.] [,] Day[,] [Year]  |  Month Year
    if (month_word(doc, i)) {
        std::size_t k = i + 1;
        if (k < limit && doc.at(k).is_punct('.') && glued(doc, k)) ++k;
        if (k < limit && doc.at(k).is_punct(',') && k + 1 < limit && is_day(doc, k + 1)) ++k;
        if (k < limit && is_day(doc, k)) {
            written_date w{0, t.value, doc.at(k).value, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(k + 1)};
            std::size_t y = k + 1;
            if (y < limit && doc.at(y).is_punct(',')) ++y;
            if (y < limit && is_year(doc, y)) {
                w.year = doc.at(y).value;
                w.last = static_cast<std::uint32_t>(y + 1);
            }
            if (w.year && !valid_date(w.year, w.month, w.day)) return std::nullopt;
            if (!w.year && w.day > days_in_month(2000, w.month)) return std::nullopt;
            return w;
        }
        if (k < limit && is_year(doc, k))
            return written_date{doc.at(k).value, t.value, 0, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(k + 1)};
        return std::nullopt;
    }
    // Day Month [Year], unless the month starts a Month Day date of its own ("Highway 1 August 31")
    if (is_day(doc, i) && i + 1 < limit && month_word(doc, i + 1) && !(i + 2 < limit && is_day(doc, i + 2))) {
        written_date w{0, doc.at(i + 1).value, t.value, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 2)};
        std::size_t y = i + 2;
        if (y < limit && doc.at(y).is_punct('.') && glued(doc, y)) ++y;
        if (y < limit && doc.at(y).is_punct(',')) ++y;
        if (y < limit && is_year(doc, y)) {
            w.year = doc.at(y).value;
            w.last = static_cast<std::uint32_t>(y + 1);
        }
        if (w.year && !valid_date(w.year, w.month, w.day)) return std::nullopt;
        return w;
    }
    return std::nullopt;
}

// The day and month nearest `anchor`, of its year or the years either side.
day_number nearest_such_day(int month, int day, day_number anchor) {
    const int year = civil_from_days(anchor).year;
    day_number best = days_from_civil(year, month, std::min(day, days_in_month(year, month)));
    for (int y : {year - 1, year + 1}) {
        const day_number d = days_from_civil(y, month, std::min(day, days_in_month(y, month)));
        if (std::abs(d - anchor) < std::abs(best - anchor)) best = d;
    }
    return best;
}

day_number complete_year(int month, int day, day_number reference) {
    int year = civil_from_days(reference).year;
    auto at = [&](int y) { return days_from_civil(y, month, std::min(day, days_in_month(y, month))); };
    day_number d = at(year);
    if (d > reference + 2) d = at(year - 1);
    return d;
}

std::size_t after_topic_label(const document& doc, std::size_t first, std::size_t last) {
    const std::size_t end = std::min(last, first + 10);
    if (first >= end) return first;
    // A label ends at a colon, which most sentences' first words lack: one search of their bytes
    // spares the word-by-word reading below (asked of every sentence, twice).
    const std::string_view opening =
        doc.text().substr(doc.at(first).begin, doc.at(end - 1).end - doc.at(first).begin);
    if (opening.find(':') == std::string_view::npos) return first;
    std::size_t words = 0;
    for (std::size_t k = first; k < end; ++k) {
        const token& t = doc.at(k);
        if (t.is_punct(':'))
            return words >= 2 && k + 1 < last && doc.at(k + 1).kind == token_kind::word && (doc.at(k + 1).shape & capitalized) ? k + 1
                                                                                                                            : first;
        if (t.kind == token_kind::word) {
            ++words;
            if (t.has(lex::month | lex::weekday | lex::aux | lex::time_word)) return first;
            if (t.has(lex::verb) && (t.inflection == morph::inflection::past || t.inflection == morph::inflection::third_person))
                return first;
        }
    }
    return first;
}

namespace {

// "for a fifth day", "for the third straight day", "entered its fourth day": fighting told as running
// N days up to the day the sentence names, a range coded by its first day (news codebook). The token
// span of the phrase and N, or N = 0 for none.
struct running_days {
    std::uint32_t first = 0, last = 0;
    int count = 0;
};
// "has continued for three days", "have been fighting for four days": a count of days in the
// present perfect runs up to the reference day the same way.
bool perfect_before(const document& doc, std::size_t first, std::size_t k) {
    for (std::size_t q = k; q > first; --q) {
        if (doc.at(q - 1).kind == token_kind::punct) return false;
        if (doc.is(q - 1, "has") || doc.is(q - 1, "have")) return true;
    }
    return false;
}

running_days days_running(const document& doc, std::size_t first, std::size_t last) {
    // read from the ordinal, which few tokens are, back to "its"/"their" or "for a"/"for the"
    // (each ordinal has one of them at most, so the first ordinal found has the first phrase)
    for (std::size_t n = first + 1; n < last; ++n) {
        const token& ordinal = doc.at(n);
        if (!ordinal.has(lex::ordinal | lex::time_word)) continue; // (most tokens: one test)
        if (n >= first + 2 && doc.is(n, "days") && doc.is(n - 2, "for") && perfect_before(doc, first, n - 2)) {
            const token& count = doc.at(n - 1);
            if ((count.kind == token_kind::number || count.has(lex::number)) && count.value >= 2 && count.value <= 31)
                return {static_cast<std::uint32_t>(n - 2), static_cast<std::uint32_t>(n + 1), count.value};
            continue;
        }
        if (!ordinal.has(lex::ordinal) || ordinal.value < 2 || ordinal.value > 31) continue;
        std::size_t k;
        if ((doc.is(n - 1, "its") || doc.is(n - 1, "their")) && n + 1 < last) k = n - 1;
        else if (n >= first + 2 && doc.is(n - 2, "for") && (doc.is(n - 1, "a") || doc.is(n - 1, "the"))) k = n - 2;
        else continue;
        std::size_t d = n + 1;
        while (d < last && (doc.is(d, "straight") || doc.is(d, "consecutive") || doc.is(d, "successive") || doc.is(d, "running")))
            ++d;
        if (d < last && doc.is(d, "day")) return {static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(d + 1), ordinal.value};
    }
    return {};
}

// Reads the date and time expressions of one sentence, tokens [first, last), against the reference
// day. Each form below reads the expression starting at token k into e, up to e.last, and says
// whether the words there are of that form; one that says no leaves e alone, so that the next may
// try.
class time_reader {
public:
    time_reader(const document& d, std::size_t f, std::size_t l, std::optional<day_number> r, std::optional<day_number> n)
        : doc(d), first(f), last(l), reference(r), narrative(n) {}

    // may_start's first test, of the token alone: a number, or a word of the flags the forms start with
    static bool may_start_by_flags(const token& t) {
        return t.kind != token_kind::punct &&
               (t.kind != token_kind::word || t.has(lex::time_word | lex::month | lex::weekday | lex::determiner | lex::number));
    }

    // Whether an expression may start at token k: most words are skipped here, before any form
    // is tried.
    bool may_start(std::size_t k) const {
        const token& t = doc.at(k);
        if (!may_start_by_flags(t)) return false;
        // Of the determiners only "the", "this" and "a day" start an expression below ("the past week",
        // "this morning", "a day earlier"): "his" or "their" would only fail every test in turn. "The"
        // starts one only before the six words its tests below name ("the past two days", "the last
        // 24 hours", "the weekend", "the month", "the previous week", "the day before yesterday").
        const bool the_time = is(k, "the") && (is(k + 1, "past") || is(k + 1, "last") || is(k + 1, "weekend") ||
                                               is(k + 1, "month") || is(k + 1, "previous") || is(k + 1, "day") ||
                                               is(k + 1, "next") || is(k + 1, "following") || is(k + 1, "same"));
        // ("that same day", "later that day")
        const bool that_day = is(k, "that") && (is(k + 1, "same") || is(k + 1, "day") || is(k + 1, "night") ||
                                                is(k + 1, "morning") || is(k + 1, "evening"));
        return !(t.kind == token_kind::word && !t.has(lex::time_word | lex::month | lex::weekday | lex::number) && !the_time &&
                 !is(k, "this") && !that_day && !(is(k, "a") && (is(k + 1, "day") || is(k + 2, "ago"))));
    }

    // The expression at token k into e, read by the first form that fits there; false for none.
    // The order matters where two forms could read the same words.
    bool read(std::size_t k, time_expression& e) const {
        return
            // dates told by the calendar
            written_date(k, e) || year_after_preposition(k, e) || month_after_preposition(k, e) ||
            // days told by their distance from the report's
            weekday(k, e) || today(k, e) || day_before_yesterday(k, e) || yesterday(k, e) || day_before(k, e) ||
            day_of_report_month(k, e) || days_earlier(k, e) || days_later(k, e) || overnight(k, e) ||
            // spans and periods around the report's day
            past_days(k, e) || weekend(k, e) || named_period(k, e) || periods_ago(k, e);
    }

    // "on Tuesday", "late on Monday", "during 2015": the preposition or "late"/"early" before an
    // expression belongs to it, and "since" makes it the start of a span.
    void take_leading_words(time_expression& e) const {
        std::size_t lead = e.first;
        while (lead > first && (is(lead - 1, "on") || is(lead - 1, "late") || is(lead - 1, "early") || is(lead - 1, "in") ||
                                is(lead - 1, "last") || is(lead - 1, "during") || is(lead - 1, "back") || is(lead - 1, "since") ||
                                is(lead - 1, "overnight"))) {
            if (is(lead - 1, "since")) e.since = true;
            --lead;
        }
        e.first = static_cast<std::uint32_t>(lead);
        e.fronted = e.first == first;
    }

    // "since Friday", "since Monday night": fighting told over the days from then to the report,
    // a range that starts on that day (news codebook)
    void span_since(time_expression& e) const {
        if (e.since && e.relative && e.resolved && reference && e.precision != date_precision::month &&
            e.precision != date_precision::year && e.from <= *reference && *reference - e.from <= 7) {
            e.to = *reference;
            e.precision = date_precision::range;
            e.recent_span = true;
        }
    }

    // "told AFP on Wednesday", "officials said on Friday", "ISAF today confirmed": when someone spoke,
    // not when the incident happened; but "the Thursday night seizure", "Monday night's attack" date
    // the incident they name.
    time_role role_of(const time_expression& e) const {
        // "clashes that lasted until Sunday", "continued into Saturday": the day it ended, not began
        if (e.first > first && (is(e.first - 1, "into") || is(e.first - 1, "until") || is(e.first - 1, "till")) &&
            e.precision != date_precision::year && e.precision != date_precision::month)
            return time_role::end;
        time_role role = time_role::event;
        for (std::size_t b = e.first, steps = 0; b > first && steps < 5; --b, ++steps) {
            const token& p = doc.at(b - 1);
            if (p.kind == token_kind::punct || p.has(lex::predicate | lex::trigger)) break;
            if (speech_word(b - 1)) {
                role = time_role::statement;
                break;
            }
        }
        if (e.last < last && speech_word(e.last)) role = time_role::statement;
        if (role == time_role::statement) {
            bool modifies = (e.last < last && doc.at(e.last).has(lex::trigger)) || (doc.at(e.last - 1).shape & possessive) ||
                            (e.first > first && doc.at(e.first - 1).has(lex::determiner));
            if (modifies) role = time_role::event;
        }
        return role;
    }

private:
    const document& doc;
    std::size_t first, last;
    std::optional<day_number> reference;
    std::optional<day_number> narrative;

    // Inline at each call, so that each literal word packs at compile time: out of line, it was a
    // million calls over 6,000 articles, each packing its word byte by byte.
    __attribute__((always_inline)) bool is(std::size_t k, std::string_view w) const {
        return k < last && k >= first && doc.is(k, w);
    }

    bool speech_word(std::size_t i) const {
        if (claims_lives(doc, i)) return false;
        return doc.at(i).has(lex::speech) || doc.is(i, "confirmed") || doc.is(i, "issued") || doc.is(i, "announced");
    }

    // "Jan. 25, 2013", "October 2017", "2020-10-21", and "Tuesday, October 20", where the weekday
    // only introduces the date. A day without a year is the latest such day by the reference.
    bool written_date(std::size_t k, time_expression& e) const {
        const token& t = doc.at(k);
        std::size_t date_at = k;
        if (t.has(lex::weekday) && (t.shape & capitalized) && k + 1 < last && doc.at(k + 1).is_punct(',') &&
            match_date(doc, k + 2, last))
            date_at = k + 2;
        auto w = match_date(doc, date_at, last);
        if (!w) return false;
        if (w->day) {
            e.precision = date_precision::day;
            if (w->year) {
                e.from = e.to = days_from_civil(w->year, w->month, w->day);
                e.resolved = true;
            } else if (const day_number near = narrative ? nearest_such_day(w->month, w->day, *narrative) : 0;
                       narrative && near >= *narrative && near - *narrative <= 31) {
                // (a story going on from that day; a day far from it is the news's own, by the reference)
                e.from = e.to = near;
                e.resolved = true;
                e.relative = true;
            } else if (reference) {
                e.from = e.to = complete_year(w->month, w->day, *reference);
                e.resolved = true;
                e.relative = true;
            }
        } else {
            e.precision = date_precision::month;
            e.from = month_start(w->year, w->month);
            e.to = month_end(w->year, w->month);
            e.resolved = true;
            e.recalled = true;
        }
        e.last = w->last;
        return true;
    }

    // "in 2015", "since 2001", "by 2014": a year, told only after a word that makes a number one
    // ("2015 fighters" is a count)
    bool year_after_preposition(std::size_t k, time_expression& e) const {
        if (!(is_year(doc, k) && k > first &&
              (is(k - 1, "in") || is(k - 1, "during") || is(k - 1, "since") || is(k - 1, "late") || is(k - 1, "early") ||
               is(k - 1, "mid") || is(k - 1, "of") || is(k - 1, "until") || is(k - 1, "by"))))
            return false;
        const int year = doc.at(k).value;
        e.precision = date_precision::year;
        e.from = days_from_civil(year, 1, 1);
        e.to = days_from_civil(year, 12, 31);
        e.resolved = true;
        e.recalled = true;
        e.last = static_cast<std::uint32_t>(k + 1);
        return true;
    }

    // "In June": the latest such month not after the reference ("may" in lower case is the verb);
    // "last June": before the reference's month
    bool month_after_preposition(std::size_t k, time_expression& e) const {
        const token& t = doc.at(k);
        if (!(month_word(doc, k) && (!doc.is(k, "may") || (t.shape & capitalized)) && k > first &&
              (is(k - 1, "in") || is(k - 1, "since") || is(k - 1, "during") || is(k - 1, "early") || is(k - 1, "late") ||
               is(k - 1, "mid") || is(k - 1, "until") || is(k - 1, "last"))))
            return false;
        e.precision = date_precision::month;
        e.recalled = true;
        if (reference) {
            auto r = civil_from_days(*reference);
            // "last October": the latest October before the reference's month
            const bool before_this_one = is(k - 1, "last");
            int year = t.value > r.month || (before_this_one && t.value == r.month) ? r.year - 1 : r.year;
            e.from = month_start(year, t.value);
            e.to = month_end(year, t.value);
            e.resolved = true;
            e.relative = true;
        }
        e.last = static_cast<std::uint32_t>(k + 1);
        return true;
    }

    // "Monday", "Monday night", "overnight Wednesday", "last Tuesday": the latest such day by the
    // reference (a week back after "last" when it is the reference's own weekday). A night may run
    // past midnight, so it is a range of two days.
    bool weekday(std::size_t k, time_expression& e) const {
        const token& t = doc.at(k);
        if (!(t.has(lex::weekday) && (t.shape & capitalized))) return false;
        std::size_t end = k + 1;
        bool last_week = is(k - 1, "last");
        if (k > first && is(k - 1, "overnight")) e.night = true; // "overnight Wednesday": that night
        if (end < last && (is(end, "night") || is(end, "evening"))) {
            e.night = is(end, "night");
            ++end;
        } else if (end < last && (is(end, "morning") || is(end, "afternoon"))) {
            ++end;
        }
        // "on Tuesday last week", "Tuesday of last week": that day of the week before the reference's
        std::size_t week_named = 0;
        if (is(end, "last") && is(end + 1, "week")) week_named = 2;
        else if (is(end, "of") && is(end + 1, "last") && is(end + 2, "week")) week_named = 3;
        end += week_named;
        e.precision = e.night ? date_precision::range : date_precision::day;
        e.relative = true;
        if (reference) {
            int back = (weekday_of(*reference) - t.value + 7) % 7;
            if (last_week && back == 0) back = 7;
            e.from = *reference - back;
            if (week_named) e.from = week_start(*reference) - 7 + weekday_of(e.from);
            e.to = e.night ? e.from + 1 : e.from;
            e.resolved = true;
        }
        e.last = static_cast<std::uint32_t>(end);
        return true;
    }

    // "today", "tonight", "this morning": the reference day
    bool today(std::size_t k, time_expression& e) const {
        if (!(is(k, "today") || is(k, "tonight") ||
              (is(k, "this") && (is(k + 1, "morning") || is(k + 1, "afternoon") || is(k + 1, "evening")))))
            return false;
        e.night = is(k, "tonight");
        e.precision = e.night ? date_precision::range : date_precision::day;
        e.relative = true;
        if (reference) {
            e.from = *reference;
            e.to = e.night ? e.from + 1 : e.from;
            e.resolved = true;
        }
        e.last = static_cast<std::uint32_t>(is(k, "this") ? k + 2 : k + 1);
        return true;
    }

    bool day_before_yesterday(std::size_t k, time_expression& e) const {
        if (!(is(k, "the") && is(k + 1, "day") && is(k + 2, "before") && is(k + 3, "yesterday"))) return false;
        e.precision = date_precision::day;
        e.relative = true;
        if (reference) {
            e.from = e.to = *reference - 2;
            e.resolved = true;
        }
        e.last = static_cast<std::uint32_t>(k + 4);
        return true;
    }

    // "yesterday", "yesterday morning", "last night" (a night running into the reference day)
    bool yesterday(std::size_t k, time_expression& e) const {
        if (!(is(k, "yesterday") || (is(k, "last") && (is(k + 1, "night") || is(k + 1, "evening"))))) return false;
        std::size_t end = k + (is(k, "yesterday") ? 1 : 2);
        if (is(k, "yesterday") && (is(end, "morning") || is(end, "afternoon") || is(end, "evening"))) ++end;
        e.night = is(k + 1, "night");
        e.precision = e.night ? date_precision::range : date_precision::day;
        e.relative = true;
        if (reference) {
            e.from = *reference - 1;
            e.to = e.night ? *reference : e.from;
            e.resolved = true;
        }
        e.last = static_cast<std::uint32_t>(end);
        return true;
    }

    // "the previous day" (evening, night), "the day prior", "a day earlier", "one day before": the
    // day before the news ("a day before the election" dates by the election, so "before" must end
    // the clause)
    bool day_before(std::size_t k, time_expression& e) const {
        const bool part_of_day = is(k + 1, "day") || is(k + 1, "night") || is(k + 1, "evening") || is(k + 1, "morning") ||
                                 is(k + 1, "afternoon");
        const bool previous = is(k, "previous") && part_of_day && k > first && is(k - 1, "the");
        const bool prior = is(k, "the") && part_of_day && is(k + 2, "prior"); // "the day prior"
        const bool earlier = (is(k, "a") || is(k, "one")) && is(k + 1, "day") &&
                             (is(k + 2, "earlier") || (is(k + 2, "before") && (k + 3 >= last || doc.at(k + 3).kind == token_kind::punct)));
        if (!previous && !prior && !earlier) return false;
        e.precision = date_precision::day;
        e.relative = true;
        if (reference) {
            e.from = e.to = *reference - 1;
            e.resolved = true;
        }
        e.last = static_cast<std::uint32_t>(k + (previous ? 2 : 3));
        return true;
    }

    // "on the 9th": that day of the report's month, or of the month before if it is still to come
    // ("on the 9th of May", "the 9th May" are written dates)
    bool day_of_report_month(std::size_t k, time_expression& e) const {
        const token& t = doc.at(k);
        if (!(t.kind == token_kind::number && (t.shape & ordinal_suffix) && t.value >= 1 && t.value <= 31 && k > first &&
              is(k - 1, "the") && k >= first + 2 && is(k - 2, "on") &&
              !(k + 1 < last && (doc.at(k + 1).has(lex::month) || is(k + 1, "of")))))
            return false;
        e.precision = date_precision::day;
        e.relative = true;
        if (reference) {
            auto r = civil_from_days(*reference);
            day_number day = days_from_civil(r.year, r.month, t.value);
            if (t.value > r.day) {
                int index = r.year * 12 + (r.month - 1) - 1;
                day = days_from_civil(index / 12, index % 12 + 1, t.value);
            }
            e.from = e.to = day;
            e.resolved = true;
        }
        e.last = static_cast<std::uint32_t>(k + 1);
        return true;
    }

    // "two days earlier": as "two days ago"
    bool days_earlier(std::size_t k, time_expression& e) const {
        const token& t = doc.at(k);
        if (!((t.kind == token_kind::number || t.has(lex::number)) && t.value > 1 && t.value < 8 && is(k + 1, "days") &&
              is(k + 2, "earlier")))
            return false;
        e.precision = date_precision::day;
        e.relative = true;
        e.recalled = true;
        if (reference) {
            e.from = e.to = *reference - t.value;
            e.resolved = true;
        }
        e.last = static_cast<std::uint32_t>(k + 3);
        return true;
    }

    // "a day later", "two days later", "the next day", "the following morning", "hours later", "the
    // same day": days after the day the article told before, which the extractor resolves ("the day after the election" dates by
    // the election, so "after" must end the clause)
    bool days_later(std::size_t k, time_expression& e) const {
        const token& t = doc.at(k);
        int days = 0;
        std::size_t end = k;
        const bool part_of_day = is(k + 2, "day") || is(k + 2, "morning") || is(k + 2, "evening") || is(k + 2, "night");
        if (is(k, "the") && (is(k + 1, "next") || is(k + 1, "following")) && part_of_day) {
            days = 1;
            end = k + 3;
        } else if ((is(k, "the") || is(k, "that")) && is(k + 1, "same") && part_of_day) {
            end = k + 3; // "the same day", "that same night": the day told before
        } else if (is(k, "that") && (is(k + 1, "day") || is(k + 1, "night") || is(k + 1, "morning") || is(k + 1, "evening")) &&
                   k > 0 && (doc.is(k - 1, "later") || doc.is(k - 1, "earlier") || doc.is(k - 1, "on"))) {
            end = k + 2; // "later that day", "on that night"
        } else if ((is(k, "a") || t.kind == token_kind::number || t.has(lex::number)) && (is(k + 1, "day") || is(k + 1, "days")) &&
                   (is(k + 2, "later") ||
                    (is(k + 2, "after") && (k + 3 >= last || doc.at(k + 3).kind == token_kind::punct)))) {
            days = is(k, "a") ? 1 : t.value;
            end = k + 3;
        } else if (is(k, "hours") && is(k + 1, "later")) {
            // "fell hours later", "two hours later": the day told before
            end = k + 2;
        } else {
            return false;
        }
        if (days < 0 || days > 7) return false;
        e.precision = date_precision::day;
        e.relative = true;
        e.days_after_anchor = days;
        e.last = static_cast<std::uint32_t>(end);
        return true;
    }

    // "overnight": the night into the reference day ("overnight Wednesday" is read as a weekday)
    bool overnight(std::size_t k, time_expression& e) const {
        if (!(is(k, "overnight") && !(k + 1 < last && doc.at(k + 1).has(lex::weekday) && (doc.at(k + 1).shape & capitalized))))
            return false;
        e.night = true;
        e.precision = date_precision::range;
        e.relative = true;
        if (reference) {
            e.from = *reference - 1;
            e.to = *reference;
            e.resolved = true;
        }
        e.last = static_cast<std::uint32_t>(k + 1);
        return true;
    }

    // "during the past two days", "over the last 24 hours": a range ending on the reference day,
    // coded by its first day
    bool past_days(std::size_t k, time_expression& e) const {
        const std::size_t n = is(k, "the") ? k + 1 : k;
        // "in the past week", "over the last week": its seven days up to the reference day (but
        // "last week" alone is the calendar week before: named_period)
        const bool week = n == k + 1 && n + 1 < last && (is(n, "past") || is(n, "last")) && is(n + 1, "week");
        if (!week && !(n + 2 < last && doc.at(n).has(lex::time_word) && (is(n, "past") || is(n, "last")) &&
                       (is(n + 2, "days") || is(n + 2, "hours")) &&
                       (doc.at(n + 1).kind == token_kind::number || doc.at(n + 1).has(lex::number)) && doc.at(n + 1).value > 0))
            return false;
        int count = week ? 7 : doc.at(n + 1).value;
        int days = (!week && is(n + 2, "hours") ? (count + 23) / 24 : count) - 1; // the reference day is one of them
        e.precision = date_precision::range;
        e.relative = true;
        if (reference) {
            e.from = *reference - std::min(days, 366);
            e.to = *reference;
            e.resolved = true;
        }
        e.last = static_cast<std::uint32_t>(week ? n + 2 : n + 3);
        return true;
    }

    // "over the weekend", "last weekend": the Saturday and Sunday just gone (or under way), coded by
    // the Saturday
    bool weekend(std::size_t k, time_expression& e) const {
        if (!((is(k, "the") || is(k, "this") || is(k, "last")) && is(k + 1, "weekend"))) return false;
        e.precision = date_precision::range;
        e.relative = true;
        if (reference) {
            const day_number saturday = week_start(*reference) + 5;
            e.from = *reference >= saturday ? saturday : saturday - 7;
            e.to = std::min(e.from + 1, *reference);
            e.resolved = true;
        }
        e.last = static_cast<std::uint32_t>(k + 2);
        return true;
    }

    // "this month", "last week", "the previous year", "earlier this month", "earlier in the month":
    // this one runs from its start to the reference day, the last one is whole; either is recalled
    // when told as earlier
    bool named_period(std::size_t k, time_expression& e) const {
        if (!((is(k, "this") || is(k, "last") || is(k, "previous") || is(k, "past") ||
               (is(k, "the") && (is(k + 1, "month") || is(k + 1, "previous") || is(k + 1, "past")))) &&
              (is(k + 1, "month") || is(k + 1, "week") || is(k + 1, "year") ||
               ((is(k + 1, "previous") || is(k + 1, "past")) && (is(k + 2, "month") || is(k + 2, "week") || is(k + 2, "year"))))))
            return false;
        bool this_one = is(k, "this") || (is(k, "the") && is(k + 1, "month"));
        std::size_t unit = (is(k + 1, "previous") || is(k + 1, "past")) ? k + 2 : k + 1;
        bool earlier = is(k - 1, "earlier") || (is(k - 1, "in") && is(k - 2, "earlier"));
        if (earlier) e.first = static_cast<std::uint32_t>(is(k - 1, "in") ? k - 2 : k - 1);
        e.relative = true;
        e.recalled = !this_one || earlier;
        if (is(unit, "month")) e.precision = date_precision::month;
        else if (is(unit, "week")) e.precision = date_precision::week;
        else e.precision = date_precision::year;
        if (reference) {
            auto r = civil_from_days(*reference);
            e.resolved = true;
            if (e.precision == date_precision::month) {
                if (this_one) {
                    e.from = month_start(r.year, r.month);
                    e.to = *reference;
                } else {
                    int y = r.month == 1 ? r.year - 1 : r.year, m = r.month == 1 ? 12 : r.month - 1;
                    e.from = month_start(y, m);
                    e.to = month_end(y, m);
                }
            } else if (e.precision == date_precision::week) {
                day_number monday = week_start(*reference);
                e.from = this_one ? monday : monday - 7;
                e.to = this_one ? *reference : monday - 1;
            } else {
                int y = this_one ? r.year : r.year - 1;
                e.from = days_from_civil(y, 1, 1);
                e.to = this_one ? *reference : days_from_civil(y, 12, 31);
            }
        }
        e.last = static_cast<std::uint32_t>(unit + 1);
        return true;
    }

    // "three days ago", "nearly five years ago", "a week ago": the day, week, calendar month or
    // calendar year that many back from the reference
    bool periods_ago(std::size_t k, time_expression& e) const {
        const token& t = doc.at(k);
        // "years ago", "months ago": long enough before, and no day of it told
        if ((is(k, "years") || is(k, "months") || is(k, "decades")) && k + 1 < last && is(k + 1, "ago")) {
            e.relative = true;
            e.recalled = true;
            e.precision = date_precision::unknown;
            e.last = static_cast<std::uint32_t>(k + 2);
            return true;
        }
        if (!(((t.kind == token_kind::number || t.has(lex::number)) && t.value > 0 && k + 2 < last && is(k + 2, "ago") &&
               (is(k + 1, "days") || is(k + 1, "weeks") || is(k + 1, "months") || is(k + 1, "years"))) ||
              (is(k, "a") && is(k + 2, "ago") && (is(k + 1, "week") || is(k + 1, "month") || is(k + 1, "year")))))
            return false;
        e.relative = true;
        e.recalled = true;
        const int count = is(k, "a") ? 1 : t.value;
        bool weeks = is(k + 1, "weeks") || is(k + 1, "week"), months = is(k + 1, "months") || is(k + 1, "month"),
             years = is(k + 1, "years") || is(k + 1, "year");
        e.precision = weeks ? date_precision::week : months ? date_precision::month : years ? date_precision::year : date_precision::day;
        if (reference) {
            if (months || years) {
                auto r = civil_from_days(*reference);
                int index = r.year * 12 + (r.month - 1) - count * (years ? 12 : 1);
                int y = index / 12, m = index % 12 + 1;
                e.from = years ? days_from_civil(y, 1, 1) : month_start(y, m);
                e.to = years ? days_from_civil(y, 12, 31) : month_end(y, m);
            } else {
                e.from = *reference - count * (weeks ? 7 : 1);
                e.to = weeks ? e.from + 6 : e.from;
            }
            e.resolved = true;
        }
        e.last = static_cast<std::uint32_t>(k + 3);
        return true;
    }
};

// "entered its fifth day", "for the third straight day": a day the sentence names, told as the last
// of N days of fighting, becomes the range of those days, coded by its first day.
void stretch_over_running_days(time_expression& e, const running_days& running) {
    if (!running.count) return;
    e.from -= running.count - 1;
    e.precision = date_precision::range;
    e.recent_span = true;
}

} // namespace

// Everything the reader calls is inline here (flatten): left to the compiler, some forms and
// document::is stayed out of line, called for every token that may start an expression, which cost
// 12 % more instructions than the one function the forms were split from.
__attribute__((flatten)) std::vector<time_expression> find_time_expressions(const document& doc, std::size_t first,
                                                                            std::size_t last, std::optional<day_number> reference,
                                                                            std::optional<day_number> narrative,
                                                                            std::uint64_t token_flags) {
    std::vector<time_expression> out;
    // read once, when a day is found; none without an ordinal ("for a fifth day"), or a time word
    // and an auxiliary ("has raged for three days")
    const bool may_run = (token_flags & lex::ordinal) || ((token_flags & lex::time_word) && (token_flags & lex::aux));
    std::optional<running_days> running;
    if (!may_run) running = running_days{};
    last = std::min(last, doc.size());
    const time_reader reader(doc, first, last, reference, narrative);
    std::size_t k = after_topic_label(doc, first, last);
    const token* const tokens = doc.tokens().data();
    while (k < last) {
        // most tokens fail may_start's first test: passed over in one search, with no index to keep
        k = static_cast<std::size_t>(std::find_if(tokens + k, tokens + last, time_reader::may_start_by_flags) - tokens);
        if (k == last) break;
        if (!reader.may_start(k)) {
            ++k;
            continue;
        }
        time_expression e;
        e.first = static_cast<std::uint32_t>(k);
        if (!reader.read(k, e)) {
            ++k;
            continue;
        }
        const std::size_t end = e.last;
        reader.take_leading_words(e);
        reader.span_since(e);
        e.role = reader.role_of(e);
        if (e.role == time_role::event && e.resolved && e.from == e.to && e.precision == date_precision::day && !e.recalled) {
            if (!running) running = days_running(doc, first, last);
            stretch_over_running_days(e, *running);
        }
        out.push_back(e);
        k = end;
    }
    // "Fighting raged in Lashkar Gah for a fifth day": N days up to the reference day
    if (out.empty() && reference && may_run) {
        if (auto r = days_running(doc, first, last); r.count) {
            time_expression e;
            e.first = r.first;
            e.last = r.last;
            e.resolved = e.relative = e.recent_span = true;
            e.to = *reference;
            e.from = *reference - (r.count - 1);
            e.precision = date_precision::range;
            out.push_back(e);
        }
    }
    return out;
}

} // namespace naqsha::extract
