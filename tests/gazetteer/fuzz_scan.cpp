// libFuzzer harness: scan() and lookup() on arbitrary bytes must neither crash nor read out of
// bounds, and every mention must lie inside the text with at least one candidate.
#include "gazetteer/gazetteer.hpp"

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

namespace {
std::unique_ptr<naqsha::gazetteer::gazetteer> shared;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    shared = std::make_unique<naqsha::gazetteer::gazetteer>(naqsha::gazetteer::gazetteer::load());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const auto& m : shared->scan(text)) {
        if (m.begin >= m.end || m.end > size || m.candidates.empty()) std::abort();
        if (m.surface != text.substr(m.begin, m.end - m.begin)) std::abort();
    }
    if (size < 200) {
        auto found = shared->lookup(text);
        for (std::size_t i = 1; i < found.size(); ++i)
            if (found[i].score > found[i - 1].score) std::abort(); // best first
    }
    return 0;
}
