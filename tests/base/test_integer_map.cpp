#include "base/integer_map.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <stdexcept>
#include <unordered_map>

using naqsha::integer_map;

TEST_CASE("an integer map finds every key it was given, through its doublings, as unordered_map does") {
    integer_map map;
    std::unordered_map<std::uint64_t, std::uint32_t> expected;
    CHECK(map.find(7) == nullptr);
    // Keys as merging makes them: a province in the high half beside a day, and hashes of quotes.
    std::uint32_t n = 0;
    for (std::uint64_t province = 1; province <= 34; ++province)
        for (std::uint64_t day = 15000; day < 15700; day += 3) {
            const auto key = (province << 32) | day;
            map.try_emplace(key, n);
            expected.try_emplace(key, n);
            ++n;
        }
    for (std::uint64_t k = 1; k < 5000; ++k) {
        const auto key = k * 0x9E3779B97F4A7C15ull ^ (k << 17);
        map.try_emplace(key, n);
        expected.try_emplace(key, n);
        ++n;
    }
    REQUIRE(map.size() == expected.size());
    for (const auto& [key, value] : expected) {
        const auto* found = map.find(key);
        REQUIRE(found != nullptr);
        CHECK(*found == value);
    }
    CHECK(map.find((35ull << 32) | 15000) == nullptr);
    CHECK(map.find((1ull << 32) | 15001) == nullptr);
}

TEST_CASE("an integer map keeps a key's first value, and its value can be changed in place") {
    integer_map map;
    CHECK(map.try_emplace(42, 1) == 1);
    CHECK(map.try_emplace(42, 2) == 1);
    map.try_emplace(42, 9) = 3;
    CHECK(*map.find(42) == 3);
    CHECK(map.size() == 1);
    CHECK_THROWS_AS(map.try_emplace(0, 1), std::invalid_argument);
}
