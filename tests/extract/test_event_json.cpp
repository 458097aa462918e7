// Events and area claims survive a round trip through their NDJSON lines, field for field.
#include "base/calendar.hpp"
#include "base/error.hpp"
#include "extract/event_json.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string_view>

using namespace naqsha::extract;

TEST_CASE("an event round-trips through NDJSON with the contract's field names") {
    event e;
    e.id = "001#1";
    e.article = "001";
    e.type = event_type::armed_clash;
    e.sub_type = event_sub_type::ambush;
    e.date = naqsha::days_from_civil(2020, 10, 20);
    e.date_end = naqsha::days_from_civil(2020, 10, 21);
    e.date_prec = date_precision::range;
    e.date_basis = dated_by::text;
    e.date_text = "overnight";
    e.district = place_ref{"AF1803", "Baharak"};
    e.province = place_ref{"AF18", "Takhar"};
    e.geo_prec = geo_precision::district;
    e.lon = 69.8512345678;
    e.lat = 36.9;
    e.places.push_back({"Baharak", "AF1803", geo_precision::district, {10, 17}});
    e.who = {actor_side::taliban, actor_side::afghan_forces, "Taliban", "police"};
    e.killed = count_range{34, 34, 42};
    e.wounded = count_range{8, 8, 8};
    e.claims.push_back({casualty_field::killed, {34, 34, 34}, "provincial health director \"Abdul\"\nQayoum", attribution_kind::official, actor_side::afghan_forces, {5, 40}});
    e.quote = "At least 34 security personnel … killed";
    e.offsets = {0, 90};
    e.confidence = 0.9;
    auto line = to_json(e);
    CHECK(line.find('\n') == std::string::npos);
    auto j = nlohmann::json::parse(line);
    for (const char* k : {"id", "article", "type", "background", "date", "date_end", "date_precision", "district", "province",
                          "geo_precision", "lon", "lat", "places", "actors", "killed", "wounded", "missing", "captured",
                          "claims", "control", "quote", "offsets", "confidence"})
        CHECK_MESSAGE(j.contains(k), k);
    CHECK(j["missing"].is_null());
    CHECK(j["lon"].get<double>() == doctest::Approx(69.851235));
    CHECK(j["claims"][0]["source_kind"] == "official");
    CHECK(j["actors"]["perpetrator"] == "taliban");

    auto back = event_from_json(line);
    CHECK(back.id == e.id);
    CHECK(back.type == e.type);
    CHECK(back.date_prec == e.date_prec);
    CHECK(back.district == e.district);
    CHECK(back.province == e.province);
    CHECK(back.killed == e.killed);
    CHECK(back.wounded == e.wounded);
    CHECK_FALSE(back.missing);
    REQUIRE(back.claims.size() == 1);
    CHECK(back.claims[0].source == e.claims[0].source);
    CHECK(back.claims[0].offsets == e.claims[0].offsets);
    CHECK(back.places == e.places);
    CHECK(back.quote == e.quote);
    CHECK(back.who.target_detail == "police");
    CHECK(to_json(back) == to_json(event_from_json(to_json(back))));
}

TEST_CASE("unknown dates and places are null, and read back as empty") {
    event e;
    e.id = "002#1";
    e.article = "002";
    e.type = event_type::district_seizure;
    e.control = control_side::taliban;
    auto j = nlohmann::json::parse(to_json(e));
    CHECK(j["date"].is_null());
    CHECK(j["district"].is_null());
    CHECK(j["date_precision"] == "unknown");
    auto back = event_from_json(to_json(e));
    CHECK_FALSE(back.date);
    CHECK_FALSE(back.district);
    CHECK(back.control == control_side::taliban);
}

TEST_CASE("area claims round-trip") {
    area_claim c;
    c.article = "000";
    c.text = "61 out of Afghanistan's 407 districts";
    c.source = "An insurgent report";
    c.source_kind = attribution_kind::taliban;
    c.districts = 61;
    c.of_districts = 407;
    c.scope = area_scope::districts;
    c.date = naqsha::days_from_civil(2021, 7, 5);
    const auto line = to_json(c);
    CHECK(line.find("\"date\":\"2021-07-05\"") != std::string::npos);
    auto back = area_claim_from_json(line);
    CHECK(back.districts == 61);
    CHECK(back.of_districts == 407);
    CHECK_FALSE(back.percent);
    CHECK(back.source_kind == attribution_kind::taliban);
    CHECK(back.date == c.date);

    c.date.reset();
    CHECK(to_json(c).find("\"date\":null") != std::string::npos);
    CHECK_FALSE(area_claim_from_json(to_json(c)).date);
}

TEST_CASE("an area claim's date is a day or nothing") {
    CHECK_THROWS_AS(area_claim_from_json("{\"article\": \"a\", \"date\": \"5 July 2021\"}"), naqsha::input_error);
    CHECK_THROWS_AS(area_claim_from_json("{\"article\": \"a\", \"date\": \"2021-02-30\"}"), naqsha::input_error);
}

TEST_CASE("an event's days are ISO days in its JSON, and only a day reads back") {
    event e;
    e.type = event_type::armed_clash;
    e.date_prec = date_precision::day;
    e.date = e.date_end = naqsha::days_from_civil(1, 1, 1) - 1; // before the years ISO text reads
    CHECK(to_json(e).find("\"date\":\"0000-12-31\",\"date_end\":\"0000-12-31\"") != std::string::npos);
    CHECK_THROWS_AS(event_from_json(to_json(e)), naqsha::input_error);
    CHECK_THROWS_AS(event_from_json("{\"type\": \"armed_clash\", \"date\": \"20 October 2020\", \"date_precision\": \"day\", "
                                    "\"geo_precision\": \"district\"}"),
                    naqsha::input_error);
}

TEST_CASE("an event's sub-type is one of the schema's labels, written and read as its one string") {
    for (std::string_view label : {"", "ambush", "suicide_bombing", "kill_capture", "detention", "abduction", "arson", "sabotage", "crash",
                                   "control_state", "handover", "positions"}) {
        const auto sub_type = event_sub_type_from_string(label);
        REQUIRE(sub_type);
        CHECK(to_string(*sub_type) == label);
    }
    CHECK(event_sub_type_from_string("") == event_sub_type::none);
    CHECK(event_sub_type_from_string("positions") == event_sub_type::positions);
    CHECK_FALSE(event_sub_type_from_string("Ambush")); // the schema's text: exact
    CHECK_FALSE(event_sub_type_from_string("overrun"));
}

TEST_CASE("malformed lines are input errors") {
    CHECK_THROWS_AS(event_from_json("{\"type\": \"party\", \"date_precision\": \"day\", \"geo_precision\": \"district\"}"),
                    naqsha::input_error);
    CHECK_THROWS_AS(event_from_json("{\"type\": \"raid\", \"sub_type\": \"overrun\", \"date_precision\": \"day\", "
                                    "\"geo_precision\": \"district\"}"),
                    naqsha::input_error);
    CHECK_THROWS_AS(event_from_json("{\"type\": \"district_seizure\", \"date_precision\": \"day\", "
                                    "\"geo_precision\": \"district\", \"control\": \"rebels\"}"),
                    naqsha::input_error);
    CHECK_THROWS_AS(event_from_json("{\"type\": \"raid\", \"date_precision\": \"day\", \"geo_precision\": \"district\", "
                                    "\"reported_by_kind\": \"rumour\"}"),
                    naqsha::input_error);
    CHECK_THROWS_AS(area_claim_from_json("{\"article\": \"a\", \"source_kind\": \"rumour\"}"), naqsha::input_error);
    CHECK_THROWS_AS(event_from_json("{\"type\": \"raid\", \"date_precision\": \"day\", \"geo_precision\": \"district\", "
                                    "\"actors\": {\"perpetrator\": \"rebels\"}}"),
                    naqsha::input_error);
    CHECK_THROWS_AS(event_from_json("{\"type\": \"raid\", \"date_precision\": \"day\", \"geo_precision\": \"district\", "
                                    "\"date_basis\": \"rumour\"}"),
                    naqsha::input_error);
    CHECK_THROWS_AS(event_from_json("{\"type\": \"raid\", \"date_precision\": \"day\", \"geo_precision\": \"district\", "
                                    "\"places\": [{\"text\": \"Baharak\", \"level\": \"village\"}]}"),
                    naqsha::input_error);
    CHECK_THROWS_AS(area_claim_from_json("{\"article\": \"a\", \"scope\": \"galaxy\"}"), naqsha::input_error);
    CHECK_THROWS_AS(event_from_json("{\"type\": \"raid\", \"date_precision\": \"day\", \"geo_precision\": \"district\", "
                                    "\"claims\": [{\"field\": \"injured\", \"value\": {\"low\": 1, \"best\": 1, \"high\": 1}}]}"),
                    naqsha::input_error);
    CHECK_THROWS_AS(event_from_json("not json"), naqsha::input_error);
    CHECK_THROWS_AS(event_from_json("[]"), naqsha::input_error);
}
