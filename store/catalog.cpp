#include "store/catalog.hpp"

#include <algorithm>
#include <stdexcept>

namespace naqsha::store {
namespace spool_codec {

template <typename Codec, either<article_record> Record>
void fields(Codec& c, Record& r) {
    c(r.id), c(r.content_hash), c(r.extraction_key), c(r.source), c(r.url), c(r.title), c(r.published), c(r.path);
    c(r.bytes);
}

} // namespace spool_codec

catalog_entry article_walk::iterator::operator*() const { return {store->ids_.id(*number), store->articles_[*number]}; }

const catalog_article* catalog::find(std::string_view id) const {
    const auto number = ids_.find(id);
    return number == id_table::none ? nullptr : &articles_[number];
}

const catalog_article& catalog::at(std::string_view id) const {
    if (const auto* article = find(id)) return *article;
    throw std::out_of_range("catalog: no article " + std::string(id));
}

mention_key catalog::spool(const extract::event& mention, std::int64_t seq, std::uint32_t article_row) {
    if (!spool_) spool_ = std::make_unique<mention_spool>();
    auto key = key_of(mention, names_);
    key.seq = seq;
    key.article = article_row;
    key.row = spool_->add(mention);
    return key;
}

void catalog::add_key(mention_key key) {
    if (keys_.size() >= UINT32_MAX) throw std::length_error("catalog: more mentions than a key's number can hold");
    keys_.push_back(key);
}

void catalog::retire_mentions(catalog_article& article) {
    if (article.mention_count == 0) return;
    if (article.first_mention + article.mention_count == keys_.size()) // the last keys: simply gone
        keys_.shrink_to(article.first_mention);
    else
        retired_keys_ += article.mention_count;
    article.mention_count = 0;
}

void catalog::compact_when_sparse() {
    if (retired_keys_ < 1024 || retired_keys_ * 4 < keys_.size()) return;
    std::vector<catalog_article*> by_place;
    for (auto& article : articles_)
        if (article.mention_count > 0) by_place.push_back(&article);
    std::sort(by_place.begin(), by_place.end(),
              [](const catalog_article* a, const catalog_article* b) { return a->first_mention < b->first_mention; });
    std::uint32_t kept = 0;
    for (auto* article : by_place) { // each range moves towards the front, past none still to move
        for (std::uint32_t i = 0; i < article->mention_count; ++i) keys_[kept + i] = keys_[article->first_mention + i];
        article->first_mention = kept;
        kept += article->mention_count;
    }
    keys_.shrink_to(kept);
    retired_keys_ = 0;
}

void catalog::put(stored_article article) {
    if (!records_) records_ = std::make_unique<record_spool<article_record>>();
    const auto& r = article.record;
    const auto [number, added] = ids_.insert(r.id);
    if (added)
        articles_.emplace_back();
    else
        retire_mentions(articles_[number]);
    catalog_article kept{r.published, hash_bytes(r.content_hash), extraction_keys_.intern(r.extraction_key),
                         records_->add(r), static_cast<std::uint32_t>(keys_.size()),
                         static_cast<std::uint32_t>(article.mentions.size()), std::move(article.area_claims)};
    for (const auto& m : article.mentions) add_key(spool(m.event, m.seq, kept.row));
    articles_[number] = std::move(kept);
    compact_when_sparse();
}

bool catalog::add_mention(const std::string& article_id, const stored_mention& mention) {
    const auto number = ids_.find(article_id);
    if (number == id_table::none) return false;
    auto& article = articles_[number];
    if (article.first_mention + article.mention_count != keys_.size()) {
        // Its keys are not the last (a store lists an article's mentions together, so this is rare):
        // they move to the end, where the new one joins them.
        const auto first = article.first_mention, count = article.mention_count;
        for (std::uint32_t i = 0; i < count; ++i) add_key(keys_[first + i]);
        retired_keys_ += count;
        article.first_mention = static_cast<std::uint32_t>(keys_.size() - count);
    }
    add_key(spool(mention.event, mention.seq, article.row));
    ++article.mention_count;
    compact_when_sparse();
    return true;
}

void catalog::add_area_claim(extract::area_claim claim) {
    const auto number = ids_.find(claim.article);
    if (number != id_table::none) articles_[number].area_claims.push_back(std::move(claim));
}

void catalog::order_mentions_by_seq() {
    std::vector<mention_key> one_article;
    for (auto& article : articles_) {
        if (article.mention_count < 2) continue;
        one_article.clear();
        for (auto m : mention_numbers(article)) one_article.push_back(keys_[m]);
        std::sort(one_article.begin(), one_article.end(), [](const mention_key& a, const mention_key& b) { return a.seq < b.seq; });
        for (std::uint32_t i = 0; i < article.mention_count; ++i) keys_[article.first_mention + i] = one_article[i];
    }
}

extract::event catalog::mention(const mention_key& key) const { return spool_->read(key.row); }

article_record catalog::record(const catalog_article& article) const { return records_->read(article.row); }

article_record catalog::record(const mention_key& key) const { return records_->read(key.article); }

const catalog_article* catalog::find_current(const std::string& id, const std::string& content_hash,
                                             const std::string& extraction_key) const {
    const auto* article = find(id);
    if (article == nullptr || article->text_hash != hash_bytes(content_hash) ||
        extraction_keys_.name(article->extraction_key) != extraction_key)
        return nullptr;
    return article;
}

void catalog::assign_sequence_numbers() {
    std::int64_t next = 1;
    for (const auto& article : articles_)
        for (const auto& m : mentions(article)) next = std::max(next, m.seq + 1);
    for (const auto& [id, article] : articles())
        for (auto m : mention_numbers(article))
            if (keys_[m].seq == 0) keys_[m].seq = next++;
}

void catalog::index_schema1_paths() {
    for (const auto& [id, article] : articles())
        if (auto path = record(article).path; !path.empty()) schema1_ids_by_path_.emplace(std::move(path), std::string(id));
}

bool catalog::drop_superseded(const std::string& id, const std::string& path, const std::string& content_hash) {
    auto it = schema1_ids_by_path_.find(path);
    if (it == schema1_ids_by_path_.end() || it->second == id) return false;
    const auto old = ids_.find(it->second);
    const bool same = old != id_table::none && articles_[old].text_hash == hash_bytes(content_hash);
    if (same) {
        retire_mentions(articles_[old]);
        articles_[old] = {};
        ids_.erase(it->second);
        compact_when_sparse();
    }
    schema1_ids_by_path_.erase(it);
    return same;
}

std::size_t catalog::mention_count() const {
    std::size_t n = 0;
    for (const auto& article : articles_) n += article.mention_count;
    return n;
}

catalog::undated_count catalog::undated() const {
    undated_count n;
    for (const auto& article : articles_) {
        std::size_t events = 0;
        for (const auto& m : mentions(article))
            if (!m.background && !m.has_date) ++events;
        if (events == 0) continue;
        ++n.articles;
        n.events += events;
    }
    return n;
}

} // namespace naqsha::store
