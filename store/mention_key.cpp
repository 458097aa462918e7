#include "store/mention_key.hpp"

#include "base/spaces.hpp"

#include <cstring>
#include <functional>

namespace naqsha::store {
namespace {

std::string_view province_of(const extract::event& e) {
    if (e.province && !e.province->pcode.empty()) return e.province->pcode;
    // OCHA P-codes nest: a district AF1803 lies in province AF18.
    if (e.district && e.district->pcode.size() >= 4) return std::string_view(e.district->pcode).substr(0, 4);
    return {};
}

// Wire copies of one report give mentions with the same type, date and quote (up to spacing). The key
// is only compared for equality within a run (merge.cpp), never stored: the type's and the day's bytes
// go into the hash as they are.
std::uint64_t wire_copy_key(const extract::event& e) {
    if (e.quote.empty() || !e.date) return 0;
    const auto type = static_cast<std::uint8_t>(e.type);
    const day_number day = *e.date;
    std::string key(sizeof type + sizeof day, '\0');
    std::memcpy(key.data(), &type, sizeof type);
    std::memcpy(key.data() + sizeof type, &day, sizeof day);
    // A quote that opens with a blank keeps one space there, as the key always did, so the same
    // copies meet.
    const std::string quote = collapse_spaces(e.quote);
    if (!quote.empty() && std::string_view(" \n\r\t").find(e.quote.front()) != std::string_view::npos) key += ' ';
    key += quote;
    return std::hash<std::string>{}(key) | 1u; // never 0
}

} // namespace

name_table::id name_table::intern(std::string_view name) {
    if (name.empty()) return 0;
    auto [it, added] = ids_.try_emplace(std::string(name), static_cast<id>(names_.size()));
    if (added) names_.emplace_back(name);
    return it->second;
}

mention_key key_of(const extract::event& e, name_table& names) {
    mention_key key;
    key.type = e.type;
    key.date_prec = e.date_prec;
    key.background = e.background;
    key.has_date = e.date.has_value();
    auto start = within_iso_years(e.date);
    auto end = e.date_end ? within_iso_years(e.date_end) : start;
    if (start && end && *end >= *start) {
        key.start = start;
        key.end = end;
    }
    key.wire_key = wire_copy_key(e);
    key.province = names.intern(province_of(e));
    key.district = names.intern(e.district ? std::string_view(e.district->pcode) : std::string_view());
    key.perpetrator = e.who.perpetrator;
    key.target = e.who.target;
    key.control = e.control;
    return key;
}

} // namespace naqsha::store
