// data.js of the web viewer (issue 16): one compact table of district states per slice, the incidents
// of each slice, every district's control history, and every event with each source and its quote.
#include "render/viewer/event_rows.hpp"
#include "render/viewer/viewer_data.hpp"
#include "render/viewer/write_viewer.hpp"
#include "tests/documented_colours.hpp"
#include "tests/layers/sample_state.hpp"
#include "tests/tiles/tiles_fixture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using namespace naqsha;
using json = nlohmann::json;

namespace {

json parse_script(const std::string& script) {
    const std::string prefix = "window.NAQSHA_DATA = ";
    const auto begin = script.find(prefix);
    REQUIRE(begin != std::string::npos);
    REQUIRE(script.size() >= 2);
    REQUIRE(script.substr(script.size() - 2) == ";\n");
    return json::parse(script.substr(begin + prefix.size(), script.size() - 2 - begin - prefix.size()));
}

int column(const json& data, const char* table, const char* name) {
    const auto& names = data.at(std::string(table) + "_columns");
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return int(i);
    FAIL("no column " << name << " in " << table);
    return -1;
}

} // namespace

TEST_CASE("data.js: per-slice states as one string per slice, in the palette's codes") {
    const auto state = test::sample_map_state();
    const auto districts = test::ocha().districts;
    viewer::viewer_data_report report;
    const auto data = parse_script(viewer::viewer_data_script(state, districts, test::ocha().provinces,
                                                              {"OCHA/AGCHO 2018", 10, 1.0}, &report));
    CHECK(report.slices == state.slices.size());
    CHECK(report.districts == districts.size());
    CHECK(data.at("as_of") == "2020-11-30");
    CHECK(data.at("boundaries") == "OCHA/AGCHO 2018");

    // The palette is the tiles' and the QGIS styles': the documented colours (docs/tiles.md).
    const auto& statuses = data.at("palette").at("statuses");
    REQUIRE(statuses.size() == store::all_control_statuses.size());
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        const auto status = store::all_control_statuses[i];
        CHECK(statuses[i].at("fill") == test::as_hex(test::documented_colour(status)));
        CHECK(statuses[i].at("code").get<std::string>() == std::string(1, store::to_string(status).front()));
    }

    std::size_t baharak = 0, sayad = 0;
    for (std::size_t i = 0; i < districts.size(); ++i) {
        if (districts[i].pcode == "AF1803") baharak = i;
        if (districts[i].pcode == "AF2202") sayad = i;
    }
    const auto& slices = data.at("slices");
    REQUIRE(slices.size() == 5); // 2020-07 .. 2020-11
    const int states = column(data, "slice", "states"), date = column(data, "slice", "date");
    for (const auto& s : slices) CHECK(s[std::size_t(states)].get<std::string>().size() == districts.size());
    auto status_at = [&](std::size_t slice, std::size_t d) { return slices[slice][std::size_t(states)].get<std::string>()[d]; };
    std::size_t kabul = 0;
    for (std::size_t i = 0; i < districts.size(); ++i)
        if (districts[i].pcode == "AF0101") kabul = i;
    CHECK(status_at(2, baharak) == 'g'); // September: the baseline's government
    CHECK(status_at(3, baharak) == 'c'); // October: contested from 2020-10-19
    CHECK(status_at(3, kabul) == '.');   // no information at all
    CHECK(status_at(3, sayad) == 'c');
    CHECK(status_at(4, sayad) == 'g');   // the override from 2020-11-15
    // The date a slice shows is its end, clipped to the map date (as summary.csv has it).
    CHECK(slices[3][std::size_t(date)] == "2020-10-31");
    CHECK(slices[4][std::size_t(date)] == "2020-11-30"); // the map date is the slice's end

    // October's incidents: the Baharak ambush (34 killed: class 20-49) among them, at a shared point.
    const int incidents = column(data, "slice", "incidents");
    const auto& october = slices[3][std::size_t(incidents)];
    CHECK(october.size() % 3 == 0);
    CHECK(october.size() / 3 == 3); // Baharak, Taloqan, Archi; the province-precision airstrike is no point
}

TEST_CASE("data.js: a district's history and events, each source with its own quote") {
    const auto state = test::sample_map_state();
    const auto districts = test::ocha().districts;
    const auto data = parse_script(viewer::viewer_data_script(state, districts, test::ocha().provinces, {}));
    std::size_t baharak = 0;
    for (std::size_t i = 0; i < districts.size(); ++i)
        if (districts[i].pcode == "AF1803") baharak = i;

    // Oldest first: the baseline's government, then contested from the ambush.
    const auto& history = data.at("history").at(baharak);
    REQUIRE(history.size() == 2);
    CHECK(history[0][std::size_t(column(data, "history", "status"))] == "g");
    CHECK(history[0][std::size_t(column(data, "history", "basis"))] == "baseline");
    CHECK(history[0][std::size_t(column(data, "history", "source"))] == "sample assessment");
    CHECK(history[1][std::size_t(column(data, "history", "status"))] == "c");
    CHECK(history[1][std::size_t(column(data, "history", "start"))] == "2020-10-19");
    CHECK(history[1][std::size_t(column(data, "history", "end"))] == "");
    const auto& supporting = history[1][std::size_t(column(data, "history", "events"))];
    REQUIRE(supporting.size() == 1);

    const auto& events = data.at("events");
    const auto& event = events.at(supporting[0].get<std::size_t>());
    CHECK(event[std::size_t(column(data, "event", "district"))] == int(baharak));
    CHECK(event[std::size_t(column(data, "event", "date"))] == "2020-10-19");
    CHECK(data.at("vocabulary").at("type").at(event[std::size_t(column(data, "event", "type"))].get<std::size_t>()) ==
          "armed_clash");
    CHECK(event[std::size_t(column(data, "event", "killed"))] == json({12, 34, 42}));
    CHECK(event[std::size_t(column(data, "event", "missing"))] == 48);   // every source agrees: one number
    CHECK(event[std::size_t(column(data, "event", "wounded"))] == -1);   // unknown
    const auto& sources = event[std::size_t(column(data, "event", "sources"))];
    REQUIRE(sources.size() == 2);
    const auto& strings = data.at("strings");
    const auto quote = std::size_t(column(data, "source", "quote")), url = std::size_t(column(data, "source", "url"));
    CHECK(strings.at(sources[0][quote].get<std::size_t>()) == "Taliban ambushed security forces in Baharak district of Takhar.");
    CHECK(strings.at(sources[1][quote].get<std::size_t>()).get<std::string>().find("Baharak district") != std::string::npos);
    CHECK(sources[0][url] == "https://tolonews.com/afghanistan-166976");
    CHECK(strings.at(sources[0][std::size_t(column(data, "source", "publisher"))].get<std::size_t>()) == "TOLOnews");
}

TEST_CASE("write_viewer: the page, Leaflet from libjs-leaflet, and the data, with no address off this machine") {
    const auto out = test::fresh_dir("viewer");
    const auto report = viewer::write_viewer(test::sample_map_state(), test::ocha().districts, test::ocha().provinces,
                                             out / "viewer", {});
    for (const char* name : {"index.html", "viewer.js", "viewer.css", "leaflet.js", "leaflet.css", "leaflet-copyright.txt", "data.js"})
        CHECK(fs::is_regular_file(out / "viewer" / name));
    CHECK(report.index == out / "viewer" / "index.html");
    CHECK(report.bytes < 3'000'000);
    // The Leaflet copied in is Debian's, byte for byte.
    CHECK(read_file(out / "viewer" / "leaflet.js") == read_file("/usr/share/javascript/leaflet/leaflet.min.js"));
    // The page loads its scripts and styles from beside it, never from a network.
    const auto html = read_file(out / "viewer" / "index.html");
    for (const char* local : {"src=\"leaflet.js\"", "src=\"data.js\"", "src=\"viewer.js\"", "href=\"leaflet.css\""})
        CHECK(html.find(local) != std::string::npos);
    for (const char* name : {"index.html", "viewer.js", "viewer.css"}) {
        const auto text = read_file(out / "viewer" / name);
        CHECK_MESSAGE(text.find("http://") == std::string::npos, name);
        CHECK_MESSAGE(text.find("https://") == std::string::npos, name);
        CHECK_MESSAGE(text.find("//cdn") == std::string::npos, name);
    }
    fs::remove_all(out);
}

TEST_CASE("data.js: each article counts once, for the first publisher named with it, publishers by name") {
    // The sample names article 004 twice (Taloqan's bombing and the airstrike), both times Pajhwok.
    auto data = parse_script(viewer::viewer_data_script(test::sample_map_state(), test::ocha().districts,
                                                        test::ocha().provinces, {}));
    CHECK(data.at("publishers") ==
          json::parse(R"([["Khaama Press",1],["Pajhwok",1],["Republic World",1],["TOLOnews",1],["Xinhua",1]])"));

    // Two articles of one publisher, and an article named first by one publisher and then by another:
    // it counts for the first only, and a publisher left with no article is not listed.
    store::merged_event first, second;
    first.id = "ev-first";
    first.date = first.date_end = naqsha::parse_iso_day("2020-10-01");
    first.sources = {{"b-article", "b#1", "Zeta", "", {}, "q"}, {"a-article", "a#1", "Zeta", "", {}, "q"}};
    second.id = "ev-second";
    second.date = second.date_end = naqsha::parse_iso_day("2020-10-02");
    second.sources = {{"b-article", "b#2", "Alpha", "", {}, "q"}, {"c-article", "c#1", "Beta", "", {}, "q"}};
    store::map_state state;
    state.as_of = naqsha::parse_iso_day("2020-10-31");
    state.slice_unit = "month";
    state.events = {first, second};
    data = parse_script(viewer::viewer_data_script(state, test::ocha().districts, test::ocha().provinces, {}));
    CHECK(data.at("publishers") == json::parse(R"([["Beta",1],["Zeta",2]])"));
}

TEST_CASE("data.js: an event's row is found by its id even when every id's hash is the same") {
    store::map_events events;
    for (int i = 0; i < 300; ++i) {
        store::merged_event e;
        e.id = "ev-" + std::to_string(1000 + i);
        events.add(e);
    }
    store::merged_event again;
    again.id = "ev-1007"; // a second event with an id already met: the first one's row is the id's
    events.add(again);

    const auto same_hash = [](std::string_view) -> std::uint64_t { return 42; };
    for (const auto& index : {viewer::event_rows(events), viewer::event_rows(events, same_hash)}) {
        for (int i = 0; i < 300; ++i) CHECK(index.at("ev-" + std::to_string(1000 + i)) == i);
        CHECK(index.at("ev-1007") == 7);
        CHECK_FALSE(index.find("ev-0999").has_value());
        CHECK_FALSE(index.find("ev-1300").has_value());
        CHECK_THROWS_AS(index.at("ev-1300"), std::out_of_range);
    }
}
