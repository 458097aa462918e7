#pragma once
// The naqsha.qgz QGIS project: every layer from the GeoPackage by relative path, with its style, the
// temporal controller spanning the run's dates and the view on Afghanistan. The XML follows what
// QGIS 3.22 writes; nothing in it depends on the clock, so equal input gives an identical file.
#include "render/layers/layer_tables.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace naqsha::layers {

struct project_settings {
    std::string gpkg_name = "naqsha.gpkg";   // beside the project
    std::string title;
    std::optional<day_number> as_of;         // the map date, none when there is none
};

// The .qgs document.
std::string qgs_document(const layer_set& layers, const project_settings& settings);

// Writes `qgs` as the single file <stem>.qgs inside the zip `target` (a .qgz), replacing it atomically.
void write_qgz(const std::filesystem::path& target, const std::string& qgs);

} // namespace naqsha::layers
