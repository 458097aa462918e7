#pragma once
// A map state like the one the store builds from the seed articles (Takhar, Badakhshan, Kunduz and
// Sar-e-Pul, autumn 2020), with every case the layer writers must handle: open and closed intervals,
// exact, district and province precision, an event known only to the country, an undated event and a
// district missing from the gazetteer.
#include "store/model.hpp"

#include <cstddef>

namespace naqsha::test {

store::map_state sample_map_state();

// What the layers of sample_map_state() must hold.
struct sample_counts {
    std::size_t control = 9, incidents = 4, incidents_province = 1, incidents_by_district = 4;
    std::size_t districts = 399, provinces = 34;
    std::size_t not_drawn = 2; // the country-level and the undated event
};

} // namespace naqsha::test
