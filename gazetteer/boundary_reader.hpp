#pragma once
// Reads a polygon layer of a boundary set with GDAL: attributes by the field mapping, geometry
// reprojected to WGS84 lon/lat, checked to lie in Afghanistan, and repaired when invalid.
#include "gazetteer/boundary_set.hpp"
#include "geo/types.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace naqsha::gazetteer {

struct boundary_feature {
    std::string code;            // with the mapping's prefix
    std::string name;
    std::string name_dari;
    std::vector<std::string> alternates;
    std::string province_code;   // districts only
    std::string province_name;
    geo::multipolygon shape;     // WGS84 lon/lat
};

// Throws data_error naming the file when it is missing, unreadable, lacks a mapped field, has no CRS,
// or has coordinates outside Afghanistan after reprojection. Appends one line per repair.
std::vector<boundary_feature> read_boundary_layer(const std::filesystem::path& file, const layer_mapping& mapping,
                                                  const std::string& code_prefix_for_provinces,
                                                  std::vector<std::string>& repairs);

// Afghanistan's extent with a margin, in WGS84: data outside it was declared in the wrong CRS.
inline constexpr geo::box afghanistan_extent{59.5, 28.5, 75.5, 39.5};

} // namespace naqsha::gazetteer
