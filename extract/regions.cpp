#include "extract/regions.hpp"

#include <algorithm>

namespace naqsha::extract {
namespace {

std::uint8_t compass(const document& doc, std::size_t i) {
    struct word {
        std::string_view text;
        std::uint8_t bits;
    };
    static constexpr word words[] = {
        {"northern", region_north}, {"southern", region_south}, {"eastern", region_east}, {"western", region_west},
        {"northeastern", region_north | region_east}, {"northwestern", region_north | region_west},
        {"southeastern", region_south | region_east}, {"southwestern", region_south | region_west},
        {"north-eastern", region_north | region_east}, {"north-western", region_north | region_west},
        {"south-eastern", region_south | region_east}, {"south-western", region_south | region_west},
        {"north", region_north}, {"south", region_south}, {"east", region_east}, {"west", region_west},
        {"northeast", region_north | region_east}, {"northwest", region_north | region_west},
        {"southeast", region_south | region_east}, {"southwest", region_south | region_west}};
    for (const auto& w : words)
        if (doc.is(i, w.text)) return w.bits;
    return 0;
}

} // namespace

std::uint8_t region_named(const document& doc, std::size_t first, std::size_t last) {
    const token* const tokens = doc.tokens().data();
    for (std::size_t i = first; i < last; ++i) {
        // every compass word is a place noun: the next one is found in a search with no index to keep
        i = static_cast<std::size_t>(
            std::find_if(tokens + i, tokens + last, [](const token& t) { return t.has(lex::place_noun); }) - tokens);
        if (i == last) break;
        if (i + 1 >= last || !(doc.is(i + 1, "afghanistan") || doc.is(i + 1, "of"))) continue;
        std::uint8_t bits = compass(doc, i);
        if (!bits) continue;
        // "northern Afghanistan", "the north of Afghanistan", "the south of the country"
        if (i + 1 < last && doc.is(i + 1, "afghanistan")) return bits;
        if (i + 2 < last && doc.is(i + 1, "of") && doc.is(i + 2, "afghanistan")) return bits;
        if (i + 3 < last && doc.is(i + 1, "of") && doc.is(i + 2, "the") && doc.is(i + 3, "country")) return bits;
    }
    return 0;
}

bool province_outside(const gazetteer::gazetteer& gaz, std::string_view province_pcode, std::uint8_t region) {
    const auto* p = gaz.province_by_pcode(province_pcode);
    if (!p || !region) return false;
    // Afghanistan spans about 60.5-75 E and 29.4-38.5 N; the bounds leave the middle band to both
    // sides, except the central highlands west of Ghazni (Bamyan, Daykundi), which no one calls east
    double lon = p->interior.x, lat = p->interior.y;
    if ((region & region_north) && lat < 34.0) return true;
    if ((region & region_south) && lat > 34.5) return true;
    if ((region & region_east) && lon < 67.5) return true;
    if ((region & region_west) && lon > 67.0) return true;
    return false;
}

} // namespace naqsha::extract
