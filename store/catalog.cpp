#include "store/catalog.hpp"

#include <algorithm>

namespace naqsha::store {
namespace spool_codec {

template <typename Codec, either<article_record> Record>
void fields(Codec& c, Record& r) {
    c(r.id), c(r.content_hash), c(r.extraction_key), c(r.source), c(r.url), c(r.title), c(r.published), c(r.path);
    c(r.bytes);
}

} // namespace spool_codec

mention_key catalog::spool(const extract::event& mention, std::int64_t seq, std::uint32_t article_row) {
    if (!spool_) spool_ = std::make_unique<mention_spool>();
    auto key = key_of(mention, names_);
    key.seq = seq;
    key.article = article_row;
    key.row = spool_->add(mention);
    return key;
}

void catalog::put(stored_article article) {
    if (!records_) records_ = std::make_unique<record_spool<article_record>>();
    const auto& r = article.record;
    catalog_article kept{r.published, hash_bytes(r.content_hash), extraction_keys_.intern(r.extraction_key),
                         records_->add(r), {}, std::move(article.area_claims)};
    kept.mentions.reserve(article.mentions.size());
    for (const auto& m : article.mentions) kept.mentions.push_back(spool(m.event, m.seq, kept.row));
    articles_.insert_or_assign(r.id, std::move(kept));
}

bool catalog::add_mention(const std::string& article_id, const stored_mention& mention) {
    auto it = articles_.find(article_id);
    if (it == articles_.end()) return false;
    it->second.mentions.push_back(spool(mention.event, mention.seq, it->second.row));
    return true;
}

void catalog::add_area_claim(extract::area_claim claim) {
    auto it = articles_.find(claim.article);
    if (it != articles_.end()) it->second.area_claims.push_back(std::move(claim));
}

void catalog::order_mentions_by_seq() {
    for (auto& [id, article] : articles_)
        std::sort(article.mentions.begin(), article.mentions.end(),
                  [](const mention_key& a, const mention_key& b) { return a.seq < b.seq; });
}

extract::event catalog::mention(const mention_key& key) const { return spool_->read(key.row); }

article_record catalog::record(const catalog_article& article) const { return records_->read(article.row); }

article_record catalog::record(const mention_key& key) const { return records_->read(key.article); }

const catalog_article* catalog::find_current(const std::string& id, const std::string& content_hash,
                                             const std::string& extraction_key) const {
    auto it = articles_.find(id);
    if (it == articles_.end()) return nullptr;
    const auto& article = it->second;
    if (article.text_hash != hash_bytes(content_hash) || extraction_keys_.name(article.extraction_key) != extraction_key)
        return nullptr;
    return &it->second;
}

void catalog::assign_sequence_numbers() {
    std::int64_t next = 1;
    for (const auto& [id, article] : articles_)
        for (const auto& m : article.mentions) next = std::max(next, m.seq + 1);
    for (auto& [id, article] : articles_)
        for (auto& m : article.mentions)
            if (m.seq == 0) m.seq = next++;
}

void catalog::index_schema1_paths() {
    for (const auto& [id, article] : articles_)
        if (auto path = record(article).path; !path.empty()) schema1_ids_by_path_.emplace(std::move(path), id);
}

bool catalog::drop_superseded(const std::string& id, const std::string& path, const std::string& content_hash) {
    auto it = schema1_ids_by_path_.find(path);
    if (it == schema1_ids_by_path_.end() || it->second == id) return false;
    auto old = articles_.find(it->second);
    const bool same = old != articles_.end() && old->second.text_hash == hash_bytes(content_hash);
    if (same) articles_.erase(old);
    schema1_ids_by_path_.erase(it);
    return same;
}

std::size_t catalog::mention_count() const {
    std::size_t n = 0;
    for (const auto& [id, article] : articles_) n += article.mentions.size();
    return n;
}

catalog::undated_count catalog::undated() const {
    undated_count n;
    for (const auto& [id, article] : articles_) {
        std::size_t events = 0;
        for (const auto& m : article.mentions)
            if (!m.background && !m.has_date) ++events;
        if (events == 0) continue;
        ++n.articles;
        n.events += events;
    }
    return n;
}

} // namespace naqsha::store
