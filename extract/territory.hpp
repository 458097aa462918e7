#pragma once
// Territory changing hands, read from the clause around one verb or noun, whatever its tense:
//   taken        "the Taliban captured / seized / overran / took control of the district centre"
//   retaken      "forces retook / recaptured / regained / cleared Arghandab district of the Taliban"
//   given up     "forces retreated from / abandoned / surrendered / handed over the district centre"
//   handed over  "elders negotiated the handover of Jaghatu to the Taliban": the Taliban hold it
//   fallen       "Darqad fell to the Taliban", "fell into the hands of", "the fall of Sangin"
//   held         "is now in Taliban hands", "under Taliban control", "controlled by the Taliban",
//                "Taliban-held Sangin", "the government still holds the district centre"
// Territory is a district, its centre or headquarters, a city, town, provincial capital, base or
// border crossing, or a place the gazetteer named (a token marked place_name); weapons, vehicles
// and people are not, so "seized weapons" and "captured a commander" change no hands, and neither
// does "captured more territory", which names no place.
#include "extract/lexicon.hpp"
#include "extract/text.hpp"

#include <cstdint>
#include <optional>

namespace naqsha::extract {

struct territory_change {
    std::uint32_t at = 0;            // the word the clause turns on
    // seizure: the one who took it holds it; withdrawal: the one who left it no longer does;
    // recapture: the government holds it again. Who the actors are settles it (extractor).
    lex::event_kind kind = lex::event_kind::none;
    bool state = false;              // "in Taliban hands": who holds it, not a change told
    lex::side holder = lex::side::none; // who holds it after, where the clause names them ("fell to the Taliban")
    bool handover = false;           // given over by agreement: "handed the district over to the Taliban"
    bool positions = false;          // posts or checkpoints in the territory, not the territory: "posts in Teshkan district were abandoned"
};

// The change of hands the clause around token i tells, if i is the word it turns on.
std::optional<territory_change> territory_change_at(const document& doc, std::size_t first, std::size_t last, std::size_t i);

} // namespace naqsha::extract
