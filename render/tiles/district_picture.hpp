#pragma once
// One picture of the country: each district filled in a colour the caller chooses, district and
// province borders, circles if asked, a title, a legend beside the map and a footer. preview.png and
// the frames of control.gif (control on a date, control_frame.hpp) and compare.png (agreement with a
// reference) are all drawn by it.
#include "gazetteer/gazetteer.hpp"
#include "geo/types.hpp"
#include "render/palette/palette.hpp"
#include "render/tiles/coverage.hpp"
#include "render/tiles/legend.hpp"
#include "render/tiles/zoom_geometry.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace naqsha::tiles {

struct district_picture {
    int width = 1400;                                  // pixels; the height follows from the country's shape
    std::string title, subtitle, footer;
    bool large_subtitle = false;                       // the subtitle as big as the title (an animation's date)
    std::vector<std::optional<render::rgba>> fills;    // per district, in gazetteer order; nullopt: paper
    struct circle {
        geo::point lon_lat;
        double radius_px;
    };
    std::vector<circle> circles;                       // drawn in this order, in the incidents' colours
    legend_box legend;
};

// Where the map is in the image: global pixel (zoom, tile_size) p is at image (p - map_origin + map_offset).
struct picture_layout {
    int width = 0, height = 0;
    int zoom = 0, tile_size = 256;
    geo::point map_origin, map_offset;
};

// The map's scale and simplified borders for pictures `width` wide with a legend `legend_width` wide,
// prepared once for any number of pictures.
class picture_painter {
public:
    picture_painter(std::span<const gazetteer::district> districts, int width, int legend_width);

    // Straight RGBA rows of the picture; `layout` receives its size and where the map is in it.
    std::vector<std::uint8_t> draw(const district_picture& picture, picture_layout& layout) const;

    int zoom() const { return zoom_; }
    int tile_size() const { return tile_size_; }
    geo::point map_origin() const { return origin_; }
    geo::point map_offset(bool large_subtitle) const;

private:
    std::span<const gazetteer::district> districts_;
    coverage coverage_;
    int zoom_ = 0, tile_size_ = 0, map_w_ = 0, map_h_ = 0;
    geo::point origin_;
    zoom_geometry geometry_;
    std::vector<std::uint32_t> district_arcs_, province_arcs_;
};

// Writes the picture atomically. Throws output_error or data_error (no font).
picture_layout write_district_picture(std::span<const gazetteer::district> districts, const district_picture& picture,
                                      const std::filesystem::path& target);

} // namespace naqsha::tiles
