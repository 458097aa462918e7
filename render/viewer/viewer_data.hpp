#pragma once
// The web viewer's data (out/viewer/data.js): the district geometry simplified for the web, the time
// slices with every district's status as one compact table, the incidents of each slice, the control
// history and the events with their sources and quotes. A script, not JSON: a page opened from disk
// (file://) may load scripts but not fetch files.
#include "gazetteer/gazetteer.hpp"
#include "store/model.hpp"

#include <functional>
#include <span>
#include <string_view>
#include <string>

namespace naqsha::viewer {

struct viewer_data_options {
    std::string boundaries;         // attribution of the boundary set, e.g. "OCHA/AGCHO 2018 ..."
    // Coordinates are integer global pixels at this zoom (256 px tiles), simplified to
    // `simplify_px` of it: zoom 10 and 1 px keep about 150 m, finer than the viewer's widest view needs.
    int geometry_zoom = 10;
    double simplify_px = 1.0;
};

struct viewer_data_report {
    std::size_t districts = 0, slices = 0, events = 0, arcs = 0, vertices = 0;
};

using text_sink = std::function<void(std::string_view)>;

// Writes data.js, `window.NAQSHA_DATA = {...};`, through `out` a piece at a time, its tables one after
// the other: whole, the text and the JSON values it is made from would hold every event several times
// over. Deterministic for the same inputs.
viewer_data_report write_viewer_data(const store::map_state& state, std::span<const gazetteer::district> districts,
                                     std::span<const gazetteer::province> provinces, const viewer_data_options& options,
                                     const text_sink& out);

// The whole text of data.js.
std::string viewer_data_script(const store::map_state& state, std::span<const gazetteer::district> districts,
                               std::span<const gazetteer::province> provinces, const viewer_data_options& options,
                               viewer_data_report* report = nullptr);

} // namespace naqsha::viewer
