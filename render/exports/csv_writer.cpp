#include "render/exports/csv_writer.hpp"

#include "base/error.hpp"

#include <fmt/format.h>

namespace naqsha::exports {

csv_writer::csv_writer(const std::vector<std::string_view>& header, csv_sink sink)
    : sink_(std::move(sink)), columns_(header.size()) {
    for (auto name : header) field(name);
    end_row();
}

void csv_writer::separator() {
    if (in_row_++ > 0) text_ += ',';
}

namespace {

// Every control character becomes a space (a cell is one line of text, and a NUL or an escape has no
// business in a spreadsheet): C0 including tab, CR and LF, DEL, and C1 (U+0080-U+009F). NUL is dropped.
std::string without_controls(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (c == 0) continue;
        if (c < 0x20 || c == 0x7F) {
            out += ' ';
        } else if (c == 0xC2 && i + 1 < value.size() && static_cast<unsigned char>(value[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(value[i + 1]) <= 0x9F) {
            out += ' ';
            ++i;
        } else {
            out += value[i];
        }
    }
    return out;
}

// Excel and LibreOffice run a cell that starts with one of these as a formula (CSV injection):
// =HYPERLINK(...) in an article's first words, or in an NDJSON `source`.
bool reads_as_formula(std::string_view cell) {
    const auto first = cell.find_first_not_of(' ');
    return first != std::string_view::npos && std::string_view("=+-@").find(cell[first]) != std::string_view::npos;
}

} // namespace

csv_writer& csv_writer::field(std::string_view value) {
    separator();
    std::string cell = without_controls(value);
    // As OWASP recommends: a leading single quote makes the cell text, and the cell is quoted.
    const bool formula = reads_as_formula(cell);
    if (formula) cell.insert(0, 1, '\'');
    bool quote = formula || cell.find_first_of(",\"") != std::string::npos ||
                 (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
    if (!quote) {
        text_ += cell;
        return *this;
    }
    text_ += '"';
    for (char c : cell) {
        if (c == '"') text_ += '"';
        text_ += c;
    }
    text_ += '"';
    return *this;
}

csv_writer& csv_writer::field(int value) {
    separator();
    text_ += std::to_string(value);
    return *this;
}

csv_writer& csv_writer::field(double value, int decimals) {
    separator();
    text_ += fmt::format("{:.{}f}", value, decimals);
    return *this;
}

csv_writer& csv_writer::empty() {
    separator();
    return *this;
}

void csv_writer::end_row() {
    if (in_row_ != columns_)
        throw error(fmt::format("CSV row has {} fields, the header {}", in_row_, columns_));
    text_ += '\n';
    in_row_ = 0;
    if (text_.size() >= (std::size_t{1} << 20)) finish();
}

void csv_writer::finish() {
    if (text_.empty()) return;
    sink_(text_);
    text_.clear();
}

} // namespace naqsha::exports
