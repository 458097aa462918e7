#include "gazetteer/spatial_index.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace naqsha::gazetteer {
namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using bg_point = bg::model::point<double, 2, bg::cs::cartesian>;
using bg_box = bg::model::box<bg_point>;
using rtree_value = std::pair<bg_box, std::uint32_t>;

struct edge {
    double x1, y1, x2, y2;
};

// The edges of one shape (every ring, outer and holes), bucketed by the horizontal bands they cross.
class banded_shape {
public:
    explicit banded_shape(const geo::multipolygon& shape) {
        std::vector<edge> all;
        for (const auto& poly : shape) {
            add_ring(poly.outer, all);
            for (const auto& hole : poly.holes) add_ring(hole, all);
        }
        box_ = geo::bounds(shape);
        if (all.empty() || box_.empty()) return;
        bands_ = std::clamp<std::size_t>(all.size() / 4, 1, 4096);
        band_height_ = (box_.max_y - box_.min_y) / static_cast<double>(bands_);
        if (!(band_height_ > 0)) {
            bands_ = 1;
            band_height_ = 1;
        }
        std::vector<std::uint32_t> counts(bands_ + 1, 0);
        for (const auto& e : all) {
            auto [lo, hi] = band_range(e);
            for (std::size_t b = lo; b <= hi; ++b) ++counts[b + 1];
        }
        for (std::size_t b = 1; b <= bands_; ++b) counts[b] += counts[b - 1];
        offsets_ = counts;
        edges_.resize(offsets_.back());
        for (const auto& e : all) {
            auto [lo, hi] = band_range(e);
            for (std::size_t b = lo; b <= hi; ++b) edges_[counts[b]++] = e;
        }
    }

    bool contains(geo::point p) const {
        if (!box_.contains(p) || edges_.empty()) return false;
        std::size_t b = band_of(p.y);
        bool inside = false;
        for (std::uint32_t k = offsets_[b]; k < offsets_[b + 1]; ++k) {
            const edge& e = edges_[k];
            if ((e.y1 > p.y) != (e.y2 > p.y)) {
                double x = e.x1 + (p.y - e.y1) * (e.x2 - e.x1) / (e.y2 - e.y1);
                if (p.x < x) inside = !inside;
            }
        }
        return inside;
    }

private:
    static void add_ring(const geo::ring& r, std::vector<edge>& out) {
        for (std::size_t i = 1; i < r.size(); ++i) {
            if (r[i - 1].y == r[i].y) continue; // horizontal edges never cross a horizontal ray
            out.push_back({r[i - 1].x, r[i - 1].y, r[i].x, r[i].y});
        }
    }
    std::size_t band_of(double y) const {
        double f = (y - box_.min_y) / band_height_;
        if (!(f > 0)) return 0;
        return std::min(static_cast<std::size_t>(f), bands_ - 1);
    }
    std::pair<std::size_t, std::size_t> band_range(const edge& e) const {
        return {band_of(std::min(e.y1, e.y2)), band_of(std::max(e.y1, e.y2))};
    }

    geo::box box_;
    std::size_t bands_ = 1;
    double band_height_ = 1;
    std::vector<std::uint32_t> offsets_;
    std::vector<edge> edges_;
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
