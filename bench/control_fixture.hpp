#pragma once
// A reproducible control timeline over all districts for the tile benchmarks: every district gets a
// status from a hash of its P-code, and each month a hashed ~8% of districts change hands. The same
// timeline is exported as GeoJSON for the peers (gdal2tiles, Mapnik) to draw.
#include "gazetteer/gazetteer.hpp"
#include "store/model.hpp"

#include <filesystem>
#include <span>

namespace naqsha::bench {

// `months` monthly slices from 2021-01; months == 0 gives one slice (the map date 2021-01-31).
store::map_state control_fixture(std::span<const gazetteer::district> districts, int months);

// The districts with their status on `date`, as GeoJSON (EPSG:4326) with a `status` and a `fill` field.
void write_control_geojson(const std::filesystem::path& target, std::span<const gazetteer::district> districts,
                           const store::map_state& state, std::optional<day_number> date);

} // namespace naqsha::bench
