#include "extract/article.hpp"

#include "base/error.hpp"
#include "base/sha256.hpp"
#include "base/utf8.hpp"
#include "extract/flat_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <system_error>

namespace naqsha::extract {
namespace {

namespace fs = std::filesystem;

// A JSON line may escape its text (\u00e9 is six bytes for two), so lines get more room than
// articles; the decoded text is still held to max_article_bytes.
constexpr std::size_t max_line_bytes = 4 * max_article_bytes;
constexpr int max_json_depth = 32;
constexpr std::size_t max_stray_controls = 4;

// Characters that show nothing: a text made only of these (and whitespace) is empty. U+FEFF is a
// byte-order mark that survived decoding; U+200B-U+200D are zero-width spaces and joiners; U+00A0 is
// a no-break space.
bool invisible(std::string_view character) {
    return character == "\xEF\xBB\xBF" || character == "\xE2\x80\x8B" || character == "\xE2\x80\x8C" ||
           character == "\xE2\x80\x8D" || character == "\xC2\xA0";
}

std::string megabytes(std::size_t n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(n) / 1e6);
    return buf;
}

// Exact bytes beside the rounded figure: an article one byte over the limit rounds to the limit in MB.
std::string size_text(std::size_t n) { return std::to_string(n) + " bytes (" + megabytes(n) + ")"; }

std::string size_limit_text() { return "articles over " + size_text(max_article_bytes) + " are rejected"; }

std::string from_utf16(const std::string& bytes, bool big_endian, const std::string& name) {
    if (bytes.size() % 2) throw input_error(name + ": UTF-16 text with an odd number of bytes (truncated?)");
    std::string out;
    out.reserve(bytes.size());
    auto unit = [&](std::size_t i) {
        auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        return static_cast<char16_t>(big_endian ? (a << 8 | b) : (b << 8 | a));
    };
    for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
        char32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 3 >= bytes.size()) throw input_error(name + ": UTF-16 text ends inside a surrogate pair at byte " + std::to_string(i));
            char32_t low = unit(i + 2);
            if (low < 0xDC00 || low > 0xDFFF)
                throw input_error(name + ": unpaired UTF-16 surrogate at byte " + std::to_string(i));
            u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            throw input_error(name + ": unpaired UTF-16 surrogate at byte " + std::to_string(i));
        }
        append_utf8(out, u);
    }
    return out;
}

bool accepted_extension(const fs::path& p) {
    auto ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".txt" || ext == ".text" || ext == ".md" || ext == ".ndjson" || ext == ".jsonl" || ext == ".json";
}

bool ndjson_extension(const fs::path& p) {
    auto ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".ndjson" || ext == ".jsonl";
}

// Deepest bracket nesting of a JSON text, counted outside strings.
int json_depth(std::string_view line) {
    int depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (char c : line) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '{' || c == '[') deepest = std::max(deepest, ++depth);
        else if (c == '}' || c == ']') --depth;
    }
    return deepest;
}

// The id of an article that has no name lasting from one run to the next (standard input, an NDJSON
// line from it without an "id"): its text's, so that two runs' articles do not replace each other.
std::string content_id(std::string_view text) { return "stdin-" + sha256_hex(text).substr(0, 16); }

// The metadata's publication date, read once where the line is: a day ("2020-10-21", also with the
// time after it that feeds give), else its text, which the extraction names in a warning.
void read_published(std::string_view text, article& a) {
    if (text.empty()) return;
    a.published = parse_iso_date(text);
    if (!a.published) a.unreadable_published = std::string(text);
}

class ndjson_reader {
public:
    ndjson_reader(std::istream& in, std::string name, std::string stem, const read_callbacks& cb)
        : in_(in), name_(std::move(name)), stem_(std::move(stem)), cb_(cb) {}

    void run() {
        std::string line;
        bool too_long = false;
        std::size_t number = 1;
        char buf[1 << 16];
        bool any = false;
        while (in_) {
            in_.read(buf, sizeof buf);
            std::size_t n = static_cast<std::size_t>(in_.gcount());
            if (n == 0) break;
            any = true;
            std::size_t start = 0;
            for (std::size_t i = 0; i < n; ++i) {
                if (buf[i] != '\n') continue;
                take(line, too_long, buf + start, i - start);
                finish(line, too_long, number++);
                start = i + 1;
            }
            take(line, too_long, buf + start, n - start);
        }
        unterminated_ = true;
        if (!line.empty() || too_long) finish(line, too_long, number);
        if (!any) cb_.on_error(name_, "empty file");
    }

private:
    std::istream& in_;
    std::string name_, stem_;
    const read_callbacks& cb_;
    std::vector<flat_member> members_;
    bool unterminated_ = false; // the line being parsed is the last one and has no newline

    static void take(std::string& line, bool& too_long, const char* p, std::size_t n) {
        if (too_long) return;
        if (line.size() + n > max_line_bytes) {
            too_long = true;
            line.clear();
            line.shrink_to_fit();
            return;
        }
        line.append(p, n);
    }

    void finish(std::string& line, bool& too_long, std::size_t number) {
        std::string where = name_ + ":" + std::to_string(number);
        if (too_long) {
            cb_.on_error(where, "line longer than " + megabytes(max_line_bytes) + " (articles over " +
                                    megabytes(max_article_bytes) + " are rejected)");
        } else {
            parse(line, where, number);
        }
        line.clear();
        too_long = false;
    }

    // The article's fields from one line: the flat fast path, else a full JSON parse (which also
    // words the error). False when the line is rejected (already reported).
    bool fields(std::string_view line, const std::string& where, std::size_t number, article& a, std::string& text) {
        a.id = stem_.empty() ? std::string() : stem_ + ":" + std::to_string(number);
        if (parse_flat_object(line, members_)) {
            bool has_text = false;
            std::string published, date; // "date": the publication date of items that have no "published"
            for (auto& m : members_) {
                bool str = m.value.type == flat_value::kind::string;
                if (m.key == "text" && str) text = std::move(m.value.text), has_text = true;
                else if (m.key == "text") has_text = false;
                else if (m.key == "id" && (str || m.value.type == flat_value::kind::integer)) a.id = std::move(m.value.text);
                else if (m.key == "published" && str) published = std::move(m.value.text);
                else if (m.key == "date" && str) date = std::move(m.value.text);
                else if (m.key == "url" && str) a.url = std::move(m.value.text);
                else if (m.key == "source" && str) a.source = std::move(m.value.text);
                else if (m.key == "title" && str) a.title = std::move(m.value.text);
            }
            read_published(published.empty() ? date : published, a);
            if (!has_text) cb_.on_error(where, "no \"text\" string");
            return has_text;
        }
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(line);
        } catch (const nlohmann::json::exception& e) {
            std::string what = e.what();
            // A download cut short leaves its last line open; saying so points at the cause.
            cb_.on_error(where, "not valid JSON (" + what.substr(what.find(']') == std::string::npos ? 0 : what.find(']') + 2) + ")" +
                                    (unterminated_ ? "; the file ends inside this line, with no final newline: truncated?" : ""));
            return false;
        }
        if (!j.is_object()) {
            cb_.on_error(where, "not a JSON object");
            return false;
        }
        auto t = j.find("text");
        if (t == j.end() || !t->is_string()) {
            cb_.on_error(where, "no \"text\" string");
            return false;
        }
        text = t->get<std::string>();
        auto id = j.find("id");
        if (id != j.end() && id->is_string()) a.id = id->get<std::string>();
        else if (id != j.end() && id->is_number_integer()) a.id = std::to_string(id->get<long long>());
        auto str = [&](const char* k) {
            auto it = j.find(k);
            return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        const auto published = str("published");
        read_published(published.empty() ? str("date") : published, a);
        a.url = str("url");
        a.source = str("source");
        a.title = str("title");
        return true;
    }

    void parse(const std::string& raw, const std::string& where, std::size_t number) {
        std::string_view line = raw;
        if (number == 1 && line.size() >= 3 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos) return; // blank line
        if (number == 1 && line.size() >= 2 && ((line[0] == '\xFF' && line[1] == '\xFE') || (line[0] == '\xFE' && line[1] == '\xFF'))) {
            cb_.on_error(where, "UTF-16 NDJSON is not supported; convert the file to UTF-8");
            return;
        }
        if (json_depth(line) > max_json_depth) {
            cb_.on_error(where, "JSON nested deeper than " + std::to_string(max_json_depth) + " levels");
            return;
        }
        article a;
        std::string text;
        if (!fields(line, where, number, a, text)) return;
        a.path = where;
        try {
            a.text = decode_article_text(std::move(text), where);
        } catch (const input_error& e) {
            std::string msg = e.what();
            cb_.on_error(where, msg.substr(where.size() + 2));
            return;
        }
        if (a.id.empty()) a.id = content_id(a.text);
        cb_.on_article(std::move(a));
    }
};

// Decodes raw bytes into an article and hands it on, or reports why it cannot be read. An empty id
// is made from the text (content_id).
void deliver(std::string bytes, std::string id, const std::string& name, const read_callbacks& cb) {
    article a;
    a.id = std::move(id);
    a.path = name;
    try {
        a.text = decode_article_text(std::move(bytes), name);
    } catch (const input_error& e) {
        std::string msg = e.what();
        cb.on_error(name, msg.substr(name.size() + 2));
        return;
    }
    if (a.id.empty()) a.id = content_id(a.text);
    cb.on_article(std::move(a));
}

void read_text_file(const fs::path& path, const std::string& id, const read_callbacks& cb) {
    std::string name = path.string();
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (ec) {
        cb.on_error(name, ec.message());
        return;
    }
    if (size > max_article_bytes) {
        cb.on_error(name, "file is " + size_text(size) + "; " + size_limit_text());
        return;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        cb.on_error(name, "cannot open for reading");
        return;
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    deliver(std::move(bytes), id, name, cb);
}

void read_stream_text(std::istream& in, const std::string& name, const read_callbacks& cb) {
    std::string bytes;
    char buf[1 << 16];
    bool over = false;
    std::size_t total = 0;
    while (in) {
        in.read(buf, sizeof buf);
        auto n = static_cast<std::size_t>(in.gcount());
        total += n;
        if (total > max_article_bytes) over = true;
        if (!over) bytes.append(buf, n);
    }
    if (over) {
        cb.on_error(name, "input is " + size_text(total) + "; " + size_limit_text());
        return;
    }
    deliver(std::move(bytes), {}, name, cb);
}

// `id`: the article id of a text file, the prefix of the line ids of an NDJSON file (article.hpp).
void read_file(const fs::path& path, const fs::path& id, input_format format, const read_callbacks& cb) {
    bool ndjson = format == input_format::ndjson || (format == input_format::automatic && ndjson_extension(path));
    if (!ndjson && format == input_format::automatic && path.extension() == ".json") {
        std::ifstream probe(path, std::ios::binary);
        char c = 0;
        while (probe.get(c) && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {}
        ndjson = c == '{';
    }
    if (!ndjson) return read_text_file(path, (id.parent_path() / id.stem()).generic_string(), cb);
    std::ifstream in(path, std::ios::binary);
    if (!in) return cb.on_error(path.string(), "cannot open for reading");
    read_ndjson(in, path.string(), id.generic_string(), cb);
}

} // namespace

std::string decode_article_text(std::string bytes, const std::string& name) {
    if (bytes.size() > max_article_bytes)
        throw input_error(name + ": text is " + size_text(bytes.size()) + "; " + size_limit_text());
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xFE)
        bytes = from_utf16(bytes, false, name);
    else if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE && static_cast<unsigned char>(bytes[1]) == 0xFF)
        bytes = from_utf16(bytes, true, name);
    else if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0)
        bytes.erase(0, 3);
    if (auto nul = bytes.find('\0'); nul != std::string::npos)
        throw input_error(name + ": binary data (NUL byte at byte " + std::to_string(nul) + ")");
    std::string out;
    out.reserve(bytes.size());
    std::size_t controls = 0;
    bool content = false;
    for (std::size_t i = 0; i < bytes.size();) {
        // a run of printable ASCII, the common case, copied at once
        std::size_t run = i;
        while (run < bytes.size() && static_cast<unsigned char>(bytes[run]) >= 0x20 && static_cast<unsigned char>(bytes[run]) < 0x7F)
            ++run;
        if (run > i) {
            if (!content)
                for (std::size_t k = i; k < run && !content; ++k) content = bytes[k] != ' ';
            out.append(bytes, i, run - i);
            i = run;
            continue;
        }
        auto c = static_cast<unsigned char>(bytes[i]);
        if (c == '\r') {
            out += '\n';
            i += (i + 1 < bytes.size() && bytes[i + 1] == '\n') ? 2u : 1u;
            continue;
        }
        if (c < 0x20 && c != '\n' && c != '\t' && c != '\f' && c != '\v') {
            if (++controls > max_stray_controls)
                throw input_error(name + ": binary data (control byte 0x" + std::string(1, "0123456789abcdef"[c >> 4]) +
                                  std::string(1, "0123456789abcdef"[c & 15]) + " at byte " + std::to_string(i) + ")");
            out += ' ';
            ++i;
            continue;
        }
        std::size_t len = utf8_sequence_length(bytes, i);
        if (len == 0) throw input_error(name + ": invalid UTF-8 at byte " + std::to_string(i));
        if (!content && c > ' ' && !invisible(std::string_view(bytes).substr(i, len))) content = true;
        out.append(bytes, i, len);
        i += len;
    }
    if (!content) throw input_error(name + ": empty (no text)");
    return out;
}

void read_ndjson(std::istream& in, const std::string& name, const std::string& stem, const read_callbacks& cb) {
    ndjson_reader(in, name, stem, cb).run();
}

void read_inputs(const std::vector<std::string>& inputs, input_format format, const read_callbacks& cb) {
    for (const auto& input : inputs) {
        if (input == "-") {
            if (format == input_format::ndjson) {
                read_ndjson(std::cin, "stdin", {}, cb);
                continue;
            }
            if (format == input_format::automatic) {
                // NDJSON when the first non-blank character opens an object
                int c;
                while ((c = std::cin.peek()) != EOF && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) std::cin.get();
                if (c == '{') {
                    read_ndjson(std::cin, "stdin", {}, cb);
                    continue;
                }
            }
            read_stream_text(std::cin, "stdin", cb);
            continue;
        }
        fs::path path(input);
        std::error_code ec;
        auto status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            cb.on_error(input, "no such file or directory");
            continue;
        }
        if (fs::is_directory(status)) {
            std::vector<fs::path> files;
            fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
            if (ec) {
                cb.on_error(input, ec.message());
                continue;
            }
            for (; it != end; it.increment(ec)) {
                if (ec) {
                    cb.on_error(it->path().string(), ec.message());
                    break;
                }
                auto name = it->path().filename().string();
                if (!name.empty() && name[0] == '.') {
                    if (it->is_directory()) it.disable_recursion_pending();
                    continue;
                }
                if (it->is_regular_file() && accepted_extension(it->path())) files.push_back(it->path());
            }
            std::sort(files.begin(), files.end());
            for (const auto& f : files) read_file(f, f.lexically_relative(path), format, cb);
            continue;
        }
        read_file(path, path.filename(), format, cb);
    }
}

} // namespace naqsha::extract
