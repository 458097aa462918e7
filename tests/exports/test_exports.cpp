#include "render/exports/csv_writer.hpp"
#include "render/exports/exports.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace {

using namespace naqsha;
using extract::actor_side;
using extract::attribution_kind;

// A minimal RFC 4180 reader, enough to check what the writer produced.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') { field += '"'; ++i; }
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') quoted = true;
        else if (c == ',') { rows.back().push_back(field); field.clear(); }
        else if (c == '\n') { rows.back().push_back(field); field.clear(); rows.emplace_back(); }
        else field += c;
    }
    rows.pop_back(); // after the final newline
    return rows;
}

// The value of a named column in data row 1 of a parsed table.
std::string cell(const std::vector<std::vector<std::string>>& rows, std::string_view name) {
    const auto& header = rows.at(0);
    auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) return "<no column " + std::string(name) + ">";
    return rows.at(1).at(static_cast<std::size_t>(it - header.begin()));
}

store::merged_event baharak_ambush() {
    store::merged_event e;
    e.id = "e1a2b3";
    e.type = extract::event_type::armed_clash;
    e.sub_type = extract::event_sub_type::ambush;
    e.date = naqsha::parse_iso_day("2020-10-20");
    e.date_end = naqsha::parse_iso_day("2020-10-21");
    e.date_prec = extract::date_precision::range;
    e.district = extract::place_ref{"AF1803", "Baharak"};
    e.province = extract::place_ref{"AF18", "Takhar"};
    e.geo_prec = extract::geo_precision::district;
    e.lon = 69.8;
    e.lat = 36.9;
    e.who = {actor_side::taliban, actor_side::afghan_forces, "Taliban", "security forces, police"};
    e.killed = extract::count_range{12, 34, 42};
    e.wounded = extract::count_range{8, 8, 8};
    e.quote = "34 security personnel were killed in the ambush,\nincluding the province's deputy police chief";
    e.sources = {{"001_7f9b9c3711d5355b", "001_7f9b9c3711d5355b#1", "Al Jazeera", "", naqsha::parse_iso_day("2020-10-21"), e.quote},
                 {"003_71abac885cfa549a", "003_71abac885cfa549a#1", "Republic World", "", naqsha::parse_iso_day("2020-10-22"),
                  "the clashes led to the death of Takhar's deputy police chief"}};
    e.confidence = 0.9;
    return e;
}

} // namespace

TEST_CASE("csv_writer quotes only what must be quoted and checks the column count") {
    std::string text;
    exports::csv_writer csv({"a", "b", "c"}, [&](std::string_view piece) { text += piece; });
    csv.field("plain").field("has, comma").field("has \"quotes\"");
    csv.end_row();
    csv.finish();
    auto rows = parse_csv(text);
    REQUIRE(rows.size() == 2);
    CHECK(rows[1] == std::vector<std::string>{"plain", "has, comma", "has \"quotes\""});
    CHECK(text.rfind("plain,\"has, comma\",", std::string::npos) != std::string::npos);
    csv.field("too few");
    CHECK_THROWS(csv.end_row());
}

TEST_CASE("csv_writer neutralises formulas and strips control characters (CSV injection)") {
    struct row {
        std::string in, out;
    };
    using namespace std::string_literals;
    const std::vector<row> table{
        {"=HYPERLINK(\"http://evil.example\",\"click\")", "'=HYPERLINK(\"http://evil.example\",\"click\")"},
        {"+1+1", "'+1+1"},
        {"-2+3", "'-2+3"},
        {"@SUM(A1:A9)", "'@SUM(A1:A9)"},
        {"  =1+1", "'  =1+1"},
        {"\t=1+1", "' =1+1"},          // a tab is a control character: a space, then the formula is caught
        {"\r=1+1", "' =1+1"},
        {"a=b, c-d", "a=b, c-d"},       // only the start of a cell makes a formula
        {"Kabul", "Kabul"},
        {"nul\0in the middle"s, "nulin the middle"},
        {"bell\a, escape\x1b, delete\x7f", "bell , escape , delete "},
        {"line\nbreak\r\nand tab\t", "line break  and tab "},
        {"C1 \xc2\x85 next line, \xc2\xa0 no-break space", "C1   next line, \xc2\xa0 no-break space"},
    };
    std::string text;
    exports::csv_writer csv({"cell"}, [&](std::string_view piece) { text += piece; });
    for (const auto& r : table) {
        csv.field(r.in);
        csv.end_row();
    }
    csv.finish();
    auto rows = parse_csv(text);
    REQUIRE(rows.size() == table.size() + 1);
    for (std::size_t i = 0; i < table.size(); ++i) {
        CAPTURE(table[i].in);
        CHECK(rows[i + 1].at(0) == table[i].out);
    }
    for (char c : text) CHECK((static_cast<unsigned char>(c) >= 0x20 || c == '\n'));
    // Numbers are numbers: a negative figure is never quoted into text.
    std::string numbers_text;
    exports::csv_writer numbers({"n", "x"}, [&](std::string_view piece) { numbers_text += piece; });
    numbers.field(-3).field(-1.5, 1);
    numbers.end_row();
    numbers.finish();
    CHECK(numbers_text == "n,x\n-3,-1.5\n");
}

TEST_CASE("events.csv carries ACLED's columns with ACLED's conventions") {
    store::map_state state;
    state.events.add(baharak_ambush());
    store::merged_event undated = baharak_ambush();
    undated.id = "undated";
    undated.date.reset();
    undated.date_prec = extract::date_precision::unknown;
    state.events.add(undated);

    std::string text;
    auto table = exports::acled_csv(state, [&](std::string_view piece) { text += piece; });
    CHECK(table.rows == 1);
    CHECK(table.skipped == 1);
    auto rows = parse_csv(text);
    REQUIRE(rows.size() == 2);
    const auto& header = rows[0];
    for (const char* required : {"event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
                                 "actor2", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
                                 "source", "notes", "fatalities"}) {
        CHECK_MESSAGE(std::find(header.begin(), header.end(), std::string(required)) != header.end(), required);
    }
    auto column = [&](std::string_view name) { return cell(rows, name); };
    CHECK(column("event_date") == "2020-10-20");
    CHECK(column("year") == "2020");
    CHECK(column("time_precision") == "1"); // a night running past midnight is one day's event
    CHECK(column("event_type") == "Battles");
    CHECK(column("sub_event_type") == "Armed clash");
    CHECK(column("actor1") == "Taliban");
    CHECK(column("inter1") == "2");
    CHECK(column("actor2") == "Police Forces of Afghanistan (2004-2021)");
    CHECK(column("interaction") == "12");
    CHECK(column("admin1") == "Takhar");
    CHECK(column("admin2") == "Baharak");
    CHECK(column("geo_precision") == "2");
    CHECK(column("fatalities") == "12"); // ACLED codes the most conservative figure
    CHECK(column("civilian_targeting") == "");
    CHECK(column("source") == "Al Jazeera; Republic World");
    CHECK(column("notes").find('\n') == std::string::npos);
    CHECK(column("timestamp") == "1603324800"); // 2020-10-22, the latest source
}

TEST_CASE("events_ucdp.csv carries best, low and high") {
    store::map_state state;
    state.events.add(baharak_ambush());
    std::string text;
    exports::ucdp_csv(state, [&](std::string_view piece) { text += piece; });
    auto rows = parse_csv(text);
    REQUIRE(rows.size() == 2);
    auto column = [&](std::string_view name) { return cell(rows, name); };
    CHECK(column("best") == "34");
    CHECK(column("low") == "12");
    CHECK(column("high") == "42");
    CHECK(column("type_of_violence") == "1");
    CHECK(column("side_a") == "Government of Afghanistan");
    CHECK(column("side_b") == "Taleban");
    CHECK(column("where_prec") == "3");
    CHECK(column("date_prec") == "1"); // a night running past midnight is still one day's event
    CHECK(column("number_of_sources") == "2");
    CHECK(column("geom_wkt") == "POINT (69.8000 36.9000)");
}

namespace {

// A table's data rows as column name -> value.
std::vector<std::map<std::string, std::string>> records(const std::string& text) {
    auto rows = parse_csv(text);
    std::vector<std::map<std::string, std::string>> out;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        std::map<std::string, std::string> record;
        for (std::size_t c = 0; c < rows[0].size(); ++c) record[rows[0][c]] = rows[r].at(c);
        out.push_back(std::move(record));
    }
    return out;
}

extract::claim killed_claim(int figure, attribution_kind source_kind, actor_side subject) {
    return {extract::casualty_field::killed, {figure, figure, figure}, "someone", source_kind, subject, {}};
}

} // namespace

TEST_CASE("what each file holds, and whose dead UCDP's deaths_a and deaths_b count (issue 19)") {
    // name, change to the Baharak ambush, then: in events_ucdp.csv? its type_of_violence and
    // deaths_a/b/civilians/unknown; in events.csv? its event_type/sub_event_type, actor1, actor2, fatalities.
    struct row {
        const char* name;
        std::function<void(store::merged_event&)> change;
        bool in_ucdp;
        const char* ucdp;   // "type a b civilians unknown"
        bool in_acled;
        const char* acled;  // "event_type/sub_event_type|actor1|actor2|fatalities"
    };
    auto crash = [](store::merged_event& e) {
        e.type = extract::event_type::accident;
        e.sub_type = extract::event_sub_type::crash;
        e.who = {actor_side::coalition, actor_side::coalition, "", ""};
        e.killed = extract::count_range{5, 5, 5};
        e.claims = {killed_claim(5, attribution_kind::official, actor_side::coalition)};
    };
    const row rows[] = {
        {"the seed's Baharak ambush: 34 dead security personnel are the government's", [](store::merged_event& e) {
             e.claims = {killed_claim(34, attribution_kind::official, actor_side::afghan_forces),
                         killed_claim(24, attribution_kind::official, actor_side::afghan_forces),
                         killed_claim(12, attribution_kind::unattributed, actor_side::afghan_forces),
                         killed_claim(42, attribution_kind::taliban, actor_side::afghan_forces)};
         }, true, "1 34 0 0 0", true, "Battles/Armed clash|Taliban|Police Forces of Afghanistan (2004-2021)|12"},
        {"dead on both sides, and some no one assigns", [](store::merged_event& e) {
             e.killed = extract::count_range{20, 20, 20};
             e.claims = {killed_claim(9, attribution_kind::official, actor_side::afghan_forces),
                         killed_claim(6, attribution_kind::official, actor_side::taliban)};
         }, true, "1 9 6 0 5", true, "Battles/Armed clash|Taliban|Police Forces of Afghanistan (2004-2021)|20"},
        {"a side's claim larger than the best estimate is cut to it", [](store::merged_event& e) {
             e.killed = extract::count_range{10, 10, 50};
             e.claims = {killed_claim(50, attribution_kind::taliban, actor_side::afghan_forces),
                         killed_claim(10, attribution_kind::official, actor_side::unknown)};
         }, true, "1 10 0 0 0", true, "Battles/Armed clash|Taliban|Police Forces of Afghanistan (2004-2021)|10"},
        {"civilians targeted: one-sided", [](store::merged_event& e) {
             e.who = {actor_side::isk, actor_side::civilians, "", ""};
             e.claims = {killed_claim(34, attribution_kind::official, actor_side::civilians)};
         }, true, "3 0 0 34 0", true, "Violence against civilians/Attack|Islamic State (Afghanistan)|Civilians (Afghanistan)|12"},
        {"a helicopter crash with no hostile act: no UCDP row, a strategic development for ACLED", crash, false, "",
         true, "Strategic developments/Other|NATO: North Atlantic Treaty Organization||0"},
        {"a crash involving no armed party is in neither file", [&](store::merged_event& e) {
             crash(e);
             e.who = {actor_side::unknown, actor_side::civilians, "", ""};
         }, false, "", false, ""},
        {"an attacker no one names: ACLED's Unidentified Armed Group; UCDP needs both sides", [](store::merged_event& e) {
             e.who = {actor_side::unknown, actor_side::coalition, "", ""};
         }, false, "", true, "Battles/Armed clash|Unidentified Armed Group (Afghanistan)|NATO: North Atlantic Treaty Organization|12"},
        {"a target no one names is no actor2", [](store::merged_event& e) {
             e.type = extract::event_type::bombing;
             e.who = {actor_side::taliban, actor_side::unknown, "", ""};
         }, true, "1 0 0 0 34", true, "Explosions/Remote violence/Remote explosive/landmine/IED|Taliban||12"},
        {"no one killed: not a GED event", [](store::merged_event& e) { e.killed.reset(); }, false, "", true,
         "Battles/Armed clash|Taliban|Police Forces of Afghanistan (2004-2021)|0"},
    };
    for (const auto& r : rows) {
        const std::string name = r.name;
        CAPTURE(name);
        store::map_state state;
        auto e = baharak_ambush();
        r.change(e);
        state.events.add(e);
        std::string ucdp_text, acled_text;
        auto ucdp_table = exports::ucdp_csv(state, [&](std::string_view piece) { ucdp_text += piece; });
        auto acled_table = exports::acled_csv(state, [&](std::string_view piece) { acled_text += piece; });
        auto ucdp = records(ucdp_text), acled = records(acled_text);
        REQUIRE(ucdp.size() == (r.in_ucdp ? 1u : 0u));
        CHECK(ucdp_table.not_coded == (r.in_ucdp ? 0u : 1u));
        if (r.in_ucdp) {
            const auto& u = ucdp.front();
            CHECK(u.at("type_of_violence") + " " + u.at("deaths_a") + " " + u.at("deaths_b") + " " + u.at("deaths_civilians") +
                      " " + u.at("deaths_unknown") == r.ucdp);
            const int sum = std::stoi(u.at("deaths_a")) + std::stoi(u.at("deaths_b")) + std::stoi(u.at("deaths_civilians")) +
                            std::stoi(u.at("deaths_unknown"));
            CHECK(sum == std::stoi(u.at("best"))); // GED: the four add up to best
        }
        REQUIRE(acled.size() == (r.in_acled ? 1u : 0u));
        CHECK(acled_table.not_coded == (r.in_acled ? 0u : 1u));
        if (r.in_acled) {
            const auto& a = acled.front();
            CHECK(a.at("event_type") + "/" + a.at("sub_event_type") + "|" + a.at("actor1") + "|" + a.at("actor2") + "|" +
                      a.at("fatalities") == r.acled);
        }
    }
}
