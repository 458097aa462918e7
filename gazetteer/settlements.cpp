#include "gazetteer/settlements.hpp"

#include "base/error.hpp"
#include "gazetteer/csv_table.hpp"
#include "gazetteer/names.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace naqsha::gazetteer {
namespace {

struct point_row {
    std::string name;
    geo::point location;
    double population = 0;
    bool provincial_centre = false;
};

// "Qala-e-Mohammad (2)": the numbered duplicates of the source keep the name without the number.
std::string clean_name(const std::string& raw) {
    std::string out = raw;
    auto open = out.find(" (");
    if (open != std::string::npos && out.back() == ')') out.erase(open);
    return out;
}

std::vector<point_row> read_points(const std::filesystem::path& file) {
    auto t = read_csv(file);
    auto name = t.column("VILLAGE_NA"), lat = t.column("LAT_Y"), lon = t.column("LON_X");
    auto population = t.column("POPULATION"), centre = t.column("CENTER");
    std::vector<point_row> out;
    for (std::size_t r = 1; r < t.rows.size(); ++r) {
        point_row p;
        p.name = clean_name(t.cell(r, name));
        char* end = nullptr;
        p.location.y = std::strtod(t.cell(r, lat).c_str(), &end);
        p.location.x = std::strtod(t.cell(r, lon).c_str(), &end);
        p.population = std::strtod(t.cell(r, population).c_str(), &end);
        p.provincial_centre = t.cell(r, centre) == "Provincial";
        if (p.name.empty() || p.location.x == 0 || p.location.y == 0) continue;
        out.push_back(std::move(p));
    }
    return out;
}

void add_name(gazetteer_data& data, level kind, std::uint32_t place, name_source source, const std::string& spelling) {
    if (make_key(spelling).compact.empty()) return;
    data.names.push_back({kind, source, 0, place, spelling});
}

} // namespace

void add_settlements(gazetteer_data& data, const boundary_set& set, const std::filesystem::path& data_dir,
                     const spatial_index& districts) {
    auto& warnings = data.report.warnings;
    auto optional_points = [&](const std::filesystem::path& rel) -> std::vector<point_row> {
        if (rel.empty()) return {};
        try {
            return read_points(data_dir / rel);
        } catch (const data_error& e) {
            warnings.push_back(std::string("settlements skipped: ") + e.what());
            return {};
        }
    };

    std::size_t outside = 0;
    for (auto& p : optional_points(set.settlements)) {
        auto d = districts.locate(p.location);
        if (!d) {
            ++outside;
            continue;
        }
        auto index = static_cast<std::uint32_t>(data.settlements.size());
        data.settlements.push_back({p.name, p.location, *d, p.population});
        add_name(data, level::settlement, index, name_source::settlement, p.name);
    }
    if (outside > 0)
        warnings.push_back(fmt::format("{} settlement points lie outside every district polygon and were left out", outside));

    // Provincial centres decide each province's capital district, and name it.
    for (const auto& p : optional_points(set.province_centres)) {
        auto d = districts.locate(p.location);
        if (!d) {
            warnings.push_back(fmt::format("provincial centre {} lies outside every district", p.name));
            continue;
        }
        auto& prov = data.provinces[data.districts[*d].province_index];
        prov.capital_district_pcode = data.districts[*d].pcode;
        add_name(data, level::district, *d, name_source::town, p.name);
    }
    for (const auto& p : optional_points(set.district_centres)) {
        if (auto d = districts.locate(p.location)) add_name(data, level::district, *d, name_source::town, p.name);
    }
}

} // namespace naqsha::gazetteer
