#include "base/paths.hpp"

#include <cstdlib>
#include <system_error>

namespace naqsha {
namespace {

std::filesystem::path from_env(const char* name) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') return value;
    return {};
}

// Set once, from the command line, before any thread starts (use_data_option).
std::filesystem::path shared_dir_from_option;

} // namespace

std::filesystem::path executable_dir() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return std::filesystem::current_path();
    return exe.parent_path();
}

std::filesystem::path shared_dir() {
    if (!shared_dir_from_option.empty()) return shared_dir_from_option;
    if (auto env = from_env("NAQSHA_SHARED"); !env.empty()) return env;
    std::filesystem::path configured = NAQSHA_DEFAULT_SHARED_DIR;
    std::error_code ec;
    if (std::filesystem::is_directory(configured, ec)) return configured.lexically_normal();
    return (executable_dir() / ".." / ".." / "shared").lexically_normal();
}

std::filesystem::path gazetteer_data_dir() {
    if (auto env = from_env("NAQSHA_GAZETTEER_DATA"); !env.empty()) return env;
    return shared_dir() / "gazetteer-data";
}

std::filesystem::path use_data_option(const std::filesystem::path& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir / "gazetteer-data", ec)) return dir;
    shared_dir_from_option = dir;
    return dir / "gazetteer-data";
}

std::filesystem::path sample_corpus_dir() {
    if (auto env = from_env("NAQSHA_CORPUS"); !env.empty()) return env;
    return shared_dir() / "corpus" / "seeds";
}

std::vector<std::filesystem::path> default_corpus() {
    if (auto env = from_env("NAQSHA_CORPUS"); !env.empty()) return {env};
    std::vector<std::filesystem::path> out{sample_corpus_dir()};
    auto news = shared_dir() / "corpus" / "news-dev" / "items.jsonl";
    std::error_code ec;
    if (std::filesystem::is_regular_file(news, ec)) out.push_back(news);
    return out;
}

std::filesystem::path cache_dir() {
    if (auto env = from_env("NAQSHA_CACHE_DIR"); !env.empty()) return env;
    return executable_dir() / "cache";
}

std::filesystem::path shapefiles_dir() {
    if (auto env = from_env("NAQSHA_SHAPEFILES"); !env.empty()) return env;
    return std::filesystem::path(NAQSHA_SOURCE_DIR) / "shapefiles";
}

} // namespace naqsha
