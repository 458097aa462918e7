#include "render/exports/csv_writer.hpp"

#include "geo/error.hpp"

#include <fmt/format.h>

namespace naqsha::exports {

csv_writer::csv_writer(const std::vector<std::string_view>& header) : columns_(header.size()) {
    for (auto name : header) field(name);
    end_row();
}

void csv_writer::separator() {
    if (in_row_++ > 0) text_ += ',';
}

csv_writer& csv_writer::field(std::string_view value) {
    separator();
    bool quote = value.find_first_of(",\"\n\r") != std::string_view::npos ||
                 (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!quote) {
        text_ += value;
        return *this;
    }
    text_ += '"';
    for (char c : value) {
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
}

} // namespace naqsha::exports
