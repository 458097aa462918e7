#pragma once
// "Did you mean --articles?" for a misspelled option or command. CLI11 2.1 names what it did not
// expect but suggests nothing; the nearest declared names are found here.
#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace naqsha::app {

// The option names (with their dashes) and command names declared on `app`, on the commands given on
// this command line and on those commands' parents, that are within a small edit distance of
// `unknown`; best first.
std::vector<std::string> nearest_names(const CLI::App& app, std::string_view unknown);

// The line to print after CLI11's own message: "did you mean --articles?" for each unknown argument
// that has a near name, or "" when none has.
std::string did_you_mean(const CLI::App& app, const std::vector<std::string>& unknown);

} // namespace naqsha::app
