// `naqsha gazetteer lookup|locate|stats`: the gazetteer from the command line.
#include "app/command.hpp"
#include "app/exit_codes.hpp"
#include "app/option_limits.hpp"
#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "gazetteer/gazetteer.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <iostream>
#include <iterator>

namespace naqsha::app {
namespace {

namespace gz = naqsha::gazetteer;

nlohmann::json candidate_json(const gz::candidate& c) {
    return {{"pcode", c.pcode},       {"name", c.name},         {"level", std::string(gz::to_string(c.kind))},
            {"province_pcode", c.province_pcode}, {"province", c.province}, {"score", c.score},
            {"matched", c.matched}};
}

class gazetteer_command final : public command {
public:
    void declare(CLI::App& sub) override {
        sub.require_subcommand(1, 1);
        sub.add_option("--boundary-set", boundary_set_,
                       "Boundary set mapping: a name in shapefiles/boundary-sets/ or a path to a .conf file")
            ->capture_default_str();
        sub.add_flag("--no-cache", no_cache_, "Build from the sources without reading or writing the cache");

        lookup_ = sub.add_subcommand("lookup", "Every place a name may refer to, best first");
        lookup_->add_option("NAME", name_, "Place name in any spelling (English transliteration or Dari)")->required();
        lookup_->add_option("--province", province_, "Province context, in any spelling: restricts and re-ranks");
        lookup_->add_flag("--json", json_, "Print a JSON array of {pcode, name, level, province_pcode, province, score}");
        lookup_->add_flag("--no-settlements", no_settlements_, "Only districts and provinces");
        lookup_->add_option("--limit", limit_, "At most this many candidates")
            ->check(CLI::Range(1u, max_lookup_candidates))
            ->capture_default_str();

        locate_ = sub.add_subcommand("locate", "The district containing a WGS84 point (nothing outside Afghanistan)");
        locate_->add_option("LON", lon_, "Longitude (WGS84 degrees)")->required();
        locate_->add_option("LAT", lat_, "Latitude (WGS84 degrees)")->required();
        locate_->add_flag("--json", json_, "Print a JSON object, or null outside Afghanistan");

        scan_ = sub.add_subcommand("scan", "Every place-name mention in text files (or standard input), with candidates");
        scan_->add_option("FILES", files_, "Text files; none or `-` reads standard input");
        scan_->add_flag("--json", json_, "Print one JSON object per mention: {file, begin, end, surface, candidates}");

        stats_ = sub.add_subcommand("stats", "Counts, geometry repairs, ambiguous names and load time");
        stats_->add_flag("--json", json_, "Print the figures as a JSON object");
    }

    int run(const global_options& global) override {
        gz::load_options options;
        options.data_dir = global.data_dir;
        options.cache_dir = global.cache_dir;
        options.boundary_set = boundary_set_;
        options.use_cache = !no_cache_;
        auto g = gz::gazetteer::load(options);
        if (global.verbose)
            for (const auto& w : g.report().warnings) std::cerr << "naqsha: gazetteer: " << w << "\n";
        if (lookup_->parsed()) return run_lookup(g);
        if (locate_->parsed()) return run_locate(g);
        if (scan_->parsed()) return run_scan(g);
        return run_stats(g);
    }

private:
    int run_lookup(const gz::gazetteer& g) {
        if (!province_.empty() && g.find_province(province_) == nullptr)
            throw usage_error("--province: `" + province_ + "` names no province");
        gz::lookup_options o;
        o.province = province_;
        o.include_settlements = !no_settlements_;
        o.limit = limit_;
        auto found = g.lookup(name_, o);
        if (json_) {
            auto array = nlohmann::json::array();
            for (const auto& c : found) array.push_back(candidate_json(c));
            std::cout << array.dump(2) << "\n";
            return exit_success;
        }
        if (found.empty()) {
            std::cout << "no match for `" << name_ << "`\n";
            return exit_success;
        }
        for (const auto& c : found)
            std::cout << fmt::format("{:.3f}  {:<10}  {:<6}  {:<26}  {} ({})  [{}]\n", c.score, gz::to_string(c.kind),
                                     c.pcode, c.name, c.province, c.province_pcode, c.matched);
        return exit_success;
    }

    int run_locate(const gz::gazetteer& g) {
        if (!std::isfinite(lon_) || !std::isfinite(lat_) || std::abs(lon_) > 180 || std::abs(lat_) > 90)
            throw usage_error(fmt::format("LON LAT must be WGS84 degrees (got {} {})", lon_, lat_));
        const auto* d = g.locate({lon_, lat_});
        if (json_) {
            if (d == nullptr) {
                std::cout << "null\n";
                return exit_success;
            }
            const auto& p = g.province_of(*d);
            nlohmann::json j = {{"pcode", d->pcode}, {"name", d->name}, {"name_dari", d->name_dari},
                                {"level", "district"}, {"province_pcode", p.pcode}, {"province", p.name},
                                {"area_km2", std::round(d->area_km2 * 10) / 10}, {"population", d->population}};
            std::cout << j.dump(2) << "\n";
            return exit_success;
        }
        if (d == nullptr) {
            std::cout << "no district: the point is outside Afghanistan\n";
            return exit_success;
        }
        std::cout << fmt::format("{}  {}, {} ({})\n", d->pcode, d->name, g.province_of(*d).name, g.province_of(*d).pcode);
        return exit_success;
    }

    int run_scan(const gz::gazetteer& g) {
        if (files_.empty()) files_.push_back("-");
        int status = exit_success;
        for (const auto& file : files_) {
            std::string text;
            try {
                text = file == "-" ? std::string(std::istreambuf_iterator<char>(std::cin), {}) : read_file(file);
            } catch (const input_error& e) {
                std::cerr << "naqsha: input: " << e.what() << "\n";
                status = exit_partial;
                continue;
            }
            for (const auto& m : g.scan(text)) {
                if (json_) {
                    auto candidates = nlohmann::json::array();
                    for (const auto& c : m.candidates) candidates.push_back(candidate_json(c));
                    nlohmann::json j = {{"file", file}, {"begin", m.begin}, {"end", m.end}, {"surface", m.surface},
                                        {"candidates", candidates}};
                    std::cout << j.dump() << "\n";
                    continue;
                }
                const auto& best = m.candidates.front();
                std::cout << fmt::format("{}:{}-{}  {:<24}  {:.3f} {} {} {} ({}){}\n", file, m.begin, m.end, m.surface,
                                         best.score, gz::to_string(best.kind), best.pcode, best.name, best.province,
                                         m.candidates.size() > 1 ? fmt::format("  +{} more", m.candidates.size() - 1) : "");
            }
        }
        return status;
    }

    int run_stats(const gz::gazetteer& g) {
        const auto& r = g.report();
        double area = 0, population = 0;
        std::size_t with_population = 0;
        for (const auto& d : g.districts()) {
            area += d.area_km2;
            population += d.population;
            with_population += d.population > 0 ? 1 : 0;
        }
        if (json_) {
            nlohmann::json j = {{"boundary_set", r.boundary_set}, {"provinces", r.provinces}, {"districts", r.districts},
                                {"settlements", r.settlements},   {"names", r.names},         {"repairs", r.repairs},
                                {"ambiguous_names", r.ambiguous_names}, {"warnings", r.warnings},
                                {"from_cache", r.from_cache},     {"load_seconds", r.load_seconds},
                                {"area_km2", std::round(area)},   {"population", population},
                                {"districts_with_population", with_population}};
            std::cout << j.dump(2) << "\n";
            return exit_success;
        }
        std::cout << fmt::format("boundary set      {}\n", r.boundary_set);
        std::cout << fmt::format("provinces         {}\n", r.provinces);
        std::cout << fmt::format("districts         {}\n", r.districts);
        std::cout << fmt::format("settlements       {}\n", r.settlements);
        std::cout << fmt::format("spellings         {}\n", r.names);
        std::cout << fmt::format("area              {:.0f} km2 (equal-area EPSG:6933)\n", area);
        std::cout << fmt::format("population        {:.0f} ({} of {} districts with an estimate)\n", population,
                                 with_population, r.districts);
        std::cout << fmt::format("loaded in         {:.3f} s{}\n", r.load_seconds, r.from_cache ? " (from cache)" : " (built from sources)");
        std::cout << fmt::format("repairs           {}\n", r.repairs.size());
        for (const auto& s : r.repairs) std::cout << "  " << s << "\n";
        std::cout << fmt::format("ambiguous names   {}\n", r.ambiguous_names.size());
        for (const auto& s : r.ambiguous_names) std::cout << "  " << s << "\n";
        if (!r.warnings.empty()) {
            std::cout << fmt::format("warnings          {}\n", r.warnings.size());
            for (const auto& s : r.warnings) std::cout << "  " << s << "\n";
        }
        return exit_success;
    }

    std::string boundary_set_ = "ocha-agcho-2018";
    bool no_cache_ = false;
    CLI::App* lookup_ = nullptr;
    CLI::App* locate_ = nullptr;
    CLI::App* stats_ = nullptr;
    CLI::App* scan_ = nullptr;
    std::vector<std::string> files_;
    std::string name_, province_;
    bool json_ = false, no_settlements_ = false;
    std::size_t limit_ = 20;
    double lon_ = 0, lat_ = 0;
};

} // namespace

std::unique_ptr<command> make_gazetteer_command() { return std::make_unique<gazetteer_command>(); }

} // namespace naqsha::app
