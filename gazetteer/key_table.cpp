#include "gazetteer/key_table.hpp"

#include "gazetteer/names.hpp"

#include <algorithm>

namespace naqsha::gazetteer {

void key_table::build(std::vector<std::pair<std::string, std::uint32_t>> keyed) {
    // sorted as views: moving the strings themselves about cost most of the gazetteer's index build
    std::vector<std::pair<std::string_view, std::uint32_t>> sorted(keyed.begin(), keyed.end());
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    records_.clear();
    keys_.clear();
    ids_.clear();
    for (std::size_t i = 0; i < sorted.size();) {
        if (sorted[i].first.empty()) {
            ++i;
            continue;
        }
        key_record r{hash_key(sorted[i].first), static_cast<std::uint32_t>(keys_.size()),
                     static_cast<std::uint32_t>(sorted[i].first.size()), static_cast<std::uint32_t>(ids_.size()), 0};
        keys_ += sorted[i].first;
        std::size_t j = i;
        for (; j < sorted.size() && sorted[j].first == sorted[i].first; ++j) ids_.push_back(sorted[j].second);
        r.ids_count = static_cast<std::uint32_t>(j - i);
        records_.push_back(r);
        i = j;
    }
    key_count_ = records_.size();
    std::size_t capacity = 16;
    while (capacity < records_.size() * 2) capacity *= 2;
    mask_ = capacity - 1;
    slots_.assign(capacity, 0);
    for (std::size_t r = 0; r < records_.size(); ++r) {
        std::uint64_t slot = records_[r].hash & mask_;
        while (slots_[slot] != 0) slot = (slot + 1) & mask_;
        slots_[slot] = static_cast<std::uint32_t>(r + 1);
    }
}

std::span<const std::uint32_t> key_table::find(std::string_view key) const { return find(key, hash_key(key)); }

std::span<const std::uint32_t> key_table::find(std::string_view key, std::uint64_t hash) const {
    if (slots_.empty()) return {};
    for (std::uint64_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
        std::uint32_t r = slots_[slot];
        if (r == 0) return {};
        const auto& rec = records_[r - 1];
        if (rec.hash == hash && std::string_view(keys_).substr(rec.key_offset, rec.key_length) == key)
            return {ids_.data() + rec.ids_offset, rec.ids_count};
    }
}

std::string_view key_table::key_at(std::size_t i) const {
    return std::string_view(keys_).substr(records_[i].key_offset, records_[i].key_length);
}

std::span<const std::uint32_t> key_table::ids_at(std::size_t i) const {
    return {ids_.data() + records_[i].ids_offset, records_[i].ids_count};
}

} // namespace naqsha::gazetteer
