#include "render/tiles/legend.hpp"

#include "geo/atomic_file.hpp"
#include "geo/error.hpp"
#include "render/layers/palette.hpp"
#include "render/tiles/png_encoder.hpp"

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

namespace naqsha::tiles {
namespace {

const char* const font_candidates[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
};

class legend_painter {
public:
    legend_painter(int width, int height)
        : width_(width), height_(height), pixels_(std::size_t(width) * std::size_t(height) * 4, 0),
          buffer_(pixels_.data(), unsigned(width), unsigned(height), width * 4), format_(buffer_), base_(format_) {
        std::string font;
        for (const char* path : font_candidates)
            if (std::filesystem::exists(path)) {
                font = path;
                break;
            }
        if (font.empty()) throw data_error("no DejaVu Sans font for the legend (install fonts-dejavu-core)");
        if (FT_Init_FreeType(&library_) != 0 || FT_New_Face(library_, font.c_str(), 0, &face_) != 0)
            throw data_error(font + ": FreeType cannot load the font");
    }
    ~legend_painter() {
        if (face_ != nullptr) FT_Done_Face(face_);
        if (library_ != nullptr) FT_Done_FreeType(library_);
    }
    legend_painter(const legend_painter&) = delete;
    legend_painter& operator=(const legend_painter&) = delete;

    template <class Shape>
    void fill(Shape& shape, render::rgba c) {
        rasterizer_.reset();
        rasterizer_.add_path(shape);
        agg::render_scanlines_aa_solid(rasterizer_, scanline_, base_, premultiplied(c));
    }
    void rect(double x, double y, double w, double h, render::rgba fill_colour, render::rgba outline, double width) {
        agg::rounded_rect r(x, y, x + w, y + h, 0);
        fill(r, fill_colour);
        agg::conv_stroke<agg::rounded_rect> edge(r);
        edge.width(width);
        fill(edge, outline);
    }
    void line(double x0, double y0, double x1, double y1, double width, render::rgba c) {
        agg::path_storage path;
        path.move_to(x0, y0);
        path.line_to(x1, y1);
        agg::conv_stroke<agg::path_storage> stroke(path);
        stroke.width(width);
        fill(stroke, c);
    }
    void disc(double cx, double cy, double r, render::rgba fill_colour, render::rgba outline, double width) {
        agg::ellipse e(cx, cy, r, r);
        fill(e, fill_colour);
        agg::conv_stroke<agg::ellipse> edge(e);
        edge.width(width);
        fill(edge, outline);
    }
    // Draws ASCII text with its baseline at y.
    void text(double x, double y, std::string_view s, double pixel_size, render::rgba c) {
        FT_Set_Pixel_Sizes(face_, 0, FT_UInt(std::lround(pixel_size)));
        double pen = x;
        for (char ch : s) {
            if (FT_Load_Char(face_, FT_ULong(static_cast<unsigned char>(ch)), FT_LOAD_RENDER) != 0) continue;
            const FT_GlyphSlot g = face_->glyph;
            const int left = int(std::lround(pen)) + g->bitmap_left;
            const int top = int(std::lround(y)) - g->bitmap_top;
            for (unsigned row = 0; row < g->bitmap.rows; ++row)
                for (unsigned col = 0; col < g->bitmap.width; ++col) {
                    const int px = left + int(col), py = top + int(row);
                    if (px < 0 || py < 0 || px >= width_ || py >= height_) continue;
                    const unsigned cover = g->bitmap.buffer[row * unsigned(g->bitmap.pitch) + col];
                    if (cover != 0) base_.blend_pixel(px, py, premultiplied(c), agg::int8u(cover));
                }
            pen += double(g->advance.x) / 64.0;
        }
    }
    std::vector<std::uint8_t> straight_rgba() const {
        std::vector<std::uint8_t> out(pixels_);
        for (std::size_t i = 0; i < out.size(); i += 4) {
            const unsigned a = out[i + 3];
            if (a == 0 || a == 255) continue;
            for (std::size_t k = 0; k < 3; ++k)
                out[i + k] = std::uint8_t(std::min(255u, (out[i + k] * 255u + a / 2) / a));
        }
        return out;
    }

private:
    static agg::rgba8 premultiplied(render::rgba c) {
        agg::rgba8 out(c.r, c.g, c.b, c.a);
        out.premultiply();
        return out;
    }
    int width_, height_;
    std::vector<std::uint8_t> pixels_;
    agg::rendering_buffer buffer_;
    agg::pixfmt_rgba32_pre format_;
    agg::renderer_base<agg::pixfmt_rgba32_pre> base_;
    agg::rasterizer_scanline_aa<> rasterizer_;
    agg::scanline_u8 scanline_;
    FT_Library library_ = nullptr;
    FT_Face face_ = nullptr;
};

} // namespace

void write_legend(const std::filesystem::path& target, const std::vector<std::string>& layers, double scale) {
    const bool control = std::find(layers.begin(), layers.end(), "control") != layers.end();
    const bool incidents = std::find(layers.begin(), layers.end(), "incidents") != layers.end();
    const double row = 22 * scale, pad = 10 * scale, title = 15 * scale, label = 12 * scale;
    int rows = 0, titles = 0;
    if (control) rows += int(render::status_styles.size()) + 2, ++titles;
    if (incidents) rows += int(render::incident_classes.size()) + 1, ++titles;
    const int width = int(std::lround(230 * scale));
    const int height = int(std::lround(2 * pad + titles * (title + 10 * scale) + rows * row));

    legend_painter p(width, height);
    constexpr render::rgba ink{40, 40, 40, 255};
    p.rect(0.5 * scale, 0.5 * scale, width - scale, height - scale, {255, 255, 255, 235}, {150, 150, 150, 255}, scale);
    double y = pad;
    const double swatch_w = 26 * scale, swatch_h = 14 * scale, text_x = pad + swatch_w + 10 * scale;
    auto heading = [&](std::string_view s) {
        y += title;
        p.text(pad, y, s, title, ink);
        y += 10 * scale;
    };
    auto label_at = [&](std::string_view s) { p.text(text_x, y + row / 2 + label * 0.35, s, label, ink); };
    if (control) {
        heading("District control");
        for (const auto& st : render::status_styles) {
            p.rect(pad, y + (row - swatch_h) / 2, swatch_w, swatch_h, st.fill, render::district_border,
                   render::district_border_width_px * scale);
            label_at(st.label);
            y += row;
        }
        p.line(pad, y + row / 2, pad + swatch_w, y + row / 2, render::district_border_width_px * scale,
               render::district_border);
        label_at("District border");
        y += row;
        p.line(pad, y + row / 2, pad + swatch_w, y + row / 2, render::province_border_width_px * scale,
               render::province_border);
        label_at("Province border");
        y += row;
    }
    if (incidents) {
        heading("Incidents");
        for (const auto& cls : render::incident_classes) {
            p.disc(pad + swatch_w / 2, y + row / 2, cls.radius_px * scale * 0.85, render::incident_fill,
                   render::incident_outline, scale);
            label_at(cls.label);
            y += row;
        }
        auto shade = render::incident_fill;
        shade.a = 96;
        p.rect(pad, y + (row - swatch_h) / 2, swatch_w, swatch_h, shade, render::province_border, 0.6 * scale);
        label_at("Province-level reports");
        y += row;
    }
    const auto rgba = p.straight_rgba();
    write_file_atomically(target, encode_png(rgba, width, height, {6, false}));
}

} // namespace naqsha::tiles
