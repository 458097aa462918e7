#pragma once
// One picture of the country: each district filled in a colour the caller chooses, district and
// province borders, a title, a legend beside the map and a footer. preview.png (control at the map
// date) and compare.png (agreement with a reference) are both drawn by it.
#include "gazetteer/gazetteer.hpp"
#include "geo/types.hpp"
#include "render/layers/palette.hpp"
#include "render/tiles/legend.hpp"

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace naqsha::tiles {

struct district_picture {
    int width = 1400;                                  // pixels; the height follows from the country's shape
    std::string title, subtitle, footer;
    std::vector<std::optional<render::rgba>> fills;    // per district, in gazetteer order; nullopt: paper
    legend_box legend;
};

// Where the map is in the image: global pixel (zoom, tile_size) p is at image (p - map_origin + map_offset).
struct picture_layout {
    int width = 0, height = 0;
    int zoom = 0, tile_size = 256;
    geo::point map_origin, map_offset;
};

// Writes the picture atomically. Throws output_error or data_error (no font).
picture_layout write_district_picture(std::span<const gazetteer::district> districts, const district_picture& picture,
                                      const std::filesystem::path& target);

} // namespace naqsha::tiles
