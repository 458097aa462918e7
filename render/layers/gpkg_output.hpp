#pragma once
// The layers inside the run's GeoPackage, each with its default QGIS style (QML and SLD,
// useAsDefault=1) in the `layer_styles` table that QGIS reads when it opens a layer.
#include "render/layers/ogr_tables.hpp"

#include "base/calendar.hpp"

#include <filesystem>

namespace naqsha::layers {

// Replaces the layer tables and their style rows in the GeoPackage `target`, creating it when it does
// not exist and keeping every other table (the store's). The work happens on a copy, which is compacted
// into a fresh file (VACUUM INTO) and renamed over `target`. Midnight UTC of `stamp_day` is written
// wherever GeoPackage wants a time of change, so equal input gives an identical file.
void write_gpkg_layers(const layer_set& layers, const std::filesystem::path& target, day_number stamp_day,
                       ogr_geometry_cache& geometries);

} // namespace naqsha::layers
