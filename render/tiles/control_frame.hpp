#pragma once
// One picture of district control on one date (district_picture.hpp): the districts coloured by their
// state, a title, the date, the legend with the districts counted per status, the attribution, and if
// asked the period's incidents. preview.png is one such picture; control.gif is one per time slice.
// The map's scale and simplified borders are prepared once.
#include "gazetteer/gazetteer.hpp"
#include "geo/types.hpp"
#include "render/tiles/district_picture.hpp"
#include "render/tiles/slice_content.hpp"
#include "store/model.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace naqsha::tiles {

struct frame_text {
    std::optional<day_number> date; // shown under the title (none = date unknown)
    bool large_date = false;   // the date as big as the title, for an animation watched without reading
    std::string footer;        // e.g. "5 articles, 11 events"; the attribution follows it
    bool incidents = false;    // circles for the period's incidents, and their legend (preview.png; the
                               // animation shows control alone, so that its frames differ only where it changed)
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

    // `incidents`: the period's incidents, drawn (when text.incidents) as circles sized by killed.
    control_frame render(std::span<const store::control_interval> control, const frame_text& text,
                         std::span<const incident_point> incidents = {}) const;

    // Where the map is in a frame: global pixel p (at zoom(), tile_size()) is at p - map_origin() + map_offset().
    int zoom() const { return painter_.zoom(); }
    int tile_size() const { return painter_.tile_size(); }
    geo::point map_origin() const { return painter_.map_origin(); }
    geo::point map_offset(const frame_text& text) const { return painter_.map_offset(text.large_date); }

private:
    std::span<const gazetteer::district> districts_;
    int width_ = 0;
    picture_painter painter_;
};

} // namespace naqsha::tiles
