#include "render/tiles/topology.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <set>

using naqsha::geo::multipolygon;
using naqsha::geo::point;
using naqsha::geo::ring;
using namespace naqsha::tiles;

namespace {

ring square(double x, double y, double w, double h) { return {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}, {x, y}}; }

double signed_area(const std::vector<point>& r) {
    double a = 0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i) a += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
    return a / 2;
}

// A face's rings rebuilt from its arcs (simplified at `tolerance`).
std::vector<std::vector<point>> rebuild(const topology& t, std::size_t face, double tolerance) {
    std::vector<std::vector<point>> rings;
    std::vector<point> arc_pts;
    for (const auto& uses : t.faces[face]) {
        std::vector<point> r;
        for (const auto& use : uses) {
            simplify_arc(t.arcs[use.arc], tolerance, arc_pts);
            if (use.reversed) std::reverse(arc_pts.begin(), arc_pts.end());
            if (!r.empty()) {
                REQUIRE(r.back() == arc_pts.front()); // arcs chain end to start
                arc_pts.erase(arc_pts.begin());
            }
            r.insert(r.end(), arc_pts.begin(), arc_pts.end());
        }
        REQUIRE(r.front() == r.back()); // and close the ring
        rings.push_back(std::move(r));
    }
    return rings;
}

double face_area(const topology& t, std::size_t face, double tolerance) {
    auto rings = rebuild(t, face, tolerance);
    // Outer ring first; holes subtract whatever their orientation.
    double a = 0;
    for (std::size_t i = 0; i < rings.size(); ++i) a += (i == 0 ? 1 : -1) * std::abs(signed_area(rings[i]));
    return a;
}

} // namespace

TEST_CASE("a 3x3 grid becomes 20 arcs, each border stored once") {
    std::vector<multipolygon> faces;
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 3; ++x) faces.push_back({{square(x, y, 1, 1), {}}});
    const topology t = build_topology(faces);
    // 12 interior edges, and one arc per outer cell along the edge of the grid (corner cells' two
    // outer edges meet at a vertex no other cell uses, so they form one arc).
    CHECK(t.arcs.size() == 20);
    int shared = 0;
    for (const auto& a : t.arcs) shared += a.faces[1] >= 0;
    CHECK(shared == 12);
    CHECK(t.shared_vertices == 12); // all but the four outer corners
    for (std::size_t f = 0; f < faces.size(); ++f) CHECK(face_area(t, f, 0) == doctest::Approx(1.0));
}

TEST_CASE("an enclave and the hole around it share one closed arc") {
    std::vector<multipolygon> faces{
        {{square(0, 0, 10, 10), {square(3, 3, 4, 4)}}},
        {{square(3, 3, 4, 4), {}}},
    };
    // The enclave's ring starts at another vertex and runs the other way round.
    std::reverse(faces[1][0].outer.begin(), faces[1][0].outer.end());
    const topology t = build_topology(faces);
    REQUIRE(t.arcs.size() == 2);
    const auto& loop = t.arcs[t.faces[1][0][0].arc];
    CHECK(loop.closed());
    CHECK(loop.faces[0] + loop.faces[1] == 1); // faces 0 and 1
    CHECK(face_area(t, 0, 0) == doctest::Approx(84.0));
    CHECK(face_area(t, 1, 0) == doctest::Approx(16.0));
    // A loop stays a loop at any tolerance.
    CHECK(face_area(t, 1, 100) > 0);
}

TEST_CASE("simplified neighbours still tile the plane: areas add up, no gap, no overlap") {
    // Two faces split by a wiggly border; the outer boundary is a rectangle.
    ring border;
    for (int i = 0; i <= 200; ++i) border.push_back({i * 0.05, 5 + 0.3 * std::sin(i * 0.7) + 0.05 * std::sin(i * 3.1)});
    ring left{{0, 0}, {10, 0}};
    left.insert(left.end(), border.rbegin(), border.rend());
    left.push_back({0, 0});
    ring right(border.begin(), border.end());
    right.push_back({10, 10});
    right.push_back({0, 10});
    right.push_back(border.front());
    std::vector<multipolygon> faces{{{left, {}}}, {{right, {}}}};
    const topology t = build_topology(faces);
    for (double tolerance : {0.0, 0.01, 0.1, 0.5, 2.0}) {
        CAPTURE(tolerance);
        const double total = face_area(t, 0, tolerance) + face_area(t, 1, tolerance);
        CHECK(total == doctest::Approx(100.0).epsilon(1e-9));
    }
    // Simplification removes points as the tolerance grows.
    std::vector<point> fine, coarse;
    for (const auto& a : t.arcs)
        if (a.faces[1] >= 0) {
            simplify_arc(a, 0.01, fine);
            simplify_arc(a, 0.5, coarse);
            CHECK(fine.size() > coarse.size());
            CHECK(coarse.size() >= 2);
        }
}

TEST_CASE("snapping joins vertices that only nearly agree") {
    multipolygon a{{square(0, 0, 1, 1), {}}};
    multipolygon b{{{{1.00000002, 0}, {2, 0}, {2, 1}, {0.99999998, 1}, {1.00000002, 0}}, {}}};
    std::vector<multipolygon> raw{a, b};
    CHECK(build_topology(raw).shared_vertices == 0);
    snap_to_grid(raw[0], 1e-6);
    snap_to_grid(raw[1], 1e-6);
    const topology t = build_topology(raw);
    CHECK(t.shared_vertices == 2);
    int shared = 0;
    for (const auto& arc : t.arcs) shared += arc.faces[1] >= 0;
    CHECK(shared == 1);
}
