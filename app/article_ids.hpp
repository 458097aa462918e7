#pragma once
// The article ids a run has read, so that two inputs claiming one id are never silently merged. The
// readers give every file and NDJSON line its own id (extract/article.hpp), but an NDJSON "id" may
// repeat, and two directories given may hold the same relative path: those meet here. Read in input
// order, on the reading thread, so the first claimant is always the same one.
//
// Every article of a run is claimed, and the claims are held until the last article is read, at the
// end of extraction, where the store's index of a large run is whole too. In memory a claim is only
// what finds it again: a 64-bit hash of its id (8 bytes) and its slot in a table kept at most half full
// (8 to 16 bytes). Its id, its path and its text's fingerprint are spooled to disk (store/mention_spool.hpp),
// and read back only when an id's hash is met again: the same article given twice, a true duplicate,
// or (rarely) another id with the same hash, which the whole id read back tells apart. Held in memory,
// the texts and fingerprints were about 75 bytes an article, beside the whole index.
//
// Not the catalog's own entries: an id is claimed when it is read, before its article is extracted and
// put into the catalog on a worker, and an article left out by extraction stays claimed; an article an
// earlier run stored is claimed from the path this run read it from; and `naqsha extract` has no catalog.
#include "base/content_hash.hpp"
#include "store/mention_spool.hpp"

#include <cstdint>
#include <optional>
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

    // How an id is hashed; a test gives one that makes every id meet every other.
    using id_hash = std::uint64_t (*)(std::string_view id);
    article_ids();
    explicit article_ids(id_hash hash) : hash_(hash) {}

    // `text` is the article's text; `path` where it was read (file, or file:line).
    claim_result claim(const std::string& id, std::string_view text, const std::string& path);

    // The message for a duplicate, naming both inputs and what to do.
    static std::string describe(const std::string& id, const std::string& path, const claim_result& result);

    // A first claim as the spool keeps it.
    struct first_claim {
        content_hash text_fingerprint; // two different texts share one with a chance of 2^-128
        std::string id, path;
    };

private:
    // The slot of `id` in `slots_`: the one that holds its claim (read back into `found`), else the empty
    // one where it goes.
    std::size_t slot_of(std::string_view id, std::uint64_t hash, std::optional<first_claim>& found) const;
    void grow();

    id_hash hash_;
    std::vector<std::uint64_t> hashes_; // by claim number, which is the claim's row in `spool_`
    // Open addressing with linear probing, at most half full: a claim's number + 1, 0 when empty.
    std::vector<std::uint32_t> slots_;
    std::optional<store::record_spool<first_claim>> spool_; // made at the first claim
};

} // namespace naqsha::app
