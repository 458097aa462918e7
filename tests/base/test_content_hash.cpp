#include "base/content_hash.hpp"

#include <doctest/doctest.h>

#include <string>

using naqsha::hash_builder;
using naqsha::hash_bytes;

TEST_CASE("content hashes tell different bytes apart and are stable") {
    CHECK(hash_bytes("abc") == hash_bytes("abc"));
    CHECK_FALSE(hash_bytes("abc") == hash_bytes("abd"));
    CHECK_FALSE(hash_bytes("") == hash_bytes(std::string(1, '\0')));
    CHECK_FALSE(hash_bytes(std::string(8, 'a')) == hash_bytes(std::string(9, 'a')));
    CHECK(hash_bytes("abc").hex().size() == 32);
    // XXH3-128 of no bytes, as xxHash publishes it: the hash is the library's, not a home-made mix
    CHECK(hash_bytes("").hex() == "99aa06d3014798d86001c324468d497f");
    hash_builder a, b;
    a.add(1);
    a.add(2);
    b.add(2);
    b.add(1);
    CHECK(a.value() != b.value());
}
