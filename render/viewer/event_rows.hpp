#pragma once
// Each event's row in the viewer's tables (its place in the map's order), found by the event's id, for
// the control history and the slices, which name events by id. The map's records hold the ids already,
// so the index keeps only each id's 64-bit hash beside its row, sorted: 16 bytes an event, where a
// std::unordered_map of views of the ids took about 56 (15 MB for the 265,000 events of 500,000
// articles, held to the end of data.js). A hash stands for no id: every hit is checked against the
// record's own id, so ids that share a hash are still told apart.
#include "store/model.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace naqsha::viewer {

class event_rows {
public:
    using id_hash = std::uint64_t (*)(std::string_view id);

    // The rows of `events`, which must outlive the index and stay as they are.
    explicit event_rows(const store::map_events& events);
    // With `hash` in place of the standard one: a test makes every id hash alike.
    event_rows(const store::map_events& events, id_hash hash);

    // The first row whose event has this id; nullopt when none has.
    std::optional<int> find(std::string_view id) const;
    // The same, for an id that an event must have: std::out_of_range when none has.
    int at(std::string_view id) const;

private:
    struct entry {
        std::uint64_t hash = 0;
        std::uint32_t row = 0;
    };

    const store::map_events& events_;
    id_hash hash_;
    std::vector<entry> entries_; // by hash, then row
};

} // namespace naqsha::viewer
