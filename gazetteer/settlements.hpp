#pragma once
// Settlement points (OCHA/CSO, 19,002) assigned to districts by point-in-polygon, and the provincial
// and district centres among them, which name their districts ("Lashkar Gah" -> Lashkargah district).
#include "gazetteer/boundary_set.hpp"
#include "gazetteer/model.hpp"
#include "gazetteer/spatial_index.hpp"

#include <filesystem>

namespace naqsha::gazetteer {

void add_settlements(gazetteer_data& data, const boundary_set& set, const std::filesystem::path& data_dir,
                     const spatial_index& districts);

} // namespace naqsha::gazetteer
