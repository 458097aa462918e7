#pragma once
// QGIS layer styles (QML) from the layer definitions: the renderer, temporal properties, labels and
// field aliases. The same elements go into a .qml file, the GeoPackage's layer_styles table and each
// <maplayer> of the project, so the three always agree.
#include "render/layers/layer_catalog.hpp"
#include "render/layers/xml_writer.hpp"

#include <string>

namespace naqsha::layers {

// The QGIS release whose file format these styles and projects follow.
inline constexpr std::string_view qgis_format_version = "3.22.0-Białowieża";

// Attributes QGIS puts on the element that holds a style (<qgis> in a QML file, <maplayer> in a project).
void write_style_attributes(xml_writer& xml, const layer_definition& def);

// The child elements of a style: temporal properties, renderer, labeling, aliases, geometry type.
void write_style_elements(xml_writer& xml, const layer_definition& def);

// A complete .qml document.
std::string qml_document(const layer_definition& def);

// "r,g,b,a", as QGIS writes colours.
std::string qgis_color(render::rgba c);

} // namespace naqsha::layers
