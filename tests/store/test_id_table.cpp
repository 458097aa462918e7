#include "fixtures.hpp"
#include "store/catalog.hpp"
#include "store/id_table.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace naqsha;
using extract::event_type;

namespace {

std::uint64_t one_hash(std::string_view) { return 42; }
// Ids fall on few homes, and their tags differ only now and then: runs of many ids, some with equal tags.
std::uint64_t few_hashes(std::string_view id) {
    if (id.empty()) return 0;
    const std::uint64_t home = static_cast<unsigned char>(id.back()) % 3u;
    return home << 32 | (id.size() % 2);
}

std::vector<std::string> sorted(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<std::string> walked(const store::id_table& t) {
    std::vector<std::string> ids;
    for (auto number : t.in_order()) ids.emplace_back(t.id(number));
    return ids;
}

} // namespace

TEST_CASE("the id table tells ids apart whatever their hashes, and walks them in std::string's order") {
    for (auto hash : {one_hash, few_hashes}) {
        store::id_table t(hash);
        std::vector<std::string> ids;
        std::mt19937 rng(7);
        for (int i = 0; i < 600; ++i) {
            std::string id = "a";
            id += std::to_string(rng() % 100000);
            id += '-';
            id += std::to_string(i);
            ids.push_back(std::move(id));
        }
        ids.push_back("");
        ids.push_back("\xd8\xb2 after every ASCII id");
        ids.push_back(std::string(70'000, 'z')); // longer than a block of text
        ids.push_back(std::string("nul\0inside", 10));
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const auto [number, added] = t.insert(ids[i]);
            CHECK(added);
            CHECK(number == i);
        }
        for (std::size_t i = 0; i < ids.size(); ++i) { // again: the same numbers, nothing added
            const auto [number, added] = t.insert(ids[i]);
            CHECK_FALSE(added);
            CHECK(number == i);
            CHECK(t.id(number) == ids[i]);
        }
        CHECK(t.size() == ids.size());
        CHECK(t.find("a-not-held") == store::id_table::none);
        CHECK(t.find(std::string("nul", 3)) == store::id_table::none);
        CHECK(walked(t) == sorted(ids));

        // Erasing every third id leaves the others reachable, past the slots the erased ones held.
        std::vector<std::string> kept;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (i % 3 == 1)
                CHECK(t.erase(ids[i]));
            else
                kept.push_back(ids[i]);
        }
        CHECK_FALSE(t.erase(ids[1]));
        CHECK(t.size() == kept.size());
        for (std::size_t i = 0; i < ids.size(); ++i)
            CHECK_MESSAGE((t.find(ids[i]) == (i % 3 == 1 ? store::id_table::none : i)), ids[i].substr(0, 20));
        CHECK(walked(t) == sorted(kept));
        // An erased id put back has a new number.
        CHECK(t.insert(ids[1]) == std::pair<std::uint32_t, bool>{static_cast<std::uint32_t>(ids.size()), true});
        CHECK(t.find(ids[1]) == ids.size());
    }
}

TEST_CASE("the catalog walks its articles in id order, and an article put again keeps its place") {
    store::catalog c;
    std::vector<std::string> ids;
    for (int i = 0; i < 3000; ++i) ids.push_back("art" + std::to_string((i * 7919) % 3000));
    ids.push_back("Z");
    ids.push_back("\xc3\xa9t\xc3\xa9");
    std::map<std::string, int> mentions_of; // what a std::map of the articles would hold and walk
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const int n = static_cast<int>(i % 3);
        std::vector<extract::event> events;
        for (int m = 1; m <= n; ++m) events.push_back(test::mention(ids[i], m, event_type::armed_clash, "2020-10-20", "AF1803"));
        c.put(test::article(ids[i], "2020-10-21", std::move(events)));
        mentions_of[ids[i]] = n;
    }
    // Half of them again, with other mentions: replaced in place, not added.
    for (std::size_t i = 0; i < ids.size(); i += 2) {
        c.put(test::article(ids[i], "2020-10-22", {test::mention(ids[i], 9, event_type::raid, "2020-10-20", "AF1803")}));
        mentions_of[ids[i]] = 1;
    }
    CHECK(c.article_count() == ids.size());
    REQUIRE(c.articles().size() == mentions_of.size());
    auto expected = mentions_of.begin();
    for (const auto& [id, article] : c.articles()) {
        CHECK(id == expected->first);
        CHECK(c.mentions(article).size() == static_cast<std::size_t>(expected->second));
        CHECK(c.record(article).id == expected->first);
        ++expected;
    }
    CHECK(c.at("art0").published == parse_iso_day("2020-10-22"));
    CHECK(c.find("art3000") == nullptr);
    CHECK_THROWS_AS(c.at("art3000"), std::out_of_range);
}
