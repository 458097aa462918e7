#pragma once
// The colours the documentation promises, read from the table in docs/tiles.md ("Colours"), so that
// pixel tests compare what is drawn with what a reader is told, not with the palette code under test.
#include "render/palette/palette.hpp"
#include "store/model.hpp"

#include <string>

namespace naqsha::test {

// The colour of an entry of the table: "government", "incident", "paper", ... Throws when the table
// has no such entry.
render::rgba documented_colour(const std::string& entry);

// The colour of a control status (its entry is the status as stored: "contested").
render::rgba documented_colour(store::control_status status);

// "#rrggbb", as the table, the QGIS styles and data.js write a colour.
std::string as_hex(render::rgba colour);

} // namespace naqsha::test
