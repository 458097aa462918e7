#pragma once
// The catalog's article ids, numbered in the order they came: each id's text once, in blocks, found by
// an open-addressing table of the ids' hashes, and the ids' order made when it is first walked. A
// std::map kept a node an article (the tree's 32 bytes, the id's std::string, 32, and the allocator's
// header and rounding, 16, beside the article); here an id costs its text, 12 bytes of place, 4 of
// order and a slot of 8 bytes at a load of at most 7/8 (9 to 14 bytes an id). A hash stands for no id:
// every hit is checked against the id's text, so ids that share a hash are still told apart.
#include <cstdint>
#include <deque>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace naqsha::store {

class id_table {
public:
    using id_hash = std::uint64_t (*)(std::string_view id);
    static constexpr std::uint32_t none = UINT32_MAX;

    id_table();
    // With `hash` in place of the standard one: a test makes every id hash alike.
    explicit id_table(id_hash hash);

    // The id's number, or none when the table does not hold it.
    std::uint32_t find(std::string_view id) const;
    // The id's number, and whether it was added now (numbers follow one another from 0).
    std::pair<std::uint32_t, bool> insert(std::string_view id);
    // Forgets the id: its number stays taken, out of find() and the order; false when not held.
    bool erase(std::string_view id);

    std::string_view id(std::uint32_t number) const;
    // Ids held (numbers given, less those erased).
    std::size_t size() const { return places_.size() - erased_; }
    // The numbers of the ids held, in the ids' order (std::string's: byte by byte, as unsigned).
    // Made when first asked after an id was added or erased, and kept; not for use from two threads.
    const std::vector<std::uint32_t>& in_order() const;

private:
    struct place {
        std::uint32_t block = 0, offset = 0, length = 0;
    };
    struct slot {
        std::uint32_t tag = 0;    // the hash's low half: most ids that do not match fail here
        std::uint32_t number = 0; // the id's number + 1; 0 when the slot is free
    };
    static constexpr std::uint32_t erased_block = UINT32_MAX;

    std::size_t home(std::uint64_t hash) const; // the hash's high half, scaled to the slots
    std::size_t next(std::size_t s) const { return s + 1 == slots_.size() ? 0 : s + 1; }
    // The slot that holds the id, or else the free slot where it would go.
    std::size_t slot_of(std::string_view id, std::uint64_t hash) const;
    void grow();
    place keep_text(std::string_view id);

    id_hash hash_;
    std::vector<slot> slots_;
    std::size_t used_slots_ = 0;
    std::deque<place> places_; // by number
    std::size_t erased_ = 0;
    std::vector<std::unique_ptr<char[]>> blocks_; // an id longer than a block has a block of its own
    std::size_t free_in_last_ = 0;
    mutable std::vector<std::uint32_t> order_;
    mutable bool ordered_ = true;
};

} // namespace naqsha::store
