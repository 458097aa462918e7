#include "gazetteer/csv_table.hpp"

#include "base/atomic_file.hpp"
#include "base/csv.hpp"
#include "base/error.hpp"

namespace naqsha::gazetteer {

std::size_t csv_table::column(std::string_view name, std::size_t header_row) const {
    if (header_row < rows.size())
        for (std::size_t c = 0; c < rows[header_row].size(); ++c)
            if (rows[header_row][c] == name) return c;
    throw data_error(file.string() + ": no column `" + std::string(name) + "`");
}

const std::string& csv_table::cell(std::size_t row, std::size_t col) const {
    static const std::string empty;
    return col < rows[row].size() ? rows[row][col] : empty;
}

csv_table read_csv(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) throw data_error(file.string() + ": file not found");
    std::string text;
    try {
        text = read_file(file);
    } catch (const input_error& e) {
        throw data_error(e.what());
    }
    csv_table table;
    table.file = file;
    for (auto& row : parse_csv(text)) table.rows.push_back(std::move(row.fields));
    return table;
}

} // namespace naqsha::gazetteer
