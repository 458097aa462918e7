#include "store/merge.hpp"

#include "base/integer_map.hpp"
#include "base/sha256.hpp"
#include "store/calendar.hpp"
#include "store/claim_rules.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>

namespace naqsha::store {
namespace {

using extract::event_type;

// A mention of a cluster, by its key, which names its article (mention_key::article), for the time its
// event is built.
struct member {
    const mention_key* key = nullptr;
};

constexpr std::uint32_t no_member = UINT32_MAX;

// A cluster's members are a list through the mentions in stored order (`membership`), not a vector of
// their own: a vector's header and its smallest allocation cost more than most clusters' one member.
// Its articles and wire keys are its members': a cluster that takes mentions took only mergeable ones
// (the others are alone, and never a candidate), so they need no lists of their own.
struct cluster {
    std::uint32_t first = no_member, last = no_member; // in stored order
    name_table::id district = 0, province = 0;
    day_number max_start = 0, min_end = 0;
    std::uint32_t types = 0;              // bit per event_type
    extract::actor_side perpetrator = extract::actor_side::unstated, target = extract::actor_side::unstated;
    extract::control_side control = extract::control_side::none;

    bool has_type(event_type t) const { return (types >> static_cast<unsigned>(t)) & 1u; }
    bool empty() const { return first == no_member; }
};

// Every mention in stored order, by its number in the catalog's list of keys, and which follows which in
// its cluster: 8 bytes a mention.
class membership {
public:
    membership(const catalog& store, std::vector<std::uint32_t> in_stored_order)
        : store_(store), mentions_(std::move(in_stored_order)), next_(mentions_.size(), no_member) {
        if (mentions_.size() >= no_member) throw std::length_error("merging: more mentions than a cluster list can number");
    }

    std::uint32_t size() const { return static_cast<std::uint32_t>(mentions_.size()); }
    const mention_key& operator[](std::uint32_t m) const { return store_.key(mentions_[m]); }

    void append(cluster& c, std::uint32_t m) {
        if (c.empty())
            c.first = m;
        else
            next_[c.last] = m;
        c.last = m;
    }
    template <typename Predicate>
    bool any_of(const cluster& c, Predicate holds) const {
        for (auto m = c.first; m != no_member; m = next_[m])
            if (holds((*this)[m])) return true;
        return false;
    }
    // The members of `c` in stored order, into `out`.
    void collect(const cluster& c, std::vector<member>& out) const {
        out.clear();
        for (auto m = c.first; m != no_member; m = next_[m]) out.push_back({&(*this)[m]});
    }

private:
    const catalog& store_;
    std::vector<std::uint32_t> mentions_;
    std::vector<std::uint32_t> next_;
};

bool known_actor(extract::actor_side a) { return a != extract::actor_side::unstated && a != extract::actor_side::unknown; }

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
    // A cluster per mention at most, reserved at once: the vector's last doubling came near the end of
    // grouping, at the run's peak, and held both copies for a moment; the part never reached is never
    // touched, so it is not resident.
    clusterer(const merge_options& options, membership& members)
        : options_(options), members_(members) {
        clusters_.reserve(members_.size());
    }

    // Mentions come in stored order.
    void add(std::uint32_t m) {
        const auto& e = members_[m];
        bool mergeable = e.start && precisely_dated(e.date_prec, *e.start, *e.end);
        std::optional<std::uint32_t> best;
        int best_score = -1;
        if (mergeable) {
            candidates_.clear();
            if (e.province != 0)
                for (day_number d = *e.start - options_.date_tolerance_days; d <= *e.end + options_.date_tolerance_days; ++d) {
                    const auto* head = day_heads_.find(day_key(e.province, d));
                    if (head == nullptr) continue;
                    for (auto entry = *head; entry != no_entry; entry = day_entries_[entry].next)
                        candidates_.push_back(day_entries_[entry].cluster);
                }
            if (e.wire_key != 0)
                if (const auto* first = by_wire_copy_.find(e.wire_key)) candidates_.push_back(*first);
            std::sort(candidates_.begin(), candidates_.end());
            candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
            for (auto index : candidates_) { // ascending: ties go to the earlier event
                int score = compatibility(clusters_[index], members_[m]);
                if (score > best_score) {
                    best_score = score;
                    best = index;
                }
            }
        }
        std::uint32_t index = best ? *best : static_cast<std::uint32_t>(clusters_.size());
        if (!best) clusters_.emplace_back();
        join(index, m, mergeable);
    }

    std::vector<cluster> take_clusters() { return std::move(clusters_); }

private:
    // -1 when the mention cannot be part of the cluster, else a preference score.
    int compatibility(const cluster& c, const mention_key& e) const {
        // one article's events are distinct by construction
        if (members_.any_of(c, [&](const mention_key& in) { return in.article == e.article; })) return -1;
        bool wire_copy =
            e.wire_key != 0 && members_.any_of(c, [&](const mention_key& in) { return in.wire_key == e.wire_key; });
        if (!wire_copy) {
            if (e.province == 0 || c.province == 0) return -1;
            if (e.province != c.province) return -1;
            if (e.district != 0 && c.district != 0 && e.district != c.district) return -1;
        }
        if (*e.start > c.min_end + options_.date_tolerance_days || *e.end < c.max_start - options_.date_tolerance_days)
            return -1;
        for (unsigned t = 0; t < 32; ++t)
            if (((c.types >> t) & 1u) && !types_compatible(static_cast<event_type>(t), e.type)) return -1;
        if (e.control != extract::control_side::none && c.control != extract::control_side::none && e.control != c.control) return -1;
        if (known_actor(e.perpetrator) && known_actor(c.perpetrator) && e.perpetrator != c.perpetrator) return -1;
        if (known_actor(e.target) && known_actor(c.target) && e.target != c.target) return -1;

        int score = 0;
        if (wire_copy) score += 8;
        if (c.has_type(e.type)) score += 4;
        if (e.district != 0 && e.district == c.district) score += 2;
        if (*e.start <= c.min_end && *e.end >= c.max_start) score += 1;
        return score;
    }

    static std::uint64_t day_key(std::uint32_t province, day_number day) {
        return (static_cast<std::uint64_t>(province) << 32) | static_cast<std::uint32_t>(day);
    }

    void join(std::uint32_t index, std::uint32_t m, bool mergeable) {
        auto& c = clusters_[index];
        const auto& e = members_[m];
        if (c.empty()) {
            c.max_start = e.start.value_or(0);
            c.min_end = e.end.value_or(0);
        } else if (e.start) {
            c.max_start = std::max(c.max_start, *e.start);
            c.min_end = std::min(c.min_end, *e.end);
        }
        if (c.district == 0) c.district = e.district;
        if (c.province == 0) c.province = e.province;
        c.types |= 1u << static_cast<unsigned>(e.type);
        if (!known_actor(c.perpetrator) && known_actor(e.perpetrator)) c.perpetrator = e.perpetrator;
        if (!known_actor(c.target) && known_actor(e.target)) c.target = e.target;
        if (c.control == extract::control_side::none) c.control = e.control;
        if (mergeable) {
            if (e.province != 0)
                for (day_number d = *e.start; d <= *e.end; ++d) {
                    auto& head = day_heads_.try_emplace(day_key(e.province, d), no_entry);
                    if (head == no_entry || day_entries_[head].cluster != index) {
                        day_entries_.push_back({index, head});
                        head = static_cast<std::uint32_t>(day_entries_.size() - 1);
                    }
                }
            if (e.wire_key != 0) by_wire_copy_.try_emplace(e.wire_key, index);
        }
        members_.append(c, m);
    }

    // The clusters of a (province, day), latest first: a list through day_entries_ from its head. A
    // vector per day cost a node and an allocation of its own for each of some hundred thousand days.
    struct day_entry {
        std::uint32_t cluster = 0, next = 0;
    };
    static constexpr std::uint32_t no_entry = UINT32_MAX;

    merge_options options_;
    membership& members_;
    std::vector<cluster> clusters_;
    integer_map day_heads_; // (province, day) -> its latest entry
    std::vector<day_entry> day_entries_;
    integer_map by_wire_copy_; // a quote's wire key -> the first cluster that took it
    std::vector<std::uint32_t> candidates_;
};

// Seizures and recaptures decide control, so they name a mixed cluster; otherwise the most reported type.
event_type merged_type(const cluster& c, std::span<const member> in_cluster) {
    for (auto t : {event_type::district_seizure, event_type::government_recapture, event_type::withdrawal})
        if (c.has_type(t)) return t;
    std::map<event_type, int> counts;
    for (const auto& m : in_cluster) ++counts[m.key->type];
    event_type best = in_cluster.front().key->type;
    for (const auto& m : in_cluster)
        if (counts[m.key->type] > counts[best]) best = m.key->type;
    return best;
}

// A cluster's member and its article's record, read back whole from the catalog's spools, for the time
// its event is built.
struct source_mention {
    const member& in_cluster;
    extract::event event;
    article_record article;
};

const std::optional<extract::count_range>& field_of(const extract::event& e, extract::casualty_field field) {
    switch (field) {
    case extract::casualty_field::killed: return e.killed;
    case extract::casualty_field::wounded: return e.wounded;
    case extract::casualty_field::missing: return e.missing;
    case extract::casualty_field::captured: break;
    }
    return e.captured;
}

// Low and high span every source; the best estimate is the one from the source that carries the most
// weight for this figure (its strongest claim), then the latest published, then the larger figure.
std::optional<extract::count_range> merged_count(const std::vector<source_mention>& members, extract::casualty_field field) {
    std::optional<extract::count_range> out;
    int best_rank = -1;
    std::optional<day_number> best_published;
    for (const auto& m : members) {
        const auto& range = field_of(m.event, field);
        if (!range) continue;
        int rank = -1;
        for (const auto& claim : m.event.claims)
            if (claim.field == field)
                rank = std::max(rank, casualty_source_rank(claim.source_kind));
        if (rank < 0) rank = casualty_source_rank(extract::attribution_kind::unstated);
        const auto& published = m.article.published;
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

// `in_cluster`: the cluster's members in stored order.
merged_event build_event(const cluster& c, std::span<const member> in_cluster, const catalog& store) {
    std::vector<source_mention> members;
    members.reserve(in_cluster.size());
    for (const auto& m : in_cluster) members.push_back({m, store.mention(*m.key), store.record(*m.key)});

    merged_event out;
    const auto& first = members.front().event;
    out.id = event_id_for(first.id);
    out.type = merged_type(c, in_cluster);
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
        if (out.control == extract::control_side::none) out.control = m.event.control;

    out.background = std::all_of(members.begin(), members.end(), [](const source_mention& m) { return m.event.background; });

    // Dates: what every source agrees on when they overlap, else the span of them all.
    if (in_cluster.front().key->start) {
        day_number start = c.max_start, end = c.min_end;
        if (start > end) {
            start = *in_cluster.front().key->start;
            end = *in_cluster.front().key->end;
            for (const auto& m : in_cluster) {
                start = std::min(start, *m.key->start);
                end = std::max(end, *m.key->end);
            }
        }
        out.date = start;
        out.date_end = end;
        out.date_prec = start == end ? extract::date_precision::day : extract::date_precision::range;
        if (in_cluster.size() == 1) out.date_prec = first.date_prec;
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

        auto take = [](extract::actor_side& into, extract::actor_side from) {
            if (!known_actor(into) && known_actor(from)) into = from;
        };
        take(out.who.perpetrator, e.who.perpetrator);
        take(out.who.target, e.who.target);
        if (out.who.perpetrator_detail.empty()) out.who.perpetrator_detail = e.who.perpetrator_detail;
        if (out.who.target_detail.empty()) out.who.target_detail = e.who.target_detail;
        if (&m == &members.front() || report_source_rank(e.reported_by_kind) > report_source_rank(out.reported_by_kind)) {
            out.reported_by = e.reported_by;
            out.reported_by_kind = e.reported_by_kind;
        }
        for (const auto& claim : e.claims)
            if (std::none_of(out.claims.begin(), out.claims.end(), [&](const auto& kept) { return same_claim(kept, claim); }))
                out.claims.push_back(claim);
        out.confidence = std::max(out.confidence, e.confidence);
        const auto& article = m.article;
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
    if (out.who.perpetrator == extract::actor_side::unstated) out.who.perpetrator = first.who.perpetrator;
    if (out.who.target == extract::actor_side::unstated) out.who.target = first.who.target;
    out.killed = merged_count(members, extract::casualty_field::killed);
    out.wounded = merged_count(members, extract::casualty_field::wounded);
    out.missing = merged_count(members, extract::casualty_field::missing);
    out.captured = merged_count(members, extract::casualty_field::captured);
    return out;
}

} // namespace

std::string event_id_for(std::string_view mention_id) { return "ev-" + sha256_hex(mention_id).substr(0, 16); }

merge_result merge_mentions(const catalog& store, const merge_options& options) {
    std::vector<std::uint32_t> mentions;
    mentions.reserve(store.mention_count());
    std::uint32_t rows = 0;
    for (const auto& entry : store.articles())
        for (const auto m : store.mention_numbers(entry.article)) {
            mentions.push_back(m);
            rows = std::max(rows, store.key(m).row + 1);
        }
    // Stored order; mentions of one seq (a store edited by hand may repeat one) stay in the order the
    // catalog lists them: by article id, then as the article holds them. The stable sort's buffer (half
    // the mentions, 2 bytes a mention) is freed before the clusters are made, the peak of merging.
    std::stable_sort(mentions.begin(), mentions.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return store.key(a).seq < store.key(b).seq; });

    membership lists(store, std::move(mentions));
    std::vector<cluster> clusters;
    {
        clusterer grouping(options, lists);
        for (std::uint32_t m = 0; m < lists.size(); ++m) grouping.add(m);
        clusters = grouping.take_clusters();
    }
    // The grouping's indices are gone. The clusters' slack (a cluster reserved for every mention) is
    // left: it was never touched, so it is not resident, and shrinking made a copy of every cluster at
    // the run's peak. Each event goes to disk as it is built.
    merge_result result;
    result.event_of_row.assign(rows, merge_result::no_event);
    result.events.reserve(clusters.size());
    std::vector<member> in_cluster;
    for (std::uint32_t i = 0; i < clusters.size(); ++i) {
        lists.collect(clusters[i], in_cluster);
        result.events.add(build_event(clusters[i], in_cluster, store));
        for (const auto& m : in_cluster) result.event_of_row[m.key->row] = i;
    }
    clusters = {};
    const auto place = result.events.put_in_map_order();
    for (auto& event : result.event_of_row)
        if (event != merge_result::no_event) event = place[event];
    return result;
}

} // namespace naqsha::store
