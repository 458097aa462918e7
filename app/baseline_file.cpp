#include "app/baseline_file.hpp"

#include "base/error.hpp"
#include "render/reference/reference_assessment.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>

namespace naqsha::app {
namespace {

// naqsha's own snapshot starts with the header `pcode,status,date,source`.
bool is_snapshot_csv(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string header;
    if (!in || !std::getline(in, header)) return false;
    if (!header.empty() && header.back() == '\r') header.pop_back();
    if (header.rfind("\xEF\xBB\xBF", 0) == 0) header.erase(0, 3);
    std::string lower;
    for (char c : header)
        if (c != ' ' && c != '"') lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower == "pcode,status,date,source";
}

} // namespace

baseline_reading read_baseline(const baseline_source& source, const gazetteer::gazetteer& gazetteer,
                               std::span<const store::district_info> districts) {
    baseline_reading out;
    if (is_snapshot_csv(source.file)) {
        if (source.date || !source.status_field.empty() || !source.classes.empty())
            throw usage_error(source.file.string() +
                              ": a pcode,status,date,source snapshot carries its own dates and states; "
                              "--baseline-date, --baseline-field and --baseline-classes are for a reference assessment");
        out.rows = store::read_baseline_csv(source.file, districts);
        return out;
    }
    if (!source.date)
        throw usage_error(source.file.string() +
                          ": not a pcode,status,date,source snapshot, so it is read as a reference assessment, which "
                          "has no dates: give --baseline-date YYYY-MM-DD, the day it describes");
    reference::reference_options options;
    if (!source.status_field.empty()) options.status_field = source.status_field;
    if (!source.classes.empty()) options.classes = reference::status_classes::with_user_mapping(source.classes);
    auto assessment = reference::read_reference_assessment(source.file, gazetteer, options);
    for (const auto& d : assessment.districts) {
        store::baseline_row row;
        row.pcode = d.pcode;
        row.status = d.status;
        row.date = *source.date;
        row.source = source.file.filename().string() + ": " + d.value + " (" + d.where + ")";
        out.rows.push_back(std::move(row));
    }
    for (const auto& r : assessment.unresolved) out.left_out.push_back(r.where + ": " + r.text + ": " + r.reason);
    for (const auto& v : assessment.unmapped)
        out.left_out.push_back(source.file.string() + ": status '" + v.value + "' (" + std::to_string(v.count) +
                               " rows) maps to no state; give --baseline-classes");
    return out;
}

} // namespace naqsha::app
