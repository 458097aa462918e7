#pragma once
// RAII over the SQLite C API for the store's bulk reads and writes (GDAL creates the GeoPackage and
// its tables; rows go through prepared statements, which is many times faster than OGR features).
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace naqsha::store {

class sqlite_statement;

class sqlite_db {
public:
    // Throws output_error (read_only: store_error, for reading is reading a store) naming the file.
    sqlite_db(const std::filesystem::path& file, bool read_only);
    // A private database that SQLite deletes when it is closed: room on disk, in SQLite's temporary
    // directory, for more rows than memory should hold.
    struct temporary_t {};
    explicit sqlite_db(temporary_t);
    ~sqlite_db();
    sqlite_db(const sqlite_db&) = delete;
    sqlite_db& operator=(const sqlite_db&) = delete;

    void exec(const char* sql);
    sqlite_statement prepare(std::string_view sql);
    sqlite3* get() const { return db_; }
    const std::filesystem::path& file() const { return file_; }
    [[noreturn]] void fail(std::string_view what) const;

private:
    std::filesystem::path file_;
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
    std::string column_text(int i) const;
    std::optional<std::int64_t> column_integer(int i) const;
    std::optional<double> column_real(int i) const;
    std::string_view column_blob(int i) const; // valid until the next step()

private:
    const sqlite_db* db_;
    sqlite3_stmt* stmt_;
    int next_ = 1;
};

} // namespace naqsha::store
