#include "render/layers/layer_tables.hpp"
#include "tests/layers/reference.hpp"
#include "tests/layers/sample_state.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <stdexcept>

namespace {

using namespace naqsha;
using layers::field_value;


const field_value& value(const layers::layer_table& table, const layers::feature& f, std::string_view field) {
    const auto& fields = table.definition->fields;
    auto it = std::find_if(fields.begin(), fields.end(), [&](const auto& d) { return d.name == field; });
    REQUIRE(it != fields.end());
    return f.values.at(static_cast<std::size_t>(it - fields.begin()));
}

std::string text(const layers::layer_table& t, const layers::feature& f, std::string_view field) {
    const auto& v = value(t, f, field);
    return std::holds_alternative<std::string>(v) ? std::get<std::string>(v) : std::string("<null>");
}

std::int64_t integer(const layers::layer_table& t, const layers::feature& f, std::string_view field) {
    const auto& v = value(t, f, field);
    return std::holds_alternative<std::int64_t>(v) ? std::get<std::int64_t>(v) : -1;
}

// A copy: the incident and control layers make their features when asked.
layers::feature find(const layers::layer_table& t, std::string_view field, std::string_view want) {
    for (const auto& f : t.features)
        if (text(t, f, field) == want) return f;
    FAIL("no feature with " << field << " = " << want);
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("the sample state gives the expected features in every layer") {
    const auto state = test::sample_map_state(); // the layer set makes its features from it
    auto set = layers::build_layer_tables(state, test::reference_areas());
    test::sample_counts want;
    CHECK(set.table("control").features.size() == want.control);
    CHECK(set.table("incidents").features.size() == want.incidents);
    CHECK(set.table("incidents_province").features.size() == want.incidents_province);
    CHECK(set.table("incidents_by_district").features.size() == want.incidents_by_district);
    CHECK(set.table("districts").features.size() == want.districts);
    CHECK(set.table("provinces").features.size() == want.provinces);
    CHECK(set.events_not_drawn == want.not_drawn);
    // the slices' frame, which the tiles and summary.csv share; not the baseline's 2020-01-01
    CHECK(set.first_day == naqsha::parse_iso_day("2020-07-01"));
    CHECK(set.last_day == naqsha::parse_iso_day("2020-11-30"));
    CHECK(set.slice_unit == "month");
    CHECK(set.extent.min_x == doctest::Approx(60.472).epsilon(0.001));

    auto warned = [&](std::string_view what) {
        return std::any_of(set.warnings.begin(), set.warnings.end(),
                           [&](const std::string& w) { return w.find(what) != std::string::npos; });
    };
    CHECK(warned("AF9999"));
    CHECK(warned("ev-country"));
    CHECK(warned("ev-undated"));
}

TEST_CASE("control intervals carry status, dates and the district's polygon; open ends are NULL") {
    const auto state = test::sample_map_state(); // the layer set makes its features from it
    auto set = layers::build_layer_tables(state, test::reference_areas());
    const auto& control = set.table("control");
    // Sorted by P-code, then start date.
    CHECK(text(control, control.features.front(), "pcode") == "AF1708");
    std::optional<layers::feature> baharak_contested = control.features[0];
    for (const auto& f : control.features)
        if (text(control, f, "pcode") == "AF1803" && text(control, f, "status") == "contested") baharak_contested = f;
    CHECK(text(control, *baharak_contested, "district") == "Baharak");
    CHECK(text(control, *baharak_contested, "province") == "Takhar");
    CHECK(std::holds_alternative<std::monostate>(value(control, *baharak_contested, "end_date")));
    auto start = std::get<std::chrono::year_month_day>(value(control, *baharak_contested, "start_date"));
    CHECK(start == std::chrono::year_month_day{std::chrono::year{2020}, std::chrono::October, std::chrono::day{19}});
    // what the state rests on: its confidence, its articles and their quotes
    CHECK(std::get<double>(value(control, *baharak_contested, "confidence")) == doctest::Approx(0.75));
    CHECK(text(control, *baharak_contested, "articles") == "article-ev-baharak");
    CHECK(text(control, *baharak_contested, "quotes") == "What article-ev-baharak says.");
    auto district = std::find_if(test::shared_gazetteer().districts().begin(), test::shared_gazetteer().districts().end(),
                                 [](const auto& d) { return d.pcode == "AF1803"; });
    CHECK(baharak_contested->area == &district->shape);
}

TEST_CASE("features made on demand are the same each time they are read, and none can be added to them") {
    const auto state = test::sample_map_state();
    auto set = layers::build_layer_tables(state, test::reference_areas());
    for (const char* name : {"control", "incidents", "incidents_province"}) {
        const auto& table = set.table(name);
        REQUIRE_FALSE(table.features.empty());
        for (std::size_t i = 0; i < table.features.size(); ++i) {
            const auto first = table.features[i], again = table.features[i];
            CHECK(first.values == again.values);
            CHECK(first.point == again.point);
            CHECK(first.area == again.area);
        }
    }
    auto made = set.table("incidents").features;
    CHECK_THROWS_AS(made.push_back({}), std::logic_error);
}

TEST_CASE("incidents: exact points at the settlement, district points inside the district, provinces hatched") {
    const auto state = test::sample_map_state(); // the layer set makes its features from it
    auto set = layers::build_layer_tables(state, test::reference_areas());
    const auto& points = set.table("incidents");
    const auto& taloqan = find(points, "id", "ev-taloqan");
    CHECK(text(points, taloqan, "location") == "settlement");
    CHECK(taloqan.point.x == doctest::Approx(69.5345));
    CHECK(taloqan.point.y == doctest::Approx(36.7361));

    const auto& baharak = find(points, "id", "ev-baharak");
    CHECK(text(points, baharak, "location") == "district point");
    CHECK(text(points, baharak, "district") == "Baharak");
    CHECK(integer(points, baharak, "killed_low") == 12);
    CHECK(integer(points, baharak, "killed_best") == 34);
    CHECK(integer(points, baharak, "killed_high") == 42);
    CHECK(integer(points, baharak, "missing_best") == 48);
    CHECK(integer(points, baharak, "sources") == 2);
    CHECK(text(points, baharak, "source_names") == "TOLOnews; Republic World");
    CHECK(std::get<std::chrono::year_month_day>(value(points, baharak, "first_published")).day() == std::chrono::day{20});
    auto district = std::find_if(test::shared_gazetteer().districts().begin(), test::shared_gazetteer().districts().end(),
                                 [](const auto& d) { return d.pcode == "AF1803"; });
    CHECK(baharak.point == district->interior);

    const auto& kohistan = find(points, "id", "ev-kohistan");
    CHECK(std::holds_alternative<std::monostate>(value(points, kohistan, "killed_best")));

    const auto& imprecise = set.table("incidents_province");
    REQUIRE(imprecise.features.size() == 1);
    CHECK(text(imprecise, imprecise.features[0], "location") == "province");
    CHECK(text(imprecise, imprecise.features[0], "province") == "Takhar");
    CHECK(text(imprecise, imprecise.features[0], "district") == "<null>");
    // The province-precision airstrike is not a point anywhere.
    for (const auto& f : points.features) CHECK(text(points, f, "id") != "ev-takhar-air");
}

TEST_CASE("incidents by district sum each slice's events and casualty ranges") {
    auto state = test::sample_map_state();
    // A second Baharak event in October adds to the same slice feature.
    auto second = state.whole(state.events.front());
    second.id = "ev-baharak-2";
    second.date = second.date_end = naqsha::parse_iso_day("2020-10-28");
    second.killed = extract::count_range{1, 2, 3};
    second.wounded = extract::count_range{4, 4, 4};
    state.events.add(second);
    auto set = layers::build_layer_tables(state, test::reference_areas());
    const auto& table = set.table("incidents_by_district");
    std::optional<layers::feature> october_baharak;
    for (const auto& f : table.features)
        if (text(table, f, "pcode") == "AF1803" && text(table, f, "slice") == "2020-10") october_baharak = f;
    REQUIRE(october_baharak.has_value());
    CHECK(integer(table, *october_baharak, "events") == 2);
    CHECK(integer(table, *october_baharak, "killed_low") == 13);
    CHECK(integer(table, *october_baharak, "killed_best") == 36);
    CHECK(integer(table, *october_baharak, "killed_high") == 45);
    CHECK(integer(table, *october_baharak, "wounded_best") == 4);
    // Slices come in date order.
    CHECK(text(table, table.features.front(), "slice") == "2020-07");
}

TEST_CASE("reference layers carry names, Dari names, P-codes and areas") {
    const auto state = test::sample_map_state(); // the layer set makes its features from it
    auto set = layers::build_layer_tables(state, test::reference_areas());
    const auto& districts = set.table("districts");
    const auto& baharak = find(districts, "pcode", "AF1803");
    CHECK(text(districts, baharak, "name") == "Baharak");
    CHECK(text(districts, baharak, "province") == "Takhar");
    CHECK(text(districts, baharak, "name_dari") != "<null>");
    double area = std::get<double>(value(districts, baharak, "area_km2"));
    CHECK(area > 100);
    CHECK(area < 2000);
    const auto& provinces = set.table("provinces");
    const auto& takhar = find(provinces, "pcode", "AF18");
    CHECK(integer(provinces, takhar, "districts") == 17);
    CHECK(text(provinces, takhar, "capital_pcode") == "AF1801");
    CHECK(text(provinces, takhar, "capital") == "Taloqan");
}
