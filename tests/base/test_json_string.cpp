#include "base/json_string.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

std::string quoted(std::string_view text, naqsha::json_controls controls) {
    std::string out;
    naqsha::append_json_string(out, text, controls);
    return out;
}

} // namespace

TEST_CASE("JSON strings escape quotes, backslashes and control characters in each output's form") {
    using naqsha::json_controls;
    const std::string text = std::string("a \"b\" \\ c\n\r\t\x01 d\xC3\xA9", 17);
    // the event NDJSON: short forms where JSON has them
    CHECK(quoted(text, json_controls::short_escapes) == "\"a \\\"b\\\" \\\\ c\\n\\r\\t\\u0001 d\xC3\xA9\"");
    // the store's JSON columns: every control character as \u00XX
    CHECK(quoted(text, json_controls::unicode_escapes) == "\"a \\\"b\\\" \\\\ c\\u000a\\u000d\\u0009\\u0001 d\xC3\xA9\"");
    CHECK(quoted("", json_controls::short_escapes) == "\"\"");
}
