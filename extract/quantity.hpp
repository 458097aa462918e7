#pragma once
// Head counts as reporters write them: "13", "Twelve", "twenty-five", "a dozen", "dozens of",
// "at least 34", "more than 20", "up to 42", "eight to 12", "almost three dozen", "several".
// Vague amounts take the conventional counts documented in docs/extraction.md.
#include "extract/text.hpp"

#include <cstdint>
#include <optional>

namespace naqsha::extract {

struct quantity {
    int low = 0;
    int best = 0;
    int high = 0;
    bool vague = false;        // several, dozens, a number of
    bool upper_bound = false;  // up to N, as many as N: a ceiling, not an estimate
    std::uint32_t first = 0;   // tokens [first, last)
    std::uint32_t last = 0;
};

// The quantity starting at token i, reading no further than `limit`. Consumes a trailing "of"
// after amounts that need one ("dozens of", "a number of") but not a partitive "of" after a
// number ("two of the men").
std::optional<quantity> parse_quantity(const document& doc, std::size_t i, std::size_t limit);

// Whether token i can be the last of a quantity (a number, a number word, a vague amount or the
// few words that close one: "a dozen", "a couple of"). A quick test for readers who look for a
// quantity that ends at a given token.
bool may_end_quantity(const document& doc, std::size_t i);

} // namespace naqsha::extract
