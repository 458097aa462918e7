#include "render/exports/violence.hpp"

#include "store/claim_rules.hpp"

namespace naqsha::exports {

bool is_mishap(const store::merged_event& e) {
    return e.type == extract::event_type::accident || e.sub_type == extract::event_sub_type::crash;
}

bool is_armed_party(std::string_view group) {
    return group == "afghan_forces" || group == "coalition" || group == "taliban" || group == "isk";
}

int killed_of(const store::merged_event& e, std::string_view subject) {
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
