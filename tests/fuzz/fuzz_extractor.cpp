// Fuzzes the extractor end to end on the real OCHA/AGCHO gazetteer: any decodable article must give
// well-formed events. Every figure is an ordered range, every offset lies inside the article, dates
// are ISO days in order, places are real P-codes with the district inside its province and the
// point inside Afghanistan, and every event survives its own NDJSON form unchanged.
#include "base/error.hpp"
#include "extract/article.hpp"
#include "base/calendar.hpp"
#include "extract/event_json.hpp"
#include "extract/extractor.hpp"
#include "gazetteer/gazetteer.hpp"
#include "tests/fuzz/fuzz_check.hpp"
#include "tests/fuzz/fuzz_gazetteer.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <optional>
#include <string>

namespace ex = naqsha::extract;
namespace gz = naqsha::gazetteer;

namespace {

const gz::gazetteer* gazetteer = nullptr;

void check_range(const std::optional<ex::count_range>& r) {
    if (!r) return;
    NAQSHA_FUZZ_CHECK(0 <= r->low && r->low <= r->best && r->best <= r->high);
}

void check_span(const ex::span& s, std::size_t text_size) {
    NAQSHA_FUZZ_CHECK(s.begin <= s.end && s.end <= text_size);
}

void check_dates(const ex::event& e) {
    if (e.date_prec == ex::date_precision::unknown) {
        NAQSHA_FUZZ_CHECK(!e.date);
        return;
    }
    auto first = naqsha::within_iso_years(e.date), last = naqsha::within_iso_years(e.date_end);
    NAQSHA_FUZZ_CHECK(first && last && *first <= *last);
}

void check_place(const ex::event& e) {
    if (e.province) NAQSHA_FUZZ_CHECK(gazetteer->province_by_pcode(e.province->pcode) != nullptr);
    if (e.district) {
        const auto* d = gazetteer->district_by_pcode(e.district->pcode);
        NAQSHA_FUZZ_CHECK(d != nullptr);
        NAQSHA_FUZZ_CHECK(e.province && e.province->pcode == gazetteer->provinces()[d->province_index].pcode);
    }
    NAQSHA_FUZZ_CHECK(e.lon.has_value() == e.lat.has_value());
    if (e.lon) NAQSHA_FUZZ_CHECK(*e.lon > 60 && *e.lon < 75.5 && *e.lat > 29 && *e.lat < 38.6);
}

void check_event(const ex::event& e, const ex::article& a) {
    NAQSHA_FUZZ_CHECK(e.article == a.id);
    NAQSHA_FUZZ_CHECK(e.confidence >= 0 && e.confidence <= 1);
    check_range(e.killed);
    check_range(e.wounded);
    check_range(e.missing);
    check_range(e.captured);
    check_span(e.offsets, a.text.size());
    for (const auto& c : e.claims) {
        check_range(c.value);
        check_span(c.offsets, a.text.size());
    }
    for (const auto& p : e.places) check_span(p.offsets, a.text.size());
    check_dates(e);
    check_place(e);
    auto line = ex::to_json(e);
    NAQSHA_FUZZ_CHECK(line.find('\n') == std::string::npos);
    try {
        NAQSHA_FUZZ_CHECK(ex::to_json(ex::event_from_json(line)) == line);
    } catch (const naqsha::input_error& error) {
        std::fprintf(stderr, "event_from_json rejects what to_json wrote: %s\n%s\n", error.what(), line.c_str());
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    gazetteer = &naqsha::fuzz::load_gazetteer("fuzz_extractor");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ex::article a;
    a.id = "fuzz";
    try {
        a.text = ex::decode_article_text(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
    } catch (const naqsha::input_error&) {
        return 0; // the reader's own harness covers rejected bytes
    }
    ex::extract_options options;
    // Half the inputs get a publication date, so relative dates resolve; the rest exercise the
    // "unknown date" paths.
    if (data[0] % 2 == 0) options.published = naqsha::days_from_civil(2009 + data[0] % 13, 1 + data[0] % 12, 1 + data[0] % 28);
    options.explain = data[0] % 3 == 0;
    auto result = ex::extract_article(a, *gazetteer, options);
    NAQSHA_FUZZ_CHECK(result.article == a.id);
    if (options.published) NAQSHA_FUZZ_CHECK(result.published == options.published);
    for (const auto& e : result.events) check_event(e, a);
    for (const auto& c : result.area_claims) {
        check_span(c.offsets, a.text.size());
        if (c.districts && c.of_districts) NAQSHA_FUZZ_CHECK(*c.districts >= 0 && *c.of_districts >= 0);
        auto line = ex::to_json(c);
        NAQSHA_FUZZ_CHECK(ex::to_json(ex::area_claim_from_json(line)) == line);
    }
    return 0;
}
