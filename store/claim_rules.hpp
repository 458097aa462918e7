#pragma once
// How much weight a source carries when reports disagree: official figures over local and media
// accounts, and any of those over an unverified Taliban claim (docs/store.md#claim-rules).
#include "extract/event.hpp"

namespace naqsha::store {

// Rank of a claim's source_kind when choosing a best casualty estimate:
// official 4, local 3, media 2, unattributed, other or unstated 1, taliban 0.
int casualty_source_rank(extract::attribution_kind kind);

// Rank of who reports that an event happened at all: as casualty_source_rank, except that an unstated
// reporter is the press reporting it as fact, which outranks a Taliban claim but not a named source, and
// an unattributed one (or one of another kind) ranks above it.
int report_source_rank(extract::attribution_kind kind);

} // namespace naqsha::store
