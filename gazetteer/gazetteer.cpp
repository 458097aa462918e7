#include "gazetteer/gazetteer.hpp"

#include "base/paths.hpp"
#include "gazetteer/boundary_set.hpp"
#include "gazetteer/builder.hpp"
#include "gazetteer/cache.hpp"
#include "gazetteer/model.hpp"
#include "gazetteer/name_index.hpp"
#include "gazetteer/names.hpp"
#include "gazetteer/spatial_index.hpp"

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <set>

namespace naqsha::gazetteer {

std::string_view to_string(level l) {
    switch (l) {
    case level::province: return "province";
    case level::district: return "district";
    case level::settlement: return "settlement";
    }
    return "unknown";
}

namespace {

std::vector<const geo::multipolygon*> district_shapes(const gazetteer_data& data) {
    std::vector<const geo::multipolygon*> shapes;
    shapes.reserve(data.districts.size());
    for (const auto& d : data.districts) shapes.push_back(&d.shape);
    return shapes;
}

void summarise(gazetteer_data& data) {
    auto& r = data.report;
    r.provinces = data.provinces.size();
    r.districts = data.districts.size();
    r.settlements = data.settlements.size();
    r.names = data.names.size();
    std::map<std::string, std::set<std::uint32_t>> districts_by_name;
    for (const auto& d : data.districts) districts_by_name[d.name].insert(static_cast<std::uint32_t>(&d - data.districts.data()));
    r.ambiguous_names.clear();
    for (const auto& [name, places] : districts_by_name) {
        if (places.size() < 2) continue;
        std::string line = name + ":";
        for (auto i : places) line += " " + data.districts[i].pcode + " (" + data.provinces[data.districts[i].province_index].name + ")";
        r.ambiguous_names.push_back(std::move(line));
    }
}

// The number an Afghan P-code of `digits` digits carries ("AF01" 1, "AF0101" 101), if it is one.
std::optional<std::size_t> pcode_number(std::string_view pcode, std::size_t digits) {
    if (pcode.size() != 2 + digits || pcode[0] != 'A' || pcode[1] != 'F') return std::nullopt;
    std::size_t n = 0;
    for (std::size_t k = 2; k < pcode.size(); ++k) {
        if (pcode[k] < '0' || pcode[k] > '9') return std::nullopt;
        n = n * 10 + static_cast<std::size_t>(pcode[k] - '0');
    }
    return n;
}

constexpr std::uint32_t no_place = UINT32_MAX;

} // namespace

struct gazetteer::impl {
    gazetteer_data data;
    std::map<std::string, std::uint32_t, std::less<>> district_by_code, province_by_code;
    // The same for the P-codes of the usual form ("AF01", "AF0101"), by their number: extraction asks
    // hundreds of thousands of times, and an index is cheaper than a walk down the map.
    std::vector<std::uint32_t> province_by_number = std::vector<std::uint32_t>(100, no_place);
    std::vector<std::uint32_t> district_by_number = std::vector<std::uint32_t>(10000, no_place);

    explicit impl(gazetteer_data d) : data(std::move(d)) {
        for (std::uint32_t i = 0; i < data.districts.size(); ++i) district_by_code.emplace(data.districts[i].pcode, i);
        for (std::uint32_t i = 0; i < data.provinces.size(); ++i) province_by_code.emplace(data.provinces[i].pcode, i);
        for (const auto& [code, i] : district_by_code)
            if (auto n = pcode_number(code, 4)) district_by_number[*n] = i;
        for (const auto& [code, i] : province_by_code)
            if (auto n = pcode_number(code, 2)) province_by_number[*n] = i;
    }

    // Built on first use, once, whichever thread asks first: drawing tiles and layers needs neither
    // index, and building them is most of loading the gazetteer from its cache.
    const name_index& names() const {
        std::call_once(names_built_, [this] { names_.emplace(data); });
        return *names_;
    }
    const spatial_index& districts_index() const {
        std::call_once(index_built_, [this] { districts_index_.emplace(district_shapes(data)); });
        return *districts_index_;
    }

private:
    mutable std::once_flag names_built_, index_built_;
    mutable std::optional<name_index> names_;
    mutable std::optional<spatial_index> districts_index_;
};

gazetteer::gazetteer(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
gazetteer::gazetteer(gazetteer&&) noexcept = default;
gazetteer& gazetteer::operator=(gazetteer&&) noexcept = default;
gazetteer::~gazetteer() = default;

gazetteer gazetteer::load(const load_options& options) {
    auto started = std::chrono::steady_clock::now();
    auto data_dir = options.data_dir.empty() ? gazetteer_data_dir() : options.data_dir;
    auto set = read_boundary_set(options.boundary_set);

    std::optional<gazetteer_data> data;
    std::vector<std::string> cache_warnings;
    std::filesystem::path cache_file;
    std::string key;
    if (options.use_cache) {
        auto dir = options.cache_dir.empty() ? cache_dir() : options.cache_dir;
        cache_file = dir / ("gazetteer-" + set.name + ".bin");
        key = cache_key(set, data_dir);
        data = read_cache(cache_file, key, cache_warnings);
    }
    bool from_cache = data.has_value();
    if (!data) {
        data = build_gazetteer_data(set, data_dir);
        summarise(*data);
        if (options.use_cache) write_cache(cache_file, key, *data, cache_warnings);
    }
    for (auto& w : cache_warnings) data->report.warnings.push_back(std::move(w));
    data->report.from_cache = from_cache;
    auto p = std::make_unique<impl>(std::move(*data));
    p->data.report.names = p->data.names.size();
    p->data.report.load_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return gazetteer(std::move(p));
}

std::span<const province> gazetteer::provinces() const { return impl_->data.provinces; }
std::span<const district> gazetteer::districts() const { return impl_->data.districts; }
std::span<const settlement> gazetteer::settlements() const { return impl_->data.settlements; }

const district* gazetteer::district_by_pcode(std::string_view pcode) const {
    if (auto n = pcode_number(pcode, 4)) {
        const std::uint32_t i = impl_->district_by_number[*n];
        return i == no_place ? nullptr : &impl_->data.districts[i];
    }
    auto it = impl_->district_by_code.find(pcode);
    return it == impl_->district_by_code.end() ? nullptr : &impl_->data.districts[it->second];
}

const province* gazetteer::province_by_pcode(std::string_view pcode) const {
    if (auto n = pcode_number(pcode, 2)) {
        const std::uint32_t i = impl_->province_by_number[*n];
        return i == no_place ? nullptr : &impl_->data.provinces[i];
    }
    auto it = impl_->province_by_code.find(pcode);
    return it == impl_->province_by_code.end() ? nullptr : &impl_->data.provinces[it->second];
}

const province& gazetteer::province_of(const district& d) const { return impl_->data.provinces[d.province_index]; }

const province* gazetteer::find_province(std::string_view name) const {
    auto i = impl_->names().resolve_province(name);
    return i ? &impl_->data.provinces[*i] : nullptr;
}

std::vector<candidate> gazetteer::lookup(std::string_view name, const lookup_options& options) const {
    return impl_->names().lookup(name, options);
}

std::vector<text_mention> gazetteer::scan(std::string_view text) const { return impl_->names().scan(text); }
std::vector<text_mention> gazetteer::scan(std::string_view text, std::span<const token> words, std::string_view folded) const {
    return impl_->names().scan(text, words, folded);
}

bool gazetteer::foreign_place(std::string_view name) const {
    const auto& keys = impl_->data.foreign_key_hashes;
    auto key = make_key(name);
    return !key.compact.empty() && std::binary_search(keys.begin(), keys.end(), hash_key(key.compact));
}

const district* gazetteer::locate(geo::point lon_lat) const {
    auto i = impl_->districts_index().locate(lon_lat);
    return i ? &impl_->data.districts[*i] : nullptr;
}

const load_report& gazetteer::report() const { return impl_->data.report; }

} // namespace naqsha::gazetteer
