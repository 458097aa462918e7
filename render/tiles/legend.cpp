#include "render/tiles/legend.hpp"

#include "geo/atomic_file.hpp"
#include "render/layers/palette.hpp"
#include "render/tiles/painter.hpp"
#include "render/tiles/png_encoder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace naqsha::tiles {
namespace {

struct metrics {
    double row, pad, title, label, swatch_w, swatch_h, text_x;
    explicit metrics(double scale)
        : row(22 * scale), pad(10 * scale), title(15 * scale), label(12 * scale), swatch_w(26 * scale),
          swatch_h(14 * scale), text_x(pad + swatch_w + 10 * scale) {}
};

int rows_of(const legend_spec& spec) {
    int rows = 0;
    if (spec.control) rows += int(render::status_styles.size()) + 2 + (spec.show_counts ? 1 : 0);
    if (spec.incidents) rows += int(render::incident_classes.size()) + 1;
    return rows;
}

} // namespace

std::pair<int, int> legend_size(const legend_spec& spec, double scale) {
    const metrics m(scale);
    const int titles = int(spec.control) + int(spec.incidents);
    return {int(std::lround((spec.show_counts ? 260 : 230) * scale)), int(std::lround(2 * m.pad + titles * (m.title + 10 * scale) + rows_of(spec) * m.row))};
}

void draw_legend(painter& p, double x, double y, const legend_spec& spec, double scale) {
    const metrics m(scale);
    const auto [width, height] = legend_size(spec, scale);
    constexpr render::rgba ink{40, 40, 40, 255};
    p.rect(x + 0.5 * scale, y + 0.5 * scale, width - scale, height - scale, {255, 255, 255, 235}, {150, 150, 150, 255}, scale);
    y += m.pad;
    const double left = x + m.pad;
    auto heading = [&](std::string_view s) {
        y += m.title;
        p.text(left, y, s, m.title, ink);
        y += 10 * scale;
    };
    auto label_at = [&](std::string_view s) { p.text(x + m.text_x, y + m.row / 2 + m.label * 0.35, s, m.label, ink); };
    if (spec.control) {
        heading("District control");
        for (const auto& st : render::status_styles) {
            p.rect(left, y + (m.row - m.swatch_h) / 2, m.swatch_w, m.swatch_h, st.fill, render::district_border,
                   render::district_border_width_px * scale);
            label_at(spec.show_counts ? fmt::format("{} ({})", st.label, spec.district_counts[std::size_t(st.status)])
                                      : std::string(st.label));
            y += m.row;
        }
        if (spec.show_counts) {
            p.rect(left, y + (m.row - m.swatch_h) / 2, m.swatch_w, m.swatch_h, {255, 255, 255, 0}, render::district_border,
                   render::district_border_width_px * scale);
            label_at(fmt::format("No information ({})", spec.unknown_districts));
            y += m.row;
        }
        p.line(left, y + m.row / 2, left + m.swatch_w, y + m.row / 2, render::district_border_width_px * scale,
               render::district_border);
        label_at("District border");
        y += m.row;
        p.line(left, y + m.row / 2, left + m.swatch_w, y + m.row / 2, render::province_border_width_px * scale,
               render::province_border);
        label_at("Province border");
        y += m.row;
    }
    if (spec.incidents) {
        heading("Incidents");
        for (const auto& cls : render::incident_classes) {
            p.disc(left + m.swatch_w / 2, y + m.row / 2, cls.radius_px * scale * 0.85, render::incident_fill,
                   render::incident_outline, scale);
            label_at(cls.label);
            y += m.row;
        }
        auto shade = render::incident_fill;
        shade.a = 96;
        p.rect(left, y + (m.row - m.swatch_h) / 2, m.swatch_w, m.swatch_h, shade, render::province_border, 0.6 * scale);
        label_at("Province-level reports");
        y += m.row;
    }
}

void write_legend(const std::filesystem::path& target, const std::vector<std::string>& layers, double scale) {
    legend_spec spec;
    spec.control = std::find(layers.begin(), layers.end(), "control") != layers.end();
    spec.incidents = std::find(layers.begin(), layers.end(), "incidents") != layers.end();
    const auto [width, height] = legend_size(spec, scale);
    painter p(width, height);
    draw_legend(p, 0, 0, spec, scale);
    write_file_atomically(target, encode_png(p.straight_rgba(), width, height, {6, false}));
}

} // namespace naqsha::tiles
