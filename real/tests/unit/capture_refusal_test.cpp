// docknet real capture's refusals, which come before any packet socket is opened: no root needed.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "real/packet_capture.hpp"
#include "real/real_backend.hpp"

using docknet::real::CaptureRequest;
using sim::core::ErrorCode;

TEST_CASE("capture is never unbounded: a timeout of 0, below 0 or above an hour is refused") {
    for (const double seconds : {0.0, -1.0, 3601.0}) {
        CaptureRequest request{.ns = "docknet-host", .iface = "docker0", .outPath = "/nonexistent/x.pcap",
                               .maxPackets = 0, .timeoutSeconds = seconds, .onStarted = {}};
        const auto r = docknet::real::captureHere(request);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::InvalidArgument);
    }
}

TEST_CASE("capture refuses a namespace the ledger does not record, docknet-* name or not") {
    std::string dir = (std::filesystem::temp_directory_path() / "docknet-capture-test.XXXXXX").string();
    REQUIRE(::mkdtemp(dir.data()));
    docknet::real::RealOptions options;
    options.stateDir = dir;  // an empty ledger: docknet made nothing here
    docknet::real::RealBackend backend(options);
    bool started = false;
    for (const char* ns : {"docknet-host", "host", "default"}) {
        CaptureRequest request{.ns = ns, .iface = "lo", .outPath = dir + "/x.pcap", .maxPackets = 1,
                               .timeoutSeconds = 1, .onStarted = [&] { started = true; }};
        const auto r = backend.capture(request);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::Forbidden);
        CHECK(r.error().message.find("does not record it") != std::string::npos);
    }
    CHECK_FALSE(started);
    CHECK_FALSE(std::filesystem::exists(dir + "/x.pcap"));
    std::filesystem::remove_all(dir);
}
