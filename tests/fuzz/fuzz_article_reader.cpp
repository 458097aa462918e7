// Fuzzes the article reader: byte decoding (BOMs, UTF-16, CR/CRLF, NUL and control bytes, invalid
// UTF-8, emptiness) and the layout pass over the decoded text (headers, datelines, release numbers,
// web leftovers, sentence and section splitting). Scraped pages reach both unfiltered. Beyond not
// crashing: decoded text is clean UTF-8 with LF line ends and decodes to itself again; tokens,
// sentences and sections stay ordered and inside the text; dates are real calendar days.
#include "base/error.hpp"
#include "base/utf8.hpp"
#include "extract/article.hpp"
#include "base/calendar.hpp"
#include "extract/layout.hpp"
#include "extract/text.hpp"
#include "tests/fuzz/fuzz_check.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

namespace ex = naqsha::extract;

namespace {

void check_clean_text(const std::string& text) {
    NAQSHA_FUZZ_CHECK(!text.empty());
    NAQSHA_FUZZ_CHECK(text.find('\0') == std::string::npos);
    NAQSHA_FUZZ_CHECK(text.find('\r') == std::string::npos);
    for (std::size_t i = 0; i < text.size();) {
        auto length = naqsha::utf8_sequence_length(text, i);
        NAQSHA_FUZZ_CHECK(length > 0);
        i += length;
    }
}

void check_day(std::optional<int> day) {
    if (!day) return;
    auto civil = naqsha::civil_from_days(*day);
    NAQSHA_FUZZ_CHECK(naqsha::valid_date(civil.year, civil.month, civil.day));
    NAQSHA_FUZZ_CHECK(naqsha::parse_iso_date(naqsha::iso_date(*day)) == day);
}

void check_layout(const std::string& text, std::optional<int> metadata) {
    ex::document doc(text);
    auto layout = ex::analyse_layout(doc, metadata);
    if (metadata) NAQSHA_FUZZ_CHECK(layout.published == metadata && layout.published_from == "metadata");
    check_day(layout.published);
    if (layout.published) NAQSHA_FUZZ_CHECK(!layout.published_from.empty());

    std::uint32_t previous_end = 0;
    for (const auto& t : doc.tokens()) {
        NAQSHA_FUZZ_CHECK(t.begin < t.end && t.end <= text.size());
        NAQSHA_FUZZ_CHECK(t.begin >= previous_end);
        previous_end = t.end;
    }
    std::uint32_t previous_last = 0, previous_section = 0;
    for (const auto& s : doc.sentences()) {
        NAQSHA_FUZZ_CHECK(s.first < s.last && s.last <= doc.size());
        NAQSHA_FUZZ_CHECK(s.first >= previous_last);
        NAQSHA_FUZZ_CHECK(s.begin <= s.end && s.end <= text.size());
        NAQSHA_FUZZ_CHECK(s.section < layout.sections.size());
        NAQSHA_FUZZ_CHECK(s.section >= previous_section);
        previous_last = s.last;
        previous_section = s.section;
    }
    for (const auto& section : layout.sections) {
        NAQSHA_FUZZ_CHECK(section.first_sentence <= doc.sentences().size());
        check_day(section.reference);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) { return 0; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    std::string text;
    try {
        text = ex::decode_article_text(bytes, "fuzz");
    } catch (const naqsha::input_error& e) {
        NAQSHA_FUZZ_CHECK(std::string(e.what()).rfind("fuzz: ", 0) == 0);
        return 0;
    }
    check_clean_text(text);
    // Decoding is a normalisation: what it produced it accepts again (a leading U+FEFF that
    // survived as text is the one thing a second pass may still strip).
    std::string again;
    try {
        again = ex::decode_article_text(text, "fuzz");
    } catch (const naqsha::input_error& e) {
        std::fprintf(stderr, "decoded text is rejected when decoded again: %s\n", e.what());
        std::abort();
    }
    NAQSHA_FUZZ_CHECK(again == text || (text.rfind("\xEF\xBB\xBF", 0) == 0 && again == text.substr(3)));

    // With and without a publication date from metadata (the first byte picks one, so both paths
    // are explored from the same corpus).
    std::optional<int> metadata;
    if (size > 0 && data[0] % 2 == 0) metadata = naqsha::days_from_civil(2010 + data[0] % 13, 1 + data[0] % 12, 1 + data[0] % 28);
    check_layout(text, metadata);
    return 0;
}
