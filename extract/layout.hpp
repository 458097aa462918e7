#pragma once
// The parts of an article around its prose: header lines ("date 2020-10-21", "Published 04:20 IST,
// October 22nd 2020"), press-release boilerplate (release numbers, "For Immediate Release"),
// datelines ("KABUL, Afghanistan (Jan. 25, 2013) –"), web leftovers ("Advertisement", photo
// credits), headlines, and the sections of an article that concatenates several releases. Marks
// those tokens so sentences hold only prose, and finds the publication date and each section's
// reference date for relative expressions.
#include "base/calendar.hpp"
#include "extract/text.hpp"

#include <optional>
#include <string>
#include <vector>

namespace naqsha::extract {

struct section_info {
    std::uint32_t first_sentence = 0;
    std::optional<day_number> reference; // the day "yesterday" and "Monday" count from
    std::string reference_from;          // dateline | header | markup | metadata | inherited
    std::string release;                 // press-release number, e.g. 2011-09-S-027
    std::vector<std::string> updates;    // releases this section says it updates
};

struct layout_info {
    std::optional<day_number> published; // none when unknown
    std::string published_from;          // metadata | header | markup | dateline | "" when unknown
    std::vector<section_info> sections;
};

// Marks header and boilerplate tokens, splits sentences, assigns sections, flags headlines, and
// dates everything it can. `metadata_published` (NDJSON or --published) wins over the text;
// `address_published`, the date in the article's web address (NDJSON "url"), counts as markup.
layout_info analyse_layout(document& doc, std::optional<day_number> metadata_published,
                           std::optional<day_number> address_published = {});

} // namespace naqsha::extract
