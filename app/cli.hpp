#pragma once
// The program's entry point. CLI11 is not included here: main.cpp compiles in a fraction of a second
// when the 20,000 lines of CLI11 stay in the files that declare options.
namespace naqsha::app {

// Parses and runs; the only place exceptions become exit codes.
int run_cli(int argc, char** argv);

} // namespace naqsha::app
