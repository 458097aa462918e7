#pragma once
// Plain geometry values shared by every layer. Coordinates are WGS84 longitude/latitude unless a
// function says otherwise; heavier geometry libraries (GEOS, Boost.Geometry) stay inside .cpp files.
#include <algorithm>
#include <limits>
#include <vector>

namespace naqsha::geo {

struct point {
    double x = 0; // longitude, or easting in a projected CRS
    double y = 0; // latitude, or northing
    friend bool operator==(const point&, const point&) = default;
};

// A closed ring: the first point is repeated as the last.
using ring = std::vector<point>;

struct polygon {
    ring outer;
    std::vector<ring> holes;
};

using multipolygon = std::vector<polygon>;

struct box {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    bool empty() const { return min_x > max_x; }
    void extend(point p) {
        min_x = std::min(min_x, p.x);
        min_y = std::min(min_y, p.y);
        max_x = std::max(max_x, p.x);
        max_y = std::max(max_y, p.y);
    }
    void extend(const box& b) {
        if (b.empty()) return;
        extend(point{b.min_x, b.min_y});
        extend(point{b.max_x, b.max_y});
    }
    bool contains(point p) const { return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y; }
    bool intersects(const box& b) const {
        return !(b.min_x > max_x || b.max_x < min_x || b.min_y > max_y || b.max_y < min_y);
    }
};

inline box bounds(const ring& r) {
    box b;
    for (const auto& p : r) b.extend(p);
    return b;
}

inline box bounds(const multipolygon& mp) {
    box b;
    for (const auto& poly : mp) b.extend(bounds(poly.outer));
    return b;
}

} // namespace naqsha::geo
