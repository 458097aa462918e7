#pragma once
// Identifies this build of naqsha, so that the store re-extracts articles after an upgrade: the ELF
// GNU build-id of the executable (a hash of its contents), else a SHA-256 of the executable file.
#include <string>

namespace naqsha::app {

std::string build_id();

} // namespace naqsha::app
