#pragma once
// The ranges of numeric options, and the check every --out gets before any work is done. A value
// outside its range is a usage error naming the option, not a run that silently does something else
// (--contested-days 2147483000 once gave no contested district at all) or fails late (-j 100000 ended
// as an "internal error" when the threads could not start).
#include "base/error.hpp"

#include <string>
#include <string_view>

namespace naqsha::app {

// Threads of any kind: more than any machine naqsha runs on has cores.
inline constexpr unsigned max_threads = 256;
// Ten years: longer than any contested period the control model describes (docs/control-model.md).
inline constexpr int max_contested_days = 3650;
inline constexpr unsigned max_lookup_candidates = 1000;

// An output path must name something: an empty one would only fail once everything else is done.
inline void require_output_path(std::string_view option, const std::string& path) {
    if (path.empty()) throw usage_error(std::string(option) + " '': the output path is empty");
}

} // namespace naqsha::app
