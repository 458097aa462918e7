// in_order_sink and queue_workers: results leave in input order whatever order the workers finish in,
// and a failure anywhere ends the run without leaving the producer waiting.
#include "app/bounded_queue.hpp"
#include "app/in_order_sink.hpp"
#include "app/queue_workers.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <new>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

namespace app = naqsha::app;

TEST_CASE("results are delivered in sequence order, each once, whatever order they are put in") {
    std::vector<int> delivered;
    app::in_order_sink<int> sink(8, [&](int&& v) { delivered.push_back(v); });
    for (std::size_t seq : {2u, 0u, 3u, 1u, 5u, 4u}) sink.put(seq, static_cast<int>(seq) * 10);
    CHECK(delivered == std::vector<int>{0, 10, 20, 30, 40, 50});
    CHECK_NOTHROW(sink.rethrow_failure());
}

TEST_CASE("items out of the window wait until the gap before them is delivered") {
    app::in_order_sink<int> sink(2, [](int&&) {});
    std::atomic<bool> given_out{false};
    std::thread producer([&] {
        sink.wait_for_turn(2); // window 2: item 2 must wait for item 0
        given_out = true;
    });
    sink.put(1, 1);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK_FALSE(given_out.load());
    sink.put(0, 0);
    producer.join();
    CHECK(given_out.load());
}

TEST_CASE("a worker's failure wakes a waiting producer with that failure and stops later deliveries") {
    std::vector<int> delivered;
    app::in_order_sink<int> sink(1, [&](int&& v) { delivered.push_back(v); });
    sink.put(0, 0);
    std::atomic<bool> threw{false};
    std::thread producer([&] {
        try {
            sink.wait_for_turn(5); // never in the window: only the failure can wake it
        } catch (const std::bad_alloc&) {
            threw = true;
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    sink.fail(std::make_exception_ptr(std::bad_alloc()));
    producer.join();
    CHECK(threw.load());
    sink.put(1, 1);
    CHECK(delivered == std::vector<int>{0});
    CHECK_THROWS_AS(sink.rethrow_failure(), std::bad_alloc);
    sink.fail(std::make_exception_ptr(std::runtime_error("later"))); // the first failure wins
    CHECK_THROWS_AS(sink.rethrow_failure(), std::bad_alloc);
}

TEST_CASE("a delivery that throws fails the run: the next turn throws it") {
    app::in_order_sink<int> sink(4, [](int&& v) {
        if (v == 1) throw std::runtime_error("disk full");
    });
    sink.put(0, 0);
    sink.put(1, 1);
    CHECK_THROWS_WITH_AS(sink.wait_for_turn(2), "disk full", std::runtime_error);
    CHECK_THROWS_WITH_AS(sink.rethrow_failure(), "disk full", std::runtime_error);
}

TEST_CASE("workers over a bounded queue give every item back in order") {
    constexpr std::size_t count = 2000;
    std::vector<std::size_t> delivered;
    app::in_order_sink<std::size_t> sink(16, [&](std::size_t&& v) { delivered.push_back(v); });
    app::bounded_queue<std::size_t> queue(4);
    {
        app::queue_workers workers(queue);
        for (int i = 0; i < 4; ++i)
            workers.start([&] {
                while (auto seq = queue.pop()) {
                    if (*seq % 7 == 0) std::this_thread::yield(); // finish out of order
                    sink.put(*seq, *seq);
                }
            });
        for (std::size_t seq = 0; seq < count; ++seq) {
            sink.wait_for_turn(seq);
            queue.push(seq);
        }
    } // joined here
    std::vector<std::size_t> expected(count);
    std::iota(expected.begin(), expected.end(), std::size_t{0});
    CHECK(delivered == expected);
}
