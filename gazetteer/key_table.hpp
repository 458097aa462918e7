#pragma once
// An immutable hash table from string keys to lists of entry ids, laid out in three flat arrays so it
// is built once, probed without allocating, and cheap to rebuild at load time.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace naqsha::gazetteer {

class key_table {
public:
    // Each pair is (key, entry id); a key may carry many ids. Empty keys are ignored.
    void build(std::vector<std::pair<std::string, std::uint32_t>> keyed);

    std::span<const std::uint32_t> find(std::string_view key) const;
    std::span<const std::uint32_t> find(std::string_view key, std::uint64_t hash) const;

    // Every distinct key, for the fuzzy matcher.
    std::size_t size() const { return key_count_; }
    std::string_view key_at(std::size_t i) const;
    std::span<const std::uint32_t> ids_at(std::size_t i) const;

private:
    struct key_record {
        std::uint64_t hash;
        std::uint32_t key_offset, key_length;
        std::uint32_t ids_offset, ids_count;
    };
    std::vector<key_record> records_;
    std::vector<std::uint32_t> slots_; // record index + 1; 0 is empty
    std::string keys_;
    std::vector<std::uint32_t> ids_;
    std::size_t key_count_ = 0;
    std::uint64_t mask_ = 0;
};

} // namespace naqsha::gazetteer
