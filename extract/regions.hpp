#pragma once
// "northern Afghanistan", "the south of the country": a part of the country, told without a
// province. A province lies in it or not by where the province is, so "a bomber killed 20 in
// northern Afghanistan ... In southern Kandahar province, the Taliban attacked ..." tells of two
// incidents.
#include "extract/text.hpp"
#include "gazetteer/gazetteer.hpp"

#include <cstdint>
#include <string_view>

namespace naqsha::extract {

// Compass bits: north, south, east, west (northeastern = north | east).
enum region_bits : std::uint8_t { region_north = 1, region_south = 2, region_east = 4, region_west = 8 };

// The part of Afghanistan the tokens [first, last) name ("northern Afghanistan", "eastern
// Afghanistan", "the north of the country"), 0 for none.
std::uint8_t region_named(const document& doc, std::size_t first, std::size_t last);

// Whether a province plainly lies outside the region: Kandahar is not in the north. Borderline
// provinces are never ruled out.
bool province_outside(const gazetteer::gazetteer& gaz, std::string_view province_pcode, std::uint8_t region);

} // namespace naqsha::extract
