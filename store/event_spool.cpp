#include "store/event_spool.hpp"

#include <stdexcept>
#include <utility>

namespace naqsha::store {
namespace spool_codec {

template <typename Codec, either<source_ref> Source>
void fields(Codec& c, Source& s) {
    c(s.article), c(s.mention_id), c(s.source), c(s.url), c(s.published), c(s.quote);
}

template <typename Codec, either<event_spool::details> Details>
void fields(Codec& c, Details& d) {
    c(d.claims), c(d.sources), c(d.quote);
}

} // namespace spool_codec

void event_spool::take(merged_event& e) {
    if (e.spooled) throw std::logic_error("event " + e.id + ": its details are spooled already");
    details moved{std::move(e.claims), std::move(e.sources), std::move(e.quote)};
    e.spooled = details_.add(moved);
    // Moved-from objects are valid but unspecified: emptied here, so that none keeps its memory.
    e.claims = {};
    e.sources = {};
    e.quote = {};
}

merged_event event_spool::whole(const merged_event& e) const {
    merged_event out = e;
    if (!e.spooled) return out;
    auto back = details_.read(*e.spooled);
    out.claims = std::move(back.claims);
    out.sources = std::move(back.sources);
    out.quote = std::move(back.quote);
    out.spooled.reset();
    return out;
}

merged_event whole_event(const merged_event& e, const event_spool* spool) {
    if (!e.spooled) return e;
    if (!spool) throw std::logic_error("event " + e.id + ": its details are spooled, and no spool was given");
    return spool->whole(e);
}

} // namespace naqsha::store
