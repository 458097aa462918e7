#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "base/staged_directory.hpp"

#include "tests/temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

void write_set(const fs::path& dir, const std::string& version) {
    naqsha::write_file_atomically(dir / "naqsha.gpkg", "store " + version);
    fs::create_directories(dir / "tiles" / "5");
    naqsha::write_file_atomically(dir / "tiles" / "5" / "1.png", "tile " + version);
}

} // namespace

TEST_CASE("a staged output appears whole on commit and replaces the previous one") {
    auto root = naqsha::test::fresh_dir("staged");
    auto out = root / "out";
    {
        naqsha::staged_directory stage(out);
        CHECK(stage.previous().empty());
        write_set(stage.staging(), "1");
        CHECK_FALSE(fs::exists(out));
        stage.commit();
    }
    CHECK(naqsha::read_file(out / "naqsha.gpkg") == "store 1");
    CHECK(fs::exists(out / naqsha::staged_directory::output_marker));
    CHECK(names_in(root) == std::vector<std::string>{"out"});
    {
        naqsha::staged_directory stage(out);
        CHECK(stage.previous() == out);
        CHECK(stage.carry_over("naqsha.gpkg", "kept.gpkg"));
        CHECK(naqsha::read_file(stage.staging() / "kept.gpkg") == "store 1");
        CHECK_FALSE(stage.carry_over("tiles")); // not a regular file
        write_set(stage.staging(), "2");
        CHECK(naqsha::read_file(out / "naqsha.gpkg") == "store 1"); // untouched until commit
        stage.commit();
    }
    CHECK(naqsha::read_file(out / "naqsha.gpkg") == "store 2");
    CHECK(naqsha::read_file(out / "kept.gpkg") == "store 1");
    CHECK(naqsha::read_file(out / "tiles" / "5" / "1.png") == "tile 2");
    CHECK(names_in(root) == std::vector<std::string>{"out"});
    {
        naqsha::staged_directory stage(out);
        write_set(stage.staging(), "3");
        // destroyed without commit: a failed run
    }
    CHECK(naqsha::read_file(out / "naqsha.gpkg") == "store 2");
    CHECK(names_in(root) == std::vector<std::string>{"out"});
    fs::remove_all(root);
}

TEST_CASE("a directory of unrelated files is never replaced") {
    auto root = naqsha::test::fresh_dir("staged-foreign");
    fs::create_directories(root / "thesis");
    naqsha::write_file_atomically(root / "thesis" / "chapter1.tex", "precious");
    CHECK_THROWS_WITH_AS(naqsha::staged_directory(root / "thesis"), doctest::Contains("not written by naqsha"),
                         naqsha::output_error);
    naqsha::write_file_atomically(root / "file", "x");
    CHECK_THROWS_WITH_AS(naqsha::staged_directory(root / "file"), doctest::Contains("not a directory"), naqsha::output_error);
    CHECK(naqsha::read_file(root / "thesis" / "chapter1.tex") == "precious");
    fs::create_directories(root / "empty");
    {
        naqsha::staged_directory stage(root / "empty");
        write_set(stage.staging(), "1");
        stage.commit();
    }
    CHECK(naqsha::read_file(root / "empty" / "naqsha.gpkg") == "store 1");
    fs::remove_all(root);
}

TEST_CASE("a run killed at any point leaves the old set or the new one, and its leftovers go next time") {
    auto root = naqsha::test::fresh_dir("staged-kill");
    auto out = root / "out";
    {
        naqsha::staged_directory stage(out);
        write_set(stage.staging(), "old");
        stage.commit();
    }
    // A child stages a new set and is killed before committing (SIGKILL: no destructors run).
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        naqsha::staged_directory stage(out);
        write_set(stage.staging(), "new");
        ::raise(SIGKILL);
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    CHECK(naqsha::read_file(out / "naqsha.gpkg") == "store old");
    CHECK(names_in(root).size() == 3); // out, the killed run's staging directory and its lock file

    {
        naqsha::staged_directory stage(out); // removes the leftover
        CHECK(names_in(root).size() == 3);   // out, our own staging directory and lock file
        write_set(stage.staging(), "next");
        stage.commit();
    }
    CHECK(names_in(root) == std::vector<std::string>{"out"});
    CHECK(naqsha::read_file(out / "naqsha.gpkg") == "store next");
    fs::remove_all(root);
}

TEST_CASE("two runs on one output at once: the second is refused, naming the first") {
    auto root = naqsha::test::fresh_dir("staged-busy");
    {
        naqsha::staged_directory first(root / "out");
        const std::string holder = "another naqsha run (PID " + std::to_string(::getpid()) + ")";
        CHECK_THROWS_WITH_AS(naqsha::staged_directory(root / "out"), doctest::Contains(holder.c_str()), naqsha::busy_error);
    }
    CHECK(names_in(root).empty()); // the lock file goes with the lock
    fs::remove_all(root);
}
