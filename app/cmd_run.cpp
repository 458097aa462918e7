// `naqsha run`: the whole pipeline. Articles -> extraction (only what the store does not already hold)
// -> the event store (merging, control timeline, summaries) -> map layers, exports and tiles, all built
// in a staging directory and swapped in as a whole.
#include "app/article_batcher.hpp"
#include "app/article_ids.hpp"
#include "app/baseline_file.hpp"
#include "app/bounded_queue.hpp"
#include "app/build_id.hpp"
#include "app/command.hpp"
#include "app/day_option.hpp"
#include "app/exit_codes.hpp"
#include "app/jobs_option.hpp"
#include "app/no_articles.hpp"
#include "app/option_limits.hpp"
#include "app/publication_dates.hpp"
#include "app/queue_workers.hpp"
#include "app/terminal_progress.hpp"
#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "base/paths.hpp"
#include "base/sha256.hpp"
#include "base/staged_directory.hpp"
#include "base/stop_request.hpp"
#include "extract/article.hpp"
#include "extract/extractor.hpp"
#include "gazetteer/boundary_set.hpp"
#include "gazetteer/gazetteer.hpp"
#include "render/exports/exports.hpp"
#include "render/layers/layers.hpp"
#include "render/tiles/control_animation.hpp"
#include "render/tiles/preview.hpp"
#include "render/tiles/render_tiles.hpp"
#include "render/viewer/write_viewer.hpp"
#include "store/calendar.hpp"
#include "store/control_csv.hpp"
#include "store/gpkg_store.hpp"
#include "store/map_builder.hpp"
#include "store/merge.hpp"
#include "store/summary.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <ctime>
#include <functional>
#include <iostream>
#include <malloc.h>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace naqsha::app {
namespace {

namespace fs = std::filesystem;

constexpr const char* store_file = "naqsha.gpkg";
constexpr const char* unreadable_store_prefix = "naqsha.gpkg.unreadable-";

// Gives the pages of the memory freed so far back to the system. The store's index is freed before the
// map is made, but glibc keeps what was freed mapped for later allocations, and the map's largest ones
// (the records of every event: 30 MB for 200,000 articles) did not come out of it but on top of it:
// the resident set stayed at the index's size and grew by the map's (316 MB at its peak for 200,000
// articles; 287 MB, the index's, with this).
void return_freed_memory() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

// From here on, memory freed at the top of a thread's arena goes back to the system once 128 KB of it is
// free. The workers put the store's index, so much of it lies in their arenas; glibc gives back the free
// top of such an arena only when it is larger than the trim threshold, which grows with the largest block
// freed (to 64 MB), and malloc_trim() does not trim it. With the index kept in fewer, larger pieces
// (store/id_table.hpp), freeing it after the store was written gave back 20 MB of 41 at 200,000
// articles, and every later phase held 17 MB more (main's std::map nodes: 45 of 48, by luck of their
// places). Set before the index is freed, since glibc trims an arena's top only as memory is freed; the
// threshold for mapping large blocks stays where it had grown, so later allocations are served as before.
void trim_freed_tops() {
#ifdef __GLIBC__
    mallopt(M_TRIM_THRESHOLD, 128 * 1024);
#endif
}

// Stores that --rebuild set aside: every later run keeps them, since only the user may delete them.
std::vector<std::string> kept_files(const fs::path& previous) {
    std::vector<std::string> out;
    std::error_code ec;
    if (previous.empty()) return out;
    for (const auto& entry : fs::directory_iterator(previous, ec)) {
        auto name = entry.path().filename().string();
        if (name.rfind(unreadable_store_prefix, 0) == 0) out.push_back(std::move(name));
    }
    std::sort(out.begin(), out.end());
    return out;
}

// naqsha.gpkg.unreadable-<UTC time>, numbered on when several are set aside within a second.
std::string unreadable_store_name(const fs::path& previous) {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
    std::string name = unreadable_store_prefix + std::string(stamp);
    std::error_code ec;
    for (int n = 2; fs::exists(fs::symlink_status(previous / name, ec)); ++n)
        name = unreadable_store_prefix + std::string(stamp) + "-" + std::to_string(n);
    return name;
}

struct run_settings {
    std::vector<std::string> articles;
    std::string out = "out";
    std::string slice = "month";
    day_option at;        // the map date
    day_option published; // overrides the articles' own
    std::string baseline, overrides;
    day_option baseline_date;
    std::string baseline_field, baseline_classes;
    int contested_days = 30;
    unsigned jobs = 0; // every core
    bool no_tiles = false;
    bool no_animation = false;
    bool fresh = false;
    bool rebuild = false;
    bool wait = false;
};

// Tiles of the sample corpus stop at zoom 8 (a district is a few dozen pixels across): zooms 9 and 10
// would be four fifths of its tiles.
constexpr int sample_corpus_max_zoom = 8;

struct ingest_counts {
    std::atomic<std::size_t> read{0}, extracted{0}, reused{0}, rejected{0};
};

std::vector<store::district_info> district_table(const gazetteer::gazetteer& g) {
    std::vector<store::district_info> out;
    for (const auto& d : g.districts())
        out.push_back({d.pcode, d.name, g.province_of(d).pcode, d.population, d.area_km2});
    return out;
}

std::unordered_map<std::string, geo::point> representative_points(const gazetteer::gazetteer& g) {
    std::unordered_map<std::string, geo::point> out;
    for (const auto& d : g.districts()) out.emplace(d.pcode, d.interior);
    for (const auto& p : g.provinces()) out.emplace(p.pcode, p.interior);
    return out;
}

// Reads every article, reuses what the store already holds for unchanged ones, and extracts the rest on
// `jobs` threads. Bad articles are reported on stderr and counted; the batch goes on.
void ingest(const run_settings& settings, const gazetteer::gazetteer& g, store::catalog& content,
            ingest_counts& counts, progress_sink& progress, bool quiet) {
    extract::extract_options options;
    options.published = settings.published.day;
    const std::string extraction_key =
        sha256_hex(build_id() + '\n' + g.report().boundary_set + '\n' + store::format_iso_day(options.published)).substr(0, 32);

    std::mutex content_mutex, error_mutex;
    // A rejected input is an error, not chatter: named even with --quiet, as exit status 1 promises.
    auto reject = [&](const std::string& message) {
        ++counts.rejected;
        std::lock_guard lock(error_mutex);
        std::cerr << "naqsha: " << message << "\n";
    };

    // Failures that are not about one article (out of memory, a bug) end the run as internal errors
    // once the workers have stopped. Declared before the workers, which outlive nothing they use.
    std::exception_ptr worker_failure;
    using article_and_hash = std::pair<extract::article, std::string>;
    bounded_queue<std::vector<article_and_hash>> queue(4); // batches (app/article_batcher.hpp)
    queue_workers workers(queue);
    for (unsigned i = 0; i < resolved_jobs(settings.jobs); ++i)
        workers.start([&] {
            while (auto items = queue.pop())
                for (auto& [article, hash] : *items) {
                    if (stop_signal() != 0) continue; // the reader stops too: drain what is queued
                    try {
                        auto result = extract::extract_article(article, g, options);
                        if (auto problem = publication_date_problem(result.published))
                            throw input_error(*problem + " (" + result.published_from + ")");
                        store::stored_article stored;
                        stored.record = {article.id,   hash,          extraction_key, article.source, article.url,
                                         article.title, result.published, article.path,
                                         static_cast<std::int64_t>(article.text.size())};
                        if (!quiet)
                            for (const auto& w : result.warnings) {
                                std::lock_guard lock(error_mutex);
                                std::cerr << "naqsha: " << article.path << ": " << w << "\n";
                            }
                        for (auto& e : result.events) stored.mentions.push_back({std::move(e), 0});
                        stored.area_claims = std::move(result.area_claims);
                        std::lock_guard lock(content_mutex);
                        content.put(std::move(stored));
                        ++counts.extracted;
                    } catch (const input_error& e) {
                        reject(article.path + ": " + e.what());
                    } catch (...) {
                        std::lock_guard lock(error_mutex);
                        if (!worker_failure) worker_failure = std::current_exception();
                    }
                    progress.advance();
                }
        });

    article_batcher<article_and_hash> batcher(batch_max_entries,
                                              [&](std::vector<article_and_hash>&& b) { queue.push(std::move(b)); });
    progress.start("articles", 0);
    extract::read_callbacks callbacks;
    article_ids ids;
    callbacks.on_article = [&](extract::article&& article) {
            throw_if_stop_requested();
            const auto claim = ids.claim(article.id, article.text, article.path);
            if (claim.kind == article_ids::verdict::other_text) {
                ++counts.read;
                reject(article_ids::describe(article.id, article.path, claim));
                return;
            }
            if (claim.kind == article_ids::verdict::same_text) {
                if (!quiet) {
                    std::lock_guard lock(error_mutex);
                    std::cerr << "naqsha: " << article_ids::describe(article.id, article.path, claim) << "\n";
                }
                return;
            }
            ++counts.read;
            auto hash = sha256_hex(article.text);
            {
                std::lock_guard lock(content_mutex);
                content.drop_superseded(article.id, article.path, hash);
                if (content.find_current(article.id, hash, extraction_key) != nullptr) {
                    ++counts.reused;
                    progress.advance();
                    return;
                }
            }
            const std::size_t bytes = article.text.size();
            batcher.add({std::move(article), std::move(hash)}, bytes);
    };
    callbacks.on_error = [&](const std::string& where, const std::string& problem) { reject(where + ": " + problem); };
    extract::read_inputs(settings.articles, extract::input_format::automatic, callbacks);
    batcher.flush();
    workers.join();
    progress.finish();
    if (worker_failure) std::rethrow_exception(worker_failure);
}

std::string status_counts(const store::status_summary& s) {
    std::string out;
    for (auto status : store::all_control_statuses)
        out += fmt::format("{} {}, ", to_string(status), s.districts[static_cast<std::size_t>(status)]);
    return out + fmt::format("unknown {}", s.unknown_districts);
}

class run_command final : public command {
public:
    void declare(CLI::App& sub) override {
        sub.add_option("--articles", s_.articles,
                       "Article files, directories (read recursively) or NDJSON files ({id, published, url, source, "
                       "title, text} per line) (default: the sample corpus: the seed reports and the 1,932 dated news items "
                       "of ../shared/corpus/news-dev, mapped by quarter with tiles to zoom 8 unless --slice says otherwise)");
        sub.add_option("--out", s_.out, "Output directory: absent, empty or a previous naqsha output")->capture_default_str();
        slice_option_ = sub.add_option("--slice", s_.slice, "Time slices of the incident layers and summaries: day, week (ISO), month or quarter")
            ->capture_default_str();
        sub.add_option("--at", s_.at, "Map date YYYY-MM-DD: nothing after it is mapped (default: the latest event date)");
        sub.add_option("--published", s_.published,
                       "Publication date YYYY-MM-DD for the articles given, overriding what their text says");
        sub.add_option("--baseline", s_.baseline,
                       "Starting control map: a pcode,status,date,source snapshot CSV, or any reference `compare` reads "
                       "(CSV by P-code or names, polygon layer in any scheme; docs/control-model.md)");
        sub.add_option("--baseline-date", s_.baseline_date,
                       "YYYY-MM-DD: the day a reference --baseline describes (a snapshot CSV carries its own dates)");
        sub.add_option("--baseline-field", s_.baseline_field, "Status column of a reference --baseline (default: status)");
        sub.add_option("--baseline-classes", s_.baseline_classes,
                       "Class mapping of a reference --baseline, as compare --classes: \"1=taliban,0=government\"");
        sub.add_option("--overrides", s_.overrides,
                       "Control overrides CSV applied last: pcode,status,start_date,end_date,source");
        sub.add_option("--contested-days", s_.contested_days, "How long an attack, clash or abandoned post keeps a district contested")
            ->check(CLI::Range(1, max_contested_days))
            ->capture_default_str();
        add_jobs_option(sub, s_.jobs, "Extraction threads");
        sub.add_flag("--no-tiles", s_.no_tiles, "Do not render raster tiles");
        sub.add_flag("--no-animation", s_.no_animation, "Do not write control.gif (the control map slice by slice)");
        sub.add_flag("--fresh", s_.fresh, "Start from an empty store instead of the one in --out");
        sub.add_flag("--rebuild", s_.rebuild,
                     "When the store in --out cannot be read (corrupt, truncated, from a newer naqsha), start a new one "
                     "from the articles given and keep the old file beside it as naqsha.gpkg.unreadable-DATE");
        sub.add_flag("--wait", s_.wait, "When another naqsha run is writing --out, wait for it instead of refusing");
    }

    int run(const global_options& global) override {
        try {
            return run_pipeline(global);
        } catch (const output_error& e) {
            // Whatever failed in the staging directory (a full disk, as often as not), the user's question
            // is what happened to --out: the staged directory guarantees it was not touched.
            if (!staged_) throw;
            throw output_error(fmt::format("{}: not written{}: {}", s_.out,
                                           had_output_ ? "; the previous output is left as it was" : "", e.what()));
        }
    }

private:
    // What the options ask for, checked before any work: the slices, the map date, the articles.
    struct run_plan {
        bool sample_corpus = false;
        store::slice_unit slice = store::slice_unit::month;
    };
    run_plan plan_run() {
        run_plan plan;
        // The sample corpus spans 18 years: by quarter, and tiles to zoom 8, its first run takes seconds
        // and a few hundred megabytes, where months to zoom 10 would write 1.7 GB.
        plan.sample_corpus = s_.articles.empty();
        if (plan.sample_corpus) {
            for (const auto& input : default_corpus()) s_.articles.push_back(input.string());
            if (slice_option_->count() == 0) s_.slice = "quarter";
        }
        auto slice = store::slice_unit_from_string(s_.slice);
        if (!slice) throw usage_error("--slice '" + s_.slice + "': expected day, week, month or quarter");
        plan.slice = *slice;
        if (s_.at.malformed()) throw usage_error("--at '" + s_.at.text + "' is not a date YYYY-MM-DD");
        if (auto problem = publication_date_problem(s_.published)) throw usage_error("--published: " + *problem);
        require_output_path("--out", s_.out);
        return plan;
    }

    // The control maps the user starts from and corrects with (--baseline, --overrides).
    struct reference_maps {
        std::vector<store::baseline_row> baseline;
        std::vector<store::override_row> overrides;
        std::size_t baseline_left_out = 0;
    };
    reference_maps read_reference_maps(const gazetteer::gazetteer& g, const std::vector<store::district_info>& districts) const {
        reference_maps maps;
        if (!s_.baseline.empty()) {
            if (s_.baseline_date.malformed())
                throw usage_error("--baseline-date '" + s_.baseline_date.text + "' is not a date YYYY-MM-DD");
            auto reading = read_baseline({s_.baseline, s_.baseline_date.day, s_.baseline_field, s_.baseline_classes}, g, districts);
            maps.baseline = std::move(reading.rows);
            maps.baseline_left_out = reading.left_out.size();
            for (const auto& why : reading.left_out) std::cerr << "naqsha: --baseline: " << why << "; left out\n";
        } else if (!s_.baseline_date.text.empty() || !s_.baseline_field.empty() || !s_.baseline_classes.empty()) {
            throw usage_error("--baseline-date, --baseline-field and --baseline-classes describe a --baseline FILE; none was given");
        }
        if (!s_.overrides.empty()) maps.overrides = store::read_overrides_csv(s_.overrides, districts);
        return maps;
    }

    // The store's figures the summary prints, read before the store's index is freed.
    struct store_figures {
        std::size_t articles = 0, stored_before = 0, mentions = 0, events = 0;
        store::catalog::undated_count undated;
    };

    // Merges the articles' mentions, writes the store, and builds the map from the merged events,
    // freeing each step's memory before the next (the peak is the store's index or the map, never both).
    store::map_state store_and_map(store::catalog& content, const run_plan& plan, const reference_maps& maps,
                                   const gazetteer::gazetteer& g, const std::vector<store::district_info>& districts,
                                   const fs::path& dir, store_figures& figures) {
        auto merged = store::merge_mentions(content);
        // Merging's lists and clusters are freed; the store's writer came on top of what glibc kept of
        // them (2.7 MB above merging's own peak for 500,000 articles) rather than out of it.
        return_freed_memory();
        const auto as_of = s_.at.day ? s_.at.day : store::default_map_date(merged.events, content);
        store::write_store(dir / store_file, content, merged,
                           {as_of, plan.slice, s_.contested_days, s_.baseline, s_.overrides});
        figures.articles = content.articles().size();
        figures.mentions = content.mention_count();
        figures.events = merged.events.size();
        figures.undated = content.undated();

        store::map_options map_options;
        map_options.at = as_of;
        map_options.slice = plan.slice;
        map_options.contested_days = s_.contested_days;
        map_options.representative_points = representative_points(g);
        // The store is written: the map needs only the merged events and the area claims. The store's
        // index is freed before the events' records are read back, so the two are never held together.
        merged.event_of_row = {};
        auto area_claims = store::area_claims_until(content, as_of);
        trim_freed_tops();
        content = {};
        return_freed_memory();
        auto records = merged.events.records();
        merged = {};
        auto state = store::build_map_state(std::move(records), std::move(area_claims), districts, maps.baseline, maps.overrides,
                                            map_options);
        store::write_summaries(dir / store_file, state.slices, state.summaries);
        write_file_atomically(dir / "summary.csv", store::summary_csv(state.summaries));
        return state;
    }

    // What the outputs written from the map report, for the summary.
    struct output_reports {
        layers::layer_report layers;
        exports::table acled, ucdp;
        tiles::preview_report preview;
        std::optional<tiles::animation_report> animation;
        viewer::viewer_report web;
        std::optional<tiles::render_report> tiles;
    };
    output_reports write_outputs(const store::map_state& state, const gazetteer::gazetteer& g, const fs::path& dir,
                                 const run_plan& plan, const store_figures& figures, terminal_progress& progress) const {
        output_reports out;
        layers::layer_options layer_options;
        layer_options.out_dir = dir;
        layer_options.gpkg_name = store_file;
        throw_if_stop_requested();
        out.layers = layers::write_layers(state, g, layer_options);
        throw_if_stop_requested();

        atomic_file acled_file(dir / "events.csv"), ucdp_file(dir / "events_ucdp.csv");
        out.acled = exports::acled_csv(state, [&](std::string_view piece) { acled_file.write(piece); });
        out.ucdp = exports::ucdp_csv(state, [&](std::string_view piece) { ucdp_file.write(piece); });
        acled_file.commit();
        ucdp_file.commit();

        tiles::preview_options preview_options;
        preview_options.footer = fmt::format("{} articles, {} events", figures.articles, figures.events);
        out.preview = tiles::write_preview(state, g.districts(), dir / "preview.png", preview_options);
        throw_if_stop_requested();

        if (!s_.no_animation) {
            tiles::animation_options animation_options;
            animation_options.footer = preview_options.footer;
            out.animation = tiles::write_control_animation(state, g.districts(), dir / "control.gif", animation_options);
        }
        viewer::viewer_data_options viewer_options;
        viewer_options.boundaries = gazetteer::read_boundary_set(g.report().boundary_set).description;
        out.web = viewer::write_viewer(state, g.districts(), g.provinces(), dir / "viewer", viewer_options);

        if (!s_.no_tiles) {
            tiles::tile_options tile_options;
            tile_options.tiles_dir = dir / "tiles";
            if (plan.sample_corpus) tile_options.max_zoom = sample_corpus_max_zoom;
            tile_options.progress = &progress;
            out.tiles = tiles::render_tiles(state, g, tile_options);
        }
        return out;
    }

    // The run's summary, a line per output.
    void print_summary(const std::function<void(const std::string&)>& say, const ingest_counts& counts,
                       const store_figures& figures, const store::map_state& state, const output_reports& reports) const {
        auto out = fs::path(s_.out);
        say(fmt::format("naqsha run: {} articles read: {} extracted, {} unchanged (reused from the store), {} rejected",
                        counts.read.load(), counts.extracted.load(), counts.reused.load(), counts.rejected.load()));
        say(fmt::format("  {}  store: {} articles ({} from earlier runs), {} mentions, {} events, {} area claims",
                        (out / store_file).string(), figures.articles, figures.stored_before, figures.mentions, figures.events,
                        state.area_claims.size()));
        say(fmt::format("  {} articles left off the map for want of a date ({} events){}", figures.undated.articles,
                        figures.undated.events,
                        figures.undated.articles == 0 ? "" : ": no publication date found; give --published, or \"published\" in NDJSON"));
        for (const auto& layer : reports.layers.layers)
            say(fmt::format("  {}  layer {}: {} features{}", (out / store_file).string(), layer.name, layer.features,
                            layer.geojson.empty() ? "" : fmt::format(" (also {})", (out / layer.geojson.filename()).string())));
        if (!reports.layers.project.empty())
            say(fmt::format("  {}  QGIS project", (out / reports.layers.project.filename()).string()));
        say(fmt::format("  {}  control summary: {} {} slices to the map date {}{}", (out / "summary.csv").string(),
                        state.summaries.size(), state.slice_unit, state.as_of ? iso_date(*state.as_of) : "(none)",
                        state.summaries.empty() ? "" : ": " + status_counts(state.summaries.back())));
        say(fmt::format("  {}  ACLED columns: {} events ({} without date or province, {} that ACLED does not code, left "
                        "out; docs/exports.md)",
                        (out / "events.csv").string(), reports.acled.rows, reports.acled.skipped, reports.acled.not_coded));
        say(fmt::format("  {}  UCDP GED columns: {} events ({} without date or province, {} that the GED does not code: no "
                        "death, or not two known sides)",
                        (out / "events_ucdp.csv").string(), reports.ucdp.rows, reports.ucdp.skipped, reports.ucdp.not_coded));
        say(fmt::format("  {}  quick-look map of control as of {}", (out / "preview.png").string(),
                        reports.preview.date ? iso_date(*reports.preview.date) : "(no date)"));
        if (reports.animation)
            say(fmt::format("  {}  animation: {} frames, one per slice, {} x {} px", (out / "control.gif").string(),
                            reports.animation->frames, reports.animation->width, reports.animation->height));
        say(fmt::format("  {}  web map: open it in a browser (no server needed), or run `naqsha serve {}` ({:.1f} MB)",
                        (out / "viewer" / "index.html").string(), out.string(), double(reports.web.bytes) / 1e6));
        if (reports.tiles)
            say(fmt::format("  {}  raster tiles: {} PNG tiles for {} layer slices (XYZ and MBTiles), legend.png",
                            (out / "tiles").string(), reports.tiles->tiles_written(), reports.tiles->outputs.size()));
    }

    int run_pipeline(const global_options& global) {
        const run_plan plan = plan_run();
        bool quiet = global.quiet;
        auto say = [&](const std::string& line) {
            if (!quiet) std::cout << line << "\n";
        };

        // The output first: it is locked for the whole run, and a bad --out fails before any work.
        staged_directory stage(s_.out, s_.wait ? output_lock::when_busy::wait : output_lock::when_busy::refuse,
                               [&](long pid) {
                                   if (!quiet)
                                       std::cerr << "naqsha: " << s_.out << ": waiting for the naqsha run writing it"
                                                 << (pid > 0 ? " (PID " + std::to_string(pid) + ")" : std::string()) << "\n";
                               });
        staged_ = true;
        had_output_ = !stage.previous().empty();
        store::catalog content;
        if (!s_.fresh && !stage.previous().empty()) content = previous_content(stage, say);
        for (const auto& kept : kept_files(stage.previous())) stage.carry_over(kept);

        gazetteer::load_options gazetteer_options;
        gazetteer_options.data_dir = global.data_dir;
        gazetteer_options.cache_dir = global.cache_dir;
        auto g = gazetteer::gazetteer::load(gazetteer_options);
        auto districts = district_table(g);
        const reference_maps maps = read_reference_maps(g, districts);

        store_figures figures;
        figures.stored_before = content.articles().size();
        ingest_counts counts;
        terminal_progress progress(stderr, terminal_progress::wanted(stderr, quiet));
        ingest(s_, g, content, counts, progress, quiet);
        if (counts.read == 0 && counts.rejected == 0) throw no_article_found(s_.articles);
        content.assign_sequence_numbers();

        const auto& dir = stage.staging();
        const auto state = store_and_map(content, plan, maps, g, districts, dir, figures);
        const auto reports = write_outputs(state, g, dir, plan, figures, progress);

        throw_if_stop_requested(); // the last moment at which nothing has changed
        stage.commit();

        print_summary(say, counts, figures, state, reports);
        for (const auto& w : reports.layers.warnings)
            if (global.verbose) std::cerr << "naqsha: layers: " << w << "\n";
        return counts.rejected > 0 || maps.baseline_left_out > 0 ? exit_partial : exit_success;
    }

    // The store of the previous output. One that cannot be read stops the run (store_error), unless
    // --rebuild: then the run starts a new store, and the old file is kept beside it.
    store::catalog previous_content(staged_directory& stage, const std::function<void(const std::string&)>& say) {
        const auto gpkg = stage.previous() / store_file;
        try {
            auto previous = store::read_store(gpkg);
            for (const auto& notice : previous.notices) say("naqsha: " + notice);
            return std::move(previous.content);
        } catch (const store_error& e) {
            if (!s_.rebuild) throw;
            const auto kept = unreadable_store_name(stage.previous());
            if (!stage.carry_over(store_file, kept))
                throw store_error(std::string(e.what()) + "; it cannot be kept beside the new store, so it is left as it is");
            std::cerr << "naqsha: " << e.what() << "\nnaqsha: --rebuild: a new store is built from the articles given; the old "
                      << "file is kept as " << (fs::path(s_.out) / kept).string() << "\n";
            return {};
        }
    }

    run_settings s_;
    bool staged_ = false, had_output_ = false;
    CLI::Option* slice_option_ = nullptr;
};

} // namespace

std::unique_ptr<command> make_run_command() { return std::make_unique<run_command>(); }

} // namespace naqsha::app
