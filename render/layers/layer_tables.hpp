#pragma once
// The features of every layer, built from the store's map state and the reference geometry, before
// any file format is involved. Polygons point into the reference areas rather than being copied, so
// a district repeated in many intervals or slices costs one pointer.
#include "geo/types.hpp"
#include "render/layers/layer_catalog.hpp"
#include "render/layers/layers.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace naqsha::layers {

struct iso_day {
    int year = 0, month = 0, day = 0;
};

// An ISO 8601 calendar day ("2020-10-19"), or nothing when `text` is not one.
std::optional<iso_day> parse_iso_day(std::string_view text);

// One attribute value; std::monostate is NULL.
using field_value = std::variant<std::monostate, std::string, std::int64_t, double, bool, iso_day>;

struct feature {
    geo::point point;                            // for point layers
    const geo::multipolygon* area = nullptr;     // for polygon layers
    std::vector<field_value> values;             // one per field of the layer definition
};

struct layer_table {
    const layer_definition* definition = nullptr;
    std::vector<feature> features;               // in a stable order (see layer_tables.cpp)
};

struct layer_set {
    std::vector<layer_table> tables;             // in layer_catalog() order
    std::string first_date, last_date;           // temporal extent of the dated layers, "" when none
    geo::box extent;                             // of the reference areas (the country)
    std::size_t incident_points = 0, incidents_province = 0, events_not_drawn = 0;
    std::vector<std::string> warnings;

    const layer_table& table(std::string_view name) const;
};

layer_set build_layer_tables(const store::map_state& state, const reference_areas& areas);

} // namespace naqsha::layers
