#include "extract/layout.hpp"

#include "base/calendar.hpp"
#include "extract/dates.hpp"
#include "extract/markup_dates.hpp"

#include <algorithm>

namespace naqsha::extract {
namespace {

enum class marker_kind { header_date, updated_date, title_date, dateline, release, separator, update_title, update_note };

struct marker {
    marker_kind kind;
    std::size_t at = 0;          // token index
    written_date date;           // header, title and dateline dates
    bool has_date = false;
    int release_year = 0, release_month = 0;
    std::string text;            // release number, or the releases an update names
};

class scanner {
public:
    explicit scanner(document& d) : doc(d), n(d.size()) {}

    std::vector<marker> run() {
        for (std::size_t i = 0; i < n; ++i) {
            std::size_t next = i;
            const bool starts_line = line_start(i);
            if (starts_line) next = at_line_start(i);
            if (next == i && may_start_pattern(i, starts_line)) next = anywhere(i);
            if (next > i) i = next - 1;
        }
        return std::move(markers);
    }

private:
    document& doc;
    std::size_t n;
    std::vector<marker> markers;

    const token& tk(std::size_t i) const { return doc.at(i); }
    bool is(std::size_t i, std::string_view w) const { return i < n && doc.is(i, w); }
    bool punct(std::size_t i, char c) const { return i < n && tk(i).is_punct(c); }
    bool glued(std::size_t i) const { return i < n && !(tk(i).shape & space_before); }
    bool line_start(std::size_t i) const {
        return i == 0 || (tk(i).shape & newline_before) || (tk(i - 1).shape & boiler);
    }
    bool line_end(std::size_t i) const { return i >= n || (tk(i).shape & newline_before); }
    void mark(std::size_t first, std::size_t last) {
        for (std::size_t k = first; k < last && k < n; ++k) doc.tokens()[k].shape |= boiler;
    }
    std::size_t end_of_line(std::size_t i) const {
        ++i;
        while (i < n && !(tk(i).shape & newline_before)) ++i;
        return i;
    }
    // end_of_line(i) for a line of up to `longest` tokens, else i + longest + 1: the rest of a
    // longer line (most are whole paragraphs) is not read
    std::size_t end_of_short_line(std::size_t i, std::size_t longest) const {
        const std::size_t stop = std::min(n, i + longest + 1);
        ++i;
        while (i < stop && !(tk(i).shape & newline_before)) ++i;
        return i;
    }

    // 04:20 [IST] [,]   |   10.15 BST   |   4:20 p.m. ET
    std::size_t skip_clock(std::size_t i) const {
        bool colon = i + 2 < n && tk(i).kind == token_kind::number && punct(i + 1, ':') && tk(i + 2).kind == token_kind::number;
        // "10.15": a decimal that reads as a time only where a zone or am/pm follows
        bool dotted = i + 1 < n && tk(i).kind == token_kind::number && (tk(i).shape & decimal) &&
                      (is(i + 1, "am") || is(i + 1, "pm") || ((tk(i + 1).shape & all_caps) && doc.str(i + 1).size() <= 4));
        if (colon || dotted) {
            i += colon ? 3 : 1;
            if (is(i, "am") || is(i, "pm")) ++i;
            if (i < n && (tk(i).shape & all_caps) && doc.str(i).size() <= 4) ++i; // time zone
            if (punct(i, ',')) ++i;
        }
        return i;
    }

    // "Monday," "Mon", "Thurs.": a weekday before a date in a header
    std::size_t skip_weekday(std::size_t i) const {
        if (i >= n || tk(i).kind != token_kind::word || !(tk(i).shape & capitalized)) return i;
        bool day = tk(i).has(lex::weekday);
        static constexpr word_list abbreviated{{"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}};
        day = day || is_one_of(doc, i, abbreviated);
        if (!day) return i;
        ++i;
        if (punct(i, '.') && glued(i)) ++i;
        if (punct(i, ',')) ++i;
        return i;
    }

    std::size_t at_line_start(std::size_t i) {
        // "date 2020-10-21", "Published 04:20 IST, October 22nd 2020", "Date: ..."
        // "Published: Thursday, June 3, 2021", "Updated 12:41 GMT, 3 June 2021" (an update's date is the
        // publication date only where no other is given)
        if (is(i, "date") || is(i, "published") || is(i, "posted") || is(i, "updated") || is(i, "dated") ||
            is(i, "first") || is(i, "last")) {
            std::size_t k = i + 1;
            if ((is(i, "first") && is(k, "published")) || (is(i, "last") && is(k, "updated"))) ++k;
            else if (is(i, "first") || is(i, "last")) return i;
            if (is(k, "on") || is(k, "at")) ++k;
            if (punct(k, ':')) ++k;
            k = skip_clock(skip_weekday(k));
            if (auto w = match_date(doc, k, n); w && w->day && w->year) {
                std::size_t end = skip_clock(w->last);
                mark(i, end);
                bool update = is(i, "updated") || is(i, "last");
                markers.push_back({update ? marker_kind::updated_date : marker_kind::header_date, i, *w, true, 0, 0, {}});
                return end;
            }
        }
        // a line holding only a date and time: "June 3, 2021", "2021-06-03", "Thu 3 Jun 2021 10.15 BST",
        // "04:20 IST, October 22nd 2020" (it starts with a number or a capitalised word of a date)
        if (tk(i).kind == token_kind::number || ((tk(i).shape & capitalized) && doc.str(i).size() <= 9 &&
                                                  (tk(i).flags == 0 || tk(i).has(lex::month | lex::weekday)))) {
            std::size_t k = skip_clock(skip_weekday(i));
            if (auto w = match_date(doc, k, n); w && w->day && w->year) {
                std::size_t end = skip_clock(w->last);
                if (line_end(end)) {
                    mark(i, end);
                    markers.push_back({marker_kind::header_date, i, *w, true, 0, 0, {}});
                    return end;
                }
            }
        }
        // web leftovers on a line of their own
        if (tk(i).has(lex::boilerplate) && line_end(i + 1)) {
            mark(i, i + 1);
            return i + 1;
        }
        // "(With ANI inputs)"
        if (punct(i, '(') && is(i + 1, "with")) {
            std::size_t e = end_of_line(i);
            if (e > i + 2 && punct(e - 1, ')')) {
                mark(i, e);
                return e;
            }
        }
        // separators: --- , ***
        if (tk(i).kind == token_kind::punct && (tk(i).ch == '-' || tk(i).ch == '*' || tk(i).ch == '=' || tk(i).ch == '_')) {
            std::size_t e = end_of_line(i);
            bool all = e - i >= 3;
            for (std::size_t k = i; k < e && all; ++k) all = tk(k).kind == token_kind::punct && tk(k).ch == tk(i).ch;
            if (all) {
                mark(i, e);
                markers.push_back({marker_kind::separator, i, {}, false, 0, 0, {}});
                return e;
            }
        }
        // "UPDATE: ..." starts another release
        if ((is(i, "update") || is(i, "updated")) && punct(i + 1, ':')) {
            markers.push_back({marker_kind::update_title, i, {}, false, 0, 0, {}});
            mark(i, i + 2);
            return i + 2;
        }
        // "Feb. 3: Afghan-ISAF Operations ..."
        if (auto w = match_date(doc, i, n); w && w->day && punct(w->last, ':')) {
            markers.push_back({marker_kind::title_date, i, *w, true, 0, 0, {}});
            mark(i, w->last + 1);
            return w->last + 1;
        }
        return dateline(i);
    }

    // KABUL, Afghanistan (Jan. 25, 2013) –   |   Kabul, Afghanistan (Dec. 9) -   |   KABUL (Reuters) -
    std::size_t dateline(std::size_t i) {
        std::size_t k = i;
        bool caps = false;
        while (k < n && k < i + 3 && tk(k).kind == token_kind::word && (tk(k).shape & capitalized)) {
            caps = caps || (tk(k).shape & all_caps);
            ++k;
        }
        if (k == i) return i;
        std::size_t after_place = k;
        bool country = false;
        if (punct(k, ',') && is(k + 1, "afghanistan")) {
            country = true;
            k += 2;
        }
        if (!country && !caps) return i;
        std::optional<written_date> date;
        // "LASHKAR GAH, Afghanistan, April 3, 2019 (AFP) -", "KABUL, Nov. 20 (Xinhua) --"
        if (punct(k, ',')) {
            if (auto w = match_date(doc, k + 1, n); w && w->day) {
                date = w;
                k = w->last;
                if (!punct(k, '(') && !punct(k, '-') && !punct(k, '~')) return i;
            }
        }
        if (punct(k, '(')) {
            std::size_t close = k + 1;
            while (close < n && close < k + 8 && !punct(close, ')')) ++close;
            if (!punct(close, ')')) return i;
            if (!date) date = match_date(doc, k + 1, close);
            bool agency = close == k + 2 && tk(k + 1).kind == token_kind::word && (tk(k + 1).shape & capitalized);
            if (!date && !agency) return i;
            k = close + 1;
        } else if (!country && !date) {
            return i;
        }
        bool dash = false;
        // "KABUL (Pajhwok): ...": a colon after the credit closes the dateline as a dash does
        if (punct(k - 1, ')') && punct(k, ':')) {
            dash = true;
            ++k;
        }
        while (k < n && (punct(k, '-') || punct(k, '~'))) {
            dash = true;
            ++k;
        }
        // "LASHKAR GAH, Afghanistan (Reuters) - June 3, 2021 - ...": the wire's date after its credit
        if (dash && !date) {
            if (auto w = match_date(doc, skip_weekday(k), n); w && w->day && w->year && (punct(w->last, '-') || punct(w->last, '~'))) {
                date = w;
                k = w->last;
                while (k < n && (punct(k, '-') || punct(k, '~'))) ++k;
            }
        }
        // "KABUL, Afghanistan" alone on a line, or followed by a date, or by a dash
        if (!date && !dash && !line_end(k)) return i;
        if (!country && !date && !dash) return i;
        mark(i, k);
        for (std::size_t p = i; p < after_place; ++p) doc.tokens()[p].shape |= dateline_place;
        marker m{marker_kind::dateline, i, {}, false, 0, 0, {}};
        if (date) {
            m.date = *date;
            m.has_date = true;
        }
        markers.push_back(m);
        return k;
    }

    // Every pattern of anywhere() starts with a number, '[', one of the words news, for, download,
    // isaf and this (told apart by first letter and length, so "the", "to" and "in" do not pass),
    // or a capitalised word at a line's start. Tested apart, before the call: most tokens start
    // none, and anywhere() is too large to inline.
    bool may_start_pattern(std::size_t i, bool starts_line) const {
        const token& t = tk(i);
        if (t.kind == token_kind::punct) return t.is_punct('[');
        if (t.kind == token_kind::word) {
            // the token's own folded stem and its length, as document::is compares them, without
            // reading the text
            const auto c = static_cast<char>(t.folded & 0xff);
            bool first = false;
            switch (t.stem_size) {
            case 3: first = c == 'f'; break;
            case 4: first = c == 'n' || c == 'i' || c == 't'; break;
            case 8: first = c == 'd'; break;
            default: break;
            }
            return first || ((t.shape & capitalized) && starts_line);
        }
        return true;
    }

    std::size_t anywhere(std::size_t i) {
        // release numbers: 2011-09-S-027, 2010-02-CA-017, 011-03-S-079, 2010-08-CA-XXX
        if (tk(i).kind == token_kind::number && (tk(i).end - tk(i).begin == 4 || tk(i).end - tk(i).begin == 3) &&
            punct(i + 1, '-') && glued(i + 1) && i + 4 < n && tk(i + 2).kind == token_kind::number && glued(i + 2) &&
            punct(i + 3, '-') && glued(i + 3) && tk(i + 4).kind == token_kind::word && glued(i + 4)) {
            std::size_t e = i + 5;
            // the last part: -027 (its own token) or already glued into the word (S-027)
            if (punct(e, '-') && glued(e) && e + 1 < n && glued(e + 1)) e += 2;
            int year = tk(i).value < 100 ? 2000 + tk(i).value : tk(i).value;
            int month = tk(i + 2).value;
            if (year >= 1990 && year <= 2100 && month >= 1 && month <= 12) {
                marker m{marker_kind::release, i, {}, false, year, month, std::string(doc.span(i, e))};
                mark(i, e);
                // tracking numbers after it on the same line: 3152, 3107, ...
                while (e < n && !line_end(e) && tk(e).kind == token_kind::number && tk(e).end - tk(e).begin == 4) {
                    ++e;
                    if (punct(e, ',') && !line_end(e)) ++e;
                }
                mark(i, e);
                markers.push_back(m);
                return e;
            }
        }
        // NEWS RELEASE / For Immediate Release / Download PDF
        if (is(i, "news") && is(i + 1, "release") && (tk(i).shape & all_caps)) {
            mark(i, i + 2);
            return i + 2;
        }
        if (is(i, "for") && is(i + 1, "immediate") && is(i + 2, "release")) {
            mark(i, i + 3);
            return i + 3;
        }
        if (is(i, "download") && is(i + 1, "pdf")) {
            mark(i, i + 2);
            return i + 2;
        }
        // ISAF Joint Command - Afghanistan; ISAF Joint Command Morning Operational Update June 5, 2011
        if (is(i, "isaf") && is(i + 1, "joint") && is(i + 2, "command")) {
            std::size_t k = i + 3;
            bool header = line_start(i);
            std::size_t dashes = k;
            while (k < n && (punct(k, '-') || punct(k, '~'))) ++k;
            if (k < n && doc.str(k).size() >= 4 && equals_lower(doc.str(k).substr(0, 4), "afgh")) {
                ++k;
            } else {
                k = dashes;
                if (is(k, "morning") || is(k, "evening")) ++k;
                if (is(k, "operational") && is(k + 1, "update")) {
                    k += 2;
                    if (punct(k, ',')) ++k;
                    if (auto w = match_date(doc, k, n); w && w->day) {
                        markers.push_back({marker_kind::header_date, k, *w, true, 0, 0, {}});
                        k = w->last;
                    }
                    header = true;
                }
            }
            if (k > dashes) header = true; // "- Afghanistan"
            if (!header) return i;         // "ISAF Joint Command Chief of Operations": prose
            mark(i, k);
            return k;
        }
        // "Regional Command North", "Combined Joint Special Operations Task Force- Afghanistan"
        if (line_start(i) && (tk(i).shape & capitalized)) {
            std::size_t e = end_of_short_line(i, 10);
            bool header = e - i >= 2 && e - i <= 10;
            bool command = false;
            for (std::size_t k = i; k < e && header; ++k) {
                const token& t = tk(k);
                if (t.kind == token_kind::word) {
                    header = (t.shape & capitalized) && !t.has(lex::predicate | lex::trigger | lex::verb);
                    command = command || doc.is(k, "command") || (doc.is(k, "task") && doc.is(k + 1, "force"));
                } else {
                    header = t.is_punct('-') || t.is_punct('~');
                }
            }
            if (header && command) {
                mark(i, e);
                return e;
            }
        }
        // [File: Watan Yar/EPA], [leader/facilitator]
        if (punct(i, '[')) {
            std::size_t k = i + 1;
            while (k < n && k < i + 24 && !punct(k, ']')) ++k;
            if (punct(k, ']')) {
                bool credit = false;
                for (std::size_t j = i + 1; j < k; ++j) credit = credit || punct(j, ':') || punct(j, '/');
                if (credit) {
                    mark(i, k + 1);
                    return k + 1;
                }
            }
        }
        // "This is an update to IJC News Release #2011-01-S-055", "Note: ..."
        if (is(i, "this") && is(i + 1, "is") && is(i + 2, "an") && is(i + 3, "update") && is(i + 4, "to")) {
            std::size_t start = (i >= 2 && is(i - 2, "note") && punct(i - 1, ':')) ? i - 2 : i;
            std::size_t e = i + 5;
            while (e < n && !(tk(e).shape & newline_before) && !(punct(e, '.') && (e + 1 >= n || (tk(e + 1).shape & space_before))))
                ++e;
            if (punct(e, '.')) ++e;
            marker m{marker_kind::update_note, i, {}, false, 0, 0, std::string(doc.span(i + 5, e))};
            mark(start, e);
            markers.push_back(m);
            return e;
        }
        return i;
    }
};

// A release numbered 2011-07-S-015 went out in July 2011, and its dateline ("(July 5)") names the
// day it went out, so the number gives the dateline its year: the year that puts the dateline in
// the release's month or the next or previous one (a release numbered late in December may be
// dated in January). A dateline further from the number's month belongs to something else, and
// its year stays unknown rather than guessed.
std::optional<day_number> year_from_release(const written_date& w, int release_year, int release_month) {
    int release = release_year * 12 + (release_month - 1);
    for (int year = release_year - 1; year <= release_year + 1; ++year) {
        int gap = year * 12 + (w.month - 1) - release;
        if (gap >= -1 && gap <= 1 && valid_date(year, w.month, w.day)) return days_from_civil(year, w.month, w.day);
    }
    return std::nullopt;
}

std::optional<day_number> to_day(const written_date& w, std::optional<day_number> year_hint_day, int release_year, int release_month) {
    if (!w.day) return std::nullopt;
    if (w.year) return days_from_civil(w.year, w.month, w.day);
    if (release_year) return year_from_release(w, release_year, release_month);
    if (year_hint_day) return complete_year(w.month, w.day, *year_hint_day);
    return std::nullopt;
}

bool ends_sentence(const document& doc, const sentence& s) {
    for (std::size_t k = s.last; k > s.first; --k) {
        const token& t = doc.at(k - 1);
        if (t.is_punct('"') || t.is_punct('\'') || t.is_punct(')')) continue;
        return t.is_punct('.') || t.is_punct('!') || t.is_punct('?');
    }
    return false;
}

// What the markers of one section said, read in order with its sentences.
struct section_state {
    bool body = false;
    bool dateline = false;
    std::optional<written_date> dateline_date;
    std::optional<written_date> header_date;
    std::optional<written_date> updated_date;
    int release_year = 0, release_month = 0;
};

// Whether the text holds "www.": looked for from its full stops, which are fewer than its w's (a
// search for the whole string stops at every w).
bool has_www(std::string_view text) {
    for (std::size_t dot = text.find('.', 3); dot != std::string_view::npos; dot = text.find('.', dot + 1))
        if (text.substr(dot - 3, 3) == "www") return true;
    return false;
}

// Web addresses and HTML markup are no prose: their tokens are kept out of the sentences. The page's
// own date may be in either (its HTML's, else its address's, else the one the caller read from the
// article's address).
std::optional<day_number> date_in_markup(document& doc, std::optional<day_number> address_published) {
    auto keep_out = [&](std::size_t begin, std::size_t end) {
        auto& tokens = doc.tokens();
        for (std::size_t t = doc.token_from(static_cast<std::uint32_t>(begin)); t < doc.size() && tokens[t].begin < end; ++t)
            tokens[t].shape |= boiler;
    };
    std::optional<day_number> page_date;
    if (doc.text().find('<') != std::string_view::npos) {
        auto html = read_html(doc.text());
        for (auto [b, e] : html.tags) keep_out(b, e);
        if (html.published) page_date = html.published->day;
    }
    if (doc.text().find("://") != std::string_view::npos || has_www(doc.text())) {
        for (const auto& u : url_dates(doc.text())) {
            keep_out(u.begin, u.end);
            if (!page_date && u.day) page_date = u.day;
        }
    }
    return page_date ? page_date : address_published;
}

// Release numbers an update note names: "2011-01-S-055", "2011-01-S-270/296/312".
void read_update_note(std::string_view t, std::vector<std::string>& updates) {
    std::size_t p = 0;
    while ((p = t.find_first_of("0123456789", p)) != std::string_view::npos) {
        std::size_t e = p;
        while (e < t.size() && (std::isalnum(static_cast<unsigned char>(t[e])) || t[e] == '-')) ++e;
        if (e - p >= 9) updates.emplace_back(t.substr(p, e - p));
        p = e;
    }
}

// The sections, read from the markers and the sentences in text order: a separator, a release
// header or a second dateline after a section's body opens the next. Each sentence gets its section;
// `states` receives what each section's markers said.
void divide_into_sections(document& doc, const std::vector<marker>& markers, layout_info& info, std::vector<section_state>& states) {
    auto& sentences = doc.sentences();
    info.sections.push_back({});
    states.assign(1, {});
    auto new_section = [&](std::size_t at_sentence) {
        section_info next;
        next.first_sentence = static_cast<std::uint32_t>(at_sentence);
        info.sections.push_back(next);
        states.push_back({});
    };
    std::size_t s = 0, m = 0;
    while (s < sentences.size() || m < markers.size()) {
        bool marker_first = m < markers.size() && (s >= sentences.size() || markers[m].at < sentences[s].first);
        if (!marker_first) {
            sentences[s].section = static_cast<std::uint32_t>(info.sections.size() - 1);
            if (ends_sentence(doc, sentences[s])) states.back().body = true;
            ++s;
            continue;
        }
        const marker& mk = markers[m++];
        auto& st = states.back();
        switch (mk.kind) {
        case marker_kind::separator:
        case marker_kind::update_title:
            if (st.body || st.dateline) new_section(s);
            break;
        case marker_kind::release:
            if (st.body || (st.release_year && st.dateline)) new_section(s);
            states.back().release_year = mk.release_year;
            states.back().release_month = mk.release_month;
            if (info.sections.back().release.empty()) info.sections.back().release = mk.text;
            break;
        case marker_kind::dateline:
            if (st.dateline) new_section(s);
            states.back().dateline = true;
            if (mk.has_date) states.back().dateline_date = mk.date;
            break;
        case marker_kind::header_date:
        case marker_kind::title_date:
            if (st.body && st.header_date) new_section(s);
            if (!states.back().header_date) states.back().header_date = mk.date;
            break;
        case marker_kind::updated_date:
            if (!states.back().updated_date) states.back().updated_date = mk.date;
            break;
        case marker_kind::update_note:
            read_update_note(mk.text, info.sections.back().updates);
            break;
        }
    }
}

// Titles: lines before a section's first full sentence that do not end like a sentence.
void mark_titles(document& doc) {
    auto& sentences = doc.sentences();
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        auto& sen = sentences[i];
        bool first_of_section = i == 0 || sentences[i - 1].section != sen.section;
        if (first_of_section || sentences[i - 1].title) {
            bool alone = (i + 1 >= sentences.size() || sentences[i + 1].paragraph != sen.paragraph ||
                          (sen.last < doc.size() && (doc.at(sen.last).shape & boiler)));
            sen.title = alone && !ends_sentence(doc, sen) && i + 1 < sentences.size();
        }
    }
}

// Dates. Metadata wins for the publication date; each section's own dateline is its reference, else
// its header, the page's markup (the first section only), the metadata, or the section before's.
void date_sections(layout_info& info, std::vector<section_state>& states, std::optional<day_number> metadata_published,
                   std::optional<day_number> page_date) {
    std::optional<day_number> year_hint = metadata_published;
    std::optional<day_number> previous;
    for (std::size_t k = 0; k < info.sections.size(); ++k) {
        auto& sec = info.sections[k];
        auto& st = states[k];
        std::optional<day_number> header;
        if (!st.header_date && st.updated_date) st.header_date = st.updated_date;
        if (st.header_date) header = to_day(*st.header_date, year_hint ? year_hint : previous, st.release_year, st.release_month);
        // a page's markup (its HTML or its address) dates the article, as a header would
        std::optional<day_number> markup = k == 0 ? page_date : std::nullopt;
        std::optional<day_number> hint = header ? header : (year_hint ? year_hint : previous);
        std::optional<day_number> dateline;
        if (st.dateline_date) dateline = to_day(*st.dateline_date, hint, st.release_year, st.release_month);
        if (dateline) {
            sec.reference = dateline;
            sec.reference_from = "dateline";
        } else if (header) {
            sec.reference = header;
            sec.reference_from = "header";
        } else if (markup) {
            sec.reference = markup;
            sec.reference_from = "markup";
        } else if (k == 0 && metadata_published) {
            sec.reference = metadata_published;
            sec.reference_from = "metadata";
        } else if (previous) {
            sec.reference = previous;
            sec.reference_from = "inherited";
        }
        if (k == 0 && !info.published) {
            if (metadata_published) {
                info.published = metadata_published;
                info.published_from = "metadata";
            } else if (header) {
                info.published = header;
                info.published_from = "header";
            } else if (markup) {
                info.published = markup;
                info.published_from = "markup";
            } else if (dateline) {
                info.published = dateline;
                info.published_from = "dateline";
            }
        }
        if (sec.reference) previous = sec.reference;
        if (!year_hint && sec.reference) year_hint = sec.reference;
    }
    if (metadata_published && info.sections[0].reference_from != "dateline") {
        info.sections[0].reference = metadata_published;
        info.sections[0].reference_from = "metadata";
    }
}

} // namespace

layout_info analyse_layout(document& doc, std::optional<day_number> metadata_published, std::optional<day_number> address_published) {
    auto markers = scanner(doc).run();
    const std::optional<day_number> page_date = date_in_markup(doc, address_published);
    doc.split_sentences();
    layout_info info;
    std::vector<section_state> states;
    divide_into_sections(doc, markers, info, states);
    mark_titles(doc);
    date_sections(info, states, metadata_published, page_date);
    return info;
}

} // namespace naqsha::extract
