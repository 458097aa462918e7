#pragma once
// The event mention: what one article says happened, as extract/ produces it and the event store
// consumes it. Field names match the NDJSON schema in docs/event-schema.md.
#include "base/calendar.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace naqsha::extract {

enum class event_type : std::uint8_t {
    armed_clash,          // armed clash, attack or ambush on forces or posts
    bombing,              // bombing, IED or suicide attack
    airstrike,
    raid,                 // raid or detention operation
    district_seizure,     // territory (a district centre) taken
    withdrawal,           // posts abandoned, forces withdrawn
    government_recapture,
    accident,             // crash or other non-hostile incident with casualties
    other,
};

// The finer label of an event (event::sub_type, docs/event-schema.md); none is "".
enum class event_sub_type : std::uint8_t {
    none,
    ambush,
    suicide_bombing,
    kill_capture,    // a raid that killed and detained
    detention,
    abduction,       // people taken by gunmen or insurgents, not arrested by forces
    arson,
    sabotage,        // a bridge, pylon or other property destroyed or blown up by an armed group
    crash,
    control_state,   // a territory event that says only who holds the place
    handover,        // a district handed over by agreement
    positions,       // posts abandoned, the district itself not left
};

enum class date_precision : std::uint8_t { day, range, week, month, year, unknown };
// What an event's date rests on (event::date_basis): a date the article gives (text) or the report's own
// day (publication); unstated is "".
enum class dated_by : std::uint8_t { unstated, text, publication };
enum class geo_precision : std::uint8_t { settlement, district, province, country };

// Who a figure or a report comes from (claim::source_kind, event::reported_by_kind, area_claim::source_kind):
// unstated is "", unattributed the press telling it as fact, other a speaker of none of the named kinds.
enum class attribution_kind : std::uint8_t { unstated, official, local, media, other, unattributed, taliban };

// A party to an event (actors::perpetrator, actors::target), or whose people a figure counts
// (claim::subject): unstated is "", unknown a party the text does not name.
enum class actor_side : std::uint8_t { unstated, unknown, taliban, afghan_forces, isk, coalition, civilians };

// Which figure a claim states (claim::field), as the event's ranges are named.
enum class casualty_field : std::uint8_t { killed, wounded, missing, captured };

// Who holds a place after a seizure, withdrawal or recapture (event::control); none is "".
enum class control_side : std::uint8_t { none, government, taliban };

// A casualty figure: low <= best <= high.
struct count_range {
    int low = 0;
    int best = 0;
    int high = 0;
    friend bool operator==(const count_range&, const count_range&) = default;
};

struct place_ref {
    std::string pcode;
    std::string name;
    friend bool operator==(const place_ref&, const place_ref&) = default;
};

struct span {
    std::size_t begin = 0; // byte offsets into the article text
    std::size_t end = 0;
    friend bool operator==(const span&, const span&) = default;
};

// One statement of a figure and who made it.
struct claim {
    casualty_field field = casualty_field::killed;
    count_range value;
    std::string source;       // who says so, as written ("Zabihullah Mujahid", "provincial health director")
    attribution_kind source_kind = attribution_kind::unstated;
    actor_side subject = actor_side::unstated; // whose casualties
    span offsets;
};

struct place_mention {
    std::string text;         // as written
    std::string pcode;        // what it resolved to (district or province P-code), may be empty
    geo_precision level = geo_precision::district; // settlement, district or province
    span offsets;
    friend bool operator==(const place_mention&, const place_mention&) = default;
};

struct actors {
    actor_side perpetrator = actor_side::unstated; // any side but civilians
    actor_side target = actor_side::unstated;
    std::string perpetrator_detail; // as written, e.g. "Taliban militants"
    std::string target_detail;      // e.g. "police", "army", "NDS", "local police"
};

struct event {
    std::string id;           // <article>#<n>
    std::string article;      // file stem or NDJSON id
    event_type type = event_type::other;
    event_sub_type sub_type = event_sub_type::none; // finer label, e.g. ambush, suicide_bombing, detention
    bool background = false;  // recalled from the past, not the article's news

    std::optional<day_number> date;     // the first day, none when unknown (ISO text only in the JSON)
    std::optional<day_number> date_end; // the last day; equals date for a single day
    date_precision date_prec = date_precision::unknown;
    dated_by date_basis = dated_by::unstated;
    std::string date_text;    // the expression as written ("Monday night", "yesterday")

    std::optional<place_ref> district;
    std::optional<place_ref> province;
    geo_precision geo_prec = geo_precision::country;
    std::optional<double> lon, lat;
    std::vector<place_mention> places;

    actors who;
    std::optional<count_range> killed, wounded, missing, captured;
    std::vector<claim> claims;
    control_side control = control_side::none; // who holds the place after a seizure, withdrawal or recapture
    // Who says the event happened at all (not a casualty figure). A seizure reported only by the
    // Taliban (attribution_kind::taliban) is shown as an unconfirmed claim on the control map.
    std::string reported_by;      // as written, e.g. "Sanaullah Rohani, provincial police spokesman"
    attribution_kind reported_by_kind = attribution_kind::unstated;

    std::string quote;        // the sentence(s) the event rests on
    span offsets;
    double confidence = 0;    // 0..1
};

// What an area claim measures (area_claim::scope); unstated is "".
enum class area_scope : std::uint8_t { unstated, districts, country, territory, population, province };

// A claim about many districts at once ("61 out of 407 districts"): kept, never painted.
struct area_claim {
    std::string article;
    std::string text;
    std::string source;
    attribution_kind source_kind = attribution_kind::unstated;
    std::optional<int> districts;        // how many
    std::optional<int> of_districts;     // out of how many
    std::optional<double> percent;       // "56.3 percent of the country", "two thirds" = 66.7
    area_scope scope = area_scope::unstated;
    std::optional<place_ref> province;   // when limited to a province
    std::optional<day_number> date;      // the day the claim was published, when known
    span offsets;
};

std::string_view to_string(event_type t);
std::string_view to_string(date_precision p);
std::string_view to_string(geo_precision p);
std::optional<event_type> event_type_from_string(std::string_view s);
std::optional<date_precision> date_precision_from_string(std::string_view s);
std::optional<geo_precision> geo_precision_from_string(std::string_view s);
std::string_view to_string(event_sub_type t);
std::optional<event_sub_type> event_sub_type_from_string(std::string_view s);
std::string_view to_string(attribution_kind k);
std::string_view to_string(control_side s);
std::optional<attribution_kind> attribution_kind_from_string(std::string_view s);
std::optional<control_side> control_side_from_string(std::string_view s);
std::string_view to_string(dated_by d);
std::optional<dated_by> dated_by_from_string(std::string_view s);
std::string_view to_string(area_scope s);
std::optional<area_scope> area_scope_from_string(std::string_view s);
std::string_view to_string(actor_side s);
std::optional<actor_side> actor_side_from_string(std::string_view s);
std::string_view to_string(casualty_field f);
std::optional<casualty_field> casualty_field_from_string(std::string_view s);

} // namespace naqsha::extract
