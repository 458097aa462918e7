#pragma once
// Where naqsha finds its data and keeps its caches. Each can be overridden by an environment
// variable (and by a command-line flag in app/), so a clean clone needs no configuration when the
// shared data sits beside it.
#include <filesystem>
#include <vector>

namespace naqsha {

// Directory of the running executable (from /proc/self/exe).
std::filesystem::path executable_dir();

// NAQSHA_SHARED, else the directory configured at build time (<source>/../shared), else
// <executable>/../../shared.
std::filesystem::path shared_dir();

// NAQSHA_GAZETTEER_DATA, else <shared>/gazetteer-data.
std::filesystem::path gazetteer_data_dir();

// What `--data DIR` names: the shared folder, which holds gazetteer-data/ and corpus/ (as the README
// calls it), or gazetteer-data/ itself. Returns the gazetteer data directory; when DIR is the shared
// folder, it also becomes shared_dir() for the rest of the process, so the sample corpus is read
// from it too.
std::filesystem::path use_data_option(const std::filesystem::path& dir);

// NAQSHA_CORPUS, else <shared>/corpus/seeds: the five seed reports.
std::filesystem::path sample_corpus_dir();

// What `naqsha run` maps when given no articles: NAQSHA_CORPUS alone when set, else the seed reports
// and the dated news items of <shared>/corpus/news-dev/items.jsonl (2002-2020), when present.
std::vector<std::filesystem::path> default_corpus();

// NAQSHA_CACHE_DIR, else <executable dir>/cache (build/cache for build/naqsha).
std::filesystem::path cache_dir();

// The repository's shapefiles/ directory (field mappings and alias tables): NAQSHA_SHAPEFILES, else
// the source tree's shapefiles/.
std::filesystem::path shapefiles_dir();

} // namespace naqsha
