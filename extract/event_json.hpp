#pragma once
// Events and area claims as NDJSON lines, with the field names of docs/event-schema.md, and back.
#include "extract/event.hpp"

#include <string>
#include <string_view>

namespace naqsha::extract {

// One line of JSON (no trailing newline) appended to `out`.
void append_json(std::string& out, const event& e);
void append_json(std::string& out, const area_claim& c);

std::string to_json(const event& e);
std::string to_json(const area_claim& c);

// Parses one line written by to_json(event). Throws input_error saying what is wrong.
event event_from_json(std::string_view line);
area_claim area_claim_from_json(std::string_view line);

} // namespace naqsha::extract
