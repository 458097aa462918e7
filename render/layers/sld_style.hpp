#pragma once
// OGC SLD 1.1 styles from the layer definitions, for the GeoPackage's layer_styles.styleSLD column, so
// clients other than QGIS (GeoServer, ArcGIS Pro's importers) get the same palette.
#include "render/layers/layer_catalog.hpp"

#include <string>

namespace naqsha::layers {

std::string sld_document(const layer_definition& def);

} // namespace naqsha::layers
