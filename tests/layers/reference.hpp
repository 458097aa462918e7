#pragma once
// The real gazetteer (../shared boundaries, cached under build/cache), loaded once per test process.
#include "render/layers/layers.hpp"

namespace naqsha::test {

inline const gazetteer::gazetteer& shared_gazetteer() {
    static const gazetteer::gazetteer g = gazetteer::gazetteer::load();
    return g;
}

inline layers::reference_areas reference_areas() {
    const auto& g = shared_gazetteer();
    return {g.provinces(), g.districts()};
}

} // namespace naqsha::test
