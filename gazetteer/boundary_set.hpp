#pragma once
// A boundary set's field mapping (shapefiles/boundary-sets/<name>.conf): which files hold the
// district and province polygons and which attributes carry codes and names. Lets naqsha read the
// OCHA/AGCHO set, AIMS-398, geoBoundaries or a user's own set without code changes.
#include <filesystem>
#include <string>
#include <vector>

namespace naqsha::gazetteer {

struct layer_mapping {
    std::filesystem::path path;          // relative to the data directory
    std::string code;                    // attribute holding the unique code (P-code)
    std::string code_prefix;             // prepended to the code ("AIMS")
    std::string name;                    // English name
    std::string name_dari;               // Dari name (may be empty)
    std::vector<std::string> alternates; // attributes with alternate names (English or Dari)
    std::string province_code;           // districts only: the province's code
    std::string province_name;           // districts only: the province's name
    bool present() const { return !path.empty(); }
};

struct boundary_set {
    std::string name;
    std::filesystem::path mapping_file;
    std::string description;
    layer_mapping districts;
    layer_mapping provinces;             // absent: provinces are dissolved from the districts
    // "attribute": the district's province_code field; "spatial": the province polygon holding the
    // district's interior point (for sets like geoBoundaries ADM2 that carry no province field).
    std::string province_assignment = "attribute";
    std::filesystem::path settlements;   // settlement point CSV, optional
    std::filesystem::path province_centres; // provincial-centre CSV, optional
    std::filesystem::path district_centres; // district-centre CSV, optional
    std::filesystem::path crosswalks;    // directory of name-variant crosswalks, optional
};

// `name_or_path` is a mapping name in shapefiles_dir()/boundary-sets, or a path to a .conf file.
// Throws data_error naming the file when it is missing or malformed.
boundary_set read_boundary_set(const std::string& name_or_path);

} // namespace naqsha::gazetteer
