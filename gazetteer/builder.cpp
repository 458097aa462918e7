#include "gazetteer/builder.hpp"

#include "base/error.hpp"
#include "base/paths.hpp"
#include "gazetteer/aliases.hpp"
#include "gazetteer/boundary_reader.hpp"
#include "gazetteer/crosswalks.hpp"
#include "gazetteer/geometry_ops.hpp"
#include "gazetteer/names.hpp"
#include "gazetteer/settlements.hpp"
#include "gazetteer/spatial_index.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace naqsha::gazetteer {
namespace {

void add_name(gazetteer_data& data, level kind, std::uint32_t place, name_source source, const std::string& spelling) {
    if (spelling.empty()) return;
    name_entry e;
    e.kind = kind;
    e.place = place;
    e.source = source;
    e.spelling = spelling;
    if (make_key(spelling).compact.empty()) e.flags |= flag_generic;
    data.names.push_back(std::move(e));
}

// A province or district from its boundary feature: names, shape, interior point and area.
template <class Place>
Place place_from(boundary_feature& f) {
    Place p;
    p.pcode = f.code;
    p.name = f.name;
    p.name_dari = f.name_dari;
    p.alternates = f.alternates;
    p.shape = std::move(f.shape);
    p.interior = interior_point(p.shape);
    p.area_km2 = area_km2(p.shape);
    return p;
}

bool is_arabic_script(const std::string& s) { return !s.empty() && static_cast<unsigned char>(s[0]) >= 0xD8; }

void build_provinces(gazetteer_data& data, const boundary_set& set, const std::filesystem::path& data_dir,
                     const std::vector<boundary_feature>& districts) {
    std::vector<boundary_feature> features;
    if (set.provinces.present()) {
        features = read_boundary_layer(data_dir / set.provinces.path, set.provinces, "", data.report.repairs);
    } else {
        // Dissolve the districts by their province code.
        std::map<std::string, std::vector<const boundary_feature*>> by_code;
        for (const auto& d : districts) by_code[d.province_code].push_back(&d);
        for (const auto& [code, members] : by_code) {
            boundary_feature p;
            p.code = code;
            p.name = members.front()->province_name;
            std::vector<const geo::multipolygon*> shapes;
            for (const auto* m : members) shapes.push_back(&m->shape);
            p.shape = dissolve(shapes);
            features.push_back(std::move(p));
        }
    }
    std::sort(features.begin(), features.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
    for (auto& f : features) data.provinces.push_back(place_from<province>(f));
}

void build_districts(gazetteer_data& data, const boundary_set& set, std::vector<boundary_feature>& features) {
    std::sort(features.begin(), features.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
    std::map<std::string, std::uint32_t> province_by_code;
    for (std::uint32_t i = 0; i < data.provinces.size(); ++i) province_by_code[data.provinces[i].pcode] = i;
    std::vector<const geo::multipolygon*> province_shapes;
    for (const auto& p : data.provinces) province_shapes.push_back(&p.shape);
    std::optional<spatial_index> provinces_index;
    if (set.province_assignment == "spatial") provinces_index.emplace(province_shapes);

    std::set<std::string> seen;
    for (auto& f : features) {
        if (!seen.insert(f.code).second)
            throw data_error(fmt::format("{}: district code {} appears twice",
                                         (set.mapping_file.parent_path() / set.districts.path).string(), f.code));
        auto d = place_from<district>(f);
        if (provinces_index) {
            auto p = provinces_index->locate(d.interior);
            if (!p) {
                data.report.warnings.push_back(fmt::format("district {} {} lies in no province polygon", d.pcode, d.name));
                continue;
            }
            d.province_index = *p;
        } else {
            auto it = province_by_code.find(f.province_code);
            if (it == province_by_code.end())
                throw data_error(fmt::format("{}: district {} ({}) names province {}, which the province layer lacks",
                                             set.districts.path.string(), d.pcode, d.name, f.province_code));
            d.province_index = it->second;
        }
        data.districts.push_back(std::move(d));
    }
}

// The district holding each provincial centre: the boundary set's "Centre" alternate when it has
// one, else the district named like its province.
void assign_capitals(gazetteer_data& data) {
    for (std::uint32_t p = 0; p < data.provinces.size(); ++p) {
        auto& prov = data.provinces[p];
        const district* by_name = nullptr;
        for (const auto& d : data.districts) {
            if (d.province_index != p) continue;
            for (const auto& alt : d.alternates)
                if (make_key(alt).compact.empty() && prov.capital_district_pcode.empty()) prov.capital_district_pcode = d.pcode;
            if (make_key(d.name).compact == make_key(prov.name).compact) by_name = &d;
        }
        if (prov.capital_district_pcode.empty() && by_name != nullptr) prov.capital_district_pcode = by_name->pcode;
    }
}

template <class Place>
void add_boundary_names(gazetteer_data& data, level kind, const std::vector<Place>& places) {
    for (std::uint32_t i = 0; i < places.size(); ++i) {
        const auto& p = places[i];
        add_name(data, kind, i, name_source::canonical, p.name);
        add_name(data, kind, i, name_source::dari, p.name_dari);
        for (const auto& a : p.alternates)
            add_name(data, kind, i, is_arabic_script(a) ? name_source::dari : name_source::alternate, a);
    }
}

} // namespace

gazetteer_data build_gazetteer_data(const boundary_set& set, const std::filesystem::path& data_dir) {
    gazetteer_data data;
    data.report.boundary_set = set.name;
    auto district_features = read_boundary_layer(data_dir / set.districts.path, set.districts,
                                                 set.provinces.code_prefix, data.report.repairs);
    build_provinces(data, set, data_dir, district_features);
    build_districts(data, set, district_features);
    assign_capitals(data);
    add_boundary_names(data, level::province, data.provinces);
    add_boundary_names(data, level::district, data.districts);

    std::vector<const geo::multipolygon*> shapes;
    for (const auto& d : data.districts) shapes.push_back(&d.shape);
    spatial_index districts(shapes);
    add_settlements(data, set, data_dir, districts);
    if (!set.crosswalks.empty()) add_crosswalk_names(data, data_dir / set.crosswalks);
    auto aliases = shapefiles_dir() / "aliases";
    add_curated_aliases(data, aliases);
    flag_names(data, aliases, dictionary_file());
    deduplicate_names(data);
    for (auto& p : data.provinces) p.population = 0;
    for (const auto& d : data.districts) data.provinces[d.province_index].population += d.population;
    return data;
}

} // namespace naqsha::gazetteer
