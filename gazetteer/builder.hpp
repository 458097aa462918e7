#pragma once
// Builds the gazetteer's data from the sources: the boundary set's polygons and names, then the
// name sources layered on top (crosswalk variants, curated aliases, towns, settlements).
#include "gazetteer/boundary_set.hpp"
#include "gazetteer/model.hpp"

#include <filesystem>

namespace naqsha::gazetteer {

gazetteer_data build_gazetteer_data(const boundary_set& set, const std::filesystem::path& data_dir);

} // namespace naqsha::gazetteer
