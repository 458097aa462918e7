#pragma once
// Test fixture: the OCHA/AGCHO 2018 districts and provinces read straight from ../shared through GDAL,
// in the gazetteer's types, so the layer writers can be exercised on the real boundaries.
#include "render/layers/layers.hpp"

#include <vector>

namespace naqsha::test {

struct ocha_reference {
    std::vector<gazetteer::province> provinces;
    std::vector<gazetteer::district> districts;

    layers::reference_areas areas() const { return {provinces, districts}; }
};

// Throws data_error when the shapefiles cannot be read.
ocha_reference load_ocha_reference();

} // namespace naqsha::test
