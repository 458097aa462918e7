#pragma once
// The name side of the gazetteer: spellings -> candidate places, for a single name (lookup) and for
// every place-name mention in running text (scan). Built at load time from gazetteer_data.
#include "gazetteer/key_table.hpp"
#include "gazetteer/model.hpp"
#include "gazetteer/names.hpp"

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace naqsha::gazetteer {

class name_index {
public:
    explicit name_index(const gazetteer_data& data);
    // Not copyable: the scanner's per-thread memo holds spans into this index's tables.
    name_index(const name_index&) = delete;
    name_index& operator=(const name_index&) = delete;

    std::vector<candidate> lookup(std::string_view name, const lookup_options& options) const;
    std::vector<text_mention> scan(std::string_view text) const;
    // The same over the text's words as tokenize makes them (folded: the buffer they point into).
    std::vector<text_mention> scan(std::string_view text, std::span<const token> tokens, std::string_view folded) const;

    // The province a name (in any spelling) refers to, if any.
    std::optional<std::uint32_t> resolve_province(std::string_view name) const;

    std::size_t key_count() const { return exact_.size(); }

private:
    enum class tier : std::uint8_t { exact, skeleton, fuzzy };
    struct hit {
        std::uint32_t entry;
        tier how;
        std::uint8_t distance;
    };
    struct scored {
        level kind;
        std::uint32_t place;
        double score;
        std::uint32_t entry;
    };

    // What the tables hold for one key of running text: its exact entries and, for a Latin key
    // of five letters or more, the entries sharing its skeleton.
    struct key_matches {
        std::span<const std::uint32_t> exact;
        std::span<const std::uint32_t> skeletal;  // empty when the skeleton is under three letters
        std::size_t skeleton_length = 0;          // 0 when no skeleton was taken
        // For a loose key of seven letters or more with no entries: whether the fuzzy pass finds a
        // name that is no generic word (and the key is no stop key). True where not asked.
        bool fuzzy_found = true;
    };
    // The matches of a key, valid until the thread's next call.
    const key_matches& match_key(std::string_view key, bool with_skeleton) const;
    // A key the thread's memo (of which `slot` is the key's entry, or null for a key too long for
    // it) does not hold: looked up and kept in the slot.
    struct memo_entry;
    static thread_local std::vector<memo_entry> key_memo_; // memo_slots entries once the thread looks a key up
    const key_matches& match_key_missed(std::string_view key, bool with_skeleton, std::uint64_t memo_hash,
                                        memo_entry* slot) const;
    key_matches match_key_uncached(std::string_view key, std::uint64_t hash, bool with_skeleton) const;

    void collect(std::string_view compact, bool latin, bool allow_fuzzy, std::vector<hit>& hits) const;
    void collect_fuzzy(std::string_view compact, std::vector<hit>& hits) const;
    double score(const hit& h, std::uint8_t designators) const;
    std::uint32_t province_of_place(level kind, std::uint32_t place) const;
    // Ranks hits into `out` (a caller's buffer, reused across mentions).
    void rank(const std::vector<hit>& hits, std::uint8_t designators, std::optional<std::uint32_t> province,
              bool include_settlements, std::vector<scored>& out) const;
    candidate make_candidate(const scored& s) const;
    void fill_candidate(const scored& s, candidate& c) const; // c default-constructed
    bool allowed_in_text(const name_entry& e, tier how, bool designated, std::size_t key_length) const;

    // The steps of scan, for one name of the text and then for all of them.
    // The entries a key of running text may name (`has_stop_word`: whether a word of the name is a
    // personal name or common word, asked only of a settlement), into `hits`.
    template <class StopWord>
    void collect_text_hits(const key_matches& matches, std::string_view key, bool loose_keys, bool designated,
                           StopWord&& has_stop_word, std::vector<hit>& hits) const;
    struct mention_provinces;
    void note_provinces(const std::vector<scored>& ranked, mention_provinces& provinces) const;
    void prefer_provinces_named_nearby(std::vector<text_mention>& mentions, const mention_provinces& provinces) const;

    const gazetteer_data* data_;
    std::uint64_t id_; // unique per index built in this process: tags the memo's entries
    key_table exact_;
    key_table skeleton_;
    // Keys of districts and provinces by length and first letter, for the bounded fuzzy match
    // (which only compares keys of nearly the same length and the same first letter).
    struct fuzzy_key {
        std::uint32_t key;   // index into exact_
        std::uint64_t letters; // letter_mask of the key
    };
    std::vector<std::vector<fuzzy_key>> fuzzy_buckets_;
    static std::size_t fuzzy_bucket(std::size_t length, unsigned char first) { return length * 128 + first; }
    // One bit per hash of each exact key of up to four bytes: a key that short has no skeleton or
    // fuzzy match, so a clear bit tells the scan that it matches nothing without asking the memo
    // ("The", "He", "In", "US": most short capitalised words of running text).
    std::vector<std::uint64_t> short_key_bits_;
    bool may_be_short_key(std::string_view key) const; // key of 1..4 bytes
    std::vector<std::uint32_t> capital_of_province_; // district index, or UINT32_MAX
    // Open-addressing set of stop_key_hashes (0 marks an empty slot).
    std::vector<std::uint64_t> stop_slots_;
    bool is_stop_key(std::string_view key) const;
};

} // namespace naqsha::gazetteer
