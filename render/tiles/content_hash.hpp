#pragma once
// A 128-bit content hash of tile images, for storing identical tiles once (MBTiles `images`) and for
// recognising tiles whose inputs did not change between time slices.
#include <cstdint>
#include <string>
#include <string_view>

namespace naqsha::tiles {

struct content_hash {
    std::uint64_t hi = 0, lo = 0;
    friend bool operator==(const content_hash&, const content_hash&) = default;
    std::string hex() const;
};

content_hash hash_bytes(std::string_view bytes);

// Order-dependent mixing of 64-bit values (for tile input keys).
class hash_builder {
public:
    void add(std::uint64_t v);
    std::uint64_t value() const { return state_; }

private:
    std::uint64_t state_ = 0x243F6A8885A308D3ull;
};

} // namespace naqsha::tiles
