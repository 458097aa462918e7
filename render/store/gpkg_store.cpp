#include "render/store/gpkg_store.hpp"

#include "geo/error.hpp"
#include "geo/gdal_handles.hpp"
#include "render/store/calendar.hpp"

#include <cpl_error.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

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

std::string gdal_message() {
    const char* m = CPLGetLastErrorMsg();
    return m != nullptr && *m != '\0' ? m : "unknown GDAL error";
}

// One attribute table being filled: fields are set in column order, and insert() checks they all were.
class table_writer {
public:
    table_writer(GDALDataset& ds, const fs::path& file, const char* name, const char* description,
                 const std::vector<column>& columns)
        : file_(file), name_(name), columns_(columns.size()) {
        std::string description_option = std::string("DESCRIPTION=") + description;
        const char* options[] = {"FID=fid", description_option.c_str(), nullptr};
        layer_ = ds.CreateLayer(name, nullptr, wkbNone, const_cast<char**>(options));
        if (layer_ == nullptr) fail("cannot create table");
        for (const auto& c : columns) {
            OGRFieldDefn field(c.name, c.type);
            field.SetSubType(c.subtype);
            if (layer_->CreateField(&field) != OGRERR_NONE) fail(std::string("cannot create column ") + c.name);
        }
        feature_.reset(OGRFeature::CreateFeature(layer_->GetLayerDefn()));
    }

    table_writer& text(const std::string& v) {
        if (v.empty()) return null();
        feature_->SetField(next_++, v.c_str());
        return *this;
    }
    table_writer& date(const std::string& v) { return parse_iso_day(v) ? text(v) : null(); }
    table_writer& integer(std::int64_t v) {
        feature_->SetField(next_++, static_cast<GIntBig>(v));
        return *this;
    }
    table_writer& real(double v) {
        feature_->SetField(next_++, v);
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
        feature_->SetFieldNull(next_++);
        return *this;
    }

    void insert() {
        if (next_ != columns_) throw std::logic_error(fmt::format("{}: {} of {} columns set", name_, next_, columns_));
        feature_->SetFID(OGRNullFID);
        if (layer_->CreateFeature(feature_.get()) != OGRERR_NONE) fail("cannot insert a row");
        next_ = 0;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw output_error(fmt::format("{}: table {}: {}: {}", file_.string(), name_, what, gdal_message()));
    }

    fs::path file_;
    std::string name_;
    int columns_;
    int next_ = 0;
    OGRLayer* layer_ = nullptr;
    geo::ogr_feature feature_;
};

json claims_json(const std::vector<extract::claim>& claims) {
    json out = json::array();
    for (const auto& c : claims)
        out.push_back({{"field", c.field},
                       {"low", c.value.low},
                       {"best", c.value.best},
                       {"high", c.value.high},
                       {"source", c.source},
                       {"source_kind", c.source_kind},
                       {"subject", c.subject},
                       {"begin", c.offsets.begin},
                       {"end", c.offsets.end}});
    return out;
}

json places_json(const std::vector<extract::place_mention>& places) {
    json out = json::array();
    for (const auto& p : places)
        out.push_back({{"text", p.text}, {"pcode", p.pcode}, {"level", p.level}, {"begin", p.offsets.begin}, {"end", p.offsets.end}});
    return out;
}

// The columns of event_columns, for a mention or a merged event.
template <typename Event>
void write_event_columns(table_writer& w, const Event& e) {
    w.text(std::string(extract::to_string(e.type))).text(e.sub_type).integer(e.background ? 1 : 0);
    w.date(e.date).date(e.date_end).text(std::string(extract::to_string(e.date_prec)));
    w.text(e.district ? e.district->pcode : "").text(e.district ? e.district->name : "");
    w.text(e.province ? e.province->pcode : "").text(e.province ? e.province->name : "");
    w.text(std::string(extract::to_string(e.geo_prec))).maybe(e.lon).maybe(e.lat);
    w.text(e.who.perpetrator).text(e.who.target).text(e.who.perpetrator_detail).text(e.who.target_detail);
    w.range(e.killed).range(e.wounded).range(e.missing).range(e.captured);
    w.text(e.control).text(e.reported_by).text(e.reported_by_kind);
    w.text(e.quote).real(e.confidence).text(claims_json(e.claims).dump());
}

void write_info(table_writer& w, const std::string& key, const std::string& value) {
    w.text(key).text(value).insert();
}

// ---- reading ---------------------------------------------------------------------------------------

class table_reader {
public:
    table_reader(GDALDataset& ds, const char* name, const std::vector<column>& columns) {
        layer_ = ds.GetLayerByName(name);
        if (layer_ == nullptr) throw data_error(fmt::format("no table {}", name));
        for (const auto& c : columns) {
            int index = layer_->GetLayerDefn()->GetFieldIndex(c.name);
            if (index < 0) throw data_error(fmt::format("table {} has no column {}", name, c.name));
            index_.push_back(index);
        }
        layer_->ResetReading();
    }

    bool next() {
        feature_.reset(layer_->GetNextFeature());
        next_ = 0;
        return feature_ != nullptr;
    }

    std::string text() {
        int i = index_[static_cast<std::size_t>(next_++)];
        return feature_->IsFieldSetAndNotNull(i) ? feature_->GetFieldAsString(i) : "";
    }
    std::string date() {
        int i = index_[static_cast<std::size_t>(next_++)];
        if (!feature_->IsFieldSetAndNotNull(i)) return "";
        int y = 0, m = 0, d = 0, h = 0, min = 0, tz = 0;
        float s = 0;
        feature_->GetFieldAsDateTime(i, &y, &m, &d, &h, &min, &s, &tz);
        return fmt::format("{:04}-{:02}-{:02}", y, m, d);
    }
    std::optional<std::int64_t> integer() {
        int i = index_[static_cast<std::size_t>(next_++)];
        if (!feature_->IsFieldSetAndNotNull(i)) return std::nullopt;
        return feature_->GetFieldAsInteger64(i);
    }
    std::optional<double> real() {
        int i = index_[static_cast<std::size_t>(next_++)];
        if (!feature_->IsFieldSetAndNotNull(i)) return std::nullopt;
        return feature_->GetFieldAsDouble(i);
    }
    std::optional<extract::count_range> range() {
        auto low = integer(), best = integer(), high = integer();
        if (!low || !best || !high) return std::nullopt;
        return extract::count_range{static_cast<int>(*low), static_cast<int>(*best), static_cast<int>(*high)};
    }

private:
    OGRLayer* layer_ = nullptr;
    std::vector<int> index_;
    geo::ogr_feature feature_;
    int next_ = 0;
};

std::optional<extract::place_ref> place(std::string pcode, std::string name) {
    if (pcode.empty() && name.empty()) return std::nullopt;
    return extract::place_ref{std::move(pcode), std::move(name)};
}

template <typename E>
E enum_value(std::optional<E> parsed, E fallback) {
    return parsed ? *parsed : fallback;
}

std::vector<extract::claim> claims_from(const std::string& text) {
    std::vector<extract::claim> out;
    if (text.empty()) return out;
    for (const auto& j : json::parse(text)) {
        extract::claim c;
        c.field = j.at("field").get<std::string>();
        c.value = {j.at("low").get<int>(), j.at("best").get<int>(), j.at("high").get<int>()};
        c.source = j.at("source").get<std::string>();
        c.source_kind = j.at("source_kind").get<std::string>();
        c.subject = j.at("subject").get<std::string>();
        c.offsets = {j.at("begin").get<std::size_t>(), j.at("end").get<std::size_t>()};
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<extract::place_mention> places_from(const std::string& text) {
    std::vector<extract::place_mention> out;
    if (text.empty()) return out;
    for (const auto& j : json::parse(text))
        out.push_back({j.at("text").get<std::string>(), j.at("pcode").get<std::string>(), j.at("level").get<std::string>(),
                       {j.at("begin").get<std::size_t>(), j.at("end").get<std::size_t>()}});
    return out;
}

void read_event_columns(table_reader& r, extract::event& e) {
    e.type = enum_value(extract::event_type_from_string(r.text()), extract::event_type::other);
    e.sub_type = r.text();
    e.background = r.integer().value_or(0) != 0;
    e.date = r.date();
    e.date_end = r.date();
    e.date_prec = enum_value(extract::date_precision_from_string(r.text()), extract::date_precision::unknown);
    auto district_pcode = r.text();
    e.district = place(district_pcode, r.text());
    auto province_pcode = r.text();
    e.province = place(province_pcode, r.text());
    e.geo_prec = enum_value(extract::geo_precision_from_string(r.text()), extract::geo_precision::country);
    e.lon = r.real();
    e.lat = r.real();
    e.who.perpetrator = r.text();
    e.who.target = r.text();
    e.who.perpetrator_detail = r.text();
    e.who.target_detail = r.text();
    e.killed = r.range();
    e.wounded = r.range();
    e.missing = r.range();
    e.captured = r.range();
    e.control = r.text();
    e.reported_by = r.text();
    e.reported_by_kind = r.text();
    e.quote = r.text();
    e.confidence = r.real().value_or(0);
    e.claims = claims_from(r.text());
}

catalog read_content(GDALDataset& ds) {
    {
        table_reader info(ds, "naqsha_store_info", info_columns);
        std::string version;
        while (info.next()) {
            auto key = info.text();
            auto value = info.text();
            if (key == "schema_version") version = value;
        }
        if (version != std::to_string(store_schema_version))
            throw data_error(fmt::format("store schema version '{}', this naqsha writes {}", version, store_schema_version));
    }
    std::map<std::string, stored_article> articles;
    {
        table_reader r(ds, "articles", article_columns);
        while (r.next()) {
            stored_article a;
            a.record.id = r.text();
            a.record.content_hash = r.text();
            a.record.extraction_key = r.text();
            a.record.source = r.text();
            a.record.url = r.text();
            a.record.title = r.text();
            a.record.published = r.date();
            a.record.path = r.text();
            a.record.bytes = r.integer().value_or(0);
            articles.emplace(a.record.id, std::move(a));
        }
    }
    {
        table_reader r(ds, "mentions", mention_columns);
        while (r.next()) {
            stored_mention m;
            m.event.id = r.text();
            m.event.article = r.text();
            m.seq = r.integer().value_or(0);
            r.text(); // event_id: recomputed by merging
            read_event_columns(r, m.event);
            m.event.offsets.begin = static_cast<std::size_t>(r.integer().value_or(0));
            m.event.offsets.end = static_cast<std::size_t>(r.integer().value_or(0));
            m.event.places = places_from(r.text());
            auto it = articles.find(m.event.article);
            if (it == articles.end()) throw data_error(fmt::format("mention {} of an unknown article", m.event.id));
            it->second.mentions.push_back(std::move(m));
        }
    }
    {
        table_reader r(ds, "area_claims", area_claim_columns);
        while (r.next()) {
            extract::area_claim c;
            c.article = r.text();
            c.text = r.text();
            c.source = r.text();
            c.source_kind = r.text();
            if (auto n = r.integer()) c.districts = static_cast<int>(*n);
            if (auto n = r.integer()) c.of_districts = static_cast<int>(*n);
            auto province_pcode = r.text();
            c.province = place(province_pcode, r.text());
            c.date = r.date();
            c.offsets.begin = static_cast<std::size_t>(r.integer().value_or(0));
            c.offsets.end = static_cast<std::size_t>(r.integer().value_or(0));
            auto it = articles.find(c.article);
            if (it != articles.end()) it->second.area_claims.push_back(std::move(c));
        }
    }
    catalog out;
    for (auto& [id, article] : articles) {
        std::sort(article.mentions.begin(), article.mentions.end(),
                  [](const stored_mention& a, const stored_mention& b) { return a.seq < b.seq; });
        out.put(std::move(article));
    }
    return out;
}

} // namespace

previous_store read_store(const fs::path& gpkg) {
    previous_store out;
    std::error_code ec;
    if (!fs::exists(gpkg, ec)) return out;
    geo::ensure_gdal_registered();
    const char* drivers[] = {"GPKG", nullptr};
    geo::gdal_dataset ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    if (!ds) {
        out.notices.push_back(fmt::format("{}: cannot open the previous store ({}); extracting every article again",
                                          gpkg.string(), gdal_message()));
        return out;
    }
    try {
        out.content = read_content(*ds);
    } catch (const std::exception& e) {
        out.content = catalog{};
        out.notices.push_back(fmt::format("{}: previous store not reused ({}); extracting every article again",
                                          gpkg.string(), e.what()));
    }
    return out;
}

void write_store(const fs::path& gpkg, const catalog& content, const merge_result& merged, const map_state& state,
                 const store_settings& settings) {
    geo::ensure_gdal_registered();
    std::string stamp = (settings.as_of.empty() ? std::string("1970-01-01") : settings.as_of) + "T00:00:00.000Z";
    geo::scoped_config_option fixed_time("OGR_CURRENT_DATE", stamp.c_str());

    auto* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (driver == nullptr) throw output_error("GDAL has no GPKG driver");
    geo::gdal_dataset ds(driver->Create(gpkg.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw output_error(fmt::format("{}: cannot create GeoPackage: {}", gpkg.string(), gdal_message()));
    if (ds->StartTransaction() != OGRERR_NONE)
        throw output_error(fmt::format("{}: cannot start a transaction: {}", gpkg.string(), gdal_message()));

    {
        table_writer w(*ds, gpkg, "articles", "Every article stored, with the hash of its text", article_columns);
        for (const auto& [id, a] : content.articles()) {
            const auto& r = a.record;
            w.text(r.id).text(r.content_hash).text(r.extraction_key).text(r.source).text(r.url).text(r.title);
            w.date(r.published).text(r.path).integer(r.bytes);
            w.integer(static_cast<std::int64_t>(a.mentions.size())).integer(static_cast<std::int64_t>(a.area_claims.size()));
            w.insert();
        }
    }
    {
        table_writer w(*ds, gpkg, "mentions", "What each article says happened, as extracted (one row per article event)",
                       mention_columns);
        for (const auto& [id, a] : content.articles())
            for (const auto& m : a.mentions) {
                auto it = merged.event_of.find(m.event.id);
                w.text(m.event.id).text(m.event.article).integer(m.seq).text(it == merged.event_of.end() ? "" : it->second);
                write_event_columns(w, m.event);
                w.integer(static_cast<std::int64_t>(m.event.offsets.begin)).integer(static_cast<std::int64_t>(m.event.offsets.end));
                w.text(places_json(m.event.places).dump());
                w.insert();
            }
    }
    {
        table_writer w(*ds, gpkg, "events", "Merged events: one per real-world incident, every source kept", merged_columns);
        for (const auto& e : merged.events) {
            w.text(e.id);
            write_event_columns(w, e);
            w.integer(static_cast<std::int64_t>(e.sources.size())).text(e.sources.empty() ? "" : e.sources.front().mention_id);
            w.insert();
        }
    }
    {
        table_writer w(*ds, gpkg, "event_sources", "Which article (mention) reported which merged event", source_columns);
        for (const auto& e : merged.events)
            for (const auto& s : e.sources) w.text(e.id).text(s.article).text(s.mention_id).text(s.source).text(s.url).date(s.published).insert();
    }
    {
        table_writer w(*ds, gpkg, "area_claims", "Claims about many districts at once: kept, never painted", area_claim_columns);
        for (const auto& [id, a] : content.articles())
            for (const auto& c : a.area_claims) {
                w.text(c.article).text(c.text).text(c.source).text(c.source_kind).maybe(c.districts).maybe(c.of_districts);
                w.text(c.province ? c.province->pcode : "").text(c.province ? c.province->name : "").date(c.date);
                w.integer(static_cast<std::int64_t>(c.offsets.begin)).integer(static_cast<std::int64_t>(c.offsets.end));
                w.insert();
            }
    }
    {
        table_writer w(*ds, gpkg, "summary",
                       "District control per date: counts and population/area shares per status (last row: map date)",
                       summary_columns());
        for (const auto& s : state.summaries) {
            w.date(s.date).text(s.slice);
            for (int n : s.districts) w.integer(n);
            w.integer(s.unknown_districts);
            for (double v : s.population_share) w.real(v);
            w.real(s.unknown_population_share);
            for (double v : s.area_share) w.real(v);
            w.real(s.unknown_area_share);
            w.insert();
        }
    }
    {
        table_writer w(*ds, gpkg, "naqsha_store_info", "naqsha bookkeeping: schema version and the run's settings", info_columns);
        write_info(w, "schema_version", std::to_string(store_schema_version));
        write_info(w, "map_date", settings.as_of);
        write_info(w, "slice", settings.slice_unit);
        write_info(w, "contested_days", std::to_string(settings.contested_days));
        write_info(w, "baseline", settings.baseline);
        write_info(w, "overrides", settings.overrides);
    }
    if (ds->CommitTransaction() != OGRERR_NONE)
        throw output_error(fmt::format("{}: cannot commit: {}", gpkg.string(), gdal_message()));
    CPLErrorReset();
    ds.reset();
    if (CPLGetLastErrorType() >= CE_Failure)
        throw output_error(fmt::format("{}: cannot close: {}", gpkg.string(), gdal_message()));
}

} // namespace naqsha::store
