#pragma once
// RAII over the SQLite C API, the one way the program talks to SQLite: the store's bulk reads and writes
// (GDAL creates the GeoPackage and its tables; rows go through prepared statements, many times faster
// than OGR features), the MBTiles writer and the GeoPackage layers' final compaction.
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace naqsha {

class sqlite_statement;

class sqlite_db {
public:
    // Opens an existing file, never through a symbolic link (such a file is not the one the caller
    // checked). Failures throw output_error naming `shown_as` (by default the file: a writer of a
    // temporary file names its target), or store_error when read_only, for reading is reading a store.
    sqlite_db(const std::filesystem::path& file, bool read_only, std::filesystem::path shown_as = {});
    // A private database that SQLite deletes when it is closed: room on disk, in SQLite's temporary
    // directory, for more rows than memory should hold.
    struct temporary_t {};
    explicit sqlite_db(temporary_t);
    ~sqlite_db();
    sqlite_db(const sqlite_db&) = delete;
    sqlite_db& operator=(const sqlite_db&) = delete;

    void exec(const char* sql);
    void exec(const std::string& sql) { exec(sql.c_str()); }
    sqlite_statement prepare(std::string_view sql);
    // Rows changed by the last statement (0 for an INSERT OR IGNORE that ignored).
    int changes() const { return sqlite3_changes(db_); }
    // Closes now, throwing if SQLite cannot (statements still open); the destructor closes quietly.
    void close();
    sqlite3* get() const { return db_; }
    const std::filesystem::path& file() const { return file_; }
    [[noreturn]] void fail(std::string_view what) const;

private:
    std::filesystem::path file_;
    std::filesystem::path shown_as_;
    sqlite3* db_ = nullptr;
    bool read_only_ = false;
};

class sqlite_statement {
public:
    sqlite_statement(const sqlite_db& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}
    ~sqlite_statement() { sqlite3_finalize(stmt_); }
    sqlite_statement(sqlite_statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }
    sqlite_statement(const sqlite_statement&) = delete;
    sqlite_statement& operator=(const sqlite_statement&) = delete;

    // Binding, in parameter order; insert() runs the statement and resets it for the next row.
    sqlite_statement& text(std::string_view v);      // "" binds NULL
    sqlite_statement& integer(std::int64_t v);
    sqlite_statement& real(double v);
    sqlite_statement& null();
    sqlite_statement& blob(std::string_view bytes);  // any bytes, "" included
    void insert();

    // Reading: step() until false; columns by index. reset() readies the statement for new bindings.
    bool step();
    void reset();
    int column_count() const { return sqlite3_column_count(stmt_); }
    bool column_is_null(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }
    std::string column_text(int i) const;
    std::optional<std::int64_t> column_integer(int i) const;
    std::optional<double> column_real(int i) const;
    std::string_view column_blob(int i) const; // valid until the next step()

private:
    const sqlite_db* db_;
    sqlite3_stmt* stmt_;
    int next_ = 1;
};

} // namespace naqsha
