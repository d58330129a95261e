#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/core/scheduler.hpp"

using sim::core::EventId;
using sim::core::millis;
using sim::core::Scheduler;
using sim::core::seconds;
using sim::core::SimTime;

TEST_CASE("A new scheduler starts at time zero with nothing pending", "[scheduler]") {
    Scheduler s;
    CHECK(s.now() == SimTime::zero());
    CHECK_FALSE(s.hasPending());
    CHECK(s.pendingCount() == 0);
    CHECK(s.nextEventTime() == SimTime::max());
    CHECK(s.executedCount() == 0);
    CHECK_FALSE(s.step());
    CHECK(s.runUntilIdle() == 0);
}

TEST_CASE("Events run in time order and set now() to their time", "[scheduler]") {
    Scheduler s;
    std::vector<std::pair<std::string, SimTime>> ran;
    s.schedule(seconds(3), [&] { ran.emplace_back("c", s.now()); });
    s.schedule(seconds(1), [&] { ran.emplace_back("a", s.now()); });
    s.schedule(seconds(2), [&] { ran.emplace_back("b", s.now()); });
    CHECK(s.pendingCount() == 3);
    CHECK(s.nextEventTime() == seconds(1));

    CHECK(s.runUntilIdle() == 3);
    REQUIRE(ran.size() == 3);
    CHECK(ran[0] == std::pair<std::string, SimTime>{"a", seconds(1)});
    CHECK(ran[1] == std::pair<std::string, SimTime>{"b", seconds(2)});
    CHECK(ran[2] == std::pair<std::string, SimTime>{"c", seconds(3)});
    CHECK(s.now() == seconds(3));
    CHECK(s.executedCount() == 3);
    CHECK(s.pendingCount() == 0);
}

TEST_CASE("Events at the same time run in the order they were scheduled", "[scheduler]") {
    Scheduler s;
    std::string order;
    s.schedule(seconds(1), [&] { order += 'a'; });
    s.scheduleAt(seconds(1), [&] { order += 'b'; });
    s.schedule(seconds(0), [&] { order += '0'; });
    s.schedule(seconds(1), [&] { order += 'c'; });
    s.scheduleAt(seconds(1), [&] { order += 'd'; });
    s.runUntilIdle();
    CHECK(order == "0abcd");
}

TEST_CASE("An action can schedule further events, including at the current time", "[scheduler]") {
    Scheduler s;
    std::vector<std::string> log;
    s.schedule(seconds(1), [&] {
        log.push_back("first@" + s.now().toString());
        // Same time: runs after everything already queued for t=1.
        s.schedule(seconds(0), [&] { log.push_back("nested-now@" + s.now().toString()); });
        s.schedule(millis(500), [&] { log.push_back("nested-later@" + s.now().toString()); });
    });
    s.schedule(seconds(1), [&] { log.push_back("second@" + s.now().toString()); });

    SECTION("run with step()") {
        CHECK(s.step());
        CHECK(s.pendingCount() == 3);
        while (s.step()) {
        }
    }
    SECTION("run with runUntilIdle()") { CHECK(s.runUntilIdle() == 4); }

    CHECK(log == std::vector<std::string>{"first@1.000000", "second@1.000000", "nested-now@1.000000",
                                          "nested-later@1.500000"});
    CHECK(s.now() == millis(1500));
}

TEST_CASE("Cancelling an event", "[scheduler]") {
    Scheduler s;
    int a = 0, b = 0;
    const EventId ea = s.schedule(seconds(1), [&] { ++a; });
    const EventId eb = s.schedule(seconds(2), [&] { ++b; });
    REQUIRE(ea.isValid());
    REQUIRE(eb.isValid());
    CHECK(ea != eb);

    SECTION("before it runs skips it and updates the counts") {
        s.cancel(ea);
        CHECK(s.pendingCount() == 1);
        CHECK(s.nextEventTime() == seconds(2));
        CHECK(s.runUntilIdle() == 1);
        CHECK(a == 0);
        CHECK(b == 1);
        CHECK(s.executedCount() == 1);
    }
    SECTION("a cancelled event that is not at the head is skipped too") {
        s.cancel(eb);
        CHECK(s.pendingCount() == 1);
        CHECK(s.nextEventTime() == seconds(1));
        CHECK(s.runUntilIdle() == 1);
        CHECK(a == 1);
        CHECK(b == 0);
        CHECK(s.now() == seconds(1));
        CHECK_FALSE(s.hasPending());
    }
    SECTION("twice is a no-op the second time") {
        s.cancel(ea);
        s.cancel(ea);
        CHECK(s.pendingCount() == 1);
        s.runUntilIdle();
        CHECK(a == 0);
        CHECK(b == 1);
    }
    SECTION("after it ran is a no-op and does not disturb later events") {
        CHECK(s.step());
        CHECK(a == 1);
        s.cancel(ea);
        CHECK(s.pendingCount() == 1);
        CHECK(s.hasPending());
        s.runUntilIdle();
        CHECK(b == 1);
    }
    SECTION("an invalid or unknown id is a no-op") {
        s.cancel(EventId{});
        s.cancel(EventId(12345));
        CHECK(s.pendingCount() == 2);
        CHECK(s.runUntilIdle() == 2);
    }
    SECTION("every event cancelled leaves the scheduler idle") {
        s.cancel(ea);
        s.cancel(eb);
        CHECK_FALSE(s.hasPending());
        CHECK(s.nextEventTime() == SimTime::max());
        CHECK_FALSE(s.step());
        CHECK(s.now() == SimTime::zero());
    }
}

TEST_CASE("An action can cancel a later event", "[scheduler]") {
    Scheduler s;
    int later = 0;
    const EventId victim = s.schedule(seconds(2), [&] { ++later; });
    s.schedule(seconds(1), [&] { s.cancel(victim); });
    CHECK(s.runUntilIdle() == 1);
    CHECK(later == 0);
    CHECK(s.now() == seconds(1));
}

TEST_CASE("runUntil runs due events and advances now() even when idle", "[scheduler]") {
    Scheduler s;
    std::vector<SimTime> ran;
    s.schedule(seconds(1), [&] { ran.push_back(s.now()); });
    s.schedule(seconds(5), [&] { ran.push_back(s.now()); });
    s.schedule(seconds(10), [&] { ran.push_back(s.now()); });

    s.runUntil(seconds(5));  // an event exactly at `until` runs
    CHECK(ran == std::vector<SimTime>{seconds(1), seconds(5)});
    CHECK(s.now() == seconds(5));
    CHECK(s.pendingCount() == 1);

    s.runUntil(seconds(7));  // nothing due: time still moves
    CHECK(ran.size() == 2);
    CHECK(s.now() == seconds(7));

    s.runUntil(seconds(6));  // never backwards
    CHECK(s.now() == seconds(7));

    s.runUntil(seconds(20));
    CHECK(ran.back() == seconds(10));
    CHECK(s.now() == seconds(20));

    Scheduler idle;
    idle.runUntil(seconds(42));
    CHECK(idle.now() == seconds(42));
    CHECK(idle.executedCount() == 0);
}

TEST_CASE("Delays are relative to now() after time has advanced", "[scheduler]") {
    Scheduler s;
    s.runUntil(seconds(10));
    SimTime at;
    s.schedule(seconds(3), [&] { at = s.now(); });
    CHECK(s.nextEventTime() == seconds(13));
    s.runUntilIdle();
    CHECK(at == seconds(13));
}

TEST_CASE("runUntilIdle stops at the limit and leaves later events pending", "[scheduler]") {
    Scheduler s;
    int count = 0;
    for (int i = 1; i <= 5; ++i) s.schedule(seconds(i), [&] { ++count; });

    CHECK(s.runUntilIdle(seconds(3)) == 3);  // 1, 2 and 3 s (inclusive)
    CHECK(count == 3);
    CHECK(s.now() == seconds(3));
    CHECK(s.pendingCount() == 2);
    CHECK(s.nextEventTime() == seconds(4));

    CHECK(s.runUntilIdle(millis(3500)) == 0);
    CHECK(s.runUntilIdle() == 2);
    CHECK(count == 5);
}

TEST_CASE("runUntilIdle with a limit bounds a self-rescheduling timer", "[scheduler]") {
    Scheduler s;
    int ticks = 0;
    std::function<void()> tick = [&] {
        ++ticks;
        s.schedule(seconds(1), tick);
    };
    s.schedule(seconds(1), tick);
    CHECK(s.runUntilIdle(seconds(10)) == 10);
    CHECK(ticks == 10);
    CHECK(s.now() == seconds(10));
    CHECK(s.pendingCount() == 1);
    CHECK(s.nextEventTime() == seconds(11));
}

TEST_CASE("A negative delay or a time in the past runs at now()", "[scheduler]") {
    Scheduler s;
    s.runUntil(seconds(5));
    std::string order;
    s.schedule(seconds(1), [&] { order += 'L'; });
    s.schedule(seconds(-3), [&] { order += 'N'; });
    s.scheduleAt(seconds(2), [&] { order += 'P'; });
    CHECK(s.nextEventTime() == seconds(5));
    CHECK(s.step());
    CHECK(s.now() == seconds(5));  // time never goes backwards
    CHECK(s.step());
    CHECK(s.now() == seconds(5));
    CHECK(s.step());
    CHECK(s.now() == seconds(6));
    CHECK(order == "NPL");
}

TEST_CASE("Event ids are distinct for every schedule call", "[scheduler][ids]") {
    Scheduler s;
    std::vector<EventId> ids;
    for (int i = 0; i < 5; ++i) ids.push_back(s.schedule(seconds(1), [] {}));
    for (std::size_t i = 0; i < ids.size(); ++i)
        for (std::size_t j = i + 1; j < ids.size(); ++j) CHECK(ids[i] != ids[j]);
}

TEST_CASE("Timers and frames in flight keep one order: time, then the order they were scheduled",
          "[scheduler]") {
    // A timer scheduled long before (far ahead then) and a frame scheduled just before the same
    // instant (close ahead) run in scheduling order; earlier times always run first.
    Scheduler s;
    std::vector<std::string> ran;
    s.schedule(seconds(5), [&] { ran.push_back("timer@5s"); });
    s.schedule(seconds(5), [&] { ran.push_back("timer2@5s"); });
    s.schedule(sim::core::micros(10), [&] { ran.push_back("frame@10us"); });
    s.runUntil(seconds(5) - sim::core::micros(20));
    REQUIRE(ran == std::vector<std::string>{"frame@10us"});
    s.schedule(sim::core::micros(20), [&] { ran.push_back("frame@5s"); });  // same instant, scheduled later
    const EventId cancelled = s.schedule(sim::core::micros(5), [&] { ran.push_back("cancelled"); });
    s.schedule(sim::core::micros(19), [&] { ran.push_back("frame@5s-1us"); });
    s.cancel(cancelled);
    s.schedule(seconds(5), [&] { ran.push_back("timer@10s"); });
    CHECK(s.pendingCount() == 5);
    s.runUntilIdle();
    CHECK(ran == std::vector<std::string>{"frame@10us", "frame@5s-1us", "timer@5s", "timer2@5s", "frame@5s", "timer@10s"});
    CHECK(s.now() == seconds(10) - sim::core::micros(20));
}
