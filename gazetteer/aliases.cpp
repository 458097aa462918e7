#include "gazetteer/aliases.hpp"

#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "gazetteer/csv_table.hpp"
#include "gazetteer/names.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>
#include <unordered_set>

namespace naqsha::gazetteer {
namespace {

// Which words of a list to read: the dictionary's lower-case words are ordinary words ("washer"),
// its capitalised ones names ("Monday", "American"); the curated lists are read whole.
enum class word_case { any, lower, capitalised };

// Folded single words, one per line; '#' starts a comment.
std::unordered_set<std::string> read_word_list(const std::filesystem::path& file, word_case wanted) {
    std::unordered_set<std::string> words;
    std::string text;
    try {
        text = read_file(file);
    } catch (const input_error&) {
        return words;
    }
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        if (line.empty()) continue;
        if (wanted != word_case::any && line.find('\'') != std::string::npos) continue; // "Monday's"
        const bool capitalised = std::isupper(static_cast<unsigned char>(line[0])) != 0;
        if ((wanted == word_case::lower && capitalised) || (wanted == word_case::capitalised && !capitalised)) continue;
        auto key = make_key(line).compact;
        if (!key.empty()) words.insert(std::move(key));
    }
    return words;
}

} // namespace

void add_curated_aliases(gazetteer_data& data, const std::filesystem::path& dir) {
    std::map<std::string, std::pair<level, std::uint32_t>> by_pcode;
    for (std::uint32_t i = 0; i < data.districts.size(); ++i) by_pcode[data.districts[i].pcode] = {level::district, i};
    for (std::uint32_t i = 0; i < data.provinces.size(); ++i) by_pcode[data.provinces[i].pcode] = {level::province, i};
    // press_preferences.csv: spelling,pcode,evidence. A spelling several places share, and the one the
    // press means by it; the entry is flagged, and deduplicate_names() passes the flag to the spelling
    // the crosswalks already gave that place.
    for (auto [file, source] : {std::pair{"towns.csv", name_source::town}, std::pair{"press_spellings.csv", name_source::variant},
                                std::pair{"press_preferences.csv", name_source::variant}}) {
        const bool preferences = std::string_view(file) == "press_preferences.csv";
        auto path = dir / file;
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) continue;
        auto t = read_csv(path);
        auto spelling = t.column("spelling"), pcode = t.column("pcode");
        std::size_t unknown = 0;
        for (std::size_t r = 1; r < t.rows.size(); ++r) {
            auto it = by_pcode.find(t.cell(r, pcode));
            if (it == by_pcode.end()) {
                ++unknown;
                continue;
            }
            data.names.push_back({it->second.first, source, preferences ? std::uint8_t{flag_press_preferred} : std::uint8_t{0},
                                  it->second.second, t.cell(r, spelling)});
        }
        if (unknown > 0)
            data.report.warnings.push_back(fmt::format("{}: {} rows name P-codes this boundary set lacks", path.string(), unknown));
    }
}

void flag_names(gazetteer_data& data, const std::filesystem::path& dir, const std::filesystem::path& dictionary) {
    auto english = read_word_list(dictionary, word_case::lower);
    auto common = read_word_list(dir / "common_words.txt", word_case::any);
    auto persons = read_word_list(dir / "person_name_tokens.txt", word_case::any);
    auto foreign = read_word_list(dir / "foreign_places.txt", word_case::any);
    auto english_names = read_word_list(dictionary, word_case::capitalised);

    std::vector<token> tokens;
    std::string folded;
    std::vector<name_entry> kept;
    kept.reserve(data.names.size());
    for (auto& e : data.names) {
        auto key = make_key(e.spelling);
        english_names.erase(key.compact); // "Kabul", "Kandahar": a place's own name stays a name
        if (key.compact.empty()) e.flags |= flag_generic;
        if (foreign.count(key.compact) != 0) {
            if (e.kind == level::settlement) continue; // a village named "Pakistan" is not worth the risk
            e.flags |= flag_ambiguous_word;
        }
        if (key.words == 1 && english.count(key.compact) != 0) e.flags |= flag_english_word;
        if (common.count(key.compact) != 0) e.flags |= flag_ambiguous_word;
        if (key.words == 1 && persons.count(key.compact) != 0) e.flags |= flag_person_name;
        if ((e.kind == level::settlement || e.source == name_source::town) && key.words > 1) {
            // "Abdul Rahim", "Haji Mohammad Khan": a settlement named by a person's name reads as the
            // person in running text. A district's town does only when every word of its name is a
            // personal name's ("Mohammad Agha"): "Nad-e-Ali" and "Ali Abad" are places.
            tokenize(e.spelling, tokens, folded);
            bool any = false, all = true;
            for (const auto& t : tokens) {
                auto w = std::string_view(folded).substr(t.folded_begin, t.folded_end - t.folded_begin);
                bool person = persons.count(std::string(w)) != 0;
                any = any || person;
                all = all && person;
            }
            if (e.kind == level::settlement ? any : all) e.flags |= flag_person_name;
        }
        kept.push_back(std::move(e));
    }
    data.names = std::move(kept);
    data.foreign_key_hashes.clear();
    for (const auto& w : foreign) data.foreign_key_hashes.push_back(hash_key(w));
    std::sort(data.foreign_key_hashes.begin(), data.foreign_key_hashes.end());
    data.english_name_hashes.clear();
    for (const auto& w : english_names) data.english_name_hashes.push_back(hash_key(w));
    std::sort(data.english_name_hashes.begin(), data.english_name_hashes.end());
    auto& stop = data.stop_key_hashes;
    stop.clear();
    for (const auto* list : {&english, &common, &persons, &foreign})
        for (const auto& w : *list) stop.push_back(hash_key(w));
    std::sort(stop.begin(), stop.end());
    stop.erase(std::unique(stop.begin(), stop.end()), stop.end());
}

void deduplicate_names(gazetteer_data& data) {
    struct keyed {
        std::string key;
        std::size_t index;
    };
    std::vector<keyed> keys;
    keys.reserve(data.names.size());
    for (std::size_t i = 0; i < data.names.size(); ++i) keys.push_back({make_key(data.names[i].spelling).compact, i});
    auto rank = [&](const keyed& k) {
        const auto& e = data.names[k.index];
        return std::tuple(static_cast<int>(e.kind), e.place, std::string_view(k.key), static_cast<int>(e.source), k.index);
    };
    std::sort(keys.begin(), keys.end(), [&](const keyed& a, const keyed& b) { return rank(a) < rank(b); });
    std::vector<name_entry> out;
    out.reserve(data.names.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const auto& e = data.names[keys[i].index];
        if (i > 0) {
            const auto& prev = data.names[keys[i - 1].index];
            if (prev.kind == e.kind && prev.place == e.place && keys[i - 1].key == keys[i].key) {
                out.back().flags |= e.flags; // keep every warning flag any spelling raised
                continue;
            }
        }
        out.push_back(e);
    }
    data.names = std::move(out);
}

} // namespace naqsha::gazetteer
