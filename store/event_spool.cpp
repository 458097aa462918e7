#include "store/event_spool.hpp"

namespace naqsha::store {
namespace spool_codec {

template <typename Codec, either<source_ref> Source>
void fields(Codec& c, Source& s) {
    c(s.article), c(s.mention_id), c(s.source), c(s.url), c(s.published), c(s.quote);
}

template <typename Codec, either<extract::actors> Actors>
void fields(Codec& c, Actors& a) {
    c(a.perpetrator), c(a.target), c(a.perpetrator_detail), c(a.target_detail);
}

template <typename Codec, either<merged_event> Event>
void fields(Codec& c, Event& e) {
    c(e.id), c(e.type), c(e.sub_type), c(e.background);
    c(e.date), c(e.date_end), c(e.date_prec);
    c(e.district), c(e.province), c(e.geo_prec), c(e.lon), c(e.lat);
    c(e.who), c(e.killed), c(e.wounded), c(e.missing), c(e.captured), c(e.claims), c(e.sources);
    c(e.control), c(e.reported_by), c(e.reported_by_kind), c(e.quote), c(e.confidence);
}

} // namespace spool_codec

std::uint32_t event_spool::add(const merged_event& e) { return events_.add(e); }

merged_event event_spool::read(std::uint32_t row) const { return events_.read(row); }

} // namespace naqsha::store
