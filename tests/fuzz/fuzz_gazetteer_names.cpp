// Fuzzes the gazetteer's name normaliser (tokenize, make_key, skeleton, edit_distance) and matcher
// (lookup, scan, find_province) on the real OCHA/AGCHO gazetteer with arbitrary bytes: scraped text
// reaches all of them. Beyond not crashing, every result must be well-formed: offsets inside the
// input, candidates ranked and scored in [0, 1], indices valid for their kind.
#include "tests/fuzz/fuzz_check.hpp"
#include "tests/fuzz/fuzz_gazetteer.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/names.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gz = naqsha::gazetteer;

namespace {

const gz::gazetteer* gazetteer = nullptr;

void check_tokens(std::string_view text) {
    std::vector<gz::token> tokens;
    std::string folded;
    gz::tokenize(text, tokens, folded);
    std::size_t previous_end = 0;
    std::uint32_t previous_folded_end = 0;
    for (const auto& t : tokens) {
        NAQSHA_FUZZ_CHECK(t.begin < t.end && t.end <= text.size());
        NAQSHA_FUZZ_CHECK(t.begin >= previous_end);
        NAQSHA_FUZZ_CHECK(t.folded_begin < t.folded_end && t.folded_end <= folded.size());
        NAQSHA_FUZZ_CHECK(t.folded_begin >= previous_folded_end);
        previous_end = t.end;
        previous_folded_end = t.folded_end;
    }
}

void check_key(std::string_view text) {
    auto key = gz::make_key(text);
    // Keys are stable: a one-word key is its own key (what the index stores is what a query
    // produces). Several words joined may happen to spell a generic word ("t he"), so those may fold
    // further, but only to nothing.
    if (!key.arabic) {
        auto again = gz::make_key(key.compact);
        if (key.words == 1) NAQSHA_FUZZ_CHECK(again.compact == key.compact);
        else NAQSHA_FUZZ_CHECK(again.compact == key.compact || again.compact.empty());
        auto skel = gz::skeleton(key.compact);
        NAQSHA_FUZZ_CHECK(skel.size() <= key.compact.size());
    }
}

void check_distance(std::string_view text) {
    auto cut = text.find('\n');
    if (cut == std::string_view::npos) cut = text.size() / 2;
    auto a = text.substr(0, cut), b = text.substr(std::min(cut + 1, text.size()));
    for (std::size_t bound : {0u, 1u, 2u, 5u}) {
        auto ab = gz::edit_distance(a, b, bound);
        NAQSHA_FUZZ_CHECK(ab <= bound + 1);
        NAQSHA_FUZZ_CHECK(ab == gz::edit_distance(b, a, bound));
        if (a.size() <= 63) NAQSHA_FUZZ_CHECK(gz::edit_distance(a, a, bound) == 0);
        if (a == b && a.size() <= 63) NAQSHA_FUZZ_CHECK(ab == 0);
    }
}

void check_candidates(const std::vector<gz::candidate>& found, std::size_t limit) {
    NAQSHA_FUZZ_CHECK(found.size() <= limit);
    double previous = 2;
    for (const auto& c : found) {
        NAQSHA_FUZZ_CHECK(c.score >= 0 && c.score <= 1);
        NAQSHA_FUZZ_CHECK(c.score <= previous);
        previous = c.score;
        switch (c.kind) {
        case gz::level::province:
            NAQSHA_FUZZ_CHECK(c.index < gazetteer->provinces().size());
            NAQSHA_FUZZ_CHECK(gazetteer->provinces()[c.index].pcode == c.pcode);
            break;
        case gz::level::district:
            NAQSHA_FUZZ_CHECK(c.index < gazetteer->districts().size());
            NAQSHA_FUZZ_CHECK(gazetteer->districts()[c.index].pcode == c.pcode);
            break;
        case gz::level::settlement:
            NAQSHA_FUZZ_CHECK(c.index < gazetteer->settlements().size());
            break;
        }
        NAQSHA_FUZZ_CHECK(gazetteer->province_by_pcode(c.province_pcode) != nullptr);
    }
}

void check_lookup(std::string_view text) {
    // First line: the name; second line, when present: the province it is restricted to.
    auto cut = text.find('\n');
    gz::lookup_options options;
    std::string_view name = text.substr(0, cut);
    if (cut != std::string_view::npos) options.province = text.substr(cut + 1);
    options.limit = 1 + text.size() % 20;
    options.include_settlements = text.size() % 3 != 0;
    check_candidates(gazetteer->lookup(name, options), options.limit);
    if (const auto* p = gazetteer->find_province(name)) NAQSHA_FUZZ_CHECK(gazetteer->province_by_pcode(p->pcode) == p);
}

void check_scan(std::string_view text) {
    std::size_t previous_end = 0;
    for (const auto& m : gazetteer->scan(text)) {
        NAQSHA_FUZZ_CHECK(m.begin < m.end && m.end <= text.size());
        NAQSHA_FUZZ_CHECK(m.begin >= previous_end);
        NAQSHA_FUZZ_CHECK(m.surface == text.substr(m.begin, m.end - m.begin));
        NAQSHA_FUZZ_CHECK(!m.candidates.empty());
        check_candidates(m.candidates, ~std::size_t{0});
        previous_end = m.end;
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    gazetteer = &naqsha::fuzz::load_gazetteer("fuzz_gazetteer_names");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    check_tokens(text);
    check_key(text);
    check_distance(text);
    check_lookup(text);
    check_scan(text);
    return 0;
}
