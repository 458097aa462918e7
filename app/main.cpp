// Thin entry point: parse the command line, run one command, map exceptions to exit codes.
#include "app/cli.hpp"

int main(int argc, char** argv) { return naqsha::app::run_cli(argc, argv); }
