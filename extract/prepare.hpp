#pragma once
// The indexes extraction builds on first use, built now: the gazetteer's name index and the
// lexicon's tables (its words and WordNet's nouns for people). A process builds them once whichever
// way; extract_article builds them on its first article unless this ran before. A caller that times
// articles (bench/bench_extract) calls it first, so that one-time setup is timed with the
// gazetteer's load rather than charged to the first articles.
#include "gazetteer/gazetteer.hpp"

namespace naqsha::extract {

void prepare_extraction(const gazetteer::gazetteer& gaz);

} // namespace naqsha::extract
