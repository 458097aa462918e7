#include "fixtures.hpp"
#include "store/catalog.hpp"
#include "store/mention_key.hpp"
#include "store/mention_spool.hpp"

#include <doctest/doctest.h>

#include <cstring>

using namespace naqsha;
using extract::event_type;

namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

} // namespace

TEST_CASE("a spooled mention reads back field for field, doubles bit for bit") {
    auto e = test::mention("kabul/001", 3, event_type::district_seizure, "2021-08-15", "AF0101", "Kabul");
    e.date_end = parse_iso_day("2021-08-16");
    e.date_prec = extract::date_precision::range;
    e.date_basis = extract::dated_by::text;
    e.date_text = "Sunday night";
    e.sub_type = extract::event_sub_type::handover;
    e.background = true;
    e.lon = 69.123456789012345;
    e.lat = 34.5 + 1e-13;
    e.places = {{"Kabul", "AF0101", extract::geo_precision::district, {10, 15}},
                {"Paghman", "", extract::geo_precision::settlement, {20, 27}}};
    e.who = {extract::actor_side::taliban, extract::actor_side::afghan_forces, "Taliban fighters", "police"};
    e.captured = extract::count_range{3, 4, 5};
    e.claims = {test::claim(extract::casualty_field::captured, 3, 4, 5, extract::attribution_kind::taliban, "Zabihullah \"Mujahid\"\n")};
    e.control = extract::control_side::taliban;
    e.reported_by = "a spokesman";
    e.reported_by_kind = extract::attribution_kind::taliban;
    static constexpr char quote[] = "binary \0 bytes and UTF-8: \xd8\xb2";
    e.quote = std::string(quote, sizeof quote - 1);
    e.offsets = {100, 180};
    e.confidence = 0.1 + 0.2;

    store::mention_spool spool;
    spool.add(test::mention("other", 1, event_type::bombing, "", ""));
    const auto row = spool.add(e);
    CHECK(spool.size() == 2);
    const auto back = spool.read(row);
    CHECK(back.id == e.id);
    CHECK(back.article == e.article);
    CHECK(back.type == e.type);
    CHECK(back.sub_type == e.sub_type);
    CHECK(back.background == e.background);
    CHECK(back.date == e.date);
    CHECK(back.date_end == e.date_end);
    CHECK(back.date_prec == e.date_prec);
    CHECK(back.date_basis == e.date_basis);
    CHECK(back.date_text == e.date_text);
    CHECK(back.district == e.district);
    CHECK(back.province == e.province);
    CHECK(back.geo_prec == e.geo_prec);
    CHECK(same_bits(*back.lon, *e.lon));
    CHECK(same_bits(*back.lat, *e.lat));
    CHECK(back.places == e.places);
    CHECK(back.who.perpetrator == e.who.perpetrator);
    CHECK(back.who.target == e.who.target);
    CHECK(back.who.perpetrator_detail == e.who.perpetrator_detail);
    CHECK(back.who.target_detail == e.who.target_detail);
    CHECK_FALSE(back.killed);
    CHECK(back.captured == e.captured);
    REQUIRE(back.claims.size() == 1);
    CHECK(back.claims[0].source == e.claims[0].source);
    CHECK(back.claims[0].value == e.claims[0].value);
    CHECK(back.claims[0].subject == e.claims[0].subject);
    CHECK(back.control == e.control);
    CHECK(back.reported_by == e.reported_by);
    CHECK(back.reported_by_kind == e.reported_by_kind);
    CHECK(back.quote == e.quote);
    CHECK(back.offsets == e.offsets);
    CHECK(same_bits(back.confidence, e.confidence));
    CHECK(spool.read(0).id == "other#1");
}

TEST_CASE("the catalog keeps merge keys and reads its mentions back from the spool") {
    store::catalog c;
    auto first = test::mention("a", 1, event_type::armed_clash, "2020-10-20", "AF1803", "Baharak");
    first.who.perpetrator = extract::actor_side::taliban;
    c.put(test::article("a", "2020-10-21", {first, test::mention("a", 2, event_type::bombing, "", "")}));
    c.put(test::article("b", "2020-10-22", {test::mention("b", 1, event_type::raid, "2020-10-21", "AF18")}));
    c.assign_sequence_numbers();
    const auto& a = c.at("a");
    REQUIRE(c.mentions(a).size() == 2);
    const auto& key = c.mentions(a)[0];
    CHECK(key.seq == 1);
    CHECK(c.names().name(key.province) == "AF18");
    CHECK(c.names().name(key.district) == "AF1803");
    CHECK(key.perpetrator == extract::actor_side::taliban);
    CHECK(key.start == store::parse_iso_day("2020-10-20"));
    CHECK(key.wire_key != 0);
    CHECK(c.mention(key).id == "a#1");
    CHECK(c.mention(c.mentions(c.at("b"))[0]).id == "b#1");
    CHECK(c.undated().events == 1);

    // An article extracted again replaces its mentions; the old rows are never read.
    c.put(test::article("a", "2020-10-21", {test::mention("a", 1, event_type::airstrike, "2020-10-23", "AF1809")}));
    REQUIRE(c.mentions(c.at("a")).size() == 1);
    CHECK(c.mention(c.mentions(c.at("a"))[0]).type == event_type::airstrike);
    CHECK(c.mention_count() == 2);
    CHECK(c.undated().events == 0);
}

TEST_CASE("wire copies of one report share a key: the same type, day and quote up to its spacing") {
    store::name_table names;
    auto copy = [](std::string quote, event_type type = event_type::bombing, std::string day = "2020-10-20") {
        auto e = test::mention("a", 1, type, day, "AF1803");
        e.quote = std::move(quote);
        return e;
    };
    const auto key = store::key_of(copy("A roadside bomb  killed\nfour civilians. "), names).wire_key;
    CHECK(key != 0);
    CHECK(store::key_of(copy("A roadside bomb killed four\r\n\tcivilians."), names).wire_key == key);
    CHECK(store::key_of(copy("A roadside bomb killed three civilians."), names).wire_key != key);
    CHECK(store::key_of(copy("A roadside bomb killed four civilians.", event_type::airstrike), names).wire_key != key);
    CHECK(store::key_of(copy("A roadside bomb killed four civilians.", event_type::bombing, "2020-10-21"), names).wire_key != key);
    // a quote that opens with a blank is keyed with one space before it, as it always was
    CHECK(store::key_of(copy("\n A roadside bomb killed four civilians."), names).wire_key ==
          store::key_of(copy(" A roadside bomb killed four civilians."), names).wire_key);
    CHECK(store::key_of(copy(" A roadside bomb killed four civilians."), names).wire_key != key);
    // nothing to compare without a quote or a day
    CHECK(store::key_of(copy(""), names).wire_key == 0);
    CHECK(store::key_of(copy("A roadside bomb killed four civilians.", event_type::bombing, ""), names).wire_key == 0);
}

TEST_CASE("the catalog's one list of keys stays right as articles are put again and mentions come out of turn") {
    store::catalog c;
    const auto id_of = [](int i) { return "art" + std::to_string(i); };
    // 1,500 articles of two mentions, then each again with three: the first keys are retired, and the
    // list is closed up whenever they are a quarter of it, several times over the second round.
    for (int mentions = 2; mentions <= 3; ++mentions)
        for (int i = 0; i < 1500; ++i) {
            std::vector<extract::event> events;
            for (int n = 1; n <= mentions; ++n)
                events.push_back(test::mention(id_of(i), n + 10 * (mentions - 2), event_type::armed_clash, "2020-10-20", "AF1803"));
            c.put(test::article(id_of(i), "2020-10-21", std::move(events)));
        }
    // A mention for an article whose keys are not the last: they move to the end to join it.
    REQUIRE(c.add_mention(id_of(7), {test::mention(id_of(7), 99, event_type::raid, "2020-10-20", "AF1803"), 0}));
    c.put(test::article(id_of(1499), "2020-10-21", {})); // the last keys, retired at the end of the list
    c.assign_sequence_numbers();

    CHECK(c.mention_count() == 1499 * 3 + 1);
    for (int i = 0; i < 1500; ++i) {
        const auto& article = c.at(id_of(i));
        std::vector<std::string> ids;
        for (const auto& key : c.mentions(article)) ids.push_back(c.mention(key).id);
        std::vector<std::string> expected;
        if (i != 1499)
            for (int n = 11; n <= 13; ++n) expected.push_back(id_of(i) + "#" + std::to_string(n));
        if (i == 7) expected.push_back(id_of(7) + "#99");
        CHECK_MESSAGE(ids == expected, id_of(i));
    }
}
