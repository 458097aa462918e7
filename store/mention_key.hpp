#pragma once
// What merging compares of a mention (docs/store.md#merging), small enough to keep for every mention
// of the store: its type, days, places and actors as numbers, and a hash of its quote. The mention
// itself waits in the catalog's spool (mention_spool.hpp) until a merged event or a row needs it.
#include "extract/event.hpp"
#include "store/calendar.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace naqsha::store {

// Short words the store repeats hundreds of thousands of times (P-codes), each kept once.
class name_table {
public:
    using id = std::uint32_t; // 0 is ""
    id intern(std::string_view name);
    const std::string& name(id n) const { return names_[n]; }

private:
    std::vector<std::string> names_{std::string()};
    std::unordered_map<std::string, id> ids_;
};

struct mention_key {
    // Order in which the mention was first stored, over every run. The first mention ever stored in
    // a cluster names the merged event, so its id survives new sources joining.
    std::int64_t seq = 0;
    std::uint32_t row = 0; // in the catalog's spool
    extract::event_type type = extract::event_type::other;
    extract::date_precision date_prec = extract::date_precision::unknown;
    bool background = false;
    bool has_date = false;                // a date is given, even one that does not parse
    std::optional<day_number> start, end; // both set, or neither
    std::uint64_t wire_key = 0;           // same for wire copies of one report; 0 when undatable
    name_table::id province = 0;          // the event's province, else its district's; 0 when unknown
    name_table::id district = 0;
    extract::actor_side perpetrator = extract::actor_side::unstated, target = extract::actor_side::unstated;
    extract::control_side control = extract::control_side::none;
    // The article that holds it, by its record's row in the catalog's spool (catalog_article::row): in
    // the key's padding, so merging keeps a mention as its key's number alone.
    std::uint32_t article = 0;
};

mention_key key_of(const extract::event& mention, name_table& names);

} // namespace naqsha::store
