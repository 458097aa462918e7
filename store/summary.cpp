#include "store/summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace naqsha::store {

std::vector<status_summary> summarise_control(std::span<const control_interval> intervals,
                                              std::span<const district_info> districts,
                                              std::span<const time_slice> slices, day_number as_of) {
    std::vector<status_summary> out(slices.size());
    for (std::size_t i = 0; i < slices.size(); ++i) {
        out[i].slice = slices[i].label;
        out[i].date = std::min(slices[i].last_day.value_or(as_of), as_of);
    }
    double total_population = 0, total_area = 0;
    for (const auto& d : districts) {
        total_population += d.population;
        total_area += d.area_km2;
    }
    std::map<std::string_view, std::vector<const control_interval*>> by_district;
    for (const auto& interval : intervals) by_district[interval.pcode].push_back(&interval);

    for (const auto& d : districts) {
        auto it = by_district.find(d.pcode);
        static const std::vector<const control_interval*> none;
        const auto& mine = it == by_district.end() ? none : it->second; // ordered and disjoint
        std::size_t next = 0;
        for (auto& summary : out) { // dates ascend, so one walk through the intervals serves them all
            while (next < mine.size() && mine[next]->start_day <= summary.date) ++next;
            const control_interval* at = next > 0 ? mine[next - 1] : nullptr;
            if (at != nullptr && at->end_day && *at->end_day < summary.date) at = nullptr;
            double population = total_population > 0 ? d.population / total_population : 0;
            double area = total_area > 0 ? d.area_km2 / total_area : 0;
            if (at == nullptr) {
                ++summary.unknown_districts;
                summary.unknown_population_share += population;
                summary.unknown_area_share += area;
            } else {
                auto s = static_cast<std::size_t>(at->status);
                ++summary.districts[s];
                summary.population_share[s] += population;
                summary.area_share[s] += area;
            }
        }
    }
    return out;
}

std::string summary_csv(std::span<const status_summary> summaries) {
    std::string out = "date,slice";
    for (auto status : all_control_statuses) out += fmt::format(",{}_districts", to_string(status));
    out += ",unknown_districts";
    for (auto status : all_control_statuses) out += fmt::format(",{}_population_share", to_string(status));
    out += ",unknown_population_share";
    for (auto status : all_control_statuses) out += fmt::format(",{}_area_share", to_string(status));
    out += ",unknown_area_share\n";
    for (const auto& s : summaries) {
        out += fmt::format("{},{}", iso_date(s.date), s.slice);
        for (int n : s.districts) out += fmt::format(",{}", n);
        out += fmt::format(",{}", s.unknown_districts);
        for (double share : s.population_share) out += fmt::format(",{:.6f}", share);
        out += fmt::format(",{:.6f}", s.unknown_population_share);
        for (double share : s.area_share) out += fmt::format(",{:.6f}", share);
        out += fmt::format(",{:.6f}\n", s.unknown_area_share);
    }
    return out;
}

} // namespace naqsha::store
