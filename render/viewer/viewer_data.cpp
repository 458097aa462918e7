#include "render/viewer/viewer_data.hpp"

#include "geo/tile_math.hpp"
#include "render/palette/palette.hpp"
#include "render/tiles/coverage.hpp"
#include "render/tiles/slice_content.hpp"
#include "render/tiles/zoom_geometry.hpp"
#include "render/viewer/event_rows.hpp"
#include "store/calendar.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <map>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace naqsha::viewer {
namespace {

using json = nlohmann::json;

// One character per district and slice in the state table: the status's first letter, '.' for none.
constexpr char no_information = '.';
char status_code(store::control_status s) { return store::to_string(s).front(); }

std::string hex_of(render::rgba c) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out = "#";
    for (std::uint8_t v : {c.r, c.g, c.b}) {
        out += digits[v >> 4];
        out += digits[v & 15];
    }
    return out;
}

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

// Gathers the text into pieces of about a megabyte for the sink (a file), which is then called a few
// times rather than once per event.
class chunked_output {
public:
    explicit chunked_output(const text_sink& sink) : sink_(sink) {}
    chunked_output(const chunked_output&) = delete;
    chunked_output& operator=(const chunked_output&) = delete;

    void put(std::string_view text) {
        buffer_ += text;
        if (buffer_.size() >= chunk_bytes) flush();
    }
    void flush() {
        if (!buffer_.empty()) sink_(buffer_);
        buffer_.clear();
    }

private:
    static constexpr std::size_t chunk_bytes = std::size_t{1} << 20;
    const text_sink& sink_;
    std::string buffer_;
};

// Strings that repeat are sent once, in a list, and referred to by their place in it: quotes that
// wire copies share, publishers and spokesmen (the `strings` table), and the words of every event
// (types, actors, claim fields: one vocabulary per column), which a hundred thousand events would
// otherwise carry a hundred thousand times. Each string is held once: the index looks at the list's.
class string_table {
public:
    int index(std::string_view s) {
        if (auto it = index_.find(s); it != index_.end()) return it->second;
        strings_.emplace_back(s);
        const int at = int(strings_.size()) - 1;
        index_.emplace(strings_.back(), at);
        return at;
    }
    json to_json() const { return json(std::vector<std::string>(strings_.begin(), strings_.end())); }
    // The list as a JSON array, a string at a time: the `strings` table holds every quote.
    void write(chunked_output& out) const {
        out.put("[");
        for (std::size_t i = 0; i < strings_.size(); ++i) {
            if (i > 0) out.put(",");
            out.put(dump(strings_[i]));
        }
        out.put("]");
    }

private:
    std::deque<std::string> strings_; // a deque: adding a string moves none, so the index's views stay valid
    std::unordered_map<std::string_view, int> index_;
};

json palette_json() {
    json statuses = json::array();
    for (const auto& st : render::status_styles)
        statuses.push_back({{"code", std::string(1, status_code(st.status))},
                            {"value", store::to_string(st.status)},
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

// The number of articles per publisher, for the attribution: an article counts for the first publisher
// named with it. Every source is listed as it is named (each event's sources are read back for the
// loop, map_state::whole, and gone after it): its article's id in one text and its publisher's number,
// 16 bytes and the id's. A map of every article's id and publisher as strings was about 110 bytes an
// article, 30 MB for 500,000 articles at the end of the run.
json publishers_json(const store::map_state& state) {
    struct named {
        std::uint64_t at = 0; // the article's id in `ids`
        std::uint32_t size = 0, publisher = 0;
    };
    std::string ids;
    std::vector<named> sources;
    std::map<std::string, std::uint32_t, std::less<>> publisher_numbers;
    for (const auto& e : state.events)
        for (const auto& src : state.whole(e).sources) {
            const auto publisher =
                publisher_numbers.try_emplace(src.source, static_cast<std::uint32_t>(publisher_numbers.size())).first->second;
            sources.push_back({ids.size(), static_cast<std::uint32_t>(src.article.size()), publisher});
            ids += src.article;
        }
    const auto id_of = [&](const named& n) { return std::string_view(ids).substr(n.at, n.size); };
    // By article, and for one article in the order named (`at` grows with it): the first is its publisher's.
    std::sort(sources.begin(), sources.end(), [&](const named& a, const named& b) {
        const auto x = id_of(a), y = id_of(b);
        return x != y ? x < y : a.at < b.at;
    });
    std::vector<int> articles(publisher_numbers.size(), 0);
    for (std::size_t i = 0; i < sources.size(); ++i)
        if (i == 0 || id_of(sources[i]) != id_of(sources[i - 1])) ++articles[sources[i].publisher];
    json publishers = json::array();
    for (const auto& [name, number] : publisher_numbers)
        if (articles[number] > 0) publishers.push_back({name, articles[number]});
    return publishers;
}

// Every event, in the map state's order, with its claims and sources. Each row is written as it is
// made, never held: the rows of every event came to 70 MB for 50,000 articles. What the rows refer to,
// the string tables, is kept for the tables written after them; an event's row is its place in the
// state's order (event_rows finds it by id).
struct event_tables {
    std::size_t rows = 0;
    string_table strings, types, sub_types, precisions, actors, controls, fields, kinds, subjects;

    // The rows as a JSON array.
    void write(const store::map_state& state, const place_index& places, chunked_output& out) {
        out.put("[");
        for (const auto& e : state.events) {
            if (rows++ > 0) out.put(",");
            out.put(dump(row_of(state.whole(e), places)));
        }
        out.put("]");
    }

    json row_of(const store::merged_event& e, const place_index& places) {
        json claims = json::array();
        for (const auto& c : e.claims)
            claims.push_back({fields.index(extract::to_string(c.field)), count_json(c.value), strings.index(c.source),
                              kinds.index(extract::to_string(c.source_kind)), subjects.index(extract::to_string(c.subject))});
        json sources = json::array();
        for (const auto& src : e.sources)
            sources.push_back({strings.index(src.source), src.url, store::format_iso_day(src.published), strings.index(src.quote), src.article});
        return {store::format_iso_day(e.date),
                e.date_end == e.date ? std::string() : store::format_iso_day(e.date_end),
                types.index(extract::to_string(e.type)),
                sub_types.index(extract::to_string(e.sub_type)),
                places.district(e.district),
                places.province(e.province),
                precisions.index(extract::to_string(e.geo_prec)),
                e.background ? 1 : 0,
                count_json(e.killed),
                count_json(e.wounded),
                count_json(e.missing),
                count_json(e.captured),
                actors.index(extract::to_string(e.who.perpetrator)),
                actors.index(extract::to_string(e.who.target)),
                strings.index(e.reported_by),
                controls.index(extract::to_string(e.control)),
                claims,
                sources};
    }

    json vocabulary() const {
        return {{"type", types.to_json()},       {"sub_type", sub_types.to_json()}, {"precision", precisions.to_json()},
                {"actor", actors.to_json()},     {"control", controls.to_json()},   {"field", fields.to_json()},
                {"source_kind", kinds.to_json()}, {"subject", subjects.to_json()}};
    }
};

// The control history of each district, oldest first, with the events behind each interval.
json history_json(std::span<const store::control_interval> control, const place_index& places,
                  const event_rows& event_row, std::size_t districts) {
    std::vector<json> history(districts, json::array());
    for (const auto& iv : control) {
        const int d = place_index::of(places.districts, iv.pcode);
        if (d < 0) continue;
        json supporting = json::array();
        for (const auto& id : iv.event_ids)
            if (const auto row = event_row.find(id)) supporting.push_back(*row);
        history[std::size_t(d)].push_back({std::string(1, status_code(iv.status)), iso_date(iv.start_day), store::format_iso_day(iv.end_day),
                                           std::string(store::to_string(iv.basis)),
                                           iv.source, supporting});
    }
    for (auto& h : history)
        std::stable_sort(h.begin(), h.end(), [](const json& a, const json& b) { return a[1] < b[1]; });
    return history;
}

// Per slice: the date it shows, every district's status in one string, and the incidents dated within
// it as the tiles draw them. Incidents at one place (a district's representative point) share one
// entry of `points`. The rows are kept as their text, which is a small part of their JSON values' size;
// `points` is written before them, and is complete only once every slice is made.
struct slice_tables {
    std::string rows = "[";
    std::size_t count = 0;
    json points = json::array();

    slice_tables(const store::map_state& state, std::span<const gazetteer::district> districts,
                 std::span<const gazetteer::province> provinces, const event_rows& event_row, const pixel_projector& to_pixel) {
        std::map<std::pair<double, double>, int> point_index;
        for (const auto& slice : tiles::slices_to_render(state)) {
            std::string codes;
            for (const auto& s : tiles::control_on(districts, state.control, slice.last_day))
                codes += s ? status_code(*s) : no_information;
            json incidents = json::array();
            for (const auto& point : tiles::incidents_in(districts, provinces, state.events, slice).points) {
                const auto [it, added] =
                    point_index.try_emplace(std::pair{point.lon_lat.x, point.lon_lat.y}, int(points.size()));
                if (added) points.push_back(to_pixel(point.lon_lat));
                incidents.push_back(event_row.at(point.event_id));
                incidents.push_back(it->second);
                incidents.push_back(point.size_class);
            }
            if (count++ > 0) rows += ',';
            rows += dump({slice.label, store::format_iso_day(slice.first_day), store::format_iso_day(slice.last_day),
                          store::format_iso_day(tiles::slice_map_date(slice, state.as_of)), codes,
                          incidents});
        }
        rows += ']';
    }
};

// Writes a JSON object member by member. The keys must come in order, as nlohmann's objects (std::map)
// keep them: data.js was once one such object dumped whole, and its bytes stay what they were.
class object_writer {
public:
    explicit object_writer(chunked_output& out) : out_(out) { out_.put("{"); }

    void member(std::string_view key, const json& value) {
        name(key);
        out_.put(dump(value));
    }
    // A member whose value `write_value` writes itself, a piece at a time.
    template <class Write>
    void streamed(std::string_view key, Write write_value) {
        name(key);
        write_value(out_);
    }
    void close() { out_.put("}"); }

private:
    void name(std::string_view key) {
        if (!last_.empty() && key <= last_) throw std::logic_error("data.js: member " + std::string(key) + " out of order");
        out_.put(last_.empty() ? "" : ",");
        out_.put(dump(key));
        out_.put(":");
        last_ = key;
    }

    chunked_output& out_;
    std::string last_;
};

json district_rows_json(std::span<const gazetteer::district> districts, const tiles::coverage& cov,
                        const pixel_projector& to_pixel) {
    json rows = json::array();
    for (std::size_t i = 0; i < districts.size(); ++i) {
        const auto& d = districts[i];
        rows.push_back({d.pcode, d.name, d.province_index, to_pixel(d.interior), rings_json(cov.topo.faces[i])});
    }
    return rows;
}

json province_rows_json(std::span<const gazetteer::province> provinces) {
    json rows = json::array();
    for (const auto& p : provinces) rows.push_back({p.pcode, p.name});
    return rows;
}

} // namespace

viewer_data_report write_viewer_data(const store::map_state& state, std::span<const gazetteer::district> districts,
                                     std::span<const gazetteer::province> provinces, const viewer_data_options& options,
                                     const text_sink& sink) {
    viewer_data_report report;
    const pixel_projector to_pixel{options.geometry_zoom};
    const tiles::coverage cov = tiles::prepare_coverage(districts);
    const tiles::zoom_geometry zg = tiles::simplify_for_zoom(cov.topo, options.geometry_zoom, 256, options.simplify_px);
    const place_index places(districts, provinces);
    // Before the events' tables, which are held to the end: the publishers' count lists every source.
    const json publishers = publishers_json(state);
    const event_rows event_row(state.events);
    event_tables events;

    chunked_output out(sink);
    out.put("// Generated by naqsha run: the data of index.html (a script, since a page opened from disk cannot fetch "
            "JSON).\nwindow.NAQSHA_DATA = ");
    object_writer data(out);
    data.member("as_of", store::format_iso_day(state.as_of));
    data.member("boundaries", options.boundaries);
    data.member("claim_columns", {"field", "value", "source", "source_kind", "subject"});
    data.member("district_columns", {"pcode", "name", "province", "label_point", "rings"});
    data.member("districts", district_rows_json(districts, cov, to_pixel));
    data.member("event_columns",
                {"date", "date_end", "type", "sub_type", "district", "province", "precision", "background", "killed",
                 "wounded", "missing", "captured", "perpetrator", "target", "reported_by", "control", "claims", "sources"});
    data.streamed("events", [&](chunked_output& o) { events.write(state, places, o); });
    data.member("format", 1);
    data.member("geometry", geometry_json(cov, zg, report));
    data.member("history", history_json(state.control, places, event_row, districts.size()));
    data.member("history_columns", {"status", "start", "end", "basis", "source", "events"});
    data.member("incident_columns", {"event", "point", "size_class"});
    data.member("palette", palette_json());
    const slice_tables slices(state, districts, provinces, event_row, to_pixel);
    data.member("points", slices.points);
    data.member("province_columns", {"pcode", "name"});
    data.member("provinces", province_rows_json(provinces));
    data.member("publishers", publishers);
    data.member("slice_columns", {"label", "start", "end", "date", "states", "incidents"});
    data.member("slice_unit", state.slice_unit);
    data.streamed("slices", [&](chunked_output& o) { o.put(slices.rows); });
    data.member("source_columns", {"publisher", "url", "published", "quote", "article"});
    data.streamed("strings", [&](chunked_output& o) { events.strings.write(o); });
    data.member("vocabulary", events.vocabulary());
    data.close();
    out.put(";\n");
    out.flush();

    report.districts = districts.size();
    report.events = events.rows;
    report.slices = slices.count;
    return report;
}

std::string viewer_data_script(const store::map_state& state, std::span<const gazetteer::district> districts,
                               std::span<const gazetteer::province> provinces, const viewer_data_options& options,
                               viewer_data_report* report_out) {
    std::string script;
    const auto report =
        write_viewer_data(state, districts, provinces, options, [&](std::string_view piece) { script += piece; });
    if (report_out != nullptr) *report_out = report;
    return script;
}

} // namespace naqsha::viewer
