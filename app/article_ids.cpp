#include "app/article_ids.hpp"

namespace naqsha::app {

article_ids::claim_result article_ids::claim(const std::string& id, std::string_view text, const std::string& path) {
    const auto print = hash_bytes(text);
    auto [it, inserted] = claims_.try_emplace(id, first_claim{print, path});
    if (inserted) return {};
    return {it->second.text_fingerprint == print ? verdict::same_text : verdict::other_text, it->second.path};
}

std::string article_ids::describe(const std::string& id, const std::string& path, const claim_result& result) {
    if (result.kind == verdict::same_text)
        return path + ": the same article as " + result.first_path + " (id '" + id + "', the same text); read once";
    return path + ": article id '" + id + "' is already taken by " + result.first_path +
           " in this run, with other text; left out: give each a distinct NDJSON \"id\" (or file name)";
}

} // namespace naqsha::app
