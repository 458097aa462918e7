#include "render/layers/layers.hpp"

#include "base/calendar.hpp"
#include "base/error.hpp"
#include "base/parallel.hpp"
#include "render/layers/geojson_output.hpp"
#include "render/layers/gpkg_output.hpp"
#include "render/layers/layer_tables.hpp"
#include "render/layers/qgis_project.hpp"

#include <algorithm>
#include <functional>
#include <numeric>

namespace naqsha::layers {

layer_report write_layers(const store::map_state& state, const reference_areas& areas, const layer_options& options) {
    std::error_code ec;
    if (!std::filesystem::is_directory(options.out_dir, ec))
        throw output_error(options.out_dir.string() + ": not a directory");
    if (options.write_project && !options.write_gpkg)
        throw usage_error("the QGIS project points at the GeoPackage layers: it cannot be written without them");

    layer_set layers = build_layer_tables(state, areas);
    layer_report report;
    report.incident_points = layers.incident_points;
    report.incidents_province = layers.incidents_province;
    report.events_not_drawn = layers.events_not_drawn;
    report.warnings = layers.warnings;

    for (const auto& table : layers.tables)
        report.layers.push_back({std::string(table.definition->name), table.features.size(), {}, {}});
    // Formatting coordinates dominates on a large store, so the datasets are written side by side,
    // the largest first. Each worker thread keeps its own geometry cache (OGR geometries are not
    // shared across threads), so a polygon is converted once per thread, not once per file.
    std::vector<std::function<void(ogr_geometry_cache&)>> tasks;
    std::vector<std::size_t> order(layers.tables.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return layers.tables[a].features.size() > layers.tables[b].features.size();
    });
    if (options.write_gpkg) {
        // The map date stands in for "now" in GeoPackage timestamps, so a re-run writes the same bytes.
        const day_number stamp_day = state.as_of.value_or(days_from_civil(2000, 1, 1));
        report.gpkg = options.out_dir / options.gpkg_name;
        tasks.emplace_back([&, stamp_day](ogr_geometry_cache& geometries) {
            write_gpkg_layers(layers, report.gpkg, stamp_day, geometries);
        });
    }
    if (options.write_geojson) {
        for (auto i : order)
            tasks.emplace_back([&, i](ogr_geometry_cache& geometries) {
                auto files = write_geojson_layer(layers.tables[i], options.out_dir, options.coordinate_precision, geometries);
                report.layers[i].geojson = files.geojson;
                report.layers[i].qml = files.qml;
            });
    }
    unsigned threads = std::max(1u, options.threads);
    std::vector<ogr_geometry_cache> caches;
    caches.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) caches.emplace_back(options.repeated_polygon_tolerance);
    parallel_for(tasks.size(), threads, [&](std::size_t i, unsigned worker) { tasks[i](caches[worker]); });
    if (options.write_project) {
        project_settings settings;
        settings.gpkg_name = options.gpkg_name;
        settings.as_of = state.as_of;
        settings.title = state.as_of ? "naqsha: district control and incidents to " + iso_date(*state.as_of)
                                     : "naqsha: district control and incidents";
        report.project = options.out_dir / options.project_name;
        write_qgz(report.project, qgs_document(layers, settings));
    }
    return report;
}

} // namespace naqsha::layers
