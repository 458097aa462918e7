#pragma once
// Internal to render/reference: the reference's layer as GDAL read it (columns, rows, polygons), the
// column names naqsha recognises, and the status column read through the class mapping. The table
// reader (reference_rows.cpp) and the polygon matcher (reference_overlap.cpp) both start from it.
#include "geo/gdal_handles.hpp"
#include "render/reference/reference_assessment.hpp"

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace naqsha::reference {

struct feature_record {
    long long fid = 0;
    std::vector<std::string> values;            // one per column, "" for NULL
    std::unique_ptr<OGRGeometry> geometry;      // polygon layers only, in the layer's CRS
};

struct feature_table {
    std::filesystem::path file;
    std::string layer;
    bool csv = false;                           // rows have line numbers
    std::vector<std::string> columns;
    std::vector<feature_record> features;
    bool polygons = false;
    std::unique_ptr<OGRSpatialReference> crs;   // polygon layers; null when the file declares none

    // The column named `name` (case as written, else ignoring case), or nullopt.
    std::optional<std::size_t> column(std::string_view name) const;
    // The first column whose name, compared as status_key() forms, is one of `keys`.
    std::optional<std::size_t> column_like(std::span<const std::string_view> keys) const;
    // "FILE:LINE" for a CSV row, "FILE feature FID" otherwise.
    std::string where(const feature_record& f) const;
    // "a, b, c": for messages that name the columns there are.
    std::string column_list() const;
};

// Column names seen in published district tables and boundary sets, as status_key() forms.
inline constexpr auto pcode_columns =
    std::to_array<std::string_view>({"pcode", "p code", "adm2 pcode", "district pcode", "dist pcode"});
inline constexpr auto district_columns = std::to_array<std::string_view>(
    {"district", "district name", "district en", "adm2 en", "dist name", "dist 34 na", "dist na en", "shapename", "name"});
inline constexpr auto province_columns = std::to_array<std::string_view>(
    {"province", "province name", "province en", "adm1 en", "prov name", "prov 34 na", "prov na en"});
inline constexpr auto feature_id_columns =
    std::to_array<std::string_view>({"distid", "dist code", "adm2 pcode", "pcode", "shapeid"});

// Reads the status column through the class mapping, counting the values no class maps.
class status_column {
public:
    // Throws reference_error naming the file and the columns there are when the field is missing.
    status_column(const feature_table& table, const reference_options& options);

    // The value as written and its state; `mapped` is false when no class maps the value (counted).
    struct reading {
        std::string value;
        bool mapped = false;
        reference_status status;
    };
    reading read(const feature_record& f);
    const std::string& value_of(const feature_record& f) const { return f.values[index_]; }

    // Every unmapped value with its count, most frequent first. Throws reference_error when values were
    // read and not one mapped: the mapping, not the rows, is wrong.
    std::vector<unmapped_value> unmapped(const feature_table& table) const;

private:
    std::size_t index_;
    std::string field_;
    const status_classes& classes_;
    std::map<std::string, int> unmapped_;
    std::size_t mapped_ = 0;
};

// "Baharak, Takhar (DISTID 1207)": a row or polygon in the reference's own words, for the crosswalk.
std::string reference_label(const feature_table& table, const feature_record& f);

void read_table_rows(feature_table& table, const gazetteer::gazetteer& gazetteer, const reference_options& options,
                     reference_assessment& out);
void match_polygons(feature_table& table, const gazetteer::gazetteer& gazetteer, const reference_options& options,
                    reference_assessment& out);

} // namespace naqsha::reference
