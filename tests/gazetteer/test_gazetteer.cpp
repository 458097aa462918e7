// The gazetteer on the real boundary data (../shared/gazetteer-data, OCHA/AGCHO 2018).
#include "gazetteer/gazetteer.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

namespace gz = naqsha::gazetteer;

namespace {

const gz::gazetteer& shared_gazetteer() {
    static const gz::gazetteer g = gz::gazetteer::load();
    return g;
}

bool has_pcode(const std::vector<gz::candidate>& found, const std::string& pcode, gz::level kind) {
    return std::any_of(found.begin(), found.end(), [&](const gz::candidate& c) { return c.pcode == pcode && c.kind == kind; });
}

// The best-ranked candidate of the given level.
const gz::candidate* best_of(const std::vector<gz::candidate>& found, gz::level kind) {
    for (const auto& c : found)
        if (c.kind == kind) return &c;
    return nullptr;
}

} // namespace

TEST_CASE("the default boundary set loads 399 districts in 34 provinces") {
    const auto& g = shared_gazetteer();
    CHECK(g.provinces().size() == 34);
    CHECK(g.districts().size() == 399);
    CHECK(g.report().repairs.empty()); // OCHA 2018 has no invalid geometry
    CHECK(g.report().ambiguous_names.size() == 11);
    double total = 0;
    for (const auto& d : g.districts()) {
        CHECK(d.area_km2 > 10);
        total += d.area_km2;
        CHECK(!d.name_dari.empty());
    }
    // Afghanistan is about 652,000 km^2.
    CHECK(total > 630000);
    CHECK(total < 660000);
    for (const auto& p : g.provinces()) {
        CHECK_MESSAGE(!p.capital_district_pcode.empty(), p.name);
        CHECK(g.district_by_pcode(p.capital_district_pcode) != nullptr);
    }
    CHECK(g.district_by_pcode("AF1803")->name == "Baharak");
    CHECK(g.province_of(*g.district_by_pcode("AF1803")).name == "Takhar");
}

TEST_CASE("every district resolves from its own name, each alternate and its Dari name") {
    const auto& g = shared_gazetteer();
    for (const auto& d : g.districts()) {
        const auto& province = g.province_of(d);
        std::vector<std::string> spellings{d.name, d.name_dari};
        spellings.insert(spellings.end(), d.alternates.begin(), d.alternates.end());
        for (const auto& s : spellings) {
            gz::lookup_options in_province;
            in_province.province = province.name;
            in_province.include_settlements = false;
            auto found = g.lookup(s, in_province);
            const auto* best = best_of(found, gz::level::district);
            REQUIRE_MESSAGE(best != nullptr, d.pcode << " from `" << s << "`");
            CHECK_MESSAGE(best->pcode == d.pcode, d.pcode << " from `" << s << "` gave " << best->pcode);
            bool generic = s == "Centre";
            if (!generic) CHECK_MESSAGE(has_pcode(g.lookup(s), d.pcode, gz::level::district), d.pcode << " from `" << s << "`");
        }
    }
}

TEST_CASE("every province resolves from its own name, each alternate and its Dari name") {
    const auto& g = shared_gazetteer();
    for (const auto& p : g.provinces()) {
        std::vector<std::string> spellings{p.name, p.name_dari};
        spellings.insert(spellings.end(), p.alternates.begin(), p.alternates.end());
        for (const auto& s : spellings) {
            auto found = g.lookup(s);
            REQUIRE_MESSAGE(!found.empty(), p.pcode << " from `" << s << "`");
            CHECK_MESSAGE((found.front().kind == gz::level::province && found.front().pcode == p.pcode),
                          p.pcode << " from `" << s << "` gave " << found.front().pcode);
            CHECK(g.find_province(s) == &p);
        }
    }
}

TEST_CASE("duplicate names return every candidate; the province context picks one") {
    const auto& g = shared_gazetteer();
    struct pair_case {
        const char* name;
        const char* first;
        const char* first_province;
        const char* second;
        const char* second_province;
    };
    const pair_case pairs[] = {
        {"Arghandab", "AF2605", "Zabul", "AF2702", "Kandahar"},
        {"Baharak", "AF1706", "Badakhshan", "AF1803", "Takhar"},
        {"Dawlat Abad", "AF2109", "Balkh", "AF2909", "Faryab"},
        {"Fayzabad", "AF1701", "Badakhshan", "AF2808", "Jawzjan"},
        {"Jaghatu", "AF0408", "Maidan Wardak", "AF1106", "Ghazni"},
        {"Jani Khel", "AF1209", "Paktika", "AF1309", "Paktya"},
        {"Kohistan", "AF1708", "Badakhshan", "AF2910", "Faryab"},
        {"Muqur", "AF1115", "Ghazni", "AF3103", "Badghis"},
        {"Qara Bagh", "AF0114", "Kabul", "AF1111", "Ghazni"},
        {"Surobi", "AF0115", "Kabul", "AF1210", "Paktika"},
        {"Tagab", "AF0206", "Kapisa", "AF1717", "Badakhshan"},
    };
    for (const auto& p : pairs) {
        auto all = g.lookup(p.name);
        CHECK_MESSAGE(has_pcode(all, p.first, gz::level::district), p.name);
        CHECK_MESSAGE(has_pcode(all, p.second, gz::level::district), p.name);
        const auto* a = best_of(all, gz::level::district);
        REQUIRE(a != nullptr);
        for (const auto& expected : {std::pair{p.first, p.first_province}, std::pair{p.second, p.second_province}}) {
            const std::string pcode = expected.first, province = expected.second;
            gz::lookup_options o;
            o.province = province;
            auto found = g.lookup(p.name, o);
            REQUIRE_MESSAGE(!found.empty(), p.name << " in " << province);
            CHECK_MESSAGE(found.front().pcode == pcode, p.name << " in " << province << " gave " << found.front().pcode);
        }
    }
    // A province given in another spelling works as well.
    gz::lookup_options o;
    o.province = "Takhar province";
    CHECK(g.lookup("Baharak", o).front().pcode == "AF1803");
}

TEST_CASE("every district's interior point locates to it; points outside Afghanistan to nothing") {
    const auto& g = shared_gazetteer();
    for (const auto& d : g.districts()) {
        const auto* found = g.locate(d.interior);
        REQUIRE_MESSAGE(found != nullptr, d.pcode);
        CHECK_MESSAGE(found->pcode == d.pcode, d.pcode << " located to " << found->pcode);
    }
    const naqsha::geo::point outside[] = {
        {71.5785, 34.0151},  // Peshawar
        {73.0479, 33.6844},  // Islamabad
        {66.9750, 30.1798},  // Quetta
        {59.6062, 36.2605},  // Mashhad
        {68.7870, 38.5598},  // Dushanbe
        {51.531, 25.2854},   // Doha
        {0, 0},
        {-69.18, 34.52},     // Kabul's longitude with the wrong sign
        {34.52, 69.18},      // axis order swapped
    };
    for (const auto& p : outside) CHECK_MESSAGE(g.locate(p) == nullptr, p.x << "," << p.y);
    CHECK(g.locate({69.1808, 34.5228})->pcode == "AF0101"); // Kabul
    CHECK(g.locate({62.2079, 34.3458})->pcode == "AF3201"); // Herat
}

TEST_CASE("lookups a new user tried (issue 19): Kapisa's Kohistans, no Kandahar tag, Helmand's Nawa, Gizab") {
    const auto& g = shared_gazetteer();
    // query, province context, what the districts found (best first, settlements left out) must be:
    //   "first P P": the first candidates, in this order, tied in score; "first P": the best one;
    //   "lacks P": P is not among them.
    struct lookup_case { std::string_view query, province, expect; };
    const lookup_case cases[] = {
        {"Kohistan", "Kapisa", "first AF0204 AF0202"}, // one of the two: both, the more populous first
        {"Kohistan", "", "lacks AF0101"},
        {"Kohistan 1", "", "first AF0204"},           // Hisa-e-Awal-e-Kohistan
        {"Kohistan 2", "", "first AF0202"},           // Hisa-e-Duwum-e-Kohistan
        {"Kohistan", "Badakhshan", "first AF1708"},
        {"Kandahar", "", "lacks AF2702"},             // Arghandab, once through "ARGHANDAB (KANDAHAR)"
        {"Faryab", "", "lacks AF2910"},               // Kohistan, once through "KOHISTAN (FARYAB)"
        {"Kandahar", "", "first AF2701"},             // the capital keeps its province's name
        {"Kunduz", "", "first AF1901"},
        {"Nawa", "", "first AF3003"},                 // the press's Nawa is Helmand's
        {"Nawa", "Ghazni", "first AF1119"},           // unless the province says otherwise
        {"Nawa-e-Barakzaiy", "", "first AF3003"},
        // the CSO's district 2506 is Gizab, the 2018 IEC's is Chinarto (part of Chora): joined by name
        {"Gizab", "", "lacks AF2503"},
        {"Gizab", "", "first AF2409"},
        {"Chinarto", "", "first AF2503"},
    };
    for (const auto& c : cases) {
        gz::lookup_options options;
        options.province = c.province;
        options.include_settlements = false;
        std::vector<gz::candidate> found;
        for (auto& f : g.lookup(c.query, options))
            if (f.kind == gz::level::district) found.push_back(std::move(f));
        std::string got;
        for (const auto& f : found) got.append(" ").append(f.pcode).append("@").append(std::to_string(f.score));
        const std::string what = std::string(c.query) + " [" + std::string(c.province) + "] " + std::string(c.expect) + ": got" + got;
        std::istringstream expect{std::string(c.expect)};
        std::string verb, pcode;
        expect >> verb;
        if (verb == "lacks") {
            expect >> pcode;
            CHECK_MESSAGE(!has_pcode(found, pcode, gz::level::district), what);
            continue;
        }
        REQUIRE_MESSAGE(verb == "first", what);
        std::size_t i = 0;
        for (; expect >> pcode; ++i) {
            REQUIRE_MESSAGE(i < found.size(), what);
            CHECK_MESSAGE(found[i].pcode == pcode, what);
            CHECK_MESSAGE(found[i].score == found[0].score, what);
        }
        if (i < found.size() && i > 1) CHECK_MESSAGE(found[i].score < found[0].score, what);
    }
}

TEST_CASE("ordinary English words and foreign places do not match") {
    const auto& g = shared_gazetteer();
    for (const char* word : {"Police", "Market", "Bazaar", "Center", "Centre", "Khan", "May", "Mark", "Bar", "District",
                             "Province", "Pakistan", "Qatar", "Doha", "Islamabad", "Quetta", "Peshawar", "Tehran"}) {
        auto found = g.lookup(word, {.province = {}, .include_settlements = false, .limit = 20});
        CHECK_MESSAGE(found.empty(), word << " matched " << (found.empty() ? "" : found.front().name));
    }
    // Capitalised English words (the wamerican list) match no settlement or district loosely: "Monday"
    // once gave Mohmand, Meyando and Manda by skeleton, "American" Tagab through "Mir Kan".
    for (const char* word : {"Monday", "Friday", "Sunday", "American", "British", "Christmas", "Ramadan", "Congress"}) {
        auto found = g.lookup(word);
        CHECK_MESSAGE(found.empty(), word << " matched " << (found.empty() ? "" : std::string(found.front().name) + " via " + std::string(found.front().matched)));
    }
    auto mentions = g.scan("Police said the Market near the Bazaar was hit. Mark Smith of the Center said in May that "
                           "talks in Doha, Qatar, and Islamabad, Pakistan, would go on. Mohammad Khan agreed.");
    for (const auto& m : mentions) FAIL_CHECK("unexpected mention: " << m.surface);
}

TEST_CASE("scan finds place names in running text with byte offsets") {
    const auto& g = shared_gazetteer();
    std::string text = "At least eight others were wounded in Baharak district, Takhar province, officials said. "
                       "Fighting also spread to Kunduz and the Dasht-e-Archi district.";
    auto mentions = g.scan(text);
    REQUIRE(mentions.size() == 4);
    CHECK(mentions[0].surface == "Baharak");
    CHECK(text.substr(mentions[0].begin, mentions[0].end - mentions[0].begin) == "Baharak");
    CHECK(mentions[0].candidates.front().pcode == "AF1803"); // Takhar's, from the context
    CHECK(mentions[1].surface == "Takhar");
    CHECK(mentions[1].candidates.front().kind == gz::level::province);
    CHECK(mentions[2].surface == "Kunduz");
    CHECK(mentions[3].surface == "Dasht-e-Archi");
    CHECK(mentions[3].candidates.front().pcode == "AF1906");
}

TEST_CASE("every district's own name, bare in running text, is found as that district") {
    // News names a district without "district" as often as with it ("fighting in Nad-e-Ali"). The
    // scan must then find it among the name's candidates, except where the name is also an everyday
    // English or Dari word, which only "district" after it makes a place.
    const std::vector<std::string> words_too = {"Burka", "Dara", "Farsi", "Washer"};
    const auto& g = shared_gazetteer();
    std::size_t found = 0;
    for (const auto& d : g.districts()) {
        const std::string text = "Fighting broke out in " + d.name + " on Monday.";
        auto mentions = g.scan(text);
        const bool as_itself = !mentions.empty() && mentions.front().surface == d.name &&
                               has_pcode(mentions.front().candidates, d.pcode, gz::level::district);
        const bool english = std::find(words_too.begin(), words_too.end(), d.name) != words_too.end();
        INFO(text);
        CHECK(as_itself != english);
        found += as_itself;
    }
    CHECK(found == g.districts().size() - words_too.size());
}

TEST_CASE("real press spellings resolve to the right P-code (tests/data/press_spellings.csv)") {
    const auto& g = shared_gazetteer();
    std::ifstream in(std::string(NAQSHA_TEST_DATA_DIR) + "/press_spellings.csv");
    REQUIRE(in);
    std::string line;
    std::getline(in, line); // header: spelling,province,pcode,source
    std::size_t rows = 0, resolved = 0;
    while (std::getline(in, line)) {
        // Spellings hold no commas; the source column (last) may.
        auto c1 = line.find(','), c2 = line.find(',', c1 + 1), c3 = line.find(',', c2 + 1);
        REQUIRE(c3 != std::string::npos);
        std::string spelling = line.substr(0, c1), province = line.substr(c1 + 1, c2 - c1 - 1),
                    pcode = line.substr(c2 + 1, c3 - c2 - 1);
        auto kind = pcode.size() == 4 ? gz::level::province : gz::level::district;
        gz::lookup_options o;
        o.province = province;
        auto found = g.lookup(spelling, o);
        const auto* best = best_of(found, kind);
        ++rows;
        bool ok = best != nullptr && best->pcode == pcode;
        // Nothing of the same level may outrank it.
        if (ok)
            for (const auto& c : found)
                if (c.kind == kind && c.pcode != pcode && c.score > best->score) ok = false;
        resolved += ok ? 1 : 0;
        CHECK_MESSAGE(ok, "`" << spelling << "`" << (province.empty() ? "" : " in " + province) << " should be " << pcode
                              << ", got " << (best != nullptr ? std::string(best->pcode) + " " + std::string(best->name) : std::string("nothing")));
    }
    CHECK(rows >= 200);
    MESSAGE(resolved << " of " << rows << " press spellings resolved");
}

TEST_CASE("designators around a mention decide between province, district and capital") {
    const auto& g = shared_gazetteer();
    auto best = [&](const std::string& text) {
        auto mentions = g.scan(text);
        REQUIRE_MESSAGE(!mentions.empty(), text);
        const auto& c = mentions.front().candidates.front();
        return std::string(gz::to_string(c.kind)) + " " + std::string(c.pcode);
    };
    CHECK(best("Takhar provincial health director Abdul Qayoum said") == "province AF18");
    CHECK(best("Fayzabad, the capital of Badakhshan province.") == "district AF1701");
    CHECK(g.scan("Fayzabad, the capital of Badakhshan province.")[1].candidates.front().pcode == "AF17");
    CHECK(best("oil fields in Sar-e-Pol province") == "province AF22");
    CHECK(best("the Kunduz provincial capital fell") == "district AF1901");
    CHECK(best("deputy head of Kunduz provincial council") == "province AF19");
    CHECK(best("fighting in Kunduz city") == "district AF1901");
    CHECK(best("in the Washer district of Helmand") == "district AF3005");
    CHECK(g.scan("he bought a washer in the bazaar").empty());
    CHECK(best("In Nad ‘Ali district, Helmand province") == "district AF3002");
    CHECK(best("Dari: \u0648\u0644\u0633\u0648\u0627\u0644\u06CC \u0628\u0647\u0627\u0631\u06A9 \u062A\u062E\u0627\u0631").find("AF") != std::string::npos);
}
