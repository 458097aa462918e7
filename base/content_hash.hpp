#pragma once
// A 128-bit content hash (XXH3-128, libxxhash): the one hash for telling contents apart without
// keeping them. The tiles store identical images once (MBTiles `images`) and recognise tiles whose
// inputs did not change between slices; a run recognises an article given twice with the same text;
// `serve` versions what it sends (ETag). At 128 bits a collision, which would show one tile's picture
// for another or drop an article as a copy of another, is not a risk at any size this program reaches.
// Identifiers that files keep (the store's article hashes) are SHA-256 (sha256.hpp).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace naqsha {

struct content_hash {
    std::uint64_t hi = 0, lo = 0;
    friend bool operator==(const content_hash&, const content_hash&) = default;
    std::string hex() const;
};

content_hash hash_bytes(std::string_view bytes);

// The XXH3-128 hash of a sequence of 64-bit values (a tile's inputs), in order.
class hash_builder {
public:
    void add(std::uint64_t v) { values_.push_back(v); }
    content_hash value() const;
    void clear() { values_.clear(); }

private:
    std::vector<std::uint64_t> values_;
};

} // namespace naqsha
