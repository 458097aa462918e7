// `naqsha compare`: a run's control layer against a reference assessment on one date (docs/compare.md).
#include "app/command.hpp"
#include "app/day_option.hpp"
#include "app/exit_codes.hpp"
#include "app/option_limits.hpp"
#include "base/calendar.hpp"
#include "base/error.hpp"
#include "base/output_lock.hpp"
#include "gazetteer/gazetteer.hpp"
#include "render/compare/compare_layer.hpp"
#include "render/compare/compare_map.hpp"
#include "render/compare/report.hpp"
#include "render/reference/reference_assessment.hpp"
#include "render/tiles/gpkg_state_reader.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <optional>

namespace naqsha::app {
namespace {

namespace fs = std::filesystem;

class compare_command : public command {
public:
    void declare(CLI::App& sub) override {
        sub.add_option("--reference", reference_,
                       "Reference assessment: a CSV with a P-code column or district and province name columns, or a "
                       "polygon layer (GeoPackage, GeoJSON, Shapefile) in any district scheme and CRS")
            ->required();
        sub.add_option("--at", at_, "Date YYYY-MM-DD the reference describes: naqsha's state of each district on it")
            ->required();
        sub.add_option("--field", field_, "The reference's status column")->capture_default_str();
        sub.add_option("--classes", classes_,
                       "Status values to naqsha's states, before the defaults (docs/compare.md), e.g. "
                       "\"1=taliban,0=government\"; states: government, contested, taliban, unconfirmed, unknown");
        sub.add_flag("--binary", binary_, "Compare government against the rest, as Resolute Support's figures do");
        sub.add_option("--out", out_, "Output directory of a naqsha run: its control layer is read, the compare "
                                      "layer and compare.png are written there")
            ->capture_default_str();
        sub.add_option("--population", population_,
                       "CSV of pcode,population: adds population-weighted shares beside the area-weighted ones");
    }

    int run(const global_options& global) override {
        require_output_path("--out", out_);
        if (!at_.day) throw usage_error("--at '" + at_.text + "': not a date YYYY-MM-DD");
        const day_number at = *at_.day;
        reference::reference_options options;
        options.status_field = field_;
        if (!classes_.empty()) options.classes = reference::status_classes::with_user_mapping(classes_);
        // "out/" names the directory "out": the lock file goes beside it, not inside.
        const fs::path out = fs::path(out_).filename().empty() ? fs::path(out_).parent_path() : fs::path(out_);
        const fs::path run_gpkg = out / "naqsha.gpkg";
        std::error_code ec;
        if (!fs::exists(run_gpkg, ec))
            throw usage_error("--out " + out_ + ": no naqsha.gpkg there; map the articles first with `naqsha run --out " +
                              out_ + "`");

        gazetteer::load_options load;
        load.data_dir = global.data_dir;
        load.cache_dir = global.cache_dir;
        const auto gz = gazetteer::gazetteer::load(load);

        std::optional<compare::population_table> population;
        if (!population_.empty()) population = compare::read_population_csv(population_, gz);
        const auto ref = reference::read_reference_assessment(reference_, gz, options);
        const auto run = tiles::read_map_state_from_gpkg(run_gpkg);
        for (const auto& w : run.warnings) fmt::print(stderr, "naqsha: {}\n", w);
        if (run.state.as_of && at > *run.state.as_of && !global.quiet)
            fmt::print(stderr, "naqsha: {} maps to {}; on {} its districts are taken to hold the states they had then\n",
                       run_gpkg.string(), iso_date(*run.state.as_of), iso_date(at));

        compare::compare_options compare;
        compare.date = at;
        compare.binary = binary_;
        compare.population = population ? &*population : nullptr;
        const auto result = compare::compare_control(run.state, ref, gz, compare);

        // Each output replaces its file atomically; the lock keeps a `naqsha run` from swapping the
        // directory away meanwhile.
        output_lock lock(out, output_lock::when_busy::refuse);
        const auto files = compare::write_compare_layer(result, out);
        const auto map = compare::write_compare_map(result, gz, ref.file.filename().string(), out / "compare.png");

        if (!global.quiet) {
            fmt::print("{}", compare::format_report(result, ref, {run_gpkg, compare.population}));
            fmt::print("\nWrote {} ({} districts, layer compare), {}, {} and {}\n", files.gpkg.string(), files.features,
                       files.geojson.string(), files.qml.string(), map.path.string());
        }
        for (const auto& u : ref.unresolved) fmt::print(stderr, "naqsha: {}: {}: {}\n", u.where, u.text, u.reason);
        for (const auto& u : ref.unmapped)
            fmt::print(stderr, "naqsha: {}: status '{}' ({} rows) maps to no state; give it with --classes\n",
                       ref.file.string(), u.value, u.count);
        return ref.has_rejected_rows() ? exit_partial : exit_success;
    }

private:
    std::string reference_;
    day_option at_;
    std::string field_ = "status";
    std::string classes_;
    bool binary_ = false;
    std::string out_ = "out";
    std::string population_;
};

} // namespace

std::unique_ptr<command> make_compare_command() { return std::make_unique<compare_command>(); }

} // namespace naqsha::app
