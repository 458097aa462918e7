#pragma once
// compare.png: the country with every district coloured by how naqsha and the reference relate on the
// date (the disagreements in strong colours, agreement grey), a legend with the count of each, and
// the headline figures.
#include "render/compare/comparison.hpp"

#include <filesystem>
#include <string>

namespace naqsha::compare {

struct map_report {
    std::filesystem::path path;
    int width = 0, height = 0;
    // Where the map is in the image: global pixel (zoom, tile_size) p is at image (p - map_origin + map_offset).
    int zoom = 0, tile_size = 256;
    geo::point map_origin, map_offset;
};

// `reference_name` names the reference in the title (its file name). Writes atomically; throws
// output_error or data_error (no font).
map_report write_compare_map(const comparison& c, const gazetteer::gazetteer& gazetteer, const std::string& reference_name,
                             const std::filesystem::path& target);

} // namespace naqsha::compare
