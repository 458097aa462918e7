// Renders the control layer of every district over Afghanistan's extent, z0-N, and prints the
// figures docs/benchmarks.md records. scripts/bench-tiles runs it beside gdal2tiles and Mapnik.
//   tiles_bench --out DIR [--max-zoom 10] [--slices 0|N] [--threads 2] [--no-reuse] [--geojson FILE]
#include "bench/control_fixture.hpp"
#include "gazetteer/gazetteer.hpp"
#include "render/tiles/render_tiles.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstring>
#include <string>
#include <sys/resource.h>

int main(int argc, char** argv) {
    using namespace naqsha;
    tiles::tile_options options;
    options.layers = {tiles::control_layer};
    options.legend = false;
    int slices = 0;
    std::string geojson;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--out") options.tiles_dir = std::filesystem::path(value()) / "tiles";
        else if (arg == "--max-zoom") options.max_zoom = std::stoi(value());
        else if (arg == "--min-zoom") options.min_zoom = std::stoi(value());
        else if (arg == "--slices") slices = std::stoi(value());
        else if (arg == "--threads") options.threads = unsigned(std::stoi(value()));
        else if (arg == "--no-reuse") options.reuse = false;
        else if (arg == "--no-mbtiles") options.mbtiles = false;
        else if (arg == "--no-xyz") options.xyz = false;
        else if (arg == "--retina") options.retina = true;
        else if (arg == "--geojson") geojson = value();
        else if (arg == "--compression") options.png_compression = std::stoi(value());
        else {
            fmt::print(stderr, "tiles_bench: unknown option {}\n", arg);
            return 2;
        }
    }
    const auto t0 = std::chrono::steady_clock::now();
    const auto gz = gazetteer::gazetteer::load();
    const double read_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const auto state = bench::control_fixture(gz.districts(), slices);
    if (!geojson.empty()) {
        bench::write_control_geojson(geojson, gz.districts(), state, state.slices.empty() ? state.as_of : state.slices.front().last_day);
        return 0;
    }
    const auto report = tiles::render_tiles(state, gz, options);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::size_t written = report.tiles_written(), rendered = report.tiles_rendered(), reused = 0, blank = 0;
    std::uintmax_t bytes = 0;
    for (const auto& o : report.outputs) reused += o.reused, blank += o.blank, bytes += o.png_bytes;
    fmt::print("{{\"districts\": {}, \"arcs\": {}, \"shared_vertices\": {}, \"input_vertices\": {}, "
               "\"slices\": {}, \"tiles_written\": {}, \"tiles_rendered\": {}, \"tiles_reused\": {}, \"blank\": {}, "
               "\"png_bytes\": {}, \"read_seconds\": {:.3f}, \"prepare_seconds\": {:.3f}, \"render_seconds\": {:.3f}, "
               "\"total_seconds\": {:.3f}, \"tiles_per_second\": {:.1f}, \"peak_rss_mib\": {:.1f}}}\n",
               report.districts, report.arcs, report.shared_vertices, report.input_vertices, report.outputs.size(),
               written, rendered, reused, blank, bytes, read_s, report.prepare_seconds, report.render_seconds,
               report.total_seconds, double(written) / report.total_seconds, double(usage.ru_maxrss) / 1024.0);
    return 0;
}
