#include "extract/event.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace naqsha::extract {
namespace {

constexpr std::array<std::pair<event_type, std::string_view>, 9> event_type_names{{
    {event_type::armed_clash, "armed_clash"},
    {event_type::bombing, "bombing"},
    {event_type::airstrike, "airstrike"},
    {event_type::raid, "raid"},
    {event_type::district_seizure, "district_seizure"},
    {event_type::withdrawal, "withdrawal"},
    {event_type::government_recapture, "government_recapture"},
    {event_type::accident, "accident"},
    {event_type::other, "other"},
}};

constexpr std::array<std::pair<event_sub_type, std::string_view>, 12> event_sub_type_names{{
    {event_sub_type::none, ""},
    {event_sub_type::ambush, "ambush"},
    {event_sub_type::suicide_bombing, "suicide_bombing"},
    {event_sub_type::kill_capture, "kill_capture"},
    {event_sub_type::detention, "detention"},
    {event_sub_type::abduction, "abduction"},
    {event_sub_type::arson, "arson"},
    {event_sub_type::sabotage, "sabotage"},
    {event_sub_type::crash, "crash"},
    {event_sub_type::control_state, "control_state"},
    {event_sub_type::handover, "handover"},
    {event_sub_type::positions, "positions"},
}};

constexpr std::array<std::pair<date_precision, std::string_view>, 6> date_precision_names{{
    {date_precision::day, "day"},
    {date_precision::range, "range"},
    {date_precision::week, "week"},
    {date_precision::month, "month"},
    {date_precision::year, "year"},
    {date_precision::unknown, "unknown"},
}};

constexpr std::array<std::pair<geo_precision, std::string_view>, 4> geo_precision_names{{
    {geo_precision::settlement, "settlement"},
    {geo_precision::district, "district"},
    {geo_precision::province, "province"},
    {geo_precision::country, "country"},
}};

constexpr std::array<std::pair<attribution_kind, std::string_view>, 7> attribution_kind_names{{
    {attribution_kind::unstated, ""},
    {attribution_kind::official, "official"},
    {attribution_kind::local, "local"},
    {attribution_kind::media, "media"},
    {attribution_kind::other, "other"},
    {attribution_kind::unattributed, "unattributed"},
    {attribution_kind::taliban, "taliban"},
}};

constexpr std::array<std::pair<control_side, std::string_view>, 3> control_side_names{{
    {control_side::none, ""},
    {control_side::government, "government"},
    {control_side::taliban, "taliban"},
}};

constexpr std::array<std::pair<dated_by, std::string_view>, 3> dated_by_names{{
    {dated_by::unstated, ""},
    {dated_by::text, "text"},
    {dated_by::publication, "publication"},
}};

constexpr std::array<std::pair<area_scope, std::string_view>, 6> area_scope_names{{
    {area_scope::unstated, ""},
    {area_scope::districts, "districts"},
    {area_scope::country, "country"},
    {area_scope::territory, "territory"},
    {area_scope::population, "population"},
    {area_scope::province, "province"},
}};

constexpr std::array<std::pair<actor_side, std::string_view>, 7> actor_side_names{{
    {actor_side::unstated, ""},
    {actor_side::unknown, "unknown"},
    {actor_side::taliban, "taliban"},
    {actor_side::afghan_forces, "afghan_forces"},
    {actor_side::isk, "isk"},
    {actor_side::coalition, "coalition"},
    {actor_side::civilians, "civilians"},
}};

constexpr std::array<std::pair<casualty_field, std::string_view>, 4> casualty_field_names{{
    {casualty_field::killed, "killed"},
    {casualty_field::wounded, "wounded"},
    {casualty_field::missing, "missing"},
    {casualty_field::captured, "captured"},
}};

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
    for (const auto& [e, name] : table)
        if (e == value) return name;
    return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view s) {
    for (const auto& [e, name] : table)
        if (name == s) return e;
    return std::nullopt;
}

} // namespace

std::string_view to_string(event_type t) { return name_of(event_type_names, t); }
std::string_view to_string(date_precision p) { return name_of(date_precision_names, p); }
std::string_view to_string(geo_precision p) { return name_of(geo_precision_names, p); }
std::optional<event_type> event_type_from_string(std::string_view s) { return value_of(event_type_names, s); }
std::optional<date_precision> date_precision_from_string(std::string_view s) { return value_of(date_precision_names, s); }
std::optional<geo_precision> geo_precision_from_string(std::string_view s) { return value_of(geo_precision_names, s); }
std::string_view to_string(event_sub_type t) { return name_of(event_sub_type_names, t); }
std::optional<event_sub_type> event_sub_type_from_string(std::string_view s) { return value_of(event_sub_type_names, s); }
std::string_view to_string(attribution_kind k) { return name_of(attribution_kind_names, k); }
std::string_view to_string(control_side s) { return name_of(control_side_names, s); }
std::optional<attribution_kind> attribution_kind_from_string(std::string_view s) { return value_of(attribution_kind_names, s); }
std::optional<control_side> control_side_from_string(std::string_view s) { return value_of(control_side_names, s); }
std::string_view to_string(dated_by d) { return name_of(dated_by_names, d); }
std::optional<dated_by> dated_by_from_string(std::string_view s) { return value_of(dated_by_names, s); }
std::string_view to_string(area_scope s) { return name_of(area_scope_names, s); }
std::optional<area_scope> area_scope_from_string(std::string_view s) { return value_of(area_scope_names, s); }
std::string_view to_string(actor_side s) { return name_of(actor_side_names, s); }
std::optional<actor_side> actor_side_from_string(std::string_view s) { return value_of(actor_side_names, s); }
std::string_view to_string(casualty_field f) { return name_of(casualty_field_names, f); }
std::optional<casualty_field> casualty_field_from_string(std::string_view s) { return value_of(casualty_field_names, s); }

} // namespace naqsha::extract
