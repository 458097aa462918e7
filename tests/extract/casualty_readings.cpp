#include "tests/extract/casualty_readings.hpp"

#include "extract/layout.hpp"
#include "extract/mentions.hpp"
#include "extract/tally.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace naqsha::test {

using namespace naqsha::extract;

casualty_figures sentence_figures(const std::string& text) {
    document doc(text);
    analyse_layout(doc, std::nullopt);
    casualty_figures c;
    for (const auto& s : doc.sentences()) {
        auto a = analyse_sentence(doc, s);
        for (const auto& m : a.casualties) {
            if (m.recalled) ++c.recalled;
            if (m.negated) ++c.negated;
            if (m.intent) ++c.intent;
            if (m.subset) ++c.subset;
            if (m.recalled || m.negated || m.intent || m.subset) continue;
            int n = m.direct ? m.direct->low : 0;
            for (auto p : m.phrases)
                if (a.phrases[p].count) n += a.phrases[p].count->low;
            switch (m.field) {
            case lex::field::killed: c.killed += n; break;
            case lex::field::wounded: c.wounded += n; break;
            case lex::field::missing: c.missing += n; break;
            case lex::field::captured: c.captured += n; break;
            case lex::field::none: break;
            }
        }
    }
    return c;
}

casualty_figures incident_figures(const std::string& text) {
    document doc(text);
    analyse_layout(doc, std::nullopt);
    std::vector<sentence_analysis> analyses;
    std::vector<tally_sentence> parts;
    for (std::uint32_t s = 0; s < doc.sentences().size(); ++s) {
        analyses.push_back(analyse_sentence(doc, doc.sentences()[s]));
        tally_sentence ts;
        ts.sentence = s;
        ts.lead = s == 0;
        for (std::uint32_t m = 0; m < analyses.back().casualties.size(); ++m)
            if (!analyses.back().casualties[m].recalled) ts.mentions.push_back(m);
        parts.push_back(ts);
    }
    auto t = tally(doc, [&](std::uint32_t s) -> const sentence_analysis& { return analyses[s]; }, parts);
    casualty_figures c;
    c.killed = t.killed ? t.killed->low : 0;
    c.wounded = t.wounded ? t.wounded->low : 0;
    c.missing = t.missing ? t.missing->low : 0;
    c.captured = t.captured ? t.captured->low : 0;
    return c;
}

} // namespace naqsha::test
