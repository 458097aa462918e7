#include "fixtures.hpp"
#include "store/merge.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

using namespace naqsha;
using extract::event_type;

namespace {

// Seed 001 (AFP/DPA, published 2020-10-21): the overnight ambush in Baharak, Takhar; officials say 34
// killed, local politicians up to 42; 8 wounded.
extract::event baharak_001() {
    auto e = test::mention("001_7f9b9c3711d5355b", 1, event_type::armed_clash, "2020-10-20", "AF1803", "Baharak");
    e.date_end = parse_iso_day("2020-10-21");
    e.date_prec = extract::date_precision::range;
    e.sub_type = extract::event_sub_type::ambush;
    e.who = {extract::actor_side::taliban, extract::actor_side::afghan_forces, "Taliban", "security forces"};
    e.killed = extract::count_range{34, 34, 42};
    e.wounded = extract::count_range{8, 8, 8};
    e.claims = {test::claim(extract::casualty_field::killed, 34, 34, 34, extract::attribution_kind::official, "Takhar provincial health director"),
                test::claim(extract::casualty_field::killed, 42, 42, 42, extract::attribution_kind::local, "Local politicians"),
                test::claim(extract::casualty_field::wounded, 8, 8, 8, extract::attribution_kind::unattributed)};
    e.reported_by_kind = extract::attribution_kind::official;
    return e;
}

// Seed 003 (Republic/ANI, published 2020-10-22): the same fight, 12 bodies found and 48 missing.
extract::event baharak_003() {
    auto e = test::mention("003_71abac885cfa549a", 1, event_type::armed_clash, "2020-10-20", "AF1803", "Baharak");
    e.who = {extract::actor_side::taliban, extract::actor_side::afghan_forces, "", ""};
    e.killed = extract::count_range{12, 12, 12};
    e.missing = extract::count_range{48, 48, 48};
    e.claims = {test::claim(extract::casualty_field::killed, 12, 12, 12, extract::attribution_kind::media, "ANI"), test::claim(extract::casualty_field::missing, 48, 48, 48, extract::attribution_kind::media, "ANI")};
    e.reported_by_kind = extract::attribution_kind::media;
    return e;
}

// The merge result refers to the catalog's mentions, so both are kept together.
struct merged_catalog {
    store::catalog content;
    store::merge_result result;
    store::map_events records; // the map's records of result.events, read back
    const store::merge_result* operator->() const { return &result; }

    // The events whole, in order.
    std::vector<store::merged_event> events() const {
        std::vector<store::merged_event> out;
        for (std::size_t i = 0; i < result.events.size(); ++i) out.push_back(result.events.whole(i));
        return out;
    }

    // The id of the merged event a mention belongs to.
    std::string event_of(const std::string& mention_id) const {
        for (const auto& [id, article] : content.articles())
            for (const auto& key : content.mentions(article))
                if (content.mention(key).id == mention_id) return result.events.id(result.event_of_row.at(key.row));
        throw std::out_of_range("no mention " + mention_id);
    }
};

std::unique_ptr<merged_catalog> merge(std::vector<store::stored_article> articles) {
    auto out = std::make_unique<merged_catalog>();
    for (auto& a : articles) out->content.put(std::move(a));
    out->content.assign_sequence_numbers();
    out->result = store::merge_mentions(out->content);
    out->records = out->result.events.records();
    return out;
}

// Every field of a merged event but its claims (which have no ==), to compare two.
auto fields_of(const store::merged_event& e) {
    return std::tie(e.id, e.type, e.sub_type, e.background, e.date, e.date_end, e.date_prec, e.district, e.province,
                    e.geo_prec, e.lon, e.lat, e.who.perpetrator, e.who.target, e.who.perpetrator_detail,
                    e.who.target_detail, e.killed, e.wounded, e.missing, e.captured, e.sources, e.control, e.reported_by,
                    e.reported_by_kind, e.quote, e.confidence);
}

std::optional<store::merged_event> in_district(const std::unique_ptr<merged_catalog>& r, const std::string& pcode) {
    for (const auto& e : r->events())
        if (e.district && e.district->pcode == pcode) return e;
    return std::nullopt;
}

} // namespace

TEST_CASE("seeds 001 and 003 give one Baharak event whose ranges span the sources") {
    auto r = merge({test::article("001_7f9b9c3711d5355b", "2020-10-21", {baharak_001()}),
                    test::article("003_71abac885cfa549a", "2020-10-22", {baharak_003()})});
    REQUIRE(r->result.events.size() == 1);
    const auto e = r->events().front();
    CHECK(e.district->pcode == "AF1803");
    CHECK(e.sources.size() == 2);
    REQUIRE(e.killed);
    CHECK(e.killed->low == 12);
    CHECK(e.killed->best == 34); // the official figure
    CHECK(e.killed->high == 42);
    REQUIRE(e.missing);
    CHECK(e.missing->best == 48);
    REQUIRE(e.wounded);
    CHECK(e.wounded->best == 8);
    CHECK(e.date == parse_iso_day("2020-10-20")); // what both sources agree on
    CHECK(e.date_end == parse_iso_day("2020-10-20"));
    CHECK(e.claims.size() == 5);   // every claim kept
    CHECK(e.reported_by_kind == extract::attribution_kind::official);
    CHECK(r->event_of("003_71abac885cfa549a#1") == e.id);
}

TEST_CASE("an event keeps its id when a new source joins") {
    auto alone = merge({test::article("001_7f9b9c3711d5355b", "2020-10-21", {baharak_001()})});
    REQUIRE(alone->result.events.size() == 1);

    store::catalog c;
    c.put(test::article("001_7f9b9c3711d5355b", "2020-10-21", {baharak_001()}));
    c.assign_sequence_numbers();
    // A later run adds an article whose id sorts first: the id still comes from the first stored mention.
    auto earlier_name = baharak_003();
    earlier_name.article = "000_wire";
    earlier_name.id = "000_wire#1";
    c.put(test::article("000_wire", "2020-10-22", {earlier_name}));
    c.assign_sequence_numbers();
    auto both = store::merge_mentions(c);
    REQUIRE(both.events.size() == 1);
    CHECK(both.events.id(0) == alone->result.events.id(0));
    CHECK(both.events.whole(0).sources.size() == 2);
    CHECK(alone->result.events.id(0) == store::event_id_for("001_7f9b9c3711d5355b#1"));
}

TEST_CASE("mentions that share a seq are taken in the catalog's order: by article id, then as stored") {
    // A store edited by hand may repeat a seq. Forty, so that an unstable sort would move some of them.
    auto id_of = [](std::size_t i) { return (i < 10 ? "a0" : "a") + std::to_string(i); };
    std::vector<store::stored_article> articles;
    for (std::size_t n = 40; n-- > 0;) {
        const auto id = id_of(n);
        auto a = test::article(id, "2020-01-29", {test::mention(id, 1, event_type::armed_clash, "2020-01-28", "AF1906")});
        a.mentions[0].seq = 7;
        articles.push_back(std::move(a));
    }
    auto r = merge(std::move(articles));
    REQUIRE(r->result.events.size() == 1);
    CHECK(r->result.events.id(0) == store::event_id_for("a00#1"));
    const auto sources = r->result.events.whole(0).sources;
    REQUIRE(sources.size() == 40);
    for (std::size_t i = 0; i < sources.size(); ++i) CHECK(sources[i].article == id_of(i));
}

TEST_CASE("the best estimate prefers an official figure over a Taliban claim") {
    auto official = test::mention("a", 1, event_type::armed_clash, "2020-01-28", "AF1906");
    official.killed = extract::count_range{13, 13, 13};
    official.claims = {test::claim(extract::casualty_field::killed, 13, 13, 13, extract::attribution_kind::official)};
    auto taliban = test::mention("b", 1, event_type::armed_clash, "2020-01-28", "AF1906");
    taliban.killed = extract::count_range{35, 35, 35};
    taliban.claims = {test::claim(extract::casualty_field::killed, 35, 35, 35, extract::attribution_kind::taliban, "Zabihullah Mujahid")};
    // The Taliban statement published later must still not win.
    auto r = merge({test::article("a", "2020-01-29", {official}), test::article("b", "2020-01-30", {taliban})});
    REQUIRE(r->result.events.size() == 1);
    CHECK(r->records[0].killed->low == 13);
    CHECK(r->records[0].killed->best == 13);
    CHECK(r->records[0].killed->high == 35);
}

TEST_CASE("two different districts never merge, even through a province-level mention") {
    auto khwaja = test::mention("a", 1, event_type::armed_clash, "2020-10-20", "AF1809");
    auto province = test::mention("b", 1, event_type::armed_clash, "2020-10-20", "AF18");
    auto baharak = test::mention("c", 1, event_type::armed_clash, "2020-10-20", "AF1803");
    auto r = merge({test::article("a", "", {khwaja}), test::article("b", "", {province}), test::article("c", "", {baharak})});
    CHECK(r->result.events.size() == 2);
    CHECK(r->event_of("b#1") == r->event_of("a#1")); // the province mention joins the first
    CHECK(r->event_of("c#1") != r->event_of("a#1"));
    const auto merged = in_district(r, "AF1809");
    REQUIRE(merged);
    CHECK(merged->geo_prec == extract::geo_precision::district);
}

TEST_CASE("date windows: a night event may be dated to either day, not further") {
    auto night = test::mention("a", 1, event_type::armed_clash, "2020-01-28", "AF1906");
    auto next_day = test::mention("b", 1, event_type::armed_clash, "2020-01-29", "AF1906");
    auto later = test::mention("c", 1, event_type::armed_clash, "2020-01-31", "AF1906");
    auto r = merge({test::article("a", "", {night}), test::article("b", "", {next_day}), test::article("c", "", {later})});
    CHECK(r->result.events.size() == 2);
    CHECK(r->event_of("a#1") == r->event_of("b#1"));
    CHECK(r->event_of("c#1") != r->event_of("a#1"));
}

TEST_CASE("types, control and actors must agree") {
    auto seizure = test::mention("a", 1, event_type::district_seizure, "2018-05-10", "AF1708");
    seizure.control = extract::control_side::taliban;
    auto recapture = test::mention("b", 1, event_type::government_recapture, "2018-05-10", "AF1708");
    recapture.control = extract::control_side::government;
    auto clash = test::mention("c", 1, event_type::armed_clash, "2018-05-10", "AF1708");
    auto bombing = test::mention("d", 1, event_type::bombing, "2018-05-10", "AF1708");
    auto r = merge({test::article("a", "", {seizure}), test::article("b", "", {recapture}), test::article("c", "", {clash}),
                    test::article("d", "", {bombing})});
    CHECK(r->event_of("a#1") != r->event_of("b#1"));
    CHECK(r->event_of("c#1") == r->event_of("a#1")); // a clash report of the seizure joins it
    CHECK(r->event_of("d#1") != r->event_of("a#1"));
    const auto merged = in_district(r, "AF1708");
    REQUIRE(merged);

    auto by_taliban = test::mention("e", 1, event_type::armed_clash, "2018-05-10", "AF1906");
    by_taliban.who.perpetrator = extract::actor_side::taliban;
    auto by_isk = test::mention("f", 1, event_type::armed_clash, "2018-05-10", "AF1906");
    by_isk.who.perpetrator = extract::actor_side::isk;
    auto unknown = test::mention("g", 1, event_type::armed_clash, "2018-05-10", "AF1906");
    unknown.who.perpetrator = extract::actor_side::unknown;
    auto actors = merge({test::article("e", "", {by_taliban}), test::article("f", "", {by_isk}), test::article("g", "", {unknown})});
    CHECK(actors->event_of("e#1") != actors->event_of("f#1"));
    CHECK(actors->event_of("g#1") == actors->event_of("e#1"));
    for (const auto& e : actors->events())
        if (e.id == actors->event_of("e#1")) CHECK(e.who.perpetrator == extract::actor_side::taliban);
}

TEST_CASE("one article's events stay apart; wire copies merge even without a place") {
    auto first = test::mention("a", 1, event_type::armed_clash, "2020-10-20", "AF1803");
    auto second = test::mention("a", 2, event_type::armed_clash, "2020-10-20", "AF1803");
    auto r = merge({test::article("a", "", {first, second})});
    CHECK(r->result.events.size() == 2);

    auto wire = test::mention("w1", 1, event_type::bombing, "2019-09-05", "");
    wire.quote = "A car bomb exploded near the checkpoint,\nkilling 10 people.";
    auto copy = test::mention("w2", 1, event_type::bombing, "2019-09-05", "");
    copy.quote = "A car bomb exploded near the checkpoint, killing 10  people.";
    auto wires = merge({test::article("w1", "", {wire}), test::article("w2", "", {copy})});
    CHECK(wires->result.events.size() == 1);
    CHECK(wires->events()[0].sources.size() == 2);
}

TEST_CASE("vaguely dated mentions are never merged") {
    auto month = test::mention("a", 1, event_type::armed_clash, "2020-10-01", "AF1803");
    month.date_end = parse_iso_day("2020-10-31");
    month.date_prec = extract::date_precision::month;
    auto day = test::mention("b", 1, event_type::armed_clash, "2020-10-20", "AF1803");
    auto undated = test::mention("c", 1, event_type::armed_clash, "", "AF1803");
    undated.date_end.reset();
    auto r = merge({test::article("a", "", {month}), test::article("b", "", {day}), test::article("c", "", {undated})});
    CHECK(r->result.events.size() == 3);
    for (const auto& e : r->records)
        if (e.id == r->event_of("a#1")) CHECK(e.date_prec == extract::date_precision::month);
}

TEST_CASE("merging is deterministic and ordered by date then id") {
    std::vector<store::stored_article> articles;
    for (int i = 0; i < 30; ++i) {
        auto day = 10 + (i % 7);
        auto e = test::mention("art" + std::to_string(i), 1, event_type::armed_clash, "2020-03-" + std::to_string(day),
                               i % 2 ? "AF1803" : "AF1906");
        articles.push_back(test::article(e.article, "", {e}));
    }
    auto a = merge(articles);
    auto b = merge(articles);
    REQUIRE(a->result.events.size() == b->result.events.size());
    for (std::size_t i = 0; i < a->result.events.size(); ++i) {
        CHECK(a->result.events.id(i) == b->result.events.id(i));
        CHECK(a->records[i].id == a->result.events.id(i));
    }
    CHECK(std::is_sorted(a->records.begin(), a->records.end(),
                         [](const auto& x, const auto& y) { return std::tie(x.date, x.id) < std::tie(y.date, y.id); }));
}

TEST_CASE("merged events read back whole, and their map records say what the whole events say") {
    auto second = baharak_001();
    second.id = "001_7f9b9c3711d5355b#2";
    second.date = second.date_end = parse_iso_day("2020-11-02");
    second.quote = "A second attack, a fortnight later.";
    second.lon = 70.9;
    second.lat = 36.9;
    second.geo_prec = extract::geo_precision::settlement;
    auto r = merge({test::article("001_7f9b9c3711d5355b", "2020-10-21", {baharak_001(), second}),
                    test::article("003_71abac885cfa549a", "2020-10-22", {baharak_003()})});
    REQUIRE(r->result.events.size() == 2);
    const auto whole = r->events();
    CHECK(whole[0].sources.size() == 2);
    CHECK(whole[0].claims.size() == 5);
    CHECK(whole[1].quote == "A second attack, a fortnight later.");
    for (std::size_t i = 0; i < whole.size(); ++i) {
        const auto& record = r->records[i];
        const auto& e = whole[i];
        CHECK(record.id == e.id);
        CHECK(record.type == e.type);
        CHECK(record.sub_type == e.sub_type);
        CHECK(record.background == e.background);
        CHECK(record.date == e.date);
        CHECK(record.date_end == (e.date_end ? e.date_end : e.date));
        CHECK(record.date_prec == e.date_prec);
        CHECK(record.district == (e.district ? e.district->pcode : ""));
        CHECK(record.province == (e.province ? e.province->pcode : ""));
        CHECK(record.geo_prec == e.geo_prec);
        CHECK(record.lon == e.lon);
        CHECK(record.lat == e.lat);
        CHECK(record.killed == e.killed);
        CHECK(record.wounded == e.wounded);
        CHECK(record.control == e.control);
        CHECK(record.reported_by_kind == e.reported_by_kind);
        CHECK(record.confidence == e.confidence);
    }
}

TEST_CASE("map_events keeps every field of an event, doubles bit for bit, and its own texts") {
    store::merged_event e;
    e.id = "ev-0123456789abcdef";
    e.type = event_type::district_seizure;
    e.sub_type = extract::event_sub_type::handover;
    e.background = true;
    e.date = parse_iso_day("2021-06-21");
    e.date_end = parse_iso_day("2021-06-22");
    e.date_prec = extract::date_precision::range;
    e.district = extract::place_ref{"AF1803", "Baharak"};
    e.province = extract::place_ref{"AF18", "Takhar"};
    e.geo_prec = extract::geo_precision::settlement;
    e.lon = 0.1 + 0.2;
    e.lat = 36.93;
    e.who = {extract::actor_side::taliban, extract::actor_side::afghan_forces, "Taliban fighters", "police"};
    e.killed = extract::count_range{1, 2, 3};
    e.wounded = extract::count_range{4, 5, 6};
    e.missing = extract::count_range{7, 8, 9};
    e.captured = extract::count_range{10, 11, 12};
    e.claims = {test::claim(extract::casualty_field::killed, 1, 2, 3, extract::attribution_kind::official, "the governor")};
    e.sources = {{"a", "a#1", "AFP", "https://example.org/a", parse_iso_day("2021-06-22"), "Quote \"one\"\nsecond line."},
                 {"b", "b#3", "", "", std::nullopt, ""}};
    e.control = extract::control_side::taliban;
    e.reported_by = "Zabihullah Mujahid";
    e.reported_by_kind = extract::attribution_kind::taliban;
    e.quote = "The district fell.";
    e.confidence = 0.7;

    store::map_events events;
    auto other = e;
    other.id = "ev-other";
    other.district.reset();
    events.add(other);
    {
        auto copy = e; // the records own their texts
        events.add(copy);
        copy.id.assign(40, 'x');
        copy.date = parse_iso_day("1999-01-01");
    }
    REQUIRE(events.size() == 2);
    CHECK(events[0].district.empty());
    const auto& record = events[1];
    CHECK(record.id == "ev-0123456789abcdef");
    CHECK(record.date == naqsha::parse_iso_day("2021-06-21")); // the days, read once
    CHECK(record.date_end == naqsha::parse_iso_day("2021-06-22"));
    CHECK(record.district == "AF1803");
    CHECK(record.control == extract::control_side::taliban);
    CHECK(record.reported_by_kind == extract::attribution_kind::taliban);
    CHECK(record.sub_type == extract::event_sub_type::handover);
    CHECK(record.province == "AF18");
    CHECK(events[0].province.data() == record.province.data()); // shared texts are kept once
    const auto back = events.whole(record);
    CHECK(fields_of(back) == fields_of(e));
    CHECK(std::memcmp(&*back.lon, &*e.lon, sizeof(double)) == 0);
    REQUIRE(back.claims.size() == 1);
    CHECK(std::tie(back.claims[0].field, back.claims[0].value, back.claims[0].source, back.claims[0].source_kind,
                   back.claims[0].subject, back.claims[0].offsets) ==
          std::tie(e.claims[0].field, e.claims[0].value, e.claims[0].source, e.claims[0].source_kind, e.claims[0].subject,
                   e.claims[0].offsets));

    // The map places an event without a point of its own: whole() gives the record's point.
    auto placed = events;
    for (auto& r : placed) r.lon = 1.5, r.lat = 2.5;
    CHECK(placed.whole(placed[0]).lon == 1.5);
    CHECK(events.whole(events[0]).lon == e.lon); // the copy's records are its own
    std::vector<std::size_t> order{1, 0};
    placed.reorder(order);
    CHECK(placed[0].id == "ev-0123456789abcdef");
    CHECK(placed.whole(placed[1]).id == "ev-other");
}

TEST_CASE("merged events are kept on disk, in memory only their ids and rows, and put in the map's order") {
    store::merged_events events;
    auto event = [](const std::string& mention, const std::string& date, const std::string& date_end) {
        store::merged_event e;
        e.id = store::event_id_for(mention);
        e.date = naqsha::parse_iso_day(date);
        e.date_end = naqsha::parse_iso_day(date_end);
        e.quote = "what " + mention + " said";
        return e;
    };
    events.add(event("a#1", "2020-10-02", "2020-10-02"));
    events.add(event("b#1", "", ""));
    events.add(event("c#1", "2020-09-30", "2020-10-05"));
    CHECK(events.latest_day() == naqsha::parse_iso_day("2020-10-05"));
    CHECK(events.put_in_map_order() == std::vector<std::uint32_t>{2, 0, 1});
    CHECK(events.id(0) == store::event_id_for("b#1"));
    CHECK(events.id(2) == store::event_id_for("a#1"));
    CHECK(events.whole(1).quote == "what c#1 said");
    const auto records = events.records();
    REQUIRE(records.size() == 3);
    for (std::size_t i = 0; i < records.size(); ++i) {
        CHECK(records[i].id == events.id(i));
        CHECK(records.whole(records[i]).quote == events.whole(i).quote);
    }
    CHECK(records[1].date_end == parse_iso_day("2020-10-05"));

    // The id is kept as its 16 hex digits, so only event_id_for's form is taken.
    for (const std::string id : {"ev-0123456789ABCDEF", "ev-0123", "ev-0123456789abcdef0", "xx-0123456789abcdef"}) {
        auto odd = event("d#1", "2020-10-01", "2020-10-01");
        odd.id = id;
        CHECK_THROWS_AS(events.add(odd), std::logic_error);
    }
}
