// `naqsha tiles`: PNG tile pyramids (XYZ and MBTiles) and a legend from an existing naqsha.gpkg.
#include "app/command.hpp"
#include "app/day_option.hpp"
#include "app/exit_codes.hpp"
#include "app/jobs_option.hpp"
#include "app/option_limits.hpp"
#include "app/terminal_progress.hpp"
#include "base/error.hpp"
#include "base/output_lock.hpp"
#include "base/paths.hpp"
#include "base/staged_update.hpp"
#include "base/stop_request.hpp"
#include "gazetteer/gazetteer.hpp"
#include "render/tiles/gpkg_state_reader.hpp"
#include "render/tiles/render_tiles.hpp"
#include "render/tiles/unfinished_tiles.hpp"
#include "store/calendar.hpp"
#include "store/map_builder.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

namespace naqsha::app {
namespace {

namespace fs = std::filesystem;

class tiles_command : public command {
public:
    void declare(CLI::App& sub) override {
        sub.add_option("--gpkg", gpkg_, "GeoPackage written by `naqsha run` (its control and incident layers)")
            ->capture_default_str();
        sub.add_option("-o,--out", out_, "Output directory; tiles go to OUT/tiles/")->capture_default_str();
        sub.add_option("--zoom", zoom_, "Zoom levels MIN-MAX (at most 14)")->capture_default_str();
        sub.add_option("--layers", layers_, "Layers to render: control, incidents")
            ->delimiter(',')
            ->capture_default_str();
        sub.add_option("--slices", slices_,
                       "Time slices: `run` (those of the GeoPackage), `day`, `week`, `month`, `quarter`, or `none` "
                       "(one map at --at)")
            ->check(CLI::IsMember({"run", "day", "week", "month", "quarter", "none"}))
            ->capture_default_str();
        sub.add_option("--at", at_, "Map date for --slices none (default: the latest date in the GeoPackage)");
        sub.add_flag("--retina", retina_,
                     "512 px tiles for high-density screens, every name with @2x: "
                     "OUT/tiles/<layer>/<slice>@2x/{z}/{x}/{y}@2x.png, OUT/tiles/<layer>-<slice>@2x.mbtiles, "
                     "OUT/tiles/legend@2x.png");
        sub.add_flag("--no-xyz", no_xyz_, "Do not write the {z}/{x}/{y}.png directories");
        sub.add_flag("--no-mbtiles", no_mbtiles_, "Do not write MBTiles files");
        sub.add_flag("--no-legend", no_legend_, "Do not write legend.png");
        sub.add_flag("--no-reuse", no_reuse_, "Render every slice in full instead of reusing unchanged tiles");
        add_jobs_option(sub, threads_, "Rendering threads");
        // The name before -j,--jobs: still read, hidden from the help (no group), and named deprecated.
        // (Its range is checked in run(): CLI11 leaves a hidden option's name out of its range message.)
        deprecated_threads_ = sub.add_option("--threads", threads_, "Deprecated: use -j,--jobs")->group("");
        sub.add_option("--png-level", png_level_, "zlib compression level of the PNGs (0-9)")
            ->check(CLI::Range(0, 9))
            ->capture_default_str();
        sub.add_flag("--wait", wait_, "When another naqsha run is writing --out, wait for it instead of refusing");
    }

    int run(const global_options& global) override {
        if (deprecated_threads_->count() > 0) {
            if (threads_ > max_threads) throw usage_error(fmt::format("--threads {}: at most {}", threads_, max_threads));
            if (!global.quiet) fmt::print(stderr, "naqsha: tiles --threads is deprecated; use -j/--jobs, as run and extract do\n");
        }
        tiles::tile_options options;
        require_output_path("--out", out_);

        parse_zoom(options);
        options.layers = layers_;
        options.retina = retina_;
        options.xyz = !no_xyz_;
        options.mbtiles = !no_mbtiles_;
        options.legend = !no_legend_;
        options.reuse = !no_reuse_;
        options.threads = threads_;
        options.png_compression = png_level_;
        tiles::check_tile_options(options);
        if (at_.malformed()) throw usage_error("--at '" + at_.text + "' is not a date YYYY-MM-DD");

        // The output first: locked against other naqsha processes for the whole run, checked before any
        // work. Tiles are built in a staging area beside OUT/tiles and moved in when complete.
        const fs::path out = fs::path(out_).filename().empty() ? fs::path(out_).parent_path() : fs::path(out_);
        std::error_code ec;
        fs::create_directories(out, ec);
        if (ec) throw output_error(out.string() + ": cannot create: " + ec.message() + "; choose another --out");
        output_lock lock(out, wait_ ? output_lock::when_busy::wait : output_lock::when_busy::refuse, [&](long pid) {
            if (!global.quiet)
                fmt::print(stderr, "naqsha: {}: waiting for the naqsha run writing it{}\n", out.string(),
                           pid > 0 ? fmt::format(" (PID {})", pid) : "");
        });
        // A path that names nothing is a bad argument, found before any tile is touched (and after the
        // output's own problems, which come first for every command).
        if (std::error_code missing; !fs::exists(fs::symlink_status(gpkg_, missing)))
            throw usage_error("--gpkg " + gpkg_ + ": no such file; give the naqsha.gpkg a `naqsha run --out DIR` wrote");
        tiles::remove_unfinished_tiles(out / "tiles");
        staged_update update(out / "tiles");
        options.tiles_dir = update.staging();

        auto input = tiles::read_map_state_from_gpkg(gpkg_);
        for (const auto& w : input.warnings) fmt::print(stderr, "naqsha: {}\n", w);
        auto& state = input.state;
        if (slices_ == "none") {
            state.slices.clear();
            if (at_.day) state.as_of = at_.day;
        } else if (slices_ == "run") {
            if (!input.slices_recorded)
                throw input_error(gpkg_ + ": records no time slices (a store written before schema 2): run `naqsha run` "
                                          "on its output once to update it, or choose --slices");
        } else {
            if (!state.as_of) throw input_error(gpkg_ + ": no map date to slice up to");
            state.slices = store::time_slices(*store::slice_unit_from_string(slices_), state.events, *state.as_of, "--slices");
        }

        gazetteer::load_options load;
        load.data_dir = global.data_dir;
        load.cache_dir = global.cache_dir;
        const auto gz = gazetteer::gazetteer::load(load);
        terminal_progress progress(stderr, terminal_progress::wanted(stderr, global.quiet));
        options.progress = &progress;
        auto report = tiles::render_tiles(state, gz, options);

        throw_if_stop_requested(); // the last moment at which OUT/tiles is as it was
        for (auto& o : report.outputs) {
            o.xyz_dir = published(update, o.xyz_dir);
            o.mbtiles = published(update, o.mbtiles);
        }
        report.legend = published(update, report.legend);

        if (!global.quiet) {
            for (const auto& o : report.outputs)
                fmt::print("{} {}: {} tiles ({} rendered, {} reused), {} distinct images, {:.1f} MiB{}{}\n", o.layer,
                           o.slice, o.tiles, o.rendered, o.reused, o.images, double(o.png_bytes) / (1 << 20),
                           o.xyz_dir.empty() ? "" : " -> " + o.xyz_dir.string(),
                           o.mbtiles.empty() ? "" : ", " + o.mbtiles.string());
            if (!report.legend.empty()) fmt::print("legend: {}\n", report.legend.string());
            fmt::print("{} tiles written, {} rendered in {:.2f} s ({:.0f} tiles/s)\n", report.tiles_written(),
                       report.tiles_rendered(), report.total_seconds,
                       double(report.tiles_written()) / std::max(report.total_seconds, 1e-9));
        }
        return input.warnings.empty() ? exit_success : exit_partial;
    }

private:
    // Moves a finished output from the staging area into OUT/tiles; its path there ("" stays "").
    static fs::path published(staged_update& update, const fs::path& built) {
        if (built.empty()) return built;
        const auto relative = built.lexically_relative(update.staging());
        update.publish(relative);
        return update.target() / relative;
    }

    void parse_zoom(tiles::tile_options& options) const {
        int lo = 0, hi = 0;
        char dash = 0;
        const int n = std::sscanf(zoom_.c_str(), "%d%c%d", &lo, &dash, &hi);
        if (n == 1) hi = lo;
        else if (n != 3 || dash != '-') throw usage_error("--zoom '" + zoom_ + "': use MIN-MAX, e.g. 0-10");
        options.min_zoom = lo;
        options.max_zoom = hi;
    }

    std::string gpkg_ = "out/naqsha.gpkg";
    std::string out_ = "out";
    std::string zoom_ = "0-10";
    std::vector<std::string> layers_{tiles::control_layer, tiles::incidents_layer};
    std::string slices_ = "run";
    day_option at_;
    bool retina_ = false, no_xyz_ = false, no_mbtiles_ = false, no_legend_ = false, no_reuse_ = false, wait_ = false;
    unsigned threads_ = 0;
    CLI::Option* deprecated_threads_ = nullptr;
    int png_level_ = 6;
};

} // namespace

std::unique_ptr<command> make_tiles_command() { return std::make_unique<tiles_command>(); }

} // namespace naqsha::app
