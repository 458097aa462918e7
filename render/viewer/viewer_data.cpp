#include "render/viewer/viewer_data.hpp"

#include "geo/tile_math.hpp"
#include "render/layers/palette.hpp"
#include "render/tiles/coverage.hpp"
#include "render/tiles/slice_content.hpp"
#include "render/tiles/zoom_geometry.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace naqsha::viewer {
namespace {

using json = nlohmann::json;

// One character per district and slice in the state table: the status's first letter, '.' for none.
constexpr char no_information = '.';
char status_code(store::control_status s) { return render::style_of(s).value.front(); }

std::string hex_of(render::rgba c) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out = "#";
    for (std::uint8_t v : {c.r, c.g, c.b}) {
        out += digits[v >> 4];
        out += digits[v & 15];
    }
    return out;
}

// Strings that repeat are sent once, in a list, and referred to by their place in it: quotes that
// wire copies share, publishers and spokesmen (the `strings` table), and the words of every event
// (types, actors, claim fields: one vocabulary per column), which a hundred thousand events would
// otherwise carry a hundred thousand times.
class string_table {
public:
    int index(std::string_view s) {
        auto [it, added] = index_.try_emplace(std::string(s), int(strings_.size()));
        if (added) strings_.push_back(std::string(s));
        return it->second;
    }
    json to_json() const { return strings_; }

private:
    std::unordered_map<std::string, int> index_;
    std::vector<std::string> strings_;
};

json palette_json() {
    json statuses = json::array();
    for (const auto& st : render::status_styles)
        statuses.push_back({{"code", std::string(1, status_code(st.status))},
                            {"value", st.value},
                            {"label", st.label},
                            {"fill", st.hex}});
    json classes = json::array();
    for (const auto& cls : render::incident_classes)
        classes.push_back({{"min_killed", cls.min_killed}, {"radius", cls.radius_px}, {"label", cls.label}});
    return {{"statuses", statuses},
            {"no_information", {{"code", std::string(1, no_information)}, {"label", "No information"}}},
            {"district_border", {{"colour", hex_of(render::district_border)}, {"width", render::district_border_width_px}}},
            {"province_border", {{"colour", hex_of(render::province_border)}, {"width", render::province_border_width_px}}},
            {"incident",
             {{"fill", render::incident_fill_hex},
              {"fill_opacity", render::incident_fill.a / 255.0},
              {"outline", hex_of(render::incident_outline)},
              {"classes", classes}}}};
}

// Integer global pixels at the geometry zoom: [x0, y0, dx1, dy1, ...]. Rounding moves both ends of a
// shared border the same way, so neighbours still meet; points that round together are dropped.
json encode_arc(const std::vector<geo::point>& points) {
    json out = json::array();
    long px = 0, py = 0;
    bool first = true;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const long x = std::lround(points[i].x), y = std::lround(points[i].y);
        const bool last = i + 1 == points.size();
        if (!first && x == px && y == py && !(last && out.size() < 4)) continue;
        out.push_back(first ? x : x - px);
        out.push_back(first ? y : y - py);
        px = x;
        py = y;
        first = false;
    }
    return out;
}

json geometry_json(const tiles::coverage& cov, const tiles::zoom_geometry& zg, viewer_data_report& report) {
    json arcs = json::array();
    std::string province_arcs;
    for (std::size_t a = 0; a < zg.arcs.size(); ++a) {
        arcs.push_back(encode_arc(zg.arcs[a]));
        report.vertices += arcs.back().size() / 2;
        province_arcs += cov.province_arc[a] ? '1' : '0';
    }
    report.arcs = zg.arcs.size();
    return {{"zoom", zg.z}, {"tile_size", zg.tile_size}, {"arcs", arcs}, {"province_arcs", province_arcs}};
}

// Rings as arc references, TopoJSON's way: ~i (that is -i-1) is arc i reversed.
json rings_json(const std::vector<std::vector<tiles::arc_use>>& rings) {
    json out = json::array();
    for (const auto& ring : rings) {
        json refs = json::array();
        for (const auto& use : ring) refs.push_back(use.reversed ? -std::int64_t(use.arc) - 1 : std::int64_t(use.arc));
        out.push_back(refs);
    }
    return out;
}

struct pixel_projector {
    int zoom;
    json operator()(geo::point lon_lat) const {
        geo::point p = lon_lat;
        geo::to_web_mercator({&p, 1});
        const auto px = geo::mercator_to_pixel(p, zoom);
        return {std::lround(px.x), std::lround(px.y)};
    }
};

// -1 when unknown, the number when every source agrees, else [low, best, high].
json count_json(const std::optional<extract::count_range>& c) {
    if (!c) return -1;
    if (c->low == c->best && c->best == c->high) return c->best;
    return {c->low, c->best, c->high};
}

json count_json(const extract::count_range& c) { return count_json(std::optional<extract::count_range>(c)); }

// P-code -> position in the gazetteer's order, which is the order of every per-district table.
struct place_index {
    std::unordered_map<std::string_view, int> districts, provinces;

    place_index(std::span<const gazetteer::district> d, std::span<const gazetteer::province> p) {
        for (std::size_t i = 0; i < d.size(); ++i) districts.emplace(d[i].pcode, int(i));
        for (std::size_t i = 0; i < p.size(); ++i) provinces.emplace(p[i].pcode, int(i));
    }
    static int of(const std::unordered_map<std::string_view, int>& index, std::string_view pcode) {
        auto it = index.find(pcode);
        return it == index.end() ? -1 : it->second;
    }
    int district(const std::optional<extract::place_ref>& place) const { return place ? of(districts, place->pcode) : -1; }
    int province(const std::optional<extract::place_ref>& place) const { return place ? of(provinces, place->pcode) : -1; }
};

// Every event, in the map state's order, with its claims and sources, and the number of articles per
// publisher for the attribution.
struct event_tables {
    json rows = json::array();
    std::unordered_map<std::string_view, int> index; // event id -> row
    string_table strings, types, sub_types, precisions, actors, controls, fields, kinds, subjects;
    json publishers = json::array();

    event_tables(std::span<const store::merged_event> events, const place_index& places) {
        std::map<std::string, std::string> publisher_of_article;
        for (const auto& e : events) {
            index.emplace(e.id, int(rows.size()));
            json claims = json::array();
            for (const auto& c : e.claims)
                claims.push_back({fields.index(c.field), count_json(c.value), strings.index(c.source),
                                  kinds.index(c.source_kind), subjects.index(c.subject)});
            json sources = json::array();
            for (const auto& src : e.sources) {
                sources.push_back({strings.index(src.source), src.url, src.published, strings.index(src.quote), src.article});
                publisher_of_article.emplace(src.article, src.source);
            }
            rows.push_back({e.date,
                            e.date_end == e.date ? std::string() : e.date_end,
                            types.index(extract::to_string(e.type)),
                            sub_types.index(e.sub_type),
                            places.district(e.district),
                            places.province(e.province),
                            precisions.index(extract::to_string(e.geo_prec)),
                            e.background ? 1 : 0,
                            count_json(e.killed),
                            count_json(e.wounded),
                            count_json(e.missing),
                            count_json(e.captured),
                            actors.index(e.who.perpetrator),
                            actors.index(e.who.target),
                            strings.index(e.reported_by),
                            controls.index(e.control),
                            claims,
                            sources});
        }
        std::map<std::string, int> articles;
        for (const auto& [article, publisher] : publisher_of_article) ++articles[publisher];
        for (const auto& [name, count] : articles) publishers.push_back({name, count});
    }

    json vocabulary() const {
        return {{"type", types.to_json()},       {"sub_type", sub_types.to_json()}, {"precision", precisions.to_json()},
                {"actor", actors.to_json()},     {"control", controls.to_json()},   {"field", fields.to_json()},
                {"source_kind", kinds.to_json()}, {"subject", subjects.to_json()}};
    }
};

// The control history of each district, oldest first, with the events behind each interval.
json history_json(std::span<const store::control_interval> control, const place_index& places,
                  const event_tables& events, std::size_t districts) {
    std::vector<json> history(districts, json::array());
    for (const auto& iv : control) {
        const int d = place_index::of(places.districts, iv.pcode);
        if (d < 0) continue;
        json supporting = json::array();
        for (const auto& id : iv.event_ids)
            if (auto e = events.index.find(id); e != events.index.end()) supporting.push_back(e->second);
        history[std::size_t(d)].push_back({std::string(1, status_code(iv.status)), iv.start_date, iv.end_date, iv.basis,
                                           iv.source, supporting});
    }
    for (auto& h : history)
        std::stable_sort(h.begin(), h.end(), [](const json& a, const json& b) { return a[1] < b[1]; });
    return history;
}

// Per slice: the date it shows, every district's status in one string, and the incidents dated within
// it as the tiles draw them. Incidents at one place (a district's representative point) share one
// entry of `points`.
struct slice_tables {
    json rows = json::array();
    json points = json::array();

    slice_tables(const store::map_state& state, std::span<const gazetteer::district> districts,
                 std::span<const gazetteer::province> provinces, const event_tables& events, const pixel_projector& to_pixel) {
        std::map<std::pair<double, double>, int> point_index;
        for (const auto& slice : tiles::slices_to_render(state)) {
            std::string codes;
            for (const auto& s : tiles::control_on(districts, state.control, slice.end_date))
                codes += s ? status_code(*s) : no_information;
            json incidents = json::array();
            for (const auto& point : tiles::incidents_in(districts, provinces, state.events, slice).points) {
                const auto [it, added] =
                    point_index.try_emplace(std::pair{point.lon_lat.x, point.lon_lat.y}, int(points.size()));
                if (added) points.push_back(to_pixel(point.lon_lat));
                incidents.push_back(events.index.at(point.event_id));
                incidents.push_back(it->second);
                incidents.push_back(point.size_class);
            }
            rows.push_back({slice.label, slice.start_date, slice.end_date, tiles::slice_map_date(slice, state.as_of), codes,
                            incidents});
        }
    }
};

} // namespace

std::string viewer_data_script(const store::map_state& state, std::span<const gazetteer::district> districts,
                               std::span<const gazetteer::province> provinces, const viewer_data_options& options,
                               viewer_data_report* report_out) {
    viewer_data_report report;
    const pixel_projector to_pixel{options.geometry_zoom};
    const tiles::coverage cov = tiles::prepare_coverage(districts);
    const tiles::zoom_geometry zg = tiles::simplify_for_zoom(cov.topo, options.geometry_zoom, 256, options.simplify_px);
    const place_index places(districts, provinces);

    json district_rows = json::array();
    for (std::size_t i = 0; i < districts.size(); ++i) {
        const auto& d = districts[i];
        district_rows.push_back({d.pcode, d.name, d.province_index, to_pixel(d.interior), rings_json(cov.topo.faces[i])});
    }
    json province_rows = json::array();
    for (const auto& p : provinces) province_rows.push_back({p.pcode, p.name});
    event_tables events(state.events, places);
    slice_tables slices(state, districts, provinces, events, to_pixel);
    report.districts = districts.size();
    report.events = events.rows.size();
    report.slices = slices.rows.size();

    // The tables are moved into the document, not copied: for 50,000 articles a copy of the events'
    // rows alone is 70 MB, at the run's peak.
    json data = {
        {"format", 1},
        {"as_of", state.as_of},
        {"slice_unit", state.slice_unit},
        {"boundaries", options.boundaries},
        {"publishers", events.publishers},
        {"palette", palette_json()},
        {"geometry", geometry_json(cov, zg, report)},
        {"district_columns", {"pcode", "name", "province", "label_point", "rings"}},
        {"districts", std::move(district_rows)},
        {"province_columns", {"pcode", "name"}},
        {"provinces", std::move(province_rows)},
        {"slice_columns", {"label", "start", "end", "date", "states", "incidents"}},
        {"incident_columns", {"event", "point", "size_class"}},
        {"slices", std::move(slices.rows)},
        {"points", std::move(slices.points)},
        {"history_columns", {"status", "start", "end", "basis", "source", "events"}},
        {"history", history_json(state.control, places, events, districts.size())},
        {"event_columns",
         {"date", "date_end", "type", "sub_type", "district", "province", "precision", "background", "killed", "wounded",
          "missing", "captured", "perpetrator", "target", "reported_by", "control", "claims", "sources"}},
        {"claim_columns", {"field", "value", "source", "source_kind", "subject"}},
        {"source_columns", {"publisher", "url", "published", "quote", "article"}},
        {"vocabulary", events.vocabulary()},
        {"events", std::move(events.rows)},
        {"strings", events.strings.to_json()},
    };
    if (report_out != nullptr) *report_out = report;
    return "// Generated by naqsha run: the data of index.html (a script, since a page opened from disk cannot fetch JSON).\n"
           "window.NAQSHA_DATA = " +
           data.dump(-1, ' ', false, json::error_handler_t::replace) + ";\n";
}

} // namespace naqsha::viewer
