#include "render/viewer/event_rows.hpp"

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <string>

namespace naqsha::viewer {
namespace {

std::uint64_t standard_hash(std::string_view id) { return std::hash<std::string_view>()(id); }

} // namespace

event_rows::event_rows(const store::map_events& events) : event_rows(events, standard_hash) {}

event_rows::event_rows(const store::map_events& events, id_hash hash) : events_(events), hash_(hash) {
    entries_.reserve(events.size());
    for (std::size_t row = 0; row < events.size(); ++row)
        entries_.push_back({hash_(events[row].id), static_cast<std::uint32_t>(row)});
    std::sort(entries_.begin(), entries_.end(),
              [](const entry& a, const entry& b) { return a.hash != b.hash ? a.hash < b.hash : a.row < b.row; });
}

std::optional<int> event_rows::find(std::string_view id) const {
    const auto hash = hash_(id);
    auto it = std::lower_bound(entries_.begin(), entries_.end(), hash,
                               [](const entry& e, std::uint64_t h) { return e.hash < h; });
    for (; it != entries_.end() && it->hash == hash; ++it)
        if (events_[it->row].id == id) return static_cast<int>(it->row);
    return std::nullopt;
}

int event_rows::at(std::string_view id) const {
    if (const auto row = find(id)) return *row;
    throw std::out_of_range("data.js: no event " + std::string(id));
}

} // namespace naqsha::viewer
