#include "base/utf8.hpp"

#include <doctest/doctest.h>

#include <string>

using naqsha::decode_utf8;
using naqsha::utf8_sequence_length;

TEST_CASE("UTF-8 decodes one to four bytes and encodes them back") {
    for (char32_t cp : {char32_t(0x41), char32_t(0xE9), char32_t(0x62F), char32_t(0x2019), char32_t(0x1F600)}) {
        std::string s;
        naqsha::append_utf8(s, cp);
        const auto c = decode_utf8(s, 0);
        CHECK(c.cp == cp);
        CHECK(c.length == s.size());
        CHECK(utf8_sequence_length(s, 0) == s.size());
    }
}

TEST_CASE("malformed UTF-8 decodes as U+FFFD one byte at a time, and does not validate") {
    // a stray continuation byte, a lead byte cut short by the end or by ASCII, an overlong '/', a
    // surrogate, a code point above U+10FFFF, a byte that leads nothing
    for (std::string bad : {"\x80", "\xC3", "\xE2\x80", "\xE2\x80x", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                            "\xFF"}) {
        const auto c = decode_utf8(bad, 0);
        CHECK(c.cp == naqsha::replacement_character);
        CHECK(c.length == 1);
        CHECK(utf8_sequence_length(bad, 0) == 0);
    }
    // a real U+FFFD is well-formed
    CHECK(utf8_sequence_length("\xEF\xBF\xBD", 0) == 3);
}

TEST_CASE("next_utf8 walks a text character by character") {
    std::string text = "Kabul \xD9\x83\xD8\xA7\xD8\xA8\xD9\x84 \xC3";
    std::size_t i = 0, characters = 0;
    while (i < text.size()) {
        naqsha::next_utf8(text, i);
        ++characters;
    }
    CHECK(i == text.size());
    CHECK(characters == 12);
}
