#pragma once
// The gazetteer's data as built from the sources (or read back from the cache): places, and every
// spelling that names them. Internal to gazetteer/; the indexes are derived from it at load time.
#include "gazetteer/gazetteer.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace naqsha::gazetteer {

// Where a spelling comes from; decides how much an exact match on it is worth.
enum class name_source : std::uint8_t {
    canonical,   // the boundary set's English name
    dari,        // the boundary set's Dari name (and Dari/Pashto from the crosswalks)
    alternate,   // the boundary set's listed alternates
    variant,     // spellings from the 398/407/414/421 crosswalks and the curated press spellings
    town,        // a provincial capital or district town, standing for its district
    settlement,  // a settlement point's name
};

enum name_flag : std::uint8_t {
    flag_english_word = 1,    // also an ordinary English word: in text only next to "district" etc.
    flag_person_name = 2,     // a token of personal names (Mohammad, Khan): never from running text
    flag_generic = 4,         // "Centre" and the like: only with a province context
    flag_ambiguous_word = 8,  // curated: a word the press uses otherwise (Farsi, Bar); like english
    flag_press_preferred = 16, // curated: of the places this spelling names, the one the press means
                               // (shapefiles/aliases/press_preferences.csv); ranked first among equals
};

struct name_entry {
    level kind = level::district;
    name_source source = name_source::canonical;
    std::uint8_t flags = 0;
    std::uint32_t place = 0;  // index into provinces, districts or settlements by kind
    std::string spelling;
};

struct gazetteer_data {
    std::vector<province> provinces;
    std::vector<district> districts;
    std::vector<settlement> settlements;
    std::vector<name_entry> names;
    // Keys of words that are never looked up loosely (English words, personal-name tokens, common
    // words, foreign places): they match exact spellings only, never by skeleton or edit distance,
    // and a settlement name never matches running text through one of them.
    // Stored as hash_key() values: ~100,000 words load as one block.
    std::vector<std::uint64_t> stop_key_hashes;
    // Keys of places outside Afghanistan (shapefiles/aliases/foreign_places.txt), sorted hash_key()
    // values: what gazetteer::foreign_place() answers from.
    std::vector<std::uint64_t> foreign_key_hashes;
    // Keys of capitalised English words (/usr/share/dict/words: Monday, American, Sunday) that no place
    // is named: a lookup matches them only exactly, never by skeleton or edit distance, so "Monday" is
    // no misspelling of Mohmand. Sorted hash_key() values. Running text needs no such list: there a
    // short skeleton matches only beside "district" or "province".
    std::vector<std::uint64_t> english_name_hashes;
    load_report report;
};

} // namespace naqsha::gazetteer
