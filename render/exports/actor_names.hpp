#pragma once
// naqsha's actor vocabulary (extract::actor_side) in the naming schemes of ACLED and UCDP.
#include "base/calendar.hpp"
#include "extract/event.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace naqsha::exports {

struct acled_actor {
    std::string name;   // e.g. "Police Forces of Afghanistan (2004-2021)"
    int inter = 0;      // ACLED interaction code: 1 state forces, 2 rebel group, 3 political militia, 7 civilians, 8 external
};

// detail as written ("police", "army", "NDS", "local police"); the event's day picks the era-specific
// actor names. An unstated side is no actor; an unknown one is an unidentified armed group.
acled_actor acled_actor_for(extract::actor_side group, std::string_view detail, std::optional<day_number> date);

// UCDP GED side names; "" for a side GED does not name.
std::string ucdp_side_for(extract::actor_side group);

} // namespace naqsha::exports
