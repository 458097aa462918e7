// The registry of subcommands. Each command lives in its own cmd_*.cpp.
#include "app/command.hpp"

namespace naqsha::app {

std::vector<command_entry> all_commands() {
    std::vector<command_entry> list;
    return list;
}

} // namespace naqsha::app
