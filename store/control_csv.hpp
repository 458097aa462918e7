#pragma once
// The analyst's inputs to the control timeline: a baseline snapshot to start from and overrides applied
// last. Both are CSV files with a header row (docs/control-model.md#baseline-and-overrides).
#include "store/district_info.hpp"
#include "store/model.hpp"

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace naqsha::store {

// A status a district is known (or asserted) to have; nullopt is `unknown`, which stops painting it.
using asserted_status = std::optional<control_status>;

// `pcode, status, date, source`: the district's status from `date` on, until events change it.
// pcode may be a district, a province (every district in it) or `*` (every district); the most
// specific row wins on the same date.
struct baseline_row {
    std::string pcode;
    asserted_status status;
    day_number date = 0;
    std::string source;
    int line = 0;
};

// `pcode, status, start_date, end_date, source`: the status over [start_date, end_date] whatever the
// events say; an empty end_date runs to the map date. A 4-column file (`pcode, status, date, source`)
// is read with open end dates.
struct override_row {
    std::string pcode;
    asserted_status status;
    day_number start_date = 0;
    std::optional<day_number> end_date;  // nullopt: to the map date
    std::string source;
    int line = 0;
};

// Throw usage_error listing every bad row as `file:line: problem` (unknown P-code, status or date).
std::vector<baseline_row> read_baseline_csv(const std::filesystem::path& file, std::span<const district_info> districts);
std::vector<override_row> read_overrides_csv(const std::filesystem::path& file, std::span<const district_info> districts);

// The districts a row's pcode covers: one district, a province's districts, or all for `*`.
std::vector<std::size_t> districts_covered(std::string_view pcode, std::span<const district_info> districts);

} // namespace naqsha::store
