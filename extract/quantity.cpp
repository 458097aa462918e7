#include "extract/quantity.hpp"

#include <algorithm>

namespace naqsha::extract {
namespace {

// The value of a number word or hyphenated compound ("twenty-five"), else 0.
int number_word(const document& doc, std::size_t i) {
    const token& t = doc.at(i);
    if (t.kind != token_kind::word) return 0;
    if (t.has(lex::number)) return t.value;
    if (t.shape & ascii_alnum_only) return 0; // (no hyphen: spared the look for one)
    auto w = doc.stem(i);
    auto dash = w.find('-');
    if (dash == std::string_view::npos) return 0;
    const auto& tens = lex::lookup(w.substr(0, dash));
    const auto& ones = lex::lookup(w.substr(dash + 1));
    if ((tens.flags & lex::number) && (ones.flags & lex::number) && tens.value >= 20 && tens.value <= 90 && ones.value < 10)
        return tens.value + ones.value;
    return 0;
}

bool plain_number(const token& t) {
    return t.kind == token_kind::number && !(t.shape & (decimal | ordinal_suffix));
}

struct core {
    int low = 0, high = 0;
    bool vague = false;
    std::size_t end = 0;
};

// A number, number words, a range, or a vague amount at k.
std::optional<core> parse_core(const document& doc, std::size_t k, std::size_t limit) {
    auto is = [&](std::size_t i, std::string_view w) { return i < limit && doc.is(i, w); };
    if (k >= limit) return std::nullopt;
    const token& t = doc.at(k);
    core c;
    if (plain_number(t)) {
        c.low = c.high = t.value;
        c.end = k + 1;
    } else if (int v = number_word(doc, k)) {
        c.low = v;
        c.end = k + 1;
        // twenty five; one hundred; three dozen; two hundred and fifty
        while (c.end < limit) {
            int next = number_word(doc, c.end);
            if (next == 100 || next == 1000) {
                c.low *= next;
                ++c.end;
            } else if (next == 12 && doc.is(c.end, "dozen")) {
                c.low *= 12;
                ++c.end;
            } else if (next > 0 && next < 10 && c.low % 10 == 0 && c.low >= 20 && c.low < 100) {
                c.low += next;
                ++c.end;
            } else if (doc.is(c.end, "and") && c.end + 1 < limit && c.low >= 100 && number_word(doc, c.end + 1) > 0 &&
                       number_word(doc, c.end + 1) < 100) {
                c.low += number_word(doc, c.end + 1);
                c.end += 2;
            } else {
                break;
            }
        }
        c.high = c.low;
    } else if (is(k, "a") || is(k, "an")) {
        // a dozen, a couple of, a few, a number of, a handful of, a score of
        if (is(k + 1, "dozen")) {
            c.low = c.high = 12;
            c.end = k + 2;
        } else if (is(k + 1, "hundred") || is(k + 1, "thousand")) {
            // "over a hundred", "nearly a thousand"
            c.low = c.high = is(k + 1, "hundred") ? 100 : 1000;
            c.end = k + 2;
        } else if (is(k + 1, "couple") || is(k + 1, "few") || is(k + 1, "number") || is(k + 1, "handful")) {
            c.low = c.high = doc.at(k + 1).value;
            c.vague = true;
            c.end = k + 2;
            if (is(c.end, "of")) ++c.end;
        } else {
            return std::nullopt;
        }
    } else if (is(k, "half") && is(k + 1, "a") && is(k + 2, "dozen")) {
        c.low = c.high = 6;
        c.end = k + 3;
    } else if (t.has(lex::vague) && !is(k, "number") && !is(k, "couple")) {
        c.low = c.high = t.value;
        c.vague = true;
        c.end = k + 1;
        if (is(k, "tens") || is(k, "dozens") || is(k, "scores") || is(k, "hundreds") || is(k, "thousands")) {
            if (is(c.end, "of")) ++c.end;
            else if (is(k, "tens")) return std::nullopt;
        }
    } else {
        return std::nullopt;
    }
    // "several dozen", "a few dozen": so many dozens
    if (c.vague && c.low > 0 && c.low < 12 && is(c.end, "dozen")) {
        c.low = c.high = c.low * 12;
        ++c.end;
    }
    // ranges: 25 to 35, eight to 12, 10-15, 3 or 4
    if (!c.vague && c.end + 1 < limit && (is(c.end, "to") || is(c.end, "or") || doc.at(c.end).is_punct('-'))) {
        std::size_t m = c.end + 1;
        int upper = plain_number(doc.at(m)) ? doc.at(m).value : number_word(doc, m);
        if (upper > c.low) {
            c.high = upper;
            c.end = m + 1;
        }
    }
    // "35 or more", "20 or so": at least that many, as "at least 35" is
    if (!c.vague && c.end + 1 < limit && is(c.end, "or") && (is(c.end + 1, "more") || is(c.end + 1, "so"))) c.end += 2;
    return c;
}

} // namespace

bool may_end_quantity(const document& doc, std::size_t i) {
    if (i >= doc.size()) return false;
    const token& t = doc.at(i);
    if (t.kind == token_kind::number) return true;
    if (t.kind != token_kind::word) return false;
    if (t.has(lex::number | lex::vague)) return true;
    // what parse_core ends with besides those: a hyphenated number word, or the word after "a"
    static constexpr word_list closing{{"of", "dozen", "hundred", "thousand", "couple", "few", "number", "handful", "more", "so"}};
    return is_one_of(doc, i, closing) || (!(t.shape & ascii_alnum_only) && doc.stem(i).find('-') != std::string_view::npos);
}

std::optional<quantity> parse_quantity(const document& doc, std::size_t i, std::size_t limit) {
    limit = std::min(limit, doc.size());
    if (i >= limit) return std::nullopt;
    {
        // every quantity starts with a number, a number word, a vague amount, a modifier or "a"
        const token& t = doc.at(i);
        constexpr std::uint64_t starts = lex::number | lex::vague | lex::modifier | lex::determiner | lex::preposition |
                                         lex::additive;
        if (t.kind == token_kind::punct) return std::nullopt;
        // (a word of ASCII letters and digits alone, most, has no hyphen to look for)
        if (t.kind == token_kind::word && !t.has(starts) &&
            ((t.shape & ascii_alnum_only) || doc.stem(i).find('-') == std::string_view::npos) &&
            !doc.is(i, "half") && !doc.is(i, "close") && !doc.is(i, "greater"))
            return std::nullopt;
    }
    auto is = [&](std::size_t k, std::string_view w) { return k < limit && doc.is(k, w); };
    enum class mod { none, at_least, more_than, up_to, about, almost, fewer_than, between } m = mod::none;
    std::size_t k = i;
    if (is(k, "at") && is(k + 1, "least")) { m = mod::at_least; k += 2; }
    else if ((is(k, "more") || is(k, "greater")) && is(k + 1, "than")) { m = mod::more_than; k += 2; }
    else if (is(k, "over") || is(k, "exceeding")) { m = mod::more_than; k += 1; }
    else if (is(k, "upwards") && is(k + 1, "of")) { m = mod::more_than; k += 2; }
    else if (is(k, "in") && is(k + 1, "excess") && is(k + 2, "of")) { m = mod::more_than; k += 3; }
    else if (is(k, "up") && is(k + 1, "to")) { m = mod::up_to; k += 2; }
    else if (is(k, "as") && is(k + 1, "many") && is(k + 2, "as")) { m = mod::up_to; k += 3; }
    else if ((is(k, "fewer") || is(k, "less")) && is(k + 1, "than")) { m = mod::fewer_than; k += 2; }
    else if (is(k, "about") || is(k, "around") || is(k, "approximately") || is(k, "roughly") || is(k, "some") ||
             is(k, "estimated") || is(k, "approx")) {
        m = mod::about;
        k += 1;
    }
    else if (is(k, "an") && is(k + 1, "estimated")) { m = mod::about; k += 2; }
    else if (is(k, "close") && is(k + 1, "to")) { m = mod::almost; k += 2; }
    else if (is(k, "nearly") || is(k, "almost")) { m = mod::almost; k += 1; }
    else if (is(k, "between")) { m = mod::between; k += 1; }
    else if (is(k, "a") && is(k + 1, "total") && is(k + 2, "of")) { k += 3; }
    if (k < limit && doc.at(k).is_punct('.') && m == mod::about) ++k;

    auto c = parse_core(doc, k, limit);
    if (!c) {
        // "some" alone is itself a vague amount
        if (m == mod::about && doc.is(i, "some")) c = parse_core(doc, i, limit), m = mod::none;
        if (!c) return std::nullopt;
    }
    if (m == mod::between && is(c->end, "and") && c->end + 1 < limit) {
        if (auto upper = parse_core(doc, c->end + 1, limit); upper && upper->high > c->low) {
            c->high = upper->high;
            c->end = upper->end;
        }
    }
    quantity q;
    q.first = static_cast<std::uint32_t>(i);
    q.last = static_cast<std::uint32_t>(c->end);
    q.vague = c->vague;
    q.low = c->low;
    q.high = std::max(c->low, c->high);
    switch (m) {
    // "more than 20" is at least 20 to a coder (news codebook), as "at least 20" is
    case mod::more_than: q.high = std::max(q.low, c->high); break;
    case mod::up_to: q.upper_bound = true; break;
    case mod::fewer_than: q.low = std::max(0, c->low - 1); q.high = q.low; q.upper_bound = true; break;
    // "nearly 200", "close to 50": the figure the item states, as "up to 20" is 20 (news codebook);
    // but "almost three dozen" counts in dozens, and falls short of the next one
    case mod::almost:
        q.high = c->low;
        if (c->end > k && doc.is(c->end - 1, "dozen")) q.low = std::max(0, std::min(c->low - 1, c->low * 95 / 100));
        break;
    default: break;
    }
    q.best = q.low;
    return q;
}

} // namespace naqsha::extract
