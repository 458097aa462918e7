#include "app/publication_dates.hpp"

#include "store/calendar.hpp"

#include <chrono>

namespace naqsha::app {

std::optional<std::string> publication_date_problem(std::string_view iso_day) {
    if (iso_day.empty()) return std::nullopt;
    const auto day = store::parse_iso_day(iso_day);
    if (!day) return "publication date '" + std::string(iso_day) + "' is not a date YYYY-MM-DD";
    const auto today = static_cast<store::day_number>(
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()).time_since_epoch().count());
    if (*day > today + future_grace_days)
        return "publication date " + std::string(iso_day) + " is in the future (today is " + store::format_iso_day(today) + ")";
    if (*day < *store::parse_iso_day(earliest_publication_date))
        return "publication date " + std::string(iso_day) + " is before " + std::string(earliest_publication_date) +
               ": not a news report naqsha can map";
    return std::nullopt;
}

} // namespace naqsha::app
