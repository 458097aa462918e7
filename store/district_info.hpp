#pragma once
// What the control timeline and the summaries need to know of each district: its P-code, province,
// and the weights (population, area) of the status shares. Filled from the gazetteer in app/.
#include <string>

namespace naqsha::store {

struct district_info {
    std::string pcode;          // e.g. AF1803
    std::string name;
    std::string province_pcode; // e.g. AF18
    double population = 0;      // 0 when unknown
    double area_km2 = 0;
};

} // namespace naqsha::store
