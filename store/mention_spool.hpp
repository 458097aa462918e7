#pragma once
// Records on disk, by row, in a private temporary SQLite database (SQLite deletes it when it is closed,
// and keeps only its page cache in memory). A store of hundreds of thousands of mentions would
// otherwise hold about 2 KB of each in memory from reading until the store is written, and its merged
// events about 1.5 KB each of sources, claims and quotes until the map is written. The catalog keeps of
// a mention only what merging compares (mention_key.hpp) and reads it back when a merged event or a
// row needs it; a merged event is kept whole in another, and in memory only what the map draws
// (event_spool.hpp, map_event in model.hpp).
#include "extract/event.hpp"
#include "base/sqlite_db.hpp"
#include "store/spool_codec.hpp"

#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>

namespace naqsha::store {

// Rows of bytes. Reading is serialised: the layer writers make rows on two threads.
class blob_spool {
public:
    blob_spool();
    blob_spool(const blob_spool&) = delete;
    blob_spool& operator=(const blob_spool&) = delete;

    std::uint32_t add(std::string_view bytes);
    // Calls `use` with the bytes of `row`, which are valid only during the call.
    template <typename Use>
    void read(std::uint32_t row, Use&& use) const {
        std::lock_guard lock(reading_);
        use(select(row));
        select_.reset();
    }
    std::uint32_t size() const { return rows_; }

private:
    std::string_view select(std::uint32_t row) const;

    sqlite_db db_;
    sqlite_statement insert_;
    mutable sqlite_statement select_;
    mutable std::mutex reading_;
    std::uint32_t rows_ = 0;
};

// Records of one type, each field kept exactly (spool_codec.hpp), so a record read back is the one added.
template <typename Record>
class record_spool {
public:
    std::uint32_t add(const Record& record) {
        buffer_.clear();
        spool_codec::encoder out(buffer_);
        fields(out, record);
        return rows_.add(buffer_);
    }
    Record read(std::uint32_t row) const {
        Record record;
        rows_.read(row, [&](std::string_view bytes) {
            spool_codec::decoder in(bytes);
            fields(in, record);
            if (!in.done()) throw std::logic_error("spool: a row is longer than its record");
        });
        return record;
    }
    std::uint32_t size() const { return rows_.size(); }

private:
    blob_spool rows_;
    std::string buffer_;
};

using mention_spool = record_spool<extract::event>;

} // namespace naqsha::store
