#include "render/tiles/coverage.hpp"

#include "geo/tile_math.hpp"

namespace naqsha::tiles {

coverage prepare_coverage(std::span<const gazetteer::district> districts, unsigned threads) {
    coverage c;
    std::vector<geo::multipolygon> shapes;
    shapes.reserve(districts.size());
    for (const auto& d : districts) {
        shapes.push_back(d.shape);
        // ~1 cm: vertices that agree to that are the same vertex.
        snap_to_grid(shapes.back(), 1e-7);
        c.extent_lon_lat.extend(geo::bounds(shapes.back()));
        c.province_of.push_back(d.province_index);
    }
    // Matched in degrees, simplified in metres: one PROJ pass over the arcs.
    c.topo = build_topology(shapes, [](std::span<geo::point> pts) { geo::to_web_mercator(pts); }, threads);
    c.province_arc.resize(c.topo.arcs.size());
    for (std::size_t i = 0; i < c.topo.arcs.size(); ++i) {
        const auto& a = c.topo.arcs[i];
        c.province_arc[i] = a.faces[1] < 0 || c.province_of[std::size_t(a.faces[0])] != c.province_of[std::size_t(a.faces[1])];
    }
    geo::point corners[2] = {{c.extent_lon_lat.min_x, c.extent_lon_lat.min_y},
                             {c.extent_lon_lat.max_x, c.extent_lon_lat.max_y}};
    geo::to_web_mercator(corners);
    c.extent_metres.extend(corners[0]);
    c.extent_metres.extend(corners[1]);
    return c;
}


} // namespace naqsha::tiles
