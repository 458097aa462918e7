#include "render/tiles/topology.hpp"

#include "base/parallel.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <utility>

namespace naqsha::tiles {
namespace {

using vertex_id = std::uint32_t;

// Open addressing with linear probing for the two lookups made once per input vertex (vertex ids,
// edge ids): a node-based std::unordered_map spent most of its time allocating, and sorting every
// point costs n log n. Fixed capacity (twice the most keys it can get), no erase.
template <class Key, class Hash>
class id_table {
public:
    explicit id_table(std::size_t max_keys)
        : bits_(std::max(4, static_cast<int>(std::bit_width(std::max<std::size_t>(max_keys, 1) * 2 - 1)))),
          keys_(std::size_t{1} << bits_), ids_(std::size_t{1} << bits_, empty) {}

    // The id stored for `key`, or `fresh` stored for it and returned; `second` says which.
    std::pair<std::uint32_t, bool> find_or_insert(const Key& key, std::uint32_t fresh) {
        const std::size_t mask = ids_.size() - 1;
        for (std::size_t slot = (Hash{}(key) * 0x9E3779B97F4A7C15ull) >> (64 - bits_);; slot = (slot + 1) & mask) {
            if (ids_[slot] == empty) {
                keys_[slot] = key;
                ids_[slot] = fresh;
                return {fresh, true};
            }
            if (keys_[slot] == key) return {ids_[slot], false};
        }
    }

private:
    static constexpr std::uint32_t empty = ~std::uint32_t{0};
    int bits_;
    std::vector<Key> keys_;
    std::vector<std::uint32_t> ids_;
};

struct point_hash {
    std::uint64_t operator()(const geo::point& p) const {
        const auto hx = std::bit_cast<std::uint64_t>(p.x), hy = std::bit_cast<std::uint64_t>(p.y);
        return hx ^ (hy * 0xC2B2AE3D27D4EB4Full) ^ (hy >> 29);
    }
};

struct edge_hash {
    std::uint64_t operator()(std::uint64_t key) const { return key ^ (key >> 31); }
};

std::uint64_t edge_key(vertex_id a, vertex_id b) {
    if (a > b) std::swap(a, b);
    return (std::uint64_t(a) << 32) | b;
}

std::uint64_t directed_key(vertex_id a, vertex_id b) { return (std::uint64_t(a) << 32) | b; }

// The faces on either side of an edge, smallest first; -1 where there is none.
struct edge_faces {
    std::int32_t a = -1, b = -1;
    void add(std::int32_t f) {
        if (a == f || b == f) return;
        if (a < 0) a = f;
        else if (b < 0) b = f;
    }
    friend bool operator==(const edge_faces&, const edge_faces&) = default;
};

// Squared, so that the search for the farthest point takes no square roots.
double segment_distance_squared(geo::point p, geo::point a, geo::point b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = p.x - (a.x + t * dx), ey = p.y - (a.y + t * dy);
    return ex * ex + ey * ey;
}

// Douglas-Peucker ranks: a point's importance is the tolerance below which it is kept, capped by its
// parent's so that filtering by one threshold gives exactly the Douglas-Peucker result for it.
void rank_points(arc& a) {
    const auto& pts = a.points;
    const std::size_t n = pts.size();
    a.importance.assign(n, 0.0);
    constexpr double keep = std::numeric_limits<double>::infinity();
    a.importance.front() = keep;
    a.importance.back() = keep;
    struct span_job {
        std::size_t first, last;
        double cap;
    };
    std::vector<span_job> stack;
    if (a.closed() && n > 3) {
        // A loop: its farthest point from the start splits it into two open halves, both always kept.
        std::size_t far = 1;
        double best = -1;
        for (std::size_t i = 1; i + 1 < n; ++i) {
            const double dx = pts[i].x - pts[0].x, dy = pts[i].y - pts[0].y;
            const double d = dx * dx + dy * dy;
            if (d > best) best = d, far = i;
        }
        a.importance[far] = keep;
        stack.push_back({0, far, keep});
        stack.push_back({far, n - 1, keep});
    } else {
        stack.push_back({0, n - 1, keep});
    }
    while (!stack.empty()) {
        const span_job job = stack.back();
        stack.pop_back();
        if (job.last <= job.first + 1) continue;
        std::size_t split = job.first + 1;
        double best = -1;
        for (std::size_t i = job.first + 1; i < job.last; ++i) {
            const double d = segment_distance_squared(pts[i], pts[job.first], pts[job.last]);
            if (d > best) best = d, split = i;
        }
        const double rank = std::min(std::sqrt(best), job.cap);
        a.importance[split] = rank;
        stack.push_back({job.first, split, rank});
        stack.push_back({split, job.last, rank});
    }
}

} // namespace

void snap_to_grid(geo::multipolygon& mp, double cell) {
    auto snap = [cell](geo::ring& r) {
        for (auto& p : r) p = {std::round(p.x / cell) * cell, std::round(p.y / cell) * cell};
        r.erase(std::unique(r.begin(), r.end()), r.end());
    };
    for (auto& poly : mp) {
        snap(poly.outer);
        for (auto& h : poly.holes) snap(h);
    }
}

topology build_topology(std::span<const geo::multipolygon> faces, const plane_projection& project, unsigned threads) {
    topology topo;
    struct face_ring {
        std::int32_t face;
        std::vector<vertex_id> ids;        // open: the closing point is not repeated
        std::vector<std::uint32_t> edges;  // per position i: the edge (i, i + 1), as an index into `edges`
    };

    // Vertex ids in order of first appearance, which the closed loops below rely on.
    std::size_t input_points = 0;
    for (const auto& mp : faces)
        for (const auto& poly : mp) {
            input_points += poly.outer.size();
            for (const auto& h : poly.holes) input_points += h.size();
        }
    id_table<geo::point, point_hash> vertex_ids(input_points);
    std::vector<geo::point> coords;
    std::vector<std::int32_t> first_face; // per vertex; -2 once a second face uses it
    std::vector<face_ring> rings;
    auto add_ring = [&](std::int32_t face, const geo::ring& r) {
        face_ring fr{face, {}, {}};
        fr.ids.reserve(r.size());
        for (const auto& p : r) {
            const geo::point key{p.x + 0.0, p.y + 0.0}; // +0.0 folds -0 into 0
            const auto [id, inserted] = vertex_ids.find_or_insert(key, static_cast<vertex_id>(coords.size()));
            if (inserted) {
                coords.push_back(key);
                first_face.push_back(face);
            } else if (first_face[id] != face) {
                first_face[id] = -2;
            }
            if (fr.ids.empty() || fr.ids.back() != id) fr.ids.push_back(id);
        }
        while (fr.ids.size() > 1 && fr.ids.front() == fr.ids.back()) fr.ids.pop_back();
        if (fr.ids.size() >= 3) rings.push_back(std::move(fr));
    };
    for (std::size_t f = 0; f < faces.size(); ++f) {
        for (const auto& poly : faces[f]) {
            add_ring(static_cast<std::int32_t>(f), poly.outer);
            for (const auto& h : poly.holes) add_ring(static_cast<std::int32_t>(f), h);
        }
    }
    topo.input_vertices = input_points;
    topo.shared_vertices = static_cast<std::size_t>(std::count(first_face.begin(), first_face.end(), -2));

    // Which faces each edge bounds (in ring order), and how many edges meet at each vertex.
    id_table<std::uint64_t, edge_hash> edge_ids(input_points);
    std::vector<edge_faces> edges;
    std::vector<std::uint8_t> degree(coords.size(), 0);
    auto bump = [&](vertex_id v) { degree[v] = static_cast<std::uint8_t>(std::min(degree[v] + 1, 255)); };
    for (auto& r : rings) {
        const std::size_t n = r.ids.size();
        r.edges.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            const vertex_id a = r.ids[i], b = r.ids[(i + 1) % n];
            const auto [e, inserted] = edge_ids.find_or_insert(edge_key(a, b), static_cast<std::uint32_t>(edges.size()));
            if (inserted) {
                edges.emplace_back();
                bump(a);
                bump(b);
            }
            edges[e].add(r.face);
            r.edges[i] = e;
        }
    }
    // A junction ends arcs: where more or fewer than two edges meet, or where the faces on either
    // side change.
    auto is_junction = [&](const face_ring& r, std::size_t i) {
        const std::size_t n = r.ids.size();
        if (degree[r.ids[i]] != 2) return true;
        return !(edges[r.edges[(i + n - 1) % n]] == edges[r.edges[i]]);
    };

    topo.faces.resize(faces.size());
    std::unordered_map<std::uint64_t, arc_use> arc_by_start; // (first vertex, second vertex) -> arc
    auto emit = [&](std::int32_t face, std::vector<vertex_id>& path, std::vector<arc_use>& out) {
        const std::uint64_t key = directed_key(path[0], path[1]);
        if (auto it = arc_by_start.find(key); it != arc_by_start.end()) {
            auto& a = topo.arcs[it->second.arc];
            if (a.faces[0] != face && a.faces[1] < 0) a.faces[1] = face;
            out.push_back(it->second);
            return;
        }
        const auto index = static_cast<std::uint32_t>(topo.arcs.size());
        arc a;
        a.faces[0] = face;
        a.points.reserve(path.size());
        for (vertex_id v : path) a.points.push_back(coords[v]);
        topo.arcs.push_back(std::move(a));
        const std::size_t m = path.size();
        arc_by_start.emplace(key, arc_use{index, false});
        arc_by_start.emplace(directed_key(path[m - 1], path[m - 2]), arc_use{index, true});
        out.push_back({index, false});
    };

    std::vector<vertex_id> path;
    for (const auto& r : rings) {
        const std::size_t n = r.ids.size();
        std::vector<arc_use> ring_arcs;
        std::size_t start = n;
        for (std::size_t i = 0; i < n; ++i) {
            if (is_junction(r, i)) {
                start = i;
                break;
            }
        }
        if (start == n) {
            // No junction: the ring is one closed arc, started at its smallest vertex id so that the
            // neighbour holding the same loop (an enclave and its hole) finds it.
            const auto min_it = std::min_element(r.ids.begin(), r.ids.end());
            const std::size_t s = static_cast<std::size_t>(min_it - r.ids.begin());
            path.clear();
            for (std::size_t k = 0; k <= n; ++k) path.push_back(r.ids[(s + k) % n]);
            emit(r.face, path, ring_arcs);
        } else {
            path.clear();
            path.push_back(r.ids[start]);
            for (std::size_t k = 1; k <= n; ++k) {
                const std::size_t i = (start + k) % n;
                path.push_back(r.ids[i]);
                if (k == n || is_junction(r, i)) {
                    emit(r.face, path, ring_arcs);
                    path.assign(1, r.ids[i]);
                }
            }
        }
        topo.faces[static_cast<std::size_t>(r.face)].push_back(std::move(ring_arcs));
    }
    if (project) {
        std::vector<geo::point> all;
        for (const auto& a : topo.arcs) all.insert(all.end(), a.points.begin(), a.points.end());
        // In one block per thread: each call pays for setting the projection up once.
        const std::size_t per_block = (all.size() + threads - 1) / std::max(1u, threads);
        parallel_for(threads, threads, [&](std::size_t block, unsigned) {
            const std::size_t begin = std::min(all.size(), block * per_block);
            project(std::span<geo::point>(all).subspan(begin, std::min(per_block, all.size() - begin)));
        });
        std::size_t k = 0;
        for (auto& a : topo.arcs)
            for (auto& p : a.points) p = all[k++];
    }
    parallel_for(topo.arcs.size(), threads, [&](std::size_t i, unsigned) { rank_points(topo.arcs[i]); });
    return topo;
}

void simplify_arc(const arc& a, double tolerance, std::vector<geo::point>& out) {
    out.clear();
    const std::size_t n = a.points.size();
    for (std::size_t i = 0; i < n; ++i)
        if (a.importance[i] > tolerance) out.push_back(a.points[i]);
    if (a.closed() && out.size() < 4 && n >= 4) {
        // Keep a loop a loop: add back the most important interior points.
        std::vector<std::size_t> order(n - 2);
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i + 1;
        std::sort(order.begin(), order.end(),
                  [&](std::size_t x, std::size_t y) { return a.importance[x] > a.importance[y]; });
        order.resize(std::min<std::size_t>(order.size(), 2));
        std::sort(order.begin(), order.end());
        out.clear();
        out.push_back(a.points.front());
        for (std::size_t i : order) out.push_back(a.points[i]);
        out.push_back(a.points.back());
    }
}

} // namespace naqsha::tiles
