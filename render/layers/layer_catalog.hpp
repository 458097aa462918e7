#pragma once
// What each map layer is: its name, geometry, fields and default style. The QML, SLD, GeoJSON,
// GeoPackage and project writers all read these definitions, so a field or a colour is named once.
#include "render/palette/palette.hpp"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace naqsha::layers {

enum class field_kind : std::uint8_t { text, integer, real, date, boolean };

struct field_def {
    std::string_view name;
    field_kind kind;
    std::string_view alias;     // shown by QGIS in forms and attribute tables
};

enum class geometry_kind : std::uint8_t { point, polygon };

// How one class of features is drawn. Sizes and widths are in millimetres, as QGIS styles use them.
struct symbol_spec {
    enum class paint : std::uint8_t { solid_fill, hatch_fill, outline_only, circle_marker };
    paint kind = paint::solid_fill;
    render::rgba color{0, 0, 0, 255};       // fill, hatch lines or marker fill
    render::rgba stroke{0, 0, 0, 255};
    double stroke_width_mm = 0.26;
    bool dashed_stroke = false;
    double size_mm = 2;                     // marker diameter
};

// One category (value) or one range [lower, upper] of the renderer.
struct style_class {
    std::string_view value;                 // categorised
    double lower = 0, upper = 0;            // graduated, both inclusive
    std::string_view label;
    symbol_spec symbol;
};

struct style_spec {
    enum class renderer : std::uint8_t { single, categorized, graduated };
    renderer kind = renderer::single;
    std::string_view field;                 // the field classified (and compared in SLD filters)
    bool null_as_zero = false;              // graduated: a feature with no value falls in the 0 class
    bool largest_first = false;             // draw large symbols first, so small ones stay visible
    symbol_spec single;
    std::vector<style_class> classes;
    std::string_view label_field;           // "" for no labels
};

// Temporal controller settings: features are shown from start_field to end_field, both inclusive;
// a NULL end means "still so at the map date".
struct temporal_spec {
    std::string_view start_field;           // "" when the layer is not temporal
    std::string_view end_field;
};

struct layer_definition {
    std::string_view name;                  // table and file name: a contract
    std::string_view title;                 // human title (QGIS layer tree, GeoPackage identifier)
    std::string_view description;
    geometry_kind geometry;
    std::span<const field_def> fields;
    style_spec style;
    temporal_spec temporal;
    bool visible = true;                    // checked in the project's layer tree
    // Polygons simplified (layer_options::repeated_polygon_tolerance): for layers that repeat a
    // district once per time slice or a province once per event, where full resolution would
    // multiply the file size (a province is ~90 kB of GeoJSON) for no visible gain at that scale.
    bool simplified = false;
};

// The six layers, in drawing order from top to bottom as the project lists them.
const std::vector<layer_definition>& layer_catalog();

// The layer named `name`; throws std::out_of_range for an unknown name.
const layer_definition& layer_named(std::string_view name);

// Millimetres for a pixel size of the shared palette (QGIS and SLD both assume 96 dpi screens).
inline constexpr double px_to_mm(double px) { return px * 25.4 / 96.0; }

} // namespace naqsha::layers
