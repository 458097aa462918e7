// Article ids (issue 17): unique within a run whatever the inputs' names, the same in every run, and a
// second claim on an id told apart from the same article given twice.
#include "app/article_ids.hpp"
#include "base/sha256.hpp"
#include "extract/article.hpp"
#include "tests/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
using naqsha::app::article_ids;

namespace {

void write(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

// (id, path) of every article read from `inputs`, in order.
std::vector<std::pair<std::string, std::string>> ids_of(const std::vector<std::string>& inputs) {
    std::vector<std::pair<std::string, std::string>> out;
    naqsha::extract::read_callbacks callbacks;
    callbacks.on_article = [&](naqsha::extract::article&& a) { out.emplace_back(a.id, a.path); };
    callbacks.on_error = [](const std::string&, const std::string&) {};
    naqsha::extract::read_inputs(inputs, naqsha::extract::input_format::automatic, callbacks);
    return out;
}

} // namespace

TEST_CASE("ids: paths relative to the directory given, NDJSON lines by file and line, standard input by text") {
    const auto dir = naqsha::test::fresh_dir("article-ids");
    write(dir / "a" / "report.txt", "Taliban attacked Kunduz.");
    write(dir / "b" / "report.txt", "Taliban attacked Ghazni.");
    write(dir / "report.md", "Taliban attacked Herat.");
    write(dir / "feed.ndjson", "{\"text\": \"Line one.\"}\n{\"id\": \"given\", \"text\": \"Line two.\"}\n");
    write(dir / "feed-1.txt", "Once named like the first line of feed.ndjson.");
    write(dir / "sub" / "feed.jsonl", "{\"text\": \"Nested line.\"}\n");
    const std::vector<std::pair<std::string, std::string>> expected{
        {"a/report", (dir / "a" / "report.txt").string()},
        {"b/report", (dir / "b" / "report.txt").string()},
        {"feed-1", (dir / "feed-1.txt").string()},
        {"feed.ndjson:1", (dir / "feed.ndjson").string() + ":1"},
        {"given", (dir / "feed.ndjson").string() + ":2"},
        {"report", (dir / "report.md").string()},
        {"sub/feed.jsonl:1", (dir / "sub" / "feed.jsonl").string() + ":1"},
    };
    CHECK(ids_of({dir.string()}) == expected);
    CHECK(ids_of({dir.string()}) == expected); // the same in every run
    // A file given by itself is named by its stem; an NDJSON file by its name.
    CHECK(ids_of({(dir / "a" / "report.txt").string()}).at(0).first == "report");
    CHECK(ids_of({(dir / "feed.ndjson").string()}).at(0).first == "feed.ndjson:1");
    fs::remove_all(dir);
}

TEST_CASE("ids: standard input is named by its text, as text and as NDJSON without ids") {
    std::vector<std::string> ids;
    naqsha::extract::read_callbacks callbacks;
    callbacks.on_article = [&](naqsha::extract::article&& a) { ids.push_back(a.id); };
    callbacks.on_error = [](const std::string&, const std::string&) {};
    std::istringstream ndjson("{\"text\": \"First.\"}\n{\"text\": \"Second.\"}\n");
    naqsha::extract::read_ndjson(ndjson, "stdin", "", callbacks);
    REQUIRE(ids.size() == 2);
    CHECK(ids[0] == "stdin-" + naqsha::sha256_hex("First.").substr(0, 16));
    CHECK(ids[1] == "stdin-" + naqsha::sha256_hex("Second.").substr(0, 16));
}

TEST_CASE("article_ids: a second claim with other text is a duplicate; with the same text, the same article") {
    article_ids ids;
    CHECK(ids.claim("x", "one text", "a.ndjson:1").kind == article_ids::verdict::first);
    CHECK(ids.claim("y", "one text", "a.ndjson:2").kind == article_ids::verdict::first); // ids, not texts, are claimed
    const auto same = ids.claim("x", "one text", "b.ndjson:7");
    CHECK(same.kind == article_ids::verdict::same_text);
    CHECK(same.first_path == "a.ndjson:1");
    const auto other = ids.claim("x", "another text", "c.ndjson:3");
    CHECK(other.kind == article_ids::verdict::other_text);
    CHECK(other.first_path == "a.ndjson:1");
    const auto message = article_ids::describe("x", "c.ndjson:3", other);
    CHECK(message.find("c.ndjson:3: article id 'x' is already taken by a.ndjson:1") == 0);
    CHECK(article_ids::describe("x", "b.ndjson:7", same).find("read once") != std::string::npos);
}

TEST_CASE("article_ids: every claim is found again as its table grows, with its own path") {
    article_ids ids;
    const int count = 20000; // the table doubles from 64 slots to 65,536
    for (int i = 0; i < count; ++i)
        REQUIRE(ids.claim("article-" + std::to_string(i), "text " + std::to_string(i), "feed.ndjson:" + std::to_string(i + 1)).kind ==
                article_ids::verdict::first);
    for (int i = count - 1; i >= 0; i -= 7) {
        const auto again = ids.claim("article-" + std::to_string(i), "text " + std::to_string(i), "other.ndjson:1");
        REQUIRE(again.kind == article_ids::verdict::same_text);
        CHECK(again.first_path == "feed.ndjson:" + std::to_string(i + 1));
        CHECK(ids.claim("article-" + std::to_string(i), "changed", "other.ndjson:2").kind == article_ids::verdict::other_text);
    }
    // A prefix of a claimed id, or an id that runs on, is an id of its own.
    CHECK(ids.claim("article-1", "text 1", "x").kind == article_ids::verdict::same_text);
    CHECK(ids.claim("article-", "text", "x").kind == article_ids::verdict::first);
    CHECK(ids.claim("article-199999", "text", "x").kind == article_ids::verdict::first);
    CHECK(ids.claim("", "empty id", "y").kind == article_ids::verdict::first);
    CHECK(ids.claim("", "empty id", "z").first_path == "y");
}

TEST_CASE("article_ids: ids that share a hash are told apart by their whole text, read back") {
    // Every id hashes alike: each claim meets every earlier one, and only the id read back tells them apart.
    article_ids ids([](std::string_view) -> std::uint64_t { return 42; });
    for (int i = 0; i < 300; ++i)
        REQUIRE(ids.claim("id-" + std::to_string(i), "text " + std::to_string(i), "feed.ndjson:" + std::to_string(i + 1)).kind ==
                article_ids::verdict::first);
    for (int i = 0; i < 300; i += 13) {
        const auto again = ids.claim("id-" + std::to_string(i), "text " + std::to_string(i), "other.ndjson:1");
        REQUIRE(again.kind == article_ids::verdict::same_text);
        CHECK(again.first_path == "feed.ndjson:" + std::to_string(i + 1));
        const auto other = ids.claim("id-" + std::to_string(i), "changed", "other.ndjson:2");
        CHECK(other.kind == article_ids::verdict::other_text);
        CHECK(other.first_path == "feed.ndjson:" + std::to_string(i + 1));
    }
    CHECK(ids.claim("id-300", "text", "x").kind == article_ids::verdict::first);
    CHECK(ids.claim("id-3", "text 3", "x").first_path == "feed.ndjson:4");
}

TEST_CASE("article_ids: a long id and path are read back whole") {
    article_ids ids;
    const std::string long_id(70000, 'i'), huge_path(5 << 20, 'p');
    REQUIRE(ids.claim(long_id, "huge text", huge_path).kind == article_ids::verdict::first);
    REQUIRE(ids.claim(long_id + "j", "text", "short").kind == article_ids::verdict::first);
    const auto again = ids.claim(long_id, "huge text", "x");
    CHECK(again.kind == article_ids::verdict::same_text);
    CHECK(again.first_path == huge_path);
    CHECK(ids.claim(long_id + "j", "other", "x").first_path == "short");
}
