#pragma once
// JSON string literals: the one escaper of the program, for the event NDJSON and the store's JSON
// columns. Both are written by hand because they run for every event or row, where building a
// nlohmann::json value first costs more than the rest of the work.
#include <string>
#include <string_view>

namespace naqsha {

// How control characters other than `"` and `\` are written. Each output keeps the form it has always
// had, so that files and stores written by earlier versions compare equal byte for byte.
enum class json_controls {
    short_escapes,   // \n, \r, \t, the rest as \u00XX (the event NDJSON, as nlohmann::json writes them)
    unicode_escapes, // all as \u00XX, \n as \u000a (the store's claims and places columns)
};

// Appends text as a quoted JSON string. Bytes from 0x80 up pass through: the text is UTF-8 already.
void append_json_string(std::string& out, std::string_view text, json_controls controls = json_controls::short_escapes);

} // namespace naqsha
