#include "store/claim_rules.hpp"

namespace naqsha::store {

int casualty_source_rank(std::string_view kind) {
    if (kind == "official") return 4;
    if (kind == "local") return 3;
    if (kind == "media") return 2;
    if (kind == "taliban") return 0;
    return 1;
}

int report_source_rank(std::string_view kind) {
    if (kind.empty()) return 1;
    if (kind == "unattributed") return 2;
    return casualty_source_rank(kind) == 0 ? 0 : casualty_source_rank(kind) + 1;
}

} // namespace naqsha::store
