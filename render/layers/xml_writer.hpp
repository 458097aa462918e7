#pragma once
// A small streaming XML writer for the QGIS files (QML, SLD, QGS): escapes text and attributes and
// indents like QGIS does, so the output is stable, diffable and byte-identical for equal input.
#include <string>
#include <string_view>
#include <vector>

namespace naqsha::layers {

class xml_writer {
public:
    // `prolog` is written verbatim first (an XML declaration or a DOCTYPE line).
    explicit xml_writer(std::string_view prolog = {});

    xml_writer& open(std::string_view tag);
    xml_writer& attr(std::string_view name, std::string_view value);
    xml_writer& attr(std::string_view name, const char* value) { return attr(name, std::string_view(value)); }
    xml_writer& attr(std::string_view name, double value);
    xml_writer& attr(std::string_view name, int value);
    xml_writer& text(std::string_view value);    // character data of the current element
    xml_writer& cdata(std::string_view value);
    xml_writer& close();
    // <tag>value</tag>
    xml_writer& leaf(std::string_view tag, std::string_view value);
    // QGIS's typed option, <Option type="QString" name="..." value="..."/>.
    xml_writer& option(std::string_view name, std::string_view value, std::string_view type = "QString");
    // Appends pre-built, already well-formed XML at the current position (e.g. a shared fragment).
    xml_writer& raw_child(std::string_view xml);

    // The document; every element must be closed.
    std::string finish();

    static std::string escape(std::string_view value);
    static std::string number(double value);       // shortest form that reads back the same

private:
    void end_start_tag();
    void newline_indent();

    std::string out_;
    std::vector<std::string> stack_;
    bool start_tag_open_ = false;
    bool has_children_ = false;
    bool has_text_ = false;
};

} // namespace naqsha::layers
