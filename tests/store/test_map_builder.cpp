#include "fixtures.hpp"
#include "store/map_builder.hpp"
#include "store/merge.hpp"

#include <doctest/doctest.h>

using namespace naqsha;
using extract::event_type;

namespace {

store::catalog two_years() {
    auto seizure = test::mention("a", 1, event_type::district_seizure, "2018-05-10", "AF1708");
    seizure.control = extract::control_side::taliban;
    auto province = test::mention("b", 1, event_type::bombing, "2019-03-02", "AF17");
    auto ambush = test::mention("c", 1, event_type::armed_clash, "2020-10-20", "AF1803");
    ambush.lon = 70.1;
    ambush.lat = 36.7;
    ambush.geo_prec = extract::geo_precision::settlement;
    auto undated = test::mention("d", 1, event_type::other, "", "AF1906");
    undated.date_end.reset();
    undated.date_prec = extract::date_precision::unknown;
    store::catalog c;
    c.put(test::article("a", "2018-05-11", {seizure}));
    c.put(test::article("b", "2019-03-03", {province}));
    auto with_claim = test::article("c", "2020-10-21", {ambush});
    extract::area_claim claim;
    claim.article = "c";
    claim.date = store::parse_iso_day("2020-10-21");
    claim.districts = 11;
    with_claim.area_claims.push_back(claim);
    c.put(std::move(with_claim));
    c.put(test::article("d", "2020-11-01", {undated}));
    c.assign_sequence_numbers();
    return c;
}

store::map_state build(const store::catalog& c, store::map_options options) {
    options.representative_points = {{"AF1708", {70.8, 38.2}}, {"AF17", {71.0, 37.0}}, {"AF1906", {68.7, 37.1}}};
    auto districts = test::some_districts();
    return store::build_map_state(store::merge_mentions(c).events.records(), c, districts, {}, {}, options);
}

} // namespace

TEST_CASE("the map date defaults to the latest event and bounds everything") {
    auto c = two_years();
    auto state = build(c, {});
    CHECK(store::format_iso_day(state.as_of) == "2020-10-20");
    CHECK(state.slice_unit == "month");
    CHECK(state.events.size() == 4);
    CHECK(state.slices.front().label == "2018-05");
    CHECK(state.slices.back().label == "2020-10");
    CHECK(state.slices.size() == 30);
    CHECK(state.summaries.size() == state.slices.size());
    CHECK(store::format_iso_day(state.summaries.back().date) == "2020-10-20");
    CHECK(state.area_claims.empty()); // the claim was published after the map date

    auto earlier = build(c, {store::parse_iso_day("2019-12-31"), store::slice_unit::quarter, 30, {}});
    CHECK(store::format_iso_day(earlier.as_of) == "2019-12-31");
    CHECK(earlier.events.size() == 3); // the 2020 ambush is after the map date; the undated event stays
    CHECK(earlier.slices.front().label == "2018-Q2");
    CHECK(earlier.slices.back().label == "2019-Q4");
    REQUIRE(earlier.control.size() == 1);
    CHECK(earlier.control[0].pcode == "AF1708");
    CHECK_FALSE(earlier.control[0].end_day);

}

TEST_CASE("a run's map, made after the store's index is freed, is the map made from the store") {
    auto c = two_years();
    const auto merged = store::merge_mentions(c);
    CHECK(store::format_iso_day(store::default_map_date(merged.events, c)) == "2020-10-20");
    CHECK(store::format_iso_day(store::default_map_date(merged.events.records(), c)) == "2020-10-20");
    for (const std::string at : {"2020-10-21", "2019-12-31"}) {
        store::map_options options;
        options.at = store::parse_iso_day(at);
        const auto from_store = build(c, options);
        options.representative_points = {{"AF1708", {70.8, 38.2}}, {"AF17", {71.0, 37.0}}, {"AF1906", {68.7, 37.1}}};
        auto claims = store::area_claims_until(c, options.at);
        CHECK(claims.size() == (at == "2020-10-21" ? 1u : 0u));
        const auto districts = test::some_districts();
        const auto freed = store::build_map_state(merged.events.records(), std::move(claims), districts, {}, {}, options);
        CHECK(freed.as_of == from_store.as_of);
        CHECK(freed.area_claims.size() == from_store.area_claims.size());
        CHECK(freed.slices.size() == from_store.slices.size());
        CHECK(freed.control.size() == from_store.control.size());
        REQUIRE(freed.events.size() == from_store.events.size());
        for (std::size_t i = 0; i < freed.events.size(); ++i) {
            CHECK(freed.events[i].id == from_store.events[i].id);
            CHECK(freed.events[i].lon == from_store.events[i].lon);
        }
    }
}

TEST_CASE("the map date of undated events is the latest publication date") {
    store::catalog c;
    auto undated = test::mention("d", 1, event_type::other, "", "AF1906");
    undated.date_end.reset();
    undated.date_prec = extract::date_precision::unknown;
    c.put(test::article("d", "2020-11-01", {undated}));
    c.assign_sequence_numbers();
    const auto merged = store::merge_mentions(c);
    CHECK_FALSE(merged.events.latest_day());
    CHECK(store::format_iso_day(store::default_map_date(merged.events, c)) == "2020-11-01");
}

TEST_CASE("events without coordinates are placed at their district's or province's representative point") {
    auto state = build(two_years(), {});
    for (const auto& e : state.events) {
        REQUIRE(e.lon);
        if (e.type == event_type::district_seizure) CHECK(*e.lon == doctest::Approx(70.8));
        if (e.type == event_type::bombing) CHECK(*e.lon == doctest::Approx(71.0)); // province only
        if (e.type == event_type::armed_clash) CHECK(*e.lon == doctest::Approx(70.1)); // its own settlement
    }
}

TEST_CASE("slices start at the first news event, not at history an article recalls") {
    auto c = two_years();
    auto recalled = test::mention("e", 1, event_type::bombing, "2015-06-01", "AF01");
    recalled.background = true;
    c.put(test::article("e", "2020-10-22", {recalled}));
    c.assign_sequence_numbers();
    auto state = build(c, {});
    CHECK(state.slices.front().label == "2018-05");
    CHECK(state.slices.size() == 30);
    bool kept = std::any_of(state.events.begin(), state.events.end(), [](const auto& e) { return e.date == naqsha::parse_iso_day("2015-06-01"); });
    CHECK(kept); // still an event of the map, just not a reason to slice 2015

    store::catalog only_history;
    only_history.put(test::article("e", "2020-10-22", {recalled}));
    only_history.assign_sequence_numbers();
    auto history = build(only_history, {});
    REQUIRE_FALSE(history.slices.empty());
    CHECK(history.slices.front().label == "2015-06");
}

TEST_CASE("an empty store has no map date and no slices") {
    store::catalog empty;
    auto state = build(empty, {});
    CHECK_FALSE(state.as_of);
    CHECK(state.slices.empty());
    CHECK(state.control.empty());
}
