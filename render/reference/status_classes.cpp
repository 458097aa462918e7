#include "render/reference/status_classes.hpp"

#include "base/error.hpp"
#include "gazetteer/names.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

namespace naqsha::reference {
namespace {

using store::control_status;

constexpr std::string_view user_origin = "--classes";

struct default_class {
    std::string_view value;
    reference_status status;
    std::string_view origin;
};

// docs/compare.md lists this table; keep the two in step. Resolute Support's "influence" classes go
// with the side that has it, as SIGAR's published figures group them ("insurgent control or
// influence"). The LWJ's government class is "Government Controlled or Undetermined": it holds every
// district the LWJ did not assess, so mapping it to government overstates the government (docs say so).
constexpr default_class default_table[] = {
    {"government", control_status::government, "naqsha"},
    {"contested", control_status::contested, "naqsha"},
    {"taliban", control_status::taliban, "naqsha"},
    {"unconfirmed", control_status::unconfirmed, "naqsha"},
    {"GIROA Control", control_status::government, "RS/SIGAR"},
    {"GIROA Influence", control_status::government, "RS/SIGAR"},
    {"Government Control", control_status::government, "RS/SIGAR"},
    {"Government Influence", control_status::government, "RS/SIGAR"},
    {"INS Control", control_status::taliban, "RS/SIGAR"},
    {"INS Influence", control_status::taliban, "RS/SIGAR"},
    {"Insurgent Control", control_status::taliban, "RS/SIGAR"},
    {"Insurgent Influence", control_status::taliban, "RS/SIGAR"},
    {"Taliban Controlled", control_status::taliban, "LWJ"},
    {"Taliban Control", control_status::taliban, "LWJ"},
    {"Controlled", control_status::taliban, "LWJ"},
    {"Unconfirmed Taliban Claim", control_status::unconfirmed, "LWJ"},
    {"Government Controlled", control_status::government, "LWJ"},
    {"Government Controlled or Undetermined", control_status::government, "LWJ"},
    {"1", control_status::taliban, "0/1"},
    {"0", control_status::government, "0/1"},
    {"unknown", std::nullopt, "no state"},
    {"", std::nullopt, "no state"},
    {"n/a", std::nullopt, "no state"},
    {"no data", std::nullopt, "no state"},
    {"not assessed", std::nullopt, "no state"},
};

bool ascii_alnum(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "1.0", "1.000000", " 1 " -> "1": a number written as a whole number, or nullopt.
std::optional<std::string> whole_number(std::string_view value) {
    const auto first = value.find_first_not_of(" \t");
    const auto last = value.find_last_not_of(" \t");
    if (first == std::string_view::npos) return std::nullopt;
    value = value.substr(first, last - first + 1);
    double number = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc{} || end != value.data() + value.size() || !std::isfinite(number)) return std::nullopt;
    if (number != std::floor(number) || std::fabs(number) > 1e15) return std::nullopt;
    return fmt::format("{}", static_cast<long long>(number));
}

// A state named in --classes: `known` is false for a word that names none.
struct named_state {
    bool known = false;
    reference_status status;
};

named_state state_named(std::string_view name) {
    const std::string key = status_key(name);
    if (key == "unknown") return {true, std::nullopt};
    if (auto status = store::control_status_from_string(key)) return {true, *status};
    return {};
}

} // namespace

std::string status_key(std::string_view value) {
    if (auto number = whole_number(value)) return *number;
    std::string key;
    bool gap = false;
    for (char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        // Bytes of UTF-8 sequences are kept: a Dari status is matched as written.
        if (ascii_alnum(c) || c >= 0x80) {
            if (gap && !key.empty()) key += ' ';
            gap = false;
            key += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else {
            gap = true;
        }
    }
    return key;
}

std::string_view to_string(const reference_status& status) {
    return status ? store::to_string(*status) : std::string_view{"unknown"};
}

status_classes status_classes::defaults() {
    status_classes out;
    for (const auto& c : default_table) {
        out.classes_.push_back({std::string(c.value), c.status, c.origin});
        out.keys_.push_back(status_key(c.value));
    }
    return out;
}

status_classes status_classes::with_user_mapping(std::string_view mapping) {
    status_classes user;
    std::size_t begin = 0;
    while (begin <= mapping.size()) {
        const auto end = std::min(mapping.find(',', begin), mapping.size());
        const auto item = mapping.substr(begin, end - begin);
        begin = end + 1;
        if (item.find_first_not_of(" \t") == std::string_view::npos) continue;
        const auto equals = item.rfind('=');
        if (equals == std::string_view::npos)
            throw usage_error(fmt::format("--classes '{}': '{}' is not VALUE=STATE (e.g. \"1=taliban,0=government\")",
                                          mapping, item));
        const auto state = state_named(item.substr(equals + 1));
        if (!state.known)
            throw usage_error(fmt::format("--classes '{}': '{}' is not a state: use government, contested, taliban, "
                                          "unconfirmed or unknown",
                                          mapping, item.substr(equals + 1)));
        const std::string value = gazetteer::trim_text(item.substr(0, equals));
        user.classes_.push_back({value, state.status, user_origin});
        user.keys_.push_back(status_key(value));
    }
    if (user.classes_.empty()) throw usage_error(fmt::format("--classes '{}': no VALUE=STATE given", mapping));
    const auto fallback = defaults();
    user.classes_.insert(user.classes_.end(), fallback.classes_.begin(), fallback.classes_.end());
    user.keys_.insert(user.keys_.end(), fallback.keys_.begin(), fallback.keys_.end());
    return user;
}

const status_class* status_classes::classify(std::string_view value) const {
    const std::string key = status_key(value);
    const auto it = std::find(keys_.begin(), keys_.end(), key);
    if (it == keys_.end()) return nullptr;
    return &classes_[static_cast<std::size_t>(it - keys_.begin())];
}

} // namespace naqsha::reference
