#pragma once
// One picture of district control on one date: the map at a fixed scale, a title, the date, the legend
// with the districts counted per status, and the attribution. preview.png is one such picture;
// control.gif is one per time slice. The coverage and its simplification are prepared once.
#include "gazetteer/gazetteer.hpp"
#include "geo/types.hpp"
#include "render/store/model.hpp"
#include "render/tiles/coverage.hpp"
#include "render/tiles/zoom_geometry.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace naqsha::tiles {

struct frame_text {
    std::string date;          // shown under the title ("" = date unknown)
    bool large_date = false;   // the date as big as the title, for an animation watched without reading
    std::string footer;        // e.g. "5 articles, 11 events"; the attribution follows it
};

struct control_frame {
    std::vector<std::uint8_t> rgba; // straight RGBA rows, opaque
    int width = 0, height = 0;
    std::array<int, 4> districts{}; // per control_status at the date
    int unknown = 0;                // districts with no information
};

class control_frame_renderer {
public:
    // `width` in pixels; the height follows from Afghanistan's shape. Throws data_error (no font).
    control_frame_renderer(std::span<const gazetteer::district> districts, int width);

    control_frame render(std::span<const store::control_interval> control, const frame_text& text) const;

    // Where the map is in a frame: global pixel p (at zoom(), tile_size()) is at p - map_origin() + map_offset().
    int zoom() const { return zoom_; }
    int tile_size() const { return tile_size_; }
    geo::point map_origin() const { return origin_; }
    geo::point map_offset(const frame_text& text) const;

private:
    std::span<const gazetteer::district> districts_;
    coverage coverage_;
    int width_ = 0, zoom_ = 0, tile_size_ = 0, map_w_ = 0, map_h_ = 0;
    geo::point origin_;
    zoom_geometry geometry_;
    std::vector<std::uint32_t> district_arcs_, province_arcs_;
};

} // namespace naqsha::tiles
