#include "app/article_ids.hpp"

#include <functional>
#include <stdexcept>

namespace naqsha::app {

template <typename Codec, store::spool_codec::either<article_ids::first_claim> Claim>
void fields(Codec& c, Claim& k) {
    c(k.text_fingerprint.hi), c(k.text_fingerprint.lo), c(k.id), c(k.path);
}

namespace {

std::uint64_t standard_hash(std::string_view id) { return std::hash<std::string_view>()(id); }

} // namespace

article_ids::article_ids() : hash_(standard_hash) {}

std::size_t article_ids::slot_of(std::string_view id, std::uint64_t hash, std::optional<first_claim>& found) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
        if (slots_[s] == 0) return s;
        const auto claim = slots_[s] - 1;
        if (hashes_[claim] != hash) continue;
        found = spool_->read(claim);
        if (found->id == id) return s;
        found.reset();
    }
}

void article_ids::grow() {
    std::vector<std::uint32_t> previous(slots_.empty() ? 64 : slots_.size() * 2, 0);
    previous.swap(slots_); // slots_ is now the larger table, empty
    const std::size_t mask = slots_.size() - 1;
    for (const auto claim : previous) {
        if (claim == 0) continue;
        auto s = hashes_[claim - 1] & mask;
        while (slots_[s] != 0) s = (s + 1) & mask;
        slots_[s] = claim;
    }
}

article_ids::claim_result article_ids::claim(const std::string& id, std::string_view text, const std::string& path) {
    const auto print = hash_bytes(text);
    const auto hash = hash_(id);
    if (2 * (hashes_.size() + 1) > slots_.size()) grow();
    std::optional<first_claim> first;
    const auto slot = slot_of(id, hash, first);
    if (first) return {first->text_fingerprint == print ? verdict::same_text : verdict::other_text, std::move(first->path)};
    if (hashes_.size() + 1 >= UINT32_MAX || id.size() >= UINT32_MAX || path.size() >= UINT32_MAX)
        throw std::length_error("article ids: more articles, or a longer id or path, than a run can number");
    if (!spool_) spool_.emplace();
    spool_->add({print, id, path}); // its row is its number
    hashes_.push_back(hash);
    slots_[slot] = static_cast<std::uint32_t>(hashes_.size());
    return {};
}

std::string article_ids::describe(const std::string& id, const std::string& path, const claim_result& result) {
    if (result.kind == verdict::same_text)
        return path + ": the same article as " + result.first_path + " (id '" + id + "', the same text); read once";
    return path + ": article id '" + id + "' is already taken by " + result.first_path +
           " in this run, with other text; left out: give each a distinct NDJSON \"id\" (or file name)";
}

} // namespace naqsha::app
