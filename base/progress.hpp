#pragma once
// Long steps (articles extracted, tiles rendered) report progress through this interface; app/
// decides how to show it (a bar on a terminal, nothing otherwise). advance() may be called from
// several threads.
#include <cstddef>
#include <string_view>

namespace naqsha {

class progress_sink {
public:
    virtual ~progress_sink() = default;
    // Begins a step; total 0 means unknown.
    virtual void start(std::string_view label, std::size_t total) = 0;
    virtual void advance(std::size_t n = 1) = 0;
    // Ends the step (the bar, if any, is completed and left on its own line).
    virtual void finish() = 0;
};

// A sink that shows nothing.
progress_sink& no_progress();

} // namespace naqsha
