#pragma once
// What `run` and `extract` say when the inputs given hold no article at all: an empty directory once
// gave exit 0 and an empty map, as if the articles had been read and told of nothing.
#include "base/error.hpp"

#include <string>
#include <vector>

namespace naqsha::app {

inline no_input_error no_article_found(const std::vector<std::string>& inputs) {
    std::string named;
    for (const auto& input : inputs) named += (named.empty() ? "" : ", ") + input;
    return no_input_error("no article found in " + named +
                          " (articles are files ending .txt, .text, .md, .ndjson, .jsonl or .json; directories are "
                          "read recursively); nothing was written");
}

} // namespace naqsha::app
