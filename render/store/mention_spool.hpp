#pragma once
// Whole mentions on disk, by row: a store of hundreds of thousands of mentions would otherwise hold
// about 2 KB of each in memory from reading until the store is written. The catalog keeps only what
// merging compares (mention_key.hpp) and reads a mention back when a merged event or a row needs it.
#include "extract/event.hpp"
#include "base/sqlite_db.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace naqsha::store {

class mention_spool {
public:
    mention_spool();
    mention_spool(const mention_spool&) = delete;
    mention_spool& operator=(const mention_spool&) = delete;

    // Every field is kept exactly (doubles bit for bit), so a mention read back is the one added.
    std::uint32_t add(const extract::event& mention);
    extract::event read(std::uint32_t row) const;
    std::uint32_t size() const { return rows_; }

private:
    sqlite_db db_;
    sqlite_statement insert_;
    mutable sqlite_statement select_;
    std::string buffer_;
    std::uint32_t rows_ = 0;
};

} // namespace naqsha::store
