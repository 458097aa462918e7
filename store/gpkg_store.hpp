#pragma once
// The event store on disk: attribute tables in the run's GeoPackage (out/naqsha.gpkg), written through
// GDAL's GPKG driver so that QGIS, ogrinfo and sqlite3 all read it. Tables (docs/store.md):
//   articles, mentions, events, event_sources, area_claims, summary, naqsha_store_info.
// The map layers (control, incidents, ...) are added to the same file by render/layers.
#include "store/calendar.hpp"
#include "store/catalog.hpp"
#include "store/merge.hpp"
#include "store/model.hpp"

#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace naqsha::store {

// Bumped when the tables or the meaning of a column change. 2: the `time_slices` table; article ids are
// paths relative to the --articles directory (schema 1: file stems; catalog::index_schema1_paths).
inline constexpr int store_schema_version = 2;
// The oldest schema this naqsha reads and migrates (docs/store.md#schema-versions).
inline constexpr int oldest_readable_schema_version = 1;

struct previous_store {
    catalog content;
    int schema_version = 0;           // of the file read; 0 when there was none
    std::vector<std::string> notices; // what the reading changed (a migration)
};

// Reads the articles, mentions and area claims a previous run stored. A missing file gives an empty
// catalog. A store that cannot be read whole (not a regular file, corrupt or truncated, a table or a
// JSON cell that does not parse, a schema newer than this naqsha's) throws store_error naming the file
// and the problem: its articles would be lost if it were replaced, so that is left to the user.
previous_store read_store(const std::filesystem::path& gpkg);

struct store_settings {
    std::optional<day_number> as_of; // map date of the run, also the GeoPackage's last_change stamp
    slice_unit slice = slice_unit::month;
    int contested_days = 0;
    std::string baseline, overrides; // file names given, for the record
};

// Creates `gpkg` (which must not exist) with the store tables, rows in a canonical order so that the
// same content always gives the same bytes. The time_slices and summary tables are created empty:
// write_summaries() fills them once the map state is built. Throws output_error naming the file.
void write_store(const std::filesystem::path& gpkg, const catalog& content, const merge_result& merged,
                 const store_settings& settings);
// The run's time slices (which `naqsha tiles` reads back) and the control summary of each.
void write_summaries(const std::filesystem::path& gpkg, std::span<const time_slice> slices,
                     std::span<const status_summary> summaries);

} // namespace naqsha::store
