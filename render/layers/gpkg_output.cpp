#include "render/layers/gpkg_output.hpp"

#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "base/sqlite_db.hpp"
#include "render/layers/qgis_style.hpp"
#include "render/layers/sld_style.hpp"

#include <cpl_error.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace naqsha::layers {
namespace {

constexpr const char* styles_table = "layer_styles";
constexpr const char* geometry_column = "geom";

std::string sql_quote(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

geo::gdal_dataset open_or_create(const std::filesystem::path& path, bool exists, const std::string& where) {
    CPLErrorReset();
    if (exists) {
        const char* const drivers[] = {"GPKG", nullptr};
        auto* ds = GDALDataset::FromHandle(
            GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr));
        if (ds == nullptr)
            throw output_error(where + ": cannot open it as a GeoPackage to add the layers: " +
                               gdal_error_or("not a GeoPackage"));
        return geo::gdal_dataset(ds);
    }
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (driver == nullptr) throw output_error(where + ": GDAL has no GeoPackage driver");
    geo::gdal_dataset ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw output_error(where + ": cannot create: " + gdal_error_or("GDAL refused"));
    return ds;
}

void delete_layer_named(GDALDataset& ds, std::string_view name, const std::string& where) {
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        if (EQUAL(ds.GetLayer(i)->GetName(), std::string(name).c_str())) {
            if (ds.DeleteLayer(i) != OGRERR_NONE)
                throw output_error(where + ": cannot replace layer " + std::string(name) + ": " +
                                   gdal_error_or("GDAL refused"));
            return;
        }
    }
}

// The table as QGIS creates it (QgsOgrProviderUtils::saveStyle), so QGIS can also add its own rows.
OGRLayer& styles_layer(GDALDataset& ds, const std::string& where) {
    if (OGRLayer* existing = ds.GetLayerByName(styles_table)) return *existing;
    const char* const options[] = {"FID=id", nullptr};
    OGRLayer* layer = ds.CreateLayer(styles_table, nullptr, wkbNone, const_cast<char**>(options));
    if (layer == nullptr) throw output_error(where + ": cannot create layer_styles: " + gdal_error_or("GDAL refused"));
    struct column {
        const char* name;
        OGRFieldType type;
        int width;
    };
    constexpr column columns[] = {
        {"f_table_catalog", OFTString, 256}, {"f_table_schema", OFTString, 256},
        {"f_table_name", OFTString, 256},    {"f_geometry_column", OFTString, 256},
        {"styleName", OFTString, 30},        {"styleQML", OFTString, 0},
        {"styleSLD", OFTString, 0},          {"useAsDefault", OFTInteger, 0},
        {"description", OFTString, 0},       {"owner", OFTString, 30},
        {"ui", OFTString, 30},               {"update_time", OFTDateTime, 0},
    };
    for (const auto& c : columns) {
        OGRFieldDefn field(c.name, c.type);
        field.SetWidth(c.width);
        if (c.type == OFTInteger) field.SetSubType(OFSTBoolean);
        if (c.type == OFTDateTime) field.SetDefault("CURRENT_TIMESTAMP");
        if (layer->CreateField(&field) != OGRERR_NONE)
            throw output_error(where + ": cannot create layer_styles." + c.name + ": " + gdal_error_or("GDAL refused"));
    }
    return *layer;
}

std::string quoted_names(const layer_set& layers) {
    std::string names;
    for (const auto& t : layers.tables) {
        if (!names.empty()) names += ',';
        names += sql_quote(t.definition->name);
    }
    return names;
}

void execute(GDALDataset& ds, const std::string& sql, const std::string& where) {
    CPLErrorReset();
    ds.ReleaseResultSet(ds.ExecuteSQL(sql.c_str(), nullptr, nullptr));
    if (CPLGetLastErrorType() == CE_Failure) throw output_error(where + ": " + gdal_error_or("SQL failed") + " in " + sql);
}

// Our own rows only: a style the user saved under another name stays. The AUTOINCREMENT counter's row
// goes too and is written again after the layers (insert_styles), so its place among the counters of
// the layer tables is the same in a rewrite as in a first write.
void delete_styles(GDALDataset& ds, const layer_set& layers, const std::string& where) {
    execute(ds, std::string("DELETE FROM ") + styles_table + " WHERE f_table_name IN (" + quoted_names(layers) +
                    ") AND styleName = f_table_name",
            where);
    execute(ds, std::string("DELETE FROM sqlite_sequence WHERE name = '") + styles_table + "'", where);
}

// Rows get explicit ids after the ones that stay, and the AUTOINCREMENT counter is reset to match, so a
// rewrite numbers them as a first write does.
void insert_styles(GDALDataset& ds, OGRLayer& styles, const layer_set& layers, day_number stamp_day,
                   const std::string& where) {
    GIntBig next_id = 1;
    {
        std::unique_ptr<OGRLayer, std::function<void(OGRLayer*)>> max_id(
            ds.ExecuteSQL((std::string("SELECT MAX(id) FROM ") + styles_table).c_str(), nullptr, nullptr),
            [&ds](OGRLayer* l) { ds.ReleaseResultSet(l); });
        if (max_id) {
            geo::ogr_feature f(max_id->GetNextFeature());
            if (f && !f->IsFieldNull(0)) next_id = f->GetFieldAsInteger64(0) + 1;
        }
    }
    // (no time of change for a day outside the years 1..9999, which ISO text does not give back)
    std::optional<civil_date> day;
    if (const auto stamp = within_iso_years(stamp_day)) day = civil_from_days(*stamp);
    geo::ogr_feature row(OGRFeature::CreateFeature(styles.GetLayerDefn()));
    for (const auto& t : layers.tables) {
        const auto& def = *t.definition;
        const std::string name(def.name);
        row->Reset();
        row->SetFID(next_id++);
        row->SetField("f_table_catalog", "");
        row->SetField("f_table_schema", "");
        row->SetField("f_table_name", name.c_str());
        row->SetField("f_geometry_column", geometry_column);
        row->SetField("styleName", name.c_str());
        row->SetField("styleQML", qml_document(def).c_str());
        row->SetField("styleSLD", sld_document(def).c_str());
        row->SetField("useAsDefault", 1);
        row->SetField("description", std::string(def.title).c_str());
        row->SetField("owner", "");
        if (day) row->SetField("update_time", day->year, day->month, day->day, 0, 0, 0.0F, 100);
        if (styles.CreateFeature(row.get()) != OGRERR_NONE)
            throw output_error(where + ": cannot write the style of " + name + ": " + gdal_error_or("GDAL refused"));
    }
    execute(ds,
            std::string("INSERT INTO sqlite_sequence (name, seq) SELECT '") + styles_table + "', MAX(id) FROM " +
                styles_table,
            where);
}

// Copies the database into a fresh file: no free pages, and a layout that depends only on the content
// and the order the tables were created in. The schema cookie, which counts every schema change the
// file has seen, is then set to a constant: nothing has this new file open, so no cached schema can
// go stale.
void vacuum_into(const std::filesystem::path& from, const std::filesystem::path& to, const std::string& where) {
    // Both opened for writing, so that a failure is an output_error, as writing the layers is; VACUUM
    // INTO changes nothing in `from`.
    sqlite_db(from, false, where).exec("VACUUM INTO " + sql_quote(to.string()));
    sqlite_db(to, false, where).exec("PRAGMA schema_version = 1");
}

} // namespace

void write_gpkg_layers(const layer_set& layers, const std::filesystem::path& target, day_number stamp_day,
                       ogr_geometry_cache& geometries) {
    geo::ensure_gdal_registered();
    const std::string where = target.string();
    auto scratch = atomic_file::created_by_library(target);
    auto result = atomic_file::created_by_library(target);
    std::error_code ec;
    const bool exists = std::filesystem::exists(target, ec);
    if (exists && !std::filesystem::copy_file(target, scratch.temp_path(), ec))
        throw output_error(where + ": cannot copy it to add the layers: " + ec.message());
    {
        // GeoPackage stamps gpkg_contents.last_change with the current time unless told otherwise.
        geo::scoped_gdal_clock clock(stamp_day);
        auto ds = open_or_create(scratch.temp_path(), exists, where);
        // layer_styles comes before the layers, in a first write as in a rewrite, so that the tables
        // keep one order in the file.
        OGRLayer& styles = styles_layer(*ds, where);
        // GDAL creates gpkg_extensions when it first needs it, which is after the layers in a new file
        // but before them in a rewrite; creating it here (with the GeoPackage standard's definition,
        // as GDAL writes it) keeps one table order.
        execute(*ds,
                "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT,column_name TEXT,extension_name TEXT "
                "NOT NULL,definition TEXT NOT NULL,scope TEXT NOT NULL,CONSTRAINT ge_tce UNIQUE (table_name, "
                "column_name, extension_name))",
                where);
        delete_styles(*ds, layers, where);
        for (const auto& t : layers.tables) delete_layer_named(*ds, t.definition->name, where);
        CPLStringList options;
        options.SetNameValue("GEOMETRY_NAME", geometry_column);
        options.SetNameValue("FID", "fid");
        options.SetNameValue("SPATIAL_INDEX", "YES");
        for (const auto& t : layers.tables) {
            options.SetNameValue("IDENTIFIER", std::string(t.definition->title).c_str());
            options.SetNameValue("DESCRIPTION", std::string(t.definition->description).c_str());
            write_ogr_layer(*ds, t, options.List(), geometries, where);
        }
        insert_styles(*ds, styles, layers, stamp_day, where);
        CPLErrorReset();
        ds.reset();
        if (CPLGetLastErrorType() == CE_Failure)
            throw output_error(where + ": cannot finish: " + gdal_error_or("GDAL failed"));
    }
    vacuum_into(scratch.temp_path(), result.temp_path(), where);
    result.commit();
}

} // namespace naqsha::layers
