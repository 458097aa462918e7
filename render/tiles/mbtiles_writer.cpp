#include "render/tiles/mbtiles_writer.hpp"

#include "base/error.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <memory>

namespace naqsha::tiles {

mbtiles_writer::mbtiles_writer(const std::filesystem::path& target, const mbtiles_metadata& meta)
    : target_(target), file_(target) {
    file_.close_descriptor();
    try {
        write_header(meta);
    } catch (...) {
        // no destructor runs for an object whose constructor throws: let go of SQLite here
        release();
        throw;
    }
}

void mbtiles_writer::release() noexcept {
    sqlite3_finalize(insert_map_);
    sqlite3_finalize(insert_image_);
    insert_map_ = insert_image_ = nullptr;
    sqlite3_close(db_);
    db_ = nullptr;
}

void mbtiles_writer::write_header(const mbtiles_metadata& meta) {
    open();
    // A fresh file renamed into place on success: no journal needed.
    exec("PRAGMA page_size=4096;");
    exec("CREATE TABLE metadata (name TEXT, value TEXT);"
         "CREATE UNIQUE INDEX metadata_name ON metadata (name);"
         "CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT);"
         "CREATE UNIQUE INDEX map_index ON map (zoom_level, tile_column, tile_row);"
         "CREATE TABLE images (tile_data BLOB, tile_id TEXT);"
         "CREATE UNIQUE INDEX images_id ON images (tile_id);"
         "CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,"
         " map.tile_row AS tile_row, images.tile_data AS tile_data"
         " FROM map JOIN images ON images.tile_id = map.tile_id;"
         "BEGIN;");
    sqlite3_stmt* raw_stmt = nullptr;
    if (sqlite3_prepare_v2(db_, "INSERT INTO metadata VALUES (?, ?)", -1, &raw_stmt, nullptr) != SQLITE_OK)
        fail("cannot prepare");
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> meta_stmt(raw_stmt, sqlite3_finalize);
    auto put = [&](const std::string& name, const std::string& value) {
        sqlite3_bind_text(meta_stmt.get(), 1, name.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(meta_stmt.get(), 2, value.c_str(), -1, SQLITE_TRANSIENT);
        const int rc = sqlite3_step(meta_stmt.get());
        sqlite3_reset(meta_stmt.get());
        if (rc != SQLITE_DONE) fail("cannot write metadata");
    };
    const auto& b = meta.bounds;
    put("name", meta.name);
    put("format", "png");
    put("type", "overlay");
    put("version", "1.3");
    put("bounds", fmt::format("{:.6f},{:.6f},{:.6f},{:.6f}", b.min_x, b.min_y, b.max_x, b.max_y));
    put("center", fmt::format("{:.6f},{:.6f},{}", (b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2,
                              std::min(meta.max_zoom, std::max(meta.min_zoom, 6))));
    put("minzoom", std::to_string(meta.min_zoom));
    put("maxzoom", std::to_string(meta.max_zoom));
    if (!meta.description.empty()) put("description", meta.description);
    if (!meta.attribution.empty()) put("attribution", meta.attribution);
    for (const auto& [k, v] : meta.extra) put(k, v);
    meta_stmt.reset();
    exec("COMMIT;");
    close();
}

mbtiles_writer::~mbtiles_writer() { release(); }

void mbtiles_writer::open() {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW;
    if (sqlite3_open_v2(file_.temp_path().c_str(), &db_, flags, nullptr) != SQLITE_OK) fail("cannot open");
    exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
}

void mbtiles_writer::close() {
    sqlite3_finalize(insert_map_);
    sqlite3_finalize(insert_image_);
    insert_map_ = insert_image_ = nullptr;
    const int rc = sqlite3_close(db_);
    if (rc != SQLITE_OK) fail("cannot close");
    db_ = nullptr;
}

void mbtiles_writer::begin_batch() {
    open();
    exec("BEGIN;");
    if (sqlite3_prepare_v2(db_, "INSERT INTO map VALUES (?, ?, ?, ?)", -1, &insert_map_, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db_, "INSERT OR IGNORE INTO images VALUES (?, ?)", -1, &insert_image_, nullptr) != SQLITE_OK)
        fail("cannot prepare");
}

void mbtiles_writer::end_batch() {
    exec("COMMIT;");
    close();
}

void mbtiles_writer::exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail("SQL failed");
}

void mbtiles_writer::fail(std::string_view what) {
    std::string message = fmt::format("{}: {}: {}", target_.string(), what, db_ ? sqlite3_errmsg(db_) : "");
    throw output_error(message);
}

void mbtiles_writer::add(geo::tile_id xyz, std::string_view png, const content_hash& hash) {
    const std::string id = hash.hex();
    sqlite3_bind_blob(insert_image_, 1, png.data(), static_cast<int>(png.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert_image_, 2, id.c_str(), static_cast<int>(id.size()), SQLITE_STATIC);
    if (sqlite3_step(insert_image_) != SQLITE_DONE) fail("cannot store a tile image");
    if (sqlite3_changes(db_) > 0) ++images_;
    sqlite3_reset(insert_image_);

    sqlite3_bind_int(insert_map_, 1, xyz.z);
    sqlite3_bind_int(insert_map_, 2, xyz.x);
    sqlite3_bind_int(insert_map_, 3, geo::flip_row(xyz.z, xyz.y));
    sqlite3_bind_text(insert_map_, 4, id.c_str(), static_cast<int>(id.size()), SQLITE_STATIC);
    if (sqlite3_step(insert_map_) != SQLITE_DONE) fail("cannot store a tile");
    sqlite3_reset(insert_map_);
    ++tiles_;
}

void mbtiles_writer::commit() {
    if (db_ != nullptr) end_batch();
    file_.commit();
}

std::string read_mbtiles_tile(const std::filesystem::path& file, geo::tile_id xyz) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw input_error(file.string() + ": cannot open as SQLite");
    }
    sqlite3_stmt* stmt = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?", -1,
                           &stmt, nullptr) == SQLITE_OK) {
        sqlite3_bind_int(stmt, 1, xyz.z);
        sqlite3_bind_int(stmt, 2, xyz.x);
        sqlite3_bind_int(stmt, 3, geo::flip_row(xyz.z, xyz.y));
        if (sqlite3_step(stmt) == SQLITE_ROW)
            out.assign(static_cast<const char*>(sqlite3_column_blob(stmt, 0)),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt, 0)));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}

} // namespace naqsha::tiles
