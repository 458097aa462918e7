#pragma once
// The district coverage in Web Mercator, built once per run and shared by every layer, slice and
// zoom of the tiles and by the preview: the shared-arc topology plus which arcs are province borders.
#include "gazetteer/gazetteer.hpp"
#include "geo/types.hpp"
#include "render/tiles/topology.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace naqsha::tiles {

struct coverage {
    topology topo;                          // EPSG:3857 metres
    std::vector<std::uint32_t> province_of; // per face
    std::vector<bool> province_arc;         // per arc: a province (or country) border
    geo::box extent_lon_lat, extent_metres;
};

// `threads` share the projection and the ranking of the arcs.
coverage prepare_coverage(std::span<const gazetteer::district> districts, unsigned threads = 1);

} // namespace naqsha::tiles
