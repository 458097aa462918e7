// UCDP GED's columns. Conventions followed (UCDP GED Codebook): where_prec 1 = exact place,
// 3 = second-order administrative unit, 4 = first-order unit; date_prec 1 = day, 2 = 2-6 days,
// 3 = a week, 4 = a month, 5 = a year; best/low/high are the event's death estimates.
#include "render/exports/actor_names.hpp"
#include "render/exports/csv_writer.hpp"
#include "render/exports/event_fields.hpp"
#include "render/exports/exports.hpp"
#include "render/exports/violence.hpp"
#include "store/calendar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace naqsha::exports {
namespace {

using extract::actor_side;

bool is_state(actor_side group) { return group == actor_side::afghan_forces || group == actor_side::coalition; }

// An event as GED codes it: its type of violence and the naqsha groups of its two sides. GED holds
// organised violence with at least one death, each event on a dyad whose sides are both known.
struct ged_dyad {
    int type_of_violence = 0;  // 1 state-based, 2 non-state, 3 one-sided; 0: not a GED event
    actor_side group_a = actor_side::unstated, group_b = actor_side::unstated;
};

ged_dyad dyad_of(const store::merged_event& e) {
    const actor_side perpetrator = e.who.perpetrator, target = e.who.target;
    if (is_mishap(e) || e.type == extract::event_type::withdrawal) return {};
    if (!e.killed || e.killed->best < 1) return {};
    if (!is_armed_party(perpetrator)) return {}; // an unidentified side: GED names both
    if (target == actor_side::civilians) return {3, perpetrator, target};
    // an insurgent attack on no one named ("a Taliban bomb killed 34"): the insurgents' conflict with
    // the government, whose dead are then unknown by side
    if (!is_state(perpetrator) && (target == actor_side::unstated || target == actor_side::unknown))
        return {1, actor_side::afghan_forces, perpetrator};
    if (!is_armed_party(target) || (is_state(perpetrator) && is_state(target))) return {};
    if (is_state(target)) return {1, target, perpetrator}; // side_a is the state
    if (is_state(perpetrator)) return {1, perpetrator, target};
    return {2, perpetrator, target};
}

// deaths_a, deaths_b, deaths_civilians and deaths_unknown, which add up to best: each side's dead as
// its claims count them (killed_of), taken in that order while best allows, the rest unknown.
std::array<int, 4> deaths_by_side(const store::merged_event& e, const ged_dyad& dyad) {
    int left = e.killed->best;
    auto take = [&](int figure) {
        const int taken = std::min(figure, left);
        left -= taken;
        return taken;
    };
    const int a = take(killed_of(e, dyad.group_a));
    const int b = dyad.type_of_violence == 3 ? 0 : take(killed_of(e, dyad.group_b));
    const int civilians = take(killed_of(e, actor_side::civilians));
    return {a, b, civilians, left};
}

int where_prec(const store::merged_event& e) {
    switch (e.geo_prec) {
    case extract::geo_precision::settlement: return 1;
    case extract::geo_precision::district: return 3;
    case extract::geo_precision::province: return 4;
    case extract::geo_precision::country: break;
    }
    return 6;
}

int date_prec(const store::merged_event& e) {
    switch (e.date_prec) {
    case extract::date_precision::day: return 1;
    case extract::date_precision::range: {
        int days = span_days(e);
        return days <= 1 ? 1 : days <= 6 ? 2 : days <= 7 ? 3 : days <= 31 ? 4 : 5;
    }
    case extract::date_precision::week: return 3;
    case extract::date_precision::month: return 4;
    default: return 5;
    }
}

} // namespace

table ucdp_csv(const store::map_state& state, const csv_sink& sink) {
    csv_writer csv({"id", "year", "type_of_violence", "conflict_name", "dyad_name", "side_a", "side_b",
                    "number_of_sources", "source_article", "where_prec", "where_coordinates", "where_description",
                    "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "country", "country_id", "region",
                    "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
                    "deaths_civilians", "deaths_unknown", "best", "high", "low"},
                   sink);
    table out;
    for (const auto& record : state.events) {
        if (!codable(record)) {
            ++out.skipped;
            continue;
        }
        const auto e = state.whole(record);
        const auto dyad = dyad_of(e);
        if (dyad.type_of_violence == 0) {
            ++out.not_coded;
            continue;
        }
        const std::string side_a = ucdp_side_for(dyad.group_a), side_b = ucdp_side_for(dyad.group_b);
        const std::string dyad_name = side_a + " - " + side_b;
        // GED names state-based conflicts by their incompatibility, the others by their dyad.
        const std::string conflict = dyad.type_of_violence == 1 ? "Afghanistan: Government" : dyad_name;
        const auto deaths = deaths_by_side(e, dyad);

        const auto date = store::format_iso_day(e.date);
        csv.field(e.id).field(date.substr(0, 4)).field(dyad.type_of_violence).field(conflict).field(dyad_name);
        csv.field(side_a).field(side_b).field(static_cast<int>(e.sources.size())).field(source_list(e));
        // where_description describes the place, as GED's does: "Baharak district, Takhar province"
        const std::string adm_1 = e.province ? e.province->name + " province" : "";
        const std::string adm_2 = e.district ? e.district->name + " district" : "";
        csv.field(where_prec(e)).field(location_name(e)).field(adm_2.empty() ? adm_1 : adm_2 + ", " + adm_1);
        csv.field(adm_1).field(adm_2);
        if (e.lat && e.lon)
            csv.field(*e.lat, 4).field(*e.lon, 4).field(fmt::format("POINT ({:.4f} {:.4f})", *e.lon, *e.lat));
        else
            csv.empty().empty().empty();
        csv.field("Afghanistan").field(700).field("Asia").field(e.confidence >= 0.7 ? 1 : 2);
        csv.field(date_prec(e)).field(date).field(store::format_iso_day(e.date_end ? e.date_end : e.date));
        for (int figure : deaths) csv.field(figure);
        csv.field(e.killed->best).field(e.killed->high).field(e.killed->low);
        csv.end_row();
        ++out.rows;
    }
    csv.finish();
    return out;
}

} // namespace naqsha::exports
