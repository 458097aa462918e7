#pragma once
// UTF-8, the one decoder and encoder of the program: the article readers validate with it, the
// tokenizer, the gazetteer's name keys and the tile painter's labels decode with it, the JSON reader
// encodes with it. Inline, because the tokenizer decodes on the extraction hot path and the ASCII test
// must fold into its loops.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace naqsha {

inline constexpr char32_t replacement_character = 0xFFFD;

// One character: its code point and how many bytes of the text it spans.
struct utf8_char {
    char32_t cp = 0;
    std::uint32_t length = 1;
};

// Decodes the character at s[i] (i < s.size()). A byte that starts no well-formed sequence (a stray
// continuation byte, a sequence cut short or broken, an overlong form, a surrogate, a code point above
// U+10FFFF) decodes as U+FFFD of length 1, so a scanner always moves on and never reads past the end.
inline utf8_char decode_utf8(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return {b0, 1};
    std::uint32_t length;
    char32_t min;
    if ((b0 & 0xE0) == 0xC0) length = 2, min = 0x80;
    else if ((b0 & 0xF0) == 0xE0) length = 3, min = 0x800;
    else if ((b0 & 0xF8) == 0xF0) length = 4, min = 0x10000;
    else return {replacement_character, 1};
    if (length > s.size() - i) return {replacement_character, 1};
    char32_t cp = b0 & (0x7Fu >> length);
    for (std::uint32_t k = 1; k < length; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return {replacement_character, 1};
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {replacement_character, 1};
    return {cp, length};
}

// Decodes the character at s[i] and moves i past it.
inline char32_t next_utf8(std::string_view s, std::size_t& i) {
    const auto c = decode_utf8(s, i);
    i += c.length;
    return c.cp;
}

// Byte length of the well-formed sequence starting at s[i], or 0 when there is none (what the article
// readers reject). A real U+FFFD is three bytes long, so a length of 1 past ASCII means malformed.
inline std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto c = decode_utf8(s, i);
    return c.length == 1 && static_cast<unsigned char>(s[i]) >= 0x80 ? 0 : c.length;
}

// Writes cp as UTF-8 at out, which has room for 4 bytes; returns the number of bytes written.
inline std::size_t encode_utf8(char32_t cp, char* out) {
    if (cp < 0x80) {
        out[0] = static_cast<char>(cp);
        return 1;
    }
    if (cp < 0x800) {
        out[0] = static_cast<char>(0xC0 | (cp >> 6));
        out[1] = static_cast<char>(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = static_cast<char>(0xE0 | (cp >> 12));
        out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out[2] = static_cast<char>(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = static_cast<char>(0xF0 | (cp >> 18));
    out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (cp & 0x3F));
    return 4;
}

inline void append_utf8(std::string& out, char32_t cp) {
    char bytes[4];
    out.append(bytes, encode_utf8(cp, bytes));
}

} // namespace naqsha
