#pragma once
// A run's control map set beside a reference assessment on one date: per district what each side says
// and the evidence behind naqsha's state, the agreement figures overall and by province, and the
// district-, area- and population-weighted shares of each class (as SIGAR reports them).
#include "gazetteer/gazetteer.hpp"
#include "render/compare/agreement.hpp"
#include "render/compare/population.hpp"
#include "render/reference/reference_assessment.hpp"
#include "store/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace naqsha::compare {

// How the two sides relate on one district.
enum class verdict : std::uint8_t {
    agree,
    naqsha_more_taliban,      // naqsha's class lies further to the Taliban side than the reference's
    naqsha_more_government,
    naqsha_no_state,          // the reference rates it; naqsha has no state at the date
    reference_no_state,       // naqsha has a state; the reference does not rate it (or says "unknown")
};
inline constexpr std::size_t verdict_count = 5;
// The value stored in the layer's `agreement` field: "agree", "naqsha_more_taliban", ...
std::string_view to_string(verdict v);
// The legend's words: "Agree", "naqsha more Taliban than the reference", ...
std::string_view label_of(verdict v);

struct district_row {
    const gazetteer::district* district = nullptr;
    const gazetteer::province* province = nullptr;
    const store::control_interval* ours = nullptr;              // nullptr: no naqsha state at the date
    const reference::reference_district* theirs = nullptr;      // nullptr: not in the reference
    verdict outcome = verdict::agree;
    std::string evidence;                                       // what naqsha's state rests on

    bool compared() const { return outcome != verdict::naqsha_no_state && outcome != verdict::reference_no_state; }
};

struct province_row {
    const gazetteer::province* province = nullptr;
    agreement_figures figures;
};

// Each class's share of the districts compared, weighted three ways, for naqsha and the reference.
struct class_shares {
    std::vector<double> ours, theirs; // indexed by class
};

struct weighted_shares {
    class_shares districts, area;
    class_shares population;          // empty without a population table
    int compared_without_population = 0;
};

struct comparison {
    day_number date = 0;                  // the day compared
    class_scheme scheme{false};
    std::vector<district_row> rows;   // every district either side rates, by P-code
    confusion_matrix matrix{4};
    agreement_figures overall;
    std::vector<province_row> provinces;  // provinces with districts compared, by P-code
    int naqsha_no_state = 0, reference_no_state = 0;
    weighted_shares shares;
};

struct compare_options {
    day_number date = 0;                        // the day compared (compare --at)
    bool binary = false;                        // government against the rest
    const population_table* population = nullptr;
};

// The rows point into `run`, `reference` and `gazetteer`, which must outlive the result. `run` is a
// run's map state as read back from its GeoPackage (its control intervals and incidents).
comparison compare_control(const store::map_state& run, const reference::reference_assessment& reference,
                           const gazetteer::gazetteer& gazetteer, const compare_options& options);

} // namespace naqsha::compare
