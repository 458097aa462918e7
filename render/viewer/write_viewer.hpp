#pragma once
// out/viewer/: a web map that opens straight from disk (file://), with no server and no network:
// index.html, Leaflet, naqsha's script and style, and data.js (render/viewer/viewer_data.hpp).
#include "gazetteer/gazetteer.hpp"
#include "render/viewer/viewer_data.hpp"
#include "store/model.hpp"

#include <cstdint>
#include <filesystem>

namespace naqsha::viewer {

struct viewer_report {
    std::filesystem::path index;     // .../viewer/index.html
    std::uintmax_t bytes = 0;        // the whole page: every file written
    viewer_data_report data;
};

// Writes `dir` (created when absent) atomically file by file. Throws output_error naming the file.
viewer_report write_viewer(const store::map_state& state, std::span<const gazetteer::district> districts,
                           std::span<const gazetteer::province> provinces, const std::filesystem::path& dir,
                           const viewer_data_options& options);

} // namespace naqsha::viewer
