#pragma once
// The documented exit codes (docs/cli.md#exit-codes). Scripts rely on these numbers.
namespace naqsha::app {

enum exit_code : int {
    exit_success = 0,          // everything done
    exit_partial = 1,          // done, but some inputs were rejected (each named on stderr)
    exit_usage = 2,            // bad arguments
    exit_boundary_data = 3,    // boundary or gazetteer data missing, corrupt or unusable
    exit_output = 4,           // an output could not be written
    exit_internal = 5,         // a bug: please report it with the message
    exit_store = 6,            // the event store in --out cannot be read; left untouched
    exit_busy = 7,             // another naqsha run is writing the same output
    exit_reference = 8,        // a reference assessment (compare --reference) cannot be used
    exit_no_input = 9,         // the inputs given hold no article; nothing written
    exit_signal_base = 128,    // stopped by signal N (exit 128 + N, as a shell reports it)
};

} // namespace naqsha::app
