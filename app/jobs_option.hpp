#pragma once
// The one thread option of every command that runs threads: -j,--jobs N, 0 (the default) for every
// core. run, extract and tiles once disagreed on its name and default (issue 19).
#include "app/option_limits.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <string>
#include <thread>

namespace naqsha::app {

// `what` says what the threads do ("Extraction threads"); the default and its meaning are added.
inline CLI::Option* add_jobs_option(CLI::App& sub, unsigned& jobs, const std::string& what) {
    return sub.add_option("-j,--jobs", jobs, what + " (0: every core)")
        ->check(CLI::Range(0u, max_threads))
        ->capture_default_str();
}

// The number of threads to start for a --jobs value.
inline unsigned resolved_jobs(unsigned jobs) {
    return jobs != 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

} // namespace naqsha::app
