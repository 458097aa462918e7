#include "render/tiles/control_frame.hpp"

#include "render/palette/palette.hpp"
#include "render/tiles/legend.hpp"

#include <algorithm>

namespace naqsha::tiles {
namespace {

// The legend's size depends only on what it shows, never on the counts: one box for every frame.
legend_spec control_legend(bool incidents) {
    legend_spec spec;
    spec.incidents = incidents;
    spec.show_counts = true;
    return spec;
}

} // namespace

control_frame_renderer::control_frame_renderer(std::span<const gazetteer::district> districts, int width)
    : districts_(districts), width_(width),
      painter_(districts, width, legend_size(control_legend(false), 1.0).first) {} // the same width with incidents

control_frame control_frame_renderer::render(std::span<const store::control_interval> control, const frame_text& text,
                                             std::span<const incident_point> incidents) const {
    control_frame frame;
    district_picture picture;
    picture.width = width_;
    for (const auto& s : control_on(districts_, control, text.date)) {
        if (s) ++frame.districts[std::size_t(*s)];
        else ++frame.unknown;
        picture.fills.push_back(s ? std::optional<render::rgba>(render::style_of(*s).fill) : std::nullopt);
    }
    if (text.incidents) {
        // the largest first, so that small circles stay visible on top of them, as on the tiles
        std::vector<const incident_point*> order;
        for (const auto& i : incidents) order.push_back(&i);
        std::stable_sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->size_class > b->size_class; });
        // at the legend's scale for its circles, which is this picture's
        for (const auto* i : order)
            picture.circles.push_back({i->lon_lat, render::incident_classes[std::size_t(i->size_class)].radius_px * 0.85});
    }
    legend_spec spec = control_legend(text.incidents);
    spec.district_counts = frame.districts;
    spec.unknown_districts = frame.unknown;
    const auto [legend_w, legend_h] = legend_size(spec, 1.0);
    picture.legend = {legend_w, legend_h, [spec](painter& p, double x, double y) { draw_legend(p, x, y, spec, 1.0); }};
    picture.title = "District control in Afghanistan";
    const std::string date = text.date ? iso_date(*text.date) : std::string("date unknown");
    picture.subtitle = text.large_date || !text.date ? date : "as of " + date;
    picture.large_subtitle = text.large_date;
    picture.footer = "Boundaries: AGCHO / OCHA 2018. Map: naqsha.";
    if (!text.footer.empty()) picture.footer = text.footer + ". " + picture.footer;

    picture_layout layout;
    frame.rgba = painter_.draw(picture, layout);
    frame.width = layout.width;
    frame.height = layout.height;
    return frame;
}

} // namespace naqsha::tiles
