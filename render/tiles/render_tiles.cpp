#include "render/tiles/render_tiles.hpp"

#include "base/content_hash.hpp"
#include "base/error.hpp"
#include "base/parallel.hpp"
#include "base/stop_request.hpp"
#include "geo/tile_math.hpp"
#include "render/palette/palette.hpp"
#include "render/tiles/coverage.hpp"
#include "render/tiles/legend.hpp"
#include "render/tiles/mbtiles_writer.hpp"
#include "render/tiles/png_encoder.hpp"
#include "render/tiles/slice_content.hpp"
#include "store/calendar.hpp"
#include "render/tiles/tile_canvas.hpp"
#include "render/tiles/topology.hpp"
#include "render/tiles/zoom_geometry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <system_error>
#include <unistd.h>

namespace naqsha::tiles {
namespace fs = std::filesystem;
namespace {

using clock_type = std::chrono::steady_clock;
double seconds_since(clock_type::time_point t) {
    return std::chrono::duration<double>(clock_type::now() - t).count();
}

enum class layer_kind { control, incidents };

// Which faces and arcs may touch each tile of one zoom (by bounding box, with a margin for strokes).
struct tile_index {
    geo::tile_range range;
    int tile_size = 256;
    std::vector<std::vector<std::uint32_t>> faces, district_arcs, province_arcs;

    std::size_t slot(int x, int y) const {
        return std::size_t(y - range.min_y) * std::size_t(range.max_x - range.min_x + 1) + std::size_t(x - range.min_x);
    }
    geo::tile_id tile(std::size_t slot) const {
        const int w = range.max_x - range.min_x + 1;
        return {range.z, range.min_x + int(slot % std::size_t(w)), range.min_y + int(slot / std::size_t(w))};
    }
    std::size_t size() const { return std::size_t(range.count()); }

    template <class Fn>
    void for_tiles_touching(const geo::box& px, double margin, Fn&& fn) const {
        if (px.empty()) return;
        const int x0 = std::max(range.min_x, int(std::floor((px.min_x - margin) / tile_size)));
        const int x1 = std::min(range.max_x, int(std::floor((px.max_x + margin) / tile_size)));
        const int y0 = std::max(range.min_y, int(std::floor((px.min_y - margin) / tile_size)));
        const int y1 = std::min(range.max_y, int(std::floor((px.max_y + margin) / tile_size)));
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) fn(slot(x, y));
    }
};

tile_index index_tiles(const zoom_geometry& zg, const coverage& c, const geo::tile_range& range, double stroke_margin) {
    tile_index idx;
    idx.range = range;
    idx.tile_size = zg.tile_size;
    idx.faces.resize(idx.size());
    idx.district_arcs.resize(idx.size());
    idx.province_arcs.resize(idx.size());
    for (std::size_t f = 0; f < zg.face_bounds.size(); ++f)
        idx.for_tiles_touching(zg.face_bounds[f], 1.0, [&](std::size_t s) { idx.faces[s].push_back(std::uint32_t(f)); });
    for (std::size_t a = 0; a < zg.arcs.size(); ++a) {
        auto& lists = c.province_arc[a] ? idx.province_arcs : idx.district_arcs;
        idx.for_tiles_touching(zg.arc_bounds[a], stroke_margin, [&](std::size_t s) { lists[s].push_back(std::uint32_t(a)); });
    }
    return idx;
}

// What one layer shows in one slice.
struct frame {
    std::vector<std::optional<store::control_status>> status; // control: per face
    std::vector<int> shade;                                   // incidents: per face (from its province)
    std::vector<incident_point> points;                       // incidents, largest first
    std::vector<geo::point> points_metres;
};

frame make_frame(layer_kind kind, const store::map_state& state, std::span<const gazetteer::district> districts,
                 std::span<const gazetteer::province> provinces, const store::time_slice& slice) {
    frame fr;
    if (kind == layer_kind::control) {
        fr.status = control_on(districts, state.control, slice.last_day);
        return fr;
    }
    auto content = incidents_in(districts, provinces, state.events, slice);
    fr.shade.resize(districts.size());
    for (std::size_t f = 0; f < districts.size(); ++f) {
        const auto p = districts[f].province_index;
        fr.shade[f] = p < content.province_reports.size() ? province_shade_level(content.province_reports[p]) : 0;
    }
    // Big circles first so small ones stay visible on top; ties broken by position for stable output.
    std::stable_sort(content.points.begin(), content.points.end(), [](const auto& a, const auto& b) {
        if (a.size_class != b.size_class) return a.size_class > b.size_class;
        if (a.lon_lat.x != b.lon_lat.x) return a.lon_lat.x < b.lon_lat.x;
        return a.lon_lat.y < b.lon_lat.y;
    });
    fr.points = std::move(content.points);
    for (const auto& p : fr.points) fr.points_metres.push_back(p.lon_lat);
    geo::to_web_mercator(fr.points_metres);
    return fr;
}

render::rgba shade_colour(int level) {
    constexpr std::uint8_t alpha[] = {0, 56, 96, 140};
    auto c = render::incident_fill;
    c.a = alpha[std::clamp(level, 0, 3)];
    return c;
}

struct tile_result {
    bool blank = true;
    std::string png;
    content_hash hash;
    fs::path first_path; // where the XYZ copy was first written
};

struct tile_job {
    std::size_t slot;
    content_hash key;
};

class pyramid_writer {
public:
    pyramid_writer(const store::map_state& state, std::span<const gazetteer::district> districts,
                   std::span<const gazetteer::province> provinces, const tile_options& options)
        : state_(state), districts_(districts), provinces_(provinces), options_(options) {}

    render_report run();

private:
    struct output {
        layer_kind kind;
        std::string layer;
        store::time_slice slice;
        frame content;
        fs::path staging, final_dir;
        std::unique_ptr<mbtiles_writer> mbtiles;
        output_report report;
        std::set<std::pair<int, int>> made_dirs; // guarded by dirs_mutex: workers write tiles in parallel
        std::unique_ptr<std::mutex> dirs_mutex = std::make_unique<std::mutex>();
    };

    void render_zoom(int z, render_report& report);
    content_hash tile_key(const output& out, const tile_index& idx, std::size_t slot,
                           const std::vector<std::vector<std::uint32_t>>& circles_in_tile) const;
    void paint(tile_canvas& canvas, const output& out, const zoom_geometry& zg, const tile_index& idx, std::size_t slot,
               const std::vector<circle>& circles) const;
    void write_xyz(output& out, geo::tile_id t, tile_result& result);

    const store::map_state& state_;
    std::span<const gazetteer::district> districts_;
    std::span<const gazetteer::province> provinces_;
    const tile_options& options_;
    coverage coverage_;
    std::vector<output> outputs_;
    int tile_size_ = 256;
    double scale_ = 1;
    unsigned threads_ = 1;
    progress_sink* progress_ = options_.progress != nullptr ? options_.progress : &no_progress();
};

content_hash pyramid_writer::tile_key(const output& out, const tile_index& idx, std::size_t slot,
                                       const std::vector<std::vector<std::uint32_t>>& circles_in_tile) const {
    hash_builder h;
    if (out.kind == layer_kind::control) {
        for (std::uint32_t f : idx.faces[slot])
            if (const auto& s = out.content.status[f]) h.add((std::uint64_t(f) << 8) | (std::uint64_t(*s) + 1));
    } else {
        for (std::uint32_t f : idx.faces[slot])
            if (out.content.shade[f] > 0) h.add((std::uint64_t(f) << 8) | std::uint64_t(out.content.shade[f]));
        for (std::uint32_t c : circles_in_tile[slot]) {
            h.add(std::bit_cast<std::uint64_t>(out.content.points_metres[c].x));
            h.add(std::bit_cast<std::uint64_t>(out.content.points_metres[c].y));
            h.add(std::uint64_t(out.content.points[c].size_class));
        }
    }
    return h.value();
}

void pyramid_writer::paint(tile_canvas& canvas, const output& out, const zoom_geometry& zg, const tile_index& idx,
                           std::size_t slot, const std::vector<circle>& circles) const {
    const geo::tile_id t = idx.tile(slot);
    const geo::point origin{double(t.x) * tile_size_, double(t.y) * tile_size_};
    canvas.clear();
    std::vector<face_fill> fills;
    if (out.kind == layer_kind::control) {
        for (std::uint32_t f : idx.faces[slot])
            if (const auto& s = out.content.status[f]) fills.push_back({f, render::style_of(*s).fill});
        canvas.fill_faces(zg, fills, origin);
        canvas.stroke_arcs(zg, idx.district_arcs[slot], origin, render::district_border_width_px * scale_,
                           render::district_border);
        canvas.stroke_arcs(zg, idx.province_arcs[slot], origin, render::province_border_width_px * scale_,
                           render::province_border);
    } else {
        for (std::uint32_t f : idx.faces[slot])
            if (out.content.shade[f] > 0) fills.push_back({f, shade_colour(out.content.shade[f])});
        canvas.fill_faces(zg, fills, origin);
        std::vector<circle> local;
        for (const auto& c : circles) {
            circle moved = c;
            moved.centre = {c.centre.x - origin.x, c.centre.y - origin.y};
            if (moved.centre.x + c.radius + 2 < 0 || moved.centre.y + c.radius + 2 < 0 ||
                moved.centre.x - c.radius - 2 > tile_size_ || moved.centre.y - c.radius - 2 > tile_size_)
                continue;
            local.push_back(moved);
        }
        canvas.draw_circles(local);
    }
}

void pyramid_writer::write_xyz(output& out, geo::tile_id t, tile_result& result) {
    const fs::path dir = out.staging / std::to_string(t.z) / std::to_string(t.x);
    {
        std::lock_guard lock(*out.dirs_mutex);
        if (!out.made_dirs.contains({t.z, t.x})) {
            std::error_code ec;
            fs::create_directories(dir, ec);
            if (ec) throw output_error(dir.string() + ": cannot create: " + ec.message());
            out.made_dirs.emplace(t.z, t.x);
        }
    }
    const fs::path file = dir / (std::to_string(t.y) + (options_.retina ? "@2x.png" : ".png"));
    // A tile reused from an earlier slice or zoom has been written once already: link to that copy.
    if (!result.first_path.empty()) {
        std::error_code ec;
        fs::create_hard_link(result.first_path, file, ec);
        if (!ec) return;
        fs::copy_file(result.first_path, file, fs::copy_options::overwrite_existing, ec);
        if (!ec) return;
    }
    // The staging directory is renamed into place only when complete, so plain writes suffice here.
    FILE* f = std::fopen(file.c_str(), "wb");
    if (f == nullptr || std::fwrite(result.png.data(), 1, result.png.size(), f) != result.png.size() ||
        std::fclose(f) != 0) {
        throw output_error(file.string() + ": cannot write");
    }
    if (result.first_path.empty()) result.first_path = file;
}

void pyramid_writer::render_zoom(int z, render_report& report) {
    const auto t0 = clock_type::now();
    const zoom_geometry zg = simplify_for_zoom(coverage_.topo, z, tile_size_, options_.simplify_px * scale_);
    const double stroke_margin = (render::province_border_width_px + 2) * scale_;
    const tile_index idx = index_tiles(zg, coverage_, geo::tiles_covering(coverage_.extent_metres, z), stroke_margin);
    report.prepare_seconds += seconds_since(t0);

    const png_settings png{options_.png_compression, true};
    std::vector<std::unique_ptr<tile_canvas>> canvases;
    for (unsigned i = 0; i < threads_; ++i) canvases.push_back(std::make_unique<tile_canvas>(tile_size_));

    // Results per tile, shared by all slices of one layer: (input key, result).
    std::vector<std::vector<std::pair<content_hash, std::shared_ptr<tile_result>>>> cache(idx.size());
    std::string cached_layer;
    for (auto& out : outputs_) {
        if (out.layer != cached_layer) {
            for (auto& c : cache) c.clear();
            cached_layer = out.layer;
        }
        // Incident circles of this slice, in this zoom's pixels, and the tiles they touch.
        std::vector<circle> circles;
        std::vector<std::vector<std::uint32_t>> circles_in_tile(out.kind == layer_kind::incidents ? idx.size() : 0);
        for (std::size_t i = 0; i < out.content.points.size(); ++i) {
            const auto& cls = render::incident_classes[std::size_t(out.content.points[i].size_class)];
            circle c{geo::mercator_to_pixel(out.content.points_metres[i], z, tile_size_), cls.radius_px * scale_,
                     render::incident_fill, render::incident_outline, 1.0 * scale_};
            circles.push_back(c);
            geo::box b;
            b.extend(c.centre);
            idx.for_tiles_touching(b, c.radius + 2 * scale_, [&](std::size_t s) { circles_in_tile[s].push_back(std::uint32_t(i)); });
        }

        std::vector<std::shared_ptr<tile_result>> results(idx.size());
        std::vector<bool> reused(idx.size(), false);
        std::vector<tile_job> todo;
        for (std::size_t s = 0; s < idx.size(); ++s) {
            const content_hash key = tile_key(out, idx, s, circles_in_tile);
            const bool nothing = idx.faces[s].empty() && idx.district_arcs[s].empty() && idx.province_arcs[s].empty() &&
                                 (circles_in_tile.empty() || circles_in_tile[s].empty());
            if (nothing) {
                results[s] = std::make_shared<tile_result>();
                continue;
            }
            if (options_.reuse) {
                for (const auto& [k, r] : cache[s])
                    if (k == key) results[s] = r, reused[s] = true;
            }
            if (!results[s]) todo.push_back({s, key});
        }

        const auto t1 = clock_type::now();
        parallel_for(todo.size(), threads_, [&](std::size_t i, unsigned worker) {
            throw_if_stop_requested();
            const std::size_t s = todo[i].slot;
            auto& canvas = *canvases[worker];
            std::vector<circle> mine;
            if (!circles_in_tile.empty())
                for (std::uint32_t c : circles_in_tile[s]) mine.push_back(circles[c]);
            paint(canvas, out, zg, idx, s, mine);
            auto r = std::make_shared<tile_result>();
            r->blank = canvas.blank();
            if (!r->blank) {
                const auto straight = canvas.straight_rgba();
                r->png = encode_png(straight.rgba, tile_size_, tile_size_, png, straight.opaque);
                r->hash = hash_bytes(r->png);
                // Written here, beside the drawing, not in the serial pass below: creating a file
                // costs about as much as drawing its tile.
                if (options_.xyz) write_xyz(out, idx.tile(s), *r);
            }
            results[s] = std::move(r);
        });
        report.render_seconds += seconds_since(t1);
        progress_->advance(idx.size());
        for (const auto& job : todo) cache[job.slot].emplace_back(job.key, results[job.slot]);
        out.report.rendered += todo.size();

        if (out.mbtiles) out.mbtiles->begin_batch();
        for (std::size_t s = 0; s < idx.size(); ++s) {
            auto& r = *results[s];
            if (reused[s]) ++out.report.reused;
            if (r.blank) {
                if (!idx.faces[s].empty() || !idx.district_arcs[s].empty() || !idx.province_arcs[s].empty())
                    ++out.report.blank;
                continue;
            }
            const geo::tile_id t = idx.tile(s);
            ++out.report.tiles;
            out.report.png_bytes += r.png.size();
            if (options_.xyz && reused[s]) write_xyz(out, t, r);
            if (out.mbtiles) out.mbtiles->add(t, r.png, r.hash);
        }
        if (out.mbtiles) out.mbtiles->end_batch();
    }
}

render_report pyramid_writer::run() {
    const auto start = clock_type::now();
    check_tile_options(options_);
    if (districts_.empty()) throw data_error("no district polygons to draw");
    tile_size_ = options_.retina ? 512 : 256;
    scale_ = tile_size_ / 256.0;
    threads_ = options_.threads != 0 ? options_.threads : std::max(1u, std::thread::hardware_concurrency());

    render_report report;
    coverage_ = prepare_coverage(districts_, threads_);
    report.districts = districts_.size();
    report.arcs = coverage_.topo.arcs.size();
    report.shared_vertices = coverage_.topo.shared_vertices;
    report.input_vertices = coverage_.topo.input_vertices;
    report.prepare_seconds = seconds_since(start);

    const fs::path& root = options_.tiles_dir;
    std::error_code ec;
    fs::create_directories(root, ec);
    if (ec) throw output_error(root.string() + ": cannot create: " + ec.message());

    const auto slices = slices_to_render(state_);
    for (const auto& layer : options_.layers) {
        const layer_kind kind = layer == control_layer ? layer_kind::control : layer_kind::incidents;
        for (const auto& slice : slices) {
            output out;
            out.kind = kind;
            out.layer = layer;
            out.slice = slice;
            out.content = make_frame(kind, state_, districts_, provinces_, slice);
            const std::string name = slice_file_name(slice.label);
            const std::string suffix = options_.retina ? "@2x" : "";
            out.report.layer = layer;
            out.report.slice = slice.label;
            if (options_.xyz) {
                out.final_dir = root / layer / (name + suffix);
                out.staging = root / layer / fmt::format(".{}{}.partial-{}", name, suffix, ::getpid());
                fs::remove_all(out.staging, ec);
                fs::create_directories(out.staging, ec);
                if (ec) throw output_error(out.staging.string() + ": cannot create: " + ec.message());
                out.report.xyz_dir = out.final_dir;
            }
            if (options_.mbtiles) {
                out.report.mbtiles = root / fmt::format("{}-{}{}.mbtiles", layer, name, suffix);
                mbtiles_metadata meta;
                meta.name = fmt::format("naqsha {} {}", layer, slice.label);
                meta.description = kind == layer_kind::control
                                       ? fmt::format("District control on {}", slice.last_day ? iso_date(*slice.last_day) : slice.label)
                                       : fmt::format("Incidents {} to {}", store::format_iso_day(slice.first_day), store::format_iso_day(slice.last_day));
                meta.attribution = "Boundaries: AGCHO / OCHA; events: naqsha";
                meta.bounds = coverage_.extent_lon_lat;
                meta.min_zoom = options_.min_zoom;
                meta.max_zoom = options_.max_zoom;
                if (options_.retina) meta.extra.emplace_back("scale", "2");
                out.mbtiles = std::make_unique<mbtiles_writer>(out.report.mbtiles, meta);
            }
            outputs_.push_back(std::move(out));
        }
    }

    std::size_t positions = 0;
    for (int z = options_.min_zoom; z <= options_.max_zoom; ++z)
        positions += std::size_t(geo::tiles_covering(coverage_.extent_metres, z).count());
    progress_->start("tiles", positions * outputs_.size());
    for (int z = options_.min_zoom; z <= options_.max_zoom; ++z) render_zoom(z, report);
    progress_->finish();

    for (auto& out : outputs_) {
        if (out.mbtiles) {
            out.report.images = out.mbtiles->images();
            out.mbtiles->commit();
        }
        if (options_.xyz) {
            fs::remove_all(out.final_dir, ec);
            fs::rename(out.staging, out.final_dir, ec);
            if (ec) throw output_error(out.final_dir.string() + ": cannot move the finished tiles into place: " + ec.message());
        }
        report.outputs.push_back(std::move(out.report));
    }
    if (options_.legend) {
        report.legend = root / (options_.retina ? "legend@2x.png" : "legend.png");
        write_legend(report.legend, options_.layers, scale_);
    }
    report.total_seconds = seconds_since(start);
    return report;
}

} // namespace

void check_tile_options(const tile_options& options) {
    if (options.min_zoom < 0 || options.max_zoom > 14 || options.min_zoom > options.max_zoom)
        throw usage_error(fmt::format("zoom levels {}-{}: use 0 <= min <= max <= 14", options.min_zoom, options.max_zoom));
    for (const auto& layer : options.layers)
        if (layer != control_layer && layer != incidents_layer)
            throw usage_error("unknown tile layer '" + layer + "' (use control or incidents)");
}

std::size_t render_report::tiles_rendered() const {
    std::size_t n = 0;
    for (const auto& o : outputs) n += o.rendered;
    return n;
}

std::size_t render_report::tiles_written() const {
    std::size_t n = 0;
    for (const auto& o : outputs) n += o.tiles;
    return n;
}

std::string slice_file_name(const std::string& label) {
    std::string out = label.empty() ? std::string("latest") : label;
    for (char& ch : out) {
        const bool keep = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
                          ch == '_' || ch == '.';
        if (!keep) ch = '_';
    }
    if (out.front() == '.') out.front() = '_';
    return out;
}

render_report render_tiles(const store::map_state& state, std::span<const gazetteer::district> districts,
                           std::span<const gazetteer::province> provinces, const tile_options& options) {
    pyramid_writer writer(state, districts, provinces, options);
    return writer.run();
}

} // namespace naqsha::tiles
