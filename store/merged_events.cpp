#include "store/merged_events.hpp"

#include "store/calendar.hpp"
#include "store/event_spool.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <numeric>
#include <stdexcept>

namespace naqsha::store {
namespace {

constexpr std::string_view id_prefix = "ev-";

std::string id_text(std::uint64_t digits) { return fmt::format("{}{:016x}", id_prefix, digits); }

// The id's 16 hex digits as a number; the text is made again from it, so an id of another form is refused.
std::uint64_t id_digits(const std::string& id) {
    std::uint64_t digits = 0;
    const char* first = id.data() + std::min(id.size(), id_prefix.size());
    const auto parsed = std::from_chars(first, id.data() + id.size(), digits, 16);
    if (!id.starts_with(id_prefix) || parsed.ec != std::errc() || id_text(digits) != id)
        throw std::logic_error("merged event id '" + id + "' is not ev- and 16 hex digits");
    return digits;
}

} // namespace

merged_events::merged_events() : spool_(std::make_shared<event_spool>()) {}

void merged_events::reserve(std::size_t count) {
    rows_.reserve(count);
    ids_.reserve(count);
    date_of_.reserve(count);
}

void merged_events::add(const merged_event& e) {
    ids_.push_back(id_digits(e.id));
    rows_.push_back(spool_->add(e));
    const auto [date, fresh] = date_numbers_.try_emplace(e.date, static_cast<std::uint32_t>(dates_.size()));
    if (fresh) dates_.push_back(e.date);
    date_of_.push_back(date->second);
    if (const auto day = within_iso_years(e.date_end ? e.date_end : e.date)) latest_day_ = std::max(latest_day_.value_or(*day), *day);
}

std::vector<std::uint32_t> merged_events::put_in_map_order() {
    // Each date's rank among the dates by its ISO text, none first: the days' own order in the years
    // 0..9999, and the store's order for the days outside them that an extraction may give.
    std::vector<std::string> texts(dates_.size());
    for (std::size_t k = 0; k < dates_.size(); ++k) texts[k] = format_iso_day(dates_[k]);
    std::vector<std::uint32_t> by_text(dates_.size());
    std::iota(by_text.begin(), by_text.end(), 0u);
    std::sort(by_text.begin(), by_text.end(), [&](std::uint32_t a, std::uint32_t b) { return texts[a] < texts[b]; });
    std::vector<std::uint32_t> rank(dates_.size());
    for (std::uint32_t k = 0; k < by_text.size(); ++k) rank[by_text[k]] = k;
    for (auto& date : date_of_) date = rank[date];

    std::vector<std::uint32_t> order(rows_.size());
    std::iota(order.begin(), order.end(), 0u);
    // Ids of one length in lower-case hex sort as their numbers do.
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return std::tie(date_of_[a], ids_[a]) < std::tie(date_of_[b], ids_[b]);
    });
    std::vector<std::uint32_t> place(order.size());
    std::vector<std::uint32_t> rows(order.size());
    std::vector<std::uint64_t> ids(order.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) {
        place[order[k]] = k;
        rows[k] = rows_[order[k]];
        ids[k] = ids_[order[k]];
    }
    rows_ = std::move(rows);
    ids_ = std::move(ids);
    date_of_ = {};
    dates_ = {};
    date_numbers_ = {};
    return place;
}

std::string merged_events::id(std::size_t i) const { return id_text(ids_.at(i)); }

merged_event merged_events::whole(std::size_t i) const { return spool_->read(rows_.at(i)); }

map_events merged_events::records() const {
    map_events out(spool_);
    out.reserve(rows_.size());
    for (const auto row : rows_) out.add_spooled(spool_->read(row), row);
    return out;
}

} // namespace naqsha::store
