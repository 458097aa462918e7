#pragma once
// The binary cache of built gazetteer data (build/cache/gazetteer-<set>.bin), keyed on the sources'
// sizes and modification times plus a format version, written atomically. A cache that is stale,
// truncated or corrupt is reported as a warning and rebuilt, never fatal.
#include "gazetteer/boundary_set.hpp"
#include "gazetteer/model.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace naqsha::gazetteer {

// Identifies the inputs the data was built from; changes when any source file, the mapping, the alias
// tables or the cache format change.
std::string cache_key(const boundary_set& set, const std::filesystem::path& data_dir);

std::optional<gazetteer_data> read_cache(const std::filesystem::path& file, const std::string& key,
                                         std::vector<std::string>& warnings);

// Failure to write (read-only directory, full disk) is a warning: the gazetteer still works.
void write_cache(const std::filesystem::path& file, const std::string& key, const gazetteer_data& data,
                 std::vector<std::string>& warnings);

// Every file the gazetteer reads for a boundary set (for the cache key and for error messages).
std::vector<std::filesystem::path> source_files(const boundary_set& set, const std::filesystem::path& data_dir);

} // namespace naqsha::gazetteer
