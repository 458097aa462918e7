#pragma once
// A district control assessment made by someone else (Resolute Support/SIGAR, the Long War Journal, an
// analyst's table), read onto the run's districts: what `naqsha compare` measures the run against, and
// what a baseline can start the timeline from. docs/compare.md describes the formats.
//
//   auto classes = naqsha::reference::status_classes::with_user_mapping("1=taliban,0=government");
//   auto ref = naqsha::reference::read_reference_assessment("lwj.csv", gazetteer, {"status", classes});
//   for (const auto& d : ref.districts) ...   // d.pcode (the gazetteer's), d.status, d.value, d.match
//
// Two kinds of file, told apart by whether the layer GDAL reads has polygons:
//   - a table (CSV, or any attribute-only layer) with a P-code column, or district and province name
//     columns resolved through the gazetteer (every row that does not resolve is listed);
//   - a polygon layer (GeoPackage, GeoJSON, Shapefile) in any district scheme (398, 399, 407) and any
//     CRS: each of the run's districts takes the status of the reference polygon covering most of it
//     (areas on an equal-area projection), and the crosswalk is kept.
#include "gazetteer/gazetteer.hpp"
#include "render/reference/status_classes.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace naqsha::reference {

struct reference_options {
    std::string status_field = "status";                 // the column holding each district's status
    status_classes classes = status_classes::defaults();
};

enum class match_method { pcode, name, overlap };
std::string_view to_string(match_method m); // "P-code", "name", "overlap"

// One of the run's districts as the reference rates it. Together they are the crosswalk.
struct reference_district {
    std::string pcode;                 // the run's district (the gazetteer's P-code)
    reference_status status;           // nullopt: the reference says it does not know
    std::string value;                 // the status as the reference writes it
    match_method match = match_method::pcode;
    std::string reference_label;       // the reference's own row or polygon: "Bahorak, Takhar", "DISTID 1207 Baharak"
    std::string where;                 // "FILE:LINE" of a table row, "feature FID" of a polygon
    double overlap_share = 1;          // polygons: the share of the run district's area in that polygon
};

// A table row that names no district of the run.
struct unresolved_row {
    std::string where;                 // FILE:LINE
    std::string text;                  // what the row gave: "Bahrak, Takhar" or "AF9999"
    std::string reason;
};

// A status value no class maps, with how many rows or polygons carry it.
struct unmapped_value {
    std::string value;
    int count = 0;
};

// A run district that no reference polygon covers enough of to take its status.
struct uncovered_district {
    std::string pcode;
    double best_share = 0;             // of its area, in the polygon covering most of it
    std::string best_label;            // that polygon, "" when none touches it
};

struct reference_assessment {
    std::filesystem::path file;
    std::string layer;                 // the GDAL layer read
    bool polygons = false;
    std::string status_field;
    std::string crs;                   // polygons: the layer's CRS as GDAL names it
    std::vector<reference_district> districts;        // one per run district rated, by P-code
    std::vector<unresolved_row> unresolved;
    std::vector<unmapped_value> unmapped;
    std::vector<uncovered_district> uncovered;        // polygons only
    std::vector<std::string> unmatched_features;      // polygons that no run district takes
    std::vector<std::string> notes;                   // duplicates, reprojection, repairs

    // Rows or polygons left out that the user should fix: unresolved names and unmapped values.
    bool has_rejected_rows() const { return !unresolved.empty() || !unmapped.empty(); }
};

// Reads `file` onto the gazetteer's districts. Throws reference_error naming the file and the problem
// when it cannot be used at all: unreadable, no layer, the status field or the P-code/name columns
// missing (the message lists the columns there are), no row resolved, no polygon overlapping a
// district, no CRS, coordinates outside Afghanistan, or no status value mapped. Rows that cannot be
// used while others can are reported in the result, not thrown.
reference_assessment read_reference_assessment(const std::filesystem::path& file, const gazetteer::gazetteer& gazetteer,
                                               const reference_options& options);

} // namespace naqsha::reference
