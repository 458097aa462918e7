#include "base/csv.hpp"

namespace naqsha {

std::vector<csv_row> parse_csv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<csv_row> rows;
    csv_row row;
    std::string field;
    bool quoted = false, field_started = false;
    int line = 1;
    row.line = 1;
    auto end_row = [&] {
        row.fields.push_back(std::move(field));
        field.clear();
        const bool blank = row.fields.size() == 1 && row.fields[0].find_first_not_of(" \t") == std::string::npos;
        if (!blank) rows.push_back(std::move(row));
        row = csv_row{};
        field_started = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                field += c;
            }
        } else if (c == '"' && !field_started) {
            quoted = field_started = true;
        } else if (c == ',') {
            row.fields.push_back(std::move(field));
            field.clear();
            field_started = false;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            end_row();
            row.line = ++line;
        } else {
            field += c;
            if (c != ' ' && c != '\t') field_started = true;
        }
    }
    if (!field.empty() || !row.fields.empty()) end_row();
    return rows;
}

} // namespace naqsha
