#include "gazetteer/spatial_index.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace naqsha::gazetteer {
namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using bg_point = bg::model::point<double, 2, bg::cs::cartesian>;
using bg_box = bg::model::box<bg_point>;
using rtree_value = std::pair<bg_box, std::uint32_t>;

// The vertices of one shape (every ring, outer and holes, one after the other with a NaN point
// between rings, so no edge joins two rings) and, for each horizontal band, the edges crossing it
// as indices of their first vertex.
class banded_shape {
public:
    explicit banded_shape(const geo::multipolygon& shape) : box_(geo::bounds(shape)) {
        constexpr double nan = std::numeric_limits<double>::quiet_NaN();
        for (const auto& poly : shape) {
            for (const auto* r : rings_of(poly)) {
                vertices_.insert(vertices_.end(), r->begin(), r->end());
                vertices_.push_back({nan, nan});
            }
        }
        std::vector<std::uint32_t> edges;
        for (std::uint32_t i = 0; i + 1 < vertices_.size(); ++i) {
            const auto& a = vertices_[i];
            const auto& b = vertices_[i + 1];
            // Ring breaks (NaN) and horizontal edges never cross a horizontal ray.
            if (std::isnan(a.y) || std::isnan(b.y) || a.y == b.y) continue;
            edges.push_back(i);
        }
        if (edges.empty() || box_.empty()) return;
        bands_ = std::clamp<std::size_t>(edges.size() / 4, 1, 4096);
        band_height_ = (box_.max_y - box_.min_y) / static_cast<double>(bands_);
        if (!(band_height_ > 0)) {
            bands_ = 1;
            band_height_ = 1;
        }
        std::vector<std::uint32_t> counts(bands_ + 1, 0);
        for (auto e : edges) {
            auto [lo, hi] = band_range(e);
            for (std::size_t b = lo; b <= hi; ++b) ++counts[b + 1];
        }
        for (std::size_t b = 1; b <= bands_; ++b) counts[b] += counts[b - 1];
        offsets_ = counts;
        band_edges_.resize(offsets_.back());
        for (auto e : edges) {
            auto [lo, hi] = band_range(e);
            for (std::size_t b = lo; b <= hi; ++b) band_edges_[counts[b]++] = e;
        }
    }

    bool contains(geo::point p) const {
        if (!box_.contains(p) || band_edges_.empty()) return false;
        std::size_t b = band_of(p.y);
        bool inside = false;
        for (std::uint32_t k = offsets_[b]; k < offsets_[b + 1]; ++k) {
            const auto& a = vertices_[band_edges_[k]];
            const auto& c = vertices_[band_edges_[k] + 1];
            if ((a.y > p.y) != (c.y > p.y)) {
                double x = a.x + (p.y - a.y) * (c.x - a.x) / (c.y - a.y);
                if (p.x < x) inside = !inside;
            }
        }
        return inside;
    }

private:
    static std::vector<const geo::ring*> rings_of(const geo::polygon& poly) {
        std::vector<const geo::ring*> rings{&poly.outer};
        for (const auto& h : poly.holes) rings.push_back(&h);
        return rings;
    }
    std::size_t band_of(double y) const {
        double f = (y - box_.min_y) / band_height_;
        if (!(f > 0)) return 0;
        return std::min(static_cast<std::size_t>(f), bands_ - 1);
    }
    std::pair<std::size_t, std::size_t> band_range(std::uint32_t e) const {
        double y1 = vertices_[e].y, y2 = vertices_[e + 1].y;
        return {band_of(std::min(y1, y2)), band_of(std::max(y1, y2))};
    }

    geo::box box_;
    std::vector<geo::point> vertices_;
    std::size_t bands_ = 1;
    double band_height_ = 1;
    std::vector<std::uint32_t> offsets_;
    std::vector<std::uint32_t> band_edges_;
};

} // namespace

struct spatial_index::impl {
    bgi::rtree<rtree_value, bgi::rstar<16>> tree;
    std::vector<banded_shape> shapes;
};

spatial_index::spatial_index(std::span<const geo::multipolygon* const> shapes) : impl_(std::make_unique<impl>()) {
    std::vector<rtree_value> values;
    impl_->shapes.reserve(shapes.size());
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        impl_->shapes.emplace_back(*shapes[i]);
        auto b = geo::bounds(*shapes[i]);
        if (b.empty()) continue;
        values.emplace_back(bg_box(bg_point(b.min_x, b.min_y), bg_point(b.max_x, b.max_y)),
                            static_cast<std::uint32_t>(i));
    }
    impl_->tree = bgi::rtree<rtree_value, bgi::rstar<16>>(values); // bulk loading packs the tree
}

spatial_index::spatial_index(spatial_index&&) noexcept = default;
spatial_index& spatial_index::operator=(spatial_index&&) noexcept = default;
spatial_index::~spatial_index() = default;

std::optional<std::uint32_t> spatial_index::locate(geo::point p) const {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) return std::nullopt;
    std::optional<std::uint32_t> found;
    bg_point q(p.x, p.y);
    for (auto it = impl_->tree.qbegin(bgi::intersects(q)); it != impl_->tree.qend(); ++it) {
        if (impl_->shapes[it->second].contains(p)) {
            if (!found || it->second < *found) found = it->second;
        }
    }
    return found;
}

} // namespace naqsha::gazetteer
