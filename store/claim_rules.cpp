#include "store/claim_rules.hpp"

namespace naqsha::store {

using extract::attribution_kind;

int casualty_source_rank(attribution_kind kind) {
    switch (kind) {
    case attribution_kind::official: return 4;
    case attribution_kind::local: return 3;
    case attribution_kind::media: return 2;
    case attribution_kind::taliban: return 0;
    case attribution_kind::unstated:
    case attribution_kind::other:
    case attribution_kind::unattributed: break;
    }
    return 1;
}

int report_source_rank(attribution_kind kind) {
    if (kind == attribution_kind::unstated) return 1;
    if (kind == attribution_kind::unattributed || kind == attribution_kind::other) return 2;
    return casualty_source_rank(kind) == 0 ? 0 : casualty_source_rank(kind) + 1;
}

} // namespace naqsha::store
