#include "render/layers/geojson_output.hpp"

#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "render/layers/qgis_style.hpp"

#include <cpl_error.h>

#include <string>

namespace naqsha::layers {

geojson_files write_geojson_layer(const layer_table& table, const std::filesystem::path& out_dir,
                                  int coordinate_precision, ogr_geometry_cache& geometries) {
    geo::ensure_gdal_registered();
    const auto& def = *table.definition;
    geojson_files files{out_dir / (std::string(def.name) + ".geojson"), out_dir / (std::string(def.name) + ".qml")};

    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
    if (driver == nullptr) throw output_error(files.geojson.string() + ": GDAL has no GeoJSON driver");
    auto staged = atomic_file::created_by_library(files.geojson);
    {
        CPLErrorReset();
        geo::gdal_dataset ds(driver->Create(staged.temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) throw output_error(files.geojson.string() + ": cannot create: " + gdal_error_or("GDAL refused"));
        CPLStringList options;
        options.SetNameValue("RFC7946", "YES");
        options.SetNameValue("COORDINATE_PRECISION", std::to_string(coordinate_precision).c_str());
        options.SetNameValue("DESCRIPTION", std::string(def.description).c_str());
        write_ogr_layer(*ds, table, options.List(), geometries, files.geojson.string());
        CPLErrorReset();
        ds.reset(); // GDAL writes the end of the file on close
        if (CPLGetLastErrorType() == CE_Failure)
            throw output_error(files.geojson.string() + ": cannot finish: " + gdal_error_or("GDAL failed"));
    }
    staged.commit();
    write_file_atomically(files.qml, qml_document(def));
    return files;
}

} // namespace naqsha::layers
