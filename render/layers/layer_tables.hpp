#pragma once
// The features of every layer, built from the store's map state and the reference geometry, before
// any file format is involved. Polygons point into the reference areas rather than being copied, so
// a district repeated in many intervals or slices costs one pointer.
#include "base/calendar.hpp"
#include "geo/types.hpp"
#include "render/layers/layer_catalog.hpp"
#include "render/layers/layers.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace naqsha::layers {

// One attribute value; std::monostate is NULL. A date is a calendar day, which each format writes its
// own way.
using field_value = std::variant<std::monostate, std::string, std::int64_t, double, bool, std::chrono::year_month_day>;

struct feature {
    geo::point point;                            // for point layers
    const geo::multipolygon* area = nullptr;     // for polygon layers
    std::vector<field_value> values;             // one per field of the layer definition
};

// A layer's features, in a stable order (see layer_tables.cpp): either kept, or made one at a time when a
// writer asks for one. The incident and control layers are made on demand from the map state: kept, they
// would copy every merged event's sources and quote beside the event (57 MB for 50,000 articles), and a
// layer is written twice (GeoPackage and GeoJSON), so each feature is made twice instead, which costs
// little beside formatting it. A maker only reads, so both writers may call it at once.
class feature_list {
public:
    using maker = std::function<feature(std::size_t)>;

    class iterator {
    public:
        using value_type = feature;
        using difference_type = std::ptrdiff_t;
        iterator(const feature_list& list, std::size_t at) : list_(&list), at_(at) {}
        feature operator*() const { return (*list_)[at_]; }
        iterator& operator++() {
            ++at_;
            return *this;
        }
        bool operator==(const iterator& other) const { return at_ == other.at_; }

    private:
        const feature_list* list_;
        std::size_t at_;
    };

    feature_list() = default;
    feature_list(std::size_t count, maker make) : count_(count), make_(std::move(make)) {}

    void push_back(feature f) {
        if (make_) throw std::logic_error("a feature added to a layer whose features are made on demand");
        kept_.push_back(std::move(f));
        count_ = kept_.size();
    }
    std::size_t size() const { return count_; }
    bool empty() const { return count_ == 0; }
    feature operator[](std::size_t i) const { return make_ ? make_(i) : kept_[i]; }
    feature front() const { return (*this)[0]; }
    iterator begin() const { return {*this, 0}; }
    iterator end() const { return {*this, count_}; }

private:
    std::size_t count_ = 0;
    std::vector<feature> kept_;
    maker make_;
};

struct layer_table {
    const layer_definition* definition = nullptr;
    feature_list features;
};

struct layer_set {
    std::vector<layer_table> tables;             // in layer_catalog() order
    // The time frame every output shares: the run's slices, from the first (which starts with the first
    // event reported as news) to the map date; without slices, the extent of the dated features.
    std::optional<day_number> first_day, last_day; // nullopt when nothing is dated
    std::string slice_unit;                      // day | week | month | quarter, "" without slices
    geo::box extent;                             // of the reference areas (the country)
    std::size_t incident_points = 0, incidents_province = 0, events_not_drawn = 0;
    std::vector<std::string> warnings;

    const layer_table& table(std::string_view name) const;
};

// Appends values in field order and checks each against the layer definition, so a reordered field
// list fails loudly instead of shifting every column.
class row_builder {
public:
    explicit row_builder(const layer_definition& def) : fields_(def.fields) { values_.reserve(fields_.size()); }

    row_builder& add(std::string_view name, field_value value) {
        if (values_.size() >= fields_.size() || fields_[values_.size()].name != name)
            throw std::logic_error("layer field out of order: " + std::string(name));
        values_.push_back(std::move(value));
        return *this;
    }
    row_builder& text(std::string_view name, std::string_view value) {
        return add(name, value.empty() ? field_value{} : field_value{std::string(value)});
    }
    row_builder& date(std::string_view name, std::optional<day_number> day) {
        if (!day) return add(name, {});
        return add(name, std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{*day}}});
    }
    row_builder& count(std::string_view name, std::optional<int> value) {
        return add(name, value ? field_value{std::int64_t{*value}} : field_value{});
    }
    row_builder& positive(std::string_view name, double value) {
        return add(name, value > 0 ? field_value{value} : field_value{});
    }
    std::vector<field_value> done() {
        if (values_.size() != fields_.size()) throw std::logic_error("layer row incomplete");
        return std::move(values_);
    }

private:
    std::span<const field_def> fields_;
    std::vector<field_value> values_;
};

// The set makes features from `state` and the areas' geometry when asked: both must outlive it.
layer_set build_layer_tables(const store::map_state& state, const reference_areas& areas);
layer_set build_layer_tables(store::map_state&& state, const reference_areas& areas) = delete;

} // namespace naqsha::layers
