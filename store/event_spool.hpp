#pragma once
// Merged events on disk, whole. A merged event is about 720 bytes in memory before its strings, and
// 1 to 2 KB with its sources (each with its article, URL and quote), claims and quote; `naqsha run`
// held every event from merging to the end of the run. A map_events keeps each event here and in memory
// only what the map draws (map_event, model.hpp); the store, the layers, the exports, the viewer and the
// control timeline's evidence read the rest back, an event at a time, with map_events::whole().
#include "store/mention_spool.hpp"
#include "store/model.hpp"

#include <cstdint>

namespace naqsha::store {

class event_spool {
public:
    // The row `e` is kept at; read() gives it back field for field, doubles bit for bit.
    std::uint32_t add(const merged_event& e);
    merged_event read(std::uint32_t row) const;

private:
    record_spool<merged_event> events_;
};

} // namespace naqsha::store
