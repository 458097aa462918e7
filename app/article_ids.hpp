#pragma once
// The article ids a run has read, so that two inputs claiming one id are never silently merged. The
// readers give every file and NDJSON line its own id (extract/article.hpp), but an NDJSON "id" may
// repeat, and two directories given may hold the same relative path: those meet here. Read in input
// order, on the reading thread, so the first claimant is always the same one.
#include "base/content_hash.hpp"

#include <string>
#include <string_view>
#include <unordered_map>

namespace naqsha::app {

class article_ids {
public:
    enum class verdict {
        first,      // the id is new in this run
        same_text,  // claimed before with the same text: the same article given twice; read once
        other_text, // claimed before with other text: a true duplicate, to be reported and left out
    };
    struct claim_result {
        verdict kind = verdict::first;
        std::string first_path; // where the first claimant was read (unless kind == first)
    };

    // `text` is the article's text; `path` where it was read (file, or file:line).
    claim_result claim(const std::string& id, std::string_view text, const std::string& path);

    // The message for a duplicate, naming both inputs and what to do.
    static std::string describe(const std::string& id, const std::string& path, const claim_result& result);

private:
    struct first_claim {
        content_hash text_fingerprint; // two different texts share one with a chance of 2^-128
        std::string path;
    };
    std::unordered_map<std::string, first_claim> claims_;
};

} // namespace naqsha::app
