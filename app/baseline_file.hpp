#pragma once
// `run --baseline FILE`: a starting map, either naqsha's own snapshot CSV (pcode,status,date,source)
// or any reference assessment `naqsha compare` reads (a CSV by P-code or names, a polygon layer in any
// district scheme, RS/SIGAR or LWJ classes, 0/1 columns), which holds from --baseline-date.
#include "base/calendar.hpp"
#include "gazetteer/gazetteer.hpp"
#include "store/control_csv.hpp"
#include "store/district_info.hpp"

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace naqsha::app {

struct baseline_source {
    std::filesystem::path file;
    std::optional<day_number> date; // required for a reference assessment, which has no dates of its own
    std::string status_field;  // a reference's status column ("" = status)
    std::string classes;       // a reference's class mapping, as `compare --classes`
};

struct baseline_reading {
    std::vector<store::baseline_row> rows;
    std::vector<std::string> left_out;   // reference rows that named no district or no state: FILE:LINE: why
};

// Throws usage_error for a reference without --baseline-date (or a snapshot with one), input_error for a bad snapshot row,
// reference_error for a reference that cannot be used at all.
baseline_reading read_baseline(const baseline_source& source, const gazetteer::gazetteer& gazetteer,
                               std::span<const store::district_info> districts);

} // namespace naqsha::app
