#pragma once
// A clause opened by "while" or "whereas" that tells of no violence: "kill over 40 people in three
// attacks while peace talks take place in Moscow", "a bomb killed 12 in Ghazni while officials met in
// Kabul". A place named in it says where something else happened, never where the incident did.
#include "extract/text.hpp"

namespace naqsha::extract {

// Whether token i of sentence s stands in such a clause, one with a subject of its own ("while in
// Kandahar, a bomb killed five" places the bomb).
bool in_quiet_clause(const document& doc, const sentence& s, std::size_t i);

} // namespace naqsha::extract
