#pragma once
// `--population FILE`: a CSV of district P-code and population, the weights of the population shares.
#include "gazetteer/gazetteer.hpp"

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

namespace naqsha::compare {

struct population_table {
    std::filesystem::path file;
    std::unordered_map<std::string, double> by_pcode;
    std::vector<std::string> notes;   // rows left out: P-codes that are no district of the run
};

// Columns `pcode` and `population` (any case; ADM2_PCODE also names the P-code). Throws usage_error
// listing every bad row as `FILE:LINE: problem` (a population that is not a number >= 0, a P-code
// given twice), or naming the file when it is missing or lacks a column.
population_table read_population_csv(const std::filesystem::path& file, const gazetteer::gazetteer& gazetteer);

} // namespace naqsha::compare
