#include "store/merge.hpp"

#include "base/sha256.hpp"
#include "store/calendar.hpp"
#include "store/claim_rules.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

namespace naqsha::store {
namespace {

using extract::event_type;

struct member {
    const mention_key* key = nullptr;
    const article_record* article = nullptr;
};

// Its articles and wire keys are its members': a cluster that takes mentions took only mergeable ones
// (the others are alone, and never a candidate), so they need no lists of their own.
struct cluster {
    std::vector<member> members;          // in stored order
    name_table::id district = 0, province = 0;
    day_number max_start = 0, min_end = 0;
    std::uint32_t types = 0;              // bit per event_type
    name_table::id perpetrator = 0, target = 0, control = 0;

    bool has_type(event_type t) const { return (types >> static_cast<unsigned>(t)) & 1u; }
    bool has_article(const article_record* a) const {
        return std::any_of(members.begin(), members.end(), [&](const member& m) { return m.article == a; });
    }
    bool has_wire_copy(std::uint64_t wire_key) const {
        return wire_key != 0 &&
               std::any_of(members.begin(), members.end(), [&](const member& m) { return m.key->wire_key == wire_key; });
    }
};

bool known_actor(const std::string& a) { return !a.empty() && a != "unknown"; }

bool fighting(event_type t) {
    return t == event_type::armed_clash || t == event_type::district_seizure || t == event_type::withdrawal ||
           t == event_type::government_recapture;
}

// Reports of one fight name it differently: a clash may be the seizure or recapture another source
// reports, and abandoned posts go with a seizure; a seizure and a recapture are never one event.
bool types_compatible(event_type a, event_type b) {
    if (a == b) return true;
    if (!fighting(a) || !fighting(b)) return false;
    if (a == event_type::armed_clash || b == event_type::armed_clash) return true;
    auto seizure_side = [](event_type t) { return t == event_type::district_seizure || t == event_type::withdrawal; };
    return seizure_side(a) && seizure_side(b);
}

class clusterer {
public:
    clusterer(const merge_options& options, const name_table& names) : options_(options), names_(names) {}

    void add(member m) {
        const auto& e = *m.key;
        bool mergeable = e.start && precisely_dated(e.date_prec, *e.start, *e.end);
        std::optional<std::size_t> best;
        int best_score = -1;
        if (mergeable) {
            candidates_.clear();
            if (e.province != 0)
                for (day_number d = *e.start - options_.date_tolerance_days; d <= *e.end + options_.date_tolerance_days; ++d) {
                    auto it = by_day_.find(day_key(e.province, d));
                    if (it != by_day_.end()) candidates_.insert(candidates_.end(), it->second.begin(), it->second.end());
                }
            if (e.wire_key != 0)
                if (auto it = by_wire_copy_.find(e.wire_key); it != by_wire_copy_.end()) candidates_.push_back(it->second);
            std::sort(candidates_.begin(), candidates_.end());
            candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
            for (auto index : candidates_) { // ascending: ties go to the earlier event
                int score = compatibility(clusters_[index], m);
                if (score > best_score) {
                    best_score = score;
                    best = index;
                }
            }
        }
        std::size_t index = best ? *best : clusters_.size();
        if (!best) clusters_.emplace_back();
        join(index, std::move(m), mergeable);
    }

    std::vector<cluster> take_clusters() { return std::move(clusters_); }

private:
    // -1 when the mention cannot be part of the cluster, else a preference score.
    int compatibility(const cluster& c, const member& m) const {
        const auto& e = *m.key;
        if (c.has_article(m.article)) return -1; // one article's events are distinct by construction
        bool wire_copy = c.has_wire_copy(e.wire_key);
        if (!wire_copy) {
            if (e.province == 0 || c.province == 0) return -1;
            if (e.province != c.province) return -1;
            if (e.district != 0 && c.district != 0 && e.district != c.district) return -1;
        }
        if (*e.start > c.min_end + options_.date_tolerance_days || *e.end < c.max_start - options_.date_tolerance_days)
            return -1;
        for (unsigned t = 0; t < 32; ++t)
            if (((c.types >> t) & 1u) && !types_compatible(static_cast<event_type>(t), e.type)) return -1;
        if (e.control != 0 && c.control != 0 && e.control != c.control) return -1;
        if (known(e.perpetrator) && known(c.perpetrator) && e.perpetrator != c.perpetrator) return -1;
        if (known(e.target) && known(c.target) && e.target != c.target) return -1;

        int score = 0;
        if (wire_copy) score += 8;
        if (c.has_type(e.type)) score += 4;
        if (e.district != 0 && e.district == c.district) score += 2;
        if (*e.start <= c.min_end && *e.end >= c.max_start) score += 1;
        return score;
    }

    bool known(name_table::id actor) const { return known_actor(names_.name(actor)); }

    static std::uint64_t day_key(std::uint32_t province, day_number day) {
        return (static_cast<std::uint64_t>(province) << 32) | static_cast<std::uint32_t>(day);
    }

    void join(std::size_t index, member m, bool mergeable) {
        auto& c = clusters_[index];
        const auto& e = *m.key;
        if (c.members.empty()) {
            c.max_start = e.start.value_or(0);
            c.min_end = e.end.value_or(0);
        } else if (e.start) {
            c.max_start = std::max(c.max_start, *e.start);
            c.min_end = std::min(c.min_end, *e.end);
        }
        if (c.district == 0) c.district = e.district;
        if (c.province == 0) c.province = e.province;
        c.types |= 1u << static_cast<unsigned>(e.type);
        if (!known(c.perpetrator) && known(e.perpetrator)) c.perpetrator = e.perpetrator;
        if (!known(c.target) && known(e.target)) c.target = e.target;
        if (c.control == 0) c.control = e.control;
        if (mergeable) {
            if (e.province != 0)
                for (day_number d = *e.start; d <= *e.end; ++d) {
                    auto& list = by_day_[day_key(e.province, d)];
                    if (list.empty() || list.back() != index) list.push_back(index);
                }
            if (e.wire_key != 0) by_wire_copy_.try_emplace(e.wire_key, index);
        }
        c.members.push_back(m);
    }

    merge_options options_;
    const name_table& names_;
    std::vector<cluster> clusters_;
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_day_; // (province, day) -> events
    std::unordered_map<std::uint64_t, std::size_t> by_wire_copy_;
    std::vector<std::size_t> candidates_;
};

// Seizures and recaptures decide control, so they name a mixed cluster; otherwise the most reported type.
event_type merged_type(const cluster& c) {
    for (auto t : {event_type::district_seizure, event_type::government_recapture, event_type::withdrawal})
        if (c.has_type(t)) return t;
    std::map<event_type, int> counts;
    for (const auto& m : c.members) ++counts[m.key->type];
    event_type best = c.members.front().key->type;
    for (const auto& m : c.members)
        if (counts[m.key->type] > counts[best]) best = m.key->type;
    return best;
}

// A cluster's member read back whole from the catalog's spool, for the time its event is built.
struct source_mention {
    const member& in_cluster;
    extract::event event;
};

const std::optional<extract::count_range>& field_of(const extract::event& e, std::string_view field) {
    if (field == "killed") return e.killed;
    if (field == "wounded") return e.wounded;
    if (field == "missing") return e.missing;
    return e.captured;
}

// Low and high span every source; the best estimate is the one from the source that carries the most
// weight for this figure (its strongest claim), then the latest published, then the larger figure.
std::optional<extract::count_range> merged_count(const std::vector<source_mention>& members, std::string_view field) {
    std::optional<extract::count_range> out;
    int best_rank = -1;
    std::string best_published;
    for (const auto& m : members) {
        const auto& range = field_of(m.event, field);
        if (!range) continue;
        int rank = -1;
        for (const auto& claim : m.event.claims)
            if (claim.field == field)
                rank = std::max(rank, casualty_source_rank(extract::attribution_kind_from_string(claim.source_kind)));
        if (rank < 0) rank = casualty_source_rank(extract::attribution_kind::unstated);
        const auto& published = m.in_cluster.article->published;
        if (!out) {
            out = *range;
        } else {
            out->low = std::min(out->low, range->low);
            out->high = std::max(out->high, range->high);
        }
        bool better = rank > best_rank || (rank == best_rank && published > best_published) ||
                      (rank == best_rank && published == best_published && range->best > out->best);
        if (better) {
            best_rank = rank;
            best_published = published;
            out->best = range->best;
        }
    }
    if (out) {
        out->low = std::min(out->low, out->best);
        out->high = std::max(out->high, out->best);
    }
    return out;
}

bool same_claim(const extract::claim& a, const extract::claim& b) {
    return a.field == b.field && a.value == b.value && a.source == b.source && a.source_kind == b.source_kind &&
           a.subject == b.subject;
}

merged_event build_event(const cluster& c, const catalog& store) {
    std::vector<source_mention> members;
    members.reserve(c.members.size());
    for (const auto& m : c.members) members.push_back({m, store.mention(*m.key)});

    merged_event out;
    const auto& first = members.front().event;
    out.id = event_id_for(first.id);
    out.type = merged_type(c);
    const extract::event* lead = &first; // the first mention of the chosen type speaks for the event
    for (const auto& m : members)
        if (m.event.type == out.type) {
            lead = &m.event;
            break;
        }
    out.sub_type = lead->sub_type;
    out.quote = lead->quote;
    out.control = lead->control;
    for (const auto& m : members)
        if (out.control.empty()) out.control = m.event.control;

    out.background = std::all_of(members.begin(), members.end(), [](const source_mention& m) { return m.event.background; });

    // Dates: what every source agrees on when they overlap, else the span of them all.
    if (c.members.front().key->start) {
        day_number start = c.max_start, end = c.min_end;
        if (start > end) {
            start = *c.members.front().key->start;
            end = *c.members.front().key->end;
            for (const auto& m : c.members) {
                start = std::min(start, *m.key->start);
                end = std::max(end, *m.key->end);
            }
        }
        out.date = format_iso_day(start);
        out.date_end = format_iso_day(end);
        out.date_prec = start == end ? extract::date_precision::day : extract::date_precision::range;
        if (c.members.size() == 1) out.date_prec = first.date_prec;
    } else {
        out.date = first.date;
        out.date_end = first.date_end;
        out.date_prec = first.date_prec;
    }

    out.geo_prec = first.geo_prec;
    for (const auto& m : members) {
        const auto& e = m.event;
        if (!out.district && e.district && !e.district->pcode.empty()) out.district = e.district;
        if (!out.province && e.province && !e.province->pcode.empty()) out.province = e.province;
        if (e.geo_prec < out.geo_prec) out.geo_prec = e.geo_prec;

        auto take = [](std::string& into, const std::string& from) {
            if (!known_actor(into) && known_actor(from)) into = from;
        };
        take(out.who.perpetrator, e.who.perpetrator);
        take(out.who.target, e.who.target);
        if (out.who.perpetrator_detail.empty()) out.who.perpetrator_detail = e.who.perpetrator_detail;
        if (out.who.target_detail.empty()) out.who.target_detail = e.who.target_detail;
        if (&m == &members.front() || report_source_rank(extract::attribution_kind_from_string(e.reported_by_kind)) >
                                          report_source_rank(extract::attribution_kind_from_string(out.reported_by_kind))) {
            out.reported_by = e.reported_by;
            out.reported_by_kind = e.reported_by_kind;
        }
        for (const auto& claim : e.claims)
            if (std::none_of(out.claims.begin(), out.claims.end(), [&](const auto& kept) { return same_claim(kept, claim); }))
                out.claims.push_back(claim);
        out.confidence = std::max(out.confidence, e.confidence);
        const auto& article = *m.in_cluster.article;
        out.sources.push_back({article.id, e.id, article.source, article.url, article.published, e.quote});
    }
    // The point of the most precise report, and only when it is as precise as the event: a province's
    // centre must not stand for a district event.
    for (const auto& m : members) {
        const auto& e = m.event;
        if (e.lon && e.lat && e.geo_prec == out.geo_prec) {
            out.lon = e.lon;
            out.lat = e.lat;
            break;
        }
    }
    if (out.who.perpetrator.empty()) out.who.perpetrator = first.who.perpetrator;
    if (out.who.target.empty()) out.who.target = first.who.target;
    out.killed = merged_count(members, "killed");
    out.wounded = merged_count(members, "wounded");
    out.missing = merged_count(members, "missing");
    out.captured = merged_count(members, "captured");
    return out;
}

} // namespace

std::string event_id_for(std::string_view mention_id) { return "ev-" + sha256_hex(mention_id).substr(0, 16); }

merge_result merge_mentions(const catalog& store, const merge_options& options) {
    std::vector<member> members;
    members.reserve(store.mention_count());
    std::uint32_t rows = 0;
    for (const auto& [id, article] : store.articles())
        for (const auto& m : article.mentions) {
            members.push_back({&m, &article.record});
            rows = std::max(rows, m.row + 1);
        }
    std::stable_sort(members.begin(), members.end(), [](const member& a, const member& b) { return a.key->seq < b.key->seq; });

    std::vector<cluster> clusters;
    {
        clusterer grouping(options, store.names());
        for (auto& m : members) grouping.add(m);
        members = {};
        clusters = grouping.take_clusters();
    }
    // The grouping's indices are gone and the slack of the clusters' growth goes too (up to half the
    // vector). Each event goes to disk as it is built, and its cluster's members go with it.
    clusters.shrink_to_fit();
    merge_result result;
    result.event_of_row.assign(rows, merge_result::no_event);
    for (std::uint32_t i = 0; i < clusters.size(); ++i) {
        auto& c = clusters[i];
        result.events.add(build_event(c, store));
        for (const auto& m : c.members) result.event_of_row[m.key->row] = i;
        c.members = {};
    }
    clusters = {};
    const auto place = result.events.put_in_map_order();
    for (auto& event : result.event_of_row)
        if (event != merge_result::no_event) event = place[event];
    return result;
}

} // namespace naqsha::store
