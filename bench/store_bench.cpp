// Times the event store on a synthetic load shaped like the 100k-article bench (about three mentions
// per article over 399 districts and twelve years): merging, the control timeline and summaries, and
// writing and re-reading the GeoPackage. Extraction is timed separately (bench/run_bench.sh runs the
// whole pipeline). Usage: store_bench [articles] [dir]
#include "geo/gdal_handles.hpp"
#include "store/calendar.hpp"
#include "store/gpkg_store.hpp"
#include "store/map_builder.hpp"
#include "store/merge.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <random>

using namespace naqsha;

namespace {

// CPU time of this process: the machine is shared, and wall time says more about the neighbours.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

struct stopwatch {
    double cpu = cpu_seconds();
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
};

std::string seconds_since(const stopwatch& start) {
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start.wall).count();
    return fmt::format("{:.2f} s CPU, {:.2f}", cpu_seconds() - start.cpu, wall);
}

} // namespace

int main(int argc, char** argv) {
    int articles = argc > 1 ? std::atoi(argv[1]) : 100000;
    std::filesystem::path dir = argc > 2 ? argv[2] : "store_bench";
    std::filesystem::create_directories(dir);

    std::vector<store::district_info> districts;
    for (int p = 1; p <= 34; ++p)
        for (int d = 1; d <= 12; ++d)
            districts.push_back({fmt::format("AF{:02}{:02}", p, d), "", fmt::format("AF{:02}", p), 1000.0 * d, 500.0 * p});

    std::mt19937 rng(4);
    auto first_day = *store::parse_iso_day("2009-01-01");
    std::uniform_int_distribution<int> day(0, 12 * 365), district(0, static_cast<int>(districts.size()) - 1),
        kind(0, 9), count(0, 40), mentions(1, 5);
    const extract::event_type types[] = {extract::event_type::armed_clash, extract::event_type::armed_clash,
                                         extract::event_type::armed_clash, extract::event_type::bombing,
                                         extract::event_type::airstrike,   extract::event_type::raid,
                                         extract::event_type::raid,        extract::event_type::withdrawal,
                                         extract::event_type::district_seizure, extract::event_type::government_recapture};
    stopwatch start;
    store::catalog content;
    for (int a = 0; a < articles; ++a) {
        store::stored_article article;
        article.record.id = fmt::format("bench-{:06}", a);
        article.record.content_hash = std::to_string(a);
        int n = mentions(rng);
        for (int m = 0; m < n; ++m) {
            extract::event e;
            e.article = article.record.id;
            e.id = fmt::format("{}#{}", e.article, m + 1);
            e.type = types[kind(rng)];
            e.date = e.date_end = first_day + day(rng);
            e.date_prec = extract::date_precision::day;
            const auto& d = districts[static_cast<std::size_t>(district(rng))];
            e.district = extract::place_ref{d.pcode, d.pcode};
            e.province = extract::place_ref{d.province_pcode, d.province_pcode};
            e.geo_prec = extract::geo_precision::district;
            int killed = count(rng);
            e.killed = extract::count_range{killed, killed, killed + 3};
            e.claims.push_back({extract::casualty_field::killed, *e.killed, "officials", extract::attribution_kind::official,
                                extract::actor_side::afghan_forces, {10, 20}});
            e.quote = "At least " + std::to_string(killed) + " members of the security forces were killed in an attack.";
            e.who = {extract::actor_side::taliban, extract::actor_side::afghan_forces, "Taliban", "police"};
            article.mentions.push_back({std::move(e), 0});
        }
        content.put(std::move(article));
    }
    content.assign_sequence_numbers();
    fmt::print("synthetic store: {} articles, {} mentions ({} s to build)\n", articles, content.mention_count(),
               seconds_since(start));

    start = stopwatch{};
    auto merged = store::merge_mentions(content);
    fmt::print("merge:           {} s -> {} events\n", seconds_since(start), merged.events.size());

    auto gpkg = dir / "naqsha.gpkg";
    std::filesystem::remove(gpkg);
    start = stopwatch{};
    auto as_of = store::default_map_date(merged.events, content);
    store::write_store(gpkg, content, merged, {as_of, store::slice_unit::week, 30, "", ""});
    fmt::print("write store:     {} s ({:.0f} MB)\n", seconds_since(start),
               static_cast<double>(std::filesystem::file_size(gpkg)) / 1e6);

    start = stopwatch{};
    store::map_options options;
    options.slice = store::slice_unit::week;
    auto state = store::build_map_state(merged.events.records(), content, districts, {}, {}, options);
    store::write_summaries(gpkg, state.slices, state.summaries);
    fmt::print("map state:       {} s -> {} control intervals, {} slices\n", seconds_since(start), state.control.size(),
               state.slices.size());

    start = stopwatch{};
    auto back = store::read_store(gpkg);
    fmt::print("read store:      {} s -> {} articles\n", seconds_since(start), back.content.articles().size());
    return back.notices.empty() ? 0 : 1;
}
