#pragma once
// An article as naqsha reads it, and the readers that deliver articles one at a time from files,
// directories, NDJSON and standard input. Every reader streams: memory holds one article (at most
// max_article_bytes) at a time, however large the corpus.
#include "base/calendar.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace naqsha::extract {

struct article {
    std::string id;         // unique in a run and the same in every run: see read_inputs
    std::string path;       // where it came from (file, or file:line for NDJSON)
    std::string text;       // UTF-8, no byte-order mark, LF line ends; offsets refer to this
    std::optional<day_number> published; // the metadata's day (NDJSON "published", else "date"), none when none
    std::string unreadable_published;    // that metadata when it gives no day (the extraction warns of it), else ""
    std::string url;
    std::string source;     // publisher or agency
    std::string title;
};

// Articles larger than this are rejected (a news report is rarely over 50 kB).
inline constexpr std::size_t max_article_bytes = 2 * 1024 * 1024;

// Decodes and checks raw bytes: strips a UTF-8 byte-order mark, converts UTF-16 with a byte-order
// mark, turns CRLF and CR into LF. Throws input_error naming `name` and the byte offset for empty
// input, NUL bytes and other binary content, invalid UTF-8, and input over max_article_bytes.
std::string decode_article_text(std::string bytes, const std::string& name);

enum class input_format { automatic, text, ndjson };

struct read_callbacks {
    std::function<void(article&&)> on_article;
    // One input that could not be read; the batch goes on. `where` names the file (and line).
    std::function<void(const std::string& where, const std::string& problem)> on_error;
};

// Reads every input in order: "-" is standard input; directories are read recursively in sorted
// order (files ending .txt, .text, .md, .ndjson, .jsonl, .json; hidden files skipped); files ending
// .ndjson or .jsonl (or any input, with input_format::ndjson) hold one JSON object per line.
//
// Article ids: a text file in a directory given is named by its path relative to that directory,
// without the extension (`a/001` for DIR/a/001.txt, `001` for DIR/001.txt); a file given by itself by
// its stem. An NDJSON line is named by its "id", else `<the file's path as above, extension kept>:<line>`
// (`a/feed.ndjson:3`, which no text file's id can be). Standard input, which has no lasting name, gives
// `stdin-<16 hex digits of the text's SHA-256>`. Two inputs may still claim one id (the same NDJSON
// "id" twice, or two directories given); telling them apart is the caller's (app/article_ids.hpp).
void read_inputs(const std::vector<std::string>& inputs, input_format format, const read_callbacks& callbacks);

// Reads one NDJSON stream: an article per line, errors reported as `name:line`. Articles without an
// "id" are named `<id_prefix>:<line>`, or by their text when id_prefix is empty (standard input). Lines
// are held to a bound, so a hostile stream cannot exhaust memory.
void read_ndjson(std::istream& in, const std::string& name, const std::string& id_prefix, const read_callbacks& callbacks);

} // namespace naqsha::extract
