#include "render/compare/compare_map.hpp"

#include "render/compare/compare_layer.hpp"
#include "render/tiles/district_picture.hpp"

#include <fmt/format.h>

#include <array>
#include <unordered_map>

namespace naqsha::compare {

map_report write_compare_map(const comparison& c, const gazetteer::gazetteer& gazetteer, const std::string& reference_name,
                             const std::filesystem::path& target) {
    const auto districts = gazetteer.districts();
    std::unordered_map<std::string_view, verdict> outcome;
    std::array<int, verdict_count> counts{};
    for (const auto& row : c.rows) {
        outcome.emplace(row.district->pcode, row.outcome);
        ++counts[static_cast<std::size_t>(row.outcome)];
    }

    tiles::district_picture picture;
    for (const auto& d : districts) {
        const auto it = outcome.find(d.pcode);
        picture.fills.push_back(it != outcome.end() ? std::optional<render::rgba>(fill_of(it->second)) : std::nullopt);
    }
    std::vector<tiles::swatch> swatches;
    for (const auto& v : verdict_styles)
        swatches.push_back({fmt::format("{} ({})", label_of(v.outcome), counts[static_cast<std::size_t>(v.outcome)]), v.fill});
    swatches.push_back({fmt::format("Neither side rates it ({})", districts.size() - c.rows.size()), {255, 255, 255, 0}});
    picture.legend = tiles::swatch_legend(c.scheme.binary() ? "Agreement (government / rest)" : "Agreement", std::move(swatches));
    picture.title = "naqsha compared with " + reference_name;
    picture.subtitle = fmt::format("on {}: {} districts compared, accuracy {:.3f}, Cohen's kappa {}", iso_date(c.date),
                                   c.overall.compared, c.overall.accuracy,
                                   c.overall.kappa ? fmt::format("{:.3f}", *c.overall.kappa) : std::string("undefined"));
    picture.footer = "Boundaries: AGCHO / OCHA 2018. Map: naqsha compare.";

    const auto layout = tiles::write_district_picture(districts, picture, target);
    return {target, layout.width, layout.height, layout.zoom, layout.tile_size, layout.map_origin, layout.map_offset};
}

} // namespace naqsha::compare
