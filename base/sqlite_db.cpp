#include "base/sqlite_db.hpp"

#include "base/error.hpp"

#include <utility>

namespace naqsha {

sqlite_db::sqlite_db(const std::filesystem::path& file, bool read_only, std::filesystem::path shown_as)
    : file_(file), shown_as_(shown_as.empty() ? file : std::move(shown_as)), read_only_(read_only) {
    int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOFOLLOW;
    if (sqlite3_open_v2(file.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        // SQLite makes a handle even when opening fails, and no destructor runs for a constructor
        // that throws: close it once the message is taken.
        struct closer {
            sqlite3*& db;
            ~closer() { sqlite3_close(std::exchange(db, nullptr)); }
        } close_after_fail{db_};
        fail("cannot open");
    }
}

sqlite_db::sqlite_db(temporary_t) : file_("(temporary database)"), shown_as_(file_) {
    if (sqlite3_open_v2("", &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
        fail("cannot open");
}

sqlite_db::~sqlite_db() { sqlite3_close(db_); }

void sqlite_db::close() {
    if (sqlite3_close(db_) != SQLITE_OK) fail("cannot close");
    db_ = nullptr;
}

void sqlite_db::fail(std::string_view what) const {
    const std::string reason = db_ ? sqlite3_errmsg(db_) : "out of memory";
    if (read_only_) throw store_error(shown_as_.string() + ": cannot be read: " + reason + " (" + std::string(what) + ")");
    throw output_error(shown_as_.string() + ": " + std::string(what) + ": " + reason);
}

void sqlite_db::exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
}

sqlite_statement sqlite_db::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK)
        fail("cannot prepare " + std::string(sql));
    return sqlite_statement(*this, stmt);
}

sqlite_statement& sqlite_statement::text(std::string_view v) {
    if (v.empty()) return null();
    sqlite3_bind_text(stmt_, next_++, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}

sqlite_statement& sqlite_statement::integer(std::int64_t v) {
    sqlite3_bind_int64(stmt_, next_++, v);
    return *this;
}

sqlite_statement& sqlite_statement::real(double v) {
    sqlite3_bind_double(stmt_, next_++, v);
    return *this;
}

sqlite_statement& sqlite_statement::null() {
    sqlite3_bind_null(stmt_, next_++);
    return *this;
}

sqlite_statement& sqlite_statement::blob(std::string_view bytes) {
    sqlite3_bind_blob64(stmt_, next_++, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    return *this;
}

void sqlite_statement::insert() {
    if (next_ - 1 != sqlite3_bind_parameter_count(stmt_))
        throw std::logic_error("bound " + std::to_string(next_ - 1) + " of " +
                               std::to_string(sqlite3_bind_parameter_count(stmt_)) + " parameters: " + sqlite3_sql(stmt_));
    if (sqlite3_step(stmt_) != SQLITE_DONE) db_->fail("cannot insert a row");
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    next_ = 1;
}

bool sqlite_statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) db_->fail("cannot read");
    return false;
}

void sqlite_statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    next_ = 1;
}

std::string sqlite_statement::column_text(int i) const {
    const auto* p = sqlite3_column_text(stmt_, i);
    return p == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i)));
}

std::optional<std::int64_t> sqlite_statement::column_integer(int i) const {
    if (sqlite3_column_type(stmt_, i) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_int64(stmt_, i);
}

std::optional<double> sqlite_statement::column_real(int i) const {
    if (sqlite3_column_type(stmt_, i) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_double(stmt_, i);
}

std::string_view sqlite_statement::column_blob(int i) const {
    const void* p = sqlite3_column_blob(stmt_, i);
    if (p == nullptr) return {};
    return {static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i))};
}

} // namespace naqsha
