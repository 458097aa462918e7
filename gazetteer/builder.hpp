#pragma once
// Builds the gazetteer's data from the sources: the boundary set's polygons and names, then the
// name sources layered on top (crosswalk variants, curated aliases, towns, settlements).
#include "gazetteer/boundary_set.hpp"
#include "gazetteer/model.hpp"

#include <filesystem>

namespace naqsha::gazetteer {

// The system word list that marks ordinary English words (Debian package wamerican).
inline std::filesystem::path dictionary_file() { return "/usr/share/dict/words"; }

gazetteer_data build_gazetteer_data(const boundary_set& set, const std::filesystem::path& data_dir);

} // namespace naqsha::gazetteer
