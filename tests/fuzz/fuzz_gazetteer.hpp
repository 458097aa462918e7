#pragma once
// The real default gazetteer, loaded once per fuzzer process (from build/cache when present). A
// harness that cannot load it must not run on a stand-in, so it aborts with the reason.
#include "gazetteer/gazetteer.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>

namespace naqsha::fuzz {

inline const gazetteer::gazetteer& load_gazetteer(const char* harness) {
    try {
        static const auto loaded = gazetteer::gazetteer::load();
        return loaded;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: cannot load the gazetteer: %s\n", harness, e.what());
        std::abort();
    }
}

} // namespace naqsha::fuzz
