#pragma once
// A request to stop (SIGTERM or SIGINT) that long-running loops honour by unwinding, so that every
// staging directory and temporary file is removed by its owner's destructor on the way out. A signal
// that simply ended the process would leave them behind (a killed `naqsha tiles` left 220 MB).
//
// The handler only records the signal (an atomic store is async-signal-safe); the work checks
// throw_if_stop_requested() at points it reaches often (every article, every tile). A second signal
// ends the process at once, for when the user will not wait; the next run removes what it left.
namespace naqsha {

// Installs the handlers for SIGTERM and SIGINT (with SA_RESTART: system calls are not interrupted).
void install_stop_handlers();

// The signal that asked to stop, or 0.
int stop_signal() noexcept;

// Throws interrupted_error when a stop was requested.
void throw_if_stop_requested();

} // namespace naqsha
