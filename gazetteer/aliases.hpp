#pragma once
// The curated tables in shapefiles/aliases/: town and press spellings that no source lists, and the
// word lists that keep running text from matching English words, personal names and foreign places.
#include "gazetteer/model.hpp"

#include <filesystem>

namespace naqsha::gazetteer {

// towns.csv and press_spellings.csv (columns spelling,pcode,...). A P-code the boundary set lacks
// is a warning (other sets use other codes).
void add_curated_aliases(gazetteer_data& data, const std::filesystem::path& aliases_dir);

// Sets flag_english_word from the system word list (lower-case entries of /usr/share/dict/words),
// flag_ambiguous_word from common_words.txt, flag_person_name from person_name_tokens.txt, and
// drops settlements named like the places in foreign_places.txt.
void flag_names(gazetteer_data& data, const std::filesystem::path& aliases_dir, const std::filesystem::path& dictionary);

// One entry per (place, key), keeping the most authoritative source.
void deduplicate_names(gazetteer_data& data);

} // namespace naqsha::gazetteer
