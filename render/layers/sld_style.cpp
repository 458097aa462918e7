#include "render/layers/sld_style.hpp"

#include "render/layers/xml_writer.hpp"

#include <fmt/format.h>

namespace naqsha::layers {
namespace {

using paint = symbol_spec::paint;

// SLD sizes are in pixels of a 0.28 mm "standardized rendering pixel"; QGIS reads them back the same way.
std::string px(double mm) { return xml_writer::number(static_cast<double>(static_cast<long>(mm / 0.28 * 100 + 0.5)) / 100); }

std::string hex(render::rgba c) { return fmt::format("#{:02x}{:02x}{:02x}", c.r, c.g, c.b); }

std::string opacity(render::rgba c) { return xml_writer::number(static_cast<double>(c.a) / 255.0); }

void svg(xml_writer& xml, std::string_view name, std::string_view value) {
    xml.open("se:SvgParameter").attr("name", name).text(value).close();
}

void stroke(xml_writer& xml, const symbol_spec& s) {
    xml.open("se:Stroke");
    svg(xml, "stroke", hex(s.stroke));
    svg(xml, "stroke-width", px(s.stroke_width_mm));
    svg(xml, "stroke-linejoin", "bevel");
    if (s.dashed_stroke) svg(xml, "stroke-dasharray", "7 3");
    xml.close();
}

void symbolizer(xml_writer& xml, const symbol_spec& s) {
    switch (s.kind) {
    case paint::solid_fill:
    case paint::outline_only:
    case paint::hatch_fill:
        xml.open("se:PolygonSymbolizer");
        if (s.kind == paint::solid_fill) {
            xml.open("se:Fill");
            svg(xml, "fill", hex(s.color));
            if (s.color.a != 255) svg(xml, "fill-opacity", opacity(s.color));
            xml.close();
        } else if (s.kind == paint::hatch_fill) {
            xml.open("se:Fill").open("se:GraphicFill").open("se:Graphic").open("se:Mark");
            xml.leaf("se:WellKnownName", "horline");
            xml.open("se:Stroke");
            svg(xml, "stroke", hex(s.color));
            svg(xml, "stroke-width", px(s.stroke_width_mm / 2));
            xml.close();
            xml.close();
            xml.leaf("se:Size", px(2.5));
            xml.open("se:Rotation").open("ogc:Literal").text("45").close().close();
            xml.close().close().close();
        }
        stroke(xml, s);
        xml.close();
        break;
    case paint::circle_marker:
        xml.open("se:PointSymbolizer").open("se:Graphic").open("se:Mark");
        xml.leaf("se:WellKnownName", "circle");
        xml.open("se:Fill");
        svg(xml, "fill", hex(s.color));
        if (s.color.a != 255) svg(xml, "fill-opacity", opacity(s.color));
        xml.close();
        stroke(xml, s);
        xml.close();
        xml.leaf("se:Size", px(s.size_mm));
        xml.close().close();
        break;
    }
}

void property_compare(xml_writer& xml, std::string_view op, std::string_view field, std::string_view literal) {
    xml.open(op).leaf("ogc:PropertyName", field).leaf("ogc:Literal", literal).close();
}

void range_filter(xml_writer& xml, const style_spec& style, const style_class& c, bool first) {
    xml.open("ogc:Filter").attr("xmlns:ogc", "http://www.opengis.net/ogc");
    const bool with_null = first && style.null_as_zero;
    if (with_null) xml.open("ogc:Or").open("ogc:PropertyIsNull").leaf("ogc:PropertyName", style.field).close();
    xml.open("ogc:And");
    property_compare(xml, "ogc:PropertyIsGreaterThanOrEqualTo", style.field, xml_writer::number(c.lower));
    property_compare(xml, "ogc:PropertyIsLessThanOrEqualTo", style.field, xml_writer::number(c.upper));
    xml.close();
    if (with_null) xml.close();
    xml.close();
}

void rule_head(xml_writer& xml, std::string_view label) {
    xml.open("se:Rule").leaf("se:Name", label);
    xml.open("se:Description").leaf("se:Title", label).close();
}

void labels(xml_writer& xml, const style_spec& style) {
    if (style.label_field.empty()) return;
    rule_head(xml, "Labels");
    xml.open("se:TextSymbolizer");
    xml.open("se:Label").leaf("ogc:PropertyName", style.label_field).close();
    xml.open("se:Font");
    svg(xml, "font-family", "DejaVu Sans");
    svg(xml, "font-size", "11");
    svg(xml, "font-weight", "bold");
    xml.close();
    xml.open("se:Halo").leaf("se:Radius", "1.5").open("se:Fill");
    svg(xml, "fill", "#ffffff");
    xml.close().close();
    xml.open("se:Fill");
    svg(xml, "fill", "#1e1e1e");
    xml.close();
    xml.close();
    xml.close();
}

} // namespace

std::string sld_document(const layer_definition& def) {
    xml_writer xml(R"(<?xml version="1.0" encoding="UTF-8"?>)");
    xml.open("StyledLayerDescriptor").attr("xmlns", "http://www.opengis.net/sld");
    xml.attr("xmlns:ogc", "http://www.opengis.net/ogc").attr("xmlns:se", "http://www.opengis.net/se");
    xml.attr("xmlns:xlink", "http://www.w3.org/1999/xlink");
    xml.attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    xml.attr("xsi:schemaLocation",
             "http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd");
    xml.attr("version", "1.1.0");
    xml.open("NamedLayer").leaf("se:Name", def.name);
    xml.open("UserStyle").leaf("se:Name", def.name);
    xml.open("se:FeatureTypeStyle");
    const auto& style = def.style;
    switch (style.kind) {
    case style_spec::renderer::single:
        rule_head(xml, def.title);
        symbolizer(xml, style.single);
        xml.close();
        break;
    case style_spec::renderer::categorized:
        for (const auto& c : style.classes) {
            rule_head(xml, c.label);
            xml.open("ogc:Filter").attr("xmlns:ogc", "http://www.opengis.net/ogc");
            property_compare(xml, "ogc:PropertyIsEqualTo", style.field, c.value);
            xml.close();
            symbolizer(xml, c.symbol);
            xml.close();
        }
        break;
    case style_spec::renderer::graduated:
        for (std::size_t i = 0; i < style.classes.size(); ++i) {
            // Largest first, as the QML orders them, so the small symbols stay on top.
            const auto& c = style.largest_first ? style.classes[style.classes.size() - 1 - i] : style.classes[i];
            rule_head(xml, c.label);
            range_filter(xml, style, c, &c == &style.classes.front());
            symbolizer(xml, c.symbol);
            xml.close();
        }
        break;
    }
    labels(xml, style);
    xml.close().close().close().close();
    return xml.finish();
}

} // namespace naqsha::layers
