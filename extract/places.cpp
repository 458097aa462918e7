#include "extract/places.hpp"

#include <algorithm>
#include <utility>

namespace naqsha::extract {
namespace {

// "the northern city of Kunduz", "the eastern province of Nangarhar": where in the country a place lies
constexpr word_list compass_adjectives{{"northern", "southern", "eastern", "western", "central", "northeastern",
                                        "northwestern", "southeastern", "southwestern", "north-eastern",
                                        "north-western", "south-eastern", "south-western"}};
bool compass_adjective(const document& doc, std::size_t i) {
    const auto w = doc.stem(i);
    return (w.ends_with("ern") || w.ends_with("ral")) && is_one_of(doc, i, compass_adjectives);
}

using gazetteer::candidate;
using gazetteer::level;

place_cue cue_of(const document& doc, std::size_t i) {
    if (i >= doc.size()) return place_cue::none;
    if (is_word(doc, i, "district") || is_word(doc, i, "districts")) return place_cue::district;
    if (is_word(doc, i, "province") || is_word(doc, i, "provinces")) return place_cue::province;
    if (is_word(doc, i, "city") || is_word(doc, i, "town")) return place_cue::city;
    if (is_word(doc, i, "village") || is_word(doc, i, "villages")) return place_cue::village;
    if (is_word(doc, i, "valley")) return place_cue::valley;
    if (is_word(doc, i, "region") || is_word(doc, i, "area")) return place_cue::region;
    return place_cue::none;
}

// The province whose capital is the country's: Kabul.
constexpr std::string_view national_capital_province = "AF01";

// What a road does between the places it joins: "the highway linking Kabul and Kandahar".
constexpr word_list road_joining{{"linking", "connecting", "joining", "links", "connects"}};

// Words that make a place name part of a news outlet's: "Kabul Now", "Herat Times".
constexpr word_list outlet_words{{"now", "times", "press", "post", "news", "tv", "television", "radio", "daily", "tribune", "observer"}};
bool outlet_word(const document& doc, std::size_t i) { return is_one_of(doc, i, outlet_words); }

// A city named as one ("the city of Kunduz", "Kunduz city", "the provincial capital, Pul-e-Khumri"):
// the district it lies in. A province's name read as a city is the province's capital; a city that
// is no province's is its own district, or the district of the settlement by that name.
void read_as_city(place_hit& h, const gazetteer::gazetteer& gaz) {
    auto province = std::find_if(h.candidates.begin(), h.candidates.end(), [](const candidate& c) { return c.kind == level::province; });
    if (province == h.candidates.end()) return;
    const auto* p = gaz.province_by_pcode(province->pcode);
    const auto* d = p ? gaz.district_by_pcode(p->capital_district_pcode) : nullptr;
    if (!d) return;
    candidate capital = *province;
    capital.kind = level::district;
    capital.index = static_cast<std::uint32_t>(d - gaz.districts().data());
    capital.pcode = d->pcode;
    capital.name = d->name;
    std::erase_if(h.candidates, [](const candidate& c) { return c.kind == level::province; });
    h.candidates.insert(h.candidates.begin(), std::move(capital));
}

// Words that name Kabul, the city, with no name of a place in them: "the Afghan capital",
// "Afghanistan's capital", "the capital city", "in the capital" (where no name follows to say
// which capital: "the Afghan capital Kabul" is read by name, "the provincial capital" is another's),
// and the country's institutions that stand there: "Afghanistan's parliament", "the presidential palace".
// Returns the token range the mention covers, or an empty range.
std::pair<std::size_t, std::size_t> names_kabul(const document& doc, std::size_t i) {
    auto national_before = [&](std::size_t k) {
        return k > 0 && (is_word(doc, k - 1, "afghan") || is_word(doc, k - 1, "afghanistan") || is_word(doc, k - 1, "country") ||
                         is_word(doc, k - 1, "national"));
    };
    if (is_word(doc, i, "parliament") && national_before(i)) return {i, i + 1};
    if (is_word(doc, i, "palace") && i > 0 && is_word(doc, i - 1, "presidential")) return {i - 1, i + 1};
    if (!doc.at(i).has(lex::place_noun) || !is_word(doc, i, "capital")) return {};
    if (i > 0 && (is_word(doc, i - 1, "provincial") || is_word(doc, i - 1, "district") || is_word(doc, i - 1, "province's") ||
                  (doc.at(i - 1).shape & possessive && !is_word(doc, i - 1, "afghanistan") && !is_word(doc, i - 1, "country"))))
        return {};
    if (!national_before(i) && !(i > 0 && is_word(doc, i - 1, "the"))) return {};
    std::size_t k = i + 1;
    if (is_word(doc, k, "city")) ++k;
    if (is_word(doc, k, "of")) {
        if (!is_word(doc, k + 1, "afghanistan")) return {}; // "the capital of Helmand": read by name
        k += 2;
    } else if (k < doc.size() && doc.at(k).is_punct(',')) {
        ++k;
    }
    return {i, k};
}

// The sentence holding a place (an index into document::sentences()), or UINT32_MAX outside every sentence.
std::uint32_t sentence_holding(const std::vector<sentence>& sentences, std::uint32_t begin) {
    auto it = std::upper_bound(sentences.begin(), sentences.end(), begin,
                               [](std::uint32_t b, const sentence& s) { return b < s.begin; });
    if (it == sentences.begin()) return UINT32_MAX;
    const auto index = static_cast<std::uint32_t>(it - sentences.begin() - 1);
    return begin < sentences[index].end ? index : UINT32_MAX;
}

// The reading of a name as district `index` of the gazetteer, certain (a name the text spells out
// by other words than the gazetteer's: "the Afghan capital", "Sahib District").
candidate district_reading(const gazetteer::gazetteer& gaz, std::uint32_t index, std::string_view matched) {
    const auto& district = gaz.districts()[index];
    const auto& province = gaz.provinces()[district.province_index];
    candidate c;
    c.kind = level::district;
    c.index = index;
    c.pcode = district.pcode;
    c.name = district.name;
    c.province_pcode = province.pcode;
    c.province = province.name;
    c.matched = matched;
    c.score = 1;
    return c;
}

void capital_mentions(const document& doc, const gazetteer::gazetteer& gaz, std::vector<place_hit>& out) {
    if (!doc.has_kabul_words()) return;
    auto text = doc.text();
    const auto* kabul = gaz.province_by_pcode(national_capital_province);
    const auto* city = kabul ? gaz.district_by_pcode(kabul->capital_district_pcode) : nullptr;
    if (!city) return;
    std::size_t named = 0; // the next hit at or after the token, to see whether a name follows
    for (std::size_t i = 0; i < doc.size(); ++i) {
        if (doc.at(i).kind != token_kind::word || (doc.at(i).shape & boiler)) continue;
        auto [b, e] = names_kabul(doc, i);
        if (b == e) continue;
        // "the capital city Kabul": the name says it, even where it was read as a reference point only
        if (e < doc.size() && doc.at(e).kind == token_kind::word && (doc.at(e).shape & capitalized) && is_word(doc, e, "kabul"))
            continue;
        while (named < out.size() && out[named].end <= doc.at(b).begin) ++named;
        if (named < out.size() && e < doc.size() && out[named].begin <= doc.at(e).begin + 1 && out[named].begin >= doc.at(b).begin)
            continue; // "the Afghan capital Kabul", "the capital, Kabul": the name says it
        place_hit h;
        h.begin = doc.at(i).begin;
        h.end = doc.at(i).end;
        h.first_token = static_cast<std::uint32_t>(doc.token_from(h.begin));
        h.end_token = static_cast<std::uint32_t>(doc.token_from(h.end));
        h.surface = text.substr(h.begin, h.end - h.begin);
        h.wide = h.surface;
        h.cue = place_cue::city;
        h.candidates.push_back(district_reading(gaz, static_cast<std::uint32_t>(city - gaz.districts().data()), h.surface));
        h.sentence = sentence_holding(doc.sentences(), h.begin);
        if (h.sentence == UINT32_MAX) continue;
        out.insert(out.begin() + static_cast<std::ptrdiff_t>(named), std::move(h));
        ++named;
    }
}

// The noun phrase after a name's comma, up to its first preposition, has "city", "capital" or
// "town" as its head: "Kunduz, the capital of the province", not "Kunduz, the city's police chief
// said" (the head is "chief").
bool apposition_calls_city(const document& doc, std::size_t comma) {
    if (comma + 2 >= doc.size() || !doc.at(comma).is_punct(',')) return false;
    std::size_t i = comma + 1;
    const token& opener = doc.at(i);
    if (!opener.has(lex::determiner) && !(opener.shape & possessive)) return false;
    bool city = false;
    for (std::size_t end = std::min(doc.size(), comma + 8); i < end; ++i) {
        const token& t = doc.at(i);
        if (t.kind != token_kind::word || t.has(lex::preposition | lex::conjunction | lex::verb | lex::relative)) break;
        if (t.shape & possessive) continue; // "Afghanistan's", "the country's"
        city = is_word(doc, i, "city") || is_word(doc, i, "capital") || is_word(doc, i, "town");
    }
    return city;
}

// "Kunduz fell", "Sar-e-Pul, Kunduz and Taloqan were captured", "the fall of Ghazni", "took
// Kandahar": a bare name changing hands is the city. A province is never taken in one deed, so the
// name a province shares with its capital means the capital here (news codebook: a seizure takes a
// district, town or city).
enum class taken_name { no, after_taking, before_taken };
taken_name taken_as_city(const document& doc, std::size_t first, std::size_t after) {
    // "captured Ghazni's Andar district": the name in the possessive owns what was taken
    if (after > first && (doc.at(after - 1).shape & possessive)) return taken_name::no;
    // (and given up: "surrendered Herat to the Taliban", "abandoned Kunduz", "lost Ghazni", "handed
    // Ghazni over")
    static const std::uint16_t taking[] = {lex::lemma_id("capture"),   lex::lemma_id("seize"),   lex::lemma_id("overrun"),
                                           lex::lemma_id("take"),      lex::lemma_id("retake"),  lex::lemma_id("recapture"),
                                           lex::lemma_id("conquer"),   lex::lemma_id("fall"),    lex::lemma_id("enter"),
                                           lex::lemma_id("regain"),    lex::lemma_id("reclaim"), lex::lemma_id("surrender"),
                                           lex::lemma_id("abandon"),   lex::lemma_id("lose"),    lex::lemma_id("evacuate"),
                                           lex::lemma_id("hand")};
    static const std::uint16_t moving[] = {lex::lemma_id("sweep"), lex::lemma_id("march"), lex::lemma_id("roll"),
                                           lex::lemma_id("swarm"), lex::lemma_id("pour")};
    auto takes = [&](std::size_t k) {
        return k < doc.size() && std::any_of(std::begin(taking), std::end(taking), [&](std::uint16_t l) { return l && doc.lemma_is(k, l); });
    };
    // past the rest of a list of names: ", Kunduz and Taloqan" (not "Kunduz and Takhar provinces")
    std::size_t k = after;
    int names = 0;
    for (; k < doc.size() && names < 4; ++names) {
        if (!(doc.at(k).is_punct(',') || is_word(doc, k, "and"))) break;
        std::size_t n = k + 1;
        if (is_word(doc, n, "and")) ++n;
        if (n >= doc.size() || !(doc.at(n).shape & capitalized)) break;
        while (n < doc.size() && (doc.at(n).shape & capitalized) && doc.at(n).kind == token_kind::word) ++n;
        k = n;
    }
    if (is_word(doc, k, "provinces") || is_word(doc, k, "province") || is_word(doc, k, "districts") || is_word(doc, k, "district")) return taken_name::no;
    if (first >= 2 && is_word(doc, first - 1, "of") && (takes(first - 2) || is_word(doc, first - 2, "seizure") || is_word(doc, first - 2, "takeover")))
        return taken_name::after_taking;
    // "took control of Herat", "lost control of Kunduz"
    static const std::uint16_t lose = lex::lemma_id("lose"), gain = lex::lemma_id("gain"), wrest = lex::lemma_id("wrest");
    if (first >= 3 && is_word(doc, first - 1, "of") && is_word(doc, first - 2, "control") &&
        (takes(first - 3) || doc.lemma_is(first - 3, lose) || doc.lemma_is(first - 3, gain) || doc.lemma_is(first - 3, wrest)))
        return taken_name::after_taking;
    if (first >= 1 && takes(first - 1) && doc.at(first - 1).inflection != morph::inflection::gerund) return taken_name::after_taking;
    // "marched into Herat", "swept into Kandahar"
    if (first >= 2 && is_word(doc, first - 1, "into") &&
        std::any_of(std::begin(moving), std::end(moving), [&](std::uint16_t l) { return l && doc.lemma_is(first - 2, l); }))
        return taken_name::after_taking;
    // the list must be the subject, not where a subject lies ("Qala-e-Zal in Kunduz fell")
    std::size_t b = first;
    while (b > 0 && first - b < 12 &&
           (doc.at(b - 1).is_punct(',') || is_word(doc, b - 1, "and") || ((doc.at(b - 1).shape & capitalized) && doc.at(b - 1).kind == token_kind::word)))
        --b;
    if (b > 0 && doc.at(b - 1).has(lex::preposition)) return taken_name::no;
    // "Kunduz is captured", "has reportedly fallen", "has been taken"
    while (k < doc.size() && (is_word(doc, k, "has") || is_word(doc, k, "have") || is_word(doc, k, "had") || is_word(doc, k, "was") || is_word(doc, k, "were") ||
                              is_word(doc, k, "is") || is_word(doc, k, "are") || is_word(doc, k, "been") || doc.at(k).has(lex::adverb)))
        ++k;
    // (a list's plural present is a headline's: "Kunduz, Sar-e Pol and Taloqan fall to the Taliban")
    if (!takes(k)) return taken_name::no;
    const auto inflection = doc.at(k).inflection;
    bool told = inflection == morph::inflection::past || inflection == morph::inflection::third_person ||
                (inflection == morph::inflection::base && names > 0);
    return told ? taken_name::before_taken : taken_name::no;
}

// A candidate that is a province's capital district named as the province ("Kunduz", "Ghazni").
bool capital_named_like_province(const candidate& c) { return c.kind == level::district && c.name == c.province; }

// Whether `district` names a district of province `province_pcode` other than its capital's, as the
// text tells it: one the 2018 scheme puts in another province counts when named as a district
// (`called_district`: "Ghormach district in Faryab", "Faryab's Ghormach district"), where the
// writer's scheme puts it.
bool district_of_province_told(const gazetteer::gazetteer& gaz, std::string_view province_pcode, const place_hit& district,
                               bool called_district) {
    const auto* p = gaz.province_by_pcode(province_pcode);
    const auto* d = district.district(province_pcode);
    if (!d && called_district) d = district.district();
    return p && d && d->pcode != p->capital_district_pcode;
}

// "Kabul's Paghman district", "Kabul’s Deh Sabz": a province's name in the possessive before one of
// its districts other than its capital's owns the district, so it names the province. ("Kabul's
// Shash Darak area" lies in the city, and leaves it the city.) "Faryab's Ghormach district": one
// named as a district that the 2018 scheme puts in another province is owned all the same, as the
// writer's scheme has it.
bool owns_district_of_its_province(std::string_view text, const place_hit& owner, const place_hit& owned,
                                   const gazetteer::gazetteer& gaz) {
    if (owned.begin < owner.end) return false;
    auto between = text.substr(owner.end, owned.begin - owner.end);
    while (!between.empty() && between.back() == ' ') between.remove_suffix(1);
    // ("Faryab province's Ghormach district")
    if (between.size() > 9 && (between[1] == 'p' || between[1] == 'P') && equals_lower(between.substr(0, 9), " province"))
        between.remove_prefix(9);
    if (between != "'s" && between != "\u2019s") return false;
    const auto* province = owner.province();
    return province && district_of_province_told(gaz, province->pcode, owned, owned.cue == place_cue::district);
}

// "Paghman district in Kabul", "the Surobi district centre of Kabul", "Musahi, Kabul": a province's
// name right after one of its districts other than its capital's says where the district lies, so it
// names the province, not a second place.
bool qualifies_district_of_its_province(std::string_view text, const place_hit& district, std::size_t qualifier_begin,
                                        const std::vector<candidate>& qualifier, const gazetteer::gazetteer& gaz) {
    if (qualifier_begin < district.end || qualifier_begin - district.end > 40) return false;
    auto province = std::find_if(qualifier.begin(), qualifier.end(), [](const candidate& c) { return c.kind == level::province; });
    if (province == qualifier.end()) return false;
    auto between = text.substr(district.end, qualifier_begin - district.end);
    bool called_district = district.cue == place_cue::district;
    if (!joins_district_to_province(between, &called_district)) return false;
    return district_of_province_told(gaz, province->pcode, district, called_district);
}

} // namespace

bool joins_district_to_province(std::string_view between, bool* says_district) {
    static constexpr std::string_view joining[] = {"district", "centre", "center", "headquarters", "compound", "of", "in", "the"};
    bool joined = between == ", ";
    for (std::size_t at = 0; at < between.size();) {
        if (between[at] == ' ' || between[at] == ',') {
            ++at;
            continue;
        }
        auto end = between.find_first_of(" ,", at);
        if (end == std::string_view::npos) end = between.size();
        auto word = between.substr(at, end - at);
        auto joining_word = std::find_if(std::begin(joining), std::end(joining), [&](std::string_view w) { return equals_lower(word, w); });
        if (joining_word == std::end(joining)) return false;
        joined = true;
        if (says_district && *joining_word == "district") *says_district = true;
        at = end;
    }
    return joined;
}

bool joined_by_dash(std::string_view text, const place_hit& a, const place_hit& b) {
    if (b.begin < a.end) return false;
    auto gap = text.substr(a.end, b.begin - a.end);
    return gap == "-" || gap == "\u2013" || gap == "\u2014" || gap == "/";
}

const candidate* place_hit::province() const {
    if (cue == place_cue::district || cue == place_cue::city || cue == place_cue::village || cue == place_cue::valley)
        return nullptr;
    for (const auto& c : candidates)
        if (c.kind == level::province) return &c;
    return nullptr;
}

const candidate* place_hit::district(std::string_view province_pcode) const {
    if (cue == place_cue::province || vicinity) return nullptr;
    // a village lies in the district of the settlement by its name (a district by the same name
    // may be anywhere: "near Kherwaray" in Helmand is no Kharwar in Logar); anything else names a district
    for (auto kind : {level::settlement, level::district}) {
        if ((kind == level::settlement) != (cue == place_cue::village)) continue;
        for (const auto& c : candidates) {
            if (c.kind != kind) continue;
            if (!province_pcode.empty() && c.province_pcode != province_pcode) continue;
            return &c;
        }
    }
    return nullptr;
}

namespace {

bool has_province_reading(const std::vector<candidate>& candidates) {
    return std::any_of(candidates.begin(), candidates.end(), [](const candidate& c) { return c.kind == level::province; });
}

// The province a place lies in, as a reading of its own name, first: "Sar-e-Pol province" where the
// name only matched the capital district, "near Lashkar Gah" (beside a town, so in its province).
void add_province_reading(std::vector<candidate>& candidates, candidate c) {
    c.kind = level::province;
    c.pcode = c.province_pcode;
    c.name = c.province;
    candidates.insert(candidates.begin(), std::move(c));
}

// Buildings and parts of a town, which stand in a city: "a hospital in Kunduz", "near Kunduz's main bazaar".
constexpr word_list urban{{"hospital", "clinic", "market", "bazaar", "mosque", "shrine", "school",
                           "university", "hotel", "guesthouse", "embassy", "consulate", "office",
                           "offices", "ministry", "bank", "shop", "stadium", "restaurant", "cinema",
                           "neighbourhood", "neighborhood", "square", "park"}};

// A name in a dateline or header. "KUNDUZ, Afghanistan (AP) -": the city the reporter files from,
// kept apart from the text's places; Kabul's datelines are the bureaus', whose stories cover the country.
void file_dateline_place(const document& doc, std::size_t first, place_hit& h, std::vector<candidate>& candidates,
                         std::vector<place_hit>* dateline_places) {
    const bool bureau = std::any_of(candidates.begin(), candidates.end(), [](const candidate& c) {
        return (c.kind == level::province ? c.pcode : c.province_pcode) == national_capital_province;
    });
    if (dateline_places && (doc.at(first).shape & dateline_place) && !bureau) {
        h.cue = place_cue::city;
        h.sentence = UINT32_MAX;
        h.candidates = std::move(candidates);
        dateline_places->push_back(std::move(h));
    }
}

// A place's name inside another name, or one that says whose something is, not where anything happened.
bool names_something_else(const document& doc, const gazetteer::gazetteer& gaz, const place_hit& h, std::size_t first,
                          std::size_t after) {
    // "Islamic State Khorasan Province", "ISIS-Khorasan": a group's name (document::name_groups)
    std::size_t holder = first > 0 && doc.at(first - 1).end > h.begin ? first - 1 : first; // a name inside a word
    if (holder < doc.size() && doc.at(holder).has(lex::side_word) && doc.at(holder).side == lex::side::isk) return true;
    // a name inside a foreign one: "Badakhshan" in Tajikistan's "Gorno-Badakhshan"
    if (first > 0 && doc.at(first - 1).end > h.begin && gaz.foreign_place(doc.stem(first - 1))) return true;
    // "Balochistan's Mach area", "the Mach area of Balochistan": a part of a place abroad
    if (first >= 1 && (doc.at(first - 1).shape & possessive) && (doc.at(first - 1).shape & capitalized) &&
        gaz.foreign_place(doc.stem(first - 1)))
        return true;
    {
        std::size_t k = after;
        static constexpr word_list parts{{"area", "areas", "village", "district", "region", "town", "valley", "neighbourhood"}};
        if (k + 1 < doc.size() && is_word(doc, k + 1, "of") && is_one_of(doc, k, parts)) {
            k += 2;
            if (is_word(doc, k, "the")) ++k;
            if (k < doc.size() && (doc.at(k).shape & capitalized) && gaz.foreign_place(doc.stem(k))) return true;
        }
    }
    // "Logar-based", "Sources in Logar": where someone comes from, not where anything happened
    if (doc.text().substr(h.end, 6) == "-based") return true;
    // "Kabul Now", "Herat Times": a news outlet named after a place
    if (after < doc.size() && (doc.at(after).shape & capitalized) && outlet_word(doc, after)) return true;
    if (first >= 1 && (is_word(doc, first - 1, "radio") || is_word(doc, first - 1, "tv")) && (doc.at(first - 1).shape & capitalized))
        return true;
    // "the 215 Maiwand Corps", "the Helmand Brigade": a military unit named after a place, which
    // is not where it fights
    static constexpr word_list unit_words{{"corps", "brigade", "battalion", "regiment", "division", "kandak"}};
    if (after < doc.size() && (doc.at(after).shape & capitalized) && is_one_of(doc, after, unit_words)) return true;
    // "a car bomb near Kabul Bank in Kandahar": a firm or an institution named after a place, which
    // the words after it place elsewhere
    static constexpr word_list institution_words{{"bank", "hotel", "university", "airlines", "company", "club", "stadium"}};
    if (after + 2 < doc.size() && (doc.at(after).shape & capitalized) && is_one_of(doc, after, institution_words) &&
        (is_word(doc, after + 1, "in") || is_word(doc, after + 1, "at")) && (doc.at(after + 2).shape & capitalized) &&
        !is_word(doc, after + 2, "afghanistan")) // ("Ghazni University in Afghanistan" is Ghazni's)
        return true;
    // "the Khost tribal area", "Kurram Agency": Pakistan's tribal areas, named after Afghan places
    static constexpr word_list tribal_areas{{"area", "areas", "region", "regions", "agency", "belt", "district"}};
    return after < doc.size() && ((is_word(doc, after, "tribal") && is_one_of(doc, after + 1, tribal_areas)) ||
                                  (is_word(doc, after, "agency") && (doc.at(after).shape & capitalized)));
}

// "Qandahari", "Kabuli", "Herati": a place's name with the Persian "-i" of belonging names a person
// or a thing of the place ("Mullah Qandahari", "Battle of Boz Qandahari"), not the place.
// (One word named like a province, of which there are few; a district's compound name may end in
// "-i" or not: "Dand-e-Ghori", "Dand-e-Ghor".)
bool adjective_of_place(const place_hit& h) {
    if (h.candidates.empty() || h.surface.size() < 5 || h.surface.back() != 'i' ||
        h.surface.find_first_of(" -") != std::string_view::npos)
        return false;
    const auto& best = h.candidates.front();
    const std::string_view matched = best.matched;
    return (best.kind == level::province || capital_named_like_province(best)) && !matched.empty() && matched.back() != 'i' &&
           matched.back() != 'I' && h.surface.size() == matched.size() + 1;
}

// "Sources in Logar", "officials in Takhar province said": where the sources are; and where they
// spoke: "a spokesman said in Kabul", "told reporters in Kabul", "told a news conference in Kabul",
// "in a statement issued in Kabul" ("clashes were reported in Kandahar" tells where they were).
bool where_sources_are(const document& doc, std::size_t first) {
    if (first < 2 || !is_word(doc, first - 1, "in")) return false;
    const std::size_t w = first - 2;
    const token& before = doc.at(w);
    if (before.kind != token_kind::word) return false;
    static const std::uint16_t say = lex::lemma_id("say"), tell = lex::lemma_id("tell"), announce = lex::lemma_id("announce");
    if (before.lemma == say || before.lemma == announce) return true;
    static constexpr word_list speakers{{"sources", "officials", "residents", "reporters", "journalists", "speaking", "spoke"}};
    if (is_one_of(doc, w, speakers)) return true;
    if (w > 0 && (is_word(doc, w, "conference") || is_word(doc, w, "briefing")) &&
        (is_word(doc, w - 1, "news") || is_word(doc, w - 1, "press") || is_word(doc, w - 1, "a")))
        return true;
    if (w > 0 && (is_word(doc, w, "issued") || is_word(doc, w, "released")) && is_word(doc, w - 1, "statement")) return true;
    // "told AFP in Kabul", "told The Associated Press in Kabul": whom they told, a name or two
    if (!(before.shape & capitalized)) return false;
    for (std::size_t k = w; k > 0 && k + 4 > w; --k) {
        if (doc.lemma_is(k - 1, tell)) return true;
        if (doc.at(k - 1).kind != token_kind::word) return false;
    }
    return false;
}

// The words before a name that call it a province, district, city or village: "the province of
// Takhar", "the capital of Takhar province", "seized three provincial capitals: Kunduz, ...".
// "districts", or "district" counted, ranked or called key ("a district", "the third district", "a
// key district") at token k: some of a province's districts
bool one_of_many_districts(const document& doc, std::size_t k) {
    if (is_word(doc, k, "districts")) return true;
    if (!is_word(doc, k, "district") || k == 0) return false;
    static constexpr word_list counting{{"a", "an", "one", "another", "first", "second", "third", "fourth", "fifth", "last",
                                         "latest", "each", "every", "key", "strategic"}};
    return is_one_of(doc, k - 1, counting) || doc.at(k - 1).kind == token_kind::number;
}

void read_cue_before(const document& doc, place_hit& h, std::size_t first, std::size_t name_before_end) {
    auto before = [&](std::size_t back, std::string_view w) { return first >= back && is_word(doc, first - back, w); };
    // "Khamyab district of Jawzjan": a named district's "of" names the province holding it
    const bool named_before_noun = first >= 3 && doc.at(first - 3).begin < name_before_end &&
                                   doc.at(first - 3).end >= name_before_end;
    if (h.cue == place_cue::none && before(1, "of") && !named_before_noun) {
        // "the province of Takhar", "the city of Kunduz", "the provincial capital of Kunduz", "the village of Ozbak Kheyl"
        auto c = cue_of(doc, first - 2);
        // "two districts of Helmand", "the first district of Daikundi to fall": one of a province's
        // districts, not the district the name is
        if (c == place_cue::district && has_province_reading(h.candidates) && one_of_many_districts(doc, first - 2))
            c = place_cue::province;
        if (c == place_cue::province || c == place_cue::district || c == place_cue::city || c == place_cue::village)
            h.cue = c;
        else if (before(2, "capital"))
            h.cue = place_cue::city;
        else if (before(2, "capitals") || before(2, "cities") || before(2, "towns"))
            h.cue = place_cue::city, h.leads_cities = true;
    }
    // "seized three more provincial capitals on Sunday: Kunduz, Sar-e-Pul and Taloqan"
    if (h.cue == place_cue::none && first >= 2 && doc.at(first - 1).is_punct(':')) {
        for (std::size_t k = first - 1; k > 0 && k + 12 > first; --k) {
            if (doc.at(k - 1).is_punct('.') || doc.at(k - 1).is_punct(';')) break;
            if (is_word(doc, k - 1, "capitals") || is_word(doc, k - 1, "cities") || is_word(doc, k - 1, "towns")) {
                h.cue = place_cue::city, h.leads_cities = true;
                break;
            }
        }
    }
    // "the capital of Takhar province": the city, whatever word closes the name
    if (h.cue == place_cue::province && before(1, "of") && before(2, "capital")) h.cue = place_cue::city;
}

// What the words around a name call it (place_hit::cue): "Kunduz province", "the city of Kunduz", "a
// hospital in Kunduz", "Paghman district in Kabul" (the province qualifying the district before it),
// "captured Kandahar" (a city taken).
void read_cue(const document& doc, const gazetteer::gazetteer& gaz, place_hit& h, std::size_t first, std::size_t after,
              std::size_t name_before_end, const place_hit* previous) {
    h.cue = cue_of(doc, after);
    // "the Panjshir valley", "the Kunar valley": a province's valley is the province, not a district
    if (h.cue == place_cue::valley && has_province_reading(h.candidates)) h.cue = place_cue::province;
    // "seized several Badakhshan districts", "Badakhshan's districts": some districts of the
    // province, not its capital's ("Khanabad and Imam Sahib districts" are each one)
    if (h.cue == place_cue::district && is_word(doc, after, "districts") && has_province_reading(h.candidates) &&
        !(first >= 1 && (is_word(doc, first - 1, "and") || doc.at(first - 1).is_punct(','))))
        h.cue = place_cue::province;
    read_cue_before(doc, h, first, name_before_end);
    if (h.cue != place_cue::none) return;
    auto before = [&](std::size_t back, std::string_view w) { return first >= back && is_word(doc, first - back, w); };
    const bool capital = std::any_of(h.candidates.begin(), h.candidates.end(), capital_named_like_province);
    // "a hospital in Kunduz", "a market in Kandahar": a building in a place a province shares with
    // its capital stands in the city; "a mosque in Logar" (capital Pul-e-Alam) is in the province;
    // "a clinic in Ghazni's Andar district" stands in what the name owns
    if (before(1, "in") && first >= 2 && is_one_of(doc, first - 2, urban) &&
        !(after > first && (doc.at(after - 1).shape & possessive)) && capital)
        h.cue = place_cue::city;
    // "the Afghan capital Kabul", "the provincial capital, Pul-e-Khumri"
    else if (before(1, "capital") || (first >= 1 && doc.at(first - 1).is_punct(',') && before(2, "capital")))
        h.cue = place_cue::city;
    // "Kandahar, Afghanistan's second-largest city", "Kunduz, the provincial capital", "Ghazni, a
    // strategic city on the highway": an apposition that calls the place a city
    else if (apposition_calls_city(doc, after))
        h.cue = place_cue::city;
    else if (previous && qualifies_district_of_its_province(doc.text(), *previous, h.begin, h.candidates, gaz))
        h.cue = place_cue::province, h.qualifier = true;
    else {
        auto taken = taken_as_city(doc, first, after);
        if (taken != taken_name::no && capital) h.cue = place_cue::city;
        // "captured Kandahar and Herat": the names after it too
        if (taken == taken_name::after_taking) h.leads_cities = true;
    }
}

// "near Kunduz", "around the city of Kandahar", "on the outskirts of Ghazni", "north of Kabul":
// the place is beside the incident, which lies in its province but not in its district
void read_vicinity(const document& doc, place_hit& h, std::size_t first) {
    std::size_t phrase = first; // where "the provincial capital of" and the like begin
    while (phrase >= 1 && (doc.at(phrase - 1).has(lex::place_noun | lex::determiner) || is_word(doc, phrase - 1, "of")) &&
           !is_word(doc, phrase - 1, "north") && !is_word(doc, phrase - 1, "south") && !is_word(doc, phrase - 1, "east") && !is_word(doc, phrase - 1, "west"))
        --phrase;
    auto opens = [&](std::string_view w) { return phrase >= 1 && is_word(doc, phrase - 1, w); };
    // ("the nearby district of Surkh Rod", "in nearby Surkh Rod": an adjective of the place, which
    // is where it happened)
    h.vicinity = opens("near") || opens("around") || opens("outside") || opens("surrounding") ||
                 (opens("nearby") && !doc.at(phrase).has(lex::place_noun) && !(phrase >= 2 && is_word(doc, phrase - 2, "in")));
    // "the outskirts of Ghazni", "the outskirts of the city of Kandahar", "the edge of the
    // capital of Helmand province"
    // ("the outskirts of the northern city of Kunduz")
    static constexpr word_list naming{{"of", "the", "city", "capital", "provincial", "town", "centre", "center"}};
    static constexpr word_list edges{{"outskirts", "vicinity", "edge", "gates"}};
    std::size_t k = first;
    while (k >= 1 && first - k < 7 && (is_one_of(doc, k - 1, naming) || compass_adjective(doc, k - 1))) --k;
    if (k < first && k >= 1 && is_word(doc, k, "of") && is_one_of(doc, k - 1, edges)) h.vicinity = true;
}

// "near Kabul's airport", "outside Kabul International Airport", "near Kunduz's main bazaar":
// the name only says whose the thing is, and the preposition places the incident by the
// thing, which stands in the place; a building of a city's stands in the city
void read_facility(const document& doc, place_hit& h, std::size_t first, std::size_t after) {
    std::size_t last_word = after > first ? after - 1 : first;
    bool owner = last_word < doc.size() && (doc.at(last_word).shape & possessive);
    std::size_t head = after;
    if (!owner)
        while (head < doc.size() && head < after + 4 && doc.at(head).kind == token_kind::word &&
               (doc.at(head).shape & capitalized) && !is_one_of(doc, head, urban) && !is_word(doc, head, "airport"))
            ++head;
    bool names_facility = !owner && head < doc.size() &&
                          (((doc.at(head).shape & capitalized) && is_one_of(doc, head, urban)) || is_word(doc, head, "airport"));
    // "near Hamid Karzai International Airport": the name is the facility's own
    bool facility_name = h.surface.size() > 8 && equals_lower(h.surface.substr(h.surface.size() - 7), "airport");
    if (owner || names_facility || facility_name) h.vicinity = false;
    if (owner && h.cue == place_cue::none)
        for (std::size_t k = after; k < doc.size() && k < after + 3 && doc.at(k).kind == token_kind::word; ++k)
            if (is_one_of(doc, k, urban)) h.cue = place_cue::city;
    if (names_facility && h.cue == place_cue::none && is_one_of(doc, head, urban)) h.cue = place_cue::city;
}

// Where the words that say what kind of place a name is begin: "the capital city" Kabul.
std::size_t kind_of_place_from(const document& doc, std::size_t first) {
    std::size_t named_from = first;
    while (named_from >= 1 && first - named_from < 3 &&
           (doc.at(named_from - 1).has(lex::place_noun | lex::determiner) || is_word(doc, named_from - 1, "provincial")) &&
           !is_word(doc, named_from - 1, "of"))
        --named_from;
    return named_from;
}

// "near the border with Afghanistan's Khost province", "a tribal district bordering Kunar": a place
// across a border from where the incident is, a reference point
void across_the_border(const document& doc, place_hit& h, std::size_t named_from) {
    std::size_t k = named_from;
    while (k >= 1 && named_from - k < 3 &&
           (((doc.at(k - 1).shape & possessive) && (doc.at(k - 1).shape & capitalized)) || doc.at(k - 1).has(lex::determiner)))
        --k;
    // (", which borders Paktika province", "the district borders Kunar")
    if ((k >= 1 && (is_word(doc, k - 1, "bordering") || is_word(doc, k - 1, "borders"))) ||
        (k >= 2 && is_word(doc, k - 1, "with") && (is_word(doc, k - 2, "border") || is_word(doc, k - 2, "frontier"))))
        h.aside = h.vicinity = true;
}

// "60 km south of Kabul", "some 120 kilometres from the border", "south of the capital city
// Kabul": a reference point only. True for a distance's, which names no place of the incident; a
// direction's place is beside it, and one travelled from is aside.
bool distance_reference(const document& doc, place_hit& h, std::size_t named_from) {
    // ("40 km west of the Afghan capital Kabul", "west of the capital, Kabul": past what calls it a capital)
    std::size_t at = named_from;
    // (a preposition ends the walk at once: "in Kabul", as most places are named, costs one test)
    while (at >= 1 && named_from - at < 5 && !doc.at(at - 1).has(lex::preposition) &&
           (doc.at(at - 1).is_punct(',') || doc.at(at - 1).has(lex::place_noun | lex::determiner) || is_word(doc, at - 1, "capital") ||
            is_word(doc, at - 1, "afghan") || is_word(doc, at - 1, "afghanistan") || is_word(doc, at - 1, "provincial") ||
            compass_adjective(doc, at - 1)))
        --at;
    if (at < named_from && !(at >= 1 && (is_word(doc, at, "the") || is_word(doc, at, "capital") || is_word(doc, at, "afghan") ||
                                         is_word(doc, at, "afghanistan"))))
        at = named_from;
    if (!(at >= 1 && (is_word(doc, at - 1, "of") || is_word(doc, at - 1, "from")))) return false;
    std::size_t k = at - 1;
    // "south of the city of Kunduz": past the words that say what kind of place it is
    if (is_word(doc, k, "of")) {
        std::size_t j = k;
        while (j >= 1 && k - j < 5 &&
               (doc.at(j - 1).has(lex::place_noun | lex::determiner) || is_word(doc, j - 1, "provincial") ||
                is_word(doc, j - 1, "afghan") || compass_adjective(doc, j - 1)))
            --j;
        if (j < k && j >= 1 && is_word(doc, j - 1, "of")) k = j - 1;
    }
    bool direction = k >= 1 && (is_word(doc, k - 1, "north") || is_word(doc, k - 1, "south") || is_word(doc, k - 1, "east") ||
                                is_word(doc, k - 1, "west") || is_word(doc, k - 1, "northeast") || is_word(doc, k - 1, "northwest") ||
                                is_word(doc, k - 1, "southeast") || is_word(doc, k - 1, "southwest") || is_word(doc, k - 1, "north-east") ||
                                is_word(doc, k - 1, "north-west") || is_word(doc, k - 1, "south-east") || is_word(doc, k - 1, "south-west"));
    if (direction) --k;
    bool distance = k >= 1 && doc.at(k - 1).has(lex::unit);
    if (distance) return true;
    // "in the west of Kabul", "in the north of the city": a part of the place, which is where it happened
    const bool part = direction && k >= 2 && is_word(doc, k - 1, "the") && is_word(doc, k - 2, "in");
    if (direction && !part) h.vicinity = h.aside = true;
    // "as they were travelling from Herat province": where they came from; but forces that
    // withdrew or fled from a place left the place the incident is about
    bool left = false;
    for (std::size_t b = named_from - 1; b > 0 && b + 4 > named_from; --b)
        left = left || doc.at(b - 1).has(lex::territorial);
    if (is_word(doc, named_from - 1, "from") && !left) h.aside = true;
    return false;
}

// "neighbouring", "nearby", "adjacent": a place named beside another
bool beside_word(const document& doc, std::size_t k) {
    static constexpr word_list beside{{"neighbouring", "neighboring", "nearby", "adjacent", "adjoining"}};
    return is_one_of(doc, k, beside);
}

// "taken to a hospital in Kandahar", "transferred to the military hospital in Kabul": where the hurt
// were cared for ("attacked a hospital in Kabul", "close to a hospital in Kabul" tell where it was)
bool cared_for_there(const document& doc, std::size_t named_from) {
    if (named_from < 4 || !is_word(doc, named_from - 1, "in")) return false;
    static constexpr word_list care{{"hospital", "hospitals", "clinic", "clinics"}};
    if (!is_one_of(doc, named_from - 2, care)) return false;
    for (std::size_t k = named_from - 2; k > 1 && named_from - k < 7; --k) {
        if (is_word(doc, k - 1, "to"))
            return !(is_word(doc, k - 2, "close") || is_word(doc, k - 2, "next") || is_word(doc, k - 2, "adjacent"));
        if (doc.at(k - 1).kind != token_kind::word || doc.at(k - 1).has(lex::verb | lex::predicate | lex::trigger)) return false;
    }
    return false;
}

// "abandoned the district centre and retreated to Maimana", "... to the provincial capital,
// Faizabad": where the forces went, which they still hold, not the place given up
void read_destination(const document& doc, place_hit& h, std::size_t first, std::size_t named_from) {
    if (cared_for_there(doc, named_from)) {
        h.aside = h.destination = true;
        return;
    }
    std::size_t to_at = named_from; // past the words naming the place, to "to"
    while (to_at > 1 && first - to_at < 6 &&
           (doc.at(to_at - 1).is_punct(',') || doc.at(to_at - 1).has(lex::place_noun | lex::determiner) ||
            is_word(doc, to_at - 1, "provincial") || is_word(doc, to_at - 1, "capital") || beside_word(doc, to_at - 1) ||
            compass_adjective(doc, to_at - 1)) &&
           !is_word(doc, to_at - 1, "to"))
        --to_at;
    if (to_at < 2 || !is_word(doc, to_at - 1, "to")) return;
    // "retreated to", "relocated to", "moved to"
    static const std::uint16_t relocate = lex::lemma_id("relocate"), move = lex::lemma_id("move");
    auto moved_at = [&](std::size_t v) {
        return doc.lemma_is(v, relocate) || doc.lemma_is(v, move) || lex::gives_up(lex::lemma_name(doc.at(v).lemma));
    };
    std::size_t v = to_at - 2;
    // ("flown to Kabul", "rushed to Kandahar for treatment": where the hurt were taken)
    static constexpr word_list carried{{"taken", "transferred", "rushed", "evacuated", "flown", "airlifted", "brought", "shifted"}};
    bool went = is_word(doc, v, "back") || moved_at(v) || is_one_of(doc, v, carried); // "pulled back to", "retreated to"
    // "withdrew from Qaisar district to Maimana"
    for (std::size_t k = v; k > 0 && k + 10 > v && !doc.at(k).is_punct(',') && !doc.at(k).is_punct('.'); --k)
        if (is_word(doc, k, "from") && ((k >= 1 && moved_at(k - 1)) || (k >= 2 && moved_at(k - 2)))) went = true;
    if (went) h.aside = h.destination = true;
}

// "travelling from Ghazni to Kabul", "on their way to Kandahar", "heading for Herat": where people
// were going is no place of what befell them on the way
bool journey_towards(const document& doc, std::size_t named_from) {
    // (by their lengths first: "in" and "of", before most names, are neither)
    const std::size_t size = named_from >= 2 ? doc.at(named_from - 1).stem_size : 0;
    if ((size != 2 && size != 3 && size != 6 && size != 7) || !doc.at(named_from - 1).has(lex::preposition) ||
        !(is_word(doc, named_from - 1, "to") || is_word(doc, named_from - 1, "for") ||
                            is_word(doc, named_from - 1, "towards") || is_word(doc, named_from - 1, "toward")))
        return false;
    static constexpr word_list going{{"travelling", "traveling", "travelled", "traveled", "travel", "travels", "heading", "headed",
                                      "bound", "route", "way", "journey", "commuting", "driving", "returning", "going",
                                      // "left for Kabul", "flew to Doha": where someone went after
                                      "left", "leaving", "departed", "flew", "fled"}};
    // ("travelling from Ghazni to", "on their way back to", "heading home to")
    std::size_t k = named_from - 1;
    for (std::size_t back = 0; k > 0 && back < 4; ++back, --k) {
        if (is_one_of(doc, k - 1, going)) return true;
        if (doc.at(k - 1).kind != token_kind::word || doc.at(k - 1).has(lex::verb)) return false;
    }
    return false;
}

// "the latest in a string of attacks in the south including Kandahar and Helmand", "a wave of
// bombings in Kabul": where a series of incidents went on, told beside the news, is no place of it
// (a series that did something, "a wave of attacks killed 20 in Kandahar", is told by its verb)
bool in_a_series(const document& doc, std::size_t named_from) {
    static constexpr word_list series{{"string", "wave", "spate", "series", "spree", "rash", "campaign", "surge", "flurry"}};
    for (std::size_t k = named_from; k > 2 && named_from - k < 12; --k) {
        const token& t = doc.at(k - 1);
        // (a verb, or the people a clause tells of, end the look back)
        if (t.is_punct('.') || t.is_punct(';') || t.is_punct(':') || t.has(lex::predicate | lex::verb | lex::aux | lex::person))
            return false;
        if (t.has(lex::trigger) && t.has(lex::plural) && is_word(doc, k - 2, "of") && is_one_of(doc, k - 3, series)) return true;
    }
    return false;
}

// "Taliban close in on Kandahar city after seizing Panjwai", "advanced on Lashkar Gah",
// "approaching Ghazni": a place the fighters move against, no place of what the clause tells they
// did elsewhere (its fall, if any, is told by its own verb)
bool approached(const document& doc, std::size_t named_from) {
    if (named_from < 2) return false;
    std::size_t k = named_from - 1;
    static constexpr word_list approaching{{"approaching", "approached", "approach", "approaches", "threatening", "threatened",
                                            "threaten", "threatens"}};
    if (is_one_of(doc, k, approaching)) return true;
    static constexpr word_list moving{{"advance", "advanced", "advancing", "advances", "march", "marched", "marching",
                                       "converge", "converged", "converging", "bearing", "moving", "moved", "closing"}};
    static constexpr word_list closing{{"close", "closed", "closes", "closing"}};
    if (is_word(doc, k, "on") || is_word(doc, k, "toward") || is_word(doc, k, "towards")) {
        if (is_one_of(doc, k - 1, moving)) return true;
        if (k >= 2 && is_word(doc, k - 1, "in") && is_one_of(doc, k - 2, closing)) return true;
        if (k >= 2 && is_word(doc, k - 1, "down") && is_word(doc, k - 2, "bearing")) return true;
    }
    return false;
}

// Where someone comes from, where a road leads, or what is left out: not where anything happened.
void read_origin_or_road(const document& doc, place_hit& h, std::size_t first, std::size_t named_from) {
    auto before = [&](std::size_t back, std::string_view w) { return first >= back && is_word(doc, first - back, w); };
    // "a cleric, a native of Khost,", "born in Paktia": where someone comes from
    if ((before(1, "of") && before(2, "native")) || (before(1, "in") && before(2, "born"))) h.aside = true;
    // "a city on the highway to Kandahar", "the main road to Kabul", "a road from Kabul to the
    // border": where a road leads or starts
    static constexpr word_list roads{{"highway", "road", "route", "gateway", "way"}};
    if (named_from >= 2 && (is_word(doc, named_from - 1, "to") || is_word(doc, named_from - 1, "from")) && is_one_of(doc, named_from - 2, roads))
        h.aside = true;
    // "the highway linking Kabul with the south", "a road connecting Kandahar to Uruzgan"
    if (named_from >= 2 && is_one_of(doc, named_from - 1, road_joining) && is_one_of(doc, named_from - 2, roads)) h.aside = true;
    if (journey_towards(doc, named_from)) h.aside = true;
    // "all its districts except Sancharak", "every district apart from Wardooj": the place left out
    // of what the sentence tells
    if ((named_from >= 1 && (is_word(doc, named_from - 1, "except") || is_word(doc, named_from - 1, "excluding"))) ||
        (named_from >= 2 && ((is_word(doc, named_from - 1, "for") && is_word(doc, named_from - 2, "except")) ||
                             (is_word(doc, named_from - 1, "from") && is_word(doc, named_from - 2, "apart")) ||
                             (is_word(doc, named_from - 1, "than") && is_word(doc, named_from - 2, "other")))))
        h.aside = true;
    if (in_a_series(doc, named_from) || approached(doc, named_from)) h.aside = true;
}

// A province, or a district that is its province's capital: a place with room around it.
bool names_area(const place_hit& h, const gazetteer::gazetteer& gaz) {
    return std::any_of(h.candidates.begin(), h.candidates.end(), [&](const candidate& c) {
        if (c.kind == level::province) return true;
        if (c.kind != level::district || c.score < 0.9) return false;
        const auto* p = gaz.province_by_pcode(c.province_pcode);
        return p && p->capital_district_pcode == c.pcode;
    });
}

// Capitalised words the scan left out: "Wali Kot", "Mohammad-e Shadid". Only for a name that
// starts a word: the gazetteer's tokenizer also splits words the document keeps whole
// ("spokesm-e-Archi"), and a name inside the text's last word has no token at or after it.
std::string_view widened_name(const document& doc, const place_hit& h, std::size_t first) {
    if (first >= doc.size() || doc.at(first).begin > h.end) return h.surface;
    std::size_t b = first;
    // (a name in the possessive before it owns it: "Faryab's Ghormach")
    while (b > 0 && first - b < 2 && doc.at(b - 1).kind == token_kind::word && (doc.at(b - 1).shape & capitalized) &&
           doc.at(b - 1).flags == 0 && !(doc.at(b - 1).shape & (boiler | possessive)))
        --b;
    return doc.text().substr(doc.at(b).begin, h.end - doc.at(b).begin);
}

// The readings a name keeps once the words around it are read.
void settle_reading(const document& doc, const gazetteer::gazetteer& gaz, place_hit& h, std::size_t first) {
    // "the Sangin area", "the Karte Char area": the area of a district or a town is in it; only
    // "the Kandahar region" may be a province's
    if (h.cue == place_cue::region && !h.province()) h.cue = place_cue::none;
    // "near Kherwaray": a settlement; but near a province or its capital ("near Kunduz", "near
    // Lashkar Gah"), or near a name that is only a district's ("near Marjah"), the incident is only
    // in its vicinity, in its province
    // (spelt as the district is: "near Kherwaray" is no Kharwar in Logar)
    auto only_a_district = [&] {
        return std::none_of(h.candidates.begin(), h.candidates.end(), [](const candidate& c) { return c.kind == level::settlement; }) &&
               std::any_of(h.candidates.begin(), h.candidates.end(), [](const candidate& c) { return c.kind == level::district && c.score >= 0.9; });
    };
    if (h.cue == place_cue::none && first >= 1 && is_word(doc, first - 1, "near") && !names_area(h, gaz) && !only_a_district()) {
        h.cue = place_cue::village;
        h.vicinity = false;
    }
    h.wide = widened_name(doc, h, first);
    // "Sar-e-Pol province" where the name only matched the capital district: the province
    if (h.cue == place_cue::province && !h.candidates.empty() && !has_province_reading(h.candidates))
        add_province_reading(h.candidates, h.candidates.front());
    // a name that is also a province's: a province reading, or its capital district by that name
    h.names_province = std::any_of(h.candidates.begin(), h.candidates.end(), [](const candidate& c) {
        return c.kind == level::province || capital_named_like_province(c);
    });
}


// "Khost, Kandahar and Nangarhar provinces", "Almar and Qaisar districts": the plural names all
void share_plural_cue(const document& doc, std::vector<place_hit>& out) {
    for (std::size_t i = out.size(); i-- > 1;) {
        auto& next = out[i];
        auto after = next.end_token;
        bool plural = after < doc.size() && (is_word(doc, after, "provinces") || is_word(doc, after, "districts"));
        if (!plural && !next.listed) continue;
        auto& prev = out[i - 1];
        auto gap = doc.text().substr(prev.end, next.begin - prev.end);
        if (gap == ", " || gap == " and " || gap == ", and " || gap == " or " || gap == ",") {
            prev.cue = next.cue;
            prev.listed = next.listed = true;
        }
    }
}

// "the provincial capitals of Sar-e-Pul, Kunduz and Taloqan", "the capitals of Kunduz and
// Takhar provinces": every name of the list is a city, whatever word closes it
void cities_of_list(const document& doc, std::vector<place_hit>& out) {
    for (std::size_t i = 0; i + 1 < out.size(); ++i) {
        if (!out[i].leads_cities) continue;
        out[i].cue = place_cue::city;
        for (std::size_t k = i + 1; k < out.size(); ++k) {
            auto gap = doc.text().substr(out[k - 1].end, out[k].begin - out[k - 1].end);
            if (!(gap == ", " || gap == " and " || gap == ", and " || gap == ",")) break;
            // "captured Surobi, Kabul,": the district's province, no second place taken
            if (out[k].qualifier) break;
            out[k].cue = place_cue::city;
            out[k].listed = true;
        }
    }
}

// "a provincial capital on the Kabul–Kandahar Highway", "a convoy on the Jalalabad road in
// Kabul": a road named after the places it joins or leads to is beside the incident, wherever it
// runs (kept only where the sentence names no other place)
void roads_named_after_places(const document& doc, std::vector<place_hit>& out) {
    static constexpr word_list roads{{"highway", "road", "route"}};
    auto names_road = [&](const place_hit& h) { return h.end_token < doc.size() && is_one_of(doc, h.end_token, roads); };
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (!names_road(out[i])) continue;
        out[i].aside = true;
        if (i > 0 && joined_by_dash(doc.text(), out[i - 1], out[i])) out[i - 1].aside = true;
    }
}

// "on the road between Pul-e-Khumri and Mazar", "the highway linking Kabul with Jalalabad", "the
// road from Kabul to Jalalabad": the two places a road joins are one place, near the first
void places_a_road_joins(const document& doc, std::vector<place_hit>& out) {
    for (std::size_t i = 1; i < out.size(); ++i) {
        auto& from = out[i - 1];
        auto& to = out[i];
        if (from.sentence != to.sentence) continue;
        const auto gap = doc.text().substr(from.end, to.begin - from.end);
        if (!(gap == " and " || gap == " with " || gap == " to ")) continue;
        const std::size_t named = from.first_token;
        if (named < 2) continue;
        const bool joining = is_word(doc, named - 1, "between") || is_one_of(doc, named - 1, road_joining) ||
                             (is_word(doc, named - 1, "from") && gap == " to ");
        static constexpr word_list roads{{"highway", "road", "route", "roads", "highways"}};
        bool road = false;
        for (std::size_t k = named - 1; k > 0 && k + 4 > named && !road; --k) road = is_one_of(doc, k - 1, roads);
        if (!joining || !road) continue;
        from.aside = from.vicinity = true;
        to.aside = to.far_end = true;
    }
}

// "In Herat, the country's third-largest city, forces battled insurgents on the outskirts of the
// city": "the city" is the one named before it, and the fighting beside it
void city_named_again(const document& doc, std::vector<place_hit>& out) {
    const auto& sentences = doc.sentences();
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto& h = out[i];
        if (h.vicinity || h.sentence >= sentences.size() || !(h.cue == place_cue::city || h.names_province)) continue;
        // (a place set apart by a comma, "In Herat, ...", is a frame; "attacked Ghazni city and
        // clashed near the city" names where the attack was)
        if (doc.text().substr(h.end, 1) != ",") continue;
        const auto& sen = sentences[h.sentence];
        for (std::size_t k = h.end_token; k + 2 < sen.last; ++k) {
            if (!(is_word(doc, k + 1, "city") || is_word(doc, k + 1, "town")) || !is_word(doc, k, "the")) continue;
            if (k + 2 < sen.last && (doc.at(k + 2).shape & capitalized)) continue; // "the city Kunduz": named
            const bool beside = (k >= 2 && is_word(doc, k - 1, "of") && is_word(doc, k - 2, "outskirts")) ||
                                (k >= 1 && (is_word(doc, k - 1, "near") || is_word(doc, k - 1, "around") || is_word(doc, k - 1, "outside")));
            const bool other_place = std::any_of(out.begin(), out.end(), [&](const place_hit& o) {
                return &o != &h && o.sentence == h.sentence && o.begin > h.end && o.begin < doc.at(k).begin;
            });
            if (beside && !other_place) h.vicinity = true;
            break;
        }
    }
}

// "retreated to Delaram in neighbouring Farah province", "travelling from Herat in the west": a
// place beside the point is so with where it lies
void aside_with_where_it_lies(const document& doc, std::vector<place_hit>& out) {
    for (std::size_t i = 1; i < out.size(); ++i) {
        if (!out[i - 1].aside || out[i].aside || out[i - 1].sentence != out[i].sentence) continue;
        std::size_t from = out[i - 1].end_token, to = out[i].first_token;
        if (from >= to || to - from > 4 || !is_word(doc, from, "in")) continue;
        bool locative = true;
        for (std::size_t k = from + 1; k < to; ++k) locative = locative && (doc.at(k).has(lex::determiner) || beside_word(doc, k));
        // ("the highway between Kabul and Kandahar in Zabul province": where the road is, which the
        // far end does not lie in)
        const candidate* region = out[i].province();
        if (!region) region = out[i].district();
        const bool lies_there = !region || std::any_of(out[i - 1].candidates.begin(), out[i - 1].candidates.end(), [&](const candidate& c) {
            return c.pcode == region->pcode || c.province_pcode == region->pcode;
        });
        if (locative && lies_there) out[i].aside = true;
    }
}

// Keeps only the readings of h that lie in the province `pcode`; false, and h as it was, when none does.
bool keep_readings_in(place_hit& h, std::string_view pcode) {
    auto lies_there = [&](const candidate& c) { return c.pcode == pcode || c.province_pcode == pcode; };
    if (std::none_of(h.candidates.begin(), h.candidates.end(), lies_there)) return false;
    std::erase_if(h.candidates, [&](const candidate& c) { return !lies_there(c); });
    return true;
}

// "the Sayedabad area of Kunduz city": a part of the place named after it, which says where; a
// name elsewhere in the country is some other place by the same name ("the Sangin area of
// Helmand" is Sangin)
void parts_of_another_place(const document& doc, std::vector<place_hit>& out) {
    for (std::size_t i = 1; i < out.size(); ++i) {
        auto& part = out[i - 1];
        const auto& whole = out[i];
        if (part.sentence != whole.sentence || part.aside) continue;
        std::size_t k = part.end_token, to = whole.first_token;
        static constexpr word_list parts{{"area", "neighbourhood", "neighborhood", "locality", "suburb", "section", "village"}};
        if (k + 2 > to || !is_one_of(doc, k, parts) || !is_word(doc, k + 1, "of")) continue;
        bool naming = true;
        for (std::size_t j = k + 2; j < to; ++j) naming = naming && doc.at(j).has(lex::determiner | lex::place_noun);
        if (!naming) continue;
        const candidate* p = whole.province();
        const candidate* d = p ? nullptr : whole.district();
        std::string_view province = p ? std::string_view(p->pcode) : d ? std::string_view(d->province_pcode) : std::string_view();
        if (province.empty()) continue;
        // ("Landi village of Khost": the village by that name that lies there, of the five Afghan
        // villages named Landi)
        if (!keep_readings_in(part, province)) part.aside = true;
    }
}

// "Ishkamish and Warsaj in Takhar province", "the Andar and Deh Yak districts of Ghazni": a name of
// a list told to lie in a province keeps only its readings there (Ishkamish is also Badakhshan's
// Eshkashem), whatever other province the sentence names
void lists_in_a_province(const document& doc, std::vector<place_hit>& out) {
    static constexpr std::string_view placing[] = {" in ", " of ", " in the ", " district in ", " district of ", " districts in ",
                                                   " districts of "};
    static constexpr std::string_view joining[] = {", ", " and ", ", and "};
    auto gap_is = [&](const place_hit& a, const place_hit& b, auto& words) {
        if (a.sentence != b.sentence || b.begin < a.end) return false;
        const auto gap = doc.text().substr(a.end, b.begin - a.end);
        return std::any_of(std::begin(words), std::end(words), [&](std::string_view w) { return gap == w; });
    };
    for (std::size_t i = 1; i < out.size(); ++i) {
        const auto* province = out[i].province();
        if (!province || !gap_is(out[i - 1], out[i], placing)) continue;
        const std::string_view pcode = province->pcode;
        for (std::size_t j = i; j-- > 0;) {
            auto& h = out[j];
            // (a province ends the list: "Kunduz and Warsaj in Takhar" names two provinces' places)
            if (h.province() || h.aside) break;
            keep_readings_in(h, pcode);
            if (j == 0 || !gap_is(out[j - 1], h, joining)) break;
        }
    }
}

void capital_told_unnamed(const document& doc, std::vector<place_hit>& out) {
    const auto& sentences = doc.sentences();
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto& h = out[i];
        const bool alone = (i == 0 || out[i - 1].sentence != h.sentence) && (i + 1 == out.size() || out[i + 1].sentence != h.sentence);
        if (!alone || !h.province() || h.aside || h.vicinity || (h.cue != place_cue::none && h.cue != place_cue::province)) continue;
        if (h.sentence < sentences.size() && names_capital_unnamed(doc, sentences[h.sentence])) h.cue = place_cue::city;
    }
}

// "in Herat, Herat Province": the city, then its province
void city_then_its_province(const document& doc, std::vector<place_hit>& out) {
    for (std::size_t i = 0; i + 1 < out.size(); ++i) {
        auto& a = out[i];
        const auto& b = out[i + 1];
        if (a.cue != place_cue::none || b.cue != place_cue::province || doc.text().substr(a.end, b.begin - a.end) != ", ") continue;
        const auto* pa = a.province();
        const auto* pb = b.province();
        if (pa && pb && pa->pcode == pb->pcode) a.cue = place_cue::city;
    }
}

// The last reading of each name, in text order: the capital's name alone is the city, a name owns
// the district after it, a city is its district, a place beside a town is in its province, and a
// loose spelling with no word calling it anything is fuzzy. (A name's owner test reads the next name
// before this pass has settled it.)
void settle_readings(const document& doc, const gazetteer::gazetteer& gaz, std::vector<place_hit>& out) {
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto& h = out[i];
        h.owner = i + 1 < out.size() && owns_district_of_its_province(doc.text(), h, out[i + 1], gaz);
        // News writes "Kabul" for the city: the country's capital named alone is the city, not the
        // province (news codebook), unless the text says "Kabul province", or the name owns another
        // district of it ("Kabul's Paghman district").
        bool national_capital = h.cue == place_cue::none && !h.vicinity &&
                                std::any_of(h.candidates.begin(), h.candidates.end(), [](const candidate& c) {
                                    return c.kind == level::province && c.pcode == national_capital_province;
                                }) &&
                                !h.owner;
        if (national_capital) h.cue = place_cue::city;
        if (h.vicinity && h.cue == place_cue::city) h.cue = place_cue::none; // "around Kandahar city": the province
        if (h.cue == place_cue::city) read_as_city(h, gaz);
        // "near Lashkar Gah": beside a town, so in its province
        if (h.vicinity && !has_province_reading(h.candidates)) {
            auto d = std::find_if(h.candidates.begin(), h.candidates.end(), [](const candidate& c) { return c.kind != level::province; });
            if (d != h.candidates.end()) add_province_reading(h.candidates, *d);
        }
        if (h.cue == place_cue::none) {
            double best = 0;
            for (const auto& c : h.candidates)
                if (c.kind == level::district) best = std::max(best, c.score);
            h.fuzzy = best > 0 && best < 0.9 && !has_province_reading(h.candidates);
        }
    }
}

// The one district of `province` whose name ends with `word` ("Sahib" of Imam Sahib), as a writer
// may clip it; none when no district or two end so.
std::optional<std::uint32_t> district_ending_with(const gazetteer::gazetteer& gaz, std::string_view province, std::string_view word) {
    std::optional<std::uint32_t> found;
    for (std::uint32_t d = 0; d < gaz.districts().size(); ++d) {
        const auto& district = gaz.districts()[d];
        const auto& name = district.name;
        if (gaz.provinces()[district.province_index].pcode != province) continue;
        const auto cut = name.find_last_of(" -");
        if (cut == std::string::npos || name.size() - cut - 1 != word.size()) continue;
        if (!std::equal(word.begin(), word.end(), name.begin() + static_cast<std::ptrdiff_t>(cut + 1),
                        [](char a, char b) { return (a | 0x20) == (b | 0x20); }))
            continue;
        if (found) return std::nullopt;
        found = d;
    }
    return found;
}

// A district's name the scan left out, with the province it lies in named right after it: a loose
// spelling ("Mohmand Dara, Nangarhar" for Muhmand Dara), which the scan takes only beside the word
// "district", or a name clipped to its last word ("Sahib District, Kunduz Province" for Imam Sahib).
// The capitalised words the lexicon does not know before the joining words (", ", "district of")
// are read as a district of that province, when one answers to them well.
void districts_named_by_their_province(const document& doc, const gazetteer::gazetteer& gaz, std::vector<place_hit>& out) {
    for (std::size_t i = 0; i < out.size(); ++i) {
        const place_hit& qualifier = out[i];
        if (qualifier.sentence == UINT32_MAX || qualifier.first_token < 2) continue;
        auto named = std::find_if(qualifier.candidates.begin(), qualifier.candidates.end(), [](const candidate& c) { return c.kind == level::province; });
        if (named == qualifier.candidates.end()) continue;
        // back over the joining words, then over the name
        std::size_t gap = qualifier.first_token;
        bool says_district = false;
        while (gap > doc.sentences()[qualifier.sentence].first && qualifier.first_token - gap < 3 &&
               (doc.at(gap - 1).is_punct(',') || is_word(doc, gap - 1, "of") || is_word(doc, gap - 1, "in") || is_word(doc, gap - 1, "district"))) {
            --gap;
            says_district = says_district || is_word(doc, gap, "district");
        }
        std::size_t first = gap;
        const std::uint32_t previous_end = i > 0 ? out[i - 1].end : 0;
        while (first > doc.sentences()[qualifier.sentence].first && gap - first < 3) {
            const token& w = doc.at(first - 1);
            if (w.kind != token_kind::word || !(w.shape & capitalized) || w.flags != 0 || (w.shape & boiler) || w.begin < previous_end) break;
            --first;
        }
        if (first == gap || gap == qualifier.first_token ||
            !joins_district_to_province(doc.text().substr(doc.at(gap - 1).end, qualifier.begin - doc.at(gap - 1).end)))
            continue;
        const token& last = doc.at(gap - 1);
        const std::string_view name = doc.text().substr(doc.at(first).begin, last.end - last.suffix - doc.at(first).begin);
        std::optional<std::uint32_t> district;
        for (const auto& c : gaz.lookup(name, {named->pcode, false, 3}))
            if (c.kind == level::district && c.score >= 0.8) {
                district = c.index;
                break;
            }
        if (!district && says_district && first + 1 == gap) district = district_ending_with(gaz, named->pcode, name);
        if (!district) continue;
        place_hit h;
        h.begin = doc.at(first).begin;
        h.end = static_cast<std::uint32_t>(last.end - last.suffix);
        h.surface = doc.text().substr(h.begin, h.end - h.begin);
        h.first_token = static_cast<std::uint32_t>(first);
        h.end_token = static_cast<std::uint32_t>(gap);
        h.sentence = qualifier.sentence;
        h.cue = place_cue::district;
        h.candidates.push_back(district_reading(gaz, *district, h.surface));
        out[i].qualifier = true; // (the province says where the district lies: no place of its own)
        out[i].cue = place_cue::province;
        out.insert(out.begin() + static_cast<std::ptrdiff_t>(i), std::move(h));
        ++i;
    }
}

} // namespace

// "The governor of Ghazni handed the city over", "Ghazni province's capital fell", "the Taliban
// pushed into the provincial capital" (in Helmand): a capital told by no name of its own is the
// capital of the one province its sentence names; but not one beside which something happened
// ("20 km from the provincial capital", "on the outskirts of the city")
bool names_capital_unnamed(const document& doc, const sentence& sen) {
    static constexpr word_list beside{{"near", "around", "outside", "from", "towards", "toward", "outskirts", "edge", "surrounding"}};
    for (std::size_t k = sen.first + 1; k < sen.last; ++k) {
        const bool city = is_word(doc, k, "city") && is_word(doc, k - 1, "the");
        const bool capital = is_word(doc, k, "capital") && (is_word(doc, k - 1, "provincial") || (doc.at(k - 1).shape & possessive));
        // ("the city's police chief": a role, not the place; "the provincial capital Faizabad": named)
        if ((!city && !capital) || (doc.at(k).shape & possessive)) continue;
        if (k + 1 < sen.last && (doc.at(k + 1).shape & capitalized)) continue;
        std::size_t start = k - 1;
        while (start > sen.first && doc.at(start - 1).has(lex::determiner | lex::place_noun)) --start;
        bool near = false;
        for (std::size_t b = start; b > sen.first && b + 3 > start && !near; --b) near = is_one_of(doc, b - 1, beside);
        if (!near) return true;
    }
    return false;
}

std::vector<place_hit> find_places(const document& doc, const gazetteer::gazetteer& gaz, std::vector<place_hit>* dateline_places) {
    std::vector<place_hit> out;
    auto mentions = gaz.scan(doc.text(), doc.name_words(), doc.name_words_folded());
    out.reserve(mentions.size()); // a hit a mention at most, before capital_mentions adds its own
    std::size_t previous_end = 0; // where the scan's last name ended, kept or not
    for (auto& m : mentions) {
        const std::size_t name_before_end = std::exchange(previous_end, m.end);
        place_hit h;
        h.begin = static_cast<std::uint32_t>(m.begin);
        h.end = static_cast<std::uint32_t>(m.end);
        h.surface = doc.text().substr(m.begin, m.end - m.begin);
        const std::size_t first = doc.token_from(h.begin);
        // (the tokens before `first` begin before the name: the first token past it is found from there)
        std::size_t after = first;
        while (after < doc.size() && doc.at(after).begin < h.end) ++after;
        h.first_token = static_cast<std::uint32_t>(first);
        h.end_token = static_cast<std::uint32_t>(after);
        if (first < doc.size() && (doc.at(first).shape & boiler)) {
            file_dateline_place(doc, first, h, m.candidates, dateline_places);
            continue;
        }
        if (names_something_else(doc, gaz, h, first, after)) continue;
        h.candidates = std::move(m.candidates);
        if (adjective_of_place(h)) continue;
        read_cue(doc, gaz, h, first, after, name_before_end, out.empty() ? nullptr : &out.back());
        h.speakers = h.aside = where_sources_are(doc, first);
        read_vicinity(doc, h, first);
        read_facility(doc, h, first, after);
        const std::size_t named_from = kind_of_place_from(doc, first);
        if (distance_reference(doc, h, named_from)) continue;
        across_the_border(doc, h, named_from);
        read_destination(doc, h, first, named_from);
        read_origin_or_road(doc, h, first, named_from);
        settle_reading(doc, gaz, h, first);
        h.sentence = sentence_holding(doc.sentences(), h.begin);
        if (h.sentence == UINT32_MAX) continue;
        out.push_back(std::move(h));
    }
    capital_mentions(doc, gaz, out);
    districts_named_by_their_province(doc, gaz, out);
    if (std::any_of(out.begin(), out.end(), [](const place_hit& h) { return !h.speakers; }))
        std::erase_if(out, [](const place_hit& h) { return h.speakers; });
    share_plural_cue(doc, out);
    cities_of_list(doc, out);
    roads_named_after_places(doc, out);
    places_a_road_joins(doc, out);
    city_named_again(doc, out);
    aside_with_where_it_lies(doc, out);
    parts_of_another_place(doc, out);
    lists_in_a_province(doc, out);
    capital_told_unnamed(doc, out);
    city_then_its_province(doc, out);
    settle_readings(doc, gaz, out);
    return out;
}

const candidate* district_in(const place_hit& h, std::string_view province_pcode, const gazetteer::gazetteer& gaz,
                             candidate& storage) {
    if (const auto* d = h.district(province_pcode)) return d;
    if (province_pcode.empty() || h.cue == place_cue::province || h.vicinity) return nullptr;
    const auto* p = gaz.province_by_pcode(province_pcode);
    if (!p) return nullptr;
    gazetteer::lookup_options o;
    o.province = p->name;
    o.include_settlements = false;
    o.limit = 5;
    for (auto name : {h.wide, h.surface}) {
        if (name.empty()) continue;
        for (auto& c : gaz.lookup(name, o)) {
            if (c.kind == level::district && c.province_pcode == province_pcode && c.score >= 0.75) {
                storage = std::move(c);
                return &storage;
            }
        }
        if (name == h.surface) break;
    }
    return nullptr;
}

place_signature sign_places(const std::vector<const place_hit*>& hits, std::string_view context_province,
                            const gazetteer::gazetteer& gaz) {
    place_signature sig;
    for (const auto* h : hits) {
        if (const auto* p = h->province();
            p && (h->cue == place_cue::province || h->cue == place_cue::none || h->cue == place_cue::region || !h->district())) {
            if (std::find(sig.provinces.begin(), sig.provinces.end(), p->pcode) == sig.provinces.end())
                sig.provinces.emplace_back(p->pcode);
        }
    }
    std::string_view in_province = sig.provinces.size() == 1 ? std::string_view(sig.provinces[0]) : context_province;
    for (const auto* h : hits) {
        if (h->cue == place_cue::province) continue;
        const candidate* d = nullptr;
        candidate storage;
        if (h->cue == place_cue::district || h->cue == place_cue::city || h->cue == place_cue::valley || !h->province()) {
            d = in_province.empty() ? nullptr : district_in(*h, in_province, gaz, storage);
            if (!d) d = h->district();
        }
        bool named = h->cue == place_cue::district || h->cue == place_cue::city || h->cue == place_cue::valley ||
                     h->cue == place_cue::village;
        // a bare name that is also a province's ("Sar-e-Pol", "Kunduz") may mean either
        bool province_name = h->names_province;
        auto& list = named || (!province_name && !h->fuzzy) ? sig.districts : sig.weak_districts;
        if (d && std::find(list.begin(), list.end(), d->pcode) == list.end()) list.emplace_back(d->pcode);
    }
    return sig;
}

place_reading read_places(const std::vector<const place_hit*>& hits, const gazetteer::gazetteer& gaz,
                          std::string_view context_province) {
    place_reading r;
    // 1. the province: the first one named as such ("Paktiya province"), else the first bare name
    //    of a province ("in Kandahar")
    const candidate* province = nullptr;
    for (int pass = 0; pass < 2 && !province; ++pass) {
        for (const auto* h : hits) {
            const auto* p = h->province();
            if (!p) continue;
            bool stated = h->cue == place_cue::province || h->cue == place_cue::region;
            bool bare = h->cue == place_cue::none || !h->district();
            if (pass == 0 ? !stated : !bare) continue;
            province = p;
            break;
        }
    }
    std::string province_pcode(province ? province->pcode : std::string_view(context_province));
    // 2. the district: the first named in that province; failing that, the first named at all
    const candidate* district = nullptr;
    candidate district_storage;
    // named districts first ("Sayyad district"), then bare names, then names a province shares
    // with its capital ("also called Sar-e-Pol")
    for (int pass = 0; pass < 3 && !district; ++pass) {
        for (const auto* h : hits) {
            if (h->cue == place_cue::province || h->cue == place_cue::region) continue;
            bool named = h->cue == place_cue::district || h->cue == place_cue::city || h->cue == place_cue::valley ||
                         h->cue == place_cue::village;
            bool shared = h->names_province;
            if (pass == 0 && !named) continue;
            if (pass == 1 && (named || shared || h->fuzzy)) continue;
            if (pass == 2 && (named || !(shared || h->fuzzy))) continue;
            // "Kandahar" alone: the province; and "Paktia" alone is no district the province's capital
            // is also called by ("Paktya Center")
            if (pass == 2 && h->province()) continue;
            const candidate* d = province_pcode.empty() ? h->district() : district_in(*h, province_pcode, gaz, district_storage);
            if (d) {
                district = d;
                break;
            }
        }
    }
    if (!district) {
        for (const auto* h : hits) {
            if (h->cue != place_cue::district) continue;
            if (const auto* d = h->district()) {
                // a district the text puts in the wrong province ("the Chimtal district in the
                // province"): trust the gazetteer; but a province the text names outright stands,
                // unless the district is named exactly and the boundary set has only one by that
                // name ("Ghormach District, Faryab Province": Ghormach lies in Badghis in the set
                // the codebook codes, whichever province administered it that year)
                if (province) {
                    std::size_t districts = 0;
                    for (const auto& c : h->candidates) districts += c.kind == level::district && c.score >= 0.75;
                    if (districts != 1 || d->score < 0.99 || h->wide != h->surface) break; // "Wali Kot" is no "Kot"
                }
                district = d;
                r.corrected = !province_pcode.empty();
                break;
            }
        }
    }
    // "Kandahar" alone with no province named: the province
    if (!province && !district) {
        for (const auto* h : hits) {
            if (const auto* p = h->province()) {
                province = p;

                break;
            }
        }
    }
    if (district) {
        const auto* d = gaz.district_by_pcode(district->pcode);
        if (d) {
            const auto& p = gaz.province_of(*d);
            r.district = place_ref{d->pcode, d->name};
            r.province = place_ref{p.pcode, p.name};
            r.precision = geo_precision::district;
            r.lon = d->interior.x;
            r.lat = d->interior.y;
        }
    } else if (province) {
        if (const auto* p = gaz.province_by_pcode(province->pcode)) {
            r.province = place_ref{p->pcode, p->name};
            r.precision = geo_precision::province;
            r.lon = p->interior.x;
            r.lat = p->interior.y;
        }
    } else if (!context_province.empty()) {
        if (const auto* p = gaz.province_by_pcode(context_province)) {
            r.province = place_ref{p->pcode, p->name};
            r.precision = geo_precision::province;
            r.lon = p->interior.x;
            r.lat = p->interior.y;
        }
    }
    // the mentions that agree with the reading
    for (const auto* h : hits) {
        place_mention m;
        m.text = std::string(h->surface);
        m.offsets = {h->begin, h->end};
        if (r.district && h->district(r.province ? std::string_view(r.province->pcode) : std::string_view()) &&
            h->district(r.province->pcode)->pcode == r.district->pcode && h->cue != place_cue::province) {
            m.pcode = r.district->pcode;
            m.level = geo_precision::district;
        } else if (r.province && h->province() && h->province()->pcode == r.province->pcode) {
            m.pcode = r.province->pcode;
            m.level = geo_precision::province;
        } else {
            continue;
        }
        if (std::none_of(r.used.begin(), r.used.end(), [&](const place_mention& u) { return u.offsets == m.offsets; }))
            r.used.push_back(std::move(m));
    }
    return r;
}

} // namespace naqsha::extract
