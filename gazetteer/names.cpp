#include "gazetteer/names.hpp"

#include "base/utf8.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace naqsha::gazetteer {
namespace {

struct fold_range {
    char32_t first, last;
    char base;
};

// Latin letters with diacritics -> their base letter (the romanisations in use: AGCHO, AIMS, scholarly
// transliteration with dots and macrons, and French or German spellings in older reporting).
constexpr std::array<fold_range, 62> latin_folds{{
    {0x00C0, 0x00C5, 'a'}, {0x00C6, 0x00C6, 'a'}, {0x00C7, 0x00C7, 'c'}, {0x00C8, 0x00CB, 'e'},
    {0x00CC, 0x00CF, 'i'}, {0x00D0, 0x00D0, 'd'}, {0x00D1, 0x00D1, 'n'}, {0x00D2, 0x00D6, 'o'},
    {0x00D8, 0x00D8, 'o'}, {0x00D9, 0x00DC, 'u'}, {0x00DD, 0x00DD, 'y'}, {0x00DF, 0x00DF, 's'},
    {0x00E0, 0x00E6, 'a'}, {0x00E7, 0x00E7, 'c'}, {0x00E8, 0x00EB, 'e'}, {0x00EC, 0x00EF, 'i'},
    {0x00F0, 0x00F0, 'd'}, {0x00F1, 0x00F1, 'n'}, {0x00F2, 0x00F6, 'o'}, {0x00F8, 0x00F8, 'o'},
    {0x00F9, 0x00FC, 'u'}, {0x00FD, 0x00FD, 'y'}, {0x00FF, 0x00FF, 'y'},
    {0x0100, 0x0105, 'a'}, {0x0106, 0x010D, 'c'}, {0x010E, 0x0111, 'd'}, {0x0112, 0x011B, 'e'},
    {0x011C, 0x0123, 'g'}, {0x0124, 0x0127, 'h'}, {0x0128, 0x0133, 'i'}, {0x0134, 0x0135, 'j'},
    {0x0136, 0x0138, 'k'}, {0x0139, 0x0142, 'l'}, {0x0143, 0x014B, 'n'}, {0x014C, 0x0153, 'o'},
    {0x0154, 0x0159, 'r'}, {0x015A, 0x0161, 's'}, {0x0162, 0x0167, 't'}, {0x0168, 0x0173, 'u'},
    {0x0174, 0x0175, 'w'}, {0x0176, 0x0178, 'y'}, {0x0179, 0x017E, 'z'}, {0x017F, 0x017F, 's'},
    {0x1E00, 0x1E01, 'a'}, {0x1E02, 0x1E07, 'b'}, {0x1E08, 0x1E09, 'c'}, {0x1E0A, 0x1E13, 'd'},
    {0x1E14, 0x1E1D, 'e'}, {0x1E1E, 0x1E1F, 'f'}, {0x1E20, 0x1E21, 'g'}, {0x1E22, 0x1E2B, 'h'},
    {0x1E2C, 0x1E2F, 'i'}, {0x1E30, 0x1E35, 'k'}, {0x1E36, 0x1E3D, 'l'}, {0x1E3E, 0x1E43, 'm'},
    {0x1E44, 0x1E4B, 'n'}, {0x1E4C, 0x1E53, 'o'}, {0x1E54, 0x1E57, 'p'}, {0x1E58, 0x1E5F, 'r'},
    {0x1E60, 0x1E69, 's'}, {0x1E6A, 0x1E71, 't'}, {0x1E72, 0x1E7B, 'u'},
}};

constexpr std::array<fold_range, 11> latin_folds_tail{{
    {0x1E7C, 0x1E7F, 'v'}, {0x1E80, 0x1E89, 'w'}, {0x1E8A, 0x1E8D, 'x'}, {0x1E8E, 0x1E8F, 'y'},
    {0x1E90, 0x1E95, 'z'}, {0x1E96, 0x1E96, 'h'}, {0x1E97, 0x1E97, 't'}, {0x1EA0, 0x1EB7, 'a'},
    {0x1EB8, 0x1EC7, 'e'}, {0x1EC8, 0x1ECB, 'i'}, {0x1ECC, 0x1EE3, 'o'},
}};

char fold_latin(char32_t cp) {
    if (cp < 0x00C0 || cp > 0x1EF9 || (cp > 0x017F && cp < 0x1E00)) return 0;
    if (cp >= 0x1EE4 && cp <= 0x1EF1) return 'u';
    if (cp >= 0x1EF2 && cp <= 0x1EF9) return 'y';
    for (const auto& r : latin_folds)
        if (cp >= r.first && cp <= r.last) return r.base;
    for (const auto& r : latin_folds_tail)
        if (cp >= r.first && cp <= r.last) return r.base;
    return 0;
}

bool is_upper_latin(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return true;
    if (cp >= 0x00C0 && cp <= 0x00DE) return cp != 0x00D7;
    if ((cp >= 0x0100 && cp <= 0x017F) || (cp >= 0x1E00 && cp <= 0x1EFF)) return (cp % 2) == 0;
    return false;
}

// Apostrophes and the ayn/hamza modifier letters that transliterations put inside words.
bool is_word_internal_mark(char32_t cp) {
    return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x02BB || cp == 0x02BE ||
           cp == 0x02BF || cp == 0x00B4 || cp == '`';
}

bool is_arabic_block(char32_t cp) {
    return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF);
}

// Arabic-script letters normalised to the forms Dari uses, so Arabic and Persian keyboards agree:
// returns 0 for marks that are dropped (harakat, tatweel), or the normalised letter.
char32_t fold_arabic(char32_t cp) {
    if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640) return 0;
    switch (cp) {
    case 0x064A: case 0x0649: case 0x06D0: return 0x06CC;          // yeh
    case 0x0643: return 0x06A9;                                     // keheh
    case 0x0629: case 0x06C0: case 0x06C1: case 0x06D5: return 0x0647; // heh
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627; // alef
    case 0x0624: return 0x0648;                                     // waw
    default: break;
    }
    if (cp >= 0x0660 && cp <= 0x0669) return U'0' + (cp - 0x0660);
    if (cp >= 0x06F0 && cp <= 0x06F9) return U'0' + (cp - 0x06F0);
    if ((cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A) || (cp >= 0x066E && cp <= 0x06D3) ||
        (cp >= 0x06EE && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F))
        return cp;
    return 0xFFFF; // punctuation and presentation forms: not a letter
}

// ASCII letters and digits -> lower-case letter or digit; everything else (other bytes, including
// every byte of a multi-byte character) -> 0.
constexpr std::array<char, 256> ascii_fold = [] {
    std::array<char, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c);
    for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c + 32);
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c);
    return t;
}();

// ASCII letters and digits from text[from] on, folded into out; returns where the run ends. Kept
// apart from tokenize so its cursors live in registers: tokenize's lambdas take its locals by
// reference, and every store through a char pointer could otherwise alias them.
std::size_t fold_ascii_run(std::string_view text, std::size_t from, char* out, bool& has_digit) {
    const char* p = text.data() + from;
    const char* const end = text.data() + text.size();
    // Folded letters (0x61..0x7A) all have bit 0x40 set and digits (0x30..0x39) none: the AND of
    // the run loses that bit exactly when the run holds a digit.
    unsigned all = 0xFF;
    for (; p != end; ++p) {
        char f = ascii_fold[static_cast<unsigned char>(*p)];
        if (f == 0) break;
        *out++ = f;
        all &= static_cast<unsigned char>(f);
    }
    has_digit |= (all & 0x40) == 0;
    return static_cast<std::size_t>(p - text.data());
}

} // namespace

void tokenize(std::string_view text, std::vector<token>& tokens, std::string& folded) {
    tokens.clear();
    tokens.reserve(text.size() / 6);
    // Folding never lengthens the text (ASCII stays one byte, a folded Latin letter replaces two or
    // more, a normalised Arabic letter or digit replaces two or three), so the folded words are
    // written in place into a buffer of the text's size, which is trimmed at the end. That keeps
    // the per-letter append and its capacity check out of the loop that runs over every byte.
    folded.resize(text.size());
    folded.resize(tokenize_part(text, 0, text.size(), tokens, folded.data(), 0));
}

std::size_t tokenize_part(std::string_view whole, std::size_t from, std::size_t to, std::vector<token>& tokens,
                          char* out, std::size_t written) {
    // The part is read as if the text ended with it: white space follows it in the whole text, and
    // white space ends a word and is no letter, so nothing past `to` could change a word in it.
    const std::string_view text = whole.substr(0, to);
    // The open word is the last token, filled in as it grows (a word that folds to nothing is
    // dropped when it closes).
    bool in_word = false, arabic_word = false;
    auto finish = [&](std::size_t end) {
        if (!in_word) return;
        token& t = tokens.back();
        t.end = end;
        t.folded_end = static_cast<std::uint32_t>(written);
        if (t.folded_end == t.folded_begin) tokens.pop_back();
        in_word = false;
    };
    auto start = [&](std::size_t begin, bool arabic, bool capitalised) {
        token& t = tokens.emplace_back();
        t.begin = begin;
        t.folded_begin = static_cast<std::uint32_t>(written);
        t.arabic = arabic;
        t.capitalised = capitalised;
        in_word = true;
        arabic_word = arabic;
    };

    std::size_t i = from;
    while (i < text.size()) {
        std::size_t at = i;
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (char lower = ascii_fold[c]; lower != 0) {
                if (in_word && arabic_word) finish(at);
                if (!in_word) start(at, false, c >= 'A' && c <= 'Z');
                // The common case, a run of ASCII letters, in one tight loop.
                std::size_t j = fold_ascii_run(text, i, out + written, tokens.back().has_digit);
                written += j - i;
                i = j;
                // A space, the commonest end of a word, closes it here rather than by another turn
                // of the loop (which would do the same: a space is no mark inside a word).
                if (i < text.size() && text[i] == ' ') finish(i++);
                continue;
            }
            ++i;
            // "Kabul's": a possessive ends the name; a lone "s" after it is no word of a name
            bool possessive = c == '\'' && i < text.size() && (text[i] == 's' || text[i] == 'S') &&
                              (i + 1 == text.size() || !std::isalpha(static_cast<unsigned char>(text[i + 1])));
            if (in_word && !arabic_word && !possessive && is_word_internal_mark(c) && i < text.size() &&
                       std::isalpha(static_cast<unsigned char>(text[i]))) {
                // Panjwa'i, Qal'ah: the mark stays inside the word and is dropped.
            } else {
                finish(at);
            }
            continue;
        }
        const char32_t cp = next_utf8(text, i);
        char base = is_arabic_block(cp) ? 0 : fold_latin(cp);
        if (base != 0) {
            if (in_word && arabic_word) finish(at);
            if (!in_word) start(at, false, is_upper_latin(cp));
            out[written++] = base;
        } else if (is_arabic_block(cp)) {
            char32_t letter = fold_arabic(cp);
            if (letter == 0) continue; // a mark inside the word
            if (letter == 0xFFFF) {
                finish(at);
                continue;
            }
            if (in_word && !arabic_word) finish(at);
            if (!in_word) start(at, true, false);
            written += encode_utf8(letter, out + written);
        } else if (cp == 0x200C || cp == 0x200D) {
            // Zero-width (non-)joiner: part of the written word in Dari.
        } else if (in_word && !arabic_word && is_word_internal_mark(cp) && i < text.size() &&
                   std::isalpha(static_cast<unsigned char>(text[i]))) {
        } else {
            finish(at);
        }
    }
    finish(text.size());
    return written;
}

std::string trim_text(std::string_view s, std::string_view junk) {
    auto b = s.find_first_not_of(junk);
    if (b == std::string_view::npos) return {};
    auto e = s.find_last_not_of(junk);
    return std::string(s.substr(b, e - b + 1));
}

bool is_short_linking_word(std::string_view w) {
    return w == "e" || w == "i" || w == "y" || w == "ye" || w == "yi" || w == "wa" || w == "va" || w == "o" ||
           w == "u" || w == "ve";
}

designator generic_word_listed(std::string_view w) {
    switch (w[0]) {
    case 'd':
        return w == "district" || w == "districts" ? designator_district : designator_none;
    case 'w':
        return w == "wuluswali" || w == "woleswali" || w == "woluswali" || w == "wolaswali" || w == "wolluswaly" ||
                       w == "woluswaly" || w == "wuleswali" || w == "woleswaly"
                   ? designator_district
               : w == "wilayat" || w == "welayat" ? designator_province
                                                  : designator_none;
    case 'u':
        return w == "uluswali" || w == "uluswoli" ? designator_district : designator_none;
    case 'p':
        // "provincial" is the province's ("Takhar provincial health director"); "provincial
        // capital" says city through its second word.
        return w == "province" || w == "provinces" || w == "provincial" ? designator_province : designator_none;
    case 'v':
        return w == "velayat" ? designator_province : designator_none;
    case 'c':
        return w == "city" || w == "centre" || w == "center" || w == "capital" ? designator_city : designator_none;
    case 't':
        return w == "town" ? designator_city : designator_none;
    default:
        return designator_none;
    }
}

name_key make_key(std::string_view name) {
    thread_local std::vector<token> tokens;
    thread_local std::string folded;
    tokenize(name, tokens, folded);
    name_key key;
    std::size_t first = 0, last = tokens.size();
    auto word = [&](std::size_t k) {
        return std::string_view(folded).substr(tokens[k].folded_begin, tokens[k].folded_end - tokens[k].folded_begin);
    };
    // Strip generic words and "the"/"of" at the ends: "the district of Baharak", "Kunduz city".
    for (bool changed = true; changed && first < last;) {
        changed = false;
        if (auto d = generic_word(word(first)); d != designator_none) {
            key.designators |= d;
            ++first;
            changed = true;
        } else if (word(first) == "the" || (word(first) == "of" && key.designators != 0)) {
            ++first;
            changed = true;
        }
        if (first < last) {
            if (auto d = generic_word(word(last - 1)); d != designator_none) {
                key.designators |= d;
                --last;
                changed = true;
            }
        }
    }
    for (std::size_t k = first; k < last; ++k) {
        auto w = word(k);
        bool interior = k != first && k + 1 != last;
        if (interior && is_linking_word(w)) continue;
        key.compact += w;
        key.arabic |= tokens[k].arabic;
        ++key.words;
    }
    return key;
}

std::string skeleton(std::string_view s) {
    std::string out;
    skeleton_into(s, out);
    return out;
}

namespace {

// What skeleton_into does with each byte: keeps it, drops it as a vowel, respells or looks past it
// (q, v, c, w, h), or gives up on a byte of Arabic script. One table load per letter instead of a
// chain of comparisons.
enum class skeleton_class : std::uint8_t { kept, vowel, special, arabic };
constexpr std::array<skeleton_class, 256> skeleton_classes = [] {
    std::array<skeleton_class, 256> t{};
    for (std::size_t c = 0x80; c < 256; ++c) t[c] = skeleton_class::arabic;
    for (char c : {'a', 'e', 'i', 'o', 'u', 'y'}) t[static_cast<unsigned char>(c)] = skeleton_class::vowel;
    for (char c : {'q', 'v', 'c', 'w', 'h'}) t[static_cast<unsigned char>(c)] = skeleton_class::special;
    return t;
}();

skeleton_class skeleton_class_of(char c) { return skeleton_classes[static_cast<unsigned char>(c)]; }

} // namespace

void skeleton_into(std::string_view s, std::string& out) {
    // The skeleton is never longer than the key: write it in place and trim once, rather than
    // appending letter by letter (the scanner calls this for every long capitalised phrase).
    out.resize(s.size());
    std::size_t length = 0;
    bool after_vowel = false;
    char last = 0;
    // The next letter matters only after a c, w or h: it is read there, not for every letter.
    auto next_of = [&](std::size_t i) { return i + 1 < s.size() ? s[i + 1] : '\0'; };
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        switch (skeleton_class_of(c)) {
        case skeleton_class::kept:
            break;
        case skeleton_class::vowel:
            after_vowel = true;
            continue;
        case skeleton_class::arabic: // found here, not by a pass of its own
            out.assign(s);
            return;
        case skeleton_class::special:
            if (c == 'q') c = 'k';
            else if (c == 'v') c = 'w';
            else if (c == 'c') c = next_of(i) == 'h' ? 'c' : 'k';
            // Jowzjan/Jauzjan, Nowzad/Nauzad, Shah/Sha: a w or h closing a vowel is a vowel spelling.
            else if (after_vowel && skeleton_class_of(next_of(i)) != skeleton_class::vowel) continue;
            break;
        }
        after_vowel = false;
        if (c == last) continue;
        out[length++] = c;
        last = c;
    }
    out.resize(length);
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max_distance) {
    std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > max_distance) return max_distance + 1;
    constexpr std::size_t cap = 64;
    if (n >= cap || m >= cap) return max_distance + 1;
    if (max_distance >= cap) max_distance = cap - 1;
    // Three rolling rows (two back for transpositions) instead of the whole matrix, and in each row
    // only the band |i - j| <= max_distance: a cell outside it is already over the bound. The rows
    // rotate by pointer, not by copy: the fuzzy pass calls this thousands of times per article.
    // Distances never exceed cap, so a byte per cell suffices; `over` marks cells outside the band.
    constexpr std::uint8_t over = 2 * cap;
    std::array<std::uint8_t, 3 * (cap + 1)> rows;
    rows.fill(over);
    std::uint8_t* before = rows.data();
    std::uint8_t* previous = before + cap + 1;
    std::uint8_t* current = previous + cap + 1;
    for (std::size_t j = 0; j <= std::min(m, max_distance); ++j) previous[j] = static_cast<std::uint8_t>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        std::size_t first = i > max_distance ? i - max_distance : 1;
        std::size_t last = std::min(m, i + max_distance);
        // The cell left of the band still holds a value from three rows back. (Right of the band
        // no row has written yet: the band only moves right.)
        current[first - 1] = first == 1 ? static_cast<std::uint8_t>(i) : over;
        std::size_t row_min = current[first - 1];
        for (std::size_t j = first; j <= last; ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t v = std::min({previous[j] + std::size_t{1}, current[j - 1] + std::size_t{1}, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = std::min(v, before[j - 2] + std::size_t{1});
            current[j] = static_cast<std::uint8_t>(std::min(v, std::size_t{over}));
            row_min = std::min(row_min, v);
        }
        if (row_min > max_distance) return max_distance + 1;
        std::uint8_t* oldest = before;
        before = previous;
        previous = current;
        current = oldest;
    }
    return std::min<std::size_t>(previous[m], max_distance + 1);
}

} // namespace naqsha::gazetteer
