#include "render/layers/xml_writer.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace naqsha::layers {

xml_writer::xml_writer(std::string_view prolog) : out_(prolog) {}

void xml_writer::newline_indent() {
    if (!out_.empty()) out_ += '\n';
    out_.append(2 * stack_.size(), ' ');
}

void xml_writer::end_start_tag() {
    if (start_tag_open_) {
        out_ += '>';
        start_tag_open_ = false;
    }
}

xml_writer& xml_writer::open(std::string_view tag) {
    if (has_text_) throw std::logic_error("xml_writer: mixed content in <" + stack_.back() + ">");
    end_start_tag();
    newline_indent();
    out_ += '<';
    out_ += tag;
    stack_.emplace_back(tag);
    start_tag_open_ = true;
    has_children_ = false;
    has_text_ = false;
    return *this;
}

xml_writer& xml_writer::attr(std::string_view name, std::string_view value) {
    if (!start_tag_open_) throw std::logic_error("xml_writer: attribute outside a start tag");
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    out_ += escape(value);
    out_ += '"';
    return *this;
}

xml_writer& xml_writer::attr(std::string_view name, double value) { return attr(name, number(value)); }

xml_writer& xml_writer::attr(std::string_view name, int value) { return attr(name, std::to_string(value)); }

xml_writer& xml_writer::text(std::string_view value) {
    if (stack_.empty() || has_children_) throw std::logic_error("xml_writer: text outside a leaf element");
    end_start_tag();
    out_ += escape(value);
    has_text_ = true;
    return *this;
}

xml_writer& xml_writer::cdata(std::string_view value) {
    if (stack_.empty() || has_children_) throw std::logic_error("xml_writer: CDATA outside a leaf element");
    end_start_tag();
    // "]]>" cannot appear inside a CDATA section: split it across two sections.
    out_ += "<![CDATA[";
    std::size_t from = 0;
    for (auto at = value.find("]]>"); at != std::string_view::npos; at = value.find("]]>", from)) {
        out_.append(value.substr(from, at + 2 - from));
        out_ += "]]><![CDATA[";
        from = at + 2;
    }
    out_.append(value.substr(from));
    out_ += "]]>";
    has_text_ = true;
    return *this;
}

xml_writer& xml_writer::close() {
    if (stack_.empty()) throw std::logic_error("xml_writer: close without open");
    std::string tag = std::move(stack_.back());
    stack_.pop_back();
    if (start_tag_open_) {
        out_ += "/>";
        start_tag_open_ = false;
    } else {
        if (!has_text_) newline_indent();
        out_ += "</";
        out_ += tag;
        out_ += '>';
    }
    has_children_ = true; // for the parent
    has_text_ = false;
    return *this;
}

xml_writer& xml_writer::leaf(std::string_view tag, std::string_view value) {
    open(tag);
    if (!value.empty()) text(value);
    else {
        end_start_tag();
        has_text_ = true; // writes <tag></tag>, as QGIS does for empty values
    }
    return close();
}

xml_writer& xml_writer::option(std::string_view name, std::string_view value, std::string_view type) {
    return open("Option").attr("type", type).attr("name", name).attr("value", value).close();
}

xml_writer& xml_writer::raw_child(std::string_view xml) {
    if (has_text_) throw std::logic_error("xml_writer: mixed content");
    end_start_tag();
    newline_indent();
    out_ += xml;
    has_children_ = true;
    return *this;
}

std::string xml_writer::finish() {
    if (!stack_.empty()) throw std::logic_error("xml_writer: <" + stack_.back() + "> left open");
    out_ += '\n';
    return std::move(out_);
}

std::string xml_writer::escape(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        case '\n': out += "&#10;"; break;
        case '\r': out += "&#13;"; break;
        case '\t': out += "&#9;"; break;
        default:
            // Control characters are not allowed in XML 1.0; drop them rather than write an invalid file.
            if (static_cast<unsigned char>(c) < 0x20) break;
            out += c;
        }
    }
    return out;
}

std::string xml_writer::number(double value) { return fmt::format("{}", value); }

} // namespace naqsha::layers
