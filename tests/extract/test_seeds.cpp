// The facts about the five seed reports (../shared/corpus/seeds) that rules/seeds.rules cannot
// write as a table: a claim found by the words it quotes, a warning, an order of confidence, and
// the extraction's purity. The events and their figures are in rules/seeds.rules.
#include "base/atomic_file.hpp"
#include "base/calendar.hpp"
#include "base/paths.hpp"
#include "extract/extractor.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace naqsha::extract;

namespace {

const naqsha::gazetteer::gazetteer& gaz() {
    static const auto g = naqsha::gazetteer::gazetteer::load();
    return g;
}

article read_seed(const std::string& file) {
    auto path = naqsha::sample_corpus_dir() / file;
    article a;
    a.id = path.stem().string();
    a.path = path.string();
    a.text = decode_article_text(naqsha::read_file(path), a.path);
    return a;
}

article_result extract_seed(const std::string& file) { return extract_article(read_seed(file), gaz(), {}); }

const event* in_district(const article_result& r, const char* pcode) {
    for (const auto& e : r.events)
        if (e.district && e.district->pcode == pcode && !e.background) return &e;
    return nullptr;
}

} // namespace

TEST_CASE("seed 003: the deputy police chief's death is one of the ambush's sources") {
    auto r = extract_seed("003_71abac885cfa549a.txt");
    const event* e = in_district(r, "AF1803");
    REQUIRE(e);
    std::string text = naqsha::read_file(naqsha::sample_corpus_dir() / "003_71abac885cfa549a.txt");
    bool deputy = std::any_of(e->claims.begin(), e->claims.end(), [&](const claim& c) {
        return c.field == casualty_field::killed && text.substr(c.offsets.begin, c.offsets.end - c.offsets.begin).find("deputy police chief") != std::string::npos;
    });
    CHECK(deputy);
}

TEST_CASE("seed 002 without --published: the missing publication date is a warning") {
    auto r = extract_seed("002_b89b20759bfda383.txt");
    REQUIRE_FALSE(r.warnings.empty());
    CHECK(r.warnings.front().find("no publication date") != std::string::npos);
}

TEST_CASE("seed 002 with a publication date that gives no day: a warning names it, and --published overrides it") {
    auto a = read_seed("002_b89b20759bfda383.txt");
    a.unreadable_published = "last Friday";
    auto r = extract_article(a, gaz(), {});
    REQUIRE_FALSE(r.warnings.empty());
    CHECK(r.warnings.front() == "002_b89b20759bfda383: published \"last Friday\" is not an ISO date; ignored");
    CHECK(r.published_from != "metadata");

    extract_options given;
    given.published = naqsha::days_from_civil(2018, 5, 11);
    auto dated = extract_article(a, gaz(), given);
    CHECK(dated.published == given.published);
    CHECK(dated.published_from == "option");
    CHECK(std::none_of(dated.warnings.begin(), dated.warnings.end(),
                       [](const std::string& w) { return w.find("last Friday") != std::string::npos; }));
}

TEST_CASE("seed 000: Chemtal, placed in another province than the text says, is less sure than Sayad") {
    auto r = extract_seed("000_c905fdbc4c1957c1.txt");
    const event* sayad = in_district(r, "AF2202");
    const event* chemtal = in_district(r, "AF2108");
    REQUIRE(sayad);
    REQUIRE(chemtal);
    CHECK(chemtal->confidence < sayad->confidence);
}

TEST_CASE("extraction is a pure function: the same article gives the same events") {
    auto a = extract_seed("001_7f9b9c3711d5355b.txt");
    auto b = extract_seed("001_7f9b9c3711d5355b.txt");
    REQUIRE(a.events.size() == b.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        CHECK(a.events[i].id == b.events[i].id);
        CHECK(a.events[i].killed == b.events[i].killed);
        CHECK(a.events[i].quote == b.events[i].quote);
    }
}
