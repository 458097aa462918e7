#pragma once
// One tile's pixels, painted with AGG (anti-aliased, premultiplied RGBA, transparent background).
// AGG stays inside tile_canvas.cpp.
#include "geo/types.hpp"
#include "render/palette/palette.hpp"
#include "render/tiles/zoom_geometry.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace naqsha::tiles {

struct face_fill {
    std::uint32_t face = 0;
    render::rgba colour{};
};

struct circle {
    geo::point centre;   // tile pixels
    double radius = 0;
    render::rgba fill{};
    render::rgba outline{};
    double outline_width = 1;
};

class tile_canvas {
public:
    explicit tile_canvas(int size);
    ~tile_canvas();
    tile_canvas(const tile_canvas&) = delete;
    tile_canvas& operator=(const tile_canvas&) = delete;

    int size() const { return size_; }
    void clear();

    // Fills faces in one compound pass: where neighbours meet, their coverages add up to one, so no
    // background shows through along shared borders. `origin` is the tile's top-left in global pixels.
    void fill_faces(const zoom_geometry& zg, std::span<const face_fill> faces, geo::point origin);
    // Strokes the given arcs (only their parts near the tile).
    void stroke_arcs(const zoom_geometry& zg, std::span<const std::uint32_t> arcs, geo::point origin, double width,
                     render::rgba colour);
    void draw_circles(std::span<const circle> circles);

    bool blank() const;
    struct straight_pixels {
        std::span<const std::uint8_t> rgba;
        bool opaque = false; // every alpha is 255: the encoder need not look again
    };
    // Straight (not premultiplied) RGBA rows, for encoding; valid until the canvas next changes.
    // An opaque tile is its own straight form, so it is returned without a copy.
    straight_pixels straight_rgba();
    // Straight RGBA of one pixel, for tests and previews.
    render::rgba pixel(int x, int y) const;

private:
    struct agg_state;
    int size_;
    std::vector<std::uint8_t> pixels_; // premultiplied RGBA
    std::vector<std::uint8_t> straight_;
    std::unique_ptr<agg_state> agg_;
};

} // namespace naqsha::tiles
