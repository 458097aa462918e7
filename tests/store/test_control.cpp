#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "fixtures.hpp"
#include "store/calendar.hpp"
#include "store/control_timeline.hpp"
#include "store/summary.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <unistd.h>

using namespace naqsha;
using extract::event_type;
using store::control_status;

namespace {

store::merged_event event(std::string id, event_type type, std::string date, std::string pcode,
                          extract::attribution_kind reported_by_kind = extract::attribution_kind::official) {
    store::merged_event e;
    e.id = std::move(id);
    e.type = type;
    e.date = e.date_end = parse_iso_day(date);
    e.date_prec = extract::date_precision::day;
    e.district = extract::place_ref{pcode, ""};
    e.province = extract::place_ref{pcode.substr(0, 4), ""};
    e.geo_prec = extract::geo_precision::district;
    e.reported_by_kind = reported_by_kind;
    if (type == event_type::district_seizure) e.control = extract::control_side::taliban;
    if (type == event_type::government_recapture) e.control = extract::control_side::government;
    return e;
}

std::vector<store::control_interval> timeline(const std::vector<store::merged_event>& events, const std::string& as_of,
                                              const std::vector<store::baseline_row>& baseline = {},
                                              const std::vector<store::override_row>& overrides = {}, int contested_days = 30) {
    auto districts = test::some_districts();
    store::map_events all;
    for (const auto& e : events) all.add(e);
    return store::build_control_timeline(all, districts, baseline, overrides, {*store::parse_iso_day(as_of), contested_days});
}

// The status of a district on a day, or nullopt when it is unknown there.
std::optional<control_status> status_on(const std::vector<store::control_interval>& intervals, const std::string& pcode,
                                        const std::string& day) {
    for (const auto& i : intervals)
        if (i.pcode == pcode && i.start_day <= *store::parse_iso_day(day) && (!i.end_day || *store::parse_iso_day(day) <= *i.end_day))
            return i.status;
    return std::nullopt;
}

std::filesystem::path write_temp(const std::string& name, const std::string& text) {
    auto path = std::filesystem::temp_directory_path() / ("naqsha-test-" + std::to_string(::getpid()) + "-" + name);
    write_file_atomically(path, text);
    return path;
}

} // namespace

TEST_CASE("a clash makes a district contested for the configured window, then it is unknown again") {
    auto t = timeline({event("e1", event_type::armed_clash, "2020-01-28", "AF1906")}, "2020-04-01", {}, {}, 30);
    REQUIRE(t.size() == 1);
    CHECK(t[0].status == control_status::contested);
    CHECK(store::format_iso_day(t[0].start_day) == "2020-01-28");
    CHECK(store::format_iso_day(t[0].end_day) == "2020-02-26"); // 30 days including the first
    CHECK(t[0].event_ids == std::vector<std::string>{"e1"});
    CHECK(t[0].basis == store::control_basis::event);
    CHECK_FALSE(status_on(t, "AF1906", "2020-01-27"));
    CHECK_FALSE(status_on(t, "AF1906", "2020-02-27"));

    auto short_window = timeline({event("e1", event_type::armed_clash, "2020-01-28", "AF1906")}, "2020-04-01", {}, {}, 7);
    CHECK(store::format_iso_day(short_window[0].end_day) == "2020-02-03");
}

TEST_CASE("an interval still running at the map date is open") {
    auto t = timeline({event("e1", event_type::armed_clash, "2020-10-20", "AF1803")}, "2020-10-21");
    REQUIRE(t.size() == 1);
    CHECK_FALSE(t[0].end_day);
}

TEST_CASE("seizure, recapture and the contested windows between them") {
    auto t = timeline({event("clash", event_type::armed_clash, "2018-05-01", "AF1708"),
                       event("seized", event_type::district_seizure, "2018-05-10", "AF1708"),
                       event("fight-back", event_type::armed_clash, "2018-06-01", "AF1708"),
                       event("retaken", event_type::government_recapture, "2018-07-01", "AF1708")},
                      "2018-08-15");
    CHECK(status_on(t, "AF1708", "2018-05-05") == control_status::contested);
    CHECK(status_on(t, "AF1708", "2018-05-10") == control_status::taliban);
    CHECK(status_on(t, "AF1708", "2018-06-02") == control_status::taliban); // fighting in a Taliban-held district
    CHECK(status_on(t, "AF1708", "2018-07-01") == control_status::government);
    CHECK(status_on(t, "AF1708", "2018-08-15") == control_status::government);
    REQUIRE(t.size() == 3);
    CHECK(store::format_iso_day(t[0].end_day) == "2018-05-09"); // the seizure ends the contested window
    CHECK(t[1].event_ids == std::vector<std::string>{"seized"});
    CHECK_FALSE(t[2].end_day);
}

TEST_CASE("a seizure claimed by the Taliban alone is unconfirmed, and lapses") {
    auto t = timeline({event("claim", event_type::district_seizure, "2020-06-01", "AF2202", extract::attribution_kind::taliban)}, "2020-09-01");
    CHECK(status_on(t, "AF2202", "2020-06-01") == control_status::unconfirmed);
    CHECK(status_on(t, "AF2202", "2020-06-30") == control_status::unconfirmed);
    CHECK_FALSE(status_on(t, "AF2202", "2020-07-01"));

    // An unstated reporter is the press reporting a seizure as fact.
    auto reported = timeline({event("seized", event_type::district_seizure, "2020-06-01", "AF2202", extract::attribution_kind::unstated)}, "2020-09-01");
    CHECK(status_on(reported, "AF2202", "2020-08-01") == control_status::taliban);
}

TEST_CASE("events outside districts or after the map date, and vague dates, inform nothing") {
    auto province_only = event("p", event_type::district_seizure, "2020-06-01", "AF22");
    province_only.district.reset();
    auto later = event("late", event_type::district_seizure, "2020-10-01", "AF2202");
    auto vague = event("vague", event_type::armed_clash, "2020-03-01", "AF1906");
    vague.date_end = parse_iso_day("2020-05-31");
    vague.date_prec = extract::date_precision::month;
    CHECK(timeline({province_only, later, vague}, "2020-09-01").empty());
}

TEST_CASE("a change known only to lie in a span holds from the span's last day") {
    // "since May the Taliban have captured Darqad": taken some day from May 1 to the report
    auto recap = event("recap", event_type::district_seizure, "2021-05-01", "AF1815");
    recap.date_end = parse_iso_day("2021-07-20");
    recap.date_prec = extract::date_precision::range;
    auto t = timeline({recap}, "2021-08-01");
    CHECK_FALSE(status_on(t, "AF1815", "2021-07-19"));
    CHECK(status_on(t, "AF1815", "2021-07-20") == control_status::taliban);
    // a span ending after the map date says nothing yet
    CHECK(timeline({recap}, "2021-07-10").empty());
}

TEST_CASE("a withdrawal that leaves the place to the Taliban is a change of holder; one that names no holder, fighting") {
    auto left = event("left", event_type::withdrawal, "2020-03-01", "AF1906");
    left.control = extract::control_side::taliban;
    auto t = timeline({left}, "2020-09-01");
    CHECK(status_on(t, "AF1906", "2020-08-01") == control_status::taliban);
    auto abandoned = event("abandoned", event_type::withdrawal, "2020-03-01", "AF1906");
    auto u = timeline({abandoned}, "2020-09-01");
    CHECK(status_on(u, "AF1906", "2020-03-10") == control_status::contested);
    CHECK_FALSE(status_on(u, "AF1906", "2020-08-01"));
    // posts abandoned to the Taliban: the district itself did not change hands
    auto posts = left;
    posts.sub_type = extract::event_sub_type::positions;
    auto p = timeline({posts}, "2020-09-01");
    CHECK(status_on(p, "AF1906", "2020-03-10") == control_status::contested);
    CHECK_FALSE(status_on(p, "AF1906", "2020-08-01"));
}

TEST_CASE("reports giving one district to both sides on one day make it contested until another settles it") {
    auto t = timeline({event("seized", event_type::district_seizure, "2020-03-01", "AF1906"),
                       event("held", event_type::government_recapture, "2020-03-01", "AF1906"),
                       event("retaken", event_type::government_recapture, "2020-06-01", "AF1906")},
                      "2020-09-01");
    REQUIRE(t.size() == 2);
    CHECK(t[0].status == control_status::contested);
    CHECK(store::format_iso_day(t[0].end_day) == "2020-05-31"); // outlasts the 30-day window: nothing had settled it
    CHECK(t[0].event_ids == std::vector<std::string>{"seized", "held"});
    CHECK(t[0].confidence <= 0.5);
    CHECK(t[1].status == control_status::government);
}

TEST_CASE("an interval's confidence, articles and quotes come from its evidence") {
    auto seized = event("seized", event_type::district_seizure, "2020-03-01", "AF1906");
    seized.confidence = 0.8;
    seized.quote = "The district fell to the Taliban on Sunday.";
    seized.sources = {{"a1", "a1#1", "", "", parse_iso_day("2020-03-02"), ""}, {"a2", "a2#1", "", "", parse_iso_day("2020-03-02"), ""}};
    auto fresh = timeline({seized}, "2020-03-10");
    REQUIRE(fresh.size() == 1);
    CHECK(fresh[0].articles == std::vector<std::string>{"a1", "a2"});
    CHECK(fresh[0].quotes == std::vector<std::string>{seized.quote});
    CHECK(fresh[0].confidence == doctest::Approx(0.88).epsilon(0.01)); // 1 - 0.2/2, a little older
    // a year without news halves it
    auto stale = timeline({seized}, "2021-03-01");
    CHECK(stale[0].confidence == doctest::Approx(fresh[0].confidence / 2).epsilon(0.03));
    // a lone Taliban claim is never sure
    auto claim = event("claim", event_type::district_seizure, "2020-03-01", "AF1906", extract::attribution_kind::taliban);
    claim.confidence = 0.9;
    CHECK(timeline({claim}, "2020-03-05")[0].confidence <= 0.4);
}

TEST_CASE("the baseline is where districts start; the most specific row wins on a date") {
    std::vector<store::baseline_row> baseline{
        {"*", control_status::government, *naqsha::parse_iso_day("2018-01-01"), "assumed", 2},
        {"AF17", control_status::contested, *naqsha::parse_iso_day("2018-01-01"), "province assessment", 3},
        {"AF1708", std::nullopt, *naqsha::parse_iso_day("2018-01-01"), "no information", 4},
    };
    auto t = timeline({event("seized", event_type::district_seizure, "2018-05-10", "AF1708")}, "2018-06-01", baseline);
    CHECK(status_on(t, "AF2202", "2018-03-01") == control_status::government);
    CHECK(status_on(t, "AF1706", "2018-03-01") == control_status::contested);
    CHECK_FALSE(status_on(t, "AF1708", "2018-03-01"));
    CHECK(status_on(t, "AF1708", "2018-05-10") == control_status::taliban);
    for (const auto& i : t)
        if (i.pcode == "AF2202") {
            CHECK(i.basis == store::control_basis::baseline);
            CHECK(i.source == "assumed");
        }
    // A clash in a government district: contested for the window, then government again.
    auto clash = timeline({event("c", event_type::armed_clash, "2018-03-01", "AF2202")}, "2018-06-01", baseline, {}, 10);
    CHECK(status_on(clash, "AF2202", "2018-03-05") == control_status::contested);
    CHECK(status_on(clash, "AF2202", "2018-03-11") == control_status::government);
}

TEST_CASE("overrides are applied last") {
    std::vector<store::override_row> overrides{
        {"AF1708", control_status::government, *naqsha::parse_iso_day("2018-05-20"), naqsha::parse_iso_day("2018-05-25"),
         "analyst correction", 2},
        {"AF1906", std::nullopt, *naqsha::parse_iso_day("2018-01-01"), std::nullopt, "withdrawn", 3},
    };
    auto t = timeline({event("seized", event_type::district_seizure, "2018-05-10", "AF1708"),
                       event("c", event_type::armed_clash, "2018-05-10", "AF1906")},
                      "2018-06-01", {}, overrides);
    CHECK(status_on(t, "AF1708", "2018-05-19") == control_status::taliban);
    CHECK(status_on(t, "AF1708", "2018-05-22") == control_status::government);
    CHECK(status_on(t, "AF1708", "2018-05-26") == control_status::taliban);
    CHECK_FALSE(status_on(t, "AF1906", "2018-05-12"));
    for (const auto& i : t)
        if (i.status == control_status::government) CHECK(i.basis == store::control_basis::override);
}

TEST_CASE("baseline and override CSV files are checked row by row") {
    auto districts = test::some_districts();
    auto good = write_temp("baseline.csv", "pcode,status,date,source\nAF1803,contested,2020-01-01,\"LWJ, 2020\"\n*,government,2019-01-01,assumed\r\n\n");
    auto rows = store::read_baseline_csv(good, districts);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].source == "LWJ, 2020");
    CHECK(rows[0].date == naqsha::parse_iso_day("2020-01-01"));
    CHECK(rows[0].line == 2);
    CHECK(rows[1].pcode == "*");

    auto bad = write_temp("bad.csv", "pcode,status,date,source\nAF9999,government,2020-01-01,x\nAF1803,held,2020-01-01,x\n"
                                     "AF1803,taliban,2020-02-30,x\nAF1803,taliban\n");
    try {
        store::read_baseline_csv(bad, districts);
        FAIL("bad rows accepted");
    } catch (const usage_error& e) {
        std::string message = e.what();
        CHECK(message.find(bad.string() + ":2: unknown pcode 'AF9999'") != std::string::npos);
        CHECK(message.find(bad.string() + ":3: unknown status 'held'") != std::string::npos);
        CHECK(message.find(bad.string() + ":4: date '2020-02-30'") != std::string::npos);
        CHECK(message.find(bad.string() + ":5: 2 fields") != std::string::npos);
    }
    auto header = write_temp("header.csv", "district,status,date,source\n");
    CHECK_THROWS_WITH_AS(store::read_baseline_csv(header, districts), doctest::Contains(":1: header"), usage_error);
    CHECK_THROWS_AS(store::read_baseline_csv("/nonexistent/baseline.csv", districts), usage_error);

    auto overrides = write_temp("overrides.csv",
                                "pcode,status,start_date,end_date,source\nAF1708,government,2018-05-20,2018-05-25,me\n"
                                "AF18,unknown,2018-01-01,,me\nAF1708,taliban,2018-05-20,2018-05-01,me\n");
    CHECK_THROWS_WITH_AS(store::read_overrides_csv(overrides, districts), doctest::Contains(":4: end_date 2018-05-01 is before"),
                         usage_error);
    auto open_ended = write_temp("open.csv", "pcode,status,date,source\nAF1708,government,2018-05-20,me\n");
    auto o = store::read_overrides_csv(open_ended, districts);
    REQUIRE(o.size() == 1);
    CHECK(o[0].start_date == naqsha::parse_iso_day("2018-05-20"));
    CHECK_FALSE(o[0].end_date);
    for (const auto& p : {good, bad, header, overrides, open_ended}) std::filesystem::remove(p);
}

TEST_CASE("summaries count districts and weigh them by population and area") {
    auto districts = test::some_districts(); // population 1000, area 10000 in all
    auto t = timeline({event("s", event_type::district_seizure, "2020-01-10", "AF2202"),
                       event("c", event_type::armed_clash, "2020-02-05", "AF1906")},
                      "2020-02-10", {{"AF18", control_status::government, *store::parse_iso_day("2020-01-01"), "x", 2}});
    auto slices = store::slices_between(store::slice_unit::month, *store::parse_iso_day("2020-01-10"),
                                        *store::parse_iso_day("2020-02-10"));
    auto s = store::summarise_control(t, districts, slices, *store::parse_iso_day("2020-02-10"));
    REQUIRE(s.size() == 2);
    CHECK(store::format_iso_day(s[0].date) == "2020-01-31");
    CHECK(s[0].slice == "2020-01");
    CHECK(store::format_iso_day(s[1].date) == "2020-02-10"); // clipped to the map date
    auto at = [](control_status st) { return static_cast<std::size_t>(st); };
    CHECK(s[0].districts[at(control_status::government)] == 2);
    CHECK(s[0].districts[at(control_status::taliban)] == 1);
    CHECK(s[0].districts[at(control_status::contested)] == 0);
    CHECK(s[0].unknown_districts == 3);
    CHECK(s[1].districts[at(control_status::contested)] == 1);
    CHECK(s[1].population_share[at(control_status::taliban)] == doctest::Approx(0.2));
    CHECK(s[1].area_share[at(control_status::taliban)] == doctest::Approx(0.4));
    CHECK(s[1].population_share[at(control_status::government)] == doctest::Approx(0.3));
    double total = s[1].unknown_population_share;
    for (double share : s[1].population_share) total += share;
    CHECK(total == doctest::Approx(1.0));
    auto csv = store::summary_csv(s);
    CHECK(csv.rfind("date,slice,government_districts,contested_districts,taliban_districts,unconfirmed_districts,"
                    "unknown_districts,government_population_share", 0) == 0);
    CHECK(csv.find("\n2020-02-10,2020-02,2,1,1,0,2,0.300000,0.300000,0.200000,0.000000,0.200000,") != std::string::npos);
}

TEST_CASE("a control basis is written and read back as its one string") {
    using store::control_basis;
    for (auto basis : {control_basis::unstated, control_basis::baseline, control_basis::event, control_basis::override})
        CHECK(store::control_basis_from_string(store::to_string(basis)) == basis);
    CHECK(store::to_string(control_basis::baseline) == "baseline");
    CHECK(store::to_string(control_basis::override) == "override");
    CHECK_FALSE(store::control_basis_from_string("events")); // the text is the layers' and the store's: exact
}
