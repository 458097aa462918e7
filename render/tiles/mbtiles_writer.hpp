#pragma once
// MBTiles 1.3 (SQLite) output: `map` + `images` tables behind a `tiles` view, so an image shared by many
// tiles (all-one-colour interiors) is stored once. Rows are TMS (flipped from XYZ). The file appears at
// its path only when commit() succeeds.
//
// A writer holds its file open only between begin_batch() and end_batch(): there is one writer per
// layer and time slice, and day slices over a few years once held more files open than the usual
// limit of 1,024 ("unable to open database file").
#include "base/atomic_file.hpp"
#include "base/sqlite_db.hpp"
#include "geo/tile_math.hpp"
#include "base/content_hash.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace naqsha::tiles {

struct mbtiles_metadata {
    std::string name;
    std::string description;
    std::string attribution;
    geo::box bounds;            // WGS84
    int min_zoom = 0, max_zoom = 0;
    std::vector<std::pair<std::string, std::string>> extra; // further name/value rows
};

class mbtiles_writer {
public:
    // Creates the (temporary) file with its tables and metadata, and closes it. Throws output_error
    // naming the file when it cannot be created.
    mbtiles_writer(const std::filesystem::path& target, const mbtiles_metadata& meta);
    ~mbtiles_writer();
    mbtiles_writer(const mbtiles_writer&) = delete;
    mbtiles_writer& operator=(const mbtiles_writer&) = delete;

    // Opens the file for add() (one transaction) until end_batch() closes it again.
    void begin_batch();
    // `xyz` uses XYZ rows; the row stored is the TMS row. Only inside a batch.
    void add(geo::tile_id xyz, std::string_view png, const content_hash& hash);
    void end_batch();
    // Puts the file in place (after the last batch).
    void commit();

    std::size_t tiles() const { return tiles_; }
    std::size_t images() const { return images_; }

private:
    void open();
    void close();
    void write_header(const mbtiles_metadata& meta);
    std::filesystem::path target_;
    atomic_file file_;
    std::optional<sqlite_db> db_; // open between begin_batch() and end_batch() only
    std::optional<sqlite_statement> insert_map_, insert_image_; // after db_: destroyed before it
    std::size_t tiles_ = 0, images_ = 0;
};

// Reads one tile back (XYZ addressing), for tests and tools; empty when absent. Throws store_error when
// the file cannot be read as MBTiles.
std::string read_mbtiles_tile(const std::filesystem::path& file, geo::tile_id xyz);

} // namespace naqsha::tiles
