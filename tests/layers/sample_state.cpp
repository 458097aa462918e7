#include "tests/layers/sample_state.hpp"

namespace naqsha::test {
namespace {

using extract::count_range;
using extract::event_type;
using extract::geo_precision;
using store::control_status;

store::control_interval interval(const char* pcode, control_status status, const char* from, const char* to,
                                 const char* basis, std::vector<std::string> events = {}) {
    std::string source = std::string(basis) == "event" ? "" : "sample assessment";
    bool from_events = !events.empty();
    std::vector<std::string> articles, quotes;
    for (const auto& id : events) {
        articles.push_back("article-" + id);
        quotes.push_back("What article-" + id + " says.");
    }
    return {pcode, status, *parse_iso_day(from), parse_iso_day(to), std::move(events), *store::control_basis_from_string(basis), source, from_events ? 0.75 : 0.8, articles, quotes};
}

store::merged_event event(const char* id, event_type type, const char* date, geo_precision precision,
                          const char* district, const char* province) {
    store::merged_event e;
    e.id = id;
    e.type = type;
    e.date = e.date_end = parse_iso_day(date);
    e.date_prec = extract::date_precision::day;
    e.geo_prec = precision;
    if (*district != '\0') e.district = extract::place_ref{district, ""};
    if (*province != '\0') e.province = extract::place_ref{province, ""};
    e.who = {extract::actor_side::taliban, extract::actor_side::afghan_forces, "Taliban fighters", "police"};
    e.confidence = 0.8;
    return e;
}

} // namespace

store::map_state sample_map_state() {
    store::map_state s;
    s.as_of = naqsha::parse_iso_day("2020-11-30");
    s.control = {
        interval("AF1803", control_status::government, "2020-01-01", "2020-10-18", "baseline"),
        interval("AF1803", control_status::contested, "2020-10-19", "", "event", {"ev-baharak"}),
        interval("AF1708", control_status::government, "2020-01-01", "2020-07-30", "baseline"),
        interval("AF1708", control_status::taliban, "2020-07-31", "", "event", {"ev-kohistan"}),
        interval("AF1906", control_status::contested, "2020-10-20", "", "event", {"ev-archi"}),
        interval("AF2202", control_status::contested, "2020-10-15", "2020-11-14", "event", {"ev-sayad"}),
        interval("AF2202", control_status::government, "2020-11-15", "", "override"),
        interval("AF1809", control_status::unconfirmed, "2020-10-21", "", "event", {"ev-khwaja-ghar"}),
        interval("AF1801", control_status::government, "2020-01-01", "", "baseline"),
        interval("AF9999", control_status::taliban, "2020-10-01", "", "event"), // not in the gazetteer
    };

    auto baharak = event("ev-baharak", event_type::armed_clash, "2020-10-19", geo_precision::district, "AF1803", "AF18");
    baharak.sub_type = extract::event_sub_type::ambush;
    baharak.killed = count_range{12, 34, 42};
    baharak.missing = count_range{48, 48, 48};
    baharak.sources = {{"001", "001#1", "TOLOnews", "https://tolonews.com/afghanistan-166976", parse_iso_day("2020-10-20"),
                        "Taliban ambushed security forces in Baharak district of Takhar."},
                       {"003", "003#1", "Republic World", "", parse_iso_day("2020-10-22"),
                        "Intense clashes broke out in Baharak district between the Afghan security forces and the Taliban."}};
    baharak.quote = "Taliban ambushed security forces in Baharak district of Takhar.";

    auto kohistan = event("ev-kohistan", event_type::district_seizure, "2020-07-31", geo_precision::district, "AF1708", "AF17");
    kohistan.control = extract::control_side::taliban;
    kohistan.sources = {{"002", "002#1", "Xinhua", "", std::nullopt, "Taliban have seized Kohistan district."}};

    auto taloqan = event("ev-taloqan", event_type::bombing, "2020-10-03", geo_precision::settlement, "AF1801", "AF18");
    taloqan.lon = 69.5345;
    taloqan.lat = 36.7361;
    taloqan.killed = count_range{2, 3, 3};
    taloqan.wounded = count_range{5, 7, 9};
    taloqan.sources = {{"004", "004#2", "Pajhwok", "", parse_iso_day("2020-10-04"), "A bomb went off in Taloqan city."}};

    auto archi = event("ev-archi", event_type::armed_clash, "2020-10-20", geo_precision::district, "AF1906", "AF19");
    archi.killed = count_range{50, 60, 70};
    archi.sources = {{"005", "005#1", "Khaama Press", "", parse_iso_day("2020-10-21"), "Clashes in Dasht-e-Archi district."}};

    auto airstrike = event("ev-takhar-air", event_type::airstrike, "2020-10-10", geo_precision::province, "", "AF18");
    airstrike.who = {extract::actor_side::afghan_forces, extract::actor_side::taliban, "Afghan Air Force", "Taliban"};
    airstrike.killed = count_range{20, 25, 30};
    airstrike.sources = {{"004", "004#3", "Pajhwok", "", parse_iso_day("2020-10-11"), "Airstrikes in Takhar province."}};

    auto country = event("ev-country", event_type::armed_clash, "2020-10-12", geo_precision::country, "", "");
    auto undated = event("ev-undated", event_type::raid, "", geo_precision::district, "AF1801", "AF18");

    s.events = {baharak, kohistan, taloqan, archi, airstrike, country, undated};
    s.slice_unit = "month";
    s.slices = {{"2020-07", naqsha::parse_iso_day("2020-07-01"), naqsha::parse_iso_day("2020-07-31")},
                {"2020-08", naqsha::parse_iso_day("2020-08-01"), naqsha::parse_iso_day("2020-08-31")},
                {"2020-09", naqsha::parse_iso_day("2020-09-01"), naqsha::parse_iso_day("2020-09-30")},
                {"2020-10", naqsha::parse_iso_day("2020-10-01"), naqsha::parse_iso_day("2020-10-31")},
                {"2020-11", naqsha::parse_iso_day("2020-11-01"), naqsha::parse_iso_day("2020-11-30")}};
    return s;
}

} // namespace naqsha::test
