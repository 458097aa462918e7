#pragma once
// The text `naqsha compare` prints: districts compared, accuracy, Cohen's kappa, the confusion matrix,
// the figures by province, the weighted shares side by side, and what of the reference could not be
// used (unresolved rows, unmapped values, districts no polygon covers) with the crosswalk.
#include "render/compare/comparison.hpp"

#include <filesystem>
#include <string>

namespace naqsha::compare {

struct report_context {
    std::filesystem::path run;                  // the run's GeoPackage
    const population_table* population = nullptr;
};

std::string format_report(const comparison& c, const reference::reference_assessment& reference,
                          const report_context& context);

} // namespace naqsha::compare
