#include "app/publication_dates.hpp"

#include <chrono>

namespace naqsha::app {

std::optional<std::string> publication_date_problem(const day_option& published) {
    if (published.malformed()) return "publication date '" + published.text + "' is not a date YYYY-MM-DD";
    return publication_date_problem(published.day);
}

std::optional<std::string> publication_date_problem(std::optional<day_number> day) {
    if (!day) return std::nullopt;
    const std::string text = iso_date(*day);
    if (!within_iso_years(day)) return "publication date '" + text + "' is not a date YYYY-MM-DD";
    const auto today = static_cast<day_number>(
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()).time_since_epoch().count());
    if (*day > today + future_grace_days)
        return "publication date " + text + " is in the future (today is " + iso_date(today) + ")";
    if (*day < *parse_iso_day(earliest_publication_date))
        return "publication date " + text + " is before " + std::string(earliest_publication_date) +
               ": not a news report naqsha can map";
    return std::nullopt;
}

} // namespace naqsha::app
