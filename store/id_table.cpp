#include "store/id_table.hpp"

#include "base/content_hash.hpp"

#include <algorithm>
#include <stdexcept>

namespace naqsha::store {
namespace {

constexpr std::size_t block_size = 64 * 1024;
constexpr std::size_t first_slots = 64;

std::uint64_t standard_hash(std::string_view id) { return hash_bytes(id).lo; }

} // namespace

id_table::id_table() : id_table(standard_hash) {}

id_table::id_table(id_hash hash) : hash_(hash) {}

std::size_t id_table::home(std::uint64_t hash) const {
    return static_cast<std::size_t>(((hash >> 32) * slots_.size()) >> 32);
}

std::size_t id_table::slot_of(std::string_view id, std::uint64_t hash) const {
    const auto tag = static_cast<std::uint32_t>(hash);
    auto s = home(hash);
    for (; slots_[s].number != 0; s = next(s))
        if (slots_[s].tag == tag && this->id(slots_[s].number - 1) == id) break;
    return s;
}

std::uint32_t id_table::find(std::string_view id) const {
    if (slots_.empty()) return none;
    const auto s = slot_of(id, hash_(id));
    return slots_[s].number == 0 ? none : slots_[s].number - 1;
}

std::pair<std::uint32_t, bool> id_table::insert(std::string_view id) {
    if ((used_slots_ + 1) * 8 > slots_.size() * 7) grow();
    const auto hash = hash_(id);
    const auto s = slot_of(id, hash);
    if (slots_[s].number != 0) return {slots_[s].number - 1, false};
    if (places_.size() >= none - 1) throw std::length_error("catalog: more articles than an id's number can hold");
    const auto number = static_cast<std::uint32_t>(places_.size());
    places_.push_back(keep_text(id));
    slots_[s] = {static_cast<std::uint32_t>(hash), number + 1};
    ++used_slots_;
    ordered_ = false;
    return {number, true};
}

bool id_table::erase(std::string_view id) {
    if (slots_.empty()) return false;
    auto hole = slot_of(id, hash_(id));
    if (slots_[hole].number == 0) return false;
    places_[slots_[hole].number - 1].block = erased_block;
    ++erased_;
    // Backward shift: an id further along the run moves into the hole unless its home lies after the
    // hole, so that every id stays reachable from its home without passing a free slot.
    for (auto s = next(hole); slots_[s].number != 0; s = next(s)) {
        const auto h = home(hash_(this->id(slots_[s].number - 1)));
        const bool stays = hole <= s ? (hole < h && h <= s) : (hole < h || h <= s);
        if (stays) continue;
        slots_[hole] = slots_[s];
        hole = s;
    }
    slots_[hole] = {};
    --used_slots_;
    ordered_ = false;
    return true;
}

std::string_view id_table::id(std::uint32_t number) const {
    const auto& p = places_[number];
    return {blocks_[p.block].get() + p.offset, p.length};
}

void id_table::grow() {
    slots_.assign(std::max(first_slots, slots_.size() + slots_.size() / 2), slot{});
    for (std::uint32_t number = 0; number < places_.size(); ++number) {
        if (places_[number].block == erased_block) continue;
        const auto text = id(number);
        const auto hash = hash_(text);
        auto s = home(hash);
        while (slots_[s].number != 0) s = next(s);
        slots_[s] = {static_cast<std::uint32_t>(hash), number + 1};
    }
}

id_table::place id_table::keep_text(std::string_view id) {
    if (id.size() > UINT32_MAX) throw std::length_error("catalog: an article id longer than 4 GB");
    const auto length = static_cast<std::uint32_t>(id.size());
    if (id.size() > block_size) { // a block of its own; small ids go on in a new one
        blocks_.push_back(std::make_unique<char[]>(id.size()));
        std::copy(id.begin(), id.end(), blocks_.back().get());
        free_in_last_ = 0;
        return {static_cast<std::uint32_t>(blocks_.size() - 1), 0, length};
    }
    if (blocks_.empty() || id.size() > free_in_last_) {
        blocks_.push_back(std::make_unique<char[]>(block_size));
        free_in_last_ = block_size;
    }
    const place p{static_cast<std::uint32_t>(blocks_.size() - 1), static_cast<std::uint32_t>(block_size - free_in_last_), length};
    std::copy(id.begin(), id.end(), blocks_.back().get() + p.offset);
    free_in_last_ -= id.size();
    return p;
}

const std::vector<std::uint32_t>& id_table::in_order() const {
    if (ordered_) return order_;
    order_.clear();
    order_.reserve(size());
    for (std::uint32_t number = 0; number < places_.size(); ++number)
        if (places_[number].block != erased_block) order_.push_back(number);
    std::sort(order_.begin(), order_.end(), [this](std::uint32_t a, std::uint32_t b) { return id(a) < id(b); });
    order_.shrink_to_fit();
    ordered_ = true;
    return order_;
}

} // namespace naqsha::store
