#pragma once
// The district coverage at one zoom: every shared arc simplified once for that zoom's pixel size and
// expressed in global pixel coordinates (origin at the world's top-left corner, y down).
#include "geo/types.hpp"
#include "render/tiles/topology.hpp"

#include <vector>

namespace naqsha::tiles {

struct zoom_geometry {
    int z = 0;
    int tile_size = 256;
    const topology* topo = nullptr;          // ring structure of the faces; arcs below replace its points
    std::vector<std::vector<geo::point>> arcs;
    std::vector<geo::box> arc_bounds;
    std::vector<geo::box> face_bounds;
    std::size_t vertices = 0;
};

// `topo` must hold EPSG:3857 metres. Tolerance is in pixels of this zoom.
zoom_geometry simplify_for_zoom(const topology& topo, int z, int tile_size, double tolerance_px);

} // namespace naqsha::tiles
