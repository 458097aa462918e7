#include "store/control_csv.hpp"

#include "base/atomic_file.hpp"
#include "base/csv.hpp"
#include "base/error.hpp"
#include "store/calendar.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace naqsha::store {
namespace {

std::string trim_spaces(const std::string& field) {
    const auto first = field.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return field.substr(first, field.find_last_not_of(" \t") - first + 1);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

struct table {
    std::vector<std::vector<std::string>> rows; // without the header
    std::vector<int> lines;
    std::vector<std::string> columns;           // lower-case header names
};

table read_table(const std::filesystem::path& file) {
    std::string text;
    try {
        text = read_file(file);
    } catch (const input_error& e) {
        throw usage_error(e.what());
    }
    table t;
    // Analysts type these files by hand: spaces around a field are no part of it.
    for (auto& row : parse_csv(text)) {
        for (auto& field : row.fields) field = trim_spaces(field);
        t.rows.push_back(std::move(row.fields));
        t.lines.push_back(row.line);
    }
    if (t.rows.empty()) throw usage_error(file.string() + ": empty: expected a header row and data rows");
    for (auto& name : t.rows.front()) t.columns.push_back(lower(name));
    t.rows.erase(t.rows.begin());
    t.lines.erase(t.lines.begin());
    return t;
}

class row_checker {
public:
    row_checker(const std::filesystem::path& file, std::span<const district_info> districts)
        : file_(file), districts_(districts) {}

    void problem(int line, const std::string& what) { problems_.push_back(fmt::format("{}:{}: {}", file_.string(), line, what)); }

    std::string pcode(int line, const std::string& value) {
        if (value.empty()) problem(line, "empty pcode");
        else if (districts_covered(value, districts_).empty())
            problem(line, fmt::format("unknown pcode '{}' (expected a district P-code such as AF1803, a province P-code "
                                      "such as AF18, or *)", value));
        return value;
    }

    asserted_status status(int line, const std::string& value) {
        auto v = lower(value);
        if (v == "unknown") return std::nullopt;
        if (auto s = control_status_from_string(v)) return s;
        problem(line, fmt::format("unknown status '{}' (expected government, contested, taliban, unconfirmed or unknown)", value));
        return std::nullopt;
    }

    // The day a column gives; nullopt when it is empty and may be, or is not a day (a problem).
    std::optional<day_number> date(int line, const std::string& value, const char* column, bool optional) {
        if (value.empty() && optional) return std::nullopt;
        auto day = parse_iso_day(value);
        if (!day) problem(line, fmt::format("{} '{}' is not a date YYYY-MM-DD", column, value));
        return day;
    }

    void finish() const {
        if (problems_.empty()) return;
        std::string message = fmt::format("{}: {} bad row{}:", file_.string(), problems_.size(), problems_.size() == 1 ? "" : "s");
        for (const auto& p : problems_) message += "\n  " + p;
        throw usage_error(message);
    }

private:
    std::filesystem::path file_;
    std::span<const district_info> districts_;
    std::vector<std::string> problems_;
};

void expect_columns(const std::filesystem::path& file, const table& t, const std::vector<std::string>& expected) {
    if (t.columns == expected) return;
    std::string want;
    for (const auto& c : expected) want += (want.empty() ? "" : ",") + c;
    std::string got;
    for (const auto& c : t.columns) got += (got.empty() ? "" : ",") + c;
    throw usage_error(fmt::format("{}:1: header is '{}', expected '{}'", file.string(), got, want));
}

} // namespace

std::vector<std::size_t> districts_covered(std::string_view pcode, std::span<const district_info> districts) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < districts.size(); ++i)
        if (pcode == "*" || districts[i].pcode == pcode || districts[i].province_pcode == pcode) out.push_back(i);
    return out;
}

std::vector<baseline_row> read_baseline_csv(const std::filesystem::path& file, std::span<const district_info> districts) {
    auto t = read_table(file);
    expect_columns(file, t, {"pcode", "status", "date", "source"});
    row_checker check(file, districts);
    std::vector<baseline_row> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const auto& r = t.rows[i];
        int line = t.lines[i];
        if (r.size() != 4) {
            check.problem(line, fmt::format("{} fields, expected 4 (pcode,status,date,source)", r.size()));
            continue;
        }
        baseline_row row;
        row.line = line;
        row.pcode = check.pcode(line, r[0]);
        row.status = check.status(line, r[1]);
        row.date = check.date(line, r[2], "date", false).value_or(0);
        row.source = r[3];
        out.push_back(std::move(row));
    }
    check.finish();
    return out;
}

std::vector<override_row> read_overrides_csv(const std::filesystem::path& file, std::span<const district_info> districts) {
    auto t = read_table(file);
    bool open_ended = t.columns.size() == 4;
    if (open_ended) expect_columns(file, t, {"pcode", "status", "date", "source"});
    else expect_columns(file, t, {"pcode", "status", "start_date", "end_date", "source"});
    std::size_t width = t.columns.size();
    row_checker check(file, districts);
    std::vector<override_row> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const auto& r = t.rows[i];
        int line = t.lines[i];
        if (r.size() != width) {
            check.problem(line, fmt::format("{} fields, expected {}", r.size(), width));
            continue;
        }
        override_row row;
        row.line = line;
        row.pcode = check.pcode(line, r[0]);
        row.status = check.status(line, r[1]);
        const auto start = check.date(line, r[2], open_ended ? "date" : "start_date", false);
        row.start_date = start.value_or(0);
        if (!open_ended) {
            row.end_date = check.date(line, r[3], "end_date", true);
            if (row.end_date && start && *row.end_date < *start)
                check.problem(line, fmt::format("end_date {} is before start_date {}", r[3], r[2]));
        }
        row.source = r[width - 1];
        out.push_back(std::move(row));
    }
    check.finish();
    return out;
}

} // namespace naqsha::store
