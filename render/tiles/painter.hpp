#pragma once
// A free-size RGBA image painted with AGG (shapes) and FreeType (text): what the legend and the
// preview are drawn with. Tiles use tile_canvas, which is tuned for many small images.
#include "render/palette/palette.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace naqsha::tiles {

class painter {
public:
    // Throws data_error when no usable font is installed.
    painter(int width, int height, render::rgba background = {0, 0, 0, 0});
    ~painter();
    painter(const painter&) = delete;
    painter& operator=(const painter&) = delete;

    int width() const { return width_; }
    int height() const { return height_; }

    void rect(double x, double y, double w, double h, render::rgba fill, render::rgba outline, double outline_width);
    void line(double x0, double y0, double x1, double y1, double width, render::rgba colour);
    void disc(double cx, double cy, double r, render::rgba fill, render::rgba outline, double outline_width);
    // Draws text (UTF-8; glyphs the font lacks are skipped) with its baseline at y.
    void text(double x, double y, std::string_view s, double pixel_size, render::rgba colour);
    // The advance width of text at a size, for layout.
    double text_width(std::string_view s, double pixel_size);
    // Composites a straight-RGBA image with its top-left corner at (x, y).
    void draw_image(std::span<const std::uint8_t> rgba, int width, int height, int x, int y);

    // Straight (not premultiplied) RGBA rows.
    std::vector<std::uint8_t> straight_rgba() const;

private:
    struct state;
    int width_, height_;
    std::vector<std::uint8_t> pixels_; // premultiplied RGBA
    std::unique_ptr<state> state_;
};

} // namespace naqsha::tiles
