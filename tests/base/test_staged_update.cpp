#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "base/staged_update.hpp"

#include "tests/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;

TEST_CASE("a staged update moves finished entries in and replaces planted links without following them") {
    const auto root = naqsha::test::fresh_dir("staged-update");
    const auto target = root / "out" / "tiles";
    fs::create_directories(root / "out");
    fs::create_directories(root / "victim");
    naqsha::write_file_atomically(root / "victim" / "keep.txt", "precious");
    fs::create_directories(target / "control");
    naqsha::write_file_atomically(target / "control-old.mbtiles", "old slice, not rendered again");
    // Links planted where the new entries go.
    fs::create_directory_symlink(root / "victim", target / "control" / "2021-01");
    fs::create_symlink(root / "victim" / "keep.txt", target / "legend.png");
    {
        naqsha::staged_update update(target);
        fs::create_directories(update.staging() / "control" / "2021-01" / "0" / "0");
        naqsha::write_file_atomically(update.staging() / "control" / "2021-01" / "0" / "0" / "0.png", "tile");
        naqsha::write_file_atomically(update.staging() / "legend.png", "legend");
        update.publish("control/2021-01");
        update.publish("legend.png");
    }
    CHECK(naqsha::read_file(target / "control" / "2021-01" / "0" / "0" / "0.png") == "tile");
    CHECK_FALSE(fs::is_symlink(target / "control" / "2021-01"));
    CHECK(naqsha::read_file(target / "legend.png") == "legend");
    CHECK_FALSE(fs::is_symlink(target / "legend.png"));
    CHECK(naqsha::read_file(target / "control-old.mbtiles") == "old slice, not rendered again");
    CHECK(naqsha::read_file(root / "victim" / "keep.txt") == "precious");
    CHECK(fs::directory_iterator(root / "victim") != fs::directory_iterator());
    CHECK(std::distance(fs::directory_iterator(root / "out"), fs::directory_iterator()) == 1); // no staging left

    // A link where a directory must be is refused, naming it.
    fs::remove_all(target / "control");
    fs::create_directory_symlink(root / "victim", target / "control");
    {
        naqsha::staged_update update(target);
        fs::create_directories(update.staging() / "control" / "2021-02");
        CHECK_THROWS_WITH_AS(update.publish("control/2021-02"), doctest::Contains("control: is a symbolic link"),
                             naqsha::output_error);
    }
    fs::remove(target / "control");
    fs::create_directory_symlink(root / "victim", root / "out" / "linked");
    CHECK_THROWS_WITH_AS(naqsha::staged_update(root / "out" / "linked"), doctest::Contains("is a symbolic link"),
                         naqsha::output_error);
    CHECK(naqsha::read_file(root / "victim" / "keep.txt") == "precious");
    CHECK(std::distance(fs::directory_iterator(root / "victim"), fs::directory_iterator()) == 1);
    fs::remove_all(root);
}
