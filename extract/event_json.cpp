#include "extract/event_json.hpp"

#include "base/calendar.hpp"
#include "base/error.hpp"
#include "base/json_string.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <optional>
#include <type_traits>

namespace naqsha::extract {
namespace {

// A small streaming writer: events are written by the million, so no DOM in between.
class writer {
public:
    explicit writer(std::string& o) : out(o) {}

    void open() { out += '{'; first = true; }
    void close() { out += '}'; first = false; }
    void key(std::string_view k) {
        if (!first) out += ',';
        first = false;
        out += '"';
        out += k;
        out += "\":";
    }
    void string(std::string_view s) { append_json_string(out, s); }
    void field(std::string_view k, std::string_view v) { key(k), string(v); }
    void nullable(std::string_view k, std::string_view v) {
        key(k);
        if (v.empty()) out += "null";
        else string(v);
    }
    void day(std::string_view k, std::optional<day_number> d) {
        if (d) field(k, iso_date(*d));
        else null(k);
    }
    void number(std::string_view k, long long v) {
        key(k);
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, v);
        out.append(buf, r.ptr);
    }
    void number(std::string_view k, double v) {
        key(k);
        char buf[32];
        auto r = std::to_chars(buf, buf + sizeof buf, v);
        out.append(buf, r.ptr);
    }
    template <typename T>
    void optional_number(std::string_view k, const std::optional<T>& v) {
        if (v) number(k, static_cast<std::conditional_t<std::is_integral_v<T>, long long, double>>(*v));
        else null(k);
    }
    void boolean(std::string_view k, bool v) { key(k), out += v ? "true" : "false"; }
    void null(std::string_view k) { key(k), out += "null"; }
    void begin_object(std::string_view k) { key(k), open(); }
    void begin_array(std::string_view k) { key(k), out += '[', first = true; }
    void end_array() { out += ']', first = false; }
    void element() { if (!first) out += ','; first = true; }

private:
    std::string& out;
    bool first = true;
};

double round6(double v) { return std::round(v * 1e6) / 1e6; }

void write_place(writer& w, std::string_view k, const std::optional<place_ref>& p) {
    if (!p) return w.null(k);
    w.begin_object(k);
    w.field("pcode", p->pcode);
    w.field("name", p->name);
    w.close();
}

void write_range(writer& w, std::string_view k, const std::optional<count_range>& r) {
    if (!r) return w.null(k);
    w.begin_object(k);
    w.number("low", static_cast<long long>(r->low));
    w.number("best", static_cast<long long>(r->best));
    w.number("high", static_cast<long long>(r->high));
    w.close();
}

void write_span(writer& w, std::string_view k, const span& s) {
    w.begin_object(k);
    w.number("begin", static_cast<long long>(s.begin));
    w.number("end", static_cast<long long>(s.end));
    w.close();
}

using json = nlohmann::json;

std::string text_of(const json& j, const char* k) {
    auto it = j.find(k);
    if (it == j.end() || it->is_null()) return {};
    if (!it->is_string()) throw input_error(std::string("\"") + k + "\" is not a string");
    return it->get<std::string>();
}

// The word at k read through its vocabulary's table (`parse`, one of event.hpp's *_from_string); a word
// outside the table is an input error naming `what` (k when not given).
template <typename Parse>
auto word_of(const json& j, const char* k, Parse parse, const char* what = nullptr) {
    auto text = text_of(j, k);
    auto value = parse(text);
    if (!value) throw input_error(std::string("unknown ") + (what ? what : k) + " \"" + text + "\"");
    return *value;
}

// A day as the writer gives it, YYYY-MM-DD; nullopt for none.
std::optional<day_number> day_of(const json& j, const char* k) {
    auto text = text_of(j, k);
    if (text.empty()) return std::nullopt;
    auto day = parse_iso_day(text);
    if (!day) throw input_error(std::string("\"") + k + "\" is not a day (YYYY-MM-DD): \"" + text + "\"");
    return day;
}

std::optional<place_ref> place_of(const json& j, const char* k) {
    auto it = j.find(k);
    if (it == j.end() || it->is_null()) return std::nullopt;
    return place_ref{text_of(*it, "pcode"), text_of(*it, "name")};
}

std::optional<count_range> range_of(const json& j, const char* k) {
    auto it = j.find(k);
    if (it == j.end() || it->is_null()) return std::nullopt;
    return count_range{it->value("low", 0), it->value("best", 0), it->value("high", 0)};
}

span span_of(const json& j, const char* k) {
    auto it = j.find(k);
    if (it == j.end() || it->is_null()) return {};
    return span{it->value("begin", std::size_t{0}), it->value("end", std::size_t{0})};
}

template <typename T>
std::optional<T> optional_of(const json& j, const char* k) {
    auto it = j.find(k);
    if (it == j.end() || it->is_null()) return std::nullopt;
    return it->get<T>();
}

json parse(std::string_view line) {
    try {
        auto j = json::parse(line);
        if (!j.is_object()) throw input_error("not a JSON object");
        return j;
    } catch (const json::exception& e) {
        throw input_error(std::string("not valid JSON: ") + e.what());
    }
}

} // namespace

void append_json(std::string& out, const event& e) {
    writer w(out);
    w.open();
    w.field("id", e.id);
    w.field("article", e.article);
    w.field("type", to_string(e.type));
    w.nullable("sub_type", to_string(e.sub_type));
    w.boolean("background", e.background);
    w.day("date", e.date);
    w.day("date_end", e.date_end);
    w.field("date_precision", to_string(e.date_prec));
    w.nullable("date_basis", to_string(e.date_basis));
    w.nullable("date_text", e.date_text);
    write_place(w, "district", e.district);
    write_place(w, "province", e.province);
    w.field("geo_precision", to_string(e.geo_prec));
    w.optional_number("lon", e.lon ? std::optional<double>(round6(*e.lon)) : std::nullopt);
    w.optional_number("lat", e.lat ? std::optional<double>(round6(*e.lat)) : std::nullopt);
    w.begin_array("places");
    for (const auto& p : e.places) {
        w.element();
        w.open();
        w.field("text", p.text);
        w.nullable("pcode", p.pcode);
        w.field("level", to_string(p.level));
        write_span(w, "offsets", p.offsets);
        w.close();
    }
    w.end_array();
    w.begin_object("actors");
    w.field("perpetrator", to_string(e.who.perpetrator));
    w.field("target", to_string(e.who.target));
    w.nullable("perpetrator_detail", e.who.perpetrator_detail);
    w.nullable("target_detail", e.who.target_detail);
    w.close();
    write_range(w, "killed", e.killed);
    write_range(w, "wounded", e.wounded);
    write_range(w, "missing", e.missing);
    write_range(w, "captured", e.captured);
    w.begin_array("claims");
    for (const auto& c : e.claims) {
        w.element();
        w.open();
        w.field("field", to_string(c.field));
        write_range(w, "value", c.value);
        w.nullable("source", c.source);
        w.field("source_kind", to_string(c.source_kind));
        w.field("subject", to_string(c.subject));
        write_span(w, "offsets", c.offsets);
        w.close();
    }
    w.end_array();
    w.nullable("control", to_string(e.control));
    w.nullable("reported_by", e.reported_by);
    w.nullable("reported_by_kind", to_string(e.reported_by_kind));
    w.field("quote", e.quote);
    write_span(w, "offsets", e.offsets);
    w.number("confidence", e.confidence);
    w.close();
}

void append_json(std::string& out, const area_claim& c) {
    writer w(out);
    w.open();
    w.field("article", c.article);
    w.field("text", c.text);
    w.nullable("source", c.source);
    w.field("source_kind", to_string(c.source_kind));
    w.optional_number("districts", c.districts);
    w.optional_number("of_districts", c.of_districts);
    w.optional_number("percent", c.percent ? std::optional<double>(std::round(*c.percent * 10) / 10) : std::nullopt);
    w.nullable("scope", to_string(c.scope));
    write_place(w, "province", c.province);
    w.day("date", c.date);
    write_span(w, "offsets", c.offsets);
    w.close();
}

std::string to_json(const event& e) {
    std::string s;
    append_json(s, e);
    return s;
}

std::string to_json(const area_claim& c) {
    std::string s;
    append_json(s, c);
    return s;
}

event event_from_json(std::string_view line) {
    auto j = parse(line);
    try {
        event e;
        e.id = text_of(j, "id");
        e.article = text_of(j, "article");
        e.type = word_of(j, "type", event_type_from_string, "event type");
        e.sub_type = word_of(j, "sub_type", event_sub_type_from_string);
        e.background = j.value("background", false);
        e.date = day_of(j, "date");
        e.date_end = day_of(j, "date_end");
        e.date_prec = word_of(j, "date_precision", date_precision_from_string);
        e.date_basis = word_of(j, "date_basis", dated_by_from_string);
        e.date_text = text_of(j, "date_text");
        e.district = place_of(j, "district");
        e.province = place_of(j, "province");
        e.geo_prec = word_of(j, "geo_precision", geo_precision_from_string);
        e.lon = optional_of<double>(j, "lon");
        e.lat = optional_of<double>(j, "lat");
        if (j.contains("places"))
            for (const auto& p : j["places"])
                e.places.push_back({text_of(p, "text"), text_of(p, "pcode"), word_of(p, "level", geo_precision_from_string),
                                    span_of(p, "offsets")});
        if (j.contains("actors") && j["actors"].is_object()) {
            const auto& a = j["actors"];
            e.who = {word_of(a, "perpetrator", actor_side_from_string), word_of(a, "target", actor_side_from_string),
                     text_of(a, "perpetrator_detail"), text_of(a, "target_detail")};
        }
        e.killed = range_of(j, "killed");
        e.wounded = range_of(j, "wounded");
        e.missing = range_of(j, "missing");
        e.captured = range_of(j, "captured");
        if (j.contains("claims"))
            for (const auto& c : j["claims"])
                e.claims.push_back({word_of(c, "field", casualty_field_from_string, "claim field"),
                                    range_of(c, "value").value_or(count_range{}), text_of(c, "source"),
                                    word_of(c, "source_kind", attribution_kind_from_string),
                                    word_of(c, "subject", actor_side_from_string), span_of(c, "offsets")});
        e.control = word_of(j, "control", control_side_from_string);
        e.reported_by = text_of(j, "reported_by");
        e.reported_by_kind = word_of(j, "reported_by_kind", attribution_kind_from_string);
        e.quote = text_of(j, "quote");
        e.offsets = span_of(j, "offsets");
        e.confidence = j.value("confidence", 0.0);
        return e;
    } catch (const json::exception& ex) {
        throw input_error(std::string("malformed event: ") + ex.what());
    }
}

area_claim area_claim_from_json(std::string_view line) {
    auto j = parse(line);
    try {
        area_claim c;
        c.article = text_of(j, "article");
        c.text = text_of(j, "text");
        c.source = text_of(j, "source");
        c.source_kind = word_of(j, "source_kind", attribution_kind_from_string);
        c.districts = optional_of<int>(j, "districts");
        c.of_districts = optional_of<int>(j, "of_districts");
        c.percent = optional_of<double>(j, "percent");
        c.scope = word_of(j, "scope", area_scope_from_string);
        c.province = place_of(j, "province");
        c.date = day_of(j, "date");
        c.offsets = span_of(j, "offsets");
        return c;
    } catch (const json::exception& ex) {
        throw input_error(std::string("malformed area claim: ") + ex.what());
    }
}

} // namespace naqsha::extract
