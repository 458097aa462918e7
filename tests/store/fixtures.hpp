#pragma once
// Events as the extractor reports them, written out by hand for store tests that must not depend on
// extraction quality (the seed-corpus tests in test_run_seeds.cpp cover the real pipeline).
#include "extract/event.hpp"
#include "store/catalog.hpp"
#include "store/district_info.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace naqsha::test {

inline extract::event mention(std::string article, int n, extract::event_type type, std::string date,
                              std::string district_pcode, std::string district_name = "") {
    extract::event e;
    e.article = std::move(article);
    e.id = e.article + "#" + std::to_string(n);
    e.type = type;
    e.date = e.date_end = parse_iso_day(date);
    e.date_prec = extract::date_precision::day;
    if (!district_pcode.empty()) {
        e.province = extract::place_ref{district_pcode.substr(0, 4), ""};
        if (district_pcode.size() > 4) {
            e.district = extract::place_ref{district_pcode, std::move(district_name)};
            e.geo_prec = extract::geo_precision::district;
        } else {
            e.geo_prec = extract::geo_precision::province;
        }
    }
    e.quote = e.id + " quote";
    e.confidence = 0.8;
    return e;
}

inline extract::claim claim(extract::casualty_field field, int low, int best, int high, extract::attribution_kind kind, std::string source = "") {
    extract::claim c;
    c.field = field;
    c.value = {low, best, high};
    c.source = std::move(source);
    c.source_kind = kind;
    c.subject = extract::actor_side::afghan_forces;
    return c;
}

inline store::stored_article article(std::string id, std::string_view published, std::vector<extract::event> events) {
    store::stored_article a;
    a.record.id = std::move(id);
    a.record.content_hash = "hash-of-" + a.record.id;
    a.record.published = parse_iso_day(published);
    for (auto& e : events) a.mentions.push_back({std::move(e), 0});
    return a;
}

// A few real districts (OCHA 2018 P-codes) with round weights.
inline std::vector<store::district_info> some_districts() {
    return {
        {"AF1706", "Baharak", "AF17", 100, 1000},       {"AF1708", "Kohistan", "AF17", 100, 1000},
        {"AF1803", "Baharak", "AF18", 200, 1000},       {"AF1809", "Khwaja Ghar", "AF18", 100, 1000},
        {"AF1906", "Dasht-e-Archi", "AF19", 300, 2000}, {"AF2202", "Sayad", "AF22", 200, 4000},
    };
}

} // namespace naqsha::test
