// Extraction speed on one core: NDJSON articles in, NDJSON events out, as `naqsha extract` does it,
// timed by this thread's CPU time (the gazetteer load is timed apart). With --names FILE it also
// writes the gazetteer's name list, one per line, for the `grep -F -f` floor in
// bench/extract_bench.sh. docs/benchmarks.md records the figures.
#include "base/atomic_file.hpp"
#include "extract/article.hpp"
#include "extract/event_json.hpp"
#include "extract/extractor.hpp"
#include "extract/prepare.hpp"
#include "gazetteer/gazetteer.hpp"

#include <fmt/format.h>

#include <ctime>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {

double thread_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void write_names(const naqsha::gazetteer::gazetteer& g, const std::string& path) {
    std::set<std::string> names;
    auto add = [&](const std::string& n) {
        if (!n.empty()) names.insert(n);
    };
    for (const auto& p : g.provinces()) {
        add(p.name), add(p.name_dari);
        for (const auto& a : p.alternates) add(a);
    }
    for (const auto& d : g.districts()) {
        add(d.name), add(d.name_dari);
        for (const auto& a : d.alternates) add(a);
    }
    for (const auto& s : g.settlements()) add(s.name);
    std::string out;
    for (const auto& n : names) out += n + "\n";
    naqsha::write_file_atomically(path, out);
    fmt::print("names: {} written to {}\n", names.size(), path);
}

} // namespace

int main(int argc, char** argv) {
    std::string corpus, names;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--names" && i + 1 < argc) names = argv[++i];
        else corpus = a;
    }
    if (corpus.empty()) {
        fmt::print(stderr, "usage: bench_extract [--names FILE] CORPUS.ndjson\n");
        return 2;
    }
    double t0 = thread_seconds();
    auto g = naqsha::gazetteer::gazetteer::load();
    double load = thread_seconds() - t0;
    // The name index and the lexicon's tables, built once per process as in `naqsha extract`: here
    // before the clock starts, so that the first batch does not carry them (they were about 5 % of the
    // instructions of 6,000 articles, a small share of 110,000).
    t0 = thread_seconds();
    naqsha::extract::prepare_extraction(g);
    double indexes = thread_seconds() - t0;
    if (!names.empty()) write_names(g, names);

    // Articles are extracted in batches, so the clock is read twice per batch rather than per article:
    // a thread-CPU clock read is a system call, and one per article added about 5 % to what it timed.
    constexpr std::size_t batch_size = 256;
    std::size_t articles = 0, bytes = 0, events = 0, claims = 0, rejected = 0, output = 0;
    double in_extract = 0; // extract_article alone: extraction and place resolution
    std::vector<naqsha::extract::article> batch;
    std::vector<naqsha::extract::article_result> results;
    std::string line;
    auto run_batch = [&] {
        results.clear();
        double s = thread_seconds();
        for (const auto& a : batch) results.push_back(naqsha::extract::extract_article(a, g));
        in_extract += thread_seconds() - s;
        for (const auto& r : results) {
            for (const auto& e : r.events) {
                line.clear();
                naqsha::extract::append_json(line, e);
                output += line.size() + 1;
            }
            events += r.events.size();
            claims += r.area_claims.size();
        }
        batch.clear();
    };
    naqsha::extract::read_callbacks cb;
    cb.on_article = [&](naqsha::extract::article&& a) {
        ++articles;
        bytes += a.text.size();
        batch.push_back(std::move(a));
        if (batch.size() == batch_size) run_batch();
    };
    cb.on_error = [&](const std::string&, const std::string&) { ++rejected; };
    double start = thread_seconds();
    naqsha::extract::read_inputs({corpus}, naqsha::extract::input_format::ndjson, cb);
    run_batch();
    double total = thread_seconds() - start;
    double mb = static_cast<double>(bytes) / 1e6;
    if (articles == 0) {
        fmt::print(stderr, "bench_extract: {}: no articles to time ({} inputs rejected)\n", corpus, rejected);
        return 1;
    }
    fmt::print("gazetteer load       {:.2f} CPU s\n", load);
    fmt::print("indexes built        {:.2f} CPU s (name index, lexicon: once per process, untimed below)\n", indexes);
    fmt::print("articles             {} ({} rejected), {:.1f} MB of text\n", articles, rejected, mb);
    fmt::print("events               {} ({} area claims), {:.1f} MB of NDJSON\n", events, claims, static_cast<double>(output) / 1e6);
    fmt::print("extract_article        {:.2f} CPU s, {:.1f} MB/s (extraction and place resolution)\n", in_extract,
               mb / in_extract);
    fmt::print("read + extract + write {:.2f} CPU s, {:.1f} MB/s (as `naqsha extract` does it)\n", total, mb / total);
    fmt::print("RESULT extract_mb_per_s={:.1f} total_mb_per_s={:.1f}\n", mb / in_extract, mb / total);
    return 0;
}
