#include "render/exports/violence.hpp"

#include "store/claim_rules.hpp"

namespace naqsha::exports {

bool is_mishap(const store::merged_event& e) {
    return e.type == extract::event_type::accident || e.sub_type == extract::event_sub_type::crash;
}

bool is_armed_party(extract::actor_side group) {
    using extract::actor_side;
    return group == actor_side::afghan_forces || group == actor_side::coalition || group == actor_side::taliban ||
           group == actor_side::isk;
}

int killed_of(const store::merged_event& e, extract::actor_side subject) {
    int figure = 0, rank = -1;
    for (const auto& claim : e.claims) {
        if (claim.field != extract::casualty_field::killed || claim.subject != subject) continue;
        const int claim_rank = store::casualty_source_rank(claim.source_kind);
        if (claim_rank > rank || (claim_rank == rank && claim.value.best > figure)) {
            rank = claim_rank;
            figure = claim.value.best;
        }
    }
    return figure;
}

} // namespace naqsha::exports
