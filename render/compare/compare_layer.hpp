#pragma once
// The `compare` layer: one feature per district either side rates, with naqsha's state, the
// reference's, whether they agree and the evidence behind naqsha's, styled for QGIS by agreement.
// Written to compare.gpkg (with its default style in layer_styles) and compare.geojson + compare.qml;
// the run's own naqsha.gpkg, the event store, is only ever read by `naqsha compare`.
#include "render/compare/comparison.hpp"
#include "render/layers/layer_catalog.hpp"
#include "render/palette/palette.hpp"

#include <array>
#include <filesystem>

namespace naqsha::compare {

// One colour per verdict, shared by the QGIS style and compare.png: the two ways of disagreeing
// stand out (orange, purple: apart for colour-blind readers too), agreement is a quiet grey, and a
// district only one side rates is pale.
struct verdict_style {
    verdict outcome;
    render::rgba fill;
};
inline constexpr std::array<verdict_style, verdict_count> verdict_styles{{
    {verdict::agree, {217, 217, 217, 255}},
    {verdict::naqsha_more_taliban, {230, 97, 1, 255}},
    {verdict::naqsha_more_government, {94, 60, 153, 255}},
    {verdict::naqsha_no_state, {255, 247, 188, 255}},
    {verdict::reference_no_state, {198, 219, 239, 255}},
}};
inline constexpr render::rgba fill_of(verdict v) { return verdict_styles[static_cast<std::size_t>(v)].fill; }

// The layer's name, fields and style (categorised on `agreement`).
const layers::layer_definition& compare_layer_definition();

struct compare_files {
    std::filesystem::path gpkg, geojson, qml;
    std::size_t features = 0;
};

// Writes OUT_DIR/compare.gpkg (layer `compare`), compare.geojson and compare.qml, each replaced
// atomically. Same comparison, same bytes: the comparison date stands in for "now" in the GeoPackage.
// Throws output_error naming the file.
compare_files write_compare_layer(const comparison& c, const std::filesystem::path& out_dir);

} // namespace naqsha::compare
