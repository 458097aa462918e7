// Fuzzes the NDJSON reader: line splitting with its length bound, the flat fast path, the full JSON
// fallback with its depth bound, and per-line decoding of the text. Beyond not crashing: every line
// yields an article or an error naming it, articles carry clean text, and the fast path agrees with
// a full JSON parser on every line it accepts (differential check against nlohmann::json).
#include "tests/fuzz/fuzz_check.hpp"
#include "extract/article.hpp"
#include "extract/flat_json.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace ex = naqsha::extract;

namespace {

void check_flat_against_full_parser(std::string_view line) {
    std::vector<ex::flat_member> members;
    if (!ex::parse_flat_object(line, members)) return;
    nlohmann::json parsed;
    try {
        parsed = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception&) {
        NAQSHA_FUZZ_FAIL("the flat reader accepted a line that is not JSON");
    }
    NAQSHA_FUZZ_CHECK(parsed.is_object());
    std::set<std::string> keys;
    for (const auto& m : members) keys.insert(m.key);
    if (keys.size() != members.size()) return; // duplicate keys: which one wins is not specified
    NAQSHA_FUZZ_CHECK(parsed.size() == members.size());
    for (const auto& m : members) {
        auto it = parsed.find(m.key);
        NAQSHA_FUZZ_CHECK(it != parsed.end());
        if (m.value.type == ex::flat_value::kind::string) NAQSHA_FUZZ_CHECK(it->is_string() && it->get<std::string>() == m.value.text);
        if (m.value.type == ex::flat_value::kind::integer) NAQSHA_FUZZ_CHECK(it->is_number_integer() || it->is_number_unsigned() || it->is_number_float());
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) { return 0; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    std::size_t lines = 1;
    for (std::size_t start = 0; start <= bytes.size();) {
        auto end = bytes.find('\n', start);
        if (end == std::string::npos) end = bytes.size();
        check_flat_against_full_parser(std::string_view(bytes).substr(start, end - start));
        if (end == bytes.size()) break;
        ++lines;
        start = end + 1;
    }

    std::istringstream in(bytes);
    std::size_t articles = 0, errors = 0;
    ex::read_callbacks callbacks;
    callbacks.on_article = [&](ex::article&& a) {
        ++articles;
        NAQSHA_FUZZ_CHECK(!a.text.empty());
        NAQSHA_FUZZ_CHECK(a.text.find('\r') == std::string::npos && a.text.find('\0') == std::string::npos);
        NAQSHA_FUZZ_CHECK(a.path.rfind("fuzz.ndjson:", 0) == 0);
    };
    callbacks.on_error = [&](const std::string& where, const std::string& problem) {
        ++errors;
        NAQSHA_FUZZ_CHECK(where.rfind("fuzz.ndjson", 0) == 0);
        NAQSHA_FUZZ_CHECK(!problem.empty());
    };
    ex::read_ndjson(in, "fuzz.ndjson", "fuzz", callbacks);
    NAQSHA_FUZZ_CHECK(articles + errors <= lines);
    if (size == 0) NAQSHA_FUZZ_CHECK(errors == 1);
    return 0;
}
