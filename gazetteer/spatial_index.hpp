#pragma once
// Point -> polygon lookup: a Boost.Geometry R-tree over the polygons' bounding boxes narrows the
// search, then an exact even-odd test decides. Each polygon's edges are bucketed into horizontal
// bands, so the exact test reads a handful of edges instead of every vertex.
#include "geo/types.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>

namespace naqsha::gazetteer {

class spatial_index {
public:
    explicit spatial_index(std::span<const geo::multipolygon* const> shapes);
    spatial_index(spatial_index&&) noexcept;
    spatial_index& operator=(spatial_index&&) noexcept;
    ~spatial_index();

    // Index of the shape containing the point; the first one found when shapes overlap.
    std::optional<std::uint32_t> locate(geo::point p) const;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

} // namespace naqsha::gazetteer
