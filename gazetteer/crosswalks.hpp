#pragma once
// Spellings from the district-scheme crosswalks in gazetteer-data/name-variants (2009-2019 IEC keys,
// AGCHO 2012, RS/USFOR-A 407, CSO 414/421, Map Sync variant lists, Dari and Pashto), joined onto
// the 399 P-codes through the 2019 keyfile, plus the CSO 2018-19 population regrouped to 399
// districts. Missing sheets are warnings: the gazetteer works without them.
#include "gazetteer/model.hpp"

#include <filesystem>

namespace naqsha::gazetteer {

void add_crosswalk_names(gazetteer_data& data, const std::filesystem::path& crosswalk_dir);

} // namespace naqsha::gazetteer
