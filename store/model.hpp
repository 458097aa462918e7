#pragma once
// What the event store hands to the layer writers and the tile renderer: merged events (one per
// real-world incident, with every source), the district control timeline, and the claims kept aside.
#include "base/calendar.hpp"
#include "extract/event.hpp"

#include <array>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace naqsha::store {

// One article (or wire copy) that reported a merged event.
struct source_ref {
    std::string article;      // article id (file stem or NDJSON id)
    std::string mention_id;   // the extract::event id within that article
    std::string source;       // publisher / agency when known
    std::string url;
    std::optional<day_number> published; // none when unknown
    std::string quote;        // the sentence(s) this article's mention rests on: each source in its own words
    friend bool operator==(const source_ref&, const source_ref&) = default;
};

struct merged_event {
    std::string id;           // stable: does not change when a new source joins the cluster
    extract::event_type type = extract::event_type::other;
    extract::event_sub_type sub_type = extract::event_sub_type::none;
    bool background = false;

    std::optional<day_number> date, date_end; // none when undated; a day outside the years 1..9999 is
                                              // an extracted day the store and the map leave out
    extract::date_precision date_prec = extract::date_precision::unknown;

    std::optional<extract::place_ref> district, province;
    extract::geo_precision geo_prec = extract::geo_precision::country;
    std::optional<double> lon, lat;

    extract::actors who;
    // Ranges span the sources: low = the lowest low, high = the highest high, best per the claim rules.
    std::optional<extract::count_range> killed, wounded, missing, captured;
    std::vector<extract::claim> claims;
    std::vector<source_ref> sources;
    extract::control_side control = extract::control_side::none; // for seizure / withdrawal / recapture
    std::string reported_by;      // the strongest report that the event happened (see extract::event)
    extract::attribution_kind reported_by_kind = extract::attribution_kind::unstated; // taliban: the Taliban alone
    std::string quote;
    double confidence = 0;
};

// What the map is drawn from, of one merged event: the control timeline, the time slices, the incident
// symbols and the layer each row goes to read only this. About 170 bytes where the whole event is 1 to 2
// KB with its sources, claims and quote (and, in memory, its 16 strings); map_events::whole() gives the
// whole event back. The texts are views into the map_events that made the record, valid while it or a
// copy of it lives. Its days are read once, when the record is made: nothing that draws the map parses
// a date.
struct map_event {
    std::string_view id;
    extract::event_sub_type sub_type = extract::event_sub_type::none;
    std::optional<day_number> date;           // nullopt when undated
    std::optional<day_number> date_end;       // the last day: `date` when the event gives no end
    std::string_view district, province;      // P-codes, "" when none
    std::optional<double> lon, lat;
    std::optional<extract::count_range> killed, wounded;
    double confidence = 0;
    std::uint32_t row = 0;                    // the whole event, in its map_events' spool
    extract::event_type type = extract::event_type::other;
    extract::date_precision date_prec = extract::date_precision::unknown;
    extract::geo_precision geo_prec = extract::geo_precision::country;
    extract::control_side control = extract::control_side::none;
    extract::attribution_kind reported_by_kind = extract::attribution_kind::unstated;
    bool background = false;
};

class event_spool;
class event_texts;

// The merged events of a store or a map. Each event is kept whole in a spool (a private temporary
// SQLite database, event_spool.hpp), and in memory only as its map_event: `naqsha run` held every whole
// event from merging to the end of the run, 190 MB for 500,000 articles. Whoever needs the rest (the
// store's tables, the incident rows, the exports, the viewer, the control timeline's evidence) reads it
// back an event at a time with whole(). Copies share the spool and the texts.
class map_events {
public:
    map_events() = default;
    map_events(std::initializer_list<merged_event> events);
    // The records of events already kept whole in `spool` (merged_events::records).
    explicit map_events(std::shared_ptr<event_spool> spool);

    // Keeps `e` whole in the spool and its map_event here, last.
    void add(const merged_event& e);
    // Keeps the map_event of `e`, which is whole in the spool at `row`, here, last.
    void add_spooled(const merged_event& e, std::uint32_t row);
    // The event as it was added, but for lon and lat, which are the record's: the map places the events
    // without a point of their own (build_map_state).
    merged_event whole(const map_event& e) const;

    // The records, in order. A map may reorder and drop them and set their lon and lat, nothing else.
    std::vector<map_event>::iterator begin() { return records_.begin(); }
    std::vector<map_event>::iterator end() { return records_.end(); }
    std::vector<map_event>::const_iterator begin() const { return records_.begin(); }
    std::vector<map_event>::const_iterator end() const { return records_.end(); }
    const map_event& operator[](std::size_t i) const { return records_[i]; }
    const map_event& front() const { return records_.front(); }
    const map_event& back() const { return records_.back(); }
    std::size_t size() const { return records_.size(); }
    bool empty() const { return records_.empty(); }
    void reserve(std::size_t n) { records_.reserve(n); }
    // Puts the record at order[k] k-th, for every k.
    void reorder(std::span<const std::size_t> order);
    template <class Predicate>
    std::size_t erase_if(Predicate drop) {
        return std::erase_if(records_, drop);
    }

private:
    std::vector<map_event> records_;
    std::shared_ptr<event_texts> texts_;  // made with the first event
    std::shared_ptr<event_spool> spool_;
};

enum class control_status { government, contested, taliban, unconfirmed };
inline constexpr std::array<control_status, 4> all_control_statuses{
    control_status::government, control_status::contested, control_status::taliban, control_status::unconfirmed};
std::string_view to_string(control_status s);
std::optional<control_status> control_status_from_string(std::string_view s);

// How a control state was decided: a baseline row, events, or an override row (docs/control-model.md);
// `unstated` only for an interval read from a GeoPackage that does not say.
enum class control_basis : std::uint8_t { unstated, baseline, event, override };
std::string_view to_string(control_basis b);
std::optional<control_basis> control_basis_from_string(std::string_view s);

// A district's status over [start_day, end_day]; no end_day means still open at the map date.
struct control_interval {
    std::string pcode;
    control_status status = control_status::unconfirmed;
    day_number start_day = 0;
    std::optional<day_number> end_day;
    std::vector<std::string> event_ids; // events supporting the interval
    control_basis basis = control_basis::unstated;
    std::string source;                 // for baseline and override intervals: the CSV's source column
    // How sure the map is of this state, 0-1 (docs/control-model.md#confidence), and what it rests on:
    // the articles of the supporting events and their quotes, in the order the events came.
    double confidence = 0;
    std::vector<std::string> articles;
    std::vector<std::string> quotes;
};

// A time slice of the incident layers, [first_day, last_day] inclusive. Only the one slice drawn for a
// map without slices (tiles::slices_to_render) lacks a bound: it runs from the first event, or to the
// latest state when the map has no date.
struct time_slice {
    std::string label;       // 2020-10-19 (day), 2020-W43 (week), 2020-10 (month), 2020-Q4 (quarter)
    std::optional<day_number> first_day;
    std::optional<day_number> last_day;
};

// District counts and population/area-weighted shares per status, at one date. Shares are of the whole
// country (every district of the gazetteer), so a status's share plus the unknown share sums to 1.
struct status_summary {
    day_number date = 0;
    std::string slice;                        // label of the slice whose end (clipped to the map date) is `date`
    std::array<int, 4> districts{};           // indexed by control_status
    std::array<double, 4> population_share{}; // 0..1
    std::array<double, 4> area_share{};       // 0..1
    int unknown_districts = 0;                // no evidence at that date: not drawn
    double unknown_population_share = 0;
    double unknown_area_share = 0;
};

struct map_state {
    map_events events;
    std::vector<control_interval> control;
    std::vector<extract::area_claim> area_claims;
    std::vector<time_slice> slices;
    std::vector<status_summary> summaries;   // one per slice, in order; the last is at the map date
    std::optional<day_number> as_of;         // the map date: --at, else the latest event date; none for a store with no date
    std::string slice_unit;                  // day | week | month | quarter

    merged_event whole(const map_event& e) const { return events.whole(e); }
};

} // namespace naqsha::store
