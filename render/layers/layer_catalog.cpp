#include "render/layers/layer_catalog.hpp"

#include <array>
#include <stdexcept>
#include <string>

namespace naqsha::layers {
namespace {

using fk = field_kind;
using paint = symbol_spec::paint;

constexpr std::array control_fields{
    field_def{"pcode", fk::text, "District P-code"},
    field_def{"district", fk::text, "District"},
    field_def{"province_pcode", fk::text, "Province P-code"},
    field_def{"province", fk::text, "Province"},
    field_def{"status", fk::text, "Control status"},
    field_def{"start_date", fk::date, "From"},
    field_def{"end_date", fk::date, "Until (empty: still so at the map date)"},
    field_def{"basis", fk::text, "Basis (baseline, event, override)"},
    field_def{"source", fk::text, "Source of a baseline or override"},
    field_def{"events", fk::integer, "Supporting events"},
    field_def{"event_ids", fk::text, "Supporting event ids"},
    field_def{"confidence", fk::real, "Confidence in the state (0-1)"},
    field_def{"articles", fk::text, "Articles behind the state"},
    field_def{"quotes", fk::text, "What the articles say (one quote per line)"},
};

// Shared by `incidents` (points) and `incidents_province` (hatched provinces).
constexpr std::array incident_fields{
    field_def{"id", fk::text, "Event id"},
    field_def{"type", fk::text, "Event type"},
    field_def{"sub_type", fk::text, "Sub-type"},
    field_def{"background", fk::boolean, "Recalled background event"},
    field_def{"date", fk::date, "Date"},
    field_def{"date_end", fk::date, "Date (end)"},
    field_def{"date_precision", fk::text, "Date precision"},
    field_def{"precision", fk::text, "Place precision (settlement, district, province)"},
    field_def{"location", fk::text, "Drawn at (settlement, district point, province)"},
    field_def{"district_pcode", fk::text, "District P-code"},
    field_def{"district", fk::text, "District"},
    field_def{"province_pcode", fk::text, "Province P-code"},
    field_def{"province", fk::text, "Province"},
    field_def{"perpetrator", fk::text, "Perpetrator"},
    field_def{"target", fk::text, "Target"},
    field_def{"perpetrator_detail", fk::text, "Perpetrator (as reported)"},
    field_def{"target_detail", fk::text, "Target (as reported)"},
    field_def{"killed_low", fk::integer, "Killed (low)"},
    field_def{"killed_best", fk::integer, "Killed (best estimate)"},
    field_def{"killed_high", fk::integer, "Killed (high)"},
    field_def{"wounded_low", fk::integer, "Wounded (low)"},
    field_def{"wounded_best", fk::integer, "Wounded (best estimate)"},
    field_def{"wounded_high", fk::integer, "Wounded (high)"},
    field_def{"missing_low", fk::integer, "Missing (low)"},
    field_def{"missing_best", fk::integer, "Missing (best estimate)"},
    field_def{"missing_high", fk::integer, "Missing (high)"},
    field_def{"captured_low", fk::integer, "Captured (low)"},
    field_def{"captured_best", fk::integer, "Captured (best estimate)"},
    field_def{"captured_high", fk::integer, "Captured (high)"},
    field_def{"sources", fk::integer, "Number of sources"},
    field_def{"source_names", fk::text, "Sources"},
    field_def{"articles", fk::text, "Articles"},
    field_def{"urls", fk::text, "Article URLs"},
    field_def{"first_published", fk::date, "First published"},
    field_def{"control", fk::text, "Control after the event"},
    field_def{"confidence", fk::real, "Extraction confidence (0-1)"},
    field_def{"quote", fk::text, "Quote"},
};

constexpr std::array by_district_fields{
    field_def{"slice", fk::text, "Time slice"},
    field_def{"slice_start", fk::date, "Slice start"},
    field_def{"slice_end", fk::date, "Slice end"},
    field_def{"pcode", fk::text, "District P-code"},
    field_def{"district", fk::text, "District"},
    field_def{"province_pcode", fk::text, "Province P-code"},
    field_def{"province", fk::text, "Province"},
    field_def{"events", fk::integer, "Events"},
    field_def{"killed_low", fk::integer, "Killed (low)"},
    field_def{"killed_best", fk::integer, "Killed (best estimate)"},
    field_def{"killed_high", fk::integer, "Killed (high)"},
    field_def{"wounded_low", fk::integer, "Wounded (low)"},
    field_def{"wounded_best", fk::integer, "Wounded (best estimate)"},
    field_def{"wounded_high", fk::integer, "Wounded (high)"},
};

constexpr std::array district_fields{
    field_def{"pcode", fk::text, "District P-code"},
    field_def{"name", fk::text, "District"},
    field_def{"name_dari", fk::text, "District (Dari)"},
    field_def{"alternates", fk::text, "Other names"},
    field_def{"province_pcode", fk::text, "Province P-code"},
    field_def{"province", fk::text, "Province"},
    field_def{"province_dari", fk::text, "Province (Dari)"},
    field_def{"area_km2", fk::real, "Area (km2, equal-area)"},
    field_def{"population", fk::real, "Population"},
};

constexpr std::array province_fields{
    field_def{"pcode", fk::text, "Province P-code"},
    field_def{"name", fk::text, "Province"},
    field_def{"name_dari", fk::text, "Province (Dari)"},
    field_def{"alternates", fk::text, "Other names"},
    field_def{"capital_pcode", fk::text, "Provincial centre district P-code"},
    field_def{"capital", fk::text, "Provincial centre district"},
    field_def{"districts", fk::integer, "Districts"},
    field_def{"area_km2", fk::real, "Area (km2, equal-area)"},
    field_def{"population", fk::real, "Population"},
};

symbol_spec fill(render::rgba color, render::rgba stroke, double stroke_px) {
    return {paint::solid_fill, color, stroke, px_to_mm(stroke_px), false, 0};
}

symbol_spec outline(render::rgba stroke, double stroke_px) {
    return {paint::outline_only, {0, 0, 0, 0}, stroke, px_to_mm(stroke_px), false, 0};
}

style_spec control_style() {
    style_spec s;
    s.kind = style_spec::renderer::categorized;
    s.field = "status";
    for (const auto& st : render::status_styles) {
        s.classes.push_back({store::to_string(st.status), 0, 0, st.label,
                             fill(st.fill, render::district_border, render::district_border_width_px)});
    }
    return s;
}

style_spec incident_style() {
    style_spec s;
    s.kind = style_spec::renderer::graduated;
    s.field = "killed_best";
    s.null_as_zero = true;
    s.largest_first = true;
    for (std::size_t i = 0; i < render::incident_classes.size(); ++i) {
        const auto& c = render::incident_classes[i];
        double upper = i + 1 < render::incident_classes.size()
                           ? render::incident_classes[i + 1].min_killed - 1
                           : 1'000'000;
        std::string_view label = i == 0 ? std::string_view{"0 or unknown killed"} : c.label;
        s.classes.push_back({"", static_cast<double>(c.min_killed), upper, label,
                             {paint::circle_marker, render::incident_fill, render::incident_outline,
                              px_to_mm(1.0), false, px_to_mm(2 * c.radius_px)}});
    }
    return s;
}

style_spec imprecise_incident_style() {
    style_spec s;
    s.single = {paint::hatch_fill, render::imprecise_incident_hatch, render::imprecise_incident_hatch,
                px_to_mm(1.5), true, 0};
    return s;
}

style_spec by_district_style() {
    style_spec s;
    s.kind = style_spec::renderer::graduated;
    s.field = "events";
    for (std::size_t i = 0; i < render::district_count_classes.size(); ++i) {
        const auto& c = render::district_count_classes[i];
        double upper = i + 1 < render::district_count_classes.size()
                           ? render::district_count_classes[i + 1].min_events - 1
                           : 1'000'000;
        s.classes.push_back({"", static_cast<double>(c.min_events), upper, c.label,
                             fill(c.fill, render::district_border, render::district_border_width_px)});
    }
    return s;
}

style_spec district_style() {
    style_spec s;
    s.single = outline(render::district_border, render::district_border_width_px);
    return s;
}

style_spec province_style() {
    style_spec s;
    s.single = outline(render::province_border, render::province_border_width_px);
    s.label_field = "name";
    return s;
}

std::vector<layer_definition> make_catalog() {
    return {
        {"incidents", "Incidents",
         "Merged events at the settlement, or at the district's representative point when only the "
         "district is known; circles graduated by killed (best estimate)",
         geometry_kind::point, incident_fields, incident_style(), {"date", "date_end"}, true},
        {"incidents_province", "Incidents known only to the province",
         "Events whose place is known only to the province, drawn as the hatched province rather than "
         "as a point that would claim a precision the report does not have",
         geometry_kind::polygon, incident_fields, imprecise_incident_style(), {"date", "date_end"}, true, true},
        {"provinces", "Provinces", "Province boundaries with names, P-codes, area and population",
         geometry_kind::polygon, province_fields, province_style(), {}, true},
        {"districts", "Districts", "District boundaries with names, P-codes, area and population",
         geometry_kind::polygon, district_fields, district_style(), {}, true},
        {"incidents_by_district", "Incidents by district and time slice",
         "Per time slice, districts with their event count and killed and wounded ranges",
         geometry_kind::polygon, by_district_fields, by_district_style(), {"slice_start", "slice_end"}, false, true},
        {"control", "District control",
         "One feature per district per interval of government, contested, taliban or unconfirmed control",
         geometry_kind::polygon, control_fields, control_style(), {"start_date", "end_date"}, true},
    };
}

} // namespace

const std::vector<layer_definition>& layer_catalog() {
    static const std::vector<layer_definition> catalog = make_catalog();
    return catalog;
}

const layer_definition& layer_named(std::string_view name) {
    for (const auto& def : layer_catalog())
        if (def.name == name) return def;
    throw std::out_of_range("no layer named " + std::string(name));
}

} // namespace naqsha::layers
