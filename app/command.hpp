#pragma once
// A subcommand declares its options once (on a CLI11 App); help text and docs/cli.md are generated
// from those declarations. CLI11 is only named here: the files that declare options include it.
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace naqsha::app {

// Options every command shares, declared on the top-level app.
struct global_options {
    bool quiet = false;
    bool verbose = false;
    std::string data_dir;   // gazetteer data; empty: default
    std::string cache_dir;  // derived caches; empty: default
};

class command {
public:
    virtual ~command() = default;
    // Declares the subcommand's options on `sub` (already named and described).
    virtual void declare(CLI::App& sub) = 0;
    // Runs after parsing; returns an exit code. Throws naqsha::error subclasses for failures.
    virtual int run(const global_options& global) = 0;
};

struct command_entry {
    std::string name;
    std::string summary;
    std::string group;      // heading in --help
    std::unique_ptr<command> impl;
};

// Every command of the program, in the order --help lists them.
std::vector<command_entry> all_commands();

} // namespace naqsha::app
