#include "store/model.hpp"

#include <utility>

namespace naqsha::store {
namespace {

constexpr std::array<std::pair<control_basis, std::string_view>, 4> control_basis_names{{
    {control_basis::unstated, ""},
    {control_basis::baseline, "baseline"},
    {control_basis::event, "event"},
    {control_basis::override, "override"},
}};

} // namespace

std::string_view to_string(control_status s) {
    switch (s) {
    case control_status::government: return "government";
    case control_status::contested: return "contested";
    case control_status::taliban: return "taliban";
    case control_status::unconfirmed: return "unconfirmed";
    }
    return "unconfirmed";
}

std::optional<control_status> control_status_from_string(std::string_view s) {
    for (auto status : all_control_statuses)
        if (to_string(status) == s) return status;
    return std::nullopt;
}

std::string_view to_string(control_basis b) {
    for (const auto& [basis, name] : control_basis_names)
        if (basis == b) return name;
    return "";
}

std::optional<control_basis> control_basis_from_string(std::string_view s) {
    for (const auto& [basis, name] : control_basis_names)
        if (name == s) return basis;
    return std::nullopt;
}

} // namespace naqsha::store
