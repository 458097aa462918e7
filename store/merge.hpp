#pragma once
// Cross-article merging: mentions of one real-world incident (in several articles, or in wire copies of
// one) become one merged_event that keeps every source and claim. The rules are in docs/store.md#merging.
#include "store/catalog.hpp"
#include "store/merged_events.hpp"
#include "store/model.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace naqsha::store {

struct merge_options {
    int date_tolerance_days = 1; // night events are dated to either day
};

struct merge_result {
    merged_events events; // ordered by date, then id; each kept whole on disk as it is made
    // The merged event of each mention, by the mention's spool row (mention_key::row): its index in
    // `events`, or no_event for a row that no article holds any more (one extracted again).
    std::vector<std::uint32_t> event_of_row;
    static constexpr std::uint32_t no_event = UINT32_MAX;
};

// Deterministic: mentions are considered in the order they were first stored, so adding a mention never
// moves an earlier one to another event, and an event keeps the id of its first mention.
merge_result merge_mentions(const catalog& store, const merge_options& options = {});

// The merged event id for a cluster whose first stored mention is `mention_id`.
std::string event_id_for(std::string_view mention_id);

} // namespace naqsha::store
