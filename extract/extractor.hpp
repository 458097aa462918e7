#pragma once
// One article in, the events it reports out: dated, located, typed, attributed, with every
// casualty claim and its source. A pure function of its inputs: no global state, safe to call
// from several threads with the same gazetteer.
#include "extract/article.hpp"
#include "extract/event.hpp"
#include "gazetteer/gazetteer.hpp"

#include <optional>
#include <string>
#include <vector>

namespace naqsha::extract {

struct extract_options {
    std::optional<day_number> published; // --published: the day that overrides the article's own
    bool background = true;        // also report events the article only recalls
    bool explain = false;          // fill article_result::explanation
};

struct article_result {
    std::string article;           // the article id
    std::optional<day_number> published; // the day the relative dates count from, none when unknown
    std::string published_from;    // metadata | option | header | markup | dateline | ""
    std::vector<event> events;
    std::vector<area_claim> area_claims; // many-district claims: recorded, never painted
    std::vector<std::string> warnings;
    std::vector<std::string> explanation; // with extract_options::explain: how each sentence was read
};

article_result extract_article(const article& a, const gazetteer::gazetteer& gaz, const extract_options& options = {});

} // namespace naqsha::extract
