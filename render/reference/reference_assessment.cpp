#include "render/reference/reference_assessment.hpp"

#include "base/error.hpp"
#include "gazetteer/names.hpp"
#include "render/reference/reference_features.hpp"

#include <cpl_error.h>
#include <fmt/format.h>

#include <algorithm>
#include <system_error>

namespace naqsha::reference {
namespace {

namespace fs = std::filesystem;

bool is_polygon(const OGRGeometry* g) {
    if (g == nullptr) return false;
    const auto type = wkbFlatten(g->getGeometryType());
    return type == wkbPolygon || type == wkbMultiPolygon;
}

geo::gdal_dataset open_reference(const fs::path& file) {
    std::error_code ec;
    const auto status = fs::status(file, ec);
    if (!fs::exists(status)) throw reference_error(file.string() + ": no such file");
    // GDAL would wait for ever on a FIFO, and reads nothing useful from a directory of shapefiles.
    if (!fs::is_regular_file(status)) throw reference_error(file.string() + ": not a regular file");
    geo::ensure_gdal_registered();
    CPLErrorReset();
    geo::gdal_dataset ds(static_cast<GDALDataset*>(
        GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds) {
        const char* why = CPLGetLastErrorMsg();
        throw reference_error(file.string() + ": cannot read it as a table or polygon layer (CSV, GeoPackage, "
                                              "GeoJSON, Shapefile)" +
                              (why != nullptr && *why != '\0' ? std::string(": ") + why : std::string()));
    }
    return ds;
}

bool has_field(OGRLayer& layer, const std::string& name) {
    const auto* defn = layer.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        if (EQUAL(defn->GetFieldDefn(i)->GetNameRef(), name.c_str())) return true;
    return false;
}

// The layer holding the status field; with several, the first (named in the notes).
OGRLayer& choose_layer(GDALDataset& ds, const fs::path& file, const std::string& field, std::vector<std::string>& notes) {
    std::vector<OGRLayer*> with_field;
    std::vector<std::string> names;
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        OGRLayer* layer = ds.GetLayer(i);
        if (EQUAL(layer->GetName(), "layer_styles")) continue; // QGIS's styles, never an assessment
        names.emplace_back(layer->GetName());
        if (has_field(*layer, field)) with_field.push_back(layer);
    }
    if (names.empty()) throw reference_error(file.string() + ": holds no layer or table");
    if (with_field.empty()) {
        if (names.size() == 1) return *ds.GetLayerByName(names.front().c_str()); // the column check names its fields
        throw reference_error(fmt::format("{}: none of its layers ({}) has a column '{}'; name the status column "
                                          "with --field",
                                          file.string(), fmt::join(names, ", "), field));
    }
    if (with_field.size() > 1)
        notes.push_back(fmt::format("{} layers have a column '{}'; read the first, {}", with_field.size(), field,
                                    with_field.front()->GetName()));
    return *with_field.front();
}

feature_table read_features(GDALDataset& ds, const fs::path& file, const std::string& field,
                            std::vector<std::string>& notes) {
    OGRLayer& layer = choose_layer(ds, file, field, notes);
    feature_table table;
    table.file = file;
    table.layer = layer.GetName();
    table.csv = EQUAL(ds.GetDriverName(), "CSV");
    const auto* defn = layer.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) table.columns.emplace_back(defn->GetFieldDefn(i)->GetNameRef());

    std::size_t without_geometry = 0;
    layer.ResetReading();
    while (geo::ogr_feature f{layer.GetNextFeature()}) {
        feature_record record;
        record.fid = f->GetFID();
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            record.values.emplace_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
        if (is_polygon(f->GetGeometryRef())) record.geometry.reset(f->StealGeometry());
        else ++without_geometry;
        table.polygons = table.polygons || record.geometry != nullptr;
        table.features.push_back(std::move(record));
    }
    if (table.polygons) {
        if (const OGRSpatialReference* srs = layer.GetSpatialRef()) {
            table.crs.reset(srs->Clone());
            table.crs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        }
        if (without_geometry > 0)
            notes.push_back(fmt::format("{} features without a polygon left out", without_geometry));
        std::erase_if(table.features, [](const feature_record& r) { return r.geometry == nullptr; });
    }
    if (table.features.empty()) throw reference_error(file.string() + ": layer " + table.layer + " has no rows");
    return table;
}

} // namespace

std::string_view to_string(match_method m) {
    switch (m) {
    case match_method::pcode: return "P-code";
    case match_method::name: return "name";
    case match_method::overlap: return "overlap";
    }
    return "";
}

std::optional<std::size_t> feature_table::column(std::string_view name) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == name) return i;
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (EQUAL(columns[i].c_str(), std::string(name).c_str())) return i;
    return std::nullopt;
}

std::optional<std::size_t> feature_table::column_like(std::span<const std::string_view> keys) const {
    for (const auto key : keys)
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (status_key(columns[i]) == key) return i;
    return std::nullopt;
}

std::string feature_table::where(const feature_record& f) const {
    // The CSV driver numbers data rows from 1, so a row's FID is its line number less the header's.
    if (csv) return fmt::format("{}:{}", file.string(), f.fid + 1);
    return fmt::format("{} feature {}", file.string(), f.fid);
}

std::string feature_table::column_list() const { return columns.empty() ? "none" : fmt::format("{}", fmt::join(columns, ", ")); }

status_column::status_column(const feature_table& table, const reference_options& options)
    : field_(options.status_field), classes_(options.classes) {
    const auto index = table.column(options.status_field);
    if (!index)
        throw reference_error(fmt::format("{}: no column '{}' (its columns: {}); name the status column with --field",
                                          table.file.string(), options.status_field, table.column_list()));
    index_ = *index;
}

status_column::reading status_column::read(const feature_record& f) {
    reading r{f.values[index_], false, std::nullopt};
    if (const auto* cls = classes_.classify(r.value)) {
        r.mapped = true;
        r.status = cls->status;
        ++mapped_;
    } else {
        ++unmapped_[r.value];
    }
    return r;
}

std::vector<unmapped_value> status_column::unmapped(const feature_table& table) const {
    std::vector<unmapped_value> out;
    for (const auto& [value, count] : unmapped_) out.push_back({value, count});
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
    if (mapped_ == 0 && !out.empty()) {
        std::vector<std::string> quoted;
        for (const auto& u : out) quoted.push_back("'" + u.value + "'");
        throw reference_error(fmt::format("{}: no value of column '{}' maps to a control state ({}); map them with "
                                          "--classes, e.g. --classes \"{}=taliban\" (docs/compare.md)",
                                          table.file.string(), field_, fmt::join(quoted, ", "),
                                          out.empty() ? std::string("VALUE") : out.front().value));
    }
    return out;
}

std::string reference_label(const feature_table& table, const feature_record& f) {
    auto cell = [&](std::span<const std::string_view> keys) {
        const auto i = table.column_like(keys);
        return i ? gazetteer::trim_text(f.values[*i]) : std::string();
    };
    std::string label = cell(district_columns);
    if (const auto province = cell(province_columns); !province.empty())
        label += label.empty() ? province : ", " + province;
    if (const auto id_column = table.column_like(feature_id_columns)) {
        const auto& id = f.values[*id_column];
        if (!id.empty() && id != label)
            label += label.empty() ? table.columns[*id_column] + " " + id
                                   : " (" + table.columns[*id_column] + " " + id + ")";
    }
    return label.empty() ? fmt::format("feature {}", f.fid) : label;
}

reference_assessment read_reference_assessment(const fs::path& file, const gazetteer::gazetteer& gazetteer,
                                               const reference_options& options) {
    reference_assessment out;
    out.file = file;
    out.status_field = options.status_field;
    auto ds = open_reference(file);
    auto table = read_features(*ds, file, options.status_field, out.notes);
    out.layer = table.layer;
    out.polygons = table.polygons;
    if (table.polygons) match_polygons(table, gazetteer, options, out);
    else read_table_rows(table, gazetteer, options, out);
    std::sort(out.districts.begin(), out.districts.end(),
              [](const reference_district& a, const reference_district& b) { return a.pcode < b.pcode; });
    return out;
}

} // namespace naqsha::reference
