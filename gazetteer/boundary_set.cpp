#include "gazetteer/boundary_set.hpp"

#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "base/paths.hpp"
#include "gazetteer/names.hpp"

#include <sstream>

namespace naqsha::gazetteer {
namespace {

std::string trim(std::string_view s) { return trim_text(s); }

std::vector<std::string> split_words(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

} // namespace

boundary_set read_boundary_set(const std::string& name_or_path) {
    std::filesystem::path file = name_or_path;
    bool is_path = name_or_path.find('/') != std::string::npos || file.extension() == ".conf";
    if (!is_path) file = shapefiles_dir() / "boundary-sets" / (name_or_path + ".conf");
    std::string text;
    try {
        text = read_file(file);
    } catch (const input_error&) {
        throw data_error(file.string() + ": boundary set mapping not found (known sets live in " +
                         (shapefiles_dir() / "boundary-sets").string() + ")");
    }

    boundary_set set;
    set.name = is_path ? file.stem().string() : name_or_path;
    set.mapping_file = file;
    std::istringstream in(text);
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        auto stripped = trim(line);
        if (stripped.empty() || stripped[0] == '#') continue;
        auto eq = stripped.find('=');
        if (eq == std::string::npos)
            throw data_error(file.string() + ":" + std::to_string(line_no) + ": expected `key = value`");
        auto key = trim(stripped.substr(0, eq));
        auto value = trim(stripped.substr(eq + 1));
        auto layer_key = [&](layer_mapping& layer, std::string_view field) {
            if (field == "path") layer.path = value;
            else if (field == "code") layer.code = value;
            else if (field == "code_prefix") layer.code_prefix = value;
            else if (field == "name") layer.name = value;
            else if (field == "name_dari") layer.name_dari = value;
            else if (field == "alternates") layer.alternates = split_words(value);
            else if (field == "province_code") layer.province_code = value;
            else if (field == "province_name") layer.province_name = value;
            else return false;
            return true;
        };
        bool known = true;
        if (key.rfind("districts.", 0) == 0) known = layer_key(set.districts, std::string_view(key).substr(10));
        else if (key.rfind("provinces.", 0) == 0) known = layer_key(set.provinces, std::string_view(key).substr(10));
        else if (key == "description") set.description = value;
        else if (key == "province_assignment") set.province_assignment = value;
        else if (key == "settlements") set.settlements = value;
        else if (key == "province_centres") set.province_centres = value;
        else if (key == "district_centres") set.district_centres = value;
        else if (key == "crosswalks") set.crosswalks = value;
        else known = false;
        if (!known) throw data_error(file.string() + ":" + std::to_string(line_no) + ": unknown key `" + key + "`");
    }
    if (!set.districts.present() || set.districts.code.empty() || set.districts.name.empty())
        throw data_error(file.string() + ": districts.path, districts.code and districts.name are required");
    if (set.province_assignment != "attribute" && set.province_assignment != "spatial")
        throw data_error(file.string() + ": province_assignment must be `attribute` or `spatial`");
    if (set.province_assignment == "spatial" && !set.provinces.present())
        throw data_error(file.string() + ": province_assignment = spatial needs a provinces layer");
    if (set.province_assignment == "attribute" && set.districts.province_code.empty())
        throw data_error(file.string() + ": districts.province_code is required (or province_assignment = spatial)");
    return set;
}

} // namespace naqsha::gazetteer
