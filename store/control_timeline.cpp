#include "store/control_timeline.hpp"

#include "store/calendar.hpp"

#include <algorithm>
#include <cmath>
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
    control_basis basis = control_basis::event;
    std::string source;
    std::vector<const map_event*> evidence;
};

// A stretch during which events make the district contested, or a lone Taliban claim makes it unconfirmed.
struct window {
    day_number start = 0, end = 0;
    control_status status = control_status::contested;
    const map_event* evidence = nullptr;
};

struct district_inputs {
    std::vector<holding> holdings;
    std::vector<window> windows;
    std::vector<const override_row*> overrides;
};

// What a district looked like on one day; consecutive equal days make one interval.
struct day_state {
    std::optional<control_status> status;
    control_basis basis = control_basis::unstated;
    std::string source;
    std::vector<const map_event*> evidence;
};

bool taliban_claim_alone(const map_event& e) { return e.reported_by_kind == extract::attribution_kind::taliban; }

bool territorial(const map_event& e) {
    return e.type == event_type::district_seizure || e.type == event_type::government_recapture ||
           e.type == event_type::withdrawal;
}

// Who holds the district after a territorial event, when it says: a seizure or a forces' withdrawal
// that left the place to the Taliban, a recapture, or a seizure or withdrawal that left it to the
// government. A withdrawal that names no holder ("troops abandoned the base") says only that it is
// fought over.
std::optional<control_status> holder_after(const map_event& e) {
    if (e.type == event_type::withdrawal && e.sub_type == extract::event_sub_type::positions) return std::nullopt;
    using extract::control_side;
    if (e.type == event_type::government_recapture || e.control == control_side::government) return control_status::government;
    if (e.type == event_type::district_seizure) return control_status::taliban;
    if (e.type == event_type::withdrawal && e.control == control_side::taliban && e.sub_type != extract::event_sub_type::positions) return control_status::taliban;
    return std::nullopt;
}

// The first day an event tells of: its own day when precisely dated; for a change known only to lie in
// a span ("since May the Taliban have captured X"), the span's last day, by which it had happened.
std::optional<day_number> effective_day(const map_event& e) {
    if (!e.date || !e.date_end || *e.date_end < *e.date) return std::nullopt;
    if (precisely_dated(e.date_prec, *e.date, *e.date_end)) return *e.date;
    if (territorial(e) && holder_after(e)) return *e.date_end;
    return std::nullopt;
}

void add_event(std::map<std::string, district_inputs>& inputs, const map_event& e, day_number start,
               day_number end, const control_options& options, day_number as_of) {
    auto& in = inputs[std::string(e.district)];
    auto holder = holder_after(e);
    if (holder && *holder == control_status::taliban && taliban_claim_alone(e)) {
        in.windows.push_back({start, std::min(as_of, end + options.contested_days - 1), control_status::unconfirmed, &e});
    } else if (holder) {
        in.holdings.push_back({start, 10, *holder, control_basis::event, "", {&e}});
    } else if (e.type == event_type::armed_clash || e.type == event_type::withdrawal) {
        in.windows.push_back({start, std::min(as_of, end + options.contested_days - 1), control_status::contested, &e});
    }
}

// Reports on one day that give the district to both sides cannot both be right: the district is
// contested from that day until a later report settles it.
void resolve_same_day_conflicts(std::vector<holding>& holdings) {
    std::vector<holding> out;
    for (auto& h : holdings) {
        bool conflicts = !out.empty() && out.back().day == h.day && out.back().basis == control_basis::event &&
                         h.basis == control_basis::event && out.back().status != h.status;
        if (conflicts) {
            auto& last = out.back();
            last.status = control_status::contested;
            last.evidence.insert(last.evidence.end(), h.evidence.begin(), h.evidence.end());
            continue;
        }
        bool agrees = !out.empty() && out.back().day == h.day && out.back().basis == control_basis::event &&
                      h.basis == control_basis::event;
        if (agrees) {
            out.back().evidence.insert(out.back().evidence.end(), h.evidence.begin(), h.evidence.end());
            continue;
        }
        out.push_back(std::move(h));
    }
    holdings = std::move(out);
}

void append_unique(std::vector<const map_event*>& into, const map_event* e) {
    if (e && std::find(into.begin(), into.end(), e) == into.end()) into.push_back(e);
}
void append_unique(std::vector<std::string>& into, const std::string& s) {
    if (!s.empty() && std::find(into.begin(), into.end(), s) == into.end()) into.push_back(s);
}

// docs/control-model.md#confidence. The surest report, each further article halving the doubt left,
// and the doubt growing with time without news: a state unreported for a year is half as sure.
double confidence_of(const control_interval& interval, const std::vector<const map_event*>& evidence,
                     day_number last_day, bool conflicting) {
    if (interval.basis == control_basis::override) return 1.0;
    double c = interval.basis == control_basis::baseline ? 0.8 : 0.0;
    day_number latest = interval.start_day;
    for (const auto* e : evidence) {
        c = std::max(c, e->confidence);
        if (e->date_end) latest = std::max(latest, *e->date_end);
    }
    double doubt = 1.0 - c;
    for (std::size_t i = 1; i < interval.articles.size(); ++i) doubt /= 2;
    c = 1.0 - doubt;
    if (interval.status == control_status::unconfirmed) c = std::min(c, 0.4);
    if (conflicting) c = std::min(c, 0.5);
    if (interval.status == control_status::government || interval.status == control_status::taliban) {
        constexpr double days_to_halve = 365;
        double age = std::max<double>(0, last_day - latest);
        c *= std::pow(0.5, age / days_to_halve);
    }
    return std::round(std::clamp(c, 0.05, 0.99) * 100) / 100;
}

void timeline_of(const std::string& pcode, district_inputs& in, day_number as_of, const map_events& events,
                 std::vector<control_interval>& out) {
    std::stable_sort(in.holdings.begin(), in.holdings.end(),
                     [](const holding& a, const holding& b) { return std::tie(a.day, a.order) < std::tie(b.day, b.order); });
    resolve_same_day_conflicts(in.holdings);
    std::stable_sort(in.windows.begin(), in.windows.end(), [](const window& a, const window& b) { return a.start < b.start; });

    day_number first = as_of + 1;
    if (!in.holdings.empty()) first = std::min(first, in.holdings.front().day);
    if (!in.windows.empty()) first = std::min(first, in.windows.front().start);
    for (const auto* o : in.overrides) first = std::min(first, o->start_date);

    const holding* held = nullptr;
    day_number voided_through = first - 1; // windows starting on or before a change of holder are over
    std::size_t next_holding = 0, next_window = 0;
    std::vector<const window*> active;
    std::optional<control_interval> open;
    std::vector<const map_event*> open_evidence;
    bool open_conflicting = false;
    day_number open_last = 0;

    auto close = [&](bool reaches_map_date) {
        if (!open) return;
        if (!reaches_map_date) open->end_day = open_last;
        for (const auto* e : open_evidence) {
            const auto whole = events.whole(*e); // its articles and quote are in the spool
            for (const auto& s : whole.sources) append_unique(open->articles, s.article);
            append_unique(open->quotes, whole.quote);
            append_unique(open->event_ids, whole.id);
        }
        open->confidence = confidence_of(*open, open_evidence, open_last, open_conflicting);
        out.push_back(std::move(*open));
        open.reset();
        open_evidence.clear();
    };

    for (day_number day = first; day <= as_of; ++day) {
        while (next_holding < in.holdings.size() && in.holdings[next_holding].day == day) {
            held = &in.holdings[next_holding++];
            voided_through = day;
        }
        while (next_window < in.windows.size() && in.windows[next_window].start == day) active.push_back(&in.windows[next_window++]);
        std::erase_if(active, [&](const window* w) { return w->end < day || w->start <= voided_through; });

        day_state state;
        bool conflicting = false;
        if (held) {
            state.status = held->status;
            state.basis = held->basis;
            state.source = held->source;
            state.evidence = held->evidence;
            conflicting = held->basis == control_basis::event && held->status == control_status::contested;
        }
        if (!(held && held->status == control_status::taliban)) {
            for (auto status : {control_status::contested, control_status::unconfirmed}) {
                bool any = std::any_of(active.begin(), active.end(), [&](const window* w) { return w->status == status; });
                if (!any) continue;
                state = day_state{status, control_basis::event, "", {}};
                conflicting = false;
                for (const auto* w : active)
                    if (w->status == status) append_unique(state.evidence, w->evidence);
                break;
            }
        }
        for (const auto* o : in.overrides) { // in file order: the last row covering the day wins
            if (day >= o->start_date && day <= o->end_date.value_or(as_of)) state = day_state{o->status, control_basis::override, o->source, {}}, conflicting = false;
        }

        bool continues = open && state.status && open->status == *state.status && open->basis == state.basis &&
                         open->source == state.source;
        if (continues) {
            for (const auto* e : state.evidence) append_unique(open_evidence, e);
            open_last = day;
            continue;
        }
        close(false);
        if (state.status) {
            open = control_interval{pcode, *state.status, day, {}, {}, state.basis, state.source, 0, {}, {}};
            open_evidence = std::move(state.evidence);
            open_conflicting = conflicting;
            open_last = day;
        }
    }
    close(true);
}

} // namespace

bool informs_control(const map_event& e, day_number as_of) {
    if (e.district.empty()) return false;
    auto day = effective_day(e);
    return day && *day <= as_of;
}

std::vector<control_interval> build_control_timeline(const map_events& events,
                                                     std::span<const district_info> districts,
                                                     std::span<const baseline_row> baseline,
                                                     std::span<const override_row> overrides,
                                                     const control_options& options) {
    const day_number as_of = options.as_of;
    std::map<std::string, district_inputs> inputs;
    for (const auto& row : baseline) {
        if (row.date > as_of) continue;
        int specificity = row.pcode == "*" ? 0 : row.pcode.size() <= 4 ? 1 : 2;
        for (auto index : districts_covered(row.pcode, districts))
            inputs[districts[index].pcode].holdings.push_back({row.date, specificity, row.status, control_basis::baseline, row.source, {}});
    }
    for (const auto& e : events) {
        if (!informs_control(e, as_of)) continue;
        auto start = *effective_day(e);
        auto end = std::max(start, *e.date_end);
        add_event(inputs, e, start, end, options, as_of);
    }
    for (const auto& row : overrides) {
        if (row.start_date > as_of) continue;
        for (auto index : districts_covered(row.pcode, districts)) inputs[districts[index].pcode].overrides.push_back(&row);
    }

    std::vector<control_interval> out;
    for (auto& [pcode, in] : inputs) timeline_of(pcode, in, as_of, events, out);
    return out;
}

} // namespace naqsha::store
