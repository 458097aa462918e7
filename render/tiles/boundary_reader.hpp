#pragma once
// Districts and provinces read straight from an OCHA COD-AB boundary set (ADM2/ADM1 shapefiles) through
// GDAL, as gazetteer values: what the tile renderer, its tests and its benchmark draw when no
// gazetteer is at hand.
#include "gazetteer/gazetteer.hpp"

#include <filesystem>
#include <vector>

namespace naqsha::tiles {

struct boundaries {
    std::vector<gazetteer::province> provinces;
    std::vector<gazetteer::district> districts;
};

// `dir` holds afg_admbnda_adm1_*.shp and afg_admbnda_adm2_*.shp (default: <gazetteer data>/ocha-agcho-2018).
// Throws data_error naming the file when a layer is missing or unreadable.
boundaries read_ocha_boundaries(const std::filesystem::path& dir = {});

} // namespace naqsha::tiles
