#include "render/exports/actor_names.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

namespace naqsha::exports {
namespace {

bool contains_word(std::string_view haystack, std::string_view needle) {
    auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                          [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
    return it != haystack.end();
}

// The Islamic Emirate became the state on 15 August 2021; ACLED closes the republic's actors then.
constexpr auto fall_of_kabul =
    static_cast<day_number>(std::chrono::sys_days{std::chrono::year{2021} / 8 / 15}.time_since_epoch().count());

} // namespace

acled_actor acled_actor_for(extract::actor_side group, std::string_view detail, std::optional<day_number> date) {
    using extract::actor_side;
    bool republic = !date || *date < fall_of_kabul;
    switch (group) {
    case actor_side::taliban:
        if (!republic) return {"Military Forces of Afghanistan (2021-)", 1};
        return {"Taliban", 2};
    case actor_side::afghan_forces:
        if (contains_word(detail, "police")) return {"Police Forces of Afghanistan (2004-2021)", 1};
        if (contains_word(detail, "nds") || contains_word(detail, "intelligence"))
            return {"National Directorate of Security (2002-2021)", 1};
        return {"Military Forces of Afghanistan (2004-2021)", 1};
    case actor_side::isk: return {"Islamic State (Afghanistan)", 2};
    case actor_side::coalition: return {"NATO: North Atlantic Treaty Organization", 8};
    case actor_side::civilians: return {"Civilians (Afghanistan)", 7};
    case actor_side::unstated: return {"", 0};
    case actor_side::unknown: break;
    }
    return {"Unidentified Armed Group (Afghanistan)", 3};
}

std::string ucdp_side_for(extract::actor_side group) {
    using extract::actor_side;
    switch (group) {
    case actor_side::taliban: return "Taleban";
    case actor_side::afghan_forces: return "Government of Afghanistan";
    case actor_side::isk: return "IS";
    case actor_side::coalition: return "Government of United States of America";
    case actor_side::civilians: return "Civilians";
    case actor_side::unstated:
    case actor_side::unknown: break;
    }
    return "";
}

} // namespace naqsha::exports
