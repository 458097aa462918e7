#pragma once
// Reads back what `naqsha run` wrote to naqsha.gpkg (the `control`, `incidents` and `incidents_province`
// layers, the run's time slices from `time_slices` and the map date from `naqsha_store_info`) as the
// store::map_state the tile renderer draws, so that `naqsha tiles` can re-render tiles without
// re-running extraction.
#include "store/model.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace naqsha::tiles {

struct gpkg_state {
    store::map_state state;
    std::vector<std::string> warnings; // one line per feature that could not be used
    bool slices_recorded = false;      // the file has a time_slices table (store schema 2 on)
};

// Throws input_error naming the file when it cannot be opened or has no `control` layer.
gpkg_state read_map_state_from_gpkg(const std::filesystem::path& gpkg);

} // namespace naqsha::tiles
