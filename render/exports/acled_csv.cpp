// ACLED's export columns. Conventions followed (ACLED Codebook): fatalities are the most conservative
// reported figure (our low); time_precision 1 = day (a night included), 2 = a range within a week, 3 = longer;
// geo_precision 1 = a town, 2 = a district, 3 = a province.
#include "base/spaces.hpp"
#include "render/exports/actor_names.hpp"
#include "render/exports/csv_writer.hpp"
#include "render/exports/event_fields.hpp"
#include "render/exports/exports.hpp"
#include "render/exports/violence.hpp"
#include "store/calendar.hpp"

#include <algorithm>

namespace naqsha::exports {
namespace {

using extract::event_type;

struct acled_type {
    std::string_view event_type;
    std::string_view sub_event_type;
    std::string_view disorder_type;
};

acled_type acled_type_of(const store::merged_event& e) {
    bool civilians_targeted = e.who.target == extract::actor_side::civilians;
    switch (e.type) {
    case event_type::armed_clash:
        if (civilians_targeted) return {"Violence against civilians", "Attack", "Political violence"};
        return {"Battles", "Armed clash", "Political violence"};
    case event_type::bombing:
        if (e.sub_type == extract::event_sub_type::suicide_bombing)
            return {"Explosions/Remote violence", "Suicide bomb", "Political violence"};
        return {"Explosions/Remote violence", "Remote explosive/landmine/IED", "Political violence"};
    case event_type::airstrike: return {"Explosions/Remote violence", "Air/drone strike", "Political violence"};
    case event_type::raid:
        if (e.killed && e.killed->low > 0) return {"Battles", "Armed clash", "Political violence"};
        return {"Strategic developments", "Arrests", "Strategic developments"};
    case event_type::district_seizure:
        return {"Battles", "Non-state actor overtakes territory", "Political violence"};
    case event_type::withdrawal:
        return {"Strategic developments", "Non-violent transfer of territory", "Strategic developments"};
    case event_type::government_recapture: return {"Battles", "Government regains territory", "Political violence"};
    case event_type::other:
        if (e.sub_type == extract::event_sub_type::abduction) return {"Violence against civilians", "Abduction/forced disappearance", "Political violence"};
        if (e.sub_type == extract::event_sub_type::arson || e.sub_type == extract::event_sub_type::sabotage) return {"Strategic developments", "Looting/property destruction", "Strategic developments"};
        break;
    case event_type::accident: break;
    }
    return {"Strategic developments", "Other", "Strategic developments"};
}

int acled_time_precision(const store::merged_event& e) {
    switch (e.date_prec) {
    case extract::date_precision::day: return 1;
    // a night that runs past midnight is one day's event, as ACLED dates an attack by the day it began
    // (and as events_ucdp.csv's date_prec has it)
    case extract::date_precision::range: return span_days(e) <= 1 ? 1 : span_days(e) <= 7 ? 2 : 3;
    case extract::date_precision::week: return 2;
    default: return 3;
    }
}

int acled_geo_precision(const store::merged_event& e) {
    switch (e.geo_prec) {
    case extract::geo_precision::settlement: return 1;
    case extract::geo_precision::district: return 2;
    default: return 3;
    }
}

std::optional<day_number> latest_published(const store::merged_event& e) {
    std::optional<day_number> latest;
    for (const auto& s : e.sources) latest = std::max(latest, s.published);
    return latest;
}

} // namespace

table acled_csv(const store::map_state& state, const csv_sink& sink) {
    csv_writer csv({"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                    "fatalities", "tags", "timestamp"},
                   sink);
    table out;
    for (const auto& record : state.events) {
        if (!codable(record)) {
            ++out.skipped;
            continue;
        }
        const auto e = state.whole(record);
        auto type = acled_type_of(e);
        auto actor1 = acled_actor_for(e.who.perpetrator, e.who.perpetrator_detail, e.date);
        // An attacker nobody names is ACLED's "Unidentified Armed Group"; a target nobody names is no
        // actor at all (the dead of a bombing are not an armed group): actor2 stays empty.
        auto actor2 = e.who.target == extract::actor_side::unknown ? acled_actor{}
                                                                   : acled_actor_for(e.who.target, e.who.target_detail, e.date);
        int fatalities = e.killed ? e.killed->low : 0;
        if (is_mishap(e)) {
            // Not political violence: ACLED records it, if at all, as a strategic development of the
            // armed party it befell (whose aircraft crashed), with no one against it and no
            // political-violence deaths; the notes keep the figure. Without an armed party, not at all.
            const bool target_armed = is_armed_party(e.who.target);
            if (!target_armed && !is_armed_party(e.who.perpetrator)) {
                ++out.not_coded;
                continue;
            }
            type = {"Strategic developments", "Other", "Strategic developments"};
            actor1 = target_armed ? acled_actor_for(e.who.target, e.who.target_detail, e.date) : actor1;
            actor2 = {};
            fatalities = 0;
        }
        int low_inter = std::min(actor1.inter, actor2.inter), high_inter = std::max(actor1.inter, actor2.inter);
        std::string interaction = low_inter == 0 ? std::to_string(high_inter) + "0"
                                                 : std::to_string(low_inter) + std::to_string(high_inter);
        const auto date = store::format_iso_day(e.date);
        csv.field("AFG-" + e.id).field(date).field(date.substr(0, 4)).field(acled_time_precision(e));
        csv.field(type.disorder_type).field(type.event_type).field(type.sub_event_type);
        csv.field(actor1.name).empty().field(actor1.inter).field(actor2.name).empty();
        if (actor2.inter > 0) csv.field(actor2.inter); else csv.empty();
        csv.field(interaction).field(actor2.inter == 7 ? "Civilian targeting" : "");
        csv.field(4).field("South Asia").field("Afghanistan");
        csv.field(e.province ? e.province->name : "").field(e.district ? e.district->name : "").empty();
        csv.field(location_name(e));
        if (e.lat && e.lon) csv.field(*e.lat, 4).field(*e.lon, 4); else csv.empty().empty();
        csv.field(acled_geo_precision(e)).field(source_list(e)).empty().field(collapse_spaces(e.quote));
        csv.field(fatalities).empty().field(static_cast<int>(unix_time_of(latest_published(e))));
        csv.end_row();
        ++out.rows;
    }
    csv.finish();
    return out;
}

} // namespace naqsha::exports
