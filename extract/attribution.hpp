#pragma once
// Who a sentence reports: "officials said", "told AFP", "according to", "as per ANI reports",
// "Local politicians placed the death toll at", "he told Efe news". A pronoun speaker takes the
// latest named one. Kinds: official, taliban, media, local, other.
#include "extract/event.hpp"
#include "extract/text.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace naqsha::extract {

struct attribution {
    std::string source;   // as written: "Takhar provincial health director Abdul Qayoum (AFP)"
    attribution_kind kind = attribution_kind::other;
    std::uint32_t first = 0, last = 0; // tokens of the speaker
};

std::optional<attribution> find_attribution(const document& doc, const sentence& s,
                                            const std::optional<attribution>& previous);

// The kind of a source named in text [first, last).
attribution_kind source_kind(const document& doc, std::size_t first, std::size_t last);

} // namespace naqsha::extract
