// Build-time generator: the nouns whose commonest sense in WordNet (Debian's wordnet-base) names a
// person ("headmaster", "shopkeeper", "tribesman"), as a C++ table that extract/lexicon.cpp compiles
// in. The lexicon lists the people news of the war names most, with their sides; this table lets a
// victim or perpetrator it does not list still count as people.
//   naqsha_wordnet_people WORDNET_DIR OUTPUT
//
// A lemma is kept when:
//   - its first sense in index.noun (senses are in order of frequency) lies in the lexicographer
//     file noun.person (number 18 in data.noun);
//   - it is one lower-case word, spelt that way in that synset (proper names such as "Picasso" are
//     lower-cased in the index only);
//   - it is no adjective or adverb, and no more a verb than a noun (by sense counts): "national",
//     "guide" and "nurse" read otherwise as often as not.
#include "base/atomic_file.hpp"
#include "base/error.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace {

constexpr int noun_person_file = 18;

bool one_lower_case_word(const std::string& w) {
    if (w.empty() || w.front() == '-' || w.back() == '-') return false;
    return std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

bool license_line(const std::string& line) { return line.empty() || line[0] == ' '; }

std::ifstream open(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        std::cerr << "naqsha_wordnet_people: cannot read " << path << " (install Debian's wordnet-base)\n";
        std::exit(1);
    }
    return in;
}

// index.POS: lemma -> (number of senses, offsets of its synsets in order of frequency)
struct index_entry {
    int senses = 0;
    std::vector<std::string> offsets;
};

std::unordered_map<std::string, index_entry> read_index(const std::string& path) {
    std::unordered_map<std::string, index_entry> out;
    auto in = open(path);
    std::string line;
    while (std::getline(in, line)) {
        if (license_line(line)) continue;
        std::istringstream fields(line);
        std::string lemma, pos;
        index_entry e;
        int pointers = 0;
        fields >> lemma >> pos >> e.senses >> pointers;
        std::string skip;
        for (int k = 0; k < pointers; ++k) fields >> skip;
        fields >> skip >> skip; // sense_cnt, tagsense_cnt
        std::string offset;
        while (fields >> offset) e.offsets.push_back(offset);
        out.emplace(std::move(lemma), std::move(e));
    }
    return out;
}

// data.noun: the synsets of noun.person, each with the words as the synset spells them
std::unordered_map<std::string, std::unordered_set<std::string>> read_person_synsets(const std::string& path) {
    std::unordered_map<std::string, std::unordered_set<std::string>> out;
    auto in = open(path);
    std::string line;
    while (std::getline(in, line)) {
        if (license_line(line)) continue;
        std::istringstream fields(line);
        std::string offset, type, count_hex;
        int file = 0;
        fields >> offset >> file >> type >> count_hex;
        if (file != noun_person_file) continue;
        auto& words = out[offset];
        const int count = std::stoi(count_hex, nullptr, 16);
        for (int k = 0; k < count; ++k) {
            std::string word, lex_id;
            fields >> word >> lex_id;
            if (auto paren = word.find('('); paren != std::string::npos) word.resize(paren); // "(a)", "(p)" markers
            words.insert(word);
        }
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: naqsha_wordnet_people WORDNET_DIR OUTPUT\n";
        return 2;
    }
    const std::string dir = argv[1];
    const auto nouns = read_index(dir + "/index.noun");
    const auto verbs = read_index(dir + "/index.verb");
    const auto adjectives = read_index(dir + "/index.adj");
    const auto adverbs = read_index(dir + "/index.adv");
    const auto people = read_person_synsets(dir + "/data.noun");

    std::vector<std::string> kept;
    for (const auto& [lemma, e] : nouns) {
        if (!one_lower_case_word(lemma) || e.offsets.empty()) continue;
        auto synset = people.find(e.offsets.front());
        if (synset == people.end() || !synset->second.contains(lemma)) continue;
        if (adjectives.contains(lemma) || adverbs.contains(lemma)) continue;
        if (auto v = verbs.find(lemma); v != verbs.end() && v->second.senses >= e.senses) continue;
        kept.push_back(lemma);
    }
    std::sort(kept.begin(), kept.end());

    std::string table = "// Generated from WordNet (wordnet-base) by extract/generate/wordnet_people.cpp; do not edit.\n"
                        "inline constexpr std::string_view wordnet_people[] = {\n";
    for (const auto& w : kept) table += "    \"" + w + "\",\n";
    table += "};\n";
    try {
        naqsha::write_file_atomically(argv[2], table);
    } catch (const naqsha::output_error& e) {
        std::cerr << "naqsha_wordnet_people: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
