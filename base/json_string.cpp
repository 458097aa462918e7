#include "base/json_string.hpp"

namespace naqsha {

void append_json_string(std::string& out, std::string_view text, json_controls controls) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    // Runs of bytes that need no escape are appended whole.
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text.data() + run, i - run);
        run = i + 1;
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
            continue;
        }
        if (controls == json_controls::short_escapes) {
            if (c == '\n') { out += "\\n"; continue; }
            if (c == '\r') { out += "\\r"; continue; }
            if (c == '\t') { out += "\\t"; continue; }
        }
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
}

} // namespace naqsha
