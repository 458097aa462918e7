#pragma once
// A CSV file as rows of strings, read by base/csv.hpp (quoted fields, embedded newlines, byte-order
// marks). The first row is kept as data: the crosswalk sheets carry several title rows before their
// real header.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace naqsha::gazetteer {

struct csv_table {
    std::filesystem::path file;
    std::vector<std::vector<std::string>> rows;

    // Index of the column named `name` in row `header_row`; throws data_error naming the file.
    std::size_t column(std::string_view name, std::size_t header_row = 0) const;
    // rows[row][col], or "" when the row is short.
    const std::string& cell(std::size_t row, std::size_t col) const;
};

// Throws data_error naming the file when it is missing or unreadable.
csv_table read_csv(const std::filesystem::path& file);

} // namespace naqsha::gazetteer
