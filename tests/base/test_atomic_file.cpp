#include "base/atomic_file.hpp"
#include "base/error.hpp"

#include "tests/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

std::size_t entries_in(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

} // namespace

TEST_CASE("an atomic file replaces its target only on commit") {
    auto dir = naqsha::test::fresh_dir("atomic");
    auto target = dir / "out.txt";
    naqsha::write_file_atomically(target, "old");
    {
        naqsha::atomic_file file(target);
        file.write("new contents");
        CHECK(naqsha::read_file(target) == "old");
        // not committed: destroyed without replacing the target
    }
    CHECK(naqsha::read_file(target) == "old");
    CHECK(entries_in(dir) == 1); // no temporary file left behind
    {
        naqsha::atomic_file file(target);
        file.write("new contents");
        file.commit();
    }
    CHECK(naqsha::read_file(target) == "new contents");
    CHECK(entries_in(dir) == 1);
    fs::remove_all(dir);
}

TEST_CASE("an unwritable directory gives an output_error naming the path") {
    auto target = fs::path("/proc/naqsha-cannot-exist/out.txt");
    CHECK_THROWS_AS(naqsha::write_file_atomically(target, "x"), naqsha::output_error);
    try {
        naqsha::write_file_atomically(target, "x");
    } catch (const naqsha::output_error& e) {
        CHECK(std::string(e.what()).find(target.string()) != std::string::npos);
    }
}

TEST_CASE("reading a missing file gives an input_error naming it") {
    CHECK_THROWS_AS(naqsha::read_file("/nonexistent/naqsha.txt"), naqsha::input_error);
}

TEST_CASE("a file a library writes replaces its target only on commit, and leaves nothing behind otherwise") {
    auto dir = naqsha::test::fresh_dir("atomic-library");
    auto target = dir / "layer.gpkg";
    naqsha::write_file_atomically(target, "old");
    {
        auto staged = naqsha::atomic_file::created_by_library(target);
        CHECK(staged.temp_path().extension() == ".gpkg"); // the library sees the target's format
        CHECK_FALSE(fs::exists(staged.temp_path()));      // it refuses to create over an existing file
        naqsha::write_file_atomically(staged.temp_path(), "new");
        naqsha::write_file_atomically(staged.temp_path().string() + "-journal", "side");
    }
    CHECK(naqsha::read_file(target) == "old");
    CHECK(entries_in(dir) == 1); // neither the file nor SQLite's side file stays
    {
        auto staged = naqsha::atomic_file::created_by_library(target);
        CHECK_THROWS_AS(staged.commit(), naqsha::output_error); // nothing was written
        naqsha::write_file_atomically(staged.temp_path(), "new");
        staged.commit();
    }
    CHECK(naqsha::read_file(target) == "new");
    CHECK(entries_in(dir) == 1);
    fs::remove_all(dir);
}
