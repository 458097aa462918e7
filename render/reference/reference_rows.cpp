// A reference given as a table: each row names a district by P-code, or by district and province
// names resolved through the gazetteer in any spelling it knows.
#include "base/error.hpp"
#include "gazetteer/names.hpp"
#include "render/reference/reference_features.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace naqsha::reference {
namespace {

struct resolution {
    const gazetteer::district* district = nullptr;
    std::string reason;              // why nothing resolved
};

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

// A district name, restricted to the province when one is given. Ties between districts (Baharak is in
// Badakhshan and in Takhar) are left unresolved rather than guessed.
resolution resolve_name(const gazetteer::gazetteer& gz, const std::string& district, const std::string& province) {
    if (district.empty()) return {nullptr, "no district name"};
    gazetteer::lookup_options options;
    options.include_settlements = false;
    const gazetteer::province* in_province = nullptr;
    if (!province.empty()) {
        in_province = gz.find_province(province);
        if (in_province == nullptr) return {nullptr, fmt::format("no province '{}' in the gazetteer", province)};
        options.province = in_province->name;
    }
    auto candidates = gz.lookup(district, options);
    std::erase_if(candidates, [](const gazetteer::candidate& c) { return c.kind != gazetteer::level::district; });
    if (candidates.empty())
        return {nullptr, in_province != nullptr
                             ? fmt::format("no district '{}' in {} province", district, in_province->name)
                             : fmt::format("no district '{}' in the gazetteer", district)};
    const auto& best = candidates.front();
    std::vector<std::string> tied;
    for (const auto& c : candidates)
        if (c.score == best.score && c.pcode != best.pcode) tied.push_back(fmt::format("{} ({})", c.pcode, c.province));
    if (!tied.empty())
        return {nullptr, fmt::format("'{}' names several districts: {} ({}), {}; give its province", district,
                                     best.pcode, best.province, fmt::join(tied, ", "))};
    return {gz.district_by_pcode(best.pcode), {}};
}

} // namespace

void read_table_rows(feature_table& table, const gazetteer::gazetteer& gz, const reference_options& options,
                     reference_assessment& out) {
    status_column status(table, options);
    const auto pcode_column = table.column_like(pcode_columns);
    const auto district_column = table.column_like(district_columns);
    const auto province_column = table.column_like(province_columns);
    if (!pcode_column && !district_column)
        throw reference_error(fmt::format("{}: neither a P-code column (pcode, ADM2_PCODE) nor a district name column "
                                          "(district, ADM2_EN) among its columns: {}",
                                          table.file.string(), table.column_list()));

    std::unordered_map<std::string, std::size_t> row_of_pcode; // into out.districts
    std::size_t rows = 0;
    for (const auto& f : table.features) {
        auto cell = [&](std::optional<std::size_t> column) {
            return column ? gazetteer::trim_text(f.values[*column]) : std::string();
        };
        const std::string pcode = upper(cell(pcode_column));
        const std::string district = cell(district_column);
        const std::string province = cell(province_column);
        if (pcode.empty() && district.empty() && status.value_of(f).empty()) continue; // a blank line
        ++rows;

        const gazetteer::district* found = nullptr;
        match_method how = match_method::pcode;
        std::string reason;
        if (!pcode.empty()) {
            found = gz.district_by_pcode(pcode);
            if (found == nullptr) reason = fmt::format("P-code {} is not a district of the run's boundary set", pcode);
        }
        if (found == nullptr && !district.empty()) {
            auto named = resolve_name(gz, district, province);
            found = named.district;
            how = match_method::name;
            if (found == nullptr) reason = reason.empty() ? named.reason : reason + ", and " + named.reason;
        }
        if (found == nullptr) {
            if (reason.empty()) reason = "neither a P-code nor a district name";
            std::string text = pcode;
            if (!district.empty()) text += (text.empty() ? "" : " ") + district + (province.empty() ? "" : ", " + province);
            out.unresolved.push_back({table.where(f), text, reason});
            continue;
        }

        const auto reading = status.read(f);
        if (!reading.mapped) continue; // counted as unmapped
        std::string label = how == match_method::pcode ? pcode : district + (province.empty() ? "" : ", " + province);
        if (const auto seen = row_of_pcode.find(found->pcode); seen != row_of_pcode.end()) {
            const auto& first = out.districts[seen->second];
            if (first.status != reading.status || first.value != reading.value)
                out.notes.push_back(fmt::format("{}: {} ({}) was already rated '{}' at {}; the first row is used",
                                                table.where(f), found->pcode, found->name, first.value, first.where));
            continue;
        }
        row_of_pcode.emplace(found->pcode, out.districts.size());
        out.districts.push_back({found->pcode, reading.status, reading.value, how, std::move(label), table.where(f), 1});
    }
    out.unmapped = status.unmapped(table);
    if (out.districts.empty() && out.unmapped.empty())
        throw reference_error(fmt::format("{}: not one of its {} rows names a district of the run (first: {}: {})",
                                          table.file.string(), rows,
                                          out.unresolved.empty() ? std::string("-") : out.unresolved.front().where,
                                          out.unresolved.empty() ? std::string("-") : out.unresolved.front().reason));
}

} // namespace naqsha::reference
