#pragma once
// The district control timeline: per district, intervals of government | contested | taliban |
// unconfirmed built from merged events, a baseline snapshot and overrides. The rules are written out in
// docs/control-model.md; this is their one implementation.
#include "store/control_csv.hpp"
#include "store/district_info.hpp"
#include "store/model.hpp"

#include <span>
#include <string>
#include <vector>

namespace naqsha::store {

struct control_options {
    day_number as_of = 0;     // the map date: nothing after it is considered
    int contested_days = 30;  // how long an attack, clash or abandoned post keeps a district contested
};

// Intervals ordered by district P-code, then start date. Districts without any evidence at a date have
// no interval there (they are `unknown` and not drawn). The articles and quotes of each interval's evidence
// are read back whole from `events`.
std::vector<control_interval> build_control_timeline(const map_events& events,
                                                     std::span<const district_info> districts,
                                                     std::span<const baseline_row> baseline,
                                                     std::span<const override_row> overrides,
                                                     const control_options& options);

// The events the timeline can use: dated to a day or a short range, placed in a district, not after the map date.
bool informs_control(const map_event& e, day_number as_of);

} // namespace naqsha::store
