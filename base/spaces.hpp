#pragma once
// Text from outside that must read as one line: a quote in a CSV export's notes column, a place name
// from a shapefile's attribute table ("Zanda  Jan\n").
#include <string>
#include <string_view>

namespace naqsha {

// `text` with each run of spaces, tabs and line breaks as one space, and none at either end.
std::string collapse_spaces(std::string_view text);

} // namespace naqsha
