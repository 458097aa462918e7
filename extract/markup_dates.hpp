#pragma once
// Publication dates that web pages carry outside their prose: in the page's address
// ("https://example.com/world/2019/06/03/story.html") and in HTML elements
// (<meta property="article:published_time" content="2019-06-03T10:15:00Z">, <time datetime="...">,
// "datePublished" in a page's JSON-LD). Plain byte scans: no regular expressions.
#include "base/calendar.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace naqsha::extract {

// The bytes of markup (an address or an element), which are no prose, and the day they carry, if any.
struct markup_date {
    std::optional<day_number> day;
    std::size_t begin = 0, end = 0;
};

// "/2019/06/03/" or "/20190603/" in an address (the first such path segment); nullopt when none.
std::optional<day_number> date_in_url(std::string_view url);

// Web addresses in the text (from "http://", "https://" or "www." to the next space), each with
// the date its path holds, if any.
std::vector<markup_date> url_dates(std::string_view text);

// The publication date HTML in the text declares: a <meta> whose property, name or itemprop
// speaks of publication ("article:published_time", "datePublished", "pubdate", "date"), a
// "datePublished" field of JSON-LD, or else the first <time datetime="...">. Also every tag's
// byte range, so that markup is kept out of the prose.
struct html_reading {
    std::optional<markup_date> published;
    std::vector<std::pair<std::size_t, std::size_t>> tags;
};
html_reading read_html(std::string_view text);

} // namespace naqsha::extract
