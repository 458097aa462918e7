#pragma once
// Statements about many districts at once: "11 of the 16 districts", "61 out of Afghanistan's 407
// districts", "brings to three the number of districts the militants control", "controls or
// influences 56.3 percent of the country", "the Taliban now control all of Badakhshan province"
// (scope province), "Kabul has fallen" (scope country). They are recorded as claims with their
// source and never painted onto a district.
#include "extract/attribution.hpp"
#include "extract/event.hpp"
#include "extract/text.hpp"

#include <optional>
#include <vector>

namespace naqsha::extract {

// What a sentence must hold to state any claim: a word for a whole area ("all", "whole", "entire",
// "Kabul", "capital") or for a share ("districts", "percent", "half", "%"). Few sentences have either, and
// the caller need not work out the province for the others.
struct area_claim_words {
    bool whole = false;
    bool share = false;
};
area_claim_words find_area_claim_words(const document& doc, const sentence& s);

std::vector<area_claim> find_area_claims(const document& doc, const sentence& s, const area_claim_words& words,
                                         const std::optional<attribution>& source, const std::optional<place_ref>& province);

} // namespace naqsha::extract
