#include "store/gpkg_store.hpp"

#include "base/error.hpp"
#include "base/json_string.hpp"
#include "base/sqlite_db.hpp"
#include "geo/gdal_handles.hpp"
#include "store/calendar.hpp"

#include <cpl_error.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <stdexcept>
#include <string>
#include <sys/stat.h>

namespace naqsha::store {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

struct column {
    const char* name;
    OGRFieldType type;
    OGRFieldSubType subtype = OFSTNone;
};

const std::vector<column> article_columns{
    {"article", OFTString}, {"content_hash", OFTString}, {"extraction_key", OFTString}, {"source", OFTString},
    {"url", OFTString}, {"title", OFTString}, {"published", OFTDate}, {"path", OFTString},
    {"bytes", OFTInteger64}, {"mentions", OFTInteger}, {"area_claims", OFTInteger},
};

// Columns shared by mentions and merged events, in this order after each table's own leading columns.
const std::vector<column> event_columns{
    {"event_type", OFTString}, {"sub_type", OFTString}, {"background", OFTInteger, OFSTBoolean},
    {"date", OFTDate}, {"date_end", OFTDate}, {"date_precision", OFTString},
    {"district_pcode", OFTString}, {"district", OFTString}, {"province_pcode", OFTString}, {"province", OFTString},
    {"geo_precision", OFTString}, {"lon", OFTReal}, {"lat", OFTReal},
    {"perpetrator", OFTString}, {"target", OFTString}, {"perpetrator_detail", OFTString}, {"target_detail", OFTString},
    {"killed_low", OFTInteger}, {"killed_best", OFTInteger}, {"killed_high", OFTInteger},
    {"wounded_low", OFTInteger}, {"wounded_best", OFTInteger}, {"wounded_high", OFTInteger},
    {"missing_low", OFTInteger}, {"missing_best", OFTInteger}, {"missing_high", OFTInteger},
    {"captured_low", OFTInteger}, {"captured_best", OFTInteger}, {"captured_high", OFTInteger},
    {"control", OFTString}, {"reported_by", OFTString}, {"reported_by_kind", OFTString},
    {"quote", OFTString}, {"confidence", OFTReal}, {"claims", OFTString, OFSTJSON},
};

std::vector<column> concat(std::vector<column> a, const std::vector<column>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

const std::vector<column> mention_columns = concat(
    concat({{"mention_id", OFTString}, {"article", OFTString}, {"seq", OFTInteger64}, {"event_id", OFTString}}, event_columns),
    {{"quote_begin", OFTInteger64}, {"quote_end", OFTInteger64}, {"places", OFTString, OFSTJSON}});

const std::vector<column> merged_columns =
    concat(concat({{"event_id", OFTString}}, event_columns), {{"sources", OFTInteger}, {"first_mention", OFTString}});

const std::vector<column> source_columns{
    {"event_id", OFTString}, {"article", OFTString}, {"mention_id", OFTString},
    {"source", OFTString}, {"url", OFTString}, {"published", OFTDate},
};

const std::vector<column> area_claim_columns{
    {"article", OFTString}, {"text", OFTString}, {"source", OFTString}, {"source_kind", OFTString},
    {"districts", OFTInteger}, {"of_districts", OFTInteger}, {"province_pcode", OFTString}, {"province", OFTString},
    {"date", OFTDate}, {"text_begin", OFTInteger64}, {"text_end", OFTInteger64},
};

std::vector<column> summary_columns() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (const char* measure : {"districts", "population_share", "area_share"}) {
            for (auto s : all_control_statuses) n.push_back(fmt::format("{}_{}", to_string(s), measure));
            n.push_back(fmt::format("unknown_{}", measure));
        }
        return n;
    }();
    std::vector<column> out{{"date", OFTDate}, {"slice", OFTString}};
    for (std::size_t i = 0; i < names.size(); ++i) out.push_back({names[i].c_str(), i < 5 ? OFTInteger : OFTReal});
    return out;
}

const std::vector<column> info_columns{{"key", OFTString}, {"value", OFTString}};

const std::vector<column> time_slice_columns{{"slice", OFTString}, {"start_date", OFTDate}, {"end_date", OFTDate}};

const char* file_kind(mode_t mode) {
    if (S_ISLNK(mode)) return "a symbolic link";
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    return "not a regular file";
}

std::string gdal_message() {
    const char* m = CPLGetLastErrorMsg();
    return m != nullptr && *m != '\0' ? m : "unknown GDAL error";
}

struct table_spec {
    const char* name;
    const char* description;
    std::vector<column> columns;
};

const std::vector<table_spec>& store_tables() {
    static const std::vector<table_spec> tables{
        {"articles", "Every article stored, with the hash of its text", article_columns},
        {"mentions", "What each article says happened, as extracted (one row per article event)", mention_columns},
        {"events", "Merged events: one per real-world incident, every source kept", merged_columns},
        {"event_sources", "Which article (mention) reported which merged event", source_columns},
        {"area_claims", "Claims about many districts at once: kept, never painted", area_claim_columns},
        {"time_slices", "The run's time slices: the incident layers, summaries and tiles are cut into these",
         time_slice_columns},
        {"summary", "District control per date: counts and population/area shares per status (last row: map date)",
         summary_columns()},
        {"naqsha_store_info", "naqsha bookkeeping: schema version and the run's settings", info_columns},
    };
    return tables;
}

const table_spec& spec_of(std::string_view name) {
    for (const auto& t : store_tables())
        if (name == t.name) return t;
    throw std::logic_error("no store table " + std::string(name));
}

// GDAL creates the GeoPackage and registers every table (gpkg_contents, gpkg_ogr_contents, column types),
// so the file is exactly what QGIS and ogrinfo expect; rows are added afterwards through SQLite.
void create_tables(const fs::path& gpkg) {
    auto* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (driver == nullptr) throw output_error("GDAL has no GPKG driver");
    CPLErrorReset();
    geo::gdal_dataset ds(driver->Create(gpkg.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw output_error(fmt::format("{}: cannot create GeoPackage: {}", gpkg.string(), gdal_message()));
    for (const auto& t : store_tables()) {
        std::string description = std::string("DESCRIPTION=") + t.description;
        const char* options[] = {"FID=fid", description.c_str(), nullptr};
        OGRLayer* layer = ds->CreateLayer(t.name, nullptr, wkbNone, const_cast<char**>(options));
        if (layer == nullptr)
            throw output_error(fmt::format("{}: cannot create table {}: {}", gpkg.string(), t.name, gdal_message()));
        for (const auto& c : t.columns) {
            OGRFieldDefn field(c.name, c.type);
            field.SetSubType(c.subtype);
            if (layer->CreateField(&field) != OGRERR_NONE)
                throw output_error(fmt::format("{}: table {}: cannot create column {}: {}", gpkg.string(), t.name, c.name,
                                               gdal_message()));
        }
    }
    ds.reset();
    if (CPLGetLastErrorType() >= CE_Failure)
        throw output_error(fmt::format("{}: cannot write: {}", gpkg.string(), gdal_message()));
}

// GDAL keeps gpkg_ogr_contents.feature_count current through two triggers per table, which run for
// every row. For a bulk load they are set aside, the counts set once, and the triggers restored.
class feature_count_triggers {
public:
    explicit feature_count_triggers(sqlite_db& db) : db_(db) {
        auto list = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
                               "'trigger_%_feature_count_%' ORDER BY rowid");
        while (list.step()) saved_.emplace_back(list.column_text(0), list.column_text(1));
        for (const auto& [name, sql] : saved_) db.exec(fmt::format("DROP TRIGGER \"{}\"", name).c_str());
    }

    void restore() {
        for (const auto& t : store_tables())
            db_.exec(fmt::format("UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM \"{0}\") "
                                 "WHERE lower(table_name) = lower('{0}')", t.name).c_str());
        for (const auto& [name, sql] : saved_) db_.exec(sql.c_str());
    }

private:
    sqlite_db& db_;
    std::vector<std::pair<std::string, std::string>> saved_;
};

std::string column_list(const table_spec& t) {
    std::string out;
    for (const auto& c : t.columns) out += fmt::format("{}\"{}\"", out.empty() ? "" : ", ", c.name);
    return out;
}

// Rows of one table, values bound in column order.
class table_writer {
public:
    table_writer(sqlite_db& db, std::string_view table) : statement_(prepare(db, spec_of(table))) {}

    table_writer& text(std::string_view v) {
        statement_.text(v);
        return *this;
    }
    table_writer& date(std::optional<day_number> day) { return day ? text(iso_date(*day)) : null(); }
    // An event's day: null outside the years 1..9999, as for the text iso_date writes for those.
    table_writer& event_day(std::optional<day_number> day) { return date(within_iso_years(day)); }
    table_writer& integer(std::int64_t v) {
        statement_.integer(v);
        return *this;
    }
    table_writer& real(double v) {
        statement_.real(v);
        return *this;
    }
    template <typename T>
    table_writer& maybe(const std::optional<T>& v) {
        if (!v) return null();
        if constexpr (std::is_floating_point_v<T>) return real(*v);
        else return integer(*v);
    }
    table_writer& range(const std::optional<extract::count_range>& r) {
        if (!r) return null().null().null();
        return integer(r->low).integer(r->best).integer(r->high);
    }
    table_writer& null() {
        statement_.null();
        return *this;
    }
    void insert() { statement_.insert(); }

private:
    static sqlite_statement prepare(sqlite_db& db, const table_spec& t) {
        std::string marks;
        for (std::size_t i = 0; i < t.columns.size(); ++i) marks += i == 0 ? "?" : ", ?";
        return db.prepare(fmt::format("INSERT INTO \"{}\" ({}) VALUES ({})", t.name, column_list(t), marks));
    }

    sqlite_statement statement_;
};

// Claims and places go into JSON columns, control characters as \u00XX as they always were (an older
// store's rows and a new one's compare equal).
void append_json_column_string(std::string& out, std::string_view text) {
    append_json_string(out, text, json_controls::unicode_escapes);
}

std::string claims_json(const std::vector<extract::claim>& claims) {
    std::string out = "[";
    for (const auto& c : claims) {
        if (out.size() > 1) out += ',';
        out += "{\"field\":";
        append_json_column_string(out, extract::to_string(c.field));
        out += fmt::format(",\"low\":{},\"best\":{},\"high\":{},\"source\":", c.value.low, c.value.best, c.value.high);
        append_json_column_string(out, c.source);
        out += ",\"source_kind\":";
        append_json_column_string(out, extract::to_string(c.source_kind));
        out += ",\"subject\":";
        append_json_column_string(out, extract::to_string(c.subject));
        out += fmt::format(",\"begin\":{},\"end\":{}}}", c.offsets.begin, c.offsets.end);
    }
    return out + "]";
}

std::string places_json(const std::vector<extract::place_mention>& places) {
    std::string out = "[";
    for (const auto& p : places) {
        if (out.size() > 1) out += ',';
        out += "{\"text\":";
        append_json_column_string(out, p.text);
        out += ",\"pcode\":";
        append_json_column_string(out, p.pcode);
        out += ",\"level\":";
        append_json_column_string(out, extract::to_string(p.level));
        out += fmt::format(",\"begin\":{},\"end\":{}}}", p.offsets.begin, p.offsets.end);
    }
    return out + "]";
}

// The columns of event_columns, for a mention or a merged event.
template <typename Event>
void write_event_columns(table_writer& w, const Event& e) {
    w.text(extract::to_string(e.type)).text(extract::to_string(e.sub_type)).integer(e.background ? 1 : 0);
    w.event_day(e.date).event_day(e.date_end).text(extract::to_string(e.date_prec));
    w.text(e.district ? e.district->pcode : "").text(e.district ? e.district->name : "");
    w.text(e.province ? e.province->pcode : "").text(e.province ? e.province->name : "");
    w.text(extract::to_string(e.geo_prec)).maybe(e.lon).maybe(e.lat);
    w.text(extract::to_string(e.who.perpetrator)).text(extract::to_string(e.who.target));
    w.text(e.who.perpetrator_detail).text(e.who.target_detail);
    w.range(e.killed).range(e.wounded).range(e.missing).range(e.captured);
    w.text(extract::to_string(e.control)).text(e.reported_by).text(extract::to_string(e.reported_by_kind));
    w.text(e.quote).real(e.confidence).text(claims_json(e.claims));
}

void write_info(table_writer& w, const std::string& key, const std::string& value) {
    w.text(key).text(value).insert();
}

// ---- reading ---------------------------------------------------------------------------------------

class table_reader {
public:
    table_reader(sqlite_db& db, std::string_view table)
        : statement_(db.prepare(fmt::format("SELECT {} FROM \"{}\" ORDER BY fid", column_list(spec_of(table)), table))) {}

    bool next() {
        next_ = 0;
        ++row_;
        return statement_.step();
    }
    std::size_t row_number() const { return row_; } // 1-based, in fid order
    std::string text() { return statement_.column_text(next_++); }
    std::optional<day_number> day() { return parse_iso_day(text()); }
    std::optional<std::int64_t> integer() { return statement_.column_integer(next_++); }
    std::optional<double> real() { return statement_.column_real(next_++); }
    std::optional<extract::count_range> range() {
        auto low = integer(), best = integer(), high = integer();
        if (!low || !best || !high) return std::nullopt;
        return extract::count_range{static_cast<int>(*low), static_cast<int>(*best), static_cast<int>(*high)};
    }

private:
    sqlite_statement statement_;
    int next_ = 0;
    std::size_t row_ = 0;
};

std::optional<extract::place_ref> place(std::string pcode, std::string name) {
    if (pcode.empty() && name.empty()) return std::nullopt;
    return extract::place_ref{std::move(pcode), std::move(name)};
}

template <typename E>
E enum_value(std::optional<E> parsed, E fallback) {
    return parsed ? *parsed : fallback;
}

// A word outside the vocabulary is an attribution this program does not rank: unattributed, as the
// source ranks read such a word before the store's kinds were an enum.
extract::attribution_kind attribution_of(const std::string& word) {
    return enum_value(extract::attribution_kind_from_string(word), extract::attribution_kind::unattributed);
}

// A word of the claims' or places' JSON cells outside its vocabulary, which has no fallback: a claim's
// field (no figure to merge it into) or a place's level. what() says which and the word.
struct outside_vocabulary : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A word outside the vocabulary names no side this program knows: unknown, as merging and the exports
// always treated such a word (any party but a named one).
extract::actor_side actor_side_of(const std::string& word) {
    return enum_value(extract::actor_side_from_string(word), extract::actor_side::unknown);
}

std::vector<extract::claim> claims_from(const std::string& text) {
    std::vector<extract::claim> out;
    if (text.empty()) return out;
    for (const auto& j : json::parse(text)) {
        extract::claim c;
        const auto field = j.at("field").get<std::string>();
        const auto known = extract::casualty_field_from_string(field);
        if (!known) throw outside_vocabulary("a claim's field '" + field + "' is none of killed, wounded, missing, captured");
        c.field = *known;
        c.value = {j.at("low").get<int>(), j.at("best").get<int>(), j.at("high").get<int>()};
        c.source = j.at("source").get<std::string>();
        c.source_kind = attribution_of(j.at("source_kind").get<std::string>());
        c.subject = actor_side_of(j.at("subject").get<std::string>());
        c.offsets = {j.at("begin").get<std::size_t>(), j.at("end").get<std::size_t>()};
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<extract::place_mention> places_from(const std::string& text) {
    std::vector<extract::place_mention> out;
    if (text.empty()) return out;
    for (const auto& j : json::parse(text)) {
        const auto level = j.at("level").get<std::string>();
        const auto known = extract::geo_precision_from_string(level);
        if (!known) throw outside_vocabulary("a place's level '" + level + "' is none of settlement, district, province");
        out.push_back({j.at("text").get<std::string>(), j.at("pcode").get<std::string>(), *known,
                       {j.at("begin").get<std::size_t>(), j.at("end").get<std::size_t>()}});
    }
    return out;
}

void read_event_columns(table_reader& r, extract::event& e) {
    // Every column is read in order, whatever fails to parse, so the row is reported whole.
    e.type = enum_value(extract::event_type_from_string(r.text()), extract::event_type::other);
    e.sub_type = enum_value(extract::event_sub_type_from_string(r.text()), extract::event_sub_type::none);
    e.background = r.integer().value_or(0) != 0;
    e.date = r.day();
    e.date_end = r.day();
    e.date_prec = enum_value(extract::date_precision_from_string(r.text()), extract::date_precision::unknown);
    auto district_pcode = r.text();
    e.district = place(district_pcode, r.text());
    auto province_pcode = r.text();
    e.province = place(province_pcode, r.text());
    e.geo_prec = enum_value(extract::geo_precision_from_string(r.text()), extract::geo_precision::country);
    e.lon = r.real();
    e.lat = r.real();
    e.who.perpetrator = actor_side_of(r.text());
    e.who.target = actor_side_of(r.text());
    e.who.perpetrator_detail = r.text();
    e.who.target_detail = r.text();
    e.killed = r.range();
    e.wounded = r.range();
    e.missing = r.range();
    e.captured = r.range();
    e.control = enum_value(extract::control_side_from_string(r.text()), extract::control_side::none);
    e.reported_by = r.text();
    e.reported_by_kind = attribution_of(r.text());
    e.quote = r.text();
    e.confidence = r.real().value_or(0);
    e.claims = claims_from(r.text());
}

// The schema version the store records; store_error when it is not one this naqsha reads.
int schema_version_of(sqlite_db& ds) {
    std::vector<std::string> missing;
    for (const char* table : {"naqsha_store_info", "articles", "mentions", "area_claims"}) {
        auto query = ds.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
        query.text(table);
        if (!query.step()) missing.emplace_back(table);
    }
    if (!missing.empty())
        throw store_error(fmt::format("{}: not a naqsha store: no table {}", ds.file().string(), fmt::join(missing, ", ")));
    table_reader info(ds, "naqsha_store_info");
    std::string text;
    while (info.next()) {
        auto key = info.text();
        auto value = info.text();
        if (key == "schema_version") text = value;
    }
    int version = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
    if (ec != std::errc() || end != text.data() + text.size() || version < 1)
        throw store_error(fmt::format("{}: not a naqsha store: schema version '{}'", ds.file().string(), text));
    if (version > store_schema_version)
        throw store_error(fmt::format("{}: written by a newer naqsha (store schema {}; this naqsha reads schemas {} to {})",
                                      ds.file().string(), version, oldest_readable_schema_version, store_schema_version));
    if (version < oldest_readable_schema_version)
        throw store_error(fmt::format("{}: store schema {} is older than this naqsha reads (schemas {} to {})",
                                      ds.file().string(), version, oldest_readable_schema_version, store_schema_version));
    return version;
}

catalog read_content(sqlite_db& ds) {
    catalog out;
    {
        table_reader r(ds, "articles");
        while (r.next()) {
            stored_article a;
            a.record.id = r.text();
            a.record.content_hash = r.text();
            a.record.extraction_key = r.text();
            a.record.source = r.text();
            a.record.url = r.text();
            a.record.title = r.text();
            a.record.published = r.day();
            a.record.path = r.text();
            a.record.bytes = r.integer().value_or(0);
            if (!out.contains(a.record.id)) out.put(std::move(a)); // the first row of an id, as ever
        }
    }
    {
        // Row by row into the catalog, which keeps only each mention's merge key in memory.
        table_reader r(ds, "mentions");
        stored_mention m;
        while (r.next()) try {
            m.event = {};
            m.event.id = r.text();
            m.event.article = r.text();
            m.seq = r.integer().value_or(0);
            r.text(); // event_id: recomputed by merging
            read_event_columns(r, m.event);
            m.event.offsets.begin = static_cast<std::size_t>(r.integer().value_or(0));
            m.event.offsets.end = static_cast<std::size_t>(r.integer().value_or(0));
            m.event.places = places_from(r.text());
            if (!out.add_mention(m.event.article, m))
                throw store_error(fmt::format("{}: mention {} of an article the store does not hold", ds.file().string(), m.event.id));
        } catch (const json::exception& e) {
            throw store_error(fmt::format("{}: table mentions, row {}: a JSON column (claims or places) does not parse: {}",
                                          ds.file().string(), r.row_number(), e.what()));
        } catch (const outside_vocabulary& e) {
            throw store_error(fmt::format("{}: table mentions, row {}: {}", ds.file().string(), r.row_number(), e.what()));
        }
    }
    out.order_mentions_by_seq();
    {
        table_reader r(ds, "area_claims");
        while (r.next()) {
            extract::area_claim c;
            c.article = r.text();
            c.text = r.text();
            c.source = r.text();
            c.source_kind = attribution_of(r.text());
            if (auto n = r.integer()) c.districts = static_cast<int>(*n);
            if (auto n = r.integer()) c.of_districts = static_cast<int>(*n);
            auto province_pcode = r.text();
            c.province = place(province_pcode, r.text());
            c.date = r.day();
            c.offsets.begin = static_cast<std::size_t>(r.integer().value_or(0));
            c.offsets.end = static_cast<std::size_t>(r.integer().value_or(0));
            out.add_area_claim(std::move(c));
        }
    }
    return out;
}

} // namespace

previous_store read_store(const fs::path& gpkg) {
    previous_store out;
    struct stat status {};
    if (::lstat(gpkg.c_str(), &status) != 0) {
        if (errno == ENOENT) return out;
        throw store_error(fmt::format("{}: cannot be examined: {}", gpkg.string(), std::strerror(errno)));
    }
    // Opening a FIFO would wait for a writer for ever, and a link may lead anywhere.
    if (!S_ISREG(status.st_mode))
        throw store_error(fmt::format("{}: is not a regular file ({}); a naqsha store is one", gpkg.string(),
                                      file_kind(status.st_mode)));
    sqlite_db db(gpkg, true);
    out.schema_version = schema_version_of(db);
    out.content = read_content(db);
    if (out.schema_version == 1) out.content.index_schema1_paths();
    if (out.schema_version < store_schema_version)
        out.notices.push_back(fmt::format("{}: store schema {} read; this run writes it as schema {}", gpkg.string(),
                                          out.schema_version, store_schema_version));
    return out;
}

void write_store(const fs::path& gpkg, const catalog& content, const merge_result& merged, const store_settings& settings) {
    geo::ensure_gdal_registered();
    // GDAL stamps GeoPackage tables with the time of writing; the map date keeps reruns byte-identical.
    geo::scoped_gdal_clock clock(settings.as_of.value_or(days_from_civil(1970, 1, 1)));
    create_tables(gpkg);

    sqlite_db db(gpkg, false);
    // The file is new and lives in the run's staging directory, which is flushed to disk before it is
    // swapped in: a rollback journal and per-commit syncs would buy nothing.
    db.exec("PRAGMA journal_mode = OFF");
    db.exec("PRAGMA synchronous = OFF");
    db.exec("BEGIN");
    feature_count_triggers triggers(db);
    {
        table_writer w(db, "articles");
        for (const auto& [id, a] : content.articles()) {
            const auto r = content.record(a);
            w.text(r.id).text(r.content_hash).text(r.extraction_key).text(r.source).text(r.url).text(r.title);
            w.date(r.published).text(r.path).integer(r.bytes);
            w.integer(static_cast<std::int64_t>(a.mention_count)).integer(static_cast<std::int64_t>(a.area_claims.size()));
            w.insert();
        }
    }
    {
        table_writer w(db, "mentions");
        for (const auto& [id, a] : content.articles())
            for (const auto& key : content.mentions(a)) {
                const auto m = content.mention(key);
                const auto event = key.row < merged.event_of_row.size() ? merged.event_of_row[key.row] : merge_result::no_event;
                w.text(m.id).text(m.article).integer(key.seq).text(event == merge_result::no_event ? std::string() : merged.events.id(event));
                write_event_columns(w, m);
                w.integer(static_cast<std::int64_t>(m.offsets.begin)).integer(static_cast<std::int64_t>(m.offsets.end));
                w.text(places_json(m.places));
                w.insert();
            }
    }
    {
        table_writer w(db, "events");
        for (std::size_t i = 0; i < merged.events.size(); ++i) {
            const auto e = merged.events.whole(i);
            w.text(e.id);
            write_event_columns(w, e);
            w.integer(static_cast<std::int64_t>(e.sources.size())).text(e.sources.empty() ? "" : e.sources.front().mention_id);
            w.insert();
        }
    }
    {
        table_writer w(db, "event_sources");
        for (std::size_t i = 0; i < merged.events.size(); ++i) {
            const auto e = merged.events.whole(i);
            for (const auto& s : e.sources) w.text(e.id).text(s.article).text(s.mention_id).text(s.source).text(s.url).date(s.published).insert();
        }
    }
    {
        table_writer w(db, "area_claims");
        for (const auto& [id, a] : content.articles())
            for (const auto& c : a.area_claims) {
                w.text(c.article).text(c.text).text(c.source).text(extract::to_string(c.source_kind)).maybe(c.districts).maybe(c.of_districts);
                w.text(c.province ? c.province->pcode : "").text(c.province ? c.province->name : "").date(c.date);
                w.integer(static_cast<std::int64_t>(c.offsets.begin)).integer(static_cast<std::int64_t>(c.offsets.end));
                w.insert();
            }
    }
    {
        table_writer w(db, "naqsha_store_info");
        write_info(w, "schema_version", std::to_string(store_schema_version));
        write_info(w, "map_date", format_iso_day(settings.as_of));
        write_info(w, "slice", std::string(to_string(settings.slice)));
        write_info(w, "contested_days", std::to_string(settings.contested_days));
        write_info(w, "baseline", settings.baseline);
        write_info(w, "overrides", settings.overrides);
    }
    triggers.restore();
    // The joins analysts write: an event's sources, an article's mentions.
    db.exec("CREATE UNIQUE INDEX events_event_id ON events (event_id)");
    db.exec("CREATE INDEX event_sources_event_id ON event_sources (event_id)");
    db.exec("CREATE INDEX mentions_article ON mentions (article)");
    db.exec("COMMIT");
}

void write_summaries(const fs::path& gpkg, std::span<const time_slice> slices, std::span<const status_summary> summaries) {
    sqlite_db db(gpkg, false);
    db.exec("BEGIN");
    {
        table_writer w(db, "time_slices");
        for (const auto& s : slices) w.text(s.label).date(s.first_day).date(s.last_day).insert();
    }
    table_writer w(db, "summary");
    for (const auto& s : summaries) {
        w.date(s.date).text(s.slice);
        for (int n : s.districts) w.integer(n);
        w.integer(s.unknown_districts);
        for (double v : s.population_share) w.real(v);
        w.real(s.unknown_population_share);
        for (double v : s.area_share) w.real(v);
        w.real(s.unknown_area_share);
        w.insert();
    }
    db.exec("COMMIT");
}

} // namespace naqsha::store
