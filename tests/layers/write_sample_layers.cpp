// Writes the layers of the sample map state on the gazetteer's boundaries into OUTDIR, and into
// EXPECT_JSON what tests/qgis/check_outputs.py must find there: feature counts and, for known districts
// at known dates, the documented colour of their control status (docs/tiles.md, not the palette code).
#include "tests/documented_colours.hpp"
#include "tests/layers/reference.hpp"
#include "tests/layers/sample_state.hpp"

#include "base/atomic_file.hpp"
#include "base/error.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

namespace {

using naqsha::store::control_status;

nlohmann::json pixel(const char* date, const char* pcode, control_status status) {
    return {{"date", date},
            {"pcode", pcode},
            {"status", naqsha::store::to_string(status)},
            {"color", naqsha::test::as_hex(naqsha::test::documented_colour(status))}};
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: write_sample_layers OUTDIR EXPECT_JSON\n";
        return 2;
    }
    try {
        std::filesystem::path out = argv[1];
        std::filesystem::remove_all(out);
        std::filesystem::create_directories(out);
        naqsha::layers::layer_options options;
        options.out_dir = out;
        auto report = naqsha::layers::write_layers(naqsha::test::sample_map_state(), naqsha::test::shared_gazetteer(), options);
        for (const auto& w : report.warnings) std::cout << "warning: " << w << "\n";

        naqsha::test::sample_counts counts;
        nlohmann::json expect;
        expect["counts"] = {{"control", counts.control},
                            {"incidents", counts.incidents},
                            {"incidents_province", counts.incidents_province},
                            {"incidents_by_district", counts.incidents_by_district},
                            {"districts", counts.districts},
                            {"provinces", counts.provinces}};
        expect["pixels"] = {
            pixel("2020-10-25", "AF1803", control_status::contested),
            pixel("2020-10-25", "AF1708", control_status::taliban),
            pixel("2020-10-25", "AF1801", control_status::government),
            pixel("2020-10-25", "AF1809", control_status::unconfirmed),
            pixel("2020-10-25", "AF2202", control_status::contested),
            pixel("2020-11-20", "AF2202", control_status::government),
            pixel("2020-06-15", "AF1803", control_status::government),
            pixel("2020-06-15", "AF1708", control_status::government),
        };
        // Districts with no interval at that date must stay unpainted.
        expect["blank"] = {{{"date", "2020-06-15"}, {"pcode", "AF1906"}}, {{"date", "2020-10-25"}, {"pcode", "AF0101"}}};
        naqsha::write_file_atomically(argv[2], expect.dump(2) + "\n");
        std::cout << "wrote " << report.layers.size() << " layers into " << out.string() << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "write_sample_layers: " << e.what() << "\n";
        return 1;
    }
}
