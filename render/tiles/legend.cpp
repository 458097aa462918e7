#include "render/tiles/legend.hpp"

#include "base/atomic_file.hpp"
#include "render/palette/palette.hpp"
#include "render/tiles/painter.hpp"
#include "render/tiles/png_encoder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <span>

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
    if (spec.control) rows += int(render::status_styles.size()) + 3; // the states, no information, two borders
    if (spec.incidents) rows += int(render::incident_classes.size()) + 1;
    return rows;
}

constexpr render::rgba ink{40, 40, 40, 255};
constexpr render::rgba no_fill{255, 255, 255, 0};

void draw_box(painter& p, double x, double y, int width, int height, double scale) {
    p.rect(x + 0.5 * scale, y + 0.5 * scale, width - scale, height - scale, {255, 255, 255, 235}, {150, 150, 150, 255}, scale);
}

// A section title from y down; returns the y below it.
double draw_heading(painter& p, const metrics& m, double left, double y, std::string_view title, double scale) {
    y += m.title;
    p.text(left, y, title, m.title, ink);
    return y + 10 * scale;
}

void draw_label(painter& p, const metrics& m, double x, double y, std::string_view label) {
    p.text(x + m.text_x, y + m.row / 2 + m.label * 0.35, label, m.label, ink);
}

// One row per swatch, then the district and province border styles; returns the y below them.
double draw_swatch_rows(painter& p, const metrics& m, double x, double y, std::span<const swatch> swatches, double scale) {
    const double left = x + m.pad;
    for (const auto& s : swatches) {
        p.rect(left, y + (m.row - m.swatch_h) / 2, m.swatch_w, m.swatch_h, s.fill, render::district_border,
               render::district_border_width_px * scale);
        draw_label(p, m, x, y, s.label);
        y += m.row;
    }
    p.line(left, y + m.row / 2, left + m.swatch_w, y + m.row / 2, render::district_border_width_px * scale,
           render::district_border);
    draw_label(p, m, x, y, "District border");
    y += m.row;
    p.line(left, y + m.row / 2, left + m.swatch_w, y + m.row / 2, render::province_border_width_px * scale,
           render::province_border);
    draw_label(p, m, x, y, "Province border");
    return y + m.row;
}

} // namespace

legend_box swatch_legend(std::string title, std::vector<swatch> swatches) {
    const metrics m(1.0);
    double text_width = 0;
    {
        painter measure(1, 1);
        text_width = measure.text_width(title, m.title) - m.text_x + m.pad;
        for (const auto& s : swatches) text_width = std::max(text_width, measure.text_width(s.label, m.label));
    }
    legend_box box;
    box.width = int(std::ceil(m.text_x + text_width + m.pad));
    box.height = int(std::lround(2 * m.pad + m.title + 10 + double(swatches.size() + 2) * m.row));
    box.draw = [title = std::move(title), swatches = std::move(swatches), width = box.width, height = box.height](
                   painter& p, double x, double y) {
        const metrics at_scale_1(1.0);
        draw_box(p, x, y, width, height, 1.0);
        y = draw_heading(p, at_scale_1, x + at_scale_1.pad, y + at_scale_1.pad, title, 1.0);
        draw_swatch_rows(p, at_scale_1, x, y, swatches, 1.0);
    };
    return box;
}

std::pair<int, int> legend_size(const legend_spec& spec, double scale) {
    const metrics m(scale);
    const int titles = int(spec.control) + int(spec.incidents);
    return {int(std::lround((spec.show_counts ? 260 : 230) * scale)), int(std::lround(2 * m.pad + titles * (m.title + 10 * scale) + rows_of(spec) * m.row))};
}

void draw_legend(painter& p, double x, double y, const legend_spec& spec, double scale) {
    const metrics m(scale);
    const auto [width, height] = legend_size(spec, scale);
    draw_box(p, x, y, width, height, scale);
    y += m.pad;
    const double left = x + m.pad;
    auto heading = [&](std::string_view s) { y = draw_heading(p, m, left, y, s, scale); };
    auto label_at = [&](std::string_view s) { draw_label(p, m, x, y, s); };
    if (spec.control) {
        heading("District control");
        std::vector<swatch> swatches;
        for (const auto& st : render::status_styles)
            swatches.push_back({spec.show_counts ? fmt::format("{} ({})", st.label, spec.district_counts[std::size_t(st.status)])
                                                 : std::string(st.label),
                                st.fill});
        // a district no evidence places in any state is left unpainted, on the tiles as on the preview
        swatches.push_back({spec.show_counts ? fmt::format("No information ({})", spec.unknown_districts)
                                             : std::string("No information"),
                            no_fill});
        y = draw_swatch_rows(p, m, x, y, swatches, scale);
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
