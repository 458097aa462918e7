#pragma once
// A map from nonzero 64-bit keys to 32-bit values in two flat arrays (open addressing, linear probing,
// at most three quarters full): 12 bytes a slot, 16 to 32 bytes an entry. std::unordered_map gives
// each entry a node of its own (32 bytes from malloc for a 12-byte pair) and a bucket besides; merging
// keeps a few hundred thousand of them beside the store's index, at a large run's peak.
//
// Only what merging needs: look up, and insert unless present. Key 0 marks an empty slot.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace naqsha {

class integer_map {
public:
    // The value of `key`, or nullptr.
    std::uint32_t* find(std::uint64_t key) {
        if (keys_.empty()) return nullptr;
        const auto s = slot_of(key);
        return keys_[s] == key ? &values_[s] : nullptr;
    }

    // The value of `key`, given `value` first if it had none (as std::unordered_map::try_emplace).
    std::uint32_t& try_emplace(std::uint64_t key, std::uint32_t value) {
        if (key == 0) throw std::invalid_argument("integer_map: key 0 marks an empty slot");
        if (4 * (size_ + 1) > 3 * keys_.size()) grow();
        const auto s = slot_of(key);
        if (keys_[s] != key) {
            keys_[s] = key;
            values_[s] = value;
            ++size_;
        }
        return values_[s];
    }

    std::size_t size() const { return size_; }

private:
    // The slot that holds `key`, else the empty one where it goes. Fibonacci hashing: keys that differ
    // only in their high half (a province beside a day) still spread over the table.
    std::size_t slot_of(std::uint64_t key) const {
        const std::size_t mask = keys_.size() - 1;
        for (std::size_t s = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);; s = (s + 1) & mask)
            if (keys_[s] == key || keys_[s] == 0) return s;
    }

    void grow() {
        std::vector<std::uint64_t> keys(keys_.empty() ? 64 : 2 * keys_.size(), 0);
        std::vector<std::uint32_t> values(keys.size(), 0);
        keys.swap(keys_);
        values.swap(values_);
        shift_ = 64 - static_cast<unsigned>(std::countr_zero(keys_.size()));
        for (std::size_t s = 0; s < keys.size(); ++s)
            if (keys[s] != 0) {
                const auto to = slot_of(keys[s]);
                keys_[to] = keys[s];
                values_[to] = values[s];
            }
    }

    std::vector<std::uint64_t> keys_;
    std::vector<std::uint32_t> values_;
    std::size_t size_ = 0;
    unsigned shift_ = 64;
};

} // namespace naqsha
