#pragma once
// Small derivations from a merged event shared by the export formats.
#include "store/model.hpp"

#include <string>

namespace naqsha::exports {

// The most precise place name: district, else province.
std::string location_name(const store::merged_event& e);

// Distinct publishers (or article ids when the publisher is unknown), "; "-separated, in source order.
std::string source_list(const store::merged_event& e);

// Days from the first to the last day of the event's date range (0 for a single day).
int span_days(const store::merged_event& e);

// Unix time of a day at 00:00 UTC; 0 for none.
long long unix_time_of(std::optional<day_number> day);

// Whether the event can be placed and dated well enough for ACLED/UCDP.
bool codable(const store::map_event& e);

} // namespace naqsha::exports
