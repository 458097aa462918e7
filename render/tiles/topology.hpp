#pragma once
// Shared-arc topology of a polygon coverage (the districts): every border between two neighbours is
// stored once, as an arc between junctions, and each polygon ring is a sequence of arcs. Simplifying
// the arcs (not the polygons) keeps shared borders identical at every zoom, so neighbours never show
// gaps or slivers.
#include "geo/types.hpp"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace naqsha::tiles {

struct arc_use {
    std::uint32_t arc = 0;
    bool reversed = false;
};

struct arc {
    std::vector<geo::point> points;     // at least two; first == last for a closed loop
    std::vector<double> importance;     // per point: the largest tolerance at which it survives
    std::int32_t faces[2] = {-1, -1};   // the one or two faces it bounds; -1: none (the coverage's edge)
    bool closed() const { return points.size() > 2 && points.front() == points.back(); }
};

struct topology {
    std::vector<arc> arcs;
    // faces[f] is the list of rings (outer and holes, any orientation) of face f.
    std::vector<std::vector<std::vector<arc_use>>> faces;
    std::size_t input_vertices = 0;     // vertices read, before deduplication
    std::size_t shared_vertices = 0;    // distinct vertices used by more than one face
};

// Moves points, in place, into the plane where arcs are simplified (lon/lat to EPSG:3857 metres).
using plane_projection = std::function<void(std::span<geo::point>)>;

// Builds the topology of faces whose shared borders have identical vertices (as the OCHA district
// set does; snap coordinates to a grid first for data that only nearly agrees). Vertices are matched
// in the coordinates given. With `project`, the arcs are then projected and ranked in the projected
// plane: each shared vertex is projected once instead of once per face that uses it. `threads` share
// the projection (`project` must be safe to call from several threads at once) and the ranking.
topology build_topology(std::span<const geo::multipolygon> faces, const plane_projection& project = {},
                        unsigned threads = 1);

// The arc's points kept at `tolerance` (Douglas-Peucker in the same units as the points): always its
// end points, and at least four points for a closed loop so it still encloses an area.
void simplify_arc(const arc& a, double tolerance, std::vector<geo::point>& out);

// Rounds coordinates to a grid of `cell` units, so that vertices which nearly agree become equal.
void snap_to_grid(geo::multipolygon& mp, double cell);

} // namespace naqsha::tiles
