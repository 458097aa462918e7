#pragma once
// PNG tile pyramids of the control and incident layers, per time slice:
//   <out>/tiles/<layer>/<slice>/{z}/{x}/{y}.png   (XYZ; {y}@2x.png for 512 px tiles)
//   <out>/tiles/<layer>-<slice>.mbtiles           (MBTiles 1.3, identical tiles stored once)
//   <out>/tiles/legend.png
// Tiles whose inputs did not change since an earlier slice are not rendered again: XYZ files are
// hard-linked to the earlier copy and MBTiles reuse the encoded image.
#include "base/progress.hpp"
#include "gazetteer/gazetteer.hpp"
#include "store/model.hpp"

#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace naqsha::tiles {

inline constexpr const char* control_layer = "control";
inline constexpr const char* incidents_layer = "incidents";

struct tile_options {
    std::filesystem::path tiles_dir = "out/tiles"; // created when absent
    int min_zoom = 0;
    int max_zoom = 10;                       // at most 14
    bool retina = false;                     // 512 px tiles named {y}@2x.png
    std::vector<std::string> layers{control_layer, incidents_layer};
    bool xyz = true;
    bool mbtiles = true;
    bool legend = true;
    bool reuse = true;                       // reuse unchanged tiles across slices
    unsigned threads = 0;                    // 0: every core
    int png_compression = 6;                 // zlib level
    double simplify_px = 0.3;                // Douglas-Peucker tolerance, in output pixels
    progress_sink* progress = nullptr;       // advanced once per tile position of every layer slice
};

struct output_report {
    std::string layer, slice;
    std::size_t tiles = 0;        // non-blank tiles written
    std::size_t rendered = 0;     // tiles painted in this slice
    std::size_t reused = 0;       // tiles taken from an earlier slice
    std::size_t blank = 0;        // tiles inside the extent left out as fully transparent
    std::size_t images = 0;       // distinct images in the MBTiles
    std::uintmax_t png_bytes = 0;
    std::filesystem::path xyz_dir, mbtiles;
};

struct render_report {
    std::vector<output_report> outputs;
    std::filesystem::path legend;
    std::size_t districts = 0, arcs = 0, shared_vertices = 0, input_vertices = 0;
    double prepare_seconds = 0, render_seconds = 0, total_seconds = 0;
    std::size_t tiles_rendered() const;
    std::size_t tiles_written() const;
};

// Throws usage_error for impossible options (zoom levels, layers): checked before any work is done.
void check_tile_options(const tile_options& options);

// Renders every layer and slice. Throws output_error naming the path when something cannot be
// written, usage_error for impossible options; outputs already complete stay in place.
render_report render_tiles(const store::map_state& state, std::span<const gazetteer::district> districts,
                           std::span<const gazetteer::province> provinces, const tile_options& options);

inline render_report render_tiles(const store::map_state& state, const gazetteer::gazetteer& gz,
                                  const tile_options& options) {
    return render_tiles(state, gz.districts(), gz.provinces(), options);
}

// A slice label as a file name: keeps [A-Za-z0-9._-], replaces the rest with '_'.
std::string slice_file_name(const std::string& label);

} // namespace naqsha::tiles
