#include "render/layers/layer_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

namespace naqsha::layers {
namespace {

using gazetteer::district;
using gazetteer::province;

// Joins the distinct non-empty parts, in their first order.
std::string join(const std::vector<std::string>& parts, std::string_view separator = "; ") {
    std::vector<std::string_view> seen;
    std::string out;
    for (const auto& p : parts) {
        if (p.empty() || std::find(seen.begin(), seen.end(), p) != seen.end()) continue;
        seen.push_back(p);
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

const province* province_of(const district& d, std::span<const province> provinces) {
    return d.province_index < provinces.size() ? &provinces[d.province_index] : nullptr;
}

struct places {
    std::unordered_map<std::string_view, const district*> districts;
    std::unordered_map<std::string_view, const province*> provinces;
    reference_areas areas;

    explicit places(const reference_areas& a) : areas(a) {
        for (const auto& d : a.districts) districts.emplace(d.pcode, &d);
        for (const auto& p : a.provinces) provinces.emplace(p.pcode, &p);
    }
    const district* find_district(std::string_view pcode) const {
        if (pcode.empty()) return nullptr;
        auto it = districts.find(pcode);
        return it == districts.end() ? nullptr : it->second;
    }
    const province* find_province(std::string_view pcode) const {
        if (pcode.empty()) return nullptr;
        auto it = provinces.find(pcode);
        return it == provinces.end() ? nullptr : it->second;
    }
    const province* province_of(const district& d) const { return layers::province_of(d, areas.provinces); }
};

// Keeps the first lines in full and counts the rest, so a large batch does not flood the report.
class warning_list {
public:
    explicit warning_list(std::vector<std::string>& out) : out_(out) {}
    void add(std::string line) {
        if (out_.size() < limit) out_.push_back(std::move(line));
        else ++dropped_;
    }
    void finish() {
        if (dropped_ > 0) out_.push_back("... and " + std::to_string(dropped_) + " more");
    }

private:
    static constexpr std::size_t limit = 100;
    std::vector<std::string>& out_;
    std::size_t dropped_ = 0;
};

void add_range(row_builder& row, std::string_view prefix, const std::optional<extract::count_range>& r) {
    std::string name(prefix);
    row.count(name + "_low", r ? std::optional<int>(r->low) : std::nullopt);
    row.count(name + "_best", r ? std::optional<int>(r->best) : std::nullopt);
    row.count(name + "_high", r ? std::optional<int>(r->high) : std::nullopt);
}

std::vector<field_value> incident_row(const layer_definition& def, const store::merged_event& e,
                                      std::string_view location, const district* d, const province* p) {
    std::vector<std::string> names, articles, urls;
    std::optional<day_number> first_published;
    for (const auto& s : e.sources) {
        names.push_back(s.source);
        articles.push_back(s.article);
        urls.push_back(s.url);
        if (s.published) first_published = std::min(first_published.value_or(*s.published), *s.published);
    }
    row_builder row(def);
    row.text("id", e.id).text("type", extract::to_string(e.type)).text("sub_type", extract::to_string(e.sub_type));
    row.add("background", e.background);
    row.date("date", within_iso_years(e.date)).date("date_end", within_iso_years(e.date_end ? e.date_end : e.date));
    row.text("date_precision", extract::to_string(e.date_prec));
    row.text("precision", extract::to_string(e.geo_prec)).text("location", location);
    row.text("district_pcode", d ? std::string_view(d->pcode) : std::string_view{});
    row.text("district", d ? std::string_view(d->name) : std::string_view{});
    row.text("province_pcode", p ? std::string_view(p->pcode) : std::string_view{});
    row.text("province", p ? std::string_view(p->name) : std::string_view{});
    row.text("perpetrator", extract::to_string(e.who.perpetrator)).text("target", extract::to_string(e.who.target));
    row.text("perpetrator_detail", e.who.perpetrator_detail).text("target_detail", e.who.target_detail);
    add_range(row, "killed", e.killed);
    add_range(row, "wounded", e.wounded);
    add_range(row, "missing", e.missing);
    add_range(row, "captured", e.captured);
    row.add("sources", static_cast<std::int64_t>(e.sources.size()));
    row.text("source_names", join(names)).text("articles", join(articles)).text("urls", join(urls));
    row.date("first_published", first_published);
    row.text("control", extract::to_string(e.control));
    row.add("confidence", e.confidence);
    row.text("quote", e.quote);
    return row.done();
}

// A control interval and the district it is drawn on.
struct control_ref {
    const store::control_interval* interval;
    const district* where;
};

feature control_feature(const layer_definition& def, const control_ref& ref, std::span<const province> provinces) {
    const store::control_interval& c = *ref.interval;
    const district& d = *ref.where;
    const province* p = province_of(d, provinces);
    row_builder row(def);
    row.text("pcode", d.pcode).text("district", d.name);
    row.text("province_pcode", p ? std::string_view(p->pcode) : std::string_view{});
    row.text("province", p ? std::string_view(p->name) : std::string_view{});
    row.text("status", store::to_string(c.status));
    row.date("start_date", c.start_day).date("end_date", c.end_day);
    row.text("basis", store::to_string(c.basis)).text("source", c.source);
    row.add("events", static_cast<std::int64_t>(c.event_ids.size()));
    row.text("event_ids", join(c.event_ids, ","));
    row.add("confidence", c.confidence);
    row.text("articles", join(c.articles, ","));
    row.text("quotes", join(c.quotes, "\n"));
    return {{}, &d.shape, row.done()};
}

// A drawn incident: the event, and the district (points only) and province it is drawn in.
struct incident_ref {
    const store::map_event* event;
    const district* in_district;
    const province* in_province;
};

// At its settlement when it has coordinates of its own, else at its district's interior point.
bool placed_exactly(const store::map_event& e) {
    return e.geo_prec == extract::geo_precision::settlement && e.lon && e.lat;
}

// The incident features read each event back whole from `events` as the row is made, so no more than a
// row's worth is held.
feature point_incident(const layer_definition& def, const incident_ref& ref, const store::map_events& events) {
    const auto& e = *ref.event;
    const bool exact = placed_exactly(e);
    const geo::point at = exact ? geo::point{*e.lon, *e.lat} : ref.in_district->interior;
    return {at, nullptr,
            incident_row(def, events.whole(e), exact ? "settlement" : "district point", ref.in_district, ref.in_province)};
}

feature province_incident(const layer_definition& def, const incident_ref& ref, const store::map_events& events) {
    return {{}, &ref.in_province->shape, incident_row(def, events.whole(*ref.event), "province", nullptr, ref.in_province)};
}

// Features made on demand from `refs`, one `make(definition, ref)` each.
template <class Ref, class Make>
feature_list made_from(const layer_definition& def, std::vector<Ref> refs, Make make) {
    const std::size_t count = refs.size();
    return {count, [&def, refs = std::move(refs), make](std::size_t i) { return make(def, refs[i]); }};
}

struct slice_totals {
    std::int64_t events = 0;
    std::optional<extract::count_range> killed, wounded;
};

void accumulate(std::optional<extract::count_range>& total, const std::optional<extract::count_range>& r) {
    if (!r) return;
    if (!total) total.emplace();
    total->low += r->low;
    total->best += r->best;
    total->high += r->high;
}

void widen(std::optional<day_number>& first, std::optional<day_number>& last, std::optional<day_number> from,
           std::optional<day_number> to) {
    if (from) first = std::min(first.value_or(*from), *from);
    if (to) last = std::max(last.value_or(*to), *to);
}

// A slice with its days, for the district totals.
struct dated_slice {
    const store::time_slice* slice;
    day_number first, last;
};

// Control: one feature per district per interval, by P-code and start.
void fill_control(layer_table& table, const store::map_state& state, const reference_areas& areas, const places& where,
                  warning_list& warn, layer_set& set) {
    std::vector<control_ref> drawn;
    std::vector<const store::control_interval*> order;
    for (const auto& c : state.control) order.push_back(&c);
    std::sort(order.begin(), order.end(), [](auto* a, auto* b) {
        return std::tie(a->pcode, a->start_day, a->end_day) < std::tie(b->pcode, b->start_day, b->end_day);
    });
    for (const auto* c : order) {
        auto it = where.districts.find(c->pcode);
        if (it == where.districts.end()) {
            warn.add("control interval " + c->pcode + " from " + iso_date(c->start_day) + ": district not in the gazetteer; left out");
            continue;
        }
        drawn.push_back({c, it->second});
        widen(set.first_day, set.last_day, c->start_day, c->end_day);
    }
    table.features = made_from(*table.definition, std::move(drawn),
                               [provinces = areas.provinces](const layer_definition& def, const control_ref& ref) {
                                   return control_feature(def, ref, provinces);
                               });
}

// The slices that have days, in order.
std::vector<dated_slice> dated_slices(const store::map_state& state) {
    std::vector<dated_slice> slices;
    for (const auto& s : state.slices)
        if (s.first_day && s.last_day) slices.push_back({&s, *s.first_day, *s.last_day});
    std::sort(slices.begin(), slices.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return slices;
}

using district_totals = std::map<std::pair<std::size_t, std::string_view>, std::pair<const district*, slice_totals>>;

// Incidents, at a point in their district, or over their province when no district is known, and
// each slice's totals per district; the events that cannot be drawn are counted and named.
void fill_incidents(layer_table& points_table, layer_table& provinces_table, const store::map_state& state, const places& where,
                    const std::vector<dated_slice>& slices, district_totals& totals, warning_list& warn, layer_set& set) {
    std::vector<const store::map_event*> events;
    for (const auto& e : state.events) events.push_back(&e);
    std::sort(events.begin(), events.end(), [](auto* a, auto* b) { return std::tie(a->date, a->id) < std::tie(b->date, b->id); });
    std::vector<incident_ref> points, imprecise;
    for (const auto* e : events) {
        if (!e->date) {
            ++set.events_not_drawn;
            warn.add(fmt::format("event {}: undated; not drawn", e->id));
            continue;
        }
        const district* d = where.find_district(e->district);
        const province* p = d ? where.province_of(*d) : where.find_province(e->province);
        using gp = extract::geo_precision;
        if ((e->geo_prec == gp::settlement || e->geo_prec == gp::district) && d) {
            points.push_back({e, d, p});
            ++set.incident_points;
            for (std::size_t i = 0; i < slices.size() && slices[i].first <= *e->date; ++i) {
                if (*e->date > slices[i].last) continue;
                auto& [dist, sum] = totals[{i, std::string_view(d->pcode)}];
                dist = d;
                ++sum.events;
                accumulate(sum.killed, e->killed);
                accumulate(sum.wounded, e->wounded);
                break;
            }
        } else if (e->geo_prec != gp::country && p) {
            imprecise.push_back({e, nullptr, p});
            ++set.incidents_province;
        } else {
            ++set.events_not_drawn;
            std::string why = e->geo_prec == gp::country ? "known only to the country" : "its place is not in the gazetteer";
            warn.add(fmt::format("event {}: {}; not drawn", e->id, why));
            continue;
        }
        widen(set.first_day, set.last_day, e->date, e->date_end);
    }
    const store::map_events* all = &state.events;
    points_table.features = made_from(*points_table.definition, std::move(points),
                                      [all](const layer_definition& def, const incident_ref& ref) { return point_incident(def, ref, *all); });
    provinces_table.features = made_from(*provinces_table.definition, std::move(imprecise),
                                         [all](const layer_definition& def, const incident_ref& ref) { return province_incident(def, ref, *all); });
}

// Each slice's incidents and their dead and wounded, per district.
void fill_district_totals(layer_table& table, const district_totals& totals, const std::vector<dated_slice>& slices, const places& where,
                          layer_set& set) {
    for (const auto& [key, value] : totals) {
        const auto& [d, sum] = value;
        const auto& s = slices[key.first];
        const province* p = where.province_of(*d);
        row_builder row(*table.definition);
        row.text("slice", s.slice->label).date("slice_start", s.first).date("slice_end", s.last);
        row.text("pcode", d->pcode).text("district", d->name);
        row.text("province_pcode", p ? std::string_view(p->pcode) : std::string_view{});
        row.text("province", p ? std::string_view(p->name) : std::string_view{});
        row.add("events", sum.events);
        add_range(row, "killed", sum.killed);
        add_range(row, "wounded", sum.wounded);
        table.features.push_back({{}, &d->shape, row.done()});
        widen(set.first_day, set.last_day, s.first, s.last);
    }
}

// The reference layers, by P-code: districts, and provinces with their capitals and district counts.
void fill_districts(layer_table& table, const reference_areas& areas, const places& where) {
    std::vector<const district*> order;
    for (const auto& d : areas.districts) order.push_back(&d);
    std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->pcode < b->pcode; });
    for (const auto* d : order) {
        const province* p = where.province_of(*d);
        row_builder row(*table.definition);
        row.text("pcode", d->pcode).text("name", d->name).text("name_dari", d->name_dari);
        row.text("alternates", join(d->alternates));
        row.text("province_pcode", p ? std::string_view(p->pcode) : std::string_view{});
        row.text("province", p ? std::string_view(p->name) : std::string_view{});
        row.text("province_dari", p ? std::string_view(p->name_dari) : std::string_view{});
        row.positive("area_km2", d->area_km2).positive("population", d->population);
        table.features.push_back({{}, &d->shape, row.done()});
    }
}

void fill_provinces(layer_table& table, const reference_areas& areas, const places& where) {
    std::unordered_map<std::string_view, std::int64_t> district_counts;
    for (const auto& d : areas.districts)
        if (const province* p = where.province_of(d)) ++district_counts[p->pcode];
    std::vector<const province*> order;
    for (const auto& p : areas.provinces) order.push_back(&p);
    std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->pcode < b->pcode; });
    for (const auto* p : order) {
        auto capital = where.districts.find(p->capital_district_pcode);
        row_builder row(*table.definition);
        row.text("pcode", p->pcode).text("name", p->name).text("name_dari", p->name_dari);
        row.text("alternates", join(p->alternates));
        row.text("capital_pcode", p->capital_district_pcode);
        row.text("capital", capital != where.districts.end() ? std::string_view(capital->second->name) : std::string_view{});
        row.add("districts", district_counts[p->pcode]);
        row.positive("area_km2", p->area_km2).positive("population", p->population);
        table.features.push_back({{}, &p->shape, row.done()});
    }
}

} // namespace

const layer_table& layer_set::table(std::string_view name) const {
    for (const auto& t : tables)
        if (t.definition->name == name) return t;
    throw std::out_of_range("no layer table named " + std::string(name));
}

layer_set build_layer_tables(const store::map_state& state, const reference_areas& areas) {
    layer_set set;
    places where(areas);
    warning_list warn(set.warnings);
    for (const auto& p : areas.provinces) set.extent.extend(geo::bounds(p.shape));
    if (set.extent.empty())
        for (const auto& d : areas.districts) set.extent.extend(geo::bounds(d.shape));

    std::unordered_map<std::string_view, layer_table> tables;
    for (const auto& def : layer_catalog()) tables[def.name].definition = &def;
    fill_control(tables["control"], state, areas, where, warn, set);
    const auto slices = dated_slices(state);
    district_totals totals;
    fill_incidents(tables["incidents"], tables["incidents_province"], state, where, slices, totals, warn, set);
    fill_district_totals(tables["incidents_by_district"], totals, slices, where, set);
    fill_districts(tables["districts"], areas, where);
    fill_provinces(tables["provinces"], areas, where);

    const auto as_of = state.as_of;
    widen(set.first_day, set.last_day, as_of, as_of);
    // A background event recalled from years before would stretch the frame back to it, while the
    // tiles and summary.csv start at the first slice: one frame for every output, the slices'.
    if (!slices.empty() && as_of) {
        set.first_day = slices.front().first;
        set.last_day = as_of;
        set.slice_unit = state.slice_unit;
    }
    warn.finish();
    for (const auto& def : layer_catalog()) set.tables.push_back(std::move(tables[def.name]));
    return set;
}

} // namespace naqsha::layers
