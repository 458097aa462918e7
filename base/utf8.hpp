#pragma once
// UTF-8 encoding and strict validation, shared by everything that reads or writes text.
#include <cstddef>
#include <string>
#include <string_view>

namespace naqsha {

void append_utf8(std::string& out, char32_t cp);

// Byte length of the well-formed UTF-8 sequence starting at s[i] (no overlongs, surrogates or
// code points above U+10FFFF), or 0 when it is not one.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

} // namespace naqsha
