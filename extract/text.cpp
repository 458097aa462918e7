#include "extract/text.hpp"

#include "base/spare_buffer.hpp"
#include "base/utf8.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

namespace naqsha::extract {
namespace {

// Line feed, and the Unicode line and paragraph separators some web copy uses instead.
bool is_line_break(char32_t c) { return c == '\n' || c == 0x2028 || c == 0x2029 || c == 0x85; }

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF ||
           is_line_break(c);
}

// Punctuation folded to one ASCII character; 0 for letters.
char fold_punct(char32_t c) {
    if (c < 0x80) {
        auto a = static_cast<char>(c);
        if ((a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') || (a >= '0' && a <= '9')) return 0;
        return a;
    }
    switch (c) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x2033: return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return '-';
    case 0x2026: return '.';
    case 0x00B7: case 0x2022: case 0x25CF: case 0x25AA: case 0x2023: return '*';
    default: break;
    }
    if ((c >= 0x2016 && c <= 0x206F) || (c >= 0x00A1 && c <= 0x00BF) || c == 0x00D7 || c == 0x00F7 ||
        (c >= 0x2190 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || c == 0xFFFD)
        return '~';
    return 0;
}

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

// ascii_letter || ascii_digit by table: the word loop asks it of every byte of every word.
constexpr std::array<bool, 256> ascii_alnum_table = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c)
        t[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return t;
}();
bool ascii_alnum(char c) { return ascii_alnum_table[static_cast<unsigned char>(c)]; }

// A letter of any script (everything that is neither space, digit nor punctuation).
bool letter_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return false;
    auto c = decode_utf8(s, i);
    if (c.cp < 0x80) return ascii_letter(static_cast<char>(c.cp));
    return !is_space(c.cp) && fold_punct(c.cp) == 0;
}

bool alnum_at(std::string_view s, std::size_t i) { return i < s.size() && (ascii_digit(s[i]) || letter_at(s, i)); }

// An apostrophe (ASCII or typographic) at i: its byte length, else 0.
std::uint32_t apostrophe_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    if (s[i] == '\'') return 1;
    auto c = decode_utf8(s, i);
    return (c.cp == 0x2019 || c.cp == 0x2018) ? c.length : 0;
}

// The categories of a word token whose stem has been folded (fold_stem).
void classify_word(token& t, std::string_view word) {
    const lex::entry* e = t.stem_size <= 8 ? &lex::lookup_folded(t.folded, word.size()) : &lex::lookup(word);
    if (e->flags == 0) {
        // a word of ASCII letters and digits alone (most) has no hyphen to look for
        auto dash = (t.shape & ascii_alnum_only) ? std::string_view::npos : word.find('-');
        if (dash != std::string_view::npos) {
            // "sub-commanders", "Afghan-led": take a known last part, else the side of the first.
            const auto& last = lex::lookup(word.substr(word.rfind('-') + 1));
            const auto& first_part = lex::lookup(word.substr(0, dash));
            // "mid-July", "early-March": the month
            if ((last.flags & lex::month) && (equals_lower(word.substr(0, dash), "mid") || equals_lower(word.substr(0, dash), "early") ||
                                             equals_lower(word.substr(0, dash), "late"))) {
                t.flags = lex::month;
                t.value = last.value;
                return;
            }
            // "Thirty-two", "twenty-five": one number
            if ((first_part.flags & lex::number) && (last.flags & lex::number) && first_part.value >= 20 &&
                first_part.value <= 90 && first_part.value % 10 == 0 && last.value > 0 && last.value < 10 &&
                word.find('-', dash + 1) == std::string_view::npos) {
                t.flags = lex::number | lex::plural;
                t.value = first_part.value + last.value;
                return;
            }
            if (last.flags & (lex::person | lex::predicate | lex::trigger)) { // "sub-commanders", "suicide-bomb"
                e = &last;
            } else {
                const auto& first = lex::lookup(word.substr(0, dash));
                if (first.flags & lex::side_word) {
                    // "Taliban-held", "government-controlled": who holds a place
                    t.flags = lex::side_word | (last.flags & lex::territorial);
                    t.side = first.side;
                }
                return;
            }
        } else if (e->lemma == 0 && word[0] >= 'a' && word[0] <= 'z') {
            // a noun for people the lexicon does not list ("the headmaster"); a capitalised word
            // stays a name ("Sultan", "Malik")
            e = &lex::lookup_person(word);
        }
    }
    t.flags = e->flags;
    t.value = e->value;
    t.field = e->field;
    t.form = e->form;
    t.side = e->side;
    t.event = e->event;
    t.lemma = e->lemma;
    t.inflection = e->inflection;
}

// Eight bytes with A-Z lowered in one step, no other byte changed (as in equals_lower).
std::uint64_t lower_ascii_letters(std::uint64_t bytes) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, high_bits = 0x80 * ones;
    // a byte below 0x80 (its own high bit clear) between 'A' and 'Z' gains 0x20; the sums cannot carry
    const std::uint64_t low7 = bytes & ~high_bits;
    const std::uint64_t from_a = low7 + (0x80 - 'A') * ones;
    const std::uint64_t past_z = low7 + (0x7F - 'Z') * ones;
    const std::uint64_t upper = from_a & ~past_z & ~bytes & high_bits;
    return bytes | (upper >> 2);
}

// Of eight folded bytes of ASCII letters and digits, those in `lanes`: whether one is a digit (a
// folded letter has bit 0x40, a digit not).
bool has_digit(std::uint64_t folded, std::uint64_t lanes) { return (~folded & 0x4040404040404040ull & lanes) != 0; }

} // namespace

bool equals_lower(std::string_view text, std::string_view lower_word) {
    if (text.size() != lower_word.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (ascii_upper(c)) c = static_cast<char>(c + 32);
        if (c != lower_word[i]) return false;
    }
    return true;
}

namespace {

// "ISIS-Khorasan", "Daesh-Khorasan": the group's name in one hyphenated word
bool khorasan_compound(std::string_view stem) {
    constexpr std::string_view tail = "-khorasan";
    return stem.size() > tail.size() && equals_lower(stem.substr(stem.size() - tail.size()), tail);
}

} // namespace

// A finished token's stem length and, for a stem of up to eight bytes, the stem folded as
// document::is compares it: eight bytes at a time where the text has them, A-Z lowered in one step
// (no other byte changes, as in equals_lower). Forced inline: the compiler left it out of line, a
// call per token.
[[gnu::always_inline]] inline void document::fold_stem(token& t) const {
    const std::size_t size = t.end - t.begin - t.suffix;
    t.stem_size = static_cast<std::uint8_t>(std::min<std::size_t>(size, 255));
    if (size > 8) return;
    std::uint64_t bytes = 0;
    if (std::endian::native == std::endian::little && t.begin + 8 <= text_.size()) {
        std::memcpy(&bytes, text_.data() + t.begin, 8);
        if (size < 8) bytes &= (std::uint64_t{1} << (8 * size)) - 1;
    } else {
        bytes = pack_word(text_.substr(t.begin, size));
    }
    t.folded = lower_ascii_letters(bytes);
}

document::document(std::string_view text) : text_(text) {
    // the buffers of the thread's last document (base/spare_buffer.hpp)
    take_spare(tokens_);
    take_spare(sentences_);
    take_spare(name_words_);
    take_spare(name_folded_);
    tokens_.reserve(text.size() / 5 + 8);
    std::size_t i = 0;
    const std::size_t n = text.size();
    std::uint16_t pending = 0; // space/newline bits for the next token
    int newlines = 0;
    while (i < n) {
        if (text[i] == ' ') { // the commonest byte, before any decoding
            pending |= space_before;
            ++i;
            continue;
        }
        auto c = decode_utf8(text, i);
        // A NUL would start a word of no letters and never be stepped over. The readers reject
        // NUL bytes, but the tokenizer must not depend on that: it counts as a space.
        if (is_space(c.cp) || c.cp == 0) {
            pending |= space_before;
            if (is_line_break(c.cp)) {
                ++newlines;
                pending |= newline_before;
                if (newlines >= 2) pending |= blank_before;
            }
            i += c.length;
            continue;
        }
        // Built in place: a token assembled on the stack and copied in stalls on the copy (its
        // byte-sized fields are stored one by one and reloaded sixteen bytes at a time).
        token& t = tokens_.emplace_back();
        t.begin = static_cast<std::uint32_t>(i);
        t.shape = pending;
        pending = 0;
        newlines = 0;
        // ASCII letters and digits, most tokens, are no punctuation: spare them the lookup.
        char p = c.cp < 0x80 && ascii_alnum(static_cast<char>(c.cp)) ? 0 : fold_punct(c.cp);
        if (c.cp < 0x80 && ascii_digit(static_cast<char>(c.cp))) {
            // A number: 1,540 / 56.3 / 22nd. Letters glued on make it a word (82mm, 1990s).
            bool plain = true; // ASCII letters and digits only
            std::size_t j = i;
            std::int64_t value = 0;
            auto add_digit = [&](char d) { value = std::min<std::int64_t>(value * 10 + (d - '0'), 1000000000); };
            while (j < n && ascii_digit(text[j])) add_digit(text[j++]);
            while (j + 3 < n && text[j] == ',' && ascii_digit(text[j + 1]) && ascii_digit(text[j + 2]) &&
                   ascii_digit(text[j + 3]) && !(j + 4 < n && ascii_digit(text[j + 4]))) {
                add_digit(text[j + 1]), add_digit(text[j + 2]), add_digit(text[j + 3]);
                j += 4;
                plain = false;
            }
            if (j + 1 < n && text[j] == '.' && ascii_digit(text[j + 1])) {
                plain = false;
                t.shape |= decimal;
                j += 1;
                while (j < n && ascii_digit(text[j])) ++j;
            }
            t.kind = token_kind::number;
            t.value = static_cast<std::int32_t>(value);
            if (j < n && letter_at(text, j)) {
                std::size_t k = j;
                while (k < n && alnum_at(text, k)) k += decode_utf8(text, k).length; // whole characters: a token never splits one
                auto suffix = text.substr(j, k - j);
                plain = plain && std::all_of(suffix.begin(), suffix.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
                if (equals_lower(suffix, "st") || equals_lower(suffix, "nd") || equals_lower(suffix, "rd") ||
                    equals_lower(suffix, "th")) {
                    t.shape |= ordinal_suffix;
                } else {
                    t.kind = token_kind::word;
                    t.value = 0;
                }
                j = k;
            }
            t.end = static_cast<std::uint32_t>(j);
            if (plain) t.shape |= ascii_alnum_only;
            fold_stem(t);
            i = j;
        } else if (p == 0) {
            // A word: letters and digits, joined by inner apostrophes and hyphens, or dotted
            // initials (U.S.).
            std::size_t j = i;
            bool dotted = true; // every segment so far is one letter long
            std::size_t segment = 0;
            std::size_t first_run_end = i; // where the word's first run of ASCII letters and digits ends
            while (j < n) {
                // ASCII letters and digits, the common case, without decoding
                if (ascii_alnum(text[j])) {
                    std::size_t k = j + 1;
                    while (k < n && ascii_alnum(text[k])) ++k;
                    if (j == i) first_run_end = k;
                    segment += k - j;
                    if (segment > 1) dotted = false;
                    j = k;
                    continue;
                }
                // Any other ASCII byte but an apostrophe, hyphen or full stop ends the word: spare
                // it the decoding tests below.
                if (static_cast<unsigned char>(text[j]) < 0x80 && text[j] != '\'' && text[j] != '-' && text[j] != '.') break;
                if (alnum_at(text, j)) {
                    auto l = decode_utf8(text, j).length;
                    j += l;
                    ++segment;
                    if (segment > 1) dotted = false;
                    continue;
                }
                if (auto a = apostrophe_at(text, j); a && letter_at(text, j + a)) {
                    j += a;
                    dotted = false;
                    continue;
                }
                if (text[j] == '-' && alnum_at(text, j + 1)) {
                    ++j;
                    dotted = false;
                    segment = 0;
                    continue;
                }
                if (text[j] == '.' && dotted && segment == 1 && j + 1 < n &&
                    ((ascii_letter(text[j + 1]) && j + 2 < n && text[j + 2] == '.') ||
                     (j > i + 1 && text[j - 2] == '.'))) {
                    // U.S. / U.N.: keep the dots, including the last one
                    ++j;
                    segment = 0;
                    continue;
                }
                break;
            }
            t.kind = token_kind::word;
            t.end = static_cast<std::uint32_t>(j);
            auto word = text.substr(i, j - i);
            // possessive 's
            std::size_t stem_end = word.size();
            if (word.size() > 2 && (word.back() == 's' || word.back() == 'S')) {
                if (word[word.size() - 2] == '\'') stem_end = word.size() - 2;
                else if (word.size() > 4 && word.compare(word.size() - 4, 3, "\xE2\x80\x99") == 0) stem_end = word.size() - 4;
            }
            if (stem_end != word.size()) {
                t.shape |= possessive;
                t.suffix = static_cast<std::uint8_t>(word.size() - stem_end);
            }
            auto stem = word.substr(0, stem_end);
            if (!stem.empty() && ascii_upper(stem[0])) {
                t.shape |= capitalized;
                bool caps = stem.size() >= 2;
                for (char ch : stem)
                    if (ascii_letter(ch) && !ascii_upper(ch)) {
                        caps = false;
                        break;
                    }
                if (caps) t.shape |= all_caps;
            } else if (!stem.empty() && static_cast<unsigned char>(stem[0]) >= 0x80) {
                t.shape |= capitalized; // names in other scripts behave like proper nouns
            }
            if (first_run_end == j) t.shape |= ascii_alnum_only; // that run is the whole word
            fold_stem(t);
            classify_word(t, stem);
            // words later passes look for, noted here so they need not search the text again (a stem
            // of up to eight bytes by its folded form, as document::is compares it)
            if (stem.size() >= 6 && stem.size() <= 8) {
                if (t.folded == pack_word("islamic") || t.folded == pack_word("khorasan")) group_names_ = true;
                if (t.folded == pack_word("capital") || t.folded == pack_word("palace")) kabul_words_ = true;
            } else if (stem.size() == 10) {
                if (equals_lower(stem, "parliament")) kabul_words_ = true;
            } else if (stem.size() > 9 && khorasan_compound(stem)) {
                group_names_ = true;
            } else if (stem == "IS") {
                group_names_ = true; // perhaps the Islamic State's initials
            }
            i = j;
        } else {
            t.kind = token_kind::punct;
            t.ch = p;
            t.end = static_cast<std::uint32_t>(i + c.length);
            fold_stem(t);
            i += c.length;
        }
    }
    token_count_ = tokens_.size();
    make_name_words();
    if (group_names_) name_groups();
}

// The gazetteer's words of the text (gazetteer::tokenize), from the tokens, so that the place-name
// scan need not tokenize the text again. The text is cut at white space, which ends every word of the
// gazetteer's, into runs of tokens. A run of plain words (ASCII letters and digits only, most of
// them) and ASCII marks that end words gives its words here: a short word's folded stem is its
// folded form. Any other run ("Nad-e-Ali", "Kabul's", "Qal'ah", "U.S.", "1,540", Dari script, curly
// quotes) is handed whole to gazetteer::tokenize_part, so every word comes out as the gazetteer's
// own pass over the whole text would make it.
void document::make_name_words() {
    name_words_.clear();
    name_words_.reserve(token_count_ + 8);
    name_folded_.resize(text_.size() + 8); // folding never lengthens a word; 8 more for a word stored whole
    char* const folded = name_folded_.data();
    std::size_t size = 0; // folded bytes written
    std::size_t run_begin = 0, run_end = 0, run_words = 0, run_folded = 0;
    bool plain_run = true;
    auto close_run = [&] {
        if (plain_run) return;
        name_words_.resize(run_words);
        size = gazetteer::tokenize_part(text_, run_begin, run_end, name_words_, folded, run_folded);
    };
    for (std::size_t i = 0; i < token_count_; ++i) {
        const token& t = tokens_[i];
        if (t.shape & space_before) {
            close_run();
            run_begin = t.begin;
            run_words = name_words_.size();
            run_folded = size;
            plain_run = true;
        }
        run_end = t.end;
        if (!plain_run) continue;
        const std::size_t length = t.end - t.begin;
        if (!(t.shape & ascii_alnum_only)) {
            // an ASCII mark ends a word, but an apostrophe or backtick may stand inside a name: "Qal'ah"
            plain_run = t.kind == token_kind::punct && length == 1 && t.ch != '\'' && t.ch != '`';
            continue;
        }
        char* out = folded + size;
        bool digit = false;
        if constexpr (std::endian::native == std::endian::little) {
            // The gazetteer lowers A-Z and keeps digits, as lower_ascii_letters does: a short word's
            // folded stem is its folded form; a longer one is folded eight bytes at a time, the last
            // eight overlapping the others.
            if (length <= 8) {
                std::memcpy(out, &t.folded, 8);
                digit = has_digit(t.folded, length == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * length)) - 1);
            } else {
                const char* word = text_.data() + t.begin;
                for (std::size_t k = 0; k < length; k += 8) {
                    const std::size_t at = std::min(k, length - 8);
                    std::uint64_t bytes;
                    std::memcpy(&bytes, word + at, 8);
                    bytes = lower_ascii_letters(bytes);
                    std::memcpy(out + at, &bytes, 8);
                    digit = digit || has_digit(bytes, ~std::uint64_t{0});
                }
            }
        } else {
            for (std::size_t k = 0; k < length; ++k) {
                char c = text_[t.begin + k];
                out[k] = ascii_upper(c) ? static_cast<char>(c + 32) : c;
                digit = digit || ascii_digit(c);
            }
        }
        // a plain token is capitalised exactly when its first byte is an ASCII capital (a number never is)
        name_words_.push_back({t.begin, t.end, static_cast<std::uint32_t>(size), static_cast<std::uint32_t>(size + length),
                               (t.shape & capitalized) != 0, false, digit});
        size += length;
    }
    close_run();
    name_folded_.resize(size);
}

document::~document() {
    give_back(tokens_);
    give_back(sentences_);
    give_back(name_words_);
    give_back(name_folded_);
}


// Groups known by a name whose words mean nothing apart: "Islamic State" (and its "Khorasan
// Province", "Islamic State Khorasan", "ISIS-Khorasan") is IS-K, whose people are neither the
// Taliban's nor the government's. Khorasan is the old name of the region, not a place of the map.
void document::name_groups() {
    auto group = [&](std::size_t k) {
        tokens_[k].flags = lex::side_word;
        tokens_[k].side = lex::side::isk;
    };
    auto group_before = [&](std::size_t i) { // "Islamic State Khorasan", "ISIS – Khorasan", "IS's Khorasan"
        for (std::size_t k = i, seen = 0; k > 0 && seen < 3; ++seen) {
            const token& b = tokens_[--k];
            if (b.kind == token_kind::word) return b.side == lex::side::isk && b.has(lex::side_word);
            if (b.kind != token_kind::punct || b.is_punct('.') || b.is_punct(',')) return false;
        }
        return false;
    };
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
        token& t = tokens_[i];
        if (t.kind != token_kind::word || !(t.shape & capitalized)) continue;
        if (i >= 1 && is(i, "state") && is(i - 1, "islamic") && (tokens_[i - 1].shape & capitalized)) {
            group(i - 1);
            group(i);
        } else if (is(i, "khorasan") && (group_before(i) || (i + 1 < tokens_.size() && is(i + 1, "province")))) {
            group(i);
            if (i + 1 < tokens_.size() && is(i + 1, "province")) group(i + 1);
        } else if (khorasan_compound(stem(i))) {
            group(i); // "ISIS-Khorasan", "Daesh-Khorasan"
        } else if (stem(i) == "IS" && initials_of_a_group(i)) {
            group(i);
        }
    }
}

// "an IS commander", "IS fighters", "IS claimed the attack": the initials, where the words around are
// not in capitals too ("A BOMB IS FOUND") and no verb "is" fits: a name or a determiner before it,
// or a person, a side or a verb after it.
bool document::initials_of_a_group(std::size_t i) const {
    auto word = [&](std::size_t k) { return k < tokens_.size() && tokens_[k].kind == token_kind::word; };
    const bool shouting = (word(i + 1) && (tokens_[i + 1].shape & all_caps)) || (i > 0 && word(i - 1) && (tokens_[i - 1].shape & all_caps));
    if (shouting) return false;
    if (i > 0 && word(i - 1) && tokens_[i - 1].has(lex::determiner)) return true;
    if (!word(i + 1)) return i > 0 && word(i - 1) && tokens_[i - 1].has(lex::verb); // "claimed by IS."
    const token& next = tokens_[i + 1];
    return next.has(lex::person | lex::side_word) || is(i + 1, "group") || is(i + 1, "militants") || is(i + 1, "fighters") ||
           is(i + 1, "commander") || is(i + 1, "leader") || next.inflection == morph::inflection::past;
}

bool claims_lives(const document& doc, std::size_t i) {
    return (doc.is(i, "claimed") || doc.is(i, "claims") || doc.is(i, "claim")) && (doc.is(i + 1, "lives") || doc.is(i + 2, "lives"));
}

std::size_t document::token_from(std::uint32_t byte) const {
    auto end = tokens_.begin() + static_cast<std::ptrdiff_t>(token_count_);
    auto it = std::lower_bound(tokens_.begin(), end, byte, [](const token& t, std::uint32_t b) { return t.begin < b; });
    return static_cast<std::size_t>(it - tokens_.begin());
}

std::string_view document::span(std::size_t first, std::size_t last) const {
    if (first >= last || last > tokens_.size()) return {};
    return text_.substr(tokens_[first].begin, tokens_[last - 1].end - tokens_[first].begin);
}

// Hard-wrapped copy (lines of similar length broken mid-sentence): several long lines end without
// a full stop and the next line goes on in lower case.
bool document::hard_wrapped() const {
    int wraps = 0;
    for (std::size_t i = 1; i < tokens_.size(); ++i) {
        const token& t = tokens_[i];
        if (!(t.shape & newline_before) || (t.shape & blank_before)) continue;
        const token& p = tokens_[i - 1];
        bool ends = p.is_punct('.') || p.is_punct('!') || p.is_punct('?') || p.is_punct(':') || p.is_punct('"');
        bool lower = t.kind == token_kind::word && !(t.shape & capitalized);
        if (ends || !lower) continue; // the line's length, a search back through it, only if it matters
        auto line_begin = text_.rfind('\n', p.begin);
        std::size_t length = p.end - (line_begin == std::string_view::npos ? 0 : line_begin + 1);
        if (length >= 40) ++wraps;
    }
    return wraps >= 2;
}

void document::split_sentences() {
    sentences_.clear();
    const std::size_t n = tokens_.size();
    const bool wrapped_copy = hard_wrapped();
    std::uint32_t paragraph = 0;
    std::size_t start = n; // no open sentence
    auto close = [&](std::size_t last) {
        if (start < last) {
            sentence s;
            s.first = static_cast<std::uint32_t>(start);
            s.last = static_cast<std::uint32_t>(last);
            s.begin = tokens_[start].begin;
            s.end = tokens_[last - 1].end;
            s.paragraph = paragraph;
            sentences_.push_back(s);
        }
        start = n;
    };
    // Words after which a line break cannot end a sentence: the line was wrapped.
    auto continues = [&](const token& t) {
        return (t.kind == token_kind::word && t.has(lex::preposition | lex::determiner | lex::conjunction) &&
                !t.has(lex::pronoun)) ||
               t.is_punct(',') || t.is_punct('-');
    };
    for (std::size_t i = 0; i < n; ++i) {
        const token& t = tokens_[i];
        if (t.shape & newline_before) {
            bool wrapped = start < i && i > 0 && !(t.shape & blank_before) &&
                           (continues(tokens_[i - 1]) ||
                            (wrapped_copy && !(tokens_[i - 1].is_punct('.') || tokens_[i - 1].is_punct('!') ||
                                               tokens_[i - 1].is_punct('?') || tokens_[i - 1].is_punct(':'))));
            if (!wrapped) {
                close(i);
                ++paragraph;
            }
        }
        if (t.shape & boiler) {
            close(i);
            continue;
        }
        if (t.is_punct('*') && (t.shape & space_before)) { // a bullet
            close(i);
            continue;
        }
        if (start == n) start = i;
        bool end_mark = t.is_punct('.') || t.is_punct('!') || t.is_punct('?');
        if (!end_mark) continue;
        // take closing quotes and brackets glued to the mark
        std::size_t j = i + 1;
        while (j < n && !(tokens_[j].shape & space_before) &&
               (tokens_[j].is_punct('"') || tokens_[j].is_punct('\'') || tokens_[j].is_punct(')') || tokens_[j].is_punct(']')))
            ++j;
        if (j >= n) {
            close(j);
            i = j - 1;
            continue;
        }
        const token& next = tokens_[j];
        if (next.shape & newline_before) {
            close(j);
            i = j - 1;
            continue;
        }
        if (t.is_punct('.') && i > start) {
            const token& prev = tokens_[i - 1];
            auto prev_text = str(i - 1);
            bool initial = prev.kind == token_kind::word && prev_text.size() == 1 && ascii_upper(prev_text[0]);
            if (!(t.shape & space_before) && (prev.has(lex::abbreviation) || initial)) continue;
        }
        bool starts = (next.kind == token_kind::word && (next.shape & capitalized)) || next.kind == token_kind::number ||
                      next.is_punct('"') || next.is_punct('(') || next.is_punct('[') || next.is_punct('\'') || next.is_punct('*');
        if (starts) {
            close(j);
            i = j - 1;
        }
    }
    close(n);
}

} // namespace naqsha::extract
