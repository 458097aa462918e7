#pragma once
// Cross-article merging: mentions of one real-world incident (in several articles, or in wire copies of
// one) become one merged_event that keeps every source and claim. The rules are in docs/store.md#merging.
#include "render/store/catalog.hpp"
#include "render/store/model.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace naqsha::store {

struct merge_options {
    int date_tolerance_days = 1; // night events are dated to either day
};

struct merge_result {
    std::vector<merged_event> events; // ordered by date, then id
    // mention id -> merged event id; views into the catalog's mentions and into `events`, valid while
    // both live (moving `events` out keeps them valid; copying does not).
    std::unordered_map<std::string_view, std::string_view> event_of;
};

// Deterministic: mentions are considered in the order they were first stored, so adding a mention never
// moves an earlier one to another event, and an event keeps the id of its first mention.
merge_result merge_mentions(const catalog& store, const merge_options& options = {});

// The merged event id for a cluster whose first stored mention is `mention_id`.
std::string event_id_for(std::string_view mention_id);

} // namespace naqsha::store
