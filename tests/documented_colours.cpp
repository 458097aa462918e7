#include "tests/documented_colours.hpp"

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <stdexcept>

namespace naqsha::test {
namespace {

constexpr const char* table_file = NAQSHA_SOURCE_DIR "/docs/tiles.md";

// "| contested | `#fdae61` | 255 |" rows of the table, by entry.
std::map<std::string, render::rgba> read_table() {
    std::ifstream in(table_file);
    if (!in) throw std::runtime_error(std::string("cannot read ") + table_file);
    static const std::regex row(R"(^\| ([a-z ]+) \| `#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})` \| ([0-9]+) \|$)");
    std::map<std::string, render::rgba> colours;
    std::string line;
    std::smatch m;
    auto byte = [](const std::string& s, int base) { return static_cast<std::uint8_t>(std::stoi(s, nullptr, base)); };
    while (std::getline(in, line))
        if (std::regex_match(line, m, row)) colours[m[1]] = {byte(m[2], 16), byte(m[3], 16), byte(m[4], 16), byte(m[5], 10)};
    return colours;
}

} // namespace

render::rgba documented_colour(const std::string& entry) {
    static const auto colours = read_table();
    auto it = colours.find(entry);
    if (it == colours.end()) throw std::runtime_error(std::string(table_file) + ": no colour for \"" + entry + "\"");
    return it->second;
}

render::rgba documented_colour(store::control_status status) { return documented_colour(std::string(store::to_string(status))); }

std::string as_hex(render::rgba colour) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%02x%02x%02x", colour.r, colour.g, colour.b);
    return hex;
}

} // namespace naqsha::test
