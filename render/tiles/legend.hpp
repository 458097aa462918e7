#pragma once
// The legend for the tile layers and the preview: status colours, border styles, incident circle
// classes and the province shade, drawn in the same palette as the tiles (render/palette/palette.hpp).
#include "render/palette/palette.hpp"

#include <array>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace naqsha::tiles {

class painter;

struct legend_spec {
    bool control = true;
    bool incidents = true;
    std::array<int, 4> district_counts{};  // per control_status, shown when show_counts
    int unknown_districts = 0;             // districts with no information (not painted)
    bool show_counts = false;
};

// Width and height in pixels of the legend box at `scale`.
std::pair<int, int> legend_size(const legend_spec& spec, double scale);
// Draws the legend box with its top-left corner at (x, y).
void draw_legend(painter& p, double x, double y, const legend_spec& spec, double scale);

// A legend drawn by the caller's picture: its size, and how to draw it with its top-left corner at (x, y).
struct legend_box {
    int width = 0, height = 0;
    std::function<void(painter&, double x, double y)> draw;
};

// A coloured swatch and its label.
struct swatch {
    std::string label;
    render::rgba fill;
};

// A legend of swatches under a title, with the district and province border styles below, at scale 1.
// Throws data_error when no usable font is installed (the labels are measured).
legend_box swatch_legend(std::string title, std::vector<swatch> swatches);

// Writes the legend for the given layers ("control", "incidents") atomically. `scale` 2 for @2x.
// Throws output_error (unwritable) or data_error (no font found).
void write_legend(const std::filesystem::path& target, const std::vector<std::string>& layers, double scale);

} // namespace naqsha::tiles
