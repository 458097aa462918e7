#pragma once
// The store's content: every article ever stored with the mentions extracted from it. What finding an
// article and the map's date read of it, and the mentions' merge keys, are in memory; the articles'
// records whole and the mentions themselves are spooled to disk (mention_spool.hpp), so memory grows by
// about 170 bytes an article, not a kilobyte and more. Articles are keyed by id (id_table.hpp); an
// article is re-extracted only when its text or what the extraction depended on (extractor version,
// --published) changed.
#include "base/calendar.hpp"
#include "base/content_hash.hpp"
#include "extract/event.hpp"
#include "store/id_table.hpp"
#include "store/key_list.hpp"
#include "store/mention_key.hpp"
#include "store/mention_spool.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace naqsha::store {

struct article_record {
    std::string id;             // file stem or NDJSON id
    std::string content_hash;   // SHA-256 of the text
    std::string extraction_key; // what else the mentions depend on; a change means re-extraction
    std::string source;         // publisher or agency when known
    std::string url;
    std::string title;
    std::optional<day_number> published; // none when unknown
    std::string path;           // where it was read from (file, or NDJSON file and line)
    std::int64_t bytes = 0;
};

// A mention as extraction gives it or the store holds it, with its place in the store's order.
struct stored_mention {
    extract::event event;
    // Order in which the mention was first stored, over every run (mention_key::seq); 0 until
    // catalog::assign_sequence_numbers() numbers it.
    std::int64_t seq = 0;
};

// An article as it is put into the catalog: its record, and every mention whole.
struct stored_article {
    article_record record;
    std::vector<stored_mention> mentions;
    std::vector<extract::area_claim> area_claims;
};

// An article as the catalog keeps it: what finding it and the map's date read of its record (its id is
// in the catalog's table of ids); the record whole in the catalog's spool, read back by catalog::record() when a
// merged event lists its sources and when the store's table is written; the mentions as merge keys, in
// the catalog's one list of keys (catalog::mentions), the mentions themselves in the spool. Held whole,
// the record was about half of an article's memory at a large run's peak, where every article's entry is
// held; a vector of keys of its own was 24 bytes more and an allocation of its own.
struct catalog_article {
    std::optional<day_number> published;    // as in the record
    // XXH3-128 of the record's content_hash (64 hex digits, 80 bytes on the heap): two content hashes
    // that differ share one with a chance of 2^-128, as articles given twice in a run are told apart.
    content_hash text_hash;
    name_table::id extraction_key = 0;      // in the catalog's table of extraction keys
    std::uint32_t row = 0;                  // the record whole, in the catalog's spool of records
    std::uint32_t first_mention = 0, mention_count = 0; // its keys, one after the other in the catalog's list
    std::vector<extract::area_claim> area_claims;
};

// The numbers [first, last) of an article's mentions in the catalog's list of keys, and the keys
// themselves: plain ranges (clang 14 cannot compile std::ranges' views against libstdc++ 12).
struct mention_numbers_view {
    struct iterator {
        std::uint32_t number = 0;
        std::uint32_t operator*() const { return number; }
        iterator& operator++() {
            ++number;
            return *this;
        }
        bool operator==(const iterator&) const = default;
    };
    std::uint32_t first = 0, last = 0;
    iterator begin() const { return {first}; }
    iterator end() const { return {last}; }
    std::size_t size() const { return last - first; }
};

struct article_keys_view {
    struct iterator {
        const key_list* keys = nullptr;
        std::uint32_t number = 0;
        const mention_key& operator*() const { return (*keys)[number]; }
        iterator& operator++() {
            ++number;
            return *this;
        }
        bool operator==(const iterator& other) const { return number == other.number; }
    };
    const key_list* keys = nullptr;
    std::uint32_t first = 0, last = 0;
    iterator begin() const { return {keys, first}; }
    iterator end() const { return {keys, last}; }
    std::size_t size() const { return last - first; }
    const mention_key& operator[](std::size_t i) const { return (*keys)[first + static_cast<std::uint32_t>(i)]; }
};

class catalog;

// An article and its id, as the catalog's walk gives them.
struct catalog_entry {
    std::string_view id;
    const catalog_article& article;
};

// The catalog's articles in the order of their ids (std::string's), as every reader walks them: the
// store's tables, merging's order for mentions of one seq and the area claims' order follow it.
class article_walk {
public:
    struct iterator {
        const catalog* store = nullptr;
        const std::uint32_t* number = nullptr;
        catalog_entry operator*() const;
        iterator& operator++() {
            ++number;
            return *this;
        }
        bool operator==(const iterator& other) const { return number == other.number; }
    };
    article_walk(const catalog& store, const std::vector<std::uint32_t>& order) : store_(&store), order_(&order) {}
    iterator begin() const { return {store_, order_->data()}; }
    iterator end() const { return {store_, order_->data() + order_->size()}; }
    std::size_t size() const { return order_->size(); }
    bool empty() const { return order_->empty(); }

private:
    const catalog* store_;
    const std::vector<std::uint32_t>* order_;
};

class catalog {
public:
    // Adds or replaces an article. Mentions with seq 0 get theirs in assign_sequence_numbers().
    void put(stored_article article);
    // Adds a mention to an article already put (reading a store row by row); false if there is none.
    bool add_mention(const std::string& article_id, const stored_mention& mention);
    // Adds an area claim to its article; dropped when the catalog does not hold the article.
    void add_area_claim(extract::area_claim claim);
    // Orders every article's mentions by seq, as they were first stored.
    void order_mentions_by_seq();
    // The stored article when its text and extraction key match, else nullptr (it must be extracted).
    const catalog_article* find_current(const std::string& id, const std::string& content_hash,
                                       const std::string& extraction_key) const;
    bool contains(std::string_view id) const { return ids_.find(id) != id_table::none; }
    // The article with this id, or nullptr.
    const catalog_article* find(std::string_view id) const;
    // The article with this id; std::out_of_range when there is none.
    const catalog_article& at(std::string_view id) const;

    // Store schema 1 named an article in a subdirectory of --articles by its file stem; schema 2 names it
    // by its path relative to that directory (extract/article.hpp). A store read at schema 1 indexes
    // its articles by the path they were read from; an article a run then reads from the same path,
    // with the same text, under its new id replaces its schema-1 entry instead of being stored twice.
    void index_schema1_paths();
    // Removes the schema-1 entry that the article (new id, path, text hash) supersedes; false if none.
    bool drop_superseded(const std::string& id, const std::string& path, const std::string& content_hash);

    // Numbers new mentions after every earlier one, in article-id order, so a run is deterministic
    // whatever order its inputs arrived in.
    void assign_sequence_numbers();

    // Every article, in the order of their ids. The order is made when first walked after an article was
    // added or dropped, and kept; putting an article again keeps its place.
    article_walk articles() const { return {*this, ids_.in_order()}; }
    std::size_t article_count() const { return ids_.size(); }
    // The numbers of the article's mentions in the catalog's list of keys (key()), in the article's order.
    mention_numbers_view mention_numbers(const catalog_article& article) const {
        return {article.first_mention, article.first_mention + article.mention_count};
    }
    const mention_key& key(std::uint32_t mention) const { return keys_[mention]; }
    // The keys of the article's mentions, in its order.
    article_keys_view mentions(const catalog_article& article) const {
        return {&keys_, article.first_mention, article.first_mention + article.mention_count};
    }
    // The article's record whole, read back from the spool.
    article_record record(const catalog_article& article) const;
    // The record of the article that holds the mention.
    article_record record(const mention_key& key) const;
    // A mention whole, read back from the spool.
    extract::event mention(const mention_key& key) const;
    // The P-codes and actors of the keys.
    const name_table& names() const { return names_; }
    std::size_t mention_count() const;

    // Articles with news events that have no date (no publication date was found, and the text
    // gives none of its own): those events are on no dated map, layer or slice.
    struct undated_count {
        std::size_t articles = 0, events = 0;
    };
    undated_count undated() const;

private:
    mention_key spool(const extract::event& mention, std::int64_t seq, std::uint32_t article_row);
    void add_key(mention_key key);
    // The article's keys are no longer its: they stay in the list, unread, until compact_when_sparse() drops them.
    void retire_mentions(catalog_article& article);
    // Closes the gaps retired keys left, when they are a quarter of the list.
    void compact_when_sparse();

    friend struct article_walk::iterator;

    // The ids, numbered as they came, and the articles by those numbers: a dropped article's entry stays,
    // empty, out of the ids' table and so of every walk.
    id_table ids_;
    std::deque<catalog_article> articles_;
    // Every article's keys, each article's one after the other.
    key_list keys_;
    std::size_t retired_keys_ = 0;
    name_table names_;
    std::unique_ptr<mention_spool> spool_; // made when the first mention comes
    std::unique_ptr<record_spool<article_record>> records_; // made when the first article comes
    name_table extraction_keys_;
    std::unordered_map<std::string, std::string> schema1_ids_by_path_;
};

} // namespace naqsha::store
