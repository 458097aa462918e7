// UCDP GED's columns. Conventions followed (UCDP GED Codebook): where_prec 1 = exact place,
// 3 = second-order administrative unit, 4 = first-order unit; date_prec 1 = day, 2 = 2-6 days,
// 3 = a week, 4 = a month, 5 = a year; best/low/high are the event's death estimates.
#include "render/exports/actor_names.hpp"
#include "render/exports/csv_writer.hpp"
#include "render/exports/event_fields.hpp"
#include "render/exports/exports.hpp"

#include <fmt/format.h>

namespace naqsha::exports {
namespace {

bool is_state(std::string_view group) { return group == "afghan_forces" || group == "coalition"; }

// 1 state-based, 2 non-state, 3 one-sided violence against civilians.
int type_of_violence(const store::merged_event& e) {
    if (e.who.target == "civilians") return 3;
    if (is_state(e.who.perpetrator) || is_state(e.who.target)) return 1;
    if (!e.who.perpetrator.empty() && !e.who.target.empty()) return 2;
    return 1;
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
    for (const auto& e : state.events) {
        if (!codable(e)) {
            ++out.skipped;
            continue;
        }
        int violence = type_of_violence(e);
        // side_a is the state in state-based conflict, the perpetrator otherwise.
        std::string side_a = ucdp_side_for(e.who.perpetrator), side_b = ucdp_side_for(e.who.target);
        if (violence == 1 && is_state(e.who.target)) std::swap(side_a, side_b);
        if (violence == 1 && side_a.empty()) side_a = "Government of Afghanistan";
        std::string conflict = violence == 1 ? "Afghanistan: Government" : "";
        std::string dyad = side_b.empty() ? "" : side_a + " - " + side_b;

        int best = e.killed ? e.killed->best : 0;
        csv.field(e.id).field(e.date.substr(0, 4)).field(violence).field(conflict).field(dyad);
        csv.field(side_a).field(side_b).field(static_cast<int>(e.sources.size())).field(source_list(e));
        csv.field(where_prec(e)).field(location_name(e)).field(one_line(e.quote));
        csv.field(e.province ? e.province->name + " province" : "")
            .field(e.district ? e.district->name + " district" : "");
        if (e.lat && e.lon)
            csv.field(*e.lat, 4).field(*e.lon, 4).field(fmt::format("POINT ({:.4f} {:.4f})", *e.lon, *e.lat));
        else
            csv.empty().empty().empty();
        csv.field("Afghanistan").field(700).field("Asia").field(e.confidence >= 0.7 ? 1 : 2);
        csv.field(date_prec(e)).field(e.date).field(e.date_end.empty() ? e.date : e.date_end);
        // Merged events carry one range, not a split by side; only one-sided violence has a known victim side.
        csv.field(0).field(0).field(violence == 3 ? best : 0).field(violence == 3 ? 0 : best);
        csv.field(best).field(e.killed ? e.killed->high : 0).field(e.killed ? e.killed->low : 0);
        csv.end_row();
        ++out.rows;
    }
    csv.finish();
    return out;
}

} // namespace naqsha::exports
