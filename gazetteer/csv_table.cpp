#include "gazetteer/csv_table.hpp"

#include "base/error.hpp"
#include "geo/gdal_handles.hpp"

namespace naqsha::gazetteer {

std::size_t csv_table::column(std::string_view name, std::size_t header_row) const {
    if (header_row < rows.size())
        for (std::size_t c = 0; c < rows[header_row].size(); ++c)
            if (rows[header_row][c] == name) return c;
    throw data_error(file.string() + ": no column `" + std::string(name) + "`");
}

const std::string& csv_table::cell(std::size_t row, std::size_t col) const {
    static const std::string empty;
    return col < rows[row].size() ? rows[row][col] : empty;
}

csv_table read_csv(const std::filesystem::path& file) {
    geo::ensure_gdal_registered();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) throw data_error(file.string() + ": file not found");
    const char* const options[] = {"HEADERS=NO", "AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO", nullptr};
    const char* const drivers[] = {"CSV", nullptr};
    geo::gdal_dataset ds(static_cast<GDALDataset*>(
        GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, options, nullptr)));
    if (!ds || ds->GetLayerCount() < 1) throw data_error(file.string() + ": cannot be read as CSV");
    OGRLayer& layer = *ds->GetLayer(0);
    csv_table table;
    table.file = file;
    int fields = layer.GetLayerDefn()->GetFieldCount();
    layer.ResetReading();
    while (geo::ogr_feature f{layer.GetNextFeature()}) {
        std::vector<std::string> row(static_cast<std::size_t>(fields));
        for (int i = 0; i < fields; ++i)
            if (f->IsFieldSetAndNotNull(i)) row[static_cast<std::size_t>(i)] = f->GetFieldAsString(i);
        // A UTF-8 byte-order mark before the first header.
        if (table.rows.empty() && !row.empty() && row[0].rfind("\xEF\xBB\xBF", 0) == 0) row[0].erase(0, 3);
        table.rows.push_back(std::move(row));
    }
    return table;
}

} // namespace naqsha::gazetteer
