// Every kind of control evidence, read from sentences written for the purpose, through the whole
// chain a run uses (extraction, merging across articles, the control timeline), checked against the
// states docs/control-model.md says it gives. The cases are in control_evidence.tables.
#include "extract/extractor.hpp"
#include "gazetteer/gazetteer.hpp"
#include "store/calendar.hpp"
#include "store/catalog.hpp"
#include "store/control_timeline.hpp"
#include "store/merge.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace naqsha;

struct table_article {
    std::string id, published, text;
};

struct expected_state {
    std::string pcode, day, status; // status "unknown": no interval covers the day
    int line = 0;
};

struct evidence_case {
    std::string name;
    int line = 0;
    std::string at;
    std::vector<table_article> articles;
    std::vector<store::baseline_row> baseline;
    std::vector<expected_state> states;
};

std::vector<evidence_case> read_cases(const fs::path& file) {
    std::ifstream in(file);
    REQUIRE_MESSAGE(in, "cannot read " << file);
    std::vector<evidence_case> cases;
    std::string s;
    int line = 0;
    auto where = [&] { return file.filename().string() + ":" + std::to_string(line); };
    while (std::getline(in, s)) {
        ++line;
        if (s.empty() || s[0] == '#') continue;
        std::istringstream words(s);
        std::string key;
        words >> key;
        if (key == "case") {
            evidence_case c;
            c.line = line;
            std::getline(words >> std::ws, c.name);
            cases.push_back(std::move(c));
            continue;
        }
        REQUIRE_MESSAGE(!cases.empty(), where() << ": '" << key << "' before any case");
        auto& c = cases.back();
        if (key == "at") {
            words >> c.at;
        } else if (key == "article") {
            table_article a;
            words >> a.id >> a.published;
            REQUIRE_MESSAGE(!a.published.empty(), where() << ": article ID PUBLISHED");
            c.articles.push_back(std::move(a));
        } else if (key == ">") {
            REQUIRE_MESSAGE(!c.articles.empty(), where() << ": text before any article line");
            std::string text;
            std::getline(words >> std::ws, text);
            auto& a = c.articles.back();
            a.text += (a.text.empty() ? "" : "\n") + text;
        } else if (key == "baseline") {
            store::baseline_row row;
            std::string status, date;
            words >> row.pcode >> status >> date;
            REQUIRE_MESSAGE(naqsha::parse_iso_day(date), where() << ": not a day: " << date);
            row.date = *naqsha::parse_iso_day(date);
            row.status = store::control_status_from_string(status);
            REQUIRE_MESSAGE((row.status || status == "unknown"), where() << ": unknown status " << status);
            row.source = "table baseline";
            row.line = line;
            c.baseline.push_back(std::move(row));
        } else if (key == "on") {
            expected_state x;
            x.line = line;
            words >> x.pcode >> x.day >> x.status;
            REQUIRE_MESSAGE(!x.status.empty(), where() << ": on PCODE DAY STATUS");
            c.states.push_back(std::move(x));
        } else {
            FAIL(where() << ": unknown line '" << s << "'");
        }
    }
    return cases;
}

const gazetteer::gazetteer& gaz() {
    static const auto g = gazetteer::gazetteer::load();
    return g;
}

std::vector<store::district_info> districts() {
    std::vector<store::district_info> out;
    for (const auto& d : gaz().districts()) out.push_back({d.pcode, d.name, gaz().province_of(d).pcode, d.population, d.area_km2});
    return out;
}

std::string status_on(const std::vector<store::control_interval>& timeline, const std::string& pcode, const std::string& day) {
    for (const auto& i : timeline)
        if (const auto on = *store::parse_iso_day(day); i.pcode == pcode && i.start_day <= on && (!i.end_day || on <= *i.end_day))
            return std::string(store::to_string(i.status));
    return "unknown";
}

void check_case(const evidence_case& c, const std::vector<store::district_info>& all) {
    store::catalog content;
    for (const auto& a : c.articles) {
        extract::article article;
        article.id = a.id;
        article.text = a.text;
        extract::extract_options options;
        options.published = parse_iso_day(a.published);
        auto result = extract::extract_article(article, gaz(), options);
        store::stored_article stored;
        stored.record.id = a.id;
        stored.record.published = parse_iso_day(a.published);
        for (auto& e : result.events) stored.mentions.push_back({std::move(e), 0});
        stored.area_claims = std::move(result.area_claims);
        content.put(std::move(stored));
    }
    content.assign_sequence_numbers();
    const auto events = store::merge_mentions(content).events.records();
    auto timeline = store::build_control_timeline(events, all, c.baseline, {}, {*store::parse_iso_day(c.at), 30});

    std::string told;
    for (const auto& e : events)
        told += "\n    event " + std::string(e.id) + " " + std::string(extract::to_string(e.type)) + " " + (e.date ? naqsha::iso_date(*e.date) : "") +
                ".." + (e.date_end ? naqsha::iso_date(*e.date_end) : "") + " " + (e.district.empty() ? "-" : std::string(e.district)) +
                " control=" + std::string(extract::to_string(e.control)) + " by=" + std::string(extract::to_string(e.reported_by_kind));
    for (const auto& i : timeline)
        told += "\n    state " + i.pcode + " " + std::string(store::to_string(i.status)) + " " + store::format_iso_day(i.start_day) + ".." + store::format_iso_day(i.end_day);
    INFO("control_evidence.tables:" << c.line << ": " << c.name << told);
    for (const auto& x : c.states) {
        INFO("expectation at line " << x.line);
        CHECK(status_on(timeline, x.pcode, x.day) == x.status);
    }
}

} // namespace

TEST_CASE("control evidence tables") {
    auto cases = read_cases(fs::path(NAQSHA_CONTROL_TABLES));
    REQUIRE(!cases.empty());
    auto all = districts();
    for (const auto& c : cases) {
        REQUIRE_MESSAGE(!c.at.empty(), "control_evidence.tables:" << c.line << ": no 'at' map date");
        REQUIRE_MESSAGE(!c.states.empty(), "control_evidence.tables:" << c.line << ": no expected state");
        check_case(c, all);
    }
}
