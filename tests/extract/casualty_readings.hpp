#pragma once
// What the casualty grammar alone reads from a text, without the rest of extraction (places, dates,
// incidents): shared by the grammar's tables (rules/*.rules under "read sentences" or "read
// incident") and its unit tests (test_mentions.cpp).
#include <string>

namespace naqsha::test {

struct casualty_figures {
    int killed = 0, wounded = 0, missing = 0, captured = 0;
    // statements read but not counted, by why
    int recalled = 0, negated = 0, intent = 0, subset = 0;
};

// Each sentence read alone (analyse_sentence), the figures of its counted statements summed.
casualty_figures sentence_figures(const std::string& text);

// One incident told over several sentences, the first its lead: the figures the tally keeps.
casualty_figures incident_figures(const std::string& text);

} // namespace naqsha::test
