#pragma once
// The one palette shared by the QGIS styles (QML/SLD), the raster tiles, the legend, preview.png and the
// viewer, so that every output of a run shows a status in the same colour. Presentation, not domain: the
// store knows the statuses (store/model.hpp), this says how they look. Header-only (naqsha_palette).
#include "store/model.hpp"

#include <array>
#include <cstdint>
#include <string_view>

namespace naqsha::render {

struct rgba {
    std::uint8_t r, g, b, a;
};

struct status_style {
    store::control_status status;
    std::string_view value;     // the status as stored in the `status` field
    std::string_view label;     // legend text
    rgba fill;
    std::string_view hex;       // #rrggbb of fill, for QML/SLD
};

inline constexpr std::array<status_style, 4> status_styles{{
    {store::control_status::government, "government", "Government", {69, 117, 180, 255}, "#4575b4"},
    {store::control_status::contested, "contested", "Contested", {253, 174, 97, 255}, "#fdae61"},
    {store::control_status::taliban, "taliban", "Taliban", {215, 48, 39, 255}, "#d73027"},
    {store::control_status::unconfirmed, "unconfirmed", "Unconfirmed Taliban claim", {194, 165, 207, 255}, "#c2a5cf"},
}};

inline constexpr const status_style& style_of(store::control_status s) {
    return status_styles[static_cast<std::size_t>(s)];
}

inline constexpr rgba district_border{90, 90, 90, 255};   // thin
inline constexpr rgba province_border{30, 30, 30, 255};   // stronger
inline constexpr double district_border_width_px = 0.5;
inline constexpr double province_border_width_px = 1.4;

// Incidents: graduated circles by killed (best estimate).
struct incident_class {
    int min_killed;             // inclusive lower bound of the class
    double radius_px;           // at 256 px tiles; doubled for @2x
    std::string_view label;
};

inline constexpr std::array<incident_class, 5> incident_classes{{
    {0, 3.0, "0 killed"},
    {1, 4.5, "1-4 killed"},
    {5, 6.5, "5-19 killed"},
    {20, 9.0, "20-49 killed"},
    {50, 12.0, "50+ killed"},
}};

inline constexpr rgba incident_fill{128, 0, 38, 210};
inline constexpr rgba incident_outline{255, 255, 255, 255};
inline constexpr std::string_view incident_fill_hex = "#800026";

// Province-precision incidents are drawn as a hatched province, never as a point: the point would claim
// a precision the report does not have.
inline constexpr rgba imprecise_incident_hatch{128, 0, 38, 255};

// Incidents per district and slice: a sequential choropleth on the event count (ColorBrewer YlOrRd).
struct count_class {
    int min_events;             // inclusive lower bound of the class
    rgba fill;
    std::string_view label;
};

inline constexpr std::array<count_class, 5> district_count_classes{{
    {1, {255, 255, 178, 255}, "1 event"},
    {2, {254, 204, 92, 255}, "2-3 events"},
    {4, {253, 141, 60, 255}, "4-9 events"},
    {10, {240, 59, 32, 255}, "10-24 events"},
    {25, {189, 0, 38, 255}, "25+ events"},
}};

} // namespace naqsha::render
