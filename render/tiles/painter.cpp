#include "render/tiles/painter.hpp"

#include "base/error.hpp"
#include "base/utf8.hpp"

// AGG's vertex loops read x/y only after a command that sets them; GCC cannot see that.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <agg_conv_stroke.h>
#include <agg_ellipse.h>
#include <agg_path_storage.h>
#include <agg_pixfmt_rgba.h>
#include <agg_rasterizer_scanline_aa.h>
#include <agg_renderer_base.h>
#include <agg_renderer_scanline.h>
#include <agg_rendering_buffer.h>
#include <agg_rounded_rect.h>
#include <agg_scanline_u.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>

namespace naqsha::tiles {
namespace {

const char* const font_candidates[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
};

agg::rgba8 premultiplied(render::rgba c) {
    agg::rgba8 out(c.r, c.g, c.b, c.a);
    out.premultiply();
    return out;
}

} // namespace

struct painter::state {
    agg::rendering_buffer buffer;
    agg::pixfmt_rgba32_pre format{buffer};
    agg::renderer_base<agg::pixfmt_rgba32_pre> base{format};
    agg::rasterizer_scanline_aa<> rasterizer;
    agg::scanline_u8 scanline;
    FT_Library library = nullptr;
    FT_Face face = nullptr;

    ~state() {
        if (face != nullptr) FT_Done_Face(face);
        if (library != nullptr) FT_Done_FreeType(library);
    }

    template <class Shape>
    void fill(Shape& shape, render::rgba c) {
        rasterizer.reset();
        rasterizer.add_path(shape);
        agg::render_scanlines_aa_solid(rasterizer, scanline, base, premultiplied(c));
    }
};

painter::painter(int width, int height, render::rgba background)
    : width_(width), height_(height), pixels_(std::size_t(width) * std::size_t(height) * 4, 0),
      state_(std::make_unique<state>()) {
    state_->buffer.attach(pixels_.data(), unsigned(width), unsigned(height), width * 4);
    state_->format.attach(state_->buffer);
    state_->base.attach(state_->format);
    if (background.a != 0) state_->base.clear(premultiplied(background));
    std::string font;
    for (const char* path : font_candidates)
        if (std::filesystem::exists(path)) {
            font = path;
            break;
        }
    if (font.empty()) throw data_error("no DejaVu Sans font for legends and previews (install fonts-dejavu-core)");
    if (FT_Init_FreeType(&state_->library) != 0 || FT_New_Face(state_->library, font.c_str(), 0, &state_->face) != 0)
        throw data_error(font + ": FreeType cannot load the font");
}

painter::~painter() = default;

void painter::rect(double x, double y, double w, double h, render::rgba fill, render::rgba outline, double outline_width) {
    agg::rounded_rect r(x, y, x + w, y + h, 0);
    state_->fill(r, fill);
    if (outline_width <= 0) return;
    agg::conv_stroke<agg::rounded_rect> edge(r);
    edge.width(outline_width);
    state_->fill(edge, outline);
}

void painter::line(double x0, double y0, double x1, double y1, double width, render::rgba colour) {
    agg::path_storage path;
    path.move_to(x0, y0);
    path.line_to(x1, y1);
    agg::conv_stroke<agg::path_storage> stroke(path);
    stroke.width(width);
    state_->fill(stroke, colour);
}

void painter::disc(double cx, double cy, double r, render::rgba fill, render::rgba outline, double outline_width) {
    agg::ellipse e(cx, cy, r, r);
    state_->fill(e, fill);
    agg::conv_stroke<agg::ellipse> edge(e);
    edge.width(outline_width);
    state_->fill(edge, outline);
}

void painter::text(double x, double y, std::string_view s, double pixel_size, render::rgba colour) {
    FT_Face face = state_->face;
    FT_Set_Pixel_Sizes(face, 0, FT_UInt(std::lround(pixel_size)));
    double pen = x;
    for (std::size_t i = 0; i < s.size();) {
        const char32_t cp = next_utf8(s, i);
        if (FT_Load_Char(face, FT_ULong(cp), FT_LOAD_RENDER) != 0) continue;
        const FT_GlyphSlot g = face->glyph;
        const int left = int(std::lround(pen)) + g->bitmap_left;
        const int top = int(std::lround(y)) - g->bitmap_top;
        for (unsigned row = 0; row < g->bitmap.rows; ++row)
            for (unsigned col = 0; col < g->bitmap.width; ++col) {
                const int px = left + int(col), py = top + int(row);
                if (px < 0 || py < 0 || px >= width_ || py >= height_) continue;
                const unsigned cover = g->bitmap.buffer[row * unsigned(g->bitmap.pitch) + col];
                if (cover != 0) state_->base.blend_pixel(px, py, premultiplied(colour), agg::int8u(cover));
            }
        pen += double(g->advance.x) / 64.0;
    }
}

double painter::text_width(std::string_view s, double pixel_size) {
    FT_Face face = state_->face;
    FT_Set_Pixel_Sizes(face, 0, FT_UInt(std::lround(pixel_size)));
    double width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const char32_t cp = next_utf8(s, i);
        if (FT_Load_Char(face, FT_ULong(cp), FT_LOAD_DEFAULT) == 0) width += double(face->glyph->advance.x) / 64.0;
    }
    return width;
}

void painter::draw_image(std::span<const std::uint8_t> rgba, int width, int height, int x, int y) {
    for (int row = 0; row < height; ++row) {
        const int py = y + row;
        if (py < 0 || py >= height_) continue;
        for (int col = 0; col < width; ++col) {
            const int px = x + col;
            if (px < 0 || px >= width_) continue;
            const std::size_t k = (std::size_t(row) * std::size_t(width) + std::size_t(col)) * 4;
            if (rgba[k + 3] == 0) continue;
            state_->base.blend_pixel(px, py, premultiplied({rgba[k], rgba[k + 1], rgba[k + 2], rgba[k + 3]}), 255);
        }
    }
}

std::vector<std::uint8_t> painter::straight_rgba() const {
    std::vector<std::uint8_t> out(pixels_);
    for (std::size_t i = 0; i < out.size(); i += 4) {
        const unsigned a = out[i + 3];
        if (a == 0 || a == 255) continue;
        for (std::size_t k = 0; k < 3; ++k) out[i + k] = std::uint8_t(std::min(255u, (out[i + k] * 255u + a / 2) / a));
    }
    return out;
}

} // namespace naqsha::tiles
