#pragma once
// CSV as RFC 4180 writes it, the one reader of the program: quoted fields may hold commas, doubled
// quotes and line breaks; lines end in LF or CRLF; a UTF-8 byte-order mark (what spreadsheets put first)
// is dropped. Fields come back as written, spaces included: whether to trim is the caller's choice.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace naqsha {

struct csv_row {
    std::vector<std::string> fields;
    int line = 0; // where the row starts, from 1, for messages
};

// Blank lines (nothing, or only spaces and tabs) are skipped.
std::vector<csv_row> parse_csv(std::string_view text);

} // namespace naqsha
