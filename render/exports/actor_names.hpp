#pragma once
// naqsha's actor vocabulary (extract::actors) in the naming schemes of ACLED and UCDP.
#include "base/calendar.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace naqsha::exports {

struct acled_actor {
    std::string name;   // e.g. "Police Forces of Afghanistan (2004-2021)"
    int inter = 0;      // ACLED interaction code: 1 state forces, 2 rebel group, 3 political militia, 7 civilians, 8 external
};

// group: taliban | afghan_forces | isk | coalition | civilians | unknown | ""; detail as written
// ("police", "army", "NDS", "local police"); the event's day picks the era-specific actor names.
acled_actor acled_actor_for(std::string_view group, std::string_view detail, std::optional<day_number> date);

// UCDP GED side names.
std::string ucdp_side_for(std::string_view group);

} // namespace naqsha::exports
