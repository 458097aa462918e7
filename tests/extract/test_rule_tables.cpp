// The extraction rules as tables: every `*.rules` file in tests/extract/rules holds short texts
// written for one phenomenon of English, each followed by the primary events it must give (see
// rules/README.md for the format). One doctest case per file; a failing row names its line.
#include "extract/extractor.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
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
};

struct rule_case {
    int line = 0;
    std::string published;
    std::string url;
    std::string text;
    bool none = false;                         // "none": no primary event at all
    std::vector<expectation> events;
    std::vector<expectation> claims;           // "claim key=value...": the area claims, in order, when any is written
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
    std::string published, url, raw;
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
                cases.push_back({line, published, url, text, false, {}, {}});
                in_text = true;
            }
            continue;
        }
        in_text = false;
        REQUIRE_MESSAGE(!cases.empty(), file.filename().string() << ":" << line << ": an expectation before any text");
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
        }
        std::string kv;
        while (words >> kv) {
            auto eq = kv.find('=');
            REQUIRE_MESSAGE(eq != std::string::npos, file.filename().string() << ":" << line << ": expected key=value, got " << kv);
            e.fields[kv.substr(0, eq)] = kv.substr(eq + 1);
        }
        if (e.type == "claim") cases.back().claims.push_back(std::move(e));
        else cases.back().events.push_back(std::move(e));
    }
    return cases;
}

std::string count(const std::optional<naqsha::extract::count_range>& c) { return c ? std::to_string(c->low) : "-"; }

// The value of a field of an event, as the tables write it.
std::string field(const event& e, const std::string& key) {
    if (key == "date") return e.date.empty() ? "-" : e.date;
    if (key == "date_end") return e.date_end.empty() ? "-" : e.date_end;
    if (key == "province") return e.province ? e.province->pcode : "-";
    if (key == "district") return e.district ? e.district->pcode : "-";
    if (key == "killed") return count(e.killed);
    if (key == "wounded") return count(e.wounded);
    if (key == "captured") return count(e.captured);
    if (key == "missing") return count(e.missing);
    if (key == "control") return e.control.empty() ? "-" : e.control;
    if (key == "perpetrator") return e.who.perpetrator;
    if (key == "reported_by_kind") return e.reported_by_kind.empty() ? "-" : e.reported_by_kind;
    if (key == "sub_type") return e.sub_type.empty() ? "-" : e.sub_type;
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
    if (key == "scope") return c.scope;
    if (key == "province") return c.province ? c.province->pcode : "-";
    if (key == "districts") return number(c.districts);
    if (key == "of_districts") return number(c.of_districts);
    if (key == "percent") return number(c.percent);
    if (key == "source_kind") return c.source_kind;
    FAIL("unknown claim field " << key);
    return {};
}

std::string describe(const event& e) {
    std::string s = std::string(to_string(e.type));
    for (const char* k : {"date", "province", "district", "killed", "wounded", "captured", "control"}) s += std::string(" ") + k + "=" + field(e, k);
    return s;
}

void check_case(const fs::path& file, const rule_case& c) {
    naqsha::extract::article a;
    a.id = file.stem().string() + ":" + std::to_string(c.line);
    a.text = c.text;
    a.url = c.url;
    naqsha::extract::extract_options options;
    options.published = c.published;
    auto result = naqsha::extract::extract_article(a, gaz(), options);
    std::vector<const event*> primary, background;
    for (const auto& e : result.events) (e.background ? background : primary).push_back(&e);
    std::string got;
    for (const auto* e : primary) got += "\n    " + describe(*e);
    for (const auto* e : background) got += "\n    background " + describe(*e);
    std::string where = file.filename().string() + ":" + std::to_string(c.line) + ": " + c.text + "\n  got:" + got;
    INFO(where);
    if (c.none) CHECK(primary.empty());
    std::size_t want_primary = static_cast<std::size_t>(std::count_if(c.events.begin(), c.events.end(), [](const expectation& x) { return !x.background; }));
    if (!c.none) CHECK(primary.size() == want_primary);
    if (!c.claims.empty()) {
        std::string claims;
        for (const auto& k : result.area_claims) claims += " [" + k.scope + " " + claim_field(k, "province") + " " + claim_field(k, "percent") + "]";
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
