#include "render/compare/agreement.hpp"

#include <array>

namespace naqsha::compare {
namespace {

using store::control_status;

constexpr std::string_view binary_names[] = {"government", "not government"};

// control_status order is government, contested, taliban, unconfirmed; an unconfirmed Taliban claim
// stands between contested and held.
constexpr std::array<int, 4> state_rank{0, 1, 3, 2};

} // namespace

class_scheme::class_scheme(bool binary) : binary_(binary) {}

std::size_t class_scheme::index_of(control_status status) const {
    if (binary_) return status == control_status::government ? 0 : 1;
    return static_cast<std::size_t>(status);
}

std::string_view class_scheme::name(std::size_t index) const {
    if (binary_) return binary_names[index];
    return store::to_string(store::all_control_statuses[index]);
}

int class_scheme::rank(std::size_t index) const { return binary_ ? static_cast<int>(index) : state_rank[index]; }

int confusion_matrix::total() const {
    int sum = 0;
    for (int c : counts_) sum += c;
    return sum;
}

int confusion_matrix::row_total(std::size_t ours) const {
    int sum = 0;
    for (std::size_t theirs = 0; theirs < classes_; ++theirs) sum += at(ours, theirs);
    return sum;
}

int confusion_matrix::column_total(std::size_t theirs) const {
    int sum = 0;
    for (std::size_t ours = 0; ours < classes_; ++ours) sum += at(ours, theirs);
    return sum;
}

agreement_figures measure_agreement(const confusion_matrix& m) {
    agreement_figures out;
    out.compared = m.total();
    for (std::size_t k = 0; k < m.classes(); ++k) out.agreed += m.at(k, k);
    if (out.compared == 0) return out;
    const double n = out.compared;
    out.accuracy = out.agreed / n;
    double chance = 0;
    for (std::size_t k = 0; k < m.classes(); ++k) chance += (m.row_total(k) / n) * (m.column_total(k) / n);
    // Equal to 1 only when both sides put every district in the same single class.
    if (chance < 1 - 1e-12) out.kappa = (out.accuracy - chance) / (1 - chance);
    return out;
}

} // namespace naqsha::compare
