#pragma once
// The catalog's mention keys in one list, numbered, in blocks of 1,024 keys (56 KB): the list grows
// without moving what it holds (a vector's last doubling would hold two copies of the keys, 32 MB at
// 500,000 articles, for a moment) and gives its freed end back, as a std::deque did; but a key is found
// by its number with a shift and a mask, where the deque's indexing took a division and two branches.
// Merging reads a key by its number at every comparison of two mentions: through the deque, grouping
// took 13 % more instructions than with a pointer to each key (8 bytes a mention more), and through
// the blocks as many as with the pointer (callgrind, store_bench of 20,000 articles).
#include "store/mention_key.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace naqsha::store {

class key_list {
public:
    const mention_key& operator[](std::uint32_t number) const { return blocks_[number >> block_bits][number & block_mask]; }
    mention_key& operator[](std::uint32_t number) { return blocks_[number >> block_bits][number & block_mask]; }
    std::uint32_t size() const { return size_; }

    void push_back(const mention_key& key) {
        if ((size_ & block_mask) == 0 && (size_ >> block_bits) == blocks_.size())
            blocks_.push_back(std::make_unique<mention_key[]>(block_keys));
        (*this)[size_++] = key;
    }
    // Keeps the first `count` keys and frees the blocks past them.
    void shrink_to(std::uint32_t count) {
        if (count >= size_) return;
        size_ = count;
        blocks_.resize((std::size_t{count} + block_mask) >> block_bits);
    }

private:
    static constexpr unsigned block_bits = 10;
    static constexpr std::uint32_t block_keys = 1u << block_bits, block_mask = block_keys - 1;

    std::vector<std::unique_ptr<mention_key[]>> blocks_;
    std::uint32_t size_ = 0;
};

} // namespace naqsha::store
