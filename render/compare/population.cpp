#include "render/compare/population.hpp"

#include "base/error.hpp"
#include "gazetteer/csv_table.hpp"
#include "gazetteer/names.hpp"
#include "render/reference/status_classes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace naqsha::compare {
namespace {

std::optional<std::size_t> header_column(const std::vector<std::string>& header, std::initializer_list<std::string_view> keys) {
    for (const auto key : keys)
        for (std::size_t i = 0; i < header.size(); ++i)
            if (reference::status_key(header[i]) == key) return i;
    return std::nullopt;
}

std::optional<double> non_negative_number(std::string_view text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value) || value < 0) return std::nullopt;
    return value;
}

} // namespace

population_table read_population_csv(const std::filesystem::path& file, const gazetteer::gazetteer& gazetteer) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) throw usage_error("--population " + file.string() + ": no such file");
    const auto table = gazetteer::read_csv(file);
    if (table.rows.empty()) throw usage_error("--population " + file.string() + ": empty");
    const auto& header = table.rows.front();
    const auto pcode_column = header_column(header, {"pcode", "adm2 pcode", "p code", "district pcode"});
    const auto population_column = header_column(header, {"population", "pop"});
    if (!pcode_column || !population_column)
        throw usage_error(fmt::format("--population {}: needs the columns pcode and population (it has: {})",
                                      file.string(), fmt::join(header, ", ")));

    population_table out;
    out.file = file;
    std::vector<std::string> problems;
    for (std::size_t row = 1; row < table.rows.size(); ++row) {
        const std::string where = fmt::format("{}:{}", file.string(), row + 1);
        std::string pcode = gazetteer::trim_text(table.cell(row, *pcode_column));
        std::transform(pcode.begin(), pcode.end(), pcode.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        const std::string text = gazetteer::trim_text(table.cell(row, *population_column));
        if (pcode.empty() && text.empty()) continue;
        const auto population = non_negative_number(text);
        if (!population) {
            problems.push_back(fmt::format("{}: population '{}' is not a number >= 0", where, text));
        } else if (gazetteer.district_by_pcode(pcode) == nullptr) {
            out.notes.push_back(fmt::format("{}: {} is not a district of the run; left out", where, pcode));
        } else if (!out.by_pcode.emplace(pcode, *population).second) {
            problems.push_back(fmt::format("{}: {} given twice", where, pcode));
        }
    }
    if (!problems.empty()) throw usage_error(fmt::format("--population: {}", fmt::join(problems, "\n  ")));
    return out;
}

} // namespace naqsha::compare
