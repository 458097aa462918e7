#pragma once
// Which merged events are political violence, and whose dead they count: what ACLED and UCDP decide
// before any column is filled (docs/exports.md#what-each-file-holds).
#include "store/model.hpp"

#include <string_view>

namespace naqsha::exports {

// A crash or other accident: the dead were not killed by anyone, even where the text tells of a
// hostile act beside it (a claimed shoot-down that officials put down to the weather). Not political
// violence: left out of the UCDP file, and in ACLED's only as a strategic development.
bool is_mishap(const store::merged_event& e);

// An armed party to the war (state forces, coalition, Taliban, IS-K), as opposed to civilians, an
// unknown actor or none.
bool is_armed_party(extract::actor_side group);

// The dead of one side, as the claims tell them: the figure of the weightiest source that counts that
// side's people (claim subject), by the same ranking as the event's best estimate
// (store::casualty_source_rank); 0 when no claim counts them.
int killed_of(const store::merged_event& e, extract::actor_side subject);

} // namespace naqsha::exports
