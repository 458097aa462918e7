#include "store/mention_spool.hpp"

#include <string>

namespace naqsha::store {

blob_spool::blob_spool()
    : db_(sqlite_db::temporary_t{}),
      insert_((db_.exec("PRAGMA journal_mode = OFF"), db_.exec("PRAGMA synchronous = OFF"),
               db_.exec("CREATE TABLE spool (row INTEGER PRIMARY KEY, record BLOB NOT NULL)"),
               db_.prepare("INSERT INTO spool (row, record) VALUES (?, ?)"))),
      select_(db_.prepare("SELECT record FROM spool WHERE row = ?")) {
    // One transaction for the spool's life: nothing in it must outlive the process.
    db_.exec("BEGIN");
}

std::uint32_t blob_spool::add(std::string_view bytes) {
    insert_.integer(rows_).blob(bytes).insert();
    return rows_++;
}

std::string_view blob_spool::select(std::uint32_t row) const {
    select_.reset();
    select_.integer(row);
    if (!select_.step()) throw std::logic_error("spool: no row " + std::to_string(row));
    return select_.column_blob(0);
}

} // namespace naqsha::store
