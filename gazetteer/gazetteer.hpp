#pragma once
// The Afghan district gazetteer: names (as the press spells them) -> districts and provinces, and
// points -> districts. Built from the boundary set in ../shared/gazetteer-data (OCHA/AGCHO 2018 by
// default) plus the alias tables in shapefiles/, and cached under build/cache.
//
// This header is the contract other modules build on. Implementation notes live in the .cpp files
// and docs/gazetteer.md.
#include "gazetteer/names.hpp"
#include "geo/types.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace naqsha::gazetteer {

enum class level : std::uint8_t { province, district, settlement };
std::string_view to_string(level l); // "province", "district", "settlement"

struct province {
    std::string pcode;          // AF01 .. AF34
    std::string name;           // English name as in the boundary set, e.g. "Hilmand"
    std::string name_dari;      // Dari script
    std::vector<std::string> alternates;
    geo::multipolygon shape;    // WGS84
    geo::point interior;        // a point guaranteed inside the shape
    std::string capital_district_pcode; // district holding the provincial centre
    double area_km2 = 0;        // from an equal-area projection
    double population = 0;      // 0 when unknown
};

struct district {
    std::string pcode;          // ADM2_PCODE, e.g. AF1803
    std::string name;           // e.g. "Baharak"
    std::string name_dari;
    std::vector<std::string> alternates;
    std::uint32_t province_index = 0; // into gazetteer::provinces()
    geo::multipolygon shape;
    geo::point interior;
    double area_km2 = 0;
    double population = 0;
};

struct settlement {
    std::string name;
    geo::point location;
    std::uint32_t district_index = 0; // assigned by point-in-polygon, not by the source's old codes
    double population = 0;
};

struct candidate {
    level kind = level::district;
    std::uint32_t index = 0;      // into provinces(), districts() or settlements() by kind
    // Views into the gazetteer's tables (the spelling that matched: of its names, or of the text a
    // caller read the place from), valid while the gazetteer is: a scan makes about fifty candidates
    // an article, and copying their five strings was a tenth of its time.
    std::string_view pcode;       // the district's or province's P-code; a settlement's district P-code
    std::string_view name;        // canonical name of the place
    std::string_view province_pcode;
    std::string_view province;    // province name
    std::string_view matched;     // the spelling that matched
    double score = 0;             // 0..1, higher is better; candidates come best first
};

struct lookup_options {
    std::string_view province;    // a province name in any spelling: restricts and re-ranks
    bool include_settlements = true;
    std::size_t limit = 20;
};

// A place name found in running text, with every candidate it may refer to.
struct text_mention {
    std::size_t begin = 0;        // byte offsets into the scanned text
    std::size_t end = 0;
    std::string_view surface;     // text[begin, end)
    std::vector<candidate> candidates; // best first
};

struct load_options {
    std::filesystem::path data_dir;   // empty: naqsha::gazetteer_data_dir()
    std::filesystem::path cache_dir;  // empty: naqsha::cache_dir(); caching off when unwritable
    std::string boundary_set = "ocha-agcho-2018"; // a mapping in shapefiles/boundary-sets/
    bool use_cache = true;
};

struct load_report {
    std::string boundary_set;
    std::size_t provinces = 0, districts = 0, settlements = 0, names = 0;
    std::vector<std::string> repairs;        // one line per geometry repaired by MakeValid
    std::vector<std::string> ambiguous_names; // names shared by several districts
    std::vector<std::string> warnings;
    bool from_cache = false;
    double load_seconds = 0;
};

class gazetteer {
public:
    // Throws data_error naming the file when boundary data is missing, corrupt or unusable.
    static gazetteer load(const load_options& options = {});

    gazetteer(gazetteer&&) noexcept;
    gazetteer& operator=(gazetteer&&) noexcept;
    ~gazetteer();

    std::span<const province> provinces() const;
    std::span<const district> districts() const;
    std::span<const settlement> settlements() const;

    const district* district_by_pcode(std::string_view pcode) const;
    const province* province_by_pcode(std::string_view pcode) const;
    const province& province_of(const district& d) const;
    // The province a name refers to in any spelling ("Hilmand", "Helmand province", "هلمند"), or nullptr.
    const province* find_province(std::string_view name) const;

    // Every place the name may refer to, best first. Never matches ordinary English words or
    // places outside Afghanistan.
    std::vector<candidate> lookup(std::string_view name, const lookup_options& options = {}) const;

    // Finds the place names in running text (capitalised spans; no English words).
    std::vector<text_mention> scan(std::string_view text) const;
    // The same over the text's words as tokenize (names.hpp) makes them, made by a caller that
    // tokenizes the text anyway: extract's document, which spares the scan a second pass.
    std::vector<text_mention> scan(std::string_view text, std::span<const token> words, std::string_view folded) const;

    // Whether a name (one word or several, any spelling the key folding allows) is a place or
    // country outside Afghanistan that the press names beside Afghan ones: "Waziristan", "Quetta",
    // "Pakistani", "Gorno-Badakhshan".
    bool foreign_place(std::string_view name) const;

    // The district containing the point (WGS84), or nullptr outside Afghanistan.
    const district* locate(geo::point lon_lat) const;

    const load_report& report() const;

private:
    struct impl;
    explicit gazetteer(std::unique_ptr<impl> p);
    std::unique_ptr<impl> impl_;
};

} // namespace naqsha::gazetteer
