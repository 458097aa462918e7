// The extraction rules as tables: every `*.rules` file in tests/extract/rules holds short texts
// written for one phenomenon of English, each followed by the primary events it must give (see
// rules/README.md for the format). One doctest case per file; a failing row names its line.
#include "extract/article.hpp"
#include "extract/extractor.hpp"
#include "base/atomic_file.hpp"
#include "base/calendar.hpp"
#include "base/paths.hpp"
#include "tests/extract/casualty_readings.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using naqsha::extract::event;

const naqsha::gazetteer::gazetteer& gaz() {
    static const auto g = naqsha::gazetteer::gazetteer::load();
    return g;
}

struct expectation {
    int line = 0;
    bool background = false;
    std::string type;                          // "*" for any
    std::map<std::string, std::string> fields; // key -> value as written ("-" for null)
    std::vector<expectation> sources;          // "source FIELD key=value...": figures the event must hold
};

struct rule_case {
    int line = 0;
    std::string reading;                       // "read MODE": articles (the default), sentences or incident
    std::string published;
    std::string url;
    std::string text;
    std::string file;                          // "file PATH": the text is this file of the shared data
    bool none = false;                         // "none": no primary event at all
    std::vector<expectation> events;
    std::vector<expectation> claims;           // "claim key=value...": the area claims, in order, when any is written
    std::map<std::string, std::string> article; // "article key=value...": the article as a whole
    std::optional<std::map<std::string, std::string>> figures; // "figures key=value...": under "read sentences" or "read incident"
};

std::string trim(std::string s) {
    auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

std::vector<rule_case> parse(const fs::path& file) {
    std::ifstream in(file);
    REQUIRE_MESSAGE(in, "cannot read " << file);
    std::vector<rule_case> cases;
    std::string reading = "articles", published, url, raw;
    int line = 0;
    bool in_text = false;
    while (std::getline(in, raw)) {
        ++line;
        std::string s = trim(raw);
        if (s.empty() || s[0] == '#') {
            in_text = false;
            continue;
        }
        if (s.rfind("published ", 0) == 0) {
            published = trim(s.substr(10));
            if (published == "-") published.clear();
            in_text = false;
            continue;
        }
        if (s.rfind("read ", 0) == 0) {
            reading = trim(s.substr(5));
            REQUIRE_MESSAGE((reading == "articles" || reading == "sentences" || reading == "incident"),
                            file.filename().string() << ":" << line << ": read articles, sentences or incident");
            in_text = false;
            continue;
        }
        if (s.rfind("url ", 0) == 0) {
            url = trim(s.substr(4));
            if (url == "-") url.clear();
            in_text = false;
            continue;
        }
        if (s[0] == '>') {
            std::string text = s.size() > 1 && s[1] == ' ' ? s.substr(2) : s.substr(1);
            if (in_text) {
                cases.back().text += "\n" + text;
            } else {
                cases.push_back({line, reading, published, url, text, {}, false, {}, {}, {}, {}});
                in_text = true;
            }
            continue;
        }
        in_text = false;
        if (s.rfind("file ", 0) == 0) {
            cases.push_back({line, reading, published, url, {}, trim(s.substr(5)), false, {}, {}, {}, {}});
            continue;
        }
        const std::string where = file.filename().string() + ":" + std::to_string(line);
        REQUIRE_MESSAGE(!cases.empty(), where << ": an expectation before any text");
        if (s == "none") {
            cases.back().none = true;
            continue;
        }
        std::istringstream words(s);
        expectation e;
        e.line = line;
        words >> e.type;
        if (e.type == "background") {
            e.background = true;
            words >> e.type;
        } else if (e.type == "source") {
            words >> e.fields["field"]; // "source killed best=34 kind=official": the figure's field first
        }
        std::string kv;
        while (words >> kv) {
            auto eq = kv.find('=');
            REQUIRE_MESSAGE(eq != std::string::npos, where << ": expected key=value, got " << kv);
            e.fields[kv.substr(0, eq)] = kv.substr(eq + 1);
        }
        if (e.type == "figures") {
            cases.back().figures = std::move(e.fields);
        } else if (e.type == "claim") {
            cases.back().claims.push_back(std::move(e));
        } else if (e.type == "article") {
            cases.back().article = std::move(e.fields);
        } else if (e.type == "source") {
            REQUIRE_MESSAGE(!cases.back().events.empty(), where << ": a source line under no event");
            for (const auto& key_and_value : e.fields) {
                const std::string& key = key_and_value.first;
                REQUIRE_MESSAGE((key == "field" || key == "best" || key == "kind" || key == "subject"), where << ": unknown source key " << key);
            }
            cases.back().events.back().sources.push_back(std::move(e));
        } else {
            cases.back().events.push_back(std::move(e));
        }
    }
    return cases;
}

// A figure as the tables write it: its low end, or with a suffix its best estimate or high end.
std::string count(const std::optional<naqsha::extract::count_range>& c, const std::string& end) {
    if (!c) return "-";
    if (end == "_best") return std::to_string(c->best);
    if (end == "_high") return std::to_string(c->high);
    return std::to_string(c->low);
}

// "killed", "killed_best", "killed_high" (and the same for wounded, captured, missing); nullopt for
// any other key.
std::optional<std::string> figure_field(const event& e, const std::string& key) {
    auto bar = key.find('_');
    std::string name = key.substr(0, bar), end = bar == std::string::npos ? "" : key.substr(bar);
    const std::optional<naqsha::extract::count_range>* figure = name == "killed"     ? &e.killed
                                                               : name == "wounded"  ? &e.wounded
                                                               : name == "captured" ? &e.captured
                                                               : name == "missing"  ? &e.missing
                                                                                    : nullptr;
    if (!figure || (!end.empty() && end != "_best" && end != "_high")) return std::nullopt;
    return count(*figure, end);
}

// The value of a field of an event, as the tables write it.
std::string field(const event& e, const std::string& key) {
    if (key == "date") return e.date ? naqsha::iso_date(*e.date) : "-";
    if (key == "date_end") return e.date_end ? naqsha::iso_date(*e.date_end) : "-";
    if (key == "province") return e.province ? e.province->pcode : "-";
    if (key == "district") return e.district ? e.district->pcode : "-";
    if (auto figure = figure_field(e, key)) return *figure;
    if (key == "control") return e.control == naqsha::extract::control_side::none ? "-" : std::string(to_string(e.control));
    if (key == "perpetrator") return std::string(to_string(e.who.perpetrator));
    if (key == "target") return std::string(to_string(e.who.target));
    if (key == "date_prec") return std::string(to_string(e.date_prec));
    if (key == "reported_by_kind") return e.reported_by_kind == naqsha::extract::attribution_kind::unstated ? "-" : std::string(to_string(e.reported_by_kind));
    if (key == "sub_type") return e.sub_type == naqsha::extract::event_sub_type::none ? "-" : std::string(to_string(e.sub_type));
    if (key == "geo") return std::string(to_string(e.geo_prec));
    FAIL("unknown field " << key);
    return {};
}

std::string claim_field(const naqsha::extract::area_claim& c, const std::string& key) {
    auto number = [](const auto& v) {
        if (!v) return std::string("-");
        std::ostringstream out;
        out << *v;
        return out.str();
    };
    if (key == "scope") return std::string(to_string(c.scope));
    if (key == "province") return c.province ? c.province->pcode : "-";
    if (key == "districts") return number(c.districts);
    if (key == "of_districts") return number(c.of_districts);
    if (key == "percent") return number(c.percent);
    if (key == "source_kind") return std::string(to_string(c.source_kind));
    FAIL("unknown claim field " << key);
    return {};
}

// Whether the event holds a figure with the fields of a "source" line (field, best, kind, subject).
bool holds_source(const event& e, const expectation& source) {
    return std::any_of(e.claims.begin(), e.claims.end(), [&](const naqsha::extract::claim& c) {
        for (const auto& field_and_value : source.fields) {
            const std::string& key = field_and_value.first;
            std::string got = key == "field" ? std::string(to_string(c.field))
                            : key == "best"  ? std::to_string(c.value.best)
                            : key == "kind"  ? std::string(to_string(c.source_kind))
                                             : std::string(to_string(c.subject));
            if (got != field_and_value.second) return false;
        }
        return true;
    });
}

std::string article_field(const naqsha::extract::article_result& r, const std::string& key) {
    if (key == "published") return r.published ? naqsha::iso_date(*r.published) : "-";
    if (key == "published_from") return r.published_from.empty() ? "-" : r.published_from;
    if (key == "background")
        return std::to_string(std::count_if(r.events.begin(), r.events.end(), [](const event& e) { return e.background; }));
    FAIL("unknown article field " << key);
    return {};
}

std::string describe(const event& e) {
    std::string s = std::string(to_string(e.type));
    for (const char* k : {"date", "province", "district", "killed", "wounded", "captured", "control"}) s += std::string(" ") + k + "=" + field(e, k);
    return s;
}

// Under "read sentences" or "read incident": the casualty grammar's figures, a figure not written
// being 0.
void check_figures(const fs::path& file, const rule_case& c) {
    INFO(file.filename().string() << ":" << c.line << ": " << c.text);
    REQUIRE_MESSAGE(c.figures.has_value(), "no figures line under the text");
    auto got = c.reading == "sentences" ? naqsha::test::sentence_figures(c.text) : naqsha::test::incident_figures(c.text);
    REQUIRE_MESSAGE((c.events.empty() && c.claims.empty() && c.article.empty() && !c.none), "only a figures line goes under a text here");
    for (const auto& key_and_value : *c.figures) {
        const std::string& key = key_and_value.first;
        REQUIRE_MESSAGE((key == "killed" || key == "wounded" || key == "missing" || key == "captured"), "unknown figure " << key);
    }
    auto want = [&](const char* key) { return c.figures->count(key) ? c.figures->at(key) : "0"; };
    CHECK(std::to_string(got.killed) == want("killed"));
    CHECK(std::to_string(got.wounded) == want("wounded"));
    CHECK(std::to_string(got.missing) == want("missing"));
    CHECK(std::to_string(got.captured) == want("captured"));
}

void check_case(const fs::path& file, const rule_case& c) {
    if (c.reading != "articles") return check_figures(file, c);
    REQUIRE_MESSAGE(!c.figures, file.filename().string() << ":" << c.line << ": a figures line goes under read sentences or read incident");
    naqsha::extract::article a;
    a.id = file.stem().string() + ":" + std::to_string(c.line);
    a.text = c.text;
    a.url = c.url;
    if (!c.file.empty()) {
        // read as `naqsha extract FILE` reads it: named by its stem
        fs::path path = naqsha::shared_dir() / c.file;
        a.id = path.stem().string();
        a.path = path.string();
        a.text = naqsha::extract::decode_article_text(naqsha::read_file(path), a.path);
    }
    naqsha::extract::extract_options options;
    options.published = naqsha::parse_iso_day(c.published);
    REQUIRE_MESSAGE((c.published.empty() || options.published), c.line << ": published " << c.published << " is not a date YYYY-MM-DD");
    auto result = naqsha::extract::extract_article(a, gaz(), options);
    std::vector<const event*> primary, background;
    for (const auto& e : result.events) (e.background ? background : primary).push_back(&e);
    std::string got;
    for (const auto* e : primary) got += "\n    " + describe(*e);
    for (const auto* e : background) got += "\n    background " + describe(*e);
    std::string where = file.filename().string() + ":" + std::to_string(c.line) + ": " + (c.file.empty() ? c.text : c.file) + "\n  got:" + got;
    INFO(where);
    for (const auto& field_and_value : c.article) {
        INFO("article field " << field_and_value.first);
        CHECK(article_field(result, field_and_value.first) == field_and_value.second);
    }
    if (c.none) CHECK(primary.empty());
    std::size_t want_primary = static_cast<std::size_t>(std::count_if(c.events.begin(), c.events.end(), [](const expectation& x) { return !x.background; }));
    if (!c.none) CHECK(primary.size() == want_primary);
    if (!c.claims.empty()) {
        std::string claims;
        for (const auto& k : result.area_claims) claims += " [" + std::string(to_string(k.scope)) + " " + claim_field(k, "province") + " " + claim_field(k, "percent") + "]";
        INFO("area claims:" << claims);
        CHECK(result.area_claims.size() == c.claims.size());
        for (std::size_t k = 0; k < std::min(c.claims.size(), result.area_claims.size()); ++k) {
            INFO("expectation at line " << c.claims[k].line);
            for (const auto& field_and_value : c.claims[k].fields) {
                INFO("claim field " << field_and_value.first);
                CHECK(claim_field(result.area_claims[k], field_and_value.first) == field_and_value.second);
            }
        }
    }
    std::size_t p = 0, b = 0;
    for (const auto& x : c.events) {
        auto& list = x.background ? background : primary;
        std::size_t& k = x.background ? b : p;
        INFO("expectation at line " << x.line);
        if (k >= list.size()) {
            FAIL_CHECK((x.background ? "a background event expected, none left" : "an event expected, none left"));
            break;
        }
        const event& e = *list[k++];
        if (x.type != "*") CHECK(std::string(to_string(e.type)) == x.type);
        // not a structured binding: INFO captures the key in a lambda, which clang 14 refuses for one
        for (const auto& field_and_value : x.fields) {
            const std::string& key = field_and_value.first;
            INFO("field " << key);
            CHECK(field(e, key) == field_and_value.second);
        }
        for (const auto& source : x.sources) {
            std::string sources;
            for (const auto& held : e.claims) sources += " [" + std::string(to_string(held.field)) + " best=" + std::to_string(held.value.best) + " kind=" + std::string(to_string(held.source_kind)) + " subject=" + std::string(to_string(held.subject)) + "]";
            INFO("source at line " << source.line << "; the event's sources:" << sources);
            CHECK(holds_source(e, source));
        }
    }
}

} // namespace

TEST_CASE("extraction rule tables") {
    fs::path dir = NAQSHA_RULES_DIR;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".rules") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(!files.empty());
    for (const auto& file : files) {
        SUBCASE(file.filename().string().c_str()) {
            auto cases = parse(file);
            CHECK(!cases.empty());
            for (const auto& c : cases) check_case(file, c);
        }
    }
}
