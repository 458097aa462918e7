#include "extract/text.hpp"

#include "base/spare_buffer.hpp"
#include "base/utf8.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
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

// What the tokenizer's main loop needs to know of a byte, by table: one load decides the common cases.
enum byte_kind : std::uint8_t {
    ascii_space_byte = 1 << 0,  // white space (is_space) or NUL, which counts as one
    ascii_letter_byte = 1 << 1,
    ascii_digit_byte = 1 << 2,
    non_ascii_byte = 1 << 3,    // part of a longer UTF-8 sequence (or a malformed byte)
    word_joining_byte = 1 << 4, // may continue a word past a run of ASCII letters and digits: ' - . or non-ASCII
};

constexpr std::array<std::uint8_t, 256> byte_kinds = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
        std::uint8_t k = 0;
        if (c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') k |= ascii_space_byte;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) k |= ascii_letter_byte;
        if (c >= '0' && c <= '9') k |= ascii_digit_byte;
        if (c >= 0x80) k |= non_ascii_byte | word_joining_byte;
        if (c == '\'' || c == '-' || c == '.') k |= word_joining_byte;
        t[static_cast<std::size_t>(c)] = k;
    }
    return t;
}();

std::uint8_t byte_kind_of(char c) { return byte_kinds[static_cast<unsigned char>(c)]; }

constexpr std::uint64_t lane_ones = 0x0101010101010101ull, lane_high_bits = 0x80 * lane_ones;

// Eight bytes of text as one integer, byte k at bits 8k (on a little-endian machine).
std::uint64_t load_eight(const char* p) {
    std::uint64_t bytes;
    std::memcpy(&bytes, p, 8);
    return bytes;
}

// Of eight text bytes, the lanes (their high bits) that hold ASCII letters and those that hold
// ASCII digits, found for all eight at once. No sum below carries out of its lane.
struct ascii_lanes {
    std::uint64_t letters;
    std::uint64_t digits;
};
ascii_lanes find_ascii_lanes(std::uint64_t bytes) {
    const std::uint64_t low7 = bytes & ~lane_high_bits;
    const std::uint64_t ascii = ~bytes & lane_high_bits;
    const std::uint64_t digits = (low7 + (0x80 - '0') * lane_ones) & ~(low7 + (0x7F - '9') * lane_ones) & ascii;
    const std::uint64_t as_lower = low7 | (0x20 * lane_ones); // A-Z onto a-z; nothing else lands there
    const std::uint64_t letters = (as_lower + (0x80 - 'a') * lane_ones) & ~(as_lower + (0x7F - 'z') * lane_ones) & ascii;
    return {letters, digits};
}

// The lanes of the first `count` bytes (count <= 8).
std::uint64_t first_lanes(std::size_t count) { return count >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * count)) - 1; }

// The end of a word whose bytes up to j are read, the last `segment` of them since its start or its
// last hyphen: letters and digits of any script, joined by inner apostrophes and hyphens, or dotted
// initials (U.S.). The tokenizer takes the common word, a run of ASCII letters and digits that
// nothing joins, without it.
std::size_t word_end(std::string_view text, std::size_t i, std::size_t j, std::size_t segment) {
    const std::size_t n = text.size();
    bool dotted = segment <= 1; // every segment so far is one letter long
    while (j < n) {
        // ASCII letters and digits, the common case, without decoding
        if (ascii_alnum(text[j])) {
            std::size_t k = j + 1;
            while (k < n && ascii_alnum(text[k])) ++k;
            segment += k - j;
            if (segment > 1) dotted = false;
            j = k;
            continue;
        }
        // Any other ASCII byte but an apostrophe, hyphen or full stop ends the word: spare it the
        // decoding tests below.
        if (!(byte_kind_of(text[j]) & word_joining_byte)) break;
        if (alnum_at(text, j)) {
            j += decode_utf8(text, j).length;
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
            ((ascii_letter(text[j + 1]) && j + 2 < n && text[j + 2] == '.') || (j > i + 1 && text[j - 2] == '.'))) {
            // U.S. / U.N.: keep the dots, including the last one
            ++j;
            segment = 0;
            continue;
        }
        break;
    }
    return j;
}

// The entry's fields, flags to inflection, lie in the token as in the entry (text.hpp): one copy.
constexpr std::size_t entry_bytes = offsetof(lex::entry, inflection) + sizeof(lex::entry::inflection);
static_assert(offsetof(token, inflection) - offsetof(token, flags) == offsetof(lex::entry, inflection) &&
              offsetof(token, value) - offsetof(token, flags) == offsetof(lex::entry, value) &&
              offsetof(token, field) - offsetof(token, flags) == offsetof(lex::entry, field) &&
              offsetof(token, form) - offsetof(token, flags) == offsetof(lex::entry, form) &&
              offsetof(token, side) - offsetof(token, flags) == offsetof(lex::entry, side) &&
              offsetof(token, event) - offsetof(token, flags) == offsetof(lex::entry, event) &&
              offsetof(token, lemma) - offsetof(token, flags) == offsetof(lex::entry, lemma));
void take_entry(token& t, const lex::entry& e) {
    std::memcpy(&t.flags, &e, entry_bytes);
}

// classify_word for a word the lexicon lists with no flags or does not list: out of the tokenizer's
// loop, which it would make keep registers.
[[gnu::noinline]] void classify_unlisted(token& t, std::string_view word, const lex::entry* e) {
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
            if (first_part.flags & lex::side_word) {
                // "Taliban-held", "government-controlled": who holds a place
                t.flags = lex::side_word | (last.flags & lex::territorial);
                t.side = first_part.side;
            }
            return;
        }
    } else if (e->lemma == 0 && word[0] >= 'a' && word[0] <= 'z') {
        // a noun for people the lexicon does not list ("the headmaster"); a capitalised word
        // stays a name ("Sultan", "Malik")
        e = &lex::lookup_person(word);
    }
    take_entry(t, *e);
}

// The categories of a word token whose stem has been folded (fold_stem).
[[gnu::always_inline]] inline void classify_word(token& t, std::string_view word) {
    const lex::entry& e = t.stem_size <= 8 ? lex::lookup_folded(t.folded, word.size()) : lex::lookup(word);
    if (e.flags == 0) classify_unlisted(t, word, &e);
    else take_entry(t, e);
}

using lex::lower_ascii_letters;

// Of eight folded bytes of ASCII letters and digits, or zero past a shorter word, whether one is a
// digit: a digit's byte has bit 0x10 and not 0x40, a folded letter's 0x40, a zero byte neither (so
// no mask of the word's length is needed).
bool has_digit(std::uint64_t folded) {
    return ((folded >> 4) & ~(folded >> 6) & 0x0101010101010101ull) != 0;
}

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

// A word that starts with an ASCII letter at t.begin: its end. Most words are one run of ASCII
// letters and digits that no apostrophe, hyphen, dot or other script continues; the run is read
// eight bytes at a time, and its folded stem and shape come from the same reads. Any other word
// goes on through word_end and finish_word.
[[gnu::always_inline]] inline std::size_t document::read_word(token& t) {
    const std::size_t n = text_.size();
    const char* const s = text_.data();
    const std::size_t i = t.begin;
    std::size_t j = i;
    std::uint64_t first = 0, first_letters = 0; // the first eight bytes and their letters, if read
    std::uint64_t lower_lanes = 0;              // lower-case letters in the run
    const bool eight_read = i + 8 <= n;
    bool run_ended = false; // a byte that is no ASCII letter or digit was found
    if (eight_read) {
        first = load_eight(s + i);
        const ascii_lanes lanes = find_ascii_lanes(first);
        first_letters = lanes.letters;
        std::uint64_t stop = ~(lanes.letters | lanes.digits) & lane_high_bits;
        // the 0x20 bit of a letter, moved to its lane's high bit, is a lower-case letter's
        lower_lanes = lanes.letters & (first << 2);
        if (stop) {
            const auto run = static_cast<std::size_t>(std::countr_zero(stop)) / 8;
            lower_lanes &= first_lanes(run);
            j = i + run;
            run_ended = true;
        } else {
            j = i + 8;
            while (j + 8 <= n) {
                const std::uint64_t bytes = load_eight(s + j);
                const ascii_lanes more = find_ascii_lanes(bytes);
                stop = ~(more.letters | more.digits) & lane_high_bits;
                const std::size_t run = stop ? static_cast<std::size_t>(std::countr_zero(stop)) / 8 : 8;
                lower_lanes |= more.letters & (bytes << 2) & first_lanes(run);
                j += run;
                if (stop) {
                    run_ended = true;
                    break;
                }
            }
        }
    }
    if (!run_ended) {
        // the text's last few bytes, one at a time
        for (; j < n && ascii_alnum(s[j]); ++j)
            if (s[j] >= 'a' && s[j] <= 'z') lower_lanes |= 1;
    }
    const std::size_t run = j - i;
    if (j < n && (byte_kind_of(s[j]) & word_joining_byte) && (s[j] != '.' || run == 1))
        return finish_word(t, word_end(text_, i, j, run), j);
    t.end = static_cast<std::uint32_t>(j);
    t.shape |= ascii_alnum_only;
    if (ascii_upper(s[i])) {
        t.shape |= capitalized;
        if (run >= 2 && lower_lanes == 0) t.shape |= all_caps;
    }
    t.stem_size = static_cast<std::uint8_t>(std::min<std::size_t>(run, 255));
    if (run <= 8) {
        if (eight_read && std::endian::native == std::endian::little)
            t.folded = (first | (first_letters >> 2)) & first_lanes(run);
        else
            fold_stem(t);
    }
    const std::string_view word(s + i, run);
    classify_word(t, word);
    note_word(t, word);
    return j;
}

// A word of any other kind, read to j: its possessive, shape, folded stem and categories. The word's
// first run of ASCII letters and digits ends at first_run_end.
std::size_t document::finish_word(token& t, std::size_t j, std::size_t first_run_end) {
    const std::size_t i = t.begin;
    t.kind = token_kind::word;
    t.end = static_cast<std::uint32_t>(j);
    auto word = text_.substr(i, j - i);
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
    note_word(t, stem);
    if (stem.size() > 10 && khorasan_compound(stem)) group_names_ = true;
    return j;
}

// Words later passes look for, noted here so they need not search the text again (a stem of up to
// eight bytes by its folded form, as document::is compares it). A hyphenated "ISIS-Khorasan" is
// finish_word's to note.
[[gnu::always_inline]] inline void document::note_word(const token& t, std::string_view stem) {
    if (stem.size() != 2 && (stem.size() < 6 || stem.size() > 10)) return; // most words, before the switch's table
    switch (stem.size()) {
    case 2:
        if (stem == "IS") group_names_ = true; // perhaps the Islamic State's initials
        break;
    case 6:
        if (t.folded == pack_word("palace")) kabul_words_ = true;
        break;
    case 7:
        if (t.folded == pack_word("islamic")) group_names_ = true;
        if (t.folded == pack_word("capital")) kabul_words_ = true;
        break;
    case 8:
        if (t.folded == pack_word("khorasan")) group_names_ = true;
        break;
    case 10:
        if (equals_lower(stem, "parliament")) kabul_words_ = true;
        break;
    default:
        break;
    }
}

// A number at t.begin (1,540 / 56.3 / 22nd): its end. Letters glued on make it a word (82mm, 1990s).
std::size_t document::read_number(token& t) {
    const std::string_view text = text_;
    const std::size_t n = text.size();
    bool plain = true; // ASCII letters and digits only
    std::size_t j = t.begin;
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
        if (equals_lower(suffix, "st") || equals_lower(suffix, "nd") || equals_lower(suffix, "rd") || equals_lower(suffix, "th")) {
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
    return j;
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
    auto space = [&](bool line_break) {
        pending |= space_before;
        if (line_break) {
            ++newlines;
            pending |= newline_before;
            if (newlines >= 2) pending |= blank_before;
        }
    };
    while (i < n) {
        const char byte = text[i];
        const std::uint8_t kind = byte_kind_of(byte);
        // A NUL would start a word of no letters and never be stepped over. The readers reject
        // NUL bytes, but the tokenizer must not depend on that: it counts as a space.
        if (kind & ascii_space_byte) {
            space(byte == '\n');
            ++i;
            continue;
        }
        utf8_char c{static_cast<unsigned char>(byte), 1};
        if (kind & non_ascii_byte) {
            c = decode_utf8(text, i);
            if (is_space(c.cp)) {
                space(is_line_break(c.cp));
                i += c.length;
                continue;
            }
        }
        // Built in place: a token assembled on the stack and copied in stalls on the copy (its
        // byte-sized fields are stored one by one and reloaded sixteen bytes at a time).
        token& t = tokens_.emplace_back();
        t.begin = static_cast<std::uint32_t>(i);
        t.shape = pending;
        // a line that goes on from the last (not after an empty line): a wrapped line?
        const bool line_goes_on = (pending & (newline_before | blank_before)) == newline_before && tokens_.size() > 1;
        pending = 0;
        newlines = 0;
        if (kind & ascii_letter_byte) {
            i = read_word(t);
            if (i < n && text[i] == ' ') { // the commonest byte after a word, without another turn of the loop
                pending = space_before;
                ++i;
            }
        } else if (kind & ascii_digit_byte) {
            i = read_number(t);
        } else if (!(kind & non_ascii_byte)) { // ASCII punctuation is itself
            t.kind = token_kind::punct;
            t.ch = byte;
            t.end = static_cast<std::uint32_t>(i + 1);
            t.stem_size = 1;
            t.folded = static_cast<unsigned char>(byte);
            ++i;
        } else if (const char p = fold_punct(c.cp); p != 0) {
            t.kind = token_kind::punct;
            t.ch = p;
            t.end = static_cast<std::uint32_t>(i + c.length);
            fold_stem(t);
            i += c.length;
        } else { // a word that starts in another script
            i = finish_word(t, word_end(text, i, i, 0), i);
        }
        if (line_goes_on && wrapped_line(tokens_.size() - 1)) ++wrapped_lines_;
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
    std::size_t words = 0; // name_words_.size(), counted here where a run starts
    std::size_t run_begin = 0, run_words = 0, run_folded = 0;
    bool plain_run = true;
    // the folded bytes' stores may alias anything: the tokens are read through a pointer of its own
    const token* const tokens = tokens_.data();
    const std::size_t count = token_count_;
    // The run before token `next` (which starts another run, or is the end): handed whole to the
    // gazetteer unless every word in it was plain. (A run that is not plain has a token.)
    auto close_run = [&](std::size_t next) {
        if (plain_run) return;
        name_words_.resize(run_words);
        size = gazetteer::tokenize_part(text_, run_begin, tokens[next - 1].end, name_words_, folded, run_folded);
        words = name_words_.size();
    };
    for (std::size_t i = 0; i < count; ++i) {
        const token& t = tokens[i];
        if (t.shape & space_before) {
            close_run(i);
            run_begin = t.begin;
            run_words = words;
            run_folded = size;
            plain_run = true;
        }
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
                digit = has_digit(t.folded);
            } else {
                const char* word = text_.data() + t.begin;
                for (std::size_t k = 0; k < length; k += 8) {
                    const std::size_t at = std::min(k, length - 8);
                    std::uint64_t bytes;
                    std::memcpy(&bytes, word + at, 8);
                    bytes = lower_ascii_letters(bytes);
                    std::memcpy(out + at, &bytes, 8);
                    digit = digit || has_digit(bytes);
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
        ++words;
        size += length;
    }
    close_run(count);
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

bool adverb_like(const document& doc, std::size_t k) {
    const token& t = doc.at(k);
    if (t.has(lex::adverb)) return true;
    if (t.kind != token_kind::word || t.flags != 0 || (t.shape & capitalized)) return false;
    const auto w = doc.stem(k);
    return w.size() > 4 && w.ends_with("ly");
}

bool claims_lives(const document& doc, std::size_t i) {
    auto lives = [&](std::size_t k) { return doc.is(k, "lives") || doc.is(k, "life"); };
    return (doc.is(i, "claimed") || doc.is(i, "claims") || doc.is(i, "claim")) && (lives(i + 1) || lives(i + 2));
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
// a full stop and the next line goes on in lower case. Token i, which starts a line, is asked as it
// is made (the constructor counts them in wrapped_lines_).
bool document::wrapped_line(std::size_t i) const {
    const token& t = tokens_[i];
    const token& p = tokens_[i - 1];
    bool ends = p.is_punct('.') || p.is_punct('!') || p.is_punct('?') || p.is_punct(':') || p.is_punct('"');
    bool lower = t.kind == token_kind::word && !(t.shape & capitalized);
    if (ends || !lower) return false; // the line's length, a search back through it, only if it matters
    auto line_begin = text_.rfind('\n', p.begin);
    std::size_t length = p.end - (line_begin == std::string_view::npos ? 0 : line_begin + 1);
    return length >= 40;
}

void document::split_sentences() {
    sentences_.clear();
    const std::size_t n = tokens_.size();
    const bool wrapped_copy = wrapped_lines_ >= 2;
    std::uint32_t paragraph = 0;
    std::size_t start = n; // no open sentence
    // the lexicon flags of the open sentence's tokens: of every token the loop reads from its start
    // (the marks a sentence's end takes on, which it passes over, are punctuation, with none)
    std::uint64_t flags = 0;
    auto close = [&](std::size_t last) {
        if (start < last) {
            sentence s;
            s.first = static_cast<std::uint32_t>(start);
            s.last = static_cast<std::uint32_t>(last);
            s.begin = tokens_[start].begin;
            s.end = tokens_[last - 1].end;
            s.paragraph = paragraph;
            s.flags = flags;
            sentences_.push_back(s);
        }
        start = n;
    };
    // Token i goes on the open sentence, or opens one.
    auto go_on = [&](std::size_t i) {
        if (start == n) {
            start = i;
            flags = 0;
        }
        flags |= tokens_[i].flags;
    };
    // Words after which a line break cannot end a sentence: the line was wrapped.
    auto continues = [&](const token& t) {
        return (t.kind == token_kind::word && t.has(lex::preposition | lex::determiner | lex::conjunction) &&
                !t.has(lex::pronoun)) ||
               t.is_punct(',') || t.is_punct('-');
    };
    for (std::size_t i = 0; i < n; ++i) {
        const token& t = tokens_[i];
        // Most tokens are words inside a line, which only go on the open sentence (or open one): the
        // tests below are for line breaks, headers and marks
        if (!(t.shape & (newline_before | boiler)) && t.kind != token_kind::punct) {
            go_on(i);
            continue;
        }
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
        go_on(i);
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
