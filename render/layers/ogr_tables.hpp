#pragma once
// Writes layer tables into OGR datasets (the GeoJSON and GeoPackage drivers), in EPSG:4326 with
// longitude/latitude axis order.
#include "geo/gdal_handles.hpp"
#include "render/layers/layer_tables.hpp"

#include <cpl_string.h>

#include <memory>
#include <unordered_map>

namespace naqsha::layers {

// OGR copies of the reference polygons, converted once and shared by every layer and format.
class ogr_geometry_cache {
public:
    // `tolerance`: degrees of the topology-preserving simplification get(shape, true) applies.
    explicit ogr_geometry_cache(double tolerance = 0) : tolerance_(tolerance) {}

    const OGRMultiPolygon& get(const geo::multipolygon& shape, bool simplified = false);

private:
    double tolerance_;
    std::unordered_map<const geo::multipolygon*, std::unique_ptr<OGRMultiPolygon>> full_, simplified_;
};

// WGS 84 (EPSG:4326), longitude first.
const OGRSpatialReference& wgs84();

// Creates the layer `table.definition->name` in `dataset` with `creation_options` and writes every
// feature. Throws output_error naming `where` when OGR refuses.
void write_ogr_layer(GDALDataset& dataset, const layer_table& table, CSLConstList creation_options,
                     ogr_geometry_cache& geometries, const std::string& where);

// The last GDAL error message, or `fallback` when GDAL said nothing.
std::string gdal_error_or(std::string_view fallback);

} // namespace naqsha::layers
