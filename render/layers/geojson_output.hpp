#pragma once
// One RFC 7946 GeoJSON file per layer, written by GDAL's GeoJSON driver (RFC7946=YES: WGS 84,
// counter-clockwise outer rings, no `crs` member), with a QGIS .qml style beside it.
#include "render/layers/ogr_tables.hpp"

#include <filesystem>

namespace naqsha::layers {

struct geojson_files {
    std::filesystem::path geojson, qml;
};

// Writes <out_dir>/<layer>.geojson and <out_dir>/<layer>.qml, each replacing its target atomically.
geojson_files write_geojson_layer(const layer_table& table, const std::filesystem::path& out_dir,
                                  int coordinate_precision, ogr_geometry_cache& geometries);

} // namespace naqsha::layers
