#pragma once
// Event tables in the column sets of the datasets analysts already script against:
//   events.csv       ACLED's export columns (event_date ... fatalities, plus the rest of ACLED's set)
//   events_ucdp.csv  UCDP GED's columns, with best/low/high deaths
// Events without a date or a province cannot be coded by either scheme; they are counted, not written.
#include "render/exports/csv_writer.hpp"
#include "store/model.hpp"

#include <string>

namespace naqsha::exports {

struct table {
    std::size_t rows = 0;       // events written
    std::size_t skipped = 0;    // events left out: no date or no province
    std::size_t not_coded = 0;  // events left out: not what the scheme codes (docs/exports.md)
};

// Each writes its table through `out`, a piece at a time: the whole text would be about as large as
// the merged events themselves (21 MB each for 50,000 articles), held to the end of the run.
table acled_csv(const store::map_state& state, const csv_sink& out);
table ucdp_csv(const store::map_state& state, const csv_sink& out);

} // namespace naqsha::exports
