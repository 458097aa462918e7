#include "gazetteer/crosswalks.hpp"

#include "base/error.hpp"
#include "gazetteer/csv_table.hpp"
#include "gazetteer/names.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <map>
#include <set>

namespace naqsha::gazetteer {
namespace {

std::string trim(std::string_view s) { return trim_text(s, " \t\r\n."); }

bool is_missing(std::string_view s) { return s.empty() || s == "NA" || s == "N/A" || s == "?" || s == "-"; }

// One cell of a crosswalk -> the spellings in it. "Darwaz-e- Bala ( Nesay) [s/b Mamay]" gives
// "Darwaz-e- Bala" and "Nesay"; "Bahrami Shahid or Waeez Shahid" gives both; editorial notes in
// square brackets are dropped.
std::vector<std::string> split_spellings(std::string_view cell) {
    std::string text;
    int brackets = 0;
    for (char c : cell) {
        if (c == '[') ++brackets;
        else if (c == ']') brackets = brackets > 0 ? brackets - 1 : 0;
        else if (brackets == 0) text += (c == '(' || c == ')' || c == ';' || c == '/') ? ',' : c;
    }
    std::vector<std::string> out;
    std::size_t start = 0;
    auto emit = [&](std::string_view part) {
        for (std::size_t at = 0;;) {
            auto or_pos = part.find(" or ", at);
            auto piece = trim(part.substr(at, or_pos == std::string_view::npos ? std::string_view::npos : or_pos - at));
            if (!piece.empty() && !is_missing(piece) && piece.find('?') == std::string::npos) out.push_back(piece);
            if (or_pos == std::string_view::npos) break;
            at = or_pos + 4;
        }
    };
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ',') {
            emit(std::string_view(text).substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

// The Map Sync description: "Dasht-e-Archi, Dasht-i-Archi.  (notes...)": the variant list ends
// at the first full stop or parenthesis.
std::vector<std::string> description_spellings(std::string_view description) {
    auto end = description.find('(');
    auto stop = description.find(". ");
    if (stop != std::string_view::npos && stop < end) end = stop;
    return split_spellings(description.substr(0, end));
}

std::string zero_pad(std::string_view code, std::size_t width) {
    std::string s(code);
    while (s.size() < width) s.insert(s.begin(), '0');
    return s;
}

struct crosswalk_context {
    gazetteer_data& data;
    std::map<std::string, std::uint32_t> district_by_pcode, province_by_pcode;
    std::size_t added = 0;

    void add(level kind, const std::string& pcode, name_source source, const std::string& cell, bool split = true) {
        const auto& index = kind == level::district ? district_by_pcode : province_by_pcode;
        auto it = index.find(pcode);
        if (it == index.end()) return;
        for (auto& s : split ? split_spellings(cell) : std::vector<std::string>{trim(cell)}) {
            if (s.empty() || make_key(s).compact.empty()) continue;
            bool arabic = static_cast<unsigned char>(s[0]) >= 0xD8;
            name_entry e;
            e.kind = kind;
            e.place = it->second;
            e.source = arabic ? name_source::dari : source;
            e.spelling = std::move(s);
            data.names.push_back(std::move(e));
            ++added;
        }
    }
};

// "ARGHANDAB (KANDAHAR)", "KOHISTAN (FARYAB)": the 2014 IEC key tells apart districts of one name by
// their province in brackets, which split_spellings() reads as a second spelling, so that Arghandab
// was found as "Kandahar" (issue 19). A crosswalk spelling of a district that is a spelling of its
// own province is such a tag and is dropped, unless the district is the province's capital, which the
// press does call by the province's name ("Kunduz", "Ghazni").
void drop_province_tags(gazetteer_data& data, std::size_t first_crosswalk_name) {
    std::vector<std::set<std::string>> province_keys(data.provinces.size());
    for (const auto& e : data.names)
        if (e.kind == level::province) province_keys[e.place].insert(make_key(e.spelling).compact);
    std::size_t kept = first_crosswalk_name;
    for (std::size_t i = first_crosswalk_name; i < data.names.size(); ++i) {
        const auto& e = data.names[i];
        bool tag = false;
        if (e.kind == level::district) {
            const auto& d = data.districts[e.place];
            const auto& p = data.provinces[d.province_index];
            tag = d.pcode != p.capital_district_pcode && province_keys[d.province_index].count(make_key(e.spelling).compact) != 0;
        }
        if (!tag) data.names[kept++] = std::move(data.names[i]);
    }
    data.names.resize(kept);
}

double parse_number(std::string_view s) {
    std::string digits;
    for (char c : s)
        if ((c >= '0' && c <= '9') || c == '.') digits += c;
    return digits.empty() ? 0 : std::strtod(digits.c_str(), nullptr);
}

} // namespace

void add_crosswalk_names(gazetteer_data& data, const std::filesystem::path& dir) {
    const std::size_t first_crosswalk_name = data.names.size();
    crosswalk_context ctx{data, {}, {}};
    for (std::uint32_t i = 0; i < data.districts.size(); ++i) ctx.district_by_pcode.emplace(data.districts[i].pcode, i);
    for (std::uint32_t i = 0; i < data.provinces.size(); ++i) ctx.province_by_pcode.emplace(data.provinces[i].pcode, i);
    auto& warnings = data.report.warnings;
    auto optional_table = [&](const std::filesystem::path& rel) -> std::optional<csv_table> {
        try {
            return read_csv(dir / rel);
        } catch (const data_error& e) {
            warnings.push_back(std::string("crosswalk skipped: ") + e.what());
            return std::nullopt;
        }
    };

    // The 2019 keyfile ties every scheme's code and name (2009 .. 2019, 421 districts) to the OCHA
    // P-code; the other sheets are joined through its 2018 IEC codes.
    std::map<std::string, std::string> pcode_by_iec2018, pcode_by_iec2014, pcode_by_iec2009;
    // The keyfile's English names of each P-code, and the P-code a name belongs to ("" when names of
    // two districts share it), to check joins made by code alone
    std::map<std::string, std::set<std::string>> name_keys_of_pcode;
    std::map<std::string, std::string> pcode_by_name_key;
    if (auto t = optional_table("colincookman-election-2019/district_data_district_code_keyfile_2019.csv")) {
        auto ocha = t->column("2019_matched_to_UNOCHA_district_code");
        auto iec2018 = t->column("2018_IEC_district_code");
        auto iec2014 = t->column("2014_IEC_district_code");
        auto iec2009 = t->column("2009_IEC_district_code");
        std::vector<std::size_t> names;
        for (const char* c : {"2019_IEC_district_name_eng", "2018_IEC_district_name_eng", "2018_UNOCHA_district_name_eng",
                              "2014_IEC_district_name_eng", "2012_AGCHO_district_name_eng", "2010_IEC_district_name_eng",
                              "2009_IEC_district_name_eng"})
            names.push_back(t->column(c));
        for (std::size_t r = 1; r < t->rows.size(); ++r) {
            if (is_missing(t->cell(r, ocha))) continue;
            std::string pcode = "AF" + zero_pad(t->cell(r, ocha), 4);
            if (!is_missing(t->cell(r, iec2018))) pcode_by_iec2018[zero_pad(t->cell(r, iec2018), 4)] = pcode;
            if (!is_missing(t->cell(r, iec2014))) pcode_by_iec2014[zero_pad(t->cell(r, iec2014), 4)] = pcode;
            if (!is_missing(t->cell(r, iec2009))) pcode_by_iec2009[zero_pad(t->cell(r, iec2009), 4)] = pcode;
            for (auto c : names) {
                ctx.add(level::district, pcode, name_source::variant, t->cell(r, c));
                if (is_missing(t->cell(r, c))) continue;
                auto key = make_key(t->cell(r, c)).compact;
                name_keys_of_pcode[pcode].insert(key);
                auto [it, fresh] = pcode_by_name_key.emplace(key, pcode);
                if (!fresh && it->second != pcode) it->second.clear();
            }
        }
    }
    auto via = [](const std::map<std::string, std::string>& m, const std::string& code) -> std::string {
        auto it = m.find(zero_pad(code, 4));
        return it == m.end() ? std::string() : it->second;
    };
    // The CSO and Map Sync sheets number districts by the CSO's 421 codes, which are the 2018 IEC
    // codes except where the schemes split a district differently: CSO 2506 is Gizab, IEC 2506 is
    // Chinarto (part of Chora). A row whose name is another district's is joined by its name.
    auto via_cso_code = [&](const std::string& code, const std::string& name) -> std::string {
        auto pcode = via(pcode_by_iec2018, code);
        auto key = make_key(name).compact;
        if (key.empty() || (!pcode.empty() && name_keys_of_pcode[pcode].count(key) != 0)) return pcode;
        auto named = pcode_by_name_key.find(key);
        return named != pcode_by_name_key.end() && !named->second.empty() ? named->second : pcode;
    };

    if (auto t = optional_table("colincookman-election-2018/district_code_keyfile.csv")) {
        auto code = t->column("2018_IEC_district_code");
        std::vector<std::size_t> names;
        for (const char* c : {"2010_IEC_district_name_eng", "2012_AGCHO_district_name_eng", "2018_IEC_district_name_eng",
                              "district_name_dari", "district_name_pashto", "alternate_dari_pashto"})
            names.push_back(t->column(c));
        auto description = t->column("district_description_via_Map_Sync_Project");
        for (std::size_t r = 1; r < t->rows.size(); ++r) {
            auto pcode = via(pcode_by_iec2018, t->cell(r, code));
            for (auto c : names) ctx.add(level::district, pcode, name_source::variant, t->cell(r, c));
            for (const auto& s : description_spellings(t->cell(r, description)))
                ctx.add(level::district, pcode, name_source::variant, s, false);
        }
    }

    // The District Lookup Tool: 399 (2012), 407 (RS/USFOR-A) and 2018 names side by side; the
    // header is on its sixth row. Its codes are the CSO's.
    if (auto t = optional_table("colincookman-election-2018/District_Lookup_Sheet_-_District_Lookup_Tool.csv")) {
        for (std::size_t r = 6; r < t->rows.size(); ++r) {
            std::string pcode = is_missing(t->cell(r, 7)) ? via_cso_code(t->cell(r, 9), t->cell(r, 8))
                                                          : "AF" + zero_pad(t->cell(r, 7), 4);
            if (pcode.empty()) continue;
            for (std::size_t c : {3u, 5u, 6u, 8u, 10u, 11u, 12u}) ctx.add(level::district, pcode, name_source::variant, t->cell(r, c));
            for (const auto& s : description_spellings(t->cell(r, 2))) ctx.add(level::district, pcode, name_source::variant, s, false);
        }
    }

    // CSO population sheet: 421/414/407 names and the 2018-19 estimates regrouped to 399 districts.
    if (auto t = optional_table("colincookman-election-2018/district_population_data.csv")) {
        auto code = t->column("district_code");
        auto province_code = t->column("province_code");
        auto province_name = t->column("province_name_CSO_421");
        auto population = t->column("pop_18_19_399_CSO");
        std::vector<std::size_t> names;
        for (const char* c : {"district_name_CSO_421", "district_name_CSO_OCHA_414", "district_name_USFOR_407",
                              "district_name_farsi_CSO_421", "district_name_pashto_CSO"})
            names.push_back(t->column(c));
        for (std::size_t r = 1; r < t->rows.size(); ++r) {
            auto pcode = via_cso_code(t->cell(r, code), t->cell(r, names.front()));
            for (auto c : names) ctx.add(level::district, pcode, name_source::variant, t->cell(r, c));
            ctx.add(level::province, "AF" + zero_pad(t->cell(r, province_code), 2), name_source::variant,
                    t->cell(r, province_name));
            auto it = ctx.district_by_pcode.find(pcode);
            double people = parse_number(t->cell(r, population));
            if (it != ctx.district_by_pcode.end() && !is_missing(t->cell(r, population)))
                data.districts[it->second].population = std::max(data.districts[it->second].population, people);
        }
    }

    if (auto t = optional_table("colincookman-election-2018/MapSync_Popl_Estimates_CSO_USFOR_IMMAP_shared.csv")) {
        // Row 4 holds the short column names; district ids in column 5, alternates in column 3.
        for (std::size_t r = 4; r < t->rows.size(); ++r) {
            auto pcode = via_cso_code(t->cell(r, 4), t->cell(r, 1));
            for (std::size_t c : {1u, 2u, 7u, 9u, 13u, 18u}) ctx.add(level::district, pcode, name_source::variant, t->cell(r, c));
        }
    }

    for (auto [file, code_by] : {std::pair{"colincookman-election-2019/past_elections_presidential_2014_keyfiles_district_key_2014.csv", &pcode_by_iec2014},
                                 std::pair{"colincookman-election-2019/past_elections_presidential_2009_keyfiles_district_key_2009.csv", &pcode_by_iec2009}}) {
        if (auto t = optional_table(file)) {
            auto code = t->column("district_code");
            auto eng = t->column("district_name_eng");
            auto dari = t->column("district_name_dari");
            for (std::size_t r = 1; r < t->rows.size(); ++r) {
                auto pcode = via(*code_by, t->cell(r, code));
                ctx.add(level::district, pcode, name_source::variant, t->cell(r, eng));
                ctx.add(level::district, pcode, name_source::variant, t->cell(r, dari));
            }
        }
    }

    if (auto t = optional_table("colincookman-election-2019/keyfiles_province_key_2019.csv")) {
        auto code = t->column("province_code");
        for (std::size_t r = 1; r < t->rows.size(); ++r) {
            auto pcode = "AF" + zero_pad(t->cell(r, code), 2);
            for (const char* c : {"province_name_eng", "province_name_dari", "province_name_pashto"})
                ctx.add(level::province, pcode, name_source::variant, t->cell(r, t->column(c)));
        }
    }
    if (ctx.added == 0) warnings.push_back("crosswalks in " + dir.string() + " matched no P-code of this boundary set");
    drop_province_tags(data, first_crosswalk_name);
}

} // namespace naqsha::gazetteer
