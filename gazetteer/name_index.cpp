#include "gazetteer/name_index.hpp"

#include "gazetteer/names.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace naqsha::gazetteer {
namespace {

constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t max_words_in_name = 7;   // "Hisa-e-Awal-e-Kohistan" is 4 words; "Nad-e Ali" 2
constexpr std::size_t max_key_length = 48;
constexpr std::size_t candidates_per_mention = 10;
constexpr std::size_t context_window = 1500;   // bytes around a mention searched for its province
// Per thread; a power of two. 32,768 slots of about 120 bytes (4 MB) keep a corpus's recurring keys:
// with 1,024, a quarter of the look-ups on the benchmark corpus missed, and with 8,192 one in sixteen,
// each miss about 1,200 instructions (the skeleton, both tables and, for a long key, the fuzzy pass);
// 32,768 spare about half of those misses.
constexpr std::size_t memo_slots = 32768;

std::atomic<std::uint64_t> next_index_id{1};

double source_weight(name_source s) {
    switch (s) {
    case name_source::canonical:
    case name_source::dari:
    case name_source::settlement:
        return 1.0;
    case name_source::alternate:
        return 0.97;
    case name_source::variant:
    case name_source::town:
        return 0.95;
    }
    return 0.9;
}

// Between two words of one name only spaces, hyphens and dashes may stand: "Sar-e Pul", "Nad-e-Ali".
bool joins_words(std::string_view gap) {
    if (gap.empty() || gap.size() > 5) return false;
    for (std::size_t i = 0; i < gap.size(); ++i) {
        char c = gap[i];
        if (c == ' ' || c == '-') continue;
        // U+2010..U+2013 (hyphen, non-breaking hyphen, figure dash, en dash): E2 80 90..93
        if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < gap.size() && static_cast<unsigned char>(gap[i + 1]) == 0x80 &&
            static_cast<unsigned char>(gap[i + 2]) >= 0x90 && static_cast<unsigned char>(gap[i + 2]) <= 0x93) {
            i += 2;
            continue;
        }
        // U+200C zero-width non-joiner in Dari, U+2018/U+2019 quotes for the ayn ("Nad ‘Ali"): E2 80 8C/98/99
        if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < gap.size() && static_cast<unsigned char>(gap[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(gap[i + 2]) == 0x8C || static_cast<unsigned char>(gap[i + 2]) == 0x98 ||
             static_cast<unsigned char>(gap[i + 2]) == 0x99)) {
            i += 2;
            continue;
        }
        if (c == '\'' || c == '`') continue;
        return false;
    }
    return true;
}

// One bit per letter (folded by its low six bits) that occurs in the key. A letter of one key
// missing from the other costs at least one edit, so the bits that either key has alone bound the
// edit distance from below without computing it.
std::uint64_t letter_mask(std::string_view key) {
    std::uint64_t mask = 0;
    for (char c : key) mask |= std::uint64_t{1} << (static_cast<unsigned char>(c) & 63);
    return mask;
}

// Whether more than n bits are set: n lowest bits cleared, where std::popcount without the POPCNT
// instruction is a library call (the scan asks this of every key of its fuzzy buckets).
bool more_bits_than(std::uint64_t bits, std::size_t n) {
    for (std::size_t k = 0; k < n && bits != 0; ++k) bits &= bits - 1;
    return bits != 0;
}

// The last r (1..7) bytes of key in an integer, by loads that stay inside the key: a memcpy of
// variable length here was a library call for every key of running text.
[[gnu::always_inline]] inline std::uint64_t tail_bytes(std::string_view key, std::size_t r) {
    auto load = [](const char* p, std::size_t bytes) {
        std::uint64_t v = 0;
        std::memcpy(&v, p, bytes);
        return v;
    };
    const char* end = key.data() + key.size();
    if (key.size() >= 8) return load(end - 8, 8) >> (8 * (8 - r));
    if (r >= 4) return load(end - r, 4) | (load(end - 4, 4) << (8 * (r - 4))); // the overlap agrees
    const char* tail = end - r;
    auto byte = [&](std::size_t k) { return std::uint64_t{static_cast<unsigned char>(tail[k])} << (8 * k); };
    return byte(0) | byte(r / 2) | byte(r - 1);
}

// The memo's slot hash: eight bytes per multiply, where the tables' FNV-1a (hash_key) takes one
// dependent multiply per byte. Only the memo uses it; a miss still probes the tables by hash_key.
[[gnu::always_inline]] inline std::uint64_t memo_hash(std::string_view key) {
    constexpr std::uint64_t mix = 0x9E3779B97F4A7C15ull;
    std::uint64_t h = key.size() * mix;
    std::size_t i = 0;
    for (; i + 8 <= key.size(); i += 8) {
        std::uint64_t chunk;
        std::memcpy(&chunk, key.data() + i, 8);
        h = std::rotl((h ^ chunk) * mix, 29);
    }
    h = (h ^ (i < key.size() ? tail_bytes(key, key.size() - i) : 0)) * mix;
    return h ^ (h >> 32);
}

// Appends a word of a candidate name (at most max_key_length bytes) at `to`, which has eight bytes of
// room past the word: a word of up to sixteen bytes, nearly all, by one or two eight-byte stores of
// loads that stay inside the word, where a memcpy of variable length was a library call per word.
[[gnu::always_inline]] inline void append_word(char* to, std::string_view w) {
    const std::size_t n = w.size();
    if constexpr (std::endian::native == std::endian::little) {
        if (n < 8) {
            const std::uint64_t bytes = n == 0 ? 0 : tail_bytes(w, n);
            std::memcpy(to, &bytes, 8);
            return;
        }
        if (n <= 16) {
            std::uint64_t head, tail;
            std::memcpy(&head, w.data(), 8);
            std::memcpy(&tail, w.data() + n - 8, 8);
            std::memcpy(to, &head, 8);
            std::memcpy(to + n - 8, &tail, 8);
            return;
        }
    }
    std::memcpy(to, w.data(), n);
}

// Keys of at most this many bytes are never loose (no skeleton, no fuzzy pass): only an exact key matches them.
constexpr std::size_t short_key_length = 4;
constexpr unsigned short_key_hash_bits = 16;

// The bit of a key of 1..short_key_length bytes in short_key_bits_.
[[gnu::always_inline]] inline std::size_t short_key_bit(std::string_view key) {
    const std::uint64_t packed = tail_bytes(key, key.size()) | (std::uint64_t{key.size()} << 32);
    return static_cast<std::size_t>((packed * 0x9E3779B97F4A7C15ull) >> (64 - short_key_hash_bits));
}

// A gap between two words is a few bytes: a loop, where find would call memchr.
bool has_comma(std::string_view gap) {
    for (char c : gap)
        if (c == ',') return true;
    return false;
}

bool only_spaces(std::string_view gap) {
    if (gap.size() > 3) return false;
    for (char c : gap)
        if (c != ' ' && c != ',' && c != '\n') return false;
    return true;
}

} // namespace

name_index::name_index(const gazetteer_data& data) : data_(&data), id_(next_index_id.fetch_add(1)) {
    std::vector<std::pair<std::string, std::uint32_t>> exact, skeletons;
    exact.reserve(data.names.size());
    skeletons.reserve(data.names.size());
    for (std::uint32_t i = 0; i < data.names.size(); ++i) {
        auto key = make_key(data.names[i].spelling);
        if (key.compact.empty()) continue;
        if (!key.arabic) {
            auto s = skeleton(key.compact);
            if (s.size() >= 3) skeletons.emplace_back(std::move(s), i);
        }
        exact.emplace_back(std::move(key.compact), i);
    }
    exact_.build(std::move(exact));
    skeleton_.build(std::move(skeletons));

    short_key_bits_.assign((std::size_t{1} << short_key_hash_bits) / 64, 0);
    for (std::size_t k = 0; k < exact_.size(); ++k) {
        auto key = exact_.key_at(k);
        if (key.empty() || key.size() > short_key_length) continue;
        const auto bit = short_key_bit(key);
        short_key_bits_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }

    fuzzy_buckets_.assign(fuzzy_bucket(max_key_length + 1, 0), {});
    for (std::size_t k = 0; k < exact_.size(); ++k) {
        auto key = exact_.key_at(k);
        if (key.size() < 5 || key.size() > max_key_length || static_cast<unsigned char>(key[0]) >= 0x80) continue;
        bool admin = false;
        for (auto id : exact_.ids_at(k)) admin |= data.names[id].kind != level::settlement;
        if (admin)
            fuzzy_buckets_[fuzzy_bucket(key.size(), static_cast<unsigned char>(key[0]))].push_back(
                {static_cast<std::uint32_t>(k), letter_mask(key)});
    }

    std::size_t capacity = 16;
    while (capacity < data.stop_key_hashes.size() * 2) capacity *= 2;
    stop_slots_.assign(capacity, 0);
    for (auto h : data.stop_key_hashes) {
        if (h == 0) h = 1;
        auto slot = h & (capacity - 1);
        while (stop_slots_[slot] != 0 && stop_slots_[slot] != h) slot = (slot + 1) & (capacity - 1);
        stop_slots_[slot] = h;
    }
    capital_of_province_.assign(data.provinces.size(), none);
    for (std::uint32_t p = 0; p < data.provinces.size(); ++p) {
        const auto& code = data.provinces[p].capital_district_pcode;
        for (std::uint32_t d = 0; d < data.districts.size(); ++d)
            if (data.districts[d].pcode == code) capital_of_province_[p] = d;
    }
}

inline bool name_index::may_be_short_key(std::string_view key) const {
    const auto bit = short_key_bit(key);
    return (short_key_bits_[bit / 64] >> (bit % 64)) & 1;
}

bool name_index::is_stop_key(std::string_view key) const {
    auto h = hash_key(key);
    if (h == 0) h = 1;
    auto mask = stop_slots_.size() - 1;
    for (auto slot = h & mask;; slot = (slot + 1) & mask) {
        if (stop_slots_[slot] == h) return true;
        if (stop_slots_[slot] == 0) return false;
    }
}

// Out of line: the memo's hits, nearly every call, need none of its registers.
[[gnu::noinline]] name_index::key_matches name_index::match_key_uncached(std::string_view key, std::uint64_t hash,
                                                                       bool with_skeleton) const {
    key_matches m;
    m.exact = exact_.find(key, hash);
    if (with_skeleton) {
        thread_local std::string skeleton_buffer;
        skeleton_into(key, skeleton_buffer);
        m.skeleton_length = skeleton_buffer.size();
        if (m.skeleton_length >= 3) m.skeletal = skeleton_.find(skeleton_buffer);
    }
    // A key that matches nothing becomes a name only through the fuzzy pass, which the scan runs
    // for such a key of seven letters or more beside "district" or "province", and which depends on
    // the key alone. Found here, once per key, the scan need not read the words around the many
    // capitalised words that are no name and no misspelling of one.
    if (with_skeleton && key.size() >= 7 && m.exact.empty() && m.skeletal.empty()) {
        thread_local std::vector<hit> fuzzy_hits;
        fuzzy_hits.clear();
        if (!is_stop_key(key)) collect_fuzzy(key, fuzzy_hits);
        m.fuzzy_found = std::any_of(fuzzy_hits.begin(), fuzzy_hits.end(),
                                    [&](const hit& h) { return (data_->names[h.entry].flags & flag_generic) == 0; });
    }
    return m;
}

namespace {

// Whether two keys of the same length (at most max_key_length) hold the same bytes: eight at a
// time and the rest by tail_bytes, inline, where a memcmp of variable length is a library call.
bool same_key_bytes(const char* a, const char* b, std::size_t length) {
    std::size_t i = 0;
    for (; i + 8 <= length; i += 8) {
        std::uint64_t x, y;
        std::memcpy(&x, a + i, 8);
        std::memcpy(&y, b + i, 8);
        if (x != y) return false;
    }
    if (i == length) return true;
    return tail_bytes(std::string_view(a, length), length - i) == tail_bytes(std::string_view(b, length), length - i);
}

} // namespace

// Running text repeats its capitalised words ("Taliban", "Kabul", "Helmand") within and across
// articles: a direct-mapped per-thread memo of recent keys spares their skeleton and both table
// probes. Entries carry the id of the index they came from, so indexes never share one.
struct name_index::memo_entry {
    std::uint64_t hash = 0, owner = 0;
    std::uint32_t length = 0;
    bool with_skeleton = false;
    std::array<char, max_key_length> key{};
    key_matches matches;
};

thread_local std::vector<name_index::memo_entry> name_index::key_memo_;

// A hit, nearly every call, is a hash, a few compares and a reference to the entry's matches: kept
// small enough for the scan to inline, with everything else in match_key_missed.
inline const name_index::key_matches& name_index::match_key(std::string_view key, bool with_skeleton) const {
    if (key.size() > max_key_length || key_memo_.empty()) return match_key_missed(key, with_skeleton, 0, nullptr);
    const auto hash = memo_hash(key);
    auto& e = key_memo_[hash & (memo_slots - 1)];
    if (e.hash == hash && e.length == key.size() && e.owner == id_ && e.with_skeleton == with_skeleton &&
        same_key_bytes(e.key.data(), key.data(), key.size()))
        return e.matches;
    return match_key_missed(key, with_skeleton, hash, &e);
}

[[gnu::noinline]] const name_index::key_matches& name_index::match_key_missed(std::string_view key, bool with_skeleton,
                                                                             std::uint64_t hash, memo_entry* slot) const {
    if (key.size() > max_key_length) {
        thread_local key_matches long_key;
        long_key = match_key_uncached(key, hash_key(key), with_skeleton);
        return long_key;
    }
    if (!slot) { // the thread's first key
        key_memo_.resize(memo_slots);
        hash = memo_hash(key);
        slot = &key_memo_[hash & (memo_slots - 1)];
    }
    memo_entry& e = *slot;
    e.hash = hash;
    e.owner = id_;
    e.length = static_cast<std::uint32_t>(key.size());
    e.with_skeleton = with_skeleton;
    std::copy(key.begin(), key.end(), e.key.begin());
    e.matches = match_key_uncached(key, hash_key(key), with_skeleton);
    return e.matches;
}

void name_index::collect(std::string_view compact, bool latin, bool allow_fuzzy, std::vector<hit>& hits) const {
    for (auto id : exact_.find(compact)) hits.push_back({id, tier::exact, 0});
    if (is_stop_key(compact)) return; // "Khan" is no misspelling of "Khonya"
    if (std::binary_search(data_->english_name_hashes.begin(), data_->english_name_hashes.end(), hash_key(compact)))
        return; // nor "Monday" of "Mohmand"
    if (latin) {
        thread_local std::string s;
        skeleton_into(compact, s);
        if (s.size() >= 4 || (s.size() == 3 && compact.size() >= 5)) {
            for (auto id : skeleton_.find(s)) {
                bool seen = std::any_of(hits.begin(), hits.end(), [&](const hit& h) { return h.entry == id; });
                if (!seen) hits.push_back({id, tier::skeleton, 0});
            }
        }
    }
    if (!allow_fuzzy || !latin) return;
    bool admin = std::any_of(hits.begin(), hits.end(),
                             [&](const hit& h) { return data_->names[h.entry].kind != level::settlement; });
    if (!admin) collect_fuzzy(compact, hits);
}

void name_index::collect_fuzzy(std::string_view compact, std::vector<hit>& hits) const {
    // Long names only: a one-letter slip in "Nangarhar" is a typo, in "Bak" it is another word.
    if (compact.size() < 6 || compact.size() > max_key_length) return;
    std::size_t max_d = compact.size() >= 11 ? 2 : 1;
    std::size_t lo = compact.size() - max_d, hi = std::min(compact.size() + max_d, max_key_length);
    // Misspellings keep the first letter ("Narh-e Saraj"): only keys sharing it are compared, and
    // the buckets hold only ASCII first letters, as the fuzzy keys all start with one.
    auto first = static_cast<unsigned char>(compact[0]);
    if (first >= 0x80) return;
    const std::uint64_t letters = letter_mask(compact);
    for (std::size_t len = lo; len <= hi; ++len) {
        for (const auto& [k, key_letters] : fuzzy_buckets_[fuzzy_bucket(len, first)]) {
            if (more_bits_than(letters & ~key_letters, max_d) || more_bits_than(key_letters & ~letters, max_d))
                continue; // too many letters the other lacks: farther than max_d
            auto key = exact_.key_at(k);
            auto d = edit_distance(compact, key, max_d);
            if (d > max_d || d == 0) continue;
            for (auto id : exact_.ids_at(k))
                if (data_->names[id].kind != level::settlement)
                    hits.push_back({id, tier::fuzzy, static_cast<std::uint8_t>(d)});
        }
    }
}

double name_index::score(const hit& h, std::uint8_t designators) const {
    const auto& e = data_->names[h.entry];
    // the place the press means by a shared spelling weighs as that place's own name
    double s = (e.flags & flag_press_preferred) ? 1.0 : source_weight(e.source);
    switch (h.how) {
    case tier::exact: break;
    case tier::skeleton: s *= 0.88; break;
    case tier::fuzzy: s *= 0.80 - 0.06 * (h.distance - 1); break;
    }
    switch (e.kind) {
    case level::province:
        if (designators & (designator_district | designator_city)) s *= 0.9;
        break;
    case level::district:
        if (designators & designator_province) s *= 0.9;
        else if (!(designators & (designator_district | designator_city))) s *= 0.995;
        break;
    case level::settlement:
        s *= 0.6;
        if (designators & (designator_province | designator_district)) s *= 0.9;
        break;
    }
    return s;
}

std::uint32_t name_index::province_of_place(level kind, std::uint32_t place) const {
    switch (kind) {
    case level::province: return place;
    case level::district: return data_->districts[place].province_index;
    case level::settlement: return data_->districts[data_->settlements[place].district_index].province_index;
    }
    return none;
}

void name_index::rank(const std::vector<hit>& hits, std::uint8_t designators, std::optional<std::uint32_t> province,
                      bool include_settlements, std::vector<scored>& out) const {
    out.clear();
    for (const auto& h : hits) {
        const auto& e = data_->names[h.entry];
        if (!include_settlements && e.kind == level::settlement) continue;
        if (province && province_of_place(e.kind, e.place) != *province) continue;
        double s = score(h, designators);
        auto same = std::find_if(out.begin(), out.end(), [&](const scored& o) { return o.kind == e.kind && o.place == e.place; });
        if (same == out.end()) out.push_back({e.kind, e.place, s, h.entry});
        else if (s > same->score) {
            same->score = s;
            same->entry = h.entry;
        }
    }
    // "Kunduz city" means the provincial capital's district.
    if (designators & designator_city) {
        std::size_t n = out.size();
        for (std::size_t i = 0; i < n; ++i) {
            if (out[i].kind != level::province) continue;
            auto capital = capital_of_province_[out[i].place];
            if (capital == none) continue;
            double capital_score = out[i].score / 0.9 * 0.99;
            auto present = std::find_if(out.begin(), out.end(), [&](const scored& o) { return o.kind == level::district && o.place == capital; });
            if (present == out.end()) out.push_back({level::district, capital, capital_score, out[i].entry});
            else present->score = std::max(present->score, capital_score);
        }
    }
    auto population = [&](const scored& s) {
        switch (s.kind) {
        case level::province: return data_->provinces[s.place].population;
        case level::district: return data_->districts[s.place].population;
        case level::settlement: return data_->settlements[s.place].population;
        }
        return 0.0;
    };
    std::sort(out.begin(), out.end(), [&](const scored& a, const scored& b) {
        if (a.score != b.score) return a.score > b.score;
        const bool a_preferred = a.entry != none && (data_->names[a.entry].flags & flag_press_preferred);
        const bool b_preferred = b.entry != none && (data_->names[b.entry].flags & flag_press_preferred);
        if (a_preferred != b_preferred) return a_preferred; // "Nawa": Helmand's, then Ghazni's
        if (a.kind != b.kind) return a.kind < b.kind; // province, district, settlement
        if (population(a) != population(b)) return population(a) > population(b);
        return a.place < b.place;
    });
}

candidate name_index::make_candidate(const scored& s) const {
    candidate c;
    fill_candidate(s, c);
    return c;
}

void name_index::fill_candidate(const scored& s, candidate& c) const {
    c.kind = s.kind;
    c.index = s.place;
    c.score = std::round(s.score * 1000) / 1000;
    if (s.entry != none) c.matched = data_->names[s.entry].spelling;
    std::uint32_t prov = province_of_place(s.kind, s.place);
    switch (s.kind) {
    case level::province:
        c.pcode = data_->provinces[s.place].pcode;
        c.name = data_->provinces[s.place].name;
        break;
    case level::district:
        c.pcode = data_->districts[s.place].pcode;
        c.name = data_->districts[s.place].name;
        break;
    case level::settlement:
        c.pcode = data_->districts[data_->settlements[s.place].district_index].pcode;
        c.name = data_->settlements[s.place].name;
        break;
    }
    c.province_pcode = data_->provinces[prov].pcode;
    c.province = data_->provinces[prov].name;
}

std::optional<std::uint32_t> name_index::resolve_province(std::string_view name) const {
    for (std::uint32_t p = 0; p < data_->provinces.size(); ++p)
        if (data_->provinces[p].pcode == name) return p;
    auto key = make_key(name);
    if (key.compact.empty()) return std::nullopt;
    std::vector<hit> hits;
    collect(key.compact, !key.arabic, true, hits);
    std::optional<std::uint32_t> best;
    double best_score = 0;
    for (const auto& h : hits) {
        const auto& e = data_->names[h.entry];
        if (e.kind != level::province) continue;
        double s = score(h, designator_province);
        if (s > best_score) {
            best_score = s;
            best = e.place;
        }
    }
    return best;
}

std::vector<candidate> name_index::lookup(std::string_view name, const lookup_options& options) const {
    std::optional<std::uint32_t> province;
    if (!options.province.empty()) {
        province = resolve_province(options.province);
        if (!province) return {}; // a province context that names no province matches nothing
    }
    // "Baharak district of Takhar", "Baharak district, Takhar province": the province as context.
    if (!province) {
        for (std::string_view separator : {std::string_view(" of "), std::string_view(",")}) {
            auto at = name.find(separator);
            if (at == std::string_view::npos) continue;
            auto head = name.substr(0, at), tail = name.substr(at + separator.size());
            if (make_key(head).designators == 0 && separator == " of ") continue;
            if (auto p = resolve_province(tail)) {
                lookup_options narrowed = options;
                narrowed.province = data_->provinces[*p].pcode;
                return lookup(head, narrowed);
            }
        }
    }
    auto key = make_key(name);
    std::vector<candidate> out;
    if (key.compact.empty()) {
        // "Centre", "district centre", "provincial capital": meaningful only within a province.
        if (province && (key.designators & designator_city) && capital_of_province_[*province] != none)
            out.push_back(make_candidate({level::district, capital_of_province_[*province], 1.0, none}));
        if (!out.empty()) out.back().matched = std::string(name);
        return out;
    }
    thread_local std::vector<hit> hits;
    hits.clear();
    collect(key.compact, !key.arabic, true, hits);
    thread_local std::vector<scored> ranked;
    rank(hits, key.designators, province, options.include_settlements, ranked);
    if (ranked.size() > options.limit) ranked.resize(options.limit);
    out.reserve(ranked.size());
    for (const auto& s : ranked) out.push_back(make_candidate(s));
    return out;
}

bool name_index::allowed_in_text(const name_entry& e, tier how, bool designated, std::size_t key_length) const {
    if (e.flags & flag_generic) return false;
    if ((e.flags & (flag_english_word | flag_ambiguous_word | flag_person_name)) && !designated) return false;
    if (e.kind == level::settlement)
        return how == tier::exact && key_length >= 4 &&
               !(e.flags & (flag_english_word | flag_ambiguous_word | flag_person_name));
    return true;
}

// What the scan keeps of each mention for the provinces pass: the province it names outright (none when
// it names none), and its candidates' provinces, as a range of one flat list (a vector per mention cost
// an allocation each).
struct name_index::mention_provinces {
    std::vector<std::uint32_t> asserted;
    std::vector<std::uint32_t> list;
    std::vector<std::size_t> list_end;

    void clear() {
        asserted.clear();
        list.clear();
        list_end.clear();
    }
    std::span<const std::uint32_t> of(std::size_t m) const {
        return {list.data() + (m == 0 ? 0 : list_end[m - 1]), list.data() + list_end[m]};
    }
};

template <class StopWord>
void name_index::collect_text_hits(const key_matches& matches, std::string_view key, bool loose_keys, bool designated,
                                   StopWord&& has_stop_word, std::vector<hit>& hits) const {
    // A settlement never matches through a personal name or common word ("Abdul Rahman").
    bool admin = false;
    for (auto id : matches.exact) {
        const auto& e = data_->names[id];
        if (!allowed_in_text(e, tier::exact, designated, key.size())) continue;
        if (e.kind == level::settlement && has_stop_word()) continue;
        hits.push_back({id, tier::exact, 0});
        admin |= e.kind != level::settlement;
    }
    // Loose matches only for words that are no English or personal name, and only where the
    // text says "district" or "province" or the skeleton is long enough to be distinctive.
    // Skeletons also when the exact hits lack the kind of place the text names, or when the
    // spelling is only a district's variant: "Sar-e-Pol" is the province's name too.
    if (!loose_keys) return;
    std::size_t before = hits.size();
    if (matches.skeleton_length >= 5 || (designated && matches.skeleton_length >= 3))
        for (auto id : matches.skeletal)
            if (data_->names[id].kind != level::settlement &&
                allowed_in_text(data_->names[id], tier::skeleton, designated, key.size()) &&
                std::none_of(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(before),
                             [&](const hit& h) { return h.entry == id; }))
                hits.push_back({id, tier::skeleton, 0});
    bool stop = (hits.size() > before || designated) && is_stop_key(key);
    if (stop) hits.resize(before);
    // A misspelt long name right before "district" or "province": "Narh-e Saraj district".
    if (!stop && !admin && hits.size() == before && designated && key.size() >= 7) {
        collect_fuzzy(key, hits);
        std::erase_if(hits, [&](const hit& h) { return (data_->names[h.entry].flags & flag_generic) != 0; });
    }
}

// A mention names a province outright when its best candidate is one, or when every best-scored
// candidate lies in the same province.
void name_index::note_provinces(const std::vector<scored>& ranked, mention_provinces& provinces) const {
    std::uint32_t asserted = none;
    double top = ranked.front().score;
    for (const auto& s : ranked) {
        if (s.score < top) break;
        auto p = province_of_place(s.kind, s.place);
        if (asserted == none) asserted = p;
        else if (asserted != p) {
            asserted = none;
            break;
        }
    }
    provinces.asserted.push_back(asserted);
    const auto provinces_begin = static_cast<std::ptrdiff_t>(provinces.list.size());
    for (const auto& sc : ranked) {
        auto p = province_of_place(sc.kind, sc.place);
        if (sc.kind != level::settlement &&
            std::find(provinces.list.begin() + provinces_begin, provinces.list.end(), p) == provinces.list.end())
            provinces.list.push_back(p);
    }
    provinces.list_end.push_back(provinces.list.size());
}

// Ambiguous mentions ("Baharak district of Takhar") take the province named nearest to them: the
// closest mention within the window, either side, that clearly names one of their provinces.
void name_index::prefer_provinces_named_nearby(std::vector<text_mention>& mentions,
                                               const mention_provinces& provinces) const {
    const auto& asserted_province = provinces.asserted;
    for (std::size_t m = 0; m < mentions.size(); ++m) {
        const auto provinces_of_m = provinces.of(m);
        if (provinces_of_m.size() < 2 && (provinces_of_m.empty() || provinces_of_m.front() == asserted_province[m])) continue;
        auto relevant = [&](std::size_t o) {
            auto p = asserted_province[o];
            return p != none && p != asserted_province[m] &&
                   std::find(provinces_of_m.begin(), provinces_of_m.end(), p) != provinces_of_m.end();
        };
        std::uint32_t context = none;
        std::size_t best_distance = context_window + 1;
        for (std::size_t o = m; o-- > 0;) {
            std::size_t distance = mentions[m].begin - mentions[o].end;
            if (distance > context_window) break;
            if (relevant(o)) {
                best_distance = distance;
                context = asserted_province[o];
                break;
            }
        }
        for (std::size_t o = m + 1; o < mentions.size(); ++o) {
            std::size_t distance = mentions[o].begin - mentions[m].end;
            if (distance >= best_distance) break;
            if (relevant(o)) {
                context = asserted_province[o];
                break;
            }
        }
        if (context == none) continue;
        const auto& pcode = data_->provinces[context].pcode;
        for (auto& c : mentions[m].candidates)
            if (c.province_pcode != pcode) c.score = std::round(c.score * 0.85 * 1000) / 1000;
        std::stable_sort(mentions[m].candidates.begin(), mentions[m].candidates.end(),
                         [](const candidate& a, const candidate& b) { return a.score > b.score; });
    }
}

std::vector<text_mention> name_index::scan(std::string_view text) const {
    thread_local std::vector<token> tokens;
    thread_local std::string folded;
    tokenize(text, tokens, folded);
    return scan(text, tokens, folded);
}

std::vector<text_mention> name_index::scan(std::string_view text, std::span<const token> tokens,
                                           std::string_view folded) const {
    thread_local std::vector<hit> hits;
    // The lambdas below hold these pointers by value: held by reference, every word read loaded the
    // span and the view again through the closure.
    const token* const words = tokens.data();
    const std::size_t word_count = tokens.size();
    const char* const folded_bytes = folded.data();
    const char* const text_bytes = text.data();
    auto word = [words, folded_bytes](std::size_t k) {
        return std::string_view(folded_bytes + words[k].folded_begin, words[k].folded_end - words[k].folded_begin);
    };
    // The bytes between word k - 1 and word k (both inside the text: no bounds check).
    auto gap = [words, text_bytes](std::size_t k) {
        return std::string_view(text_bytes + words[k - 1].end, words[k].begin - words[k - 1].end);
    };

    std::vector<text_mention> out;
    // The words of a candidate name, concatenated: a key longer than max_key_length is never tried
    std::array<char, max_key_length + 8> buf; // 8 bytes of room for append_word
    std::size_t buf_size = 0;
    std::array<std::size_t, max_words_in_name> prefix_length{}, last_token{};
    thread_local mention_provinces provinces;
    provinces.clear();
    thread_local std::vector<signed char> stop_word; // per token: a stop key? (-1: not yet known)
    thread_local std::vector<scored> ranked;
    stop_word.assign(tokens.size(), -1);

    // What the words around the name [i, end] say about the kind of place it is. Only asked of a key
    // that can match something: most capitalised words of running text match no name, and the
    // generic words around them need not be read.
    auto designators_around = [word, gap, words, word_count](std::size_t i, std::size_t end) {
        std::uint8_t designators = 0;
        if (end + 1 < word_count && only_spaces(gap(end + 1))) {
            designators |= generic_word(word(end + 1));
            // "Kunduz provincial capital" is the city.
            if (end + 2 < word_count && word(end + 1) == "provincial" && only_spaces(gap(end + 2)) &&
                generic_word(word(end + 2)) == designator_city)
                designators = designator_city;
        }
        // "district of Baharak"; but "the capital of Badakhshan" names the province.
        if (designators == 0 && i >= 2 && word(i - 1) == "of" && only_spaces(gap(i)))
            designators |= static_cast<std::uint8_t>(generic_word(word(i - 2)) & (designator_district | designator_province));
        // "the district centre of Burka", "the district headquarters of Burka"
        if (designators == 0 && i >= 3 && word(i - 1) == "of" && only_spaces(gap(i)) &&
            (word(i - 2) == "centre" || word(i - 2) == "center" || word(i - 2) == "headquarters") &&
            generic_word(word(i - 3)) == designator_district)
            designators = designator_district;
        // "Khanabad and Imam Sahib districts", "Darqad, Yangi Qala and Khwaja Bahauddin districts": the
        // plural after a list of names designates every name in it
        if (designators == 0 && end + 2 < word_count &&
            (word(end + 1) == "and" || has_comma(gap(end + 1)))) {
            for (std::size_t j = end + 1; j < word_count && j < end + 10; ++j) {
                auto w = word(j);
                if (w == "districts" || w == "provinces") {
                    designators |= generic_word(w);
                    break;
                }
                // the particles of compound names: Dahana-e-Ghori, Tala wa Barfak
                bool particle = w == "e" || w == "i" || w == "ye" || w == "wa" || w == "al" || w == "ul";
                if (!(w == "and" || words[j].capitalised || particle)) break;
            }
        }
        return designators;
    };

    // The last district named, for a list that goes on: "Nahrin and Burka in Baghlan"
    std::size_t district_end = SIZE_MAX;
    for (std::size_t i = 0; i < word_count;) {
        const token& first = words[i];
        if (!(first.capitalised || first.arabic) || generic_word(word(i)) != designator_none) {
            ++i;
            continue;
        }
        buf_size = 0;
        std::size_t count = 0;
        for (std::size_t j = i; j < word_count && count < max_words_in_name; ++j) {
            if (j > i) {
                if (!joins_words(gap(j))) break;
                if (words[j].arabic != first.arabic) break;
                if (is_linking_word(word(j))) continue;
                // ("Lashkar-gah", "Mazar-i-sharif": a hyphenated name goes on in lower case)
                if (!first.arabic && !words[j].capitalised && !words[j].has_digit && gap(j) != "-") break;
                if (generic_word(word(j)) != designator_none) break;
            }
            const auto w = word(j);
            if (buf_size + w.size() > max_key_length) break;
            append_word(buf.data() + buf_size, w);
            buf_size += w.size();
            prefix_length[count] = buf_size;
            last_token[count] = j;
            ++count;
        }
        bool matched = false;
        for (std::size_t c = count; c-- > 0 && !matched;) {
            std::string_view key(buf.data(), prefix_length[c]);
            std::size_t end = last_token[c];
            if (key.size() <= short_key_length && !may_be_short_key(key)) continue; // no entries: nothing to find
            const bool loose_keys = !first.arabic && key.size() > short_key_length;
            const auto& matches = match_key(key, loose_keys);
            // Nothing to find: no exact or skeleton entries, and too short a key for the fuzzy pass
            // (which needs a designator too).
            if (matches.exact.empty() && matches.skeletal.empty() && !(loose_keys && key.size() >= 7 && matches.fuzzy_found))
                continue;
            std::uint8_t designators = designators_around(i, end);
            // the next of a list of districts is one: "Nahrin and Burka", "Khwahan, Burka"; but not
            // a province after its city ("Gardez, Paktia")
            if (designators == 0 && district_end != SIZE_MAX &&
                ((district_end + 2 == i && word(i - 1) == "and") || (district_end + 1 == i && has_comma(gap(i)))) &&
                std::none_of(matches.exact.begin(), matches.exact.end(), [&](auto id) { return data_->names[id].kind == level::province; }))
                designators = designator_district;
            const bool designated = designators != 0;
            if (matches.exact.empty() && matches.skeletal.empty() && !designated) continue;
            hits.clear();
            auto has_stop_word = [&] { // a word of the name is a personal name or common word
                for (std::size_t k = i; k <= end; ++k) {
                    if (stop_word[k] < 0) stop_word[k] = is_stop_key(word(k)) ? 1 : 0;
                    if (stop_word[k] == 1) return true;
                }
                return false;
            };
            collect_text_hits(matches, key, loose_keys, designated, has_stop_word, hits);
            if (hits.empty()) continue;
            rank(hits, designators, std::nullopt, true, ranked);
            if (ranked.size() > candidates_per_mention) ranked.resize(candidates_per_mention);
            text_mention m;
            m.begin = first.begin;
            m.end = words[end].end;
            m.surface = text.substr(m.begin, m.end - m.begin);
            m.candidates.reserve(ranked.size());
            for (const auto& s : ranked) fill_candidate(s, m.candidates.emplace_back()); // no temporary to move
            note_provinces(ranked, provinces);
            district_end = ranked.front().kind == level::district ? end : SIZE_MAX;
            out.push_back(std::move(m));
            i = end + 1;
            matched = true;
        }
        if (!matched) ++i;
    }

    prefer_provinces_named_nearby(out, provinces);
    return out;
}

} // namespace naqsha::gazetteer
