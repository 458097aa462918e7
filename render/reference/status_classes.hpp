#pragma once
// How the status values of a reference assessment ("INS Influence", "Taliban Controlled", "1") map to
// naqsha's control states. The defaults cover Resolute Support/SIGAR's five classes, the Long War
// Journal's categories, naqsha's own states and 0/1 columns (the table in docs/compare.md);
// `--classes "1=taliban,0=government"` puts the user's mapping before them.
#include "store/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace naqsha::reference {

// A state a reference gives a district; nullopt where it says it does not know ("unknown", "n/a", "").
using reference_status = std::optional<store::control_status>;

struct status_class {
    std::string value;          // as written in the mapping; matched by status_key()
    reference_status status;
    std::string_view origin;    // "--classes", "RS/SIGAR", "LWJ", "naqsha", "0/1", "no state"
};

class status_classes {
public:
    // The documented defaults alone.
    static status_classes defaults();
    // `mapping` ("VALUE=STATE,VALUE=STATE"; STATE is government, contested, taliban, unconfirmed or
    // unknown) ahead of the defaults. Throws usage_error naming --classes and the bad item.
    static status_classes with_user_mapping(std::string_view mapping);

    // The class a value falls in, or nullptr when none names it (an unmapped value).
    const status_class* classify(std::string_view value) const;

    // Every class, the user's first, in the order they are tried.
    const std::vector<status_class>& classes() const { return classes_; }

private:
    std::vector<status_class> classes_;
    std::vector<std::string> keys_; // status_key() of each class's value
};

// The form values are compared in: lower-case ASCII letters and digits, every other run of characters
// one space, trimmed; a number is written without trailing zeros ("1.0" -> "1"), as a Shapefile's
// real field or a spreadsheet gives it. "INS  Control", "ins-control" and "INS Control " meet.
std::string status_key(std::string_view value);

// "government", "contested", "taliban", "unconfirmed", or "unknown" for no state.
std::string_view to_string(const reference_status& status);

} // namespace naqsha::reference
