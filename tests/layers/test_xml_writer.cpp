#include "render/layers/xml_writer.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

using naqsha::layers::xml_writer;

TEST_CASE("xml_writer escapes, nests and indents like QGIS") {
    xml_writer xml("<!DOCTYPE qgis>");
    xml.open("qgis").attr("name", "a \"quoted\" <name> & 'more'");
    xml.open("empty").close();
    xml.leaf("text", "x < y & z");
    xml.leaf("blank", "");
    xml.open("nested").open("inner").attr("n", 2).close().close();
    xml.close();
    CHECK(xml.finish() ==
          "<!DOCTYPE qgis>\n"
          "<qgis name=\"a &quot;quoted&quot; &lt;name&gt; &amp; &apos;more&apos;\">\n"
          "  <empty/>\n"
          "  <text>x &lt; y &amp; z</text>\n"
          "  <blank></blank>\n"
          "  <nested>\n"
          "    <inner n=\"2\"/>\n"
          "  </nested>\n"
          "</qgis>\n");
}

TEST_CASE("xml_writer keeps CDATA whole even when it contains the end marker") {
    xml_writer xml;
    xml.open("code").cdata("a]]>b").close();
    CHECK(xml.finish() == "<code><![CDATA[a]]]]><![CDATA[>b]]></code>\n");
}

TEST_CASE("xml_writer drops control characters and keeps line breaks in attributes") {
    CHECK(xml_writer::escape(std::string("a\x01" "b\nc")) == "ab&#10;c");
}

TEST_CASE("xml_writer refuses malformed documents") {
    xml_writer open_left;
    open_left.open("a");
    CHECK_THROWS_AS(open_left.finish(), std::logic_error);

    xml_writer mixed;
    mixed.open("a").text("t");
    CHECK_THROWS_AS(mixed.open("b"), std::logic_error);

    xml_writer late_attr;
    late_attr.open("a").open("b").close();
    CHECK_THROWS_AS(late_attr.attr("x", "y"), std::logic_error);
}

TEST_CASE("numbers are written in their shortest exact form") {
    CHECK(xml_writer::number(0.5) == "0.5");
    CHECK(xml_writer::number(60.0) == "60");
    CHECK(xml_writer::number(0.1) == "0.1");
    CHECK(std::stod(xml_writer::number(1.0 / 3.0)) == 1.0 / 3.0);
}
