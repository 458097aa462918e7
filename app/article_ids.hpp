#pragma once
// The article ids a run has read, so that two inputs claiming one id are never silently merged. The
// readers give every file and NDJSON line its own id (extract/article.hpp), but an NDJSON "id" may
// repeat, and two directories given may hold the same relative path: those meet here. Read in input
// order, on the reading thread, so the first claimant is always the same one.
//
// Every article of a run is claimed, and the claims are held until the last article is read, at the
// end of extraction, where the store's index of a large run is whole too. A hash map of strings cost
// about 150 bytes a claim (a node, the id, the path on the heap, a bucket: 75 MB for 500,000 articles);
// here a claim is 32 bytes, its id and path end to end in a text, and 8 to 16 bytes of table. The
// claims are one large block and the texts blocks of 4 MB, which the C library maps on their own and
// gives back whole when the claims are freed, before merging. Deques of small blocks kept the peak
// 30 MB higher (500,000 articles): their freed blocks stayed among the store's index, where merging's
// large blocks could not use them. One string for every text doubled near the end of extraction, at
// the run's peak, and held both copies for a moment (15.7 MB of old copy at 491,000 articles).
#include "base/content_hash.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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
        content_hash text_fingerprint;    // two different texts share one with a chance of 2^-128
        std::uint32_t block = 0, at = 0;  // its id, then its path, in `texts_[block]` from `at`
        std::uint32_t id_size = 0, path_size = 0;
    };
    std::string_view id_of(const first_claim& c) const {
        return std::string_view(texts_[c.block]).substr(c.at, c.id_size);
    }
    std::string_view path_of(const first_claim& c) const {
        return std::string_view(texts_[c.block]).substr(std::size_t{c.at} + c.id_size, c.path_size);
    }
    // Where `bytes` more of text go: the last block, else a new one (larger than 4 MB for a longer text).
    std::string& block_for(std::size_t bytes);
    // The slot of `id` in `slots_`: the one that holds its claim, else the empty one where it goes.
    std::size_t slot_of(std::string_view id) const;
    void grow();

    std::vector<first_claim> claims_;
    std::vector<std::string> texts_; // each filled no further than the capacity it was made with
    // Open addressing with linear probing, at most half full: a claim's number + 1, 0 when empty.
    std::vector<std::uint32_t> slots_;
};

} // namespace naqsha::app
