#pragma once
#include <CLI/CLI.hpp>

#include <string>

namespace naqsha::app {

// Parses and runs; the only place exceptions become exit codes.
int run_cli(int argc, char** argv);

// The manual page in Markdown, generated from the same declarations as --help.
std::string markdown_manual(CLI::App& app);

} // namespace naqsha::app
