#include "app/option_suggestions.hpp"

#include "gazetteer/names.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>

namespace naqsha::app {
namespace {

void declared_names(const CLI::App& app, bool with_commands, std::vector<std::string>& out) {
    for (const auto* option : app.get_options()) {
        for (const auto& name : option->get_lnames()) out.push_back("--" + name);
        for (const auto& name : option->get_snames()) out.push_back("-" + name);
    }
    if (with_commands)
        for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) out.push_back(sub->get_name());
}

// The app whose options apply last on this command line: the deepest command given.
const CLI::App& innermost(const CLI::App& app) {
    const CLI::App* at = &app;
    for (bool deeper = true; deeper;) {
        deeper = false;
        for (const auto* sub : at->get_subcommands())
            if (sub->parsed()) {
                at = sub;
                deeper = true;
                break;
            }
    }
    return *at;
}

} // namespace

std::vector<std::string> nearest_names(const CLI::App& app, std::string_view unknown) {
    const bool option = !unknown.empty() && unknown.front() == '-';
    std::vector<std::string> names;
    const CLI::App& last = innermost(app);
    // The command given and every command above it: global options are accepted after a command too.
    for (const CLI::App* at = &last; at != nullptr; at = at->get_parent())
        declared_names(*at, !option && at == &last, names);
    // "--artcles=x": the name is what comes before the value
    const std::string_view name = option ? unknown.substr(0, unknown.find('=')) : unknown;
    // One slip in a short name, two in a long one; never so many that any name would do.
    const std::size_t allowed = name.size() >= 8 ? 2 : 1;
    std::vector<std::pair<std::size_t, std::string>> near;
    for (auto& candidate : names) {
        // the gazetteer's bounded Damerau-Levenshtein: a transposition ("--atricles") is one slip
        const std::size_t distance = gazetteer::edit_distance(name, candidate, allowed);
        if (distance > 0 && distance <= allowed) near.emplace_back(distance, std::move(candidate));
    }
    std::sort(near.begin(), near.end());
    std::vector<std::string> out;
    for (auto& [distance, candidate] : near)
        if (std::find(out.begin(), out.end(), candidate) == out.end()) out.push_back(std::move(candidate));
    return out;
}

std::string did_you_mean(const CLI::App& app, const std::vector<std::string>& unknown) {
    std::string out;
    for (const auto& argument : unknown) {
        const auto near = nearest_names(app, argument);
        if (near.empty()) continue;
        out += "naqsha: " + argument + ": did you mean " + near.front();
        for (std::size_t i = 1; i < near.size(); ++i) out += (i + 1 == near.size() ? " or " : ", ") + near[i];
        out += "?\n";
    }
    return out;
}

} // namespace naqsha::app
