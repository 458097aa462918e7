#pragma once
// Agreement between two ratings of the same districts: the confusion matrix, accuracy and Cohen's
// kappa, over the classes compared (naqsha's four states, or government against the rest).
#include "store/model.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace naqsha::compare {

// The classes districts are compared in. `--binary` collapses to government against the rest, as
// Resolute Support's published figures do.
class class_scheme {
public:
    explicit class_scheme(bool binary);
    bool binary() const { return binary_; }
    std::size_t size() const { return binary_ ? 2 : store::all_control_statuses.size(); }
    std::size_t index_of(store::control_status status) const;
    // "government", "contested", ... or "government", "not government".
    std::string_view name(std::size_t index) const;
    // An order from the government side to the Taliban side (government, contested, unconfirmed,
    // taliban; or government, not government), to say which way two ratings differ.
    int rank(std::size_t index) const;

private:
    bool binary_;
};

// Rows are naqsha's class, columns the reference's.
class confusion_matrix {
public:
    explicit confusion_matrix(std::size_t classes) : classes_(classes), counts_(classes * classes, 0) {}
    void add(std::size_t ours, std::size_t theirs) { ++counts_[ours * classes_ + theirs]; }
    int at(std::size_t ours, std::size_t theirs) const { return counts_[ours * classes_ + theirs]; }
    std::size_t classes() const { return classes_; }
    int total() const;
    int row_total(std::size_t ours) const;
    int column_total(std::size_t theirs) const;

private:
    std::size_t classes_;
    std::vector<int> counts_;
};

struct agreement_figures {
    int compared = 0;
    int agreed = 0;
    double accuracy = 0;          // agreed / compared; 0 when nothing was compared
    // (p_o - p_e) / (1 - p_e), p_e the agreement expected by chance from the two sides' class shares.
    // nullopt when it is undefined: nothing compared, or both sides give every district one class.
    std::optional<double> kappa;
};

agreement_figures measure_agreement(const confusion_matrix& m);

} // namespace naqsha::compare
