#include "store/model.hpp"

namespace naqsha::store {

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

} // namespace naqsha::store
