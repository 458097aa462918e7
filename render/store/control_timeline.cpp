#include "render/store/control_timeline.hpp"

#include "geo/error.hpp"
#include "render/store/calendar.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace naqsha::store {
namespace {

using extract::event_type;

// A change of who holds the district, lasting until the next one.
struct holding {
    day_number day = 0;
    int order = 0;            // same day: baseline rows (by specificity) before events
    asserted_status status;
    std::string basis, source, event_id;
};

// A stretch during which events make the district contested, or a lone Taliban claim makes it unconfirmed.
struct window {
    day_number start = 0, end = 0;
    control_status status = control_status::contested;
    std::string event_id;
};

struct district_inputs {
    std::vector<holding> holdings;
    std::vector<window> windows;
    std::vector<const override_row*> overrides;
};

// What a district looked like on one day; consecutive equal days make one interval.
struct day_state {
    std::optional<control_status> status;
    std::string basis, source;
    std::vector<std::string> event_ids;
};

bool taliban_claim_alone(const merged_event& e) { return e.reported_by_kind == "taliban"; }

void add_event(std::map<std::string, district_inputs>& inputs, const merged_event& e, day_number start,
               day_number end, const control_options& options, day_number as_of) {
    auto& in = inputs[e.district->pcode];
    bool to_government = e.type == event_type::government_recapture ||
                         (e.type == event_type::district_seizure && e.control == "government");
    if (to_government) {
        in.holdings.push_back({start, 10, control_status::government, "event", "", e.id});
    } else if (e.type == event_type::district_seizure) {
        if (taliban_claim_alone(e))
            in.windows.push_back({start, std::min(as_of, end + options.contested_days - 1), control_status::unconfirmed, e.id});
        else
            in.holdings.push_back({start, 10, control_status::taliban, "event", "", e.id});
    } else if (e.type == event_type::armed_clash || e.type == event_type::withdrawal) {
        in.windows.push_back({start, std::min(as_of, end + options.contested_days - 1), control_status::contested, e.id});
    }
}

void append_unique(std::vector<std::string>& into, const std::string& id) {
    if (!id.empty() && std::find(into.begin(), into.end(), id) == into.end()) into.push_back(id);
}

void timeline_of(const std::string& pcode, district_inputs& in, day_number as_of, std::vector<control_interval>& out) {
    std::stable_sort(in.holdings.begin(), in.holdings.end(),
                     [](const holding& a, const holding& b) { return std::tie(a.day, a.order) < std::tie(b.day, b.order); });
    std::stable_sort(in.windows.begin(), in.windows.end(), [](const window& a, const window& b) { return a.start < b.start; });

    day_number first = as_of + 1;
    if (!in.holdings.empty()) first = std::min(first, in.holdings.front().day);
    if (!in.windows.empty()) first = std::min(first, in.windows.front().start);
    for (const auto* o : in.overrides) first = std::min(first, *parse_iso_day(o->start_date));

    const holding* held = nullptr;
    day_number voided_through = first - 1; // windows starting on or before a change of holder are over
    std::size_t next_holding = 0, next_window = 0;
    std::vector<const window*> active;
    std::optional<control_interval> open;
    day_number open_last = 0;

    auto close = [&](bool reaches_map_date) {
        if (!open) return;
        open->end_date = reaches_map_date ? std::string() : format_iso_day(open_last);
        out.push_back(std::move(*open));
        open.reset();
    };

    for (day_number day = first; day <= as_of; ++day) {
        while (next_holding < in.holdings.size() && in.holdings[next_holding].day == day) {
            held = &in.holdings[next_holding++];
            voided_through = day;
        }
        while (next_window < in.windows.size() && in.windows[next_window].start == day) active.push_back(&in.windows[next_window++]);
        std::erase_if(active, [&](const window* w) { return w->end < day || w->start <= voided_through; });

        day_state state;
        if (held) {
            state.status = held->status;
            state.basis = held->basis;
            state.source = held->source;
            append_unique(state.event_ids, held->event_id);
        }
        if (!(held && held->status == control_status::taliban)) {
            for (auto status : {control_status::contested, control_status::unconfirmed}) {
                bool any = std::any_of(active.begin(), active.end(), [&](const window* w) { return w->status == status; });
                if (!any) continue;
                state = day_state{status, "event", "", {}};
                for (const auto* w : active)
                    if (w->status == status) append_unique(state.event_ids, w->event_id);
                break;
            }
        }
        for (const auto* o : in.overrides) { // in file order: the last row covering the day wins
            auto start = *parse_iso_day(o->start_date);
            auto end = o->end_date.empty() ? as_of : *parse_iso_day(o->end_date);
            if (day >= start && day <= end) state = day_state{o->status, "override", o->source, {}};
        }

        bool continues = open && state.status && open->status == *state.status && open->basis == state.basis &&
                         open->source == state.source;
        if (continues) {
            for (const auto& id : state.event_ids) append_unique(open->event_ids, id);
            open_last = day;
            continue;
        }
        close(false);
        if (state.status) {
            open = control_interval{pcode, *state.status, format_iso_day(day), {}, std::move(state.event_ids),
                                    state.basis, state.source};
            open_last = day;
        }
    }
    close(true);
}

} // namespace

bool informs_control(const merged_event& e, std::string_view as_of) {
    if (!e.district || e.district->pcode.empty()) return false;
    auto start = parse_iso_day(e.date);
    auto end = e.date_end.empty() ? start : parse_iso_day(e.date_end);
    auto limit = parse_iso_day(as_of);
    if (!start || !end || !limit || *start > *limit) return false;
    return precisely_dated(e.date_prec, *start, *end);
}

std::vector<control_interval> build_control_timeline(std::span<const merged_event> events,
                                                     std::span<const district_info> districts,
                                                     std::span<const baseline_row> baseline,
                                                     std::span<const override_row> overrides,
                                                     const control_options& options) {
    auto as_of = parse_iso_day(options.as_of);
    if (!as_of) throw usage_error("map date '" + options.as_of + "' is not a date YYYY-MM-DD");

    std::map<std::string, district_inputs> inputs;
    for (const auto& row : baseline) {
        auto day = *parse_iso_day(row.date);
        if (day > *as_of) continue;
        int specificity = row.pcode == "*" ? 0 : row.pcode.size() <= 4 ? 1 : 2;
        for (auto index : districts_covered(row.pcode, districts))
            inputs[districts[index].pcode].holdings.push_back({day, specificity, row.status, "baseline", row.source, ""});
    }
    for (const auto& e : events) {
        if (!informs_control(e, options.as_of)) continue;
        auto start = *parse_iso_day(e.date);
        auto end = e.date_end.empty() ? start : *parse_iso_day(e.date_end);
        add_event(inputs, e, start, end, options, *as_of);
    }
    for (const auto& row : overrides) {
        if (*parse_iso_day(row.start_date) > *as_of) continue;
        for (auto index : districts_covered(row.pcode, districts)) inputs[districts[index].pcode].overrides.push_back(&row);
    }

    std::vector<control_interval> out;
    for (auto& [pcode, in] : inputs) timeline_of(pcode, in, *as_of, out);
    return out;
}

} // namespace naqsha::store
