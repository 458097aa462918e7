#include "app/article_ids.hpp"

#include <algorithm>
#include <functional>
#include <stdexcept>

namespace naqsha::app {

std::size_t article_ids::slot_of(std::string_view id) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = std::hash<std::string_view>()(id) & mask;; s = (s + 1) & mask)
        if (slots_[s] == 0 || id_of(claims_[slots_[s] - 1]) == id) return s;
}

void article_ids::grow() {
    std::vector<std::uint32_t> previous(slots_.empty() ? 64 : slots_.size() * 2, 0);
    previous.swap(slots_); // slots_ is now the larger table, empty
    for (const auto claim : previous)
        if (claim != 0) slots_[slot_of(id_of(claims_[claim - 1]))] = claim;
}

std::string& article_ids::block_for(std::size_t bytes) {
    constexpr std::size_t block_bytes = std::size_t{4} << 20;
    if (texts_.empty() || texts_.back().capacity() - texts_.back().size() < bytes) {
        texts_.emplace_back();
        texts_.back().reserve(std::max(block_bytes, bytes));
    }
    return texts_.back();
}

article_ids::claim_result article_ids::claim(const std::string& id, std::string_view text, const std::string& path) {
    const auto print = hash_bytes(text);
    if (2 * (claims_.size() + 1) > slots_.size()) grow();
    const auto slot = slot_of(id);
    if (slots_[slot] != 0) {
        const auto& first = claims_[slots_[slot] - 1];
        return {first.text_fingerprint == print ? verdict::same_text : verdict::other_text, std::string(path_of(first))};
    }
    if (claims_.size() + 1 >= UINT32_MAX || id.size() + path.size() >= UINT32_MAX)
        throw std::length_error("article ids: more articles, or a longer id or path, than a run can number");
    auto& block = block_for(id.size() + path.size());
    claims_.push_back({print, static_cast<std::uint32_t>(texts_.size() - 1), static_cast<std::uint32_t>(block.size()),
                       static_cast<std::uint32_t>(id.size()), static_cast<std::uint32_t>(path.size())});
    block += id;
    block += path;
    slots_[slot] = static_cast<std::uint32_t>(claims_.size());
    return {};
}

std::string article_ids::describe(const std::string& id, const std::string& path, const claim_result& result) {
    if (result.kind == verdict::same_text)
        return path + ": the same article as " + result.first_path + " (id '" + id + "', the same text); read once";
    return path + ": article id '" + id + "' is already taken by " + result.first_path +
           " in this run, with other text; left out: give each a distinct NDJSON \"id\" (or file name)";
}

} // namespace naqsha::app
