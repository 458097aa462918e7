#pragma once
// The legend PNG for the tile layers: status colours, border styles, incident circle classes and the
// province shade, drawn in the same palette as the tiles (render/layers/palette.hpp).
#include <filesystem>
#include <string>
#include <vector>

namespace naqsha::tiles {

// Writes the legend for the given layers ("control", "incidents") atomically. `scale` 2 for @2x.
// Throws output_error (unwritable) or data_error (no font found).
void write_legend(const std::filesystem::path& target, const std::vector<std::string>& layers, double scale);

} // namespace naqsha::tiles
