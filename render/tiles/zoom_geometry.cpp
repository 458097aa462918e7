#include "render/tiles/zoom_geometry.hpp"

#include "geo/tile_math.hpp"

namespace naqsha::tiles {

zoom_geometry simplify_for_zoom(const topology& topo, int z, int tile_size, double tolerance_px) {
    zoom_geometry zg;
    zg.z = z;
    zg.tile_size = tile_size;
    zg.topo = &topo;
    const double res = geo::meters_per_pixel(z, tile_size);
    zg.arcs.resize(topo.arcs.size());
    zg.arc_bounds.resize(topo.arcs.size());
    std::vector<geo::point> kept;
    for (std::size_t i = 0; i < topo.arcs.size(); ++i) {
        simplify_arc(topo.arcs[i], tolerance_px * res, kept);
        auto& out = zg.arcs[i];
        out.reserve(kept.size());
        for (const auto& m : kept) {
            out.push_back(geo::mercator_to_pixel(m, z, tile_size));
            zg.arc_bounds[i].extend(out.back());
        }
        zg.vertices += out.size();
    }
    zg.face_bounds.resize(topo.faces.size());
    for (std::size_t f = 0; f < topo.faces.size(); ++f)
        for (const auto& ring : topo.faces[f])
            for (const auto& use : ring) zg.face_bounds[f].extend(zg.arc_bounds[use.arc]);
    return zg;
}

} // namespace naqsha::tiles
