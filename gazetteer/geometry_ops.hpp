#pragma once
// GEOS work on district and province polygons: validity and repair (MakeValid), a point guaranteed
// inside, dissolving districts into provinces; and areas through an equal-area projection (PROJ).
#include "geo/types.hpp"

#include <span>
#include <string>

namespace naqsha::gazetteer {

// Repairs `shape` in place when GEOS finds it invalid; returns GEOS's reason ("Self-intersection at
// 63.1 34.2", "Too few points in geometry component") or an empty string when it was valid.
std::string repair_if_invalid(geo::multipolygon& shape);

// A point inside the shape (GEOS PointOnSurface), not merely its centroid.
geo::point interior_point(const geo::multipolygon& shape);

// The union of the shapes (for provinces dissolved from districts).
geo::multipolygon dissolve(std::span<const geo::multipolygon* const> shapes);

// Area in km^2 on an equal-area projection (EPSG:6933, WGS 84 / NSIDC EASE-Grid 2.0 Global).
double area_km2(const geo::multipolygon& shape);

} // namespace naqsha::gazetteer
