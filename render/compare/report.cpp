#include "render/compare/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <unordered_map>
#include <vector>

namespace naqsha::compare {
namespace {

using reference::match_method;

std::string kappa_text(const agreement_figures& f) {
    if (f.kappa) return fmt::format("{:.3f}", *f.kappa);
    return f.compared == 0 ? "undefined (nothing compared)" : "undefined (both sides give every district one class)";
}

std::string fraction(double share) { return fmt::format("{:.3f}", share); }

// The classes either side gives a compared district: an unconfirmed row and column of zeros, when no
// one reports a Taliban claim, would only take room.
std::vector<std::size_t> classes_shown(const comparison& c) {
    std::vector<std::size_t> shown;
    for (std::size_t k = 0; k < c.scheme.size(); ++k)
        if (c.matrix.row_total(k) > 0 || c.matrix.column_total(k) > 0) shown.push_back(k);
    return shown;
}

void append_matrix(std::string& out, const comparison& c) {
    constexpr int width = 16;
    const auto shown = classes_shown(c);
    out += "Confusion matrix (rows: naqsha, columns: reference):\n";
    fmt::format_to(std::back_inserter(out), "  {:<{}}", "", width);
    for (const auto k : shown) fmt::format_to(std::back_inserter(out), "{:>{}}", c.scheme.name(k), width);
    fmt::format_to(std::back_inserter(out), "{:>{}}\n", "total", width);
    for (const auto ours : shown) {
        fmt::format_to(std::back_inserter(out), "  {:<{}}", c.scheme.name(ours), width);
        for (const auto theirs : shown) fmt::format_to(std::back_inserter(out), "{:>{}}", c.matrix.at(ours, theirs), width);
        fmt::format_to(std::back_inserter(out), "{:>{}}\n", c.matrix.row_total(ours), width);
    }
    fmt::format_to(std::back_inserter(out), "  {:<{}}", "total", width);
    for (const auto theirs : shown)
        fmt::format_to(std::back_inserter(out), "{:>{}}", c.matrix.column_total(theirs), width);
    fmt::format_to(std::back_inserter(out), "{:>{}}\n", c.matrix.total(), width);
}

void append_provinces(std::string& out, const comparison& c) {
    if (c.provinces.empty()) return;
    out += "\nBy province:\n";
    fmt::format_to(std::back_inserter(out), "  {:<6} {:<20} {:>9} {:>7} {:>9}  {}\n", "pcode", "province", "compared",
                   "agreed", "accuracy", "kappa");
    for (const auto& p : c.provinces)
        fmt::format_to(std::back_inserter(out), "  {:<6} {:<20} {:>9} {:>7} {:>9}  {}\n", p.province->pcode,
                       p.province->name, p.figures.compared, p.figures.agreed, fraction(p.figures.accuracy),
                       p.figures.kappa ? fmt::format("{:.3f}", *p.figures.kappa) : std::string("-"));
}

void append_shares(std::string& out, const comparison& c) {
    if (c.overall.compared == 0) return;
    const bool people = !c.shares.population.ours.empty();
    out += "\nShares of the districts compared (naqsha | reference):\n";
    fmt::format_to(std::back_inserter(out), "  {:<16} {:>17} {:>17}", "class", "districts", "area");
    if (people) fmt::format_to(std::back_inserter(out), " {:>17}", "population");
    out += "\n";
    auto pair = [](const class_shares& s, std::size_t k) { return fraction(s.ours[k]) + " | " + fraction(s.theirs[k]); };
    for (const auto k : classes_shown(c)) {
        fmt::format_to(std::back_inserter(out), "  {:<16} {:>17} {:>17}", c.scheme.name(k), pair(c.shares.districts, k),
                       pair(c.shares.area, k));
        if (people) fmt::format_to(std::back_inserter(out), " {:>17}", pair(c.shares.population, k));
        out += "\n";
    }
    if (people && c.shares.compared_without_population > 0)
        fmt::format_to(std::back_inserter(out), "  ({} districts compared have no population figure: left out of the population shares)\n",
                       c.shares.compared_without_population);
}

void append_reference_problems(std::string& out, const reference::reference_assessment& r) {
    if (!r.unresolved.empty()) {
        fmt::format_to(std::back_inserter(out), "\nUnresolved rows ({}):\n", r.unresolved.size());
        for (const auto& u : r.unresolved) fmt::format_to(std::back_inserter(out), "  {}: {}: {}\n", u.where, u.text, u.reason);
    }
    if (!r.unmapped.empty()) {
        out += "\nStatus values no class maps (give them with --classes):\n";
        for (const auto& u : r.unmapped)
            fmt::format_to(std::back_inserter(out), "  '{}' ({} {})\n", u.value, u.count, u.count == 1 ? "row" : "rows");
    }
    if (!r.uncovered.empty()) {
        fmt::format_to(std::back_inserter(out), "\nDistricts no reference polygon covers a quarter of ({}):\n", r.uncovered.size());
        for (const auto& u : r.uncovered)
            fmt::format_to(std::back_inserter(out), "  {}{}\n", u.pcode,
                           u.best_label.empty() ? std::string(": no polygon touches it")
                                                : fmt::format(": at most {:.3f} in {}", u.best_share, u.best_label));
    }
    if (!r.unmatched_features.empty()) {
        fmt::format_to(std::back_inserter(out), "\nReference polygons no district of the run takes ({}):\n",
                       r.unmatched_features.size());
        for (const auto& f : r.unmatched_features) fmt::format_to(std::back_inserter(out), "  {}\n", f);
    }
    if (!r.notes.empty()) {
        out += "\nNotes on the reference:\n";
        for (const auto& n : r.notes) fmt::format_to(std::back_inserter(out), "  {}\n", n);
    }
}

void append_crosswalk(std::string& out, const comparison& c, const reference::reference_assessment& r) {
    if (r.districts.empty()) return;
    out += "\nCrosswalk (run district <- reference):\n";
    std::unordered_map<std::string_view, const district_row*> rows;
    for (const auto& row : c.rows) rows.emplace(row.district->pcode, &row);
    for (const auto& d : r.districts) {
        const auto it = rows.find(d.pcode);
        const std::string name = it != rows.end() ? it->second->district->name : std::string();
        std::string how(reference::to_string(d.match));
        if (d.match == match_method::overlap) how += fmt::format(" {:.3f}", d.overlap_share);
        fmt::format_to(std::back_inserter(out), "  {} {} <- {} [{}; {}] '{}'\n", d.pcode, name, d.reference_label, how,
                       d.where, d.value);
    }
}

} // namespace

std::string format_report(const comparison& c, const reference::reference_assessment& r, const report_context& context) {
    std::string out;
    fmt::format_to(std::back_inserter(out), "naqsha compare: {} on {} against {} (layer {}, column {}{})\n",
                   context.run.string(), iso_date(c.date), r.file.string(), r.layer, r.status_field,
                   r.polygons ? ", polygons matched by overlap" : "");
    if (c.scheme.binary()) out += "Classes: government against the rest (--binary)\n";
    const auto by = [&](match_method m) {
        return std::count_if(r.districts.begin(), r.districts.end(), [m](const auto& d) { return d.match == m; });
    };
    fmt::format_to(std::back_inserter(out), "Reference districts: {} ({} by P-code, {} by name, {} by overlap)",
                   r.districts.size(), by(match_method::pcode), by(match_method::name), by(match_method::overlap));
    if (!r.unresolved.empty()) fmt::format_to(std::back_inserter(out), "; unresolved rows: {}", r.unresolved.size());
    out += "\n";
    fmt::format_to(std::back_inserter(out), "Districts compared: {}\n", c.overall.compared);
    fmt::format_to(std::back_inserter(out), "  the reference rates, naqsha has no state for: {}\n", c.naqsha_no_state);
    fmt::format_to(std::back_inserter(out), "  naqsha has a state for, the reference does not rate: {}\n", c.reference_no_state);
    fmt::format_to(std::back_inserter(out), "Accuracy: {} ({} of {} agree)\n", fraction(c.overall.accuracy), c.overall.agreed,
                   c.overall.compared);
    fmt::format_to(std::back_inserter(out), "Cohen's kappa: {}\n\n", kappa_text(c.overall));
    append_matrix(out, c);
    append_provinces(out, c);
    append_shares(out, c);
    if (context.population != nullptr && !context.population->notes.empty()) {
        out += "\nNotes on the population table:\n";
        for (const auto& n : context.population->notes) fmt::format_to(std::back_inserter(out), "  {}\n", n);
    }
    append_reference_problems(out, r);
    append_crosswalk(out, c, r);
    return out;
}

} // namespace naqsha::compare
