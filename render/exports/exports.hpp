#pragma once
// Event tables in the column sets of the datasets analysts already script against:
//   events.csv       ACLED's export columns (event_date ... fatalities, plus the rest of ACLED's set)
//   events_ucdp.csv  UCDP GED's columns, with best/low/high deaths
// Events without a date or a province cannot be coded by either scheme; they are counted, not written.
#include "render/store/model.hpp"

#include <string>

namespace naqsha::exports {

struct table {
    std::string csv;          // the whole file
    std::size_t rows = 0;     // events written
    std::size_t skipped = 0;  // events left out (no date or no province)
};

table acled_csv(const store::map_state& state);
table ucdp_csv(const store::map_state& state);

} // namespace naqsha::exports
