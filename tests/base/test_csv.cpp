#include "base/csv.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

TEST_CASE("CSV reads quoted fields, CRLF, a byte-order mark, and skips blank lines") {
    const std::string text = "\xEF\xBB\xBFpcode,note\r\n"
                             "AF2711,\"border town, \"\"Wesh\"\"\nof Spin Boldak\"\r\n"
                             "\n"
                             "  \n"
                             "AF0101, spaced \n"
                             "AF0102,";
    const auto rows = naqsha::parse_csv(text);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].fields == std::vector<std::string>{"pcode", "note"});
    CHECK(rows[1].fields == std::vector<std::string>{"AF2711", "border town, \"Wesh\"\nof Spin Boldak"});
    CHECK(rows[1].line == 2);
    CHECK(rows[2].fields == std::vector<std::string>{"AF0101", " spaced "}); // trimming is the caller's choice
    CHECK(rows[2].line == 6);
    CHECK(rows[3].fields == std::vector<std::string>{"AF0102", ""});
    CHECK(rows[3].line == 7);
}
