#include "render/exports/event_fields.hpp"

#include "base/calendar.hpp"

#include <algorithm>
#include <chrono>

namespace naqsha::exports {

std::string location_name(const store::merged_event& e) {
    if (e.district) return e.district->name;
    if (e.province) return e.province->name;
    return "";
}

std::string source_list(const store::merged_event& e) {
    std::vector<std::string> seen;
    for (const auto& s : e.sources) {
        const std::string& name = s.source.empty() ? s.article : s.source;
        if (std::find(seen.begin(), seen.end(), name) == seen.end()) seen.push_back(name);
    }
    std::string joined;
    for (const auto& name : seen) {
        if (!joined.empty()) joined += "; ";
        joined += name;
    }
    return joined;
}

int span_days(const store::merged_event& e) {
    auto start = within_iso_years(e.date);
    auto end = within_iso_years(e.date_end ? e.date_end : e.date);
    if (!start || !end) return 0;
    return std::max(0, *end - *start);
}

long long unix_time_of(std::optional<day_number> day) {
    if (!day) return 0;
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::days{*day}).count();
}

bool codable(const store::map_event& e) {
    return e.date && e.date_prec != extract::date_precision::unknown && !e.province.empty();
}

} // namespace naqsha::exports
