#include "render/compare/comparison.hpp"

#include "render/tiles/slice_content.hpp"
#include "store/calendar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

namespace naqsha::compare {
namespace {

struct verdict_words {
    std::string_view value, label;
};

constexpr std::array<verdict_words, verdict_count> verdict_table{{
    {"agree", "Agree"},
    {"naqsha_more_taliban", "naqsha more Taliban than the reference"},
    {"naqsha_more_government", "naqsha more government than the reference"},
    {"naqsha_no_state", "Reference only (naqsha has no state)"},
    {"reference_no_state", "naqsha only (the reference has no state)"},
}};

// An event's quote can run to a paragraph; the layer keeps enough of it to recognise the sentence.
constexpr std::size_t quote_limit = 200;

std::string shortened(const std::string& text) {
    if (text.size() <= quote_limit) return text;
    std::size_t cut = quote_limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut; // not inside a UTF-8 character
    return text.substr(0, cut) + "...";
}

// "since 2021-06-21, from events: 2021-06-21 district_seizure "..." (article-1, article-2) | ...".
std::string evidence_of(const store::control_interval& iv, const store::map_events& all,
                        const std::unordered_map<std::string_view, const store::map_event*>& events) {
    std::string out = fmt::format("since {}, from {}", iso_date(iv.start_day),
                                  iv.basis == store::control_basis::unstated ? "events" : store::to_string(iv.basis));
    if (!iv.source.empty()) out += " (" + iv.source + ")";
    std::vector<std::string> items;
    for (const auto& id : iv.event_ids) {
        const auto it = events.find(id);
        if (it == events.end()) {
            items.push_back(id);
            continue;
        }
        const auto e = all.whole(*it->second);
        std::vector<std::string_view> articles;
        for (const auto& s : e.sources) articles.push_back(s.article);
        std::string item = fmt::format("{} {} {}", store::format_iso_day(e.date), extract::to_string(e.type), id);
        if (!e.quote.empty()) item += " \"" + shortened(e.quote) + "\"";
        if (!articles.empty()) item += fmt::format(" ({})", fmt::join(articles, ", "));
        items.push_back(std::move(item));
    }
    if (!items.empty()) out += fmt::format(": {}", fmt::join(items, " | "));
    return out;
}

verdict judge(const class_scheme& scheme, std::size_t ours, std::size_t theirs) {
    if (ours == theirs) return verdict::agree;
    return scheme.rank(ours) > scheme.rank(theirs) ? verdict::naqsha_more_taliban : verdict::naqsha_more_government;
}

// Shares of each class among the compared rows, with `weight` per district.
template <class Weight>
class_shares shares_by(const comparison& c, Weight weight) {
    class_shares out{std::vector<double>(c.scheme.size(), 0), std::vector<double>(c.scheme.size(), 0)};
    double total = 0;
    for (const auto& row : c.rows) {
        if (!row.compared()) continue;
        const auto w = weight(row);
        if (!w) continue;
        out.ours[c.scheme.index_of(row.ours->status)] += *w;
        out.theirs[c.scheme.index_of(*row.theirs->status)] += *w;
        total += *w;
    }
    if (total > 0)
        for (std::size_t k = 0; k < c.scheme.size(); ++k) {
            out.ours[k] /= total;
            out.theirs[k] /= total;
        }
    return out;
}

} // namespace

std::string_view to_string(verdict v) { return verdict_table[static_cast<std::size_t>(v)].value; }
std::string_view label_of(verdict v) { return verdict_table[static_cast<std::size_t>(v)].label; }

comparison compare_control(const store::map_state& run, const reference::reference_assessment& reference,
                           const gazetteer::gazetteer& gazetteer, const compare_options& options) {
    comparison c;
    c.date = options.date;
    c.scheme = class_scheme(options.binary);
    c.matrix = confusion_matrix(c.scheme.size());

    const auto districts = gazetteer.districts();
    const auto intervals = tiles::intervals_on(districts, run.control, options.date);
    std::unordered_map<std::string_view, const reference::reference_district*> rated;
    for (const auto& r : reference.districts) rated.emplace(r.pcode, &r);
    std::unordered_map<std::string_view, const store::map_event*> events;
    for (const auto& e : run.events) events.emplace(e.id, &e);

    // Per province, the matrix of its districts.
    std::map<std::string_view, std::pair<const gazetteer::province*, confusion_matrix>> by_province;
    for (std::size_t i = 0; i < districts.size(); ++i) {
        district_row row;
        row.district = &districts[i];
        row.province = &gazetteer.province_of(districts[i]);
        row.ours = intervals[i];
        if (const auto it = rated.find(districts[i].pcode); it != rated.end()) row.theirs = it->second;
        const bool theirs_known = row.theirs != nullptr && row.theirs->status;
        if (row.ours == nullptr && !theirs_known) continue;
        if (row.ours == nullptr) {
            row.outcome = verdict::naqsha_no_state;
            ++c.naqsha_no_state;
        } else if (!theirs_known) {
            row.outcome = verdict::reference_no_state;
            ++c.reference_no_state;
        } else {
            const auto ours = c.scheme.index_of(row.ours->status);
            const auto theirs = c.scheme.index_of(*row.theirs->status);
            row.outcome = judge(c.scheme, ours, theirs);
            c.matrix.add(ours, theirs);
            auto& slot = by_province.try_emplace(row.province->pcode, row.province, confusion_matrix(c.scheme.size())).first->second;
            slot.second.add(ours, theirs);
        }
        if (row.ours != nullptr) row.evidence = evidence_of(*row.ours, run.events, events);
        c.rows.push_back(std::move(row));
    }
    std::sort(c.rows.begin(), c.rows.end(),
              [](const district_row& a, const district_row& b) { return a.district->pcode < b.district->pcode; });
    c.overall = measure_agreement(c.matrix);
    for (const auto& [pcode, slot] : by_province) c.provinces.push_back({slot.first, measure_agreement(slot.second)});

    c.shares.districts = shares_by(c, [](const district_row&) { return std::optional<double>(1.0); });
    c.shares.area = shares_by(c, [](const district_row& r) { return std::optional<double>(r.district->area_km2); });
    if (options.population != nullptr) {
        const auto& people = options.population->by_pcode;
        c.shares.population = shares_by(c, [&](const district_row& r) -> std::optional<double> {
            const auto it = people.find(r.district->pcode);
            if (it == people.end()) return std::nullopt;
            return it->second;
        });
        for (const auto& r : c.rows)
            if (r.compared() && !people.contains(r.district->pcode)) ++c.shares.compared_without_population;
    }
    return c;
}

} // namespace naqsha::compare
