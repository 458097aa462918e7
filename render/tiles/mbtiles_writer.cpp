#include "render/tiles/mbtiles_writer.hpp"

#include "base/error.hpp"

#include <fmt/format.h>

namespace naqsha::tiles {

mbtiles_writer::mbtiles_writer(const std::filesystem::path& target, const mbtiles_metadata& meta)
    : target_(target), file_(target) {
    file_.close_descriptor();
    write_header(meta);
}

void mbtiles_writer::write_header(const mbtiles_metadata& meta) {
    open();
    // A fresh file renamed into place on success: no journal needed.
    db_->exec("PRAGMA page_size=4096;");
    db_->exec("CREATE TABLE metadata (name TEXT, value TEXT);"
              "CREATE UNIQUE INDEX metadata_name ON metadata (name);"
              "CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT);"
              "CREATE UNIQUE INDEX map_index ON map (zoom_level, tile_column, tile_row);"
              "CREATE TABLE images (tile_data BLOB, tile_id TEXT);"
              "CREATE UNIQUE INDEX images_id ON images (tile_id);"
              "CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,"
              " map.tile_row AS tile_row, images.tile_data AS tile_data"
              " FROM map JOIN images ON images.tile_id = map.tile_id;"
              "BEGIN;");
    {
        auto insert_metadata = db_->prepare("INSERT INTO metadata VALUES (?, ?)");
        auto put = [&](const std::string& name, const std::string& value) { insert_metadata.text(name).text(value).insert(); };
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
    }
    db_->exec("COMMIT;");
    close();
}

mbtiles_writer::~mbtiles_writer() = default;

void mbtiles_writer::open() {
    // Errors name the target, not the temporary file that becomes it.
    db_.emplace(file_.temp_path(), false, target_);
    db_->exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
}

void mbtiles_writer::close() {
    insert_map_.reset();
    insert_image_.reset();
    db_->close();
    db_.reset();
}

void mbtiles_writer::begin_batch() {
    open();
    db_->exec("BEGIN;");
    insert_map_.emplace(db_->prepare("INSERT INTO map VALUES (?, ?, ?, ?)"));
    insert_image_.emplace(db_->prepare("INSERT OR IGNORE INTO images VALUES (?, ?)"));
}

void mbtiles_writer::end_batch() {
    db_->exec("COMMIT;");
    close();
}

void mbtiles_writer::add(geo::tile_id xyz, std::string_view png, const content_hash& hash) {
    const std::string id = hash.hex();
    insert_image_->blob(png).text(id).insert();
    if (db_->changes() > 0) ++images_;
    insert_map_->integer(xyz.z).integer(xyz.x).integer(geo::flip_row(xyz.z, xyz.y)).text(id).insert();
    ++tiles_;
}

void mbtiles_writer::commit() {
    if (db_) end_batch();
    file_.commit();
}

std::string read_mbtiles_tile(const std::filesystem::path& file, geo::tile_id xyz) {
    sqlite_db db(file, true);
    auto select = db.prepare("SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?");
    select.integer(xyz.z).integer(xyz.x).integer(geo::flip_row(xyz.z, xyz.y));
    return select.step() ? std::string(select.column_blob(0)) : std::string();
}

} // namespace naqsha::tiles
