// Reading articles: files, directories, NDJSON, and every kind of bad input, each rejected with a
// message naming the file (and line) while the rest of the batch goes on.
#include "base/error.hpp"
#include "extract/article.hpp"
#include "tests/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace naqsha::extract;

namespace {

void write(const fs::path& p, const std::string& bytes) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

struct batch {
    std::vector<article> articles;
    std::vector<std::pair<std::string, std::string>> errors; // where, problem
};

batch read(const std::vector<std::string>& inputs, input_format format = input_format::automatic) {
    batch b;
    read_callbacks cb;
    cb.on_article = [&](article&& a) { b.articles.push_back(std::move(a)); };
    cb.on_error = [&](const std::string& where, const std::string& problem) { b.errors.emplace_back(where, problem); };
    read_inputs(inputs, format, cb);
    return b;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

} // namespace

TEST_CASE("text is decoded: byte-order marks, CRLF, UTF-16") {
    CHECK(decode_article_text("\xEF\xBB\xBFKabul\r\nline\rend", "a") == "Kabul\nline\nend");
    // "Kabul ’" in UTF-16LE and UTF-16BE with byte-order marks
    std::string le("\xFF\xFEK\0a\0b\0u\0l\0 \0\x19\x20", 16);
    std::string be("\xFE\xFF\0K\0a\0b\0u\0l\0 \x20\x19", 16);
    CHECK(decode_article_text(le, "le") == "Kabul \xE2\x80\x99");
    CHECK(decode_article_text(be, "be") == "Kabul \xE2\x80\x99");
}

TEST_CASE("bad bytes are rejected with the file and the byte offset") {
    auto problem = [](std::string bytes) {
        try {
            decode_article_text(std::move(bytes), "x.txt");
        } catch (const naqsha::input_error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(contains(problem(""), "x.txt: empty"));
    CHECK(contains(problem(" \n\t "), "x.txt: empty"));
    // Invisible characters are not text either (fuzz_article_reader: a UTF-16 BOM followed by a
    // second one decoded to a lone U+FEFF that passed for an article).
    CHECK(contains(problem(std::string("\xFF\xFE\xFF\xFE", 4)), "x.txt: empty"));
    CHECK(contains(problem("\xEF\xBB\xBF\xEF\xBB\xBF \xE2\x80\x8B\xC2\xA0\n"), "x.txt: empty"));
    CHECK(problem("\xE2\x80\x8B\xD9\x83\xD8\xA7\xD8\xA8\xD9\x84").empty());
    CHECK(contains(problem(std::string("Kabul\0more", 10)), "NUL byte at byte 5"));
    CHECK(contains(problem("Kabul \xFF\xFE text"), "invalid UTF-8 at byte 6"));
    CHECK(contains(problem("over\xC0\xAFlong"), "invalid UTF-8 at byte 4"));
    CHECK(contains(problem("\x01\x02\x03\x04\x05\x06 binary"), "binary data"));
    CHECK(contains(problem(std::string("\xFF\xFE\x00\xD8", 4)), "surrogate"));
    CHECK(contains(problem(std::string(max_article_bytes + 1, 'a')), "are rejected"));
}

TEST_CASE("directories are read recursively in sorted order; bad files are named and skipped") {
    auto dir = naqsha::test::fresh_dir("extract-readers");
    write(dir / "b" / "002.txt", "Second article.");
    write(dir / "a" / "001.txt", "First article.");
    write(dir / "a" / "empty.txt", "");
    write(dir / "a" / "binary.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    write(dir / "a" / "latin1.txt", "Kandahar \xE9t\xE9");
    write(dir / "c" / ".hidden.txt", "Hidden.");
    write(dir / "c" / "notes.bin", "Not an article extension.");
    auto b = read({dir.string()});
    REQUIRE(b.articles.size() == 2);
    CHECK(b.articles[0].id == "a/001"); // relative to the directory given (read_inputs)
    CHECK(b.articles[0].text == "First article.");
    CHECK(b.articles[1].id == "b/002");
    REQUIRE(b.errors.size() == 3);
    CHECK(contains(b.errors[0].first, "binary.txt"));
    CHECK(contains(b.errors[0].second, "binary data"));
    CHECK(contains(b.errors[1].first, "empty.txt"));
    CHECK(contains(b.errors[2].first, "latin1.txt"));
    CHECK(contains(b.errors[2].second, "invalid UTF-8 at byte 9"));
    fs::remove_all(dir);
}

TEST_CASE("a 50 MB single line is rejected by the size limit; the next file is still read") {
    auto dir = naqsha::test::fresh_dir("extract-huge");
    {
        std::ofstream out(dir / "huge.txt", std::ios::binary);
        std::string chunk(1 << 20, 'x');
        for (int i = 0; i < 50; ++i) out << chunk;
    }
    write(dir / "small.txt", "A small article.");
    {
        std::ofstream out(dir / "huge.ndjson", std::ios::binary);
        out << "{\"id\": \"big\", \"text\": \"";
        std::string chunk(1 << 20, 'y');
        for (int i = 0; i < 50; ++i) out << chunk;
        out << "\"}\n{\"id\": \"after\", \"text\": \"Still read.\"}\n";
    }
    auto b = read({(dir / "huge.txt").string(), (dir / "small.txt").string(), (dir / "huge.ndjson").string()});
    REQUIRE(b.articles.size() == 2);
    CHECK(b.articles[0].id == "small");
    CHECK(b.articles[1].id == "after");
    REQUIRE(b.errors.size() == 2);
    CHECK(contains(b.errors[0].first, "huge.txt"));
    CHECK(contains(b.errors[0].second, "52.4 MB"));
    CHECK(contains(b.errors[1].first, "huge.ndjson:1"));
    CHECK(contains(b.errors[1].second, "line longer than"));
    fs::remove_all(dir);
}

TEST_CASE("NDJSON: \"date\" dates an item that has no \"published\" (news-dev's items), never one that has; each is read "
          "into a day once, and one that gives no day is kept as text for the warning") {
    auto dir = naqsha::test::fresh_dir("extract-ndjson-date");
    write(dir / "items.jsonl", "{\"date\": \"2015-09-28\", \"text\": \"Kunduz fell.\", \"topics\": []}\n"
                               "{\"published\": \"2015-10-01\", \"date\": \"2015-09-28\", \"text\": \"Both.\"}\n"
                               "{\"date\": \"2015-09-29\", \"text\": \"Nested \\\"quote\\\".\", \"topics\": [{\"a\": 1}]}\n"
                               "{\"published\": \"2020-10-21T04:20:00Z\", \"text\": \"Timed.\"}\n"
                               "{\"published\": \"last Tuesday\", \"date\": \"2015-09-28\", \"text\": \"Unreadable.\"}\n"
                               "{\"published\": \"2020-02-30\", \"text\": \"No such day.\", \"topics\": [{\"a\": 1}]}\n");
    auto b = read({(dir / "items.jsonl").string()});
    REQUIRE(b.articles.size() == 6);
    CHECK(b.articles[0].published == naqsha::parse_iso_day("2015-09-28"));
    CHECK(b.articles[1].published == naqsha::parse_iso_day("2015-10-01"));
    CHECK(b.articles[2].published == naqsha::parse_iso_day("2015-09-29")); // the full parser's path
    CHECK(b.articles[3].published == naqsha::parse_iso_day("2020-10-21"));
    CHECK(b.articles[3].unreadable_published.empty());
    CHECK(!b.articles[4].published); // "published" given wins over "date", even unreadable
    CHECK(b.articles[4].unreadable_published == "last Tuesday");
    CHECK(!b.articles[5].published); // the full parser's path
    CHECK(b.articles[5].unreadable_published == "2020-02-30");
    fs::remove_all(dir);
}

TEST_CASE("NDJSON: metadata fields, and bad lines named by number") {
    auto dir = naqsha::test::fresh_dir("extract-ndjson");
    std::string deep(100, '[');
    write(dir / "feed.ndjson",
          "{\"id\": \"a1\", \"published\": \"2020-10-21\", \"url\": \"https://example.org/a1\", \"source\": \"AFP\", "
          "\"title\": \"T\", \"text\": \"Line one.\\r\\nLine two.\"}\n"
          "\n"
          "{\"id\": 42, \"text\": \"Numeric id.\"}\n"
          "{\"id\": \"no-text\"}\n"
          "[1, 2]\n"
          "{\"id\": \"nul\", \"text\": \"bad \\u0000 byte\"}\n" +
              deep + "\n" +
              // Found by fuzz_ndjson: valid syntax, but past the range of a double. The fast path
              // accepted it and the full parser did not; now both reject it.
              "{\"id\":7777777e7777, \"text\": \"Huge number.\"}\n"
              "{\"id\": \"truncated\", \"text\": \"cut off");
    auto b = read({(dir / "feed.ndjson").string()});
    REQUIRE(b.articles.size() == 2);
    CHECK(b.articles[0].id == "a1");
    CHECK(b.articles[0].published == naqsha::parse_iso_day("2020-10-21"));
    CHECK(b.articles[0].source == "AFP");
    CHECK(b.articles[0].text == "Line one.\nLine two.");
    CHECK(b.articles[1].id == "42");
    REQUIRE(b.errors.size() == 6);
    CHECK(contains(b.errors[0].first, "feed.ndjson:4"));
    CHECK(contains(b.errors[0].second, "no \"text\""));
    CHECK(contains(b.errors[1].first, "feed.ndjson:5"));
    CHECK(contains(b.errors[1].second, "not a JSON object"));
    CHECK(contains(b.errors[2].first, "feed.ndjson:6"));
    CHECK(contains(b.errors[2].second, "NUL byte"));
    CHECK(contains(b.errors[3].first, "feed.ndjson:7"));
    CHECK(contains(b.errors[3].second, "nested deeper"));
    CHECK(contains(b.errors[4].first, "feed.ndjson:8"));
    CHECK(contains(b.errors[4].second, "number overflow"));
    CHECK(contains(b.errors[5].first, "feed.ndjson:9"));
    CHECK(contains(b.errors[5].second, "not valid JSON"));
    fs::remove_all(dir);
}

TEST_CASE("missing inputs are named; --format ndjson reads any file as NDJSON") {
    auto dir = naqsha::test::fresh_dir("extract-missing");
    write(dir / "feed.txt", "{\"id\": \"x\", \"text\": \"From a .txt file.\"}\n");
    auto b = read({(dir / "nope.txt").string(), (dir / "feed.txt").string()}, input_format::ndjson);
    REQUIRE(b.errors.size() == 1);
    CHECK(contains(b.errors[0].first, "nope.txt"));
    CHECK(contains(b.errors[0].second, "no such file"));
    REQUIRE(b.articles.size() == 1);
    CHECK(b.articles[0].id == "x");
    fs::remove_all(dir);
}
