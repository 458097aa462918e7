#pragma once
// What the event store hands to the layer writers and the tile renderer: merged events (one per
// real-world incident, with every source), the district control timeline, and the claims kept aside.
#include "extract/event.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace naqsha::store {

// One article (or wire copy) that reported a merged event.
struct source_ref {
    std::string article;      // article id (file stem or NDJSON id)
    std::string mention_id;   // the extract::event id within that article
    std::string source;       // publisher / agency when known
    std::string url;
    std::string published;    // ISO date, "" when unknown
    std::string quote;        // the sentence(s) this article's mention rests on: each source in its own words
    friend bool operator==(const source_ref&, const source_ref&) = default;
};

struct merged_event {
    std::string id;           // stable: does not change when a new source joins the cluster
    extract::event_type type = extract::event_type::other;
    std::string sub_type;
    bool background = false;

    std::string date, date_end;
    extract::date_precision date_prec = extract::date_precision::unknown;

    std::optional<extract::place_ref> district, province;
    extract::geo_precision geo_prec = extract::geo_precision::country;
    std::optional<double> lon, lat;

    extract::actors who;
    // Ranges span the sources: low = the lowest low, high = the highest high, best per the claim rules.
    std::optional<extract::count_range> killed, wounded, missing, captured;
    std::vector<extract::claim> claims;
    std::vector<source_ref> sources;
    std::string control;      // for seizure / withdrawal / recapture
    std::string reported_by;      // the strongest report that the event happened (see extract::event)
    std::string reported_by_kind; // official | local | media | unattributed | "" | taliban (Taliban alone)
    std::string quote;
    double confidence = 0;
    // Set when the sources, claims and quote were moved to an event_spool (`naqsha run` does, to bound
    // its memory): they are empty here and kept at this row. whole_event() puts them back.
    std::optional<std::uint32_t> spooled;
};

class event_spool;

// The event with its sources, claims and quote: a copy of `e`, with them read back from `spool` when
// they were moved there.
merged_event whole_event(const merged_event& e, const event_spool* spool);

enum class control_status { government, contested, taliban, unconfirmed };
inline constexpr std::array<control_status, 4> all_control_statuses{
    control_status::government, control_status::contested, control_status::taliban, control_status::unconfirmed};
std::string_view to_string(control_status s);
std::optional<control_status> control_status_from_string(std::string_view s);

// A district's status over [start_date, end_date]; end_date "" means still open at the map date.
struct control_interval {
    std::string pcode;
    control_status status = control_status::unconfirmed;
    std::string start_date;
    std::string end_date;
    std::vector<std::string> event_ids; // events supporting the interval
    std::string basis;                  // baseline | event | override
    std::string source;                 // for baseline and override intervals: the CSV's source column
    // How sure the map is of this state, 0-1 (docs/control-model.md#confidence), and what it rests on:
    // the articles of the supporting events and their quotes, in the order the events came.
    double confidence = 0;
    std::vector<std::string> articles;
    std::vector<std::string> quotes;
};

// A time slice of the incident layers, [start_date, end_date] inclusive.
struct time_slice {
    std::string label;       // 2020-10-19 (day), 2020-W43 (week), 2020-10 (month), 2020-Q4 (quarter)
    std::string start_date;
    std::string end_date;
};

// District counts and population/area-weighted shares per status, at one date. Shares are of the whole
// country (every district of the gazetteer), so a status's share plus the unknown share sums to 1.
struct status_summary {
    std::string date;
    std::string slice;                        // label of the slice whose end (clipped to the map date) is `date`
    std::array<int, 4> districts{};           // indexed by control_status
    std::array<double, 4> population_share{}; // 0..1
    std::array<double, 4> area_share{};       // 0..1
    int unknown_districts = 0;                // no evidence at that date: not drawn
    double unknown_population_share = 0;
    double unknown_area_share = 0;
};

struct map_state {
    std::vector<merged_event> events;
    std::vector<control_interval> control;
    std::vector<extract::area_claim> area_claims;
    std::vector<time_slice> slices;
    std::vector<status_summary> summaries;   // one per slice, in order; the last is at the map date
    std::string as_of;                       // the map date: --at, else the latest event date
    std::string slice_unit;                  // day | week | month | quarter
    // Where the events' sources, claims and quotes are when merging spooled them; null when inline.
    std::shared_ptr<const event_spool> spool;

    merged_event whole(const merged_event& e) const { return whole_event(e, spool.get()); }
};

} // namespace naqsha::store
