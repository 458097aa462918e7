#include "gazetteer/cache.hpp"

#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "base/paths.hpp"
#include "gazetteer/builder.hpp"
#include "gazetteer/names.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <type_traits>

namespace naqsha::gazetteer {
namespace {

// Bump whenever the layout below or the meaning of any built field changes.
// 6: english_name_hashes, flag_press_preferred; crosswalk province tags dropped (issue 19)
// 7: a district's town is a personal name only when every word of it is one
constexpr std::uint32_t format_version = 8;
constexpr char magic[8] = {'N', 'Q', 'G', 'A', 'Z', 'E', 'T', '1'};

class writer {
public:
    template <class T>
    void pod(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        out_.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void str(const std::string& s) {
        pod(static_cast<std::uint32_t>(s.size()));
        out_ += s;
    }
    void strings(const std::vector<std::string>& v) {
        pod(static_cast<std::uint32_t>(v.size()));
        for (const auto& s : v) str(s);
    }
    template <class T>
    void pods(const std::vector<T>& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        pod(static_cast<std::uint32_t>(v.size()));
        out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    }
    void ring(const geo::ring& r) { pods(r); }
    void shape(const geo::multipolygon& mp) {
        pod(static_cast<std::uint32_t>(mp.size()));
        for (const auto& p : mp) {
            ring(p.outer);
            pod(static_cast<std::uint32_t>(p.holes.size()));
            for (const auto& h : p.holes) ring(h);
        }
    }
    std::string& bytes() { return out_; }

private:
    std::string out_;
};

struct corrupt_cache {};

class reader {
public:
    explicit reader(std::string_view bytes) : in_(bytes) {}
    template <class T>
    T pod() {
        static_assert(std::is_trivially_copyable_v<T>);
        need(sizeof(T));
        T v;
        std::memcpy(&v, in_.data() + at_, sizeof v);
        at_ += sizeof v;
        return v;
    }
    std::uint32_t count(std::size_t min_element_size) {
        auto n = pod<std::uint32_t>();
        if (min_element_size > 0 && n > (in_.size() - at_) / min_element_size) throw corrupt_cache{};
        return n;
    }
    std::string str() {
        auto n = count(1);
        need(n);
        std::string s(in_.substr(at_, n));
        at_ += n;
        return s;
    }
    std::vector<std::string> strings() {
        std::vector<std::string> v(count(4));
        for (auto& s : v) s = str();
        return v;
    }
    template <class T>
    std::vector<T> pods() {
        static_assert(std::is_trivially_copyable_v<T>);
        std::vector<T> v(count(sizeof(T)));
        need(v.size() * sizeof(T));
        std::memcpy(v.data(), in_.data() + at_, v.size() * sizeof(T));
        at_ += v.size() * sizeof(T);
        return v;
    }
    geo::ring ring() { return pods<geo::point>(); }
    geo::multipolygon shape() {
        geo::multipolygon mp(count(8));
        for (auto& p : mp) {
            p.outer = ring();
            p.holes.resize(count(4));
            for (auto& h : p.holes) h = ring();
        }
        return mp;
    }
    bool done() const { return at_ == in_.size(); }

private:
    void need(std::size_t n) const {
        if (n > in_.size() - at_) throw corrupt_cache{};
    }
    std::string_view in_;
    std::size_t at_ = 0;
};

// The fields provinces and districts share.
template <class Place>
void write_place(writer& out, const Place& p) {
    out.str(p.pcode);
    out.str(p.name);
    out.str(p.name_dari);
    out.strings(p.alternates);
    out.shape(p.shape);
    out.pod(p.interior);
    out.pod(p.area_km2);
    out.pod(p.population);
}

template <class Place>
void read_place(reader& in, Place& p) {
    p.pcode = in.str();
    p.name = in.str();
    p.name_dari = in.str();
    p.alternates = in.strings();
    p.shape = in.shape();
    p.interior = in.pod<geo::point>();
    p.area_km2 = in.pod<double>();
    p.population = in.pod<double>();
}

void describe_file(std::string& key, const std::filesystem::path& file) {
    std::error_code ec;
    auto size = std::filesystem::file_size(file, ec);
    if (ec) {
        key += fmt::format("{}:missing\n", file.string());
        return;
    }
    auto mtime = std::filesystem::last_write_time(file, ec).time_since_epoch().count();
    key += fmt::format("{}:{}:{}\n", file.string(), size, mtime);
}

} // namespace

std::vector<std::filesystem::path> source_files(const boundary_set& set, const std::filesystem::path& data_dir) {
    std::vector<std::filesystem::path> files;
    auto with_sidecars = [&](const std::filesystem::path& rel) {
        if (rel.empty()) return;
        auto path = data_dir / rel;
        files.push_back(path);
        if (path.extension() == ".shp")
            for (const char* ext : {".shx", ".dbf", ".prj", ".cpg"}) files.push_back(std::filesystem::path(path).replace_extension(ext));
    };
    with_sidecars(set.districts.path);
    with_sidecars(set.provinces.path);
    with_sidecars(set.settlements);
    with_sidecars(set.province_centres);
    with_sidecars(set.district_centres);
    std::error_code ec;
    auto add_dir = [&](const std::filesystem::path& dir) {
        if (!std::filesystem::is_directory(dir, ec)) return;
        std::vector<std::filesystem::path> found;
        for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec))
            if (e.is_regular_file()) found.push_back(e.path());
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    };
    if (!set.crosswalks.empty()) add_dir(data_dir / set.crosswalks);
    add_dir(shapefiles_dir() / "aliases");
    files.push_back(set.mapping_file);
    files.push_back(dictionary_file());
    return files;
}

std::string cache_key(const boundary_set& set, const std::filesystem::path& data_dir) {
    std::string key = fmt::format("naqsha gazetteer cache v{}\nset {}\n", format_version, set.name);
    for (const auto& f : source_files(set, data_dir)) describe_file(key, f);
    return key;
}

std::optional<gazetteer_data> read_cache(const std::filesystem::path& file, const std::string& key,
                                         std::vector<std::string>& warnings) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return std::nullopt;
    std::string bytes;
    {
        // One read into a buffer of the right size: the cache is several megabytes.
        std::ifstream in(file, std::ios::binary | std::ios::ate);
        auto size = in ? static_cast<std::streamoff>(in.tellg()) : -1;
        if (size < 0) {
            warnings.push_back(file.string() + ": cache unreadable; rebuilt from the sources");
            return std::nullopt;
        }
        bytes.resize(static_cast<std::size_t>(size));
        in.seekg(0);
        if (!in.read(bytes.data(), size)) {
            warnings.push_back(file.string() + ": cache unreadable; rebuilt from the sources");
            return std::nullopt;
        }
    }
    try {
        reader in(bytes);
        for (char c : magic)
            if (in.pod<char>() != c) throw corrupt_cache{};
        if (in.pod<std::uint32_t>() != format_version) return std::nullopt; // older format: rebuild quietly
        if (in.str() != key) return std::nullopt;                         // sources changed: rebuild quietly
        gazetteer_data data;
        data.provinces.resize(in.count(16));
        for (auto& p : data.provinces) {
            read_place(in, p);
            p.capital_district_pcode = in.str();
        }
        data.districts.resize(in.count(16));
        for (auto& d : data.districts) {
            read_place(in, d);
            d.province_index = in.pod<std::uint32_t>();
            if (d.province_index >= data.provinces.size()) throw corrupt_cache{};
        }
        data.settlements.resize(in.count(16));
        for (auto& s : data.settlements) {
            s.name = in.str();
            s.location = in.pod<geo::point>();
            s.district_index = in.pod<std::uint32_t>();
            if (s.district_index >= data.districts.size()) throw corrupt_cache{};
            s.population = in.pod<double>();
        }
        data.names.resize(in.count(8));
        for (auto& n : data.names) {
            n.kind = static_cast<level>(in.pod<std::uint8_t>());
            n.source = static_cast<name_source>(in.pod<std::uint8_t>());
            n.flags = in.pod<std::uint8_t>();
            n.place = in.pod<std::uint32_t>();
            n.spelling = in.str();
            std::size_t limit = n.kind == level::province   ? data.provinces.size()
                                : n.kind == level::district ? data.districts.size()
                                                            : data.settlements.size();
            if (static_cast<std::uint8_t>(n.kind) > 2 || static_cast<std::uint8_t>(n.source) > 5 || n.place >= limit)
                throw corrupt_cache{};
        }
        data.stop_key_hashes = in.pods<std::uint64_t>();
        data.foreign_key_hashes = in.pods<std::uint64_t>();
        if (!std::is_sorted(data.foreign_key_hashes.begin(), data.foreign_key_hashes.end())) throw corrupt_cache{};
        data.english_name_hashes = in.pods<std::uint64_t>();
        if (!std::is_sorted(data.english_name_hashes.begin(), data.english_name_hashes.end())) throw corrupt_cache{};
        auto& r = data.report;
        r.boundary_set = in.str();
        r.repairs = in.strings();
        r.ambiguous_names = in.strings();
        r.warnings = in.strings();
        r.provinces = data.provinces.size();
        r.districts = data.districts.size();
        r.settlements = data.settlements.size();
        r.names = data.names.size();
        if (!in.done()) throw corrupt_cache{};
        return data;
    } catch (const corrupt_cache&) {
        warnings.push_back(file.string() + ": cache is corrupt; rebuilt from the sources");
        return std::nullopt;
    }
}

void write_cache(const std::filesystem::path& file, const std::string& key, const gazetteer_data& data,
                 std::vector<std::string>& warnings) {
    writer out;
    for (char c : magic) out.pod(c);
    out.pod(format_version);
    out.str(key);
    out.pod(static_cast<std::uint32_t>(data.provinces.size()));
    for (const auto& p : data.provinces) {
        write_place(out, p);
        out.str(p.capital_district_pcode);
    }
    out.pod(static_cast<std::uint32_t>(data.districts.size()));
    for (const auto& d : data.districts) {
        write_place(out, d);
        out.pod(d.province_index);
    }
    out.pod(static_cast<std::uint32_t>(data.settlements.size()));
    for (const auto& s : data.settlements) {
        out.str(s.name);
        out.pod(s.location);
        out.pod(s.district_index);
        out.pod(s.population);
    }
    out.pod(static_cast<std::uint32_t>(data.names.size()));
    for (const auto& n : data.names) {
        out.pod(static_cast<std::uint8_t>(n.kind));
        out.pod(static_cast<std::uint8_t>(n.source));
        out.pod(n.flags);
        out.pod(n.place);
        out.str(n.spelling);
    }
    out.pods(data.stop_key_hashes);
    out.pods(data.foreign_key_hashes);
    out.pods(data.english_name_hashes);
    out.str(data.report.boundary_set);
    out.strings(data.report.repairs);
    out.strings(data.report.ambiguous_names);
    out.strings(data.report.warnings);
    try {
        std::filesystem::create_directories(file.parent_path());
        write_file_atomically(file, out.bytes());
    } catch (const std::exception& e) {
        warnings.push_back(std::string("gazetteer cache not written: ") + e.what());
    }
}

} // namespace naqsha::gazetteer
