#include <catch2/catch.hpp>

#include "sim/core/sim_time.hpp"

using sim::core::micros;
using sim::core::millis;
using sim::core::seconds;
using sim::core::SimTime;

TEST_CASE("SimTime converts between units in integer microseconds", "[simtime]") {
    CHECK(SimTime::fromSeconds(3).micros() == 3'000'000);
    CHECK(SimTime::fromMillis(1500).micros() == 1'500'000);
    CHECK(SimTime::fromMicros(7).micros() == 7);
    CHECK(seconds(2) == millis(2000));
    CHECK(millis(1) == micros(1000));
    CHECK(SimTime::zero().micros() == 0);
    CHECK(SimTime().micros() == 0);
    CHECK(SimTime::max().micros() == INT64_MAX);

    CHECK(millis(1500).seconds() == Approx(1.5));
    CHECK(micros(2500).millis() == Approx(2.5));
    CHECK(seconds(300).seconds() == Approx(300.0));
}

TEST_CASE("SimTime arithmetic and ordering", "[simtime]") {
    CHECK(seconds(1) + millis(250) == micros(1'250'000));
    CHECK(seconds(1) - millis(250) == millis(750));
    CHECK(millis(10) * 3 == millis(30));
    CHECK(seconds(1) / 4 == millis(250));
    CHECK(micros(7) / 2 == micros(3));  // truncates

    SimTime t = seconds(1);
    t += millis(5);
    CHECK(t == millis(1005));

    CHECK(seconds(1) < seconds(2));
    CHECK(micros(299'999'999) < seconds(300));
    CHECK(seconds(2) > millis(1999));
    CHECK(SimTime::zero() - seconds(1) < SimTime::zero());
    CHECK(seconds(1) <= seconds(1));
    CHECK(SimTime::max() > seconds(1'000'000'000));
}

TEST_CASE("SimTime prints seconds with six decimals", "[simtime]") {
    CHECK(SimTime::zero().toString() == "0.000000");
    CHECK(micros(10).toString() == "0.000010");
    CHECK(micros(12'000'345).toString() == "12.000345");
    CHECK(seconds(300).toString() == "300.000000");
    CHECK(millis(1500).toString() == "1.500000");
    CHECK((SimTime::zero() - millis(1500)).toString() == "-1.500000");
    CHECK((SimTime::zero() - micros(1)).toString() == "-0.000001");
}
