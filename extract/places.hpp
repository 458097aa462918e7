#pragma once
// Place names in an article, read in context: "Baharak district ... Takhar province" is Takhar's
// Baharak; "Kohistan district, located north of Fayzabad, the capital of Badakhshan province" is
// Badakhshan's; a district the text puts in the wrong province ("the Chimtal district in the
// province", Chimtal being in Balkh) goes to the real one, with lower confidence.
#include "extract/event.hpp"
#include "extract/text.hpp"
#include "gazetteer/gazetteer.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace naqsha::extract {

enum class place_cue : std::uint8_t { none, district, province, city, village, valley, region, capital };

// One place name in the text with every reading the gazetteer allows.
struct place_hit {
    std::uint32_t begin = 0, end = 0;  // bytes
    std::uint32_t first_token = 0;     // document::token_from(begin): the name's first token
    std::uint32_t end_token = 0;       // document::token_from(end): the first token after the name
    std::uint32_t sentence = 0;        // index into document::sentences(), or npos in headers
    std::string_view surface;
    place_cue cue = place_cue::none;   // the word after it (or "the province of X")
    bool listed = false;               // one of a list: "Khost, Kandahar and Nangarhar provinces"
    bool leads_cities = false;         // first of "the provincial capitals of A, B and C": each is a city
    bool fuzzy = false;                // no designating word and only a loose spelling match
    bool names_province = false;       // the name is also a province's ("Kunduz", "Sar-e-Pol")
    bool vicinity = false;             // "near Kunduz", "north of Kabul": its province, not its district
    bool aside = false;                // "east of Kabul", "travelling from Herat": not where it happened,
                                       // unless the sentence names no other place
    bool destination = false;          // where forces went: "retreated to Maimana" (also aside)
    bool qualifier = false;            // the province of the district named just before it: "Paghman
                                       // district in Kabul", "Surobi, Kabul"
    bool owner = false;                // the province of the district named just after it, in the
                                       // possessive: "Faryab's Ghormach district"
    bool far_end = false;              // the second place a road joins: "the road between Pul-e-Khumri
                                       // and Mazar" (the first is its vicinity): no place of its own
    bool speakers = false;             // "officials in Takhar province said": where the sources are,
                                       // kept only when the article names no other place
    std::string_view wide;             // the name with capitalised words before it ("Wali Kot" for "Kot")
    std::vector<gazetteer::candidate> candidates;

    const gazetteer::candidate* province() const;                   // as a province name
    const gazetteer::candidate* district(std::string_view province_pcode = {}) const; // as a district
};

// Every place name outside headers and datelines, in text order, each assigned to its sentence.
// The places datelines open with go to `dateline_places`, if given, in text order, each read as a
// city and assigned to no sentence.
std::vector<place_hit> find_places(const document& doc, const gazetteer::gazetteer& gaz,
                                   std::vector<place_hit>* dateline_places = nullptr);

// The words between a district's name and a province's name after it join them as one place: ", ",
// or only words such as "district", "centre", "of", "in" and "the" ("Paghman district in Kabul", "the
// Surobi district centre of Kabul", "Ghormach District, Faryab"). `says_district`, if given, is set
// when one of them is "district".
bool joins_district_to_province(std::string_view between, bool* says_district = nullptr);

// "Kunduz-Takhar", "Kunduz–Takhar" (an en or em dash), "Kabul/Jalalabad": two names, a before b,
// joined into one (a road's, a border's).
bool joined_by_dash(std::string_view text, const place_hit& a, const place_hit& b);

// What a set of place names says about one incident, in order of weight (the lead first).
struct place_reading {
    std::optional<place_ref> district;
    std::optional<place_ref> province;
    geo_precision precision = geo_precision::country;
    std::optional<double> lon, lat;
    std::vector<place_mention> used;
    bool corrected = false;            // the text put the district in another province
};

// `context_province`: the province the surrounding text is about, when the incident's own
// sentences do not name one ("in the province").
place_reading read_places(const std::vector<const place_hit*>& hits, const gazetteer::gazetteer& gaz,
                          std::string_view context_province);

// The explicit provinces and districts a sentence names (for deciding whether a sentence talks
// about the same incident as the previous one).
struct place_signature {
    std::vector<std::string> provinces;  // P-codes
    std::vector<std::string> districts;  // P-codes, read in the light of the provinces
    std::vector<std::string> weak_districts; // bare names that are also provinces' capitals ("Sar-e-Pol")
    bool region_only = false;            // "northern Afghanistan", "southern Afghanistan"
};
place_signature sign_places(const std::vector<const place_hit*>& hits, std::string_view context_province,
                            const gazetteer::gazetteer& gaz);

// Whether the sentence tells a capital by no name of its own ("handed the city over", "pushed into
// the provincial capital"), not as a place beside which something happened.
bool names_capital_unnamed(const document& doc, const sentence& sen);

// The district a name refers to inside a province, asking the gazetteer again with the province
// as context when the text's spelling first matched a namesake elsewhere ("Khugyani").
const gazetteer::candidate* district_in(const place_hit& h, std::string_view province_pcode, const gazetteer::gazetteer& gaz,
                                        gazetteer::candidate& storage);

} // namespace naqsha::extract
