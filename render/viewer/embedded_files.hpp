#pragma once
// The web viewer's static files, embedded in the program at build time (cmake/embed_files.cmake):
// Leaflet from Debian's libjs-leaflet, and naqsha's own page, script and style from
// render/viewer/assets/. A run writes them out beside its data; nothing is fetched from a network.
#include <span>
#include <string_view>

namespace naqsha::viewer {

struct embedded_file {
    std::string_view name;   // file name in out/viewer/
    std::string_view bytes;
};

std::span<const embedded_file> viewer_files();

} // namespace naqsha::viewer
