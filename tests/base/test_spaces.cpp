#include "base/spaces.hpp"

#include <doctest/doctest.h>

using naqsha::collapse_spaces;

TEST_CASE("spaces, tabs and line breaks run together as one space, and none at either end") {
    CHECK(collapse_spaces("Zanda  Jan\n") == "Zanda Jan");
    CHECK(collapse_spaces("\r\n\tThe Taliban\r\n  took\tthe  district ") == "The Taliban took the district");
    CHECK(collapse_spaces("one") == "one");
    CHECK(collapse_spaces(" \n\t ") == "");
    CHECK(collapse_spaces("") == "");
}

TEST_CASE("other bytes are kept as they are, UTF-8 and punctuation included") {
    CHECK(collapse_spaces("Nad\xE2\x80\x98" "Ali ,  \"quoted\"") == "Nad\xE2\x80\x98" "Ali , \"quoted\"");
    CHECK(collapse_spaces("a\vb\fc") == "a\vb\fc"); // only the four that text files use
}
