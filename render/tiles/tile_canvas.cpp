#include "render/tiles/tile_canvas.hpp"

#include "render/tiles/opacity.hpp"

// AGG's vertex loops read x/y only after a command that sets them; GCC cannot see that.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <agg_conv_stroke.h>
#include <agg_ellipse.h>
#include <agg_pixfmt_rgba.h>
#include <agg_rasterizer_compound_aa.h>
#include <agg_rasterizer_scanline_aa.h>
#include <agg_renderer_base.h>
#include <agg_renderer_scanline.h>
#include <agg_rendering_buffer.h>
#include <agg_scanline_bin.h>
#include <agg_scanline_u.h>
#include <agg_span_allocator.h>

#include <algorithm>
#include <cstring>

namespace naqsha::tiles {
namespace {

using pixfmt = agg::pixfmt_rgba32_pre;
using base_renderer = agg::renderer_base<pixfmt>;

agg::rgba8 premultiplied(render::rgba c) {
    agg::rgba8 out(c.r, c.g, c.b, c.a);
    out.premultiply();
    return out;
}

// Solid colours for the compound rasterizer, one style per distinct colour.
struct solid_styles {
    std::vector<agg::rgba8> colours;
    bool is_solid(unsigned) const { return true; }
    const agg::rgba8& color(unsigned style) const { return colours[style]; }
    void generate_span(agg::rgba8*, int, int, unsigned, unsigned) {}
};

// A run of consecutive points of one arc, as an AGG vertex source.
class polyline_source {
public:
    polyline_source(std::span<const geo::point> pts, geo::point origin) : pts_(pts), origin_(origin) {}
    void rewind(unsigned) { i_ = 0; }
    unsigned vertex(double* x, double* y) {
        if (i_ >= pts_.size()) return agg::path_cmd_stop;
        *x = pts_[i_].x - origin_.x;
        *y = pts_[i_].y - origin_.y;
        return i_++ == 0 ? agg::path_cmd_move_to : agg::path_cmd_line_to;
    }

private:
    std::span<const geo::point> pts_;
    geo::point origin_;
    std::size_t i_ = 0;
};

bool segment_near(geo::point a, geo::point b, const geo::box& window) {
    return std::max(a.x, b.x) >= window.min_x && std::min(a.x, b.x) <= window.max_x &&
           std::max(a.y, b.y) >= window.min_y && std::min(a.y, b.y) <= window.max_y;
}

} // namespace

struct tile_canvas::agg_state {
    agg::rendering_buffer buffer;
    pixfmt format{buffer};
    base_renderer base{format};
    agg::rasterizer_compound_aa<agg::rasterizer_sl_clip_dbl> compound;
    agg::rasterizer_scanline_aa<agg::rasterizer_sl_clip_dbl> single;
    agg::scanline_u8 scanline;
    agg::scanline_bin scanline_bin;
    agg::span_allocator<agg::rgba8> spans;
    solid_styles styles;
};

tile_canvas::tile_canvas(int size) : size_(size), pixels_(std::size_t(size) * std::size_t(size) * 4, 0),
                                     agg_(std::make_unique<agg_state>()) {
    agg_->buffer.attach(pixels_.data(), unsigned(size), unsigned(size), size * 4);
    agg_->format.attach(agg_->buffer);
    agg_->base.attach(agg_->format);
}

tile_canvas::~tile_canvas() = default;

void tile_canvas::clear() { std::fill(pixels_.begin(), pixels_.end(), std::uint8_t{0}); }

void tile_canvas::fill_faces(const zoom_geometry& zg, std::span<const face_fill> faces, geo::point origin) {
    if (faces.empty()) return;
    auto& ras = agg_->compound;
    ras.reset();
    ras.filling_rule(agg::fill_even_odd);
    ras.clip_box(-1, -1, size_ + 1, size_ + 1);
    auto& colours = agg_->styles.colours;
    colours.clear();
    const geo::box window{origin.x - 2, origin.y - 2, origin.x + size_ + 2, origin.y + size_ + 2};
    for (const auto& f : faces) {
        const agg::rgba8 c = premultiplied(f.colour);
        auto it = std::find_if(colours.begin(), colours.end(), [&](const agg::rgba8& k) {
            return k.r == c.r && k.g == c.g && k.b == c.b && k.a == c.a;
        });
        const int style = static_cast<int>(it - colours.begin());
        if (it == colours.end()) colours.push_back(c);
        ras.styles(style, -1);
        for (const auto& ring : zg.topo->faces[f.face]) {
            bool first = true;
            for (const auto& use : ring) {
                const auto& pts = zg.arcs[use.arc];
                const std::size_t n = pts.size();
                // An arc wholly on one side of the tile can be replaced by the chord between its ends: the
                // loop they form lies in that half-plane, so no winding number inside the tile changes.
                const geo::box& b = zg.arc_bounds[use.arc];
                const bool outside = b.max_x < window.min_x || b.min_x > window.max_x || b.max_y < window.min_y ||
                                     b.min_y > window.max_y;
                const std::size_t step = outside && n > 2 ? n - 1 : 1;
                // The first point of each following arc repeats the last of the one before.
                for (std::size_t k = first ? 0 : step; k < n; k += step) {
                    const auto& p = pts[use.reversed ? n - 1 - k : k];
                    const double x = p.x - origin.x, y = p.y - origin.y;
                    if (first) ras.move_to_d(x, y), first = false;
                    else ras.line_to_d(x, y);
                }
            }
        }
    }
    agg::render_scanlines_compound(ras, agg_->scanline, agg_->scanline_bin, agg_->base, agg_->spans,
                                   agg_->styles);
}

void tile_canvas::stroke_arcs(const zoom_geometry& zg, std::span<const std::uint32_t> arcs, geo::point origin,
                              double width, render::rgba colour) {
    if (arcs.empty()) return;
    auto& ras = agg_->single;
    ras.reset();
    ras.clip_box(-4, -4, size_ + 4, size_ + 4);
    // Only the segments near the tile are stroked; the margin keeps joins and caps outside it.
    const double margin = width + 4;
    const geo::box window{origin.x - margin, origin.y - margin, origin.x + size_ + margin, origin.y + size_ + margin};
    for (std::uint32_t a : arcs) {
        const auto& pts = zg.arcs[a];
        std::size_t i = 0;
        while (i + 1 < pts.size()) {
            while (i + 1 < pts.size() && !segment_near(pts[i], pts[i + 1], window)) ++i;
            if (i + 1 >= pts.size()) break;
            std::size_t j = i + 1;
            while (j + 1 < pts.size() && segment_near(pts[j], pts[j + 1], window)) ++j;
            polyline_source run(std::span<const geo::point>(pts).subspan(i, j - i + 1), origin);
            agg::conv_stroke<polyline_source> stroke(run);
            stroke.width(width);
            stroke.line_join(agg::round_join);
            stroke.line_cap(agg::round_cap);
            ras.add_path(stroke);
            i = j;
        }
    }
    agg::render_scanlines_aa_solid(ras, agg_->scanline, agg_->base, premultiplied(colour));
}

void tile_canvas::draw_circles(std::span<const circle> circles) {
    auto& ras = agg_->single;
    for (const auto& c : circles) {
        agg::ellipse shape(c.centre.x, c.centre.y, c.radius, c.radius);
        ras.reset();
        ras.clip_box(-1, -1, size_ + 1, size_ + 1);
        ras.add_path(shape);
        agg::render_scanlines_aa_solid(ras, agg_->scanline, agg_->base, premultiplied(c.fill));
        if (c.outline_width > 0) {
            agg::conv_stroke<agg::ellipse> ring(shape);
            ring.width(c.outline_width);
            ras.reset();
            ras.add_path(ring);
            agg::render_scanlines_aa_solid(ras, agg_->scanline, agg_->base, premultiplied(c.outline));
        }
    }
}

bool tile_canvas::blank() const {
    for (std::size_t i = 3; i < pixels_.size(); i += 4)
        if (pixels_[i] != 0) return false;
    return true;
}

tile_canvas::straight_pixels tile_canvas::straight_rgba() {
    if (all_opaque(pixels_)) return {pixels_, true};
    straight_.resize(pixels_.size());
    const std::uint8_t* in = pixels_.data();
    std::uint8_t* out = straight_.data();
    for (std::size_t i = 0; i < pixels_.size(); i += 4) {
        const unsigned a = in[i + 3];
        if (a == 255) { // opaque, as most pixels are: nothing to undo
            std::memcpy(out + i, in + i, 4);
        } else if (a == 0) {
            std::memset(out + i, 0, 4);
        } else {
            for (std::size_t k = 0; k < 3; ++k)
                out[i + k] = static_cast<std::uint8_t>(std::min(255u, (in[i + k] * 255u + a / 2) / a));
            out[i + 3] = static_cast<std::uint8_t>(a);
        }
    }
    return {straight_, false};
}

render::rgba tile_canvas::pixel(int x, int y) const {
    const std::size_t i = (std::size_t(y) * std::size_t(size_) + std::size_t(x)) * 4;
    render::rgba c{pixels_[i], pixels_[i + 1], pixels_[i + 2], pixels_[i + 3]};
    if (c.a != 0 && c.a != 255) {
        c.r = static_cast<std::uint8_t>(std::min(255u, (c.r * 255u + c.a / 2u) / c.a));
        c.g = static_cast<std::uint8_t>(std::min(255u, (c.g * 255u + c.a / 2u) / c.a));
        c.b = static_cast<std::uint8_t>(std::min(255u, (c.b * 255u + c.a / 2u) / c.a));
    }
    return c;
}

} // namespace naqsha::tiles
