#pragma once
// The heavy part of merged events on disk. A merged event is about 1.5 KB in memory, most of it its
// sources (each with its article, URL and quote), claims and quote, and `naqsha run` held every event
// from merging to the end of the run: 400 MB for 500,000 articles. The map is drawn from the rest; the
// store, the layers, the exports, the viewer and the control timeline's evidence read the heavy part
// back, an event at a time, with whole_event() (model.hpp).
#include "store/mention_spool.hpp"
#include "store/model.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace naqsha::store {

class event_spool {
public:
    // Moves the sources, claims and quote of `e` here; `e` keeps the row (merged_event::spooled).
    void take(merged_event& e);
    // `e` with them put back.
    merged_event whole(const merged_event& e) const;

    struct details {
        std::vector<extract::claim> claims;
        std::vector<source_ref> sources;
        std::string quote;
    };

private:
    record_spool<details> details_;
};

} // namespace naqsha::store
