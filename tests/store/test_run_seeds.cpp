// Golden tests of `naqsha run` on the seed reports (../shared/corpus/seeds): the real pipeline, from
// article text to the GeoPackage, summary.csv and layers.
#include "base/atomic_file.hpp"
#include "base/paths.hpp"
#include "geo/gdal_handles.hpp"
#include "tests/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using naqsha::read_file;

namespace {

const fs::path seeds = naqsha::sample_corpus_dir();
constexpr const char* seed_000 = "000_c905fdbc4c1957c1.txt"; // Sayad (Sar-e-Pul), no date in the text
constexpr const char* seed_001 = "001_7f9b9c3711d5355b.txt"; // Baharak (Takhar), 2020-10-21
constexpr const char* seed_002 = "002_b89b20759bfda383.txt"; // Kohistan (Badakhshan) seized, no date in the text
constexpr const char* seed_003 = "003_71abac885cfa549a.txt"; // the Baharak ambush again
constexpr const char* seed_004 = "004_4892badbc86e319f.txt"; // Dasht-e-Archi (Kunduz), 2020-01-29

// Publication dates for the two seeds whose text has none: "told VOA Tuesday" about "Monday night's
// attack" (000), "Local officials said on Friday ... the Thursday night seizure" (002).
constexpr const char* published_000 = "2019-01-01"; // a Tuesday
constexpr const char* published_002 = "2018-05-11"; // a Friday

struct outcome {
    int status = -1;
    std::string output; // stdout and stderr
};

outcome run(const fs::path& work, const std::string& args) {
    auto log = work / "run.log";
    std::string command = std::string(NAQSHA_BINARY) + " run --no-tiles " + args + " > '" + log.string() + "' 2>&1";
    int raw = std::system(command.c_str());
    outcome o;
    o.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    o.output = read_file(log);
    fs::remove(log);
    return o;
}

std::string articles(std::initializer_list<const char*> names) {
    std::string out = "--articles";
    for (const char* n : names) out += " '" + (seeds / n).string() + "'";
    return out;
}

// Rows of an SQL query on a GeoPackage, each as column name -> text.
std::vector<std::map<std::string, std::string>> query(const fs::path& gpkg, const std::string& sql) {
    naqsha::geo::ensure_gdal_registered();
    naqsha::geo::gdal_dataset ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    REQUIRE_MESSAGE(result != nullptr, sql);
    std::vector<std::map<std::string, std::string>> rows;
    while (auto* f = result->GetNextFeature()) {
        std::map<std::string, std::string> row;
        for (int i = 0; i < f->GetFieldCount(); ++i)
            row[f->GetFieldDefnRef(i)->GetNameRef()] = f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "";
        rows.push_back(std::move(row));
        OGRFeature::DestroyFeature(f);
    }
    ds->ReleaseResultSet(result);
    return rows;
}

// The control status of a district on a day, from the run's control layer ("" when not drawn).
std::string status_on(const fs::path& gpkg, const std::string& pcode, const std::string& day) {
    auto rows = query(gpkg, "SELECT status FROM control WHERE pcode = '" + pcode + "' AND start_date <= '" + day +
                                "' AND (end_date IS NULL OR end_date >= '" + day + "')");
    return rows.empty() ? "" : rows.front().at("status");
}

// Every regular file under `dir` with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) files[fs::relative(e.path(), dir).string()] = read_file(e.path());
    return files;
}

// The whole seed corpus in three runs, as an analyst would add reports with and without dates.
fs::path run_all_seeds(const fs::path& work) {
    auto out = work / "out";
    auto first = run(work, articles({seed_001, seed_003, seed_004}) + " --out '" + out.string() + "'");
    REQUIRE_MESSAGE(first.status == 0, first.output);
    auto second = run(work, articles({seed_000}) + " --published " + published_000 + " --out '" + out.string() + "'");
    REQUIRE_MESSAGE(second.status == 0, second.output);
    auto third = run(work, articles({seed_002}) + " --published " + published_002 + " --out '" + out.string() + "'");
    REQUIRE_MESSAGE(third.status == 0, third.output);
    return out;
}

} // namespace

TEST_CASE("seeds 001 and 003: one Baharak event with both sources and the merged ranges") {
    auto work = naqsha::test::fresh_dir("run-baharak");
    auto out = work / "out";
    auto r = run(work, articles({seed_001, seed_003}) + " --out '" + out.string() + "'");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    auto events = query(out / "naqsha.gpkg", "SELECT * FROM events WHERE district_pcode = 'AF1803' AND background = 0");
    REQUIRE(events.size() == 1);
    const auto& e = events.front();
    CHECK(e.at("sources") == "2");
    CHECK(e.at("killed_low") == "12");
    CHECK(e.at("killed_best") == "34");
    CHECK(e.at("killed_high") == "42");
    CHECK(e.at("missing_best") == "48");
    CHECK(e.at("district") == "Baharak");
    CHECK(e.at("province_pcode") == "AF18");
    auto sources = query(out / "naqsha.gpkg", "SELECT article FROM event_sources WHERE event_id = '" + e.at("event_id") +
                                                  "' ORDER BY article");
    REQUIRE(sources.size() == 2);
    CHECK(sources[0].at("article") == "001_7f9b9c3711d5355b");
    CHECK(sources[1].at("article") == "003_71abac885cfa549a");
    CHECK(r.output.find("naqsha.gpkg") != std::string::npos);
    fs::remove_all(work);
}

TEST_CASE("Sayad, Baharak and Dasht-e-Archi are contested around their dates; Kohistan is taliban from its seizure") {
    auto work = naqsha::test::fresh_dir("run-control");
    auto gpkg = run_all_seeds(work) / "naqsha.gpkg";
    CHECK(status_on(gpkg, "AF2202", "2019-01-01") == "contested"); // Sayad, Monday night 2018-12-31
    CHECK(status_on(gpkg, "AF1803", "2020-10-21") == "contested"); // Baharak, 2020-10-20
    CHECK(status_on(gpkg, "AF1906", "2020-01-29") == "contested"); // Dasht-e-Archi, night of 2020-01-28
    CHECK(status_on(gpkg, "AF1906", "2020-01-27") == "");          // nothing known before the attack
    CHECK(status_on(gpkg, "AF1708", "2018-05-09") == "");
    CHECK(status_on(gpkg, "AF1708", "2018-05-10") == "taliban");   // Thursday night
    CHECK(status_on(gpkg, "AF1708", "2020-10-20") == "taliban");
    auto kohistan = query(gpkg, "SELECT * FROM control WHERE pcode = 'AF1708' AND status = 'taliban'");
    REQUIRE(kohistan.size() == 1);
    CHECK(kohistan[0].at("start_date").substr(0, 10) == "2018/05/10");
    CHECK(status_on(gpkg, "AF1711", "2018-05-11") == "contested"); // Teshkan: posts abandoned
    // Claims about many districts are kept, never painted.
    CHECK_FALSE(query(gpkg, "SELECT * FROM area_claims").empty());
    fs::remove_all(work);
}

TEST_CASE("without --published, Kohistan's seizure has no date and paints nothing") {
    auto work = naqsha::test::fresh_dir("run-undated");
    auto out = work / "out";
    auto r = run(work, articles({seed_002}) + " --out '" + out.string() + "'");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(query(out / "naqsha.gpkg", "SELECT * FROM control WHERE pcode = 'AF1708'").empty());
    // and the summary says so, not only a warning about the file
    CHECK_MESSAGE(r.output.find("1 articles left off the map for want of a date (2 events)") != std::string::npos, r.output);
    fs::remove_all(work);
}

TEST_CASE("re-running on the same articles changes nothing, byte for byte") {
    auto work = naqsha::test::fresh_dir("run-idempotent");
    auto out = run_all_seeds(work);
    auto before = snapshot(out);
    auto again = run(work, articles({seed_002}) + " --published " + published_002 + " --out '" + out.string() + "'");
    REQUIRE_MESSAGE(again.status == 0, again.output);
    CHECK(again.output.find("0 extracted, 1 unchanged") != std::string::npos);
    auto after = snapshot(out);
    CHECK(before.size() == after.size());
    for (const auto& entry : before) CHECK_MESSAGE(after[entry.first] == entry.second, entry.first);
    fs::remove_all(work);
}

TEST_CASE("adding an article changes only what it touches, and event ids stay stable") {
    auto work = naqsha::test::fresh_dir("run-add");
    auto out = work / "out";
    auto first = run(work, articles({seed_001, seed_004}) + " --out '" + out.string() + "'");
    REQUIRE_MESSAGE(first.status == 0, first.output);
    auto gpkg = out / "naqsha.gpkg";
    auto events_before = query(gpkg, "SELECT * FROM events ORDER BY event_id");
    auto baharak_before = query(gpkg, "SELECT event_id, sources FROM events WHERE district_pcode = 'AF1803' AND background = 0");
    REQUIRE(baharak_before.size() == 1);
    CHECK(baharak_before[0].at("sources") == "1");

    auto second = run(work, articles({seed_003}) + " --out '" + out.string() + "'");
    REQUIRE_MESSAGE(second.status == 0, second.output);
    CHECK(second.output.find("1 extracted") != std::string::npos);
    auto baharak_after = query(gpkg, "SELECT event_id, sources FROM events WHERE district_pcode = 'AF1803' AND background = 0");
    REQUIRE(baharak_after.size() == 1);
    CHECK(baharak_after[0].at("event_id") == baharak_before[0].at("event_id")); // a new source, the same id
    CHECK(baharak_after[0].at("sources") == "2");

    // Every event that 003 did not touch is exactly as it was.
    auto events_after = query(gpkg, "SELECT * FROM events ORDER BY event_id");
    std::size_t unchanged = 0;
    for (const auto& before : events_before) {
        if (before.at("event_id") == baharak_before[0].at("event_id")) continue;
        for (const auto& after : events_after)
            if (after.at("event_id") == before.at("event_id")) {
                CHECK(after == before);
                ++unchanged;
            }
    }
    CHECK(unchanged == events_before.size() - 1);
    auto articles_after = query(gpkg, "SELECT article, mentions FROM articles ORDER BY article");
    CHECK(articles_after.size() == 3);
    fs::remove_all(work);
}

TEST_CASE("a baseline and overrides shape the timeline; a bad row is named with its file and line") {
    auto work = naqsha::test::fresh_dir("run-baseline");
    auto out = work / "out";
    naqsha::write_file_atomically(work / "baseline.csv", "pcode,status,date,source\n*,government,2020-01-01,assumed\n");
    naqsha::write_file_atomically(work / "overrides.csv",
                                  "pcode,status,start_date,end_date,source\nAF1809,taliban,2020-06-01,,analyst\n");
    auto r = run(work, articles({seed_001, seed_004}) + " --out '" + out.string() + "' --baseline '" +
                           (work / "baseline.csv").string() + "' --overrides '" + (work / "overrides.csv").string() + "'");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    auto gpkg = out / "naqsha.gpkg";
    CHECK(status_on(gpkg, "AF0101", "2020-03-01") == "government");
    CHECK(status_on(gpkg, "AF1906", "2020-01-29") == "contested");
    CHECK(status_on(gpkg, "AF1906", "2020-06-01") == "government");
    CHECK(status_on(gpkg, "AF1809", "2020-06-01") == "taliban");
    auto summary = read_file(out / "summary.csv");
    // The last row is the map date (the end of the Baharak night): 397 government, Baharak contested,
    // Khwaja Ghar taliban by the override, nothing unknown.
    auto last = summary.substr(summary.rfind('\n', summary.size() - 2) + 1);
    CHECK(last.rfind("2020-10-21,2020-10,397,1,1,0,0,", 0) == 0);

    naqsha::write_file_atomically(work / "bad.csv", "pcode,status,date,source\nAF1803,government,2020-01-01,x\nAF99,held,2020,x\n");
    auto before = snapshot(out);
    auto bad = run(work, articles({seed_003}) + " --out '" + out.string() + "' --baseline '" + (work / "bad.csv").string() + "'");
    CHECK(bad.status == 2);
    CHECK(bad.output.find((work / "bad.csv").string() + ":3: unknown pcode 'AF99'") != std::string::npos);
    CHECK(snapshot(out) == before); // nothing written
    fs::remove_all(work);
}

TEST_CASE("an output directory of unrelated files is refused") {
    auto work = naqsha::test::fresh_dir("run-foreign");
    fs::create_directories(work / "notes");
    naqsha::write_file_atomically(work / "notes" / "keep.txt", "mine");
    auto r = run(work, articles({seed_001}) + " --out '" + (work / "notes").string() + "'");
    CHECK(r.status == 4);
    CHECK(r.output.find("not written by naqsha") != std::string::npos);
    CHECK(read_file(work / "notes" / "keep.txt") == "mine");
    fs::remove_all(work);
}

TEST_CASE("--baseline from a reference assessment by names in RS classes, then the news on top of it") {
    auto work = naqsha::test::fresh_dir("run-reference-baseline");
    auto out = work / "out";
    auto reference = work / "assessment.csv";
    naqsha::write_file_atomically(reference, "district,province,status\n"
                                             "Bahorak,Takhar,GIROA Control\n"   // a spelling of Baharak
                                             "Darqad,Takhar,Contested\n"
                                             "Dasht-e-Archi,Kunduz,INS Influence\n");
    auto r = run(work, articles({seed_001, seed_004}) + " --baseline '" + reference.string() +
                           "' --baseline-date 2019-06-01 --out '" + out.string() + "'");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    auto gpkg = out / "naqsha.gpkg";
    CHECK(status_on(gpkg, "AF1803", "2019-05-31") == "");
    CHECK(status_on(gpkg, "AF1803", "2019-06-01") == "government");  // the baseline
    CHECK(status_on(gpkg, "AF1803", "2020-10-21") == "contested");   // the ambush of 2020-10-20
    CHECK(status_on(gpkg, "AF1815", "2020-10-21") == "contested");   // the baseline, no news since
    CHECK(status_on(gpkg, "AF1906", "2019-07-01") == "taliban");     // "INS Influence" is taliban by default
    auto rows = query(gpkg, "SELECT basis, source FROM control WHERE pcode = 'AF1815'");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].at("basis") == "baseline");
    CHECK(rows[0].at("source").find("assessment.csv: Contested") != std::string::npos);

    // a reference has no dates of its own
    auto undated = run(work, articles({seed_001}) + " --baseline '" + reference.string() + "' --out '" + (work / "o2").string() + "'");
    CHECK(undated.status == 2);
    CHECK(undated.output.find("--baseline-date") != std::string::npos);

    // a row naming no district is named, left out, and the exit status says so
    naqsha::write_file_atomically(reference, "district,province,status\nBahorak,Takhar,GIROA Control\nNowhere,Takhar,Contested\n");
    auto partial = run(work, articles({seed_001}) + " --baseline '" + reference.string() +
                                 "' --baseline-date 2019-06-01 --out '" + (work / "o3").string() + "'");
    CHECK(partial.status == 1);
    CHECK(partial.output.find("Nowhere") != std::string::npos);
    fs::remove_all(work);
}
