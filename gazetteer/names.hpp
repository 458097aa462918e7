#pragma once
// How a place name is reduced to the keys it is matched by. The same functions serve the gazetteer's
// own names (at build time) and the query or running text (at lookup and scan time), so both sides
// fold case, diacritics, hyphens, the izafe and transliteration variants in exactly the same way.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace naqsha::gazetteer {

// One word of a name or of running text. `folded` points into the caller's scratch buffer: lowercase
// ASCII for Latin script (diacritics removed), normalised letters for Arabic script.
struct token {
    std::size_t begin = 0, end = 0;        // bytes in the source text
    std::uint32_t folded_begin = 0, folded_end = 0; // bytes in the folded buffer
    bool capitalised = false;              // Latin word starting with an upper-case letter
    bool arabic = false;                   // Arabic-script word (Dari, Pashto)
    bool has_digit = false;
};

// Splits text into words. Words are runs of letters and digits; an apostrophe inside a Latin word is
// dropped (Panjwa'i -> panjwai), and so is a zero-width non-joiner inside an Arabic word.
void tokenize(std::string_view text, std::vector<token>& tokens, std::string& folded);
// tokenize's words of text[from, to) alone, for a caller that splits a text at white space itself
// and makes the plain words' tokens on its own (extract's document): appends them to `tokens`, with
// offsets into the whole text, and writes their folded forms at folded + written, which must have
// room for to - from more bytes; returns the folded bytes written in all. White space (anything
// the document counts as a space) ends every word and starts none, so the parts between white
// space give together the words of the whole text.
std::size_t tokenize_part(std::string_view text, std::size_t from, std::size_t to, std::vector<token>& tokens,
                          char* folded, std::size_t written);

// What a generic word around a name says about the kind of place meant.
enum designator : std::uint8_t {
    designator_none = 0,
    designator_district = 1,   // district, wuluswali, woleswali
    designator_province = 2,   // province, wilayat
    designator_city = 4,       // city, town, centre, center, capital
};

// Izafe particles and connectors that the press writes or drops at will: Sar-e-Pul, Tala wa Barfak.
// Inline: the scanner asks it of most words after a capitalised one, and every linking word is one
// or two letters.
bool is_short_linking_word(std::string_view folded_word);
inline bool is_linking_word(std::string_view folded_word) {
    return folded_word.size() <= 2 && is_short_linking_word(folded_word);
}
// "district", "province", "city", ... or designator_none. Inline, the scanner asks it of every
// capitalised word and the words around a name: it rejects a word of another length or first letter
// without a call.
designator generic_word_listed(std::string_view folded_word); // of four to ten letters
inline designator generic_word(std::string_view folded_word) {
    if (folded_word.size() < 4 || folded_word.size() > 10) return designator_none;
    // the first letters of the generic words: c d p t u v w
    constexpr std::uint32_t first_letters = (1u << ('c' - 'a')) | (1u << ('d' - 'a')) | (1u << ('p' - 'a')) |
                                            (1u << ('t' - 'a')) | (1u << ('u' - 'a')) | (1u << ('v' - 'a')) |
                                            (1u << ('w' - 'a'));
    const unsigned letter = static_cast<unsigned char>(folded_word[0]) - unsigned{'a'};
    if (letter >= 26 || !((first_letters >> letter) & 1u)) return designator_none;
    return generic_word_listed(folded_word);
}

struct name_key {
    std::string compact;           // folded words without linking words, concatenated: "sarpul"
    std::uint8_t designators = 0;  // generic words stripped from the ends
    bool arabic = false;
    std::size_t words = 0;         // words kept in the key
};

// The key a name (or a query) is matched by. Generic words at either end are stripped and reported
// in `designators`, so "Baharak district" and "Baharak" share a key.
name_key make_key(std::string_view name);

// A transliteration-tolerant spelling skeleton of a compact Latin key: vowels, y and post-vocalic w
// and h dropped, q->k, v->w, doubled letters collapsed. Kondoz/Kunduz/Qunduz -> kndz. Arabic-script
// keys are returned unchanged.
std::string skeleton(std::string_view compact);
// The same into a caller's buffer (no allocation on the scanner's hot path).
void skeleton_into(std::string_view compact, std::string& out);

// Bounded Damerau-Levenshtein distance; returns max_distance + 1 when the bound is exceeded.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max_distance);

// `s` without leading and trailing characters from `junk`.
std::string trim_text(std::string_view s, std::string_view junk = " \t\r\n");

// 64-bit FNV-1a, the hash of every key table.
inline std::uint64_t hash_key(std::string_view s) {
    std::uint64_t h = 14695981039346656037ull;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

} // namespace naqsha::gazetteer
