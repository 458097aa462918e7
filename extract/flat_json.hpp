#pragma once
// A strict, fast reader for the common NDJSON line: one flat object whose values are strings,
// numbers, booleans or null ({id, published, url, source, title, text}). Anything else (nested
// values, a syntax error) is left to a full JSON parser, which also words the error.
#include <string>
#include <string_view>
#include <vector>

namespace naqsha::extract {

struct flat_value {
    enum class kind { string, integer, other } type = kind::other;
    std::string text; // the decoded string, or the integer's digits
};

struct flat_member {
    std::string key;
    flat_value value;
};

// True when `line` is exactly one flat object (surrounding whitespace allowed); its members, in
// order, go to `out`. Strings are unescaped (\uXXXX and surrogate pairs to UTF-8) and must be
// valid UTF-8 with no raw control characters, as RFC 8259 requires.
bool parse_flat_object(std::string_view line, std::vector<flat_member>& out);

} // namespace naqsha::extract
