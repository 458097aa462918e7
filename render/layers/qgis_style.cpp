#include "render/layers/qgis_style.hpp"

#include <fmt/format.h>

namespace naqsha::layers {
namespace {

using paint = symbol_spec::paint;

std::string mm(double value) { return xml_writer::number(value); }

// The expression the renderer classifies: the field itself, or NULL read as 0.
std::string classified_expression(const style_spec& style) {
    if (style.null_as_zero) return fmt::format("coalesce(\"{}\", 0)", style.field);
    return std::string(style.field);
}

// Opens <layer class=...><Option type="Map">: the caller writes the options and closes both.
void open_symbol_layer(xml_writer& xml, std::string_view symbol_layer_class) {
    xml.open("layer").attr("class", symbol_layer_class).attr("enabled", "1").attr("locked", "0").attr("pass", "0");
    xml.open("Option").attr("type", "Map");
}

void simple_line_layer(xml_writer& xml, render::rgba color, double width_mm, bool dashed) {
    open_symbol_layer(xml, "SimpleLine");
    xml.option("capstyle", "square");
    xml.option("joinstyle", "bevel");
    xml.option("line_color", qgis_color(color));
    xml.option("line_style", dashed ? "dash" : "solid");
    xml.option("line_width", mm(width_mm));
    xml.option("line_width_unit", "MM");
    xml.close().close();
}

void write_symbol(xml_writer& xml, const symbol_spec& s, std::string_view name) {
    const bool marker = s.kind == paint::circle_marker;
    xml.open("symbol").attr("type", marker ? "marker" : "fill").attr("name", name);
    xml.attr("alpha", "1").attr("clip_to_extent", "1").attr("force_rhr", "0");
    switch (s.kind) {
    case paint::solid_fill:
    case paint::outline_only:
        open_symbol_layer(xml, "SimpleFill");
        xml.option("color", qgis_color(s.color));
        xml.option("joinstyle", "bevel");
        xml.option("outline_color", qgis_color(s.stroke));
        xml.option("outline_style", s.dashed_stroke ? "dash" : "solid");
        xml.option("outline_width", mm(s.stroke_width_mm));
        xml.option("outline_width_unit", "MM");
        xml.option("style", s.kind == paint::outline_only ? "no" : "solid");
        xml.close().close();
        break;
    case paint::hatch_fill:
        open_symbol_layer(xml, "LinePatternFill");
        xml.option("angle", "45");
        xml.option("color", qgis_color(s.color));
        xml.option("distance", "2.5");
        xml.option("distance_unit", "MM");
        xml.option("line_width", mm(s.stroke_width_mm / 2));
        xml.option("line_width_unit", "MM");
        xml.close();
        xml.open("symbol").attr("type", "line").attr("name", fmt::format("@{}@0", name));
        xml.attr("alpha", "1").attr("clip_to_extent", "1").attr("force_rhr", "0");
        simple_line_layer(xml, s.color, s.stroke_width_mm / 2, false);
        xml.close();
        xml.close();
        simple_line_layer(xml, s.stroke, s.stroke_width_mm, s.dashed_stroke);
        break;
    case paint::circle_marker:
        open_symbol_layer(xml, "SimpleMarker");
        xml.option("angle", "0");
        xml.option("color", qgis_color(s.color));
        xml.option("joinstyle", "bevel");
        xml.option("name", "circle");
        xml.option("outline_color", qgis_color(s.stroke));
        xml.option("outline_style", "solid");
        xml.option("outline_width", mm(s.stroke_width_mm));
        xml.option("outline_width_unit", "MM");
        xml.option("scale_method", "diameter");
        xml.option("size", mm(s.size_mm));
        xml.option("size_unit", "MM");
        xml.close().close();
        break;
    }
    xml.close();
}

void write_renderer(xml_writer& xml, const style_spec& style) {
    using kind = style_spec::renderer;
    xml.open("renderer-v2");
    switch (style.kind) {
    case kind::single: xml.attr("type", "singleSymbol"); break;
    case kind::categorized: xml.attr("type", "categorizedSymbol").attr("attr", style.field); break;
    case kind::graduated:
        xml.attr("type", "graduatedSymbol").attr("attr", classified_expression(style));
        xml.attr("graduatedMethod", "GraduatedColor");
        break;
    }
    xml.attr("symbollevels", "0").attr("enableorderby", style.largest_first ? "1" : "0");
    xml.attr("forceraster", "0").attr("referencescale", "-1");

    if (style.kind == kind::categorized) {
        xml.open("categories");
        for (std::size_t i = 0; i < style.classes.size(); ++i) {
            const auto& c = style.classes[i];
            xml.open("category").attr("value", c.value).attr("label", c.label).attr("render", "true");
            xml.attr("symbol", std::to_string(i)).close();
        }
        xml.close();
    } else if (style.kind == kind::graduated) {
        xml.open("ranges");
        for (std::size_t i = 0; i < style.classes.size(); ++i) {
            const auto& c = style.classes[i];
            xml.open("range").attr("lower", c.lower).attr("upper", c.upper).attr("label", c.label);
            xml.attr("render", "true").attr("symbol", std::to_string(i)).close();
        }
        xml.close();
    }
    xml.open("symbols");
    if (style.kind == kind::single) write_symbol(xml, style.single, "0");
    for (std::size_t i = 0; i < style.classes.size(); ++i) write_symbol(xml, style.classes[i].symbol, std::to_string(i));
    xml.close();
    if (style.kind == kind::graduated) {
        xml.open("classificationMethod").attr("id", "Custom");
        xml.open("symmetricMode").attr("enabled", "0").attr("symmetrypoint", "0").attr("astride", "0").close();
        xml.open("labelFormat").attr("format", "%1 - %2").attr("labelprecision", "0");
        xml.attr("trimtrailingzeroes", "1").close();
        xml.close();
    }
    if (style.largest_first) {
        xml.open("orderby");
        xml.open("orderByClause").attr("asc", "0").attr("nullsFirst", "0").text(classified_expression(style)).close();
        xml.close();
    }
    xml.open("rotation").close();
    xml.open("sizescale").close();
    xml.close();
}

void write_labeling(xml_writer& xml, const style_spec& style) {
    if (style.label_field.empty()) return;
    xml.open("labeling").attr("type", "simple");
    xml.open("settings").attr("calloutType", "simple");
    xml.open("text-style").attr("fieldName", style.label_field).attr("isExpression", "0");
    xml.attr("fontFamily", "DejaVu Sans").attr("namedStyle", "Bold").attr("fontWeight", "75");
    xml.attr("fontSize", "8").attr("fontSizeUnit", "Point").attr("textColor", "30,30,30,255");
    xml.attr("textOpacity", "1").attr("multilineHeight", "1").attr("allowHtml", "0");
    xml.open("text-buffer").attr("bufferDraw", "1").attr("bufferSize", "0.8").attr("bufferSizeUnits", "MM");
    xml.attr("bufferColor", "255,255,255,255").attr("bufferOpacity", "0.8").attr("bufferNoFill", "1");
    xml.attr("bufferJoinStyle", "128").close();
    xml.close();
    xml.open("text-format").attr("wrapChar", "").attr("multilineAlign", "3").attr("placeDirectionSymbol", "0");
    xml.close();
    // OverPoint (1) with the centroid forced inside: one label near the middle of each province.
    xml.open("placement").attr("placement", "1").attr("centroidInside", "1").attr("centroidWhole", "1");
    xml.attr("fitInPolygonOnly", "0").close();
    xml.open("rendering").attr("obstacle", "1").attr("displayAll", "0").attr("upsidedownLabels", "0");
    xml.attr("labelPerPart", "0").attr("mergeLines", "0").attr("scaleVisibility", "0").close();
    xml.close();
    xml.close();
}

void write_temporal(xml_writer& xml, const temporal_spec& t) {
    const bool on = !t.start_field.empty();
    // mode 2: start and end from fields; limitMode 1: both ends inclusive, so a one-day event shows
    // on its day.
    xml.open("temporal").attr("enabled", on ? "1" : "0").attr("mode", on ? "2" : "0").attr("limitMode", "1");
    xml.attr("accumulate", "0").attr("startField", t.start_field).attr("endField", t.end_field);
    xml.attr("startExpression", "").attr("endExpression", "").attr("durationField", "");
    xml.attr("durationUnit", "min").attr("fixedDuration", "0");
    xml.open("fixedRange").leaf("start", "").leaf("end", "").close();
    xml.close();
}

} // namespace

std::string qgis_color(render::rgba c) { return fmt::format("{},{},{},{}", c.r, c.g, c.b, c.a); }

void write_style_attributes(xml_writer& xml, const layer_definition& def) {
    xml.attr("styleCategories", "AllStyleCategories").attr("hasScaleBasedVisibilityFlag", "0");
    xml.attr("minScale", "100000000").attr("maxScale", "0");
    xml.attr("labelsEnabled", def.style.label_field.empty() ? "0" : "1");
    xml.attr("simplifyDrawingHints", def.geometry == geometry_kind::point ? "0" : "1");
    xml.attr("simplifyDrawingTol", "1").attr("simplifyLocal", "1").attr("simplifyAlgorithm", "0");
    xml.attr("simplifyMaxScale", "1").attr("readOnly", "0").attr("symbologyReferenceScale", "-1");
}

void write_style_elements(xml_writer& xml, const layer_definition& def) {
    write_temporal(xml, def.temporal);
    write_renderer(xml, def.style);
    write_labeling(xml, def.style);
    xml.leaf("blendMode", "0").leaf("featureBlendMode", "0").leaf("layerOpacity", "1");
    xml.open("aliases");
    for (const auto& f : def.fields) xml.open("alias").attr("field", f.name).attr("name", f.alias).close();
    xml.close();
    xml.leaf("previewExpression", def.fields.empty() ? std::string() : fmt::format("\"{}\"", def.fields.front().name));
    xml.leaf("layerGeometryType", def.geometry == geometry_kind::point ? "0" : "2");
}

std::string qml_document(const layer_definition& def) {
    xml_writer xml("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>");
    xml.open("qgis").attr("version", qgis_format_version);
    write_style_attributes(xml, def);
    write_style_elements(xml, def);
    xml.close();
    return xml.finish();
}

} // namespace naqsha::layers
