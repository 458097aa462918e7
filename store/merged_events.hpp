#pragma once
// The merged events as merging leaves them, until the store is written: each whole in the event spool
// (event_spool.hpp), and in memory only its id and its row there, in the map's order (date, then id),
// 12 bytes an event. The map's records (map_event, 227 bytes an event with its id) are read back from
// the spool by records() once the store is written and its index of articles freed: held from merging
// on, they grew the run's peak, where the index is, by about 0.11 KB an article.
#include "store/model.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace naqsha::store {

class merged_events {
public:
    merged_events();

    // Room for `count` events, so that add() never copies what it holds: merging knows how many it will
    // add, and the vectors' last doublings came while the clusters and the store's index were held.
    void reserve(std::size_t count);
    // Keeps `e` whole in the spool, last, until put_in_map_order(). Its id must be event_id_for's.
    void add(const merged_event& e);
    // Sorts the events by date, then id; gives the new place of each, by the order they were added.
    std::vector<std::uint32_t> put_in_map_order();

    std::size_t size() const { return rows_.size(); }
    bool empty() const { return rows_.empty(); }
    std::string id(std::size_t i) const;
    merged_event whole(std::size_t i) const;
    // The latest day an event reaches (a range by its end); none when no event has a date YYYY-MM-DD.
    std::optional<day_number> latest_day() const { return latest_day_; }

    // The map's records of the events, in this order, sharing the spool: each event is read back once.
    map_events records() const;

private:
    std::shared_ptr<event_spool> spool_;
    std::vector<std::uint32_t> rows_;   // the event's row in the spool
    std::vector<std::uint64_t> ids_;    // the 16 hex digits of "ev-..."
    // Until the events are in order: each one's date, by its number in `dates_` (a view, 16 bytes an
    // event, grew the run's peak beside the store's index).
    std::vector<std::uint32_t> date_of_;
    std::vector<std::optional<day_number>> dates_;
    std::unordered_map<std::optional<day_number>, std::uint32_t> date_numbers_;
    std::optional<day_number> latest_day_;
};

} // namespace naqsha::store
