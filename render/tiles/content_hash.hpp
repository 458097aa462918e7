#pragma once
// A 128-bit content hash (XXH3-128) of tile images, for storing identical tiles once (MBTiles
// `images`), and of a tile's inputs, for recognising tiles whose inputs did not change between time
// slices. At 128 bits a collision, which would show one tile's picture for another, is not a risk
// at any number of tiles this program writes.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace naqsha::tiles {

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

} // namespace naqsha::tiles
