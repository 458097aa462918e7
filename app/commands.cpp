// The registry of subcommands. Each command lives in its own cmd_*.cpp.
#include "app/command.hpp"

namespace naqsha::app {

std::unique_ptr<command> make_run_command();
std::unique_ptr<command> make_extract_command();
std::unique_ptr<command> make_gazetteer_command();
std::unique_ptr<command> make_tiles_command();
std::unique_ptr<command> make_compare_command();
std::unique_ptr<command> make_serve_command();

std::vector<command_entry> all_commands() {
    std::vector<command_entry> list;
    list.push_back({"run", "Map articles end to end: extract, merge into the event store, control timeline, layers, tiles",
                    "Pipeline", make_run_command()});
    list.push_back({"extract", "Extract dated, located, attributed events from news reports as NDJSON", "Extraction",
                    make_extract_command()});
    list.push_back({"gazetteer", "Look up place names, locate points and inspect the district gazetteer", "Gazetteer",
                    make_gazetteer_command()});
    list.push_back({"tiles", "Render PNG tile pyramids (XYZ, MBTiles) and a legend from naqsha.gpkg", "Outputs",
                    make_tiles_command()});
    list.push_back({"compare", "Measure a run's control map against a reference assessment (RS/SIGAR, LWJ, your own) on a date (docs/compare.md)",
                    "Analysis", make_compare_command()});
    list.push_back({"serve", "Serve an output directory (viewer, layers, MBTiles tiles) over HTTP, read-only", "Outputs",
                    make_serve_command()});
    return list;
}

} // namespace naqsha::app
