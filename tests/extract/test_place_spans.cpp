// Where a place name's text starts and ends in the article, at the edges a fuzzer found. The rules
// that read texts into events are tables: rules/*.rules.
#include "extract/extractor.hpp"
#include "extract/layout.hpp"
#include "extract/places.hpp"
#include "extract/text.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

const naqsha::gazetteer::gazetteer& gaz() {
    static const auto g = naqsha::gazetteer::gazetteer::load();
    return g;
}

} // namespace

TEST_CASE("a place name inside the article's last word keeps its own text") {
    // The gazetteer's tokenizer splits "spokesm-e-Archi" where the document keeps one word, so the
    // name starts inside the last token and no token starts at or after it (a fuzzer finding: the
    // name's wider form was read from one token past the end).
    for (std::string text : {"A local government spokesm.-e-Archi", "Fighting in spokesm-e-Archi",
                             "Police in Kunduz said, spokesman-Dasht-e-Archi"}) {
        CAPTURE(text);
        naqsha::extract::document doc(text);
        naqsha::extract::analyse_layout(doc, std::nullopt);
        for (const auto& h : naqsha::extract::find_places(doc, gaz())) {
            CHECK(h.end <= text.size());
            CHECK(h.wide.size() >= h.surface.size());
            CHECK(h.wide.size() <= h.surface.size() + 64);
            CHECK(h.wide.data() + h.wide.size() == text.data() + h.end);
        }
        naqsha::extract::article a;
        a.id = "last-word";
        a.text = text;
        CHECK_NOTHROW(naqsha::extract::extract_article(a, gaz(), {}));
    }
}
