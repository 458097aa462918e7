#pragma once
// The event store on disk: attribute tables in the run's GeoPackage (out/naqsha.gpkg), written through
// GDAL's GPKG driver so that QGIS, ogrinfo and sqlite3 all read it. Tables (docs/store.md):
//   articles, mentions, events, event_sources, area_claims, summary, naqsha_store_info.
// The map layers (control, incidents, ...) are added to the same file by render/layers.
#include "render/store/catalog.hpp"
#include "render/store/merge.hpp"
#include "render/store/model.hpp"

#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace naqsha::store {

// Bumped when the tables change shape; a store of another version is not reused (re-extraction).
inline constexpr int store_schema_version = 1;

struct previous_store {
    catalog content;
    std::vector<std::string> notices; // why (part of) the previous store was not reused
};

// Reads the articles, mentions and area claims a previous run stored. A missing file gives an empty
// catalog; an unreadable or outdated one gives an empty catalog and a notice, never a failure, since
// everything can be extracted again.
previous_store read_store(const std::filesystem::path& gpkg);

struct store_settings {
    std::string as_of;           // map date of the run, also the GeoPackage's last_change stamp
    std::string slice_unit;
    int contested_days = 0;
    std::string baseline, overrides; // file names given, for the record
};

// Creates `gpkg` (which must not exist) with the store tables, rows in a canonical order so that the
// same content always gives the same bytes. The summary table is created empty: write_summaries()
// fills it once the map state is built. Throws output_error naming the file.
void write_store(const std::filesystem::path& gpkg, const catalog& content, const merge_result& merged,
                 const store_settings& settings);
void write_summaries(const std::filesystem::path& gpkg, std::span<const status_summary> summaries);

} // namespace naqsha::store
