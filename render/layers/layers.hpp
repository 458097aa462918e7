#pragma once
// The map layers of a run, written so that they open ready in QGIS: one RFC 7946 GeoJSON file per layer
// with a .qml style beside it, every layer in the run's GeoPackage with default styles in its
// `layer_styles` table, and a naqsha.qgz project with the temporal controller set up.
//
// Layer names are a contract (docs/layers.md): control, incidents, incidents_province,
// incidents_by_district, districts, provinces.
#include "gazetteer/gazetteer.hpp"
#include "store/model.hpp"

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace naqsha::layers {

// The reference geometry the layers are drawn with: the gazetteer's districts and provinces
// (district::province_index indexes `provinces`).
struct reference_areas {
    std::span<const gazetteer::province> provinces;
    std::span<const gazetteer::district> districts;
};

struct layer_options {
    std::filesystem::path out_dir;              // must exist; files are replaced atomically one by one
    std::string gpkg_name = "naqsha.gpkg";      // the store's GeoPackage; created when missing
    std::string project_name = "naqsha.qgz";
    bool write_geojson = true;
    bool write_gpkg = true;
    bool write_project = true;                  // needs write_gpkg: the project points at the GeoPackage
    int coordinate_precision = 7;               // GeoJSON decimals (RFC 7946 advises no more than 7 or so)
    // Tolerance in degrees (0.001 = about 100 m) of the topology-preserving simplification applied to
    // the polygons of incidents_by_district and incidents_province, which repeat a district in every
    // slice and a province for every event; 0 keeps them whole. control and the reference layers
    // always keep full resolution.
    double repeated_polygon_tolerance = 0.001;
    // The GeoPackage and each GeoJSON file are independent datasets, written on this many threads.
    unsigned threads = 2;
};

struct written_layer {
    std::string name;                           // control, incidents, ...
    std::size_t features = 0;
    std::filesystem::path geojson;              // empty when not written
    std::filesystem::path qml;
};

struct layer_report {
    std::vector<written_layer> layers;          // in the order of the contract
    std::filesystem::path gpkg;                 // empty when not written
    std::filesystem::path project;
    std::size_t incident_points = 0;            // events drawn as points (settlement or district)
    std::size_t incidents_province = 0;         // events drawn as hatched provinces
    std::size_t events_not_drawn = 0;           // country-precision, undated or unknown places
    std::vector<std::string> warnings;          // one line per event or interval left out, and why
};

// Writes every layer of `state` into options.out_dir. Call it after the store has written and closed
// the GeoPackage: the layer tables and their `layer_styles` rows are replaced in a copy of it, which is
// then compacted (VACUUM INTO) and renamed over the original, so the store's own tables are kept and a
// failure leaves the previous file intact. Same state, same bytes: nothing depends on the clock.
// Throws output_error when a file cannot be written.
layer_report write_layers(const store::map_state& state, const reference_areas& areas,
                          const layer_options& options);

inline layer_report write_layers(const store::map_state& state, const gazetteer::gazetteer& gazetteer,
                                 const layer_options& options) {
    return write_layers(state, reference_areas{gazetteer.provinces(), gazetteer.districts()}, options);
}

} // namespace naqsha::layers
