#include "render/compare/compare_layer.hpp"

#include "render/layers/geojson_output.hpp"
#include "render/layers/gpkg_output.hpp"
#include "render/layers/layer_tables.hpp"

namespace naqsha::compare {
namespace {

using layers::field_def;
using fk = layers::field_kind;

constexpr std::array compare_fields{
    field_def{"pcode", fk::text, "District P-code"},
    field_def{"district", fk::text, "District"},
    field_def{"province_pcode", fk::text, "Province P-code"},
    field_def{"province", fk::text, "Province"},
    field_def{"date", fk::date, "Compared on"},
    field_def{"ours", fk::text, "naqsha's state"},
    field_def{"theirs", fk::text, "Reference's state"},
    field_def{"theirs_value", fk::text, "Reference's status as written"},
    field_def{"agree", fk::boolean, "Agree (empty: only one side rates it)"},
    field_def{"agreement", fk::text, "Agreement"},
    field_def{"ours_since", fk::date, "naqsha's state since"},
    field_def{"ours_basis", fk::text, "Basis of naqsha's state (event, baseline, override)"},
    field_def{"ours_events", fk::integer, "Events behind naqsha's state"},
    field_def{"evidence", fk::text, "Evidence behind naqsha's state (events, quotes, articles)"},
    field_def{"reference_match", fk::text, "Matched to the reference by (P-code, name, overlap)"},
    field_def{"reference_district", fk::text, "Reference row or polygon"},
    field_def{"overlap", fk::real, "Share of the district in that polygon"},
};

layers::style_spec agreement_style() {
    layers::style_spec s;
    s.kind = layers::style_spec::renderer::categorized;
    s.field = "agreement";
    for (const auto& v : verdict_styles)
        s.classes.push_back({to_string(v.outcome), 0, 0, label_of(v.outcome),
                             {layers::symbol_spec::paint::solid_fill, v.fill, render::district_border,
                              layers::px_to_mm(render::district_border_width_px), false, 0}});
    return s;
}

layers::feature feature_of(const district_row& row, day_number date) {
    layers::row_builder b(compare_layer_definition());
    b.text("pcode", row.district->pcode).text("district", row.district->name);
    b.text("province_pcode", row.province->pcode).text("province", row.province->name);
    b.date("date", date);
    b.text("ours", row.ours != nullptr ? store::to_string(row.ours->status) : std::string_view{});
    const bool rated = row.theirs != nullptr && row.theirs->status;
    b.text("theirs", rated ? store::to_string(*row.theirs->status) : std::string_view{});
    b.text("theirs_value", row.theirs != nullptr ? std::string_view(row.theirs->value) : std::string_view{});
    b.add("agree", row.compared() ? layers::field_value{row.outcome == verdict::agree} : layers::field_value{});
    b.text("agreement", to_string(row.outcome));
    b.date("ours_since", row.ours != nullptr ? std::optional<day_number>(row.ours->start_day) : std::nullopt);
    b.text("ours_basis", row.ours != nullptr ? store::to_string(row.ours->basis) : std::string_view{});
    b.count("ours_events", row.ours != nullptr ? std::optional<int>(static_cast<int>(row.ours->event_ids.size())) : std::nullopt);
    b.text("evidence", row.evidence);
    b.text("reference_match", row.theirs != nullptr ? reference::to_string(row.theirs->match) : std::string_view{});
    b.text("reference_district", row.theirs != nullptr ? std::string_view(row.theirs->reference_label) : std::string_view{});
    const bool overlap = row.theirs != nullptr && row.theirs->match == reference::match_method::overlap;
    b.add("overlap", overlap ? layers::field_value{row.theirs->overlap_share} : layers::field_value{});
    return {{}, &row.district->shape, b.done()};
}

} // namespace

const layers::layer_definition& compare_layer_definition() {
    static const layers::layer_definition definition{
        "compare",
        "naqsha compared with a reference",
        "Per district, naqsha's control state and a reference assessment's on one date, whether they agree, and the "
        "evidence behind naqsha's state",
        layers::geometry_kind::polygon,
        compare_fields,
        agreement_style(),
        {},
        true,
        false,
    };
    return definition;
}

compare_files write_compare_layer(const comparison& c, const std::filesystem::path& out_dir) {
    layers::layer_set set;
    auto& table = set.tables.emplace_back();
    table.definition = &compare_layer_definition();
    for (const auto& row : c.rows) table.features.push_back(feature_of(row, c.date));

    layers::ogr_geometry_cache geometries;
    compare_files files;
    files.features = table.features.size();
    files.gpkg = out_dir / "compare.gpkg";
    layers::write_gpkg_layers(set, files.gpkg, c.date, geometries);
    const auto geojson = layers::write_geojson_layer(table, out_dir, 7, geometries);
    files.geojson = geojson.geojson;
    files.qml = geojson.qml;
    return files;
}

} // namespace naqsha::compare
