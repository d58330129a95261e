// The ledger's file format and its crash rules, and the plan checks that keep the backend inside
// docknet-* namespaces. No root needed.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "real/ledger.hpp"
#include "real/netns_path.hpp"
#include "real/plan_applier.hpp"

using docknet::real::Ledger;

namespace {

struct TempDir {
    std::string path;
    TempDir() {
        char t[] = "/tmp/docknet-ledger-test-XXXXXX";
        REQUIRE(mkdtemp(t));
        path = std::string(t) + "/state";  // the ledger makes its directory itself
    }
    ~TempDir() { std::filesystem::remove_all(std::filesystem::path(path).parent_path()); }
};

}  // namespace

TEST_CASE("records come back in creation order — a cancelled one does not", "[ledger]") {
    TempDir dir;
    Ledger ledger(dir.path);
    REQUIRE(ledger.load()->empty());  // no file: nothing applied
    REQUIRE(ledger.record("netns", {"docknet-host"}) == 1u);
    REQUIRE(ledger.record("link", {"docknet-host", "docker0"}) == 2u);
    auto third = ledger.record("netns", {"docknet-web"});
    REQUIRE(third == 3u);
    REQUIRE(ledger.cancel(*third));
    REQUIRE(ledger.record("file", {"/etc/netns/docknet-web/hosts"}));

    Ledger reread(dir.path);  // as the next process (down after a crash) sees it
    auto records = reread.load();
    REQUIRE(records);
    REQUIRE(records->size() == 3);
    CHECK((*records)[0].toString() == "netns docknet-host");
    CHECK((*records)[1].kind == "link");
    CHECK((*records)[1].field(1) == "docker0");
    CHECK((*records)[2].toString() == "file /etc/netns/docknet-web/hosts");
}

TEST_CASE("a line torn by a crash is ignored: its object was never made", "[ledger]") {
    TempDir dir;
    {
        Ledger ledger(dir.path);
        REQUIRE(ledger.record("netns", {"docknet-host"}));
    }
    {
        std::ofstream torn(dir.path + "/ledger", std::ios::app);
        torn << "netns\tdocknet-ha";  // no newline: the write was cut short
    }
    auto records = Ledger(dir.path).load();
    REQUIRE(records);
    REQUIRE(records->size() == 1);
    CHECK((*records)[0].field(0) == "docknet-host");
}

TEST_CASE("rewrite keeps what down could not remove — an empty ledger is deleted", "[ledger]") {
    TempDir dir;
    Ledger ledger(dir.path);
    REQUIRE(ledger.record("netns", {"docknet-host"}));
    REQUIRE(ledger.record("dir", {"/etc/netns/docknet-a"}));
    auto records = ledger.load();
    REQUIRE(records);
    REQUIRE(ledger.rewrite({(*records)[1]}));
    auto left = Ledger(dir.path).load();
    REQUIRE(left->size() == 1);
    CHECK((*left)[0].toString() == "dir /etc/netns/docknet-a");
    REQUIRE(ledger.rewrite({}));
    CHECK(::access((dir.path + "/ledger").c_str(), F_OK) != 0);
    // Appending again after a rewrite starts a fresh file.
    REQUIRE(ledger.record("netns", {"docknet-x"}) == 1u);
}

TEST_CASE("a field with a tab or newline is refused, not written", "[ledger]") {
    TempDir dir;
    Ledger ledger(dir.path);
    CHECK_FALSE(ledger.record("file", {"/etc/netns/a\tb"}));
    CHECK(ledger.load()->empty());
}

TEST_CASE("only docknet-* names, and a plan that keeps everything inside them", "[safety]") {
    using docknet::real::isDocknetName;
    CHECK(isDocknetName("docknet-host"));
    CHECK_FALSE(isDocknetName("docknet-"));
    CHECK_FALSE(isDocknetName("host"));
    CHECK_FALSE(isDocknetName("docknet-../x"));
    CHECK_FALSE(isDocknetName("docknet-.."));

    sim::plan::KernelPlan plan;
    plan.namespaces = {{"docknet-host", "host"}, {"docknet-a", "a"}};
    sim::plan::PlanVeth v;
    v.ns = "docknet-host";
    v.name = "veth1";
    v.peerNs = "docknet-a";
    v.peerName = "eth0";
    plan.veths.push_back(v);
    CHECK(docknet::real::checkPlanIsSelfContained(plan));

    auto outward = plan;
    outward.veths[0].peerNs = "docknet-elsewhere";  // a namespace the plan does not create
    CHECK_FALSE(docknet::real::checkPlanIsSelfContained(outward));
    auto root = plan;
    root.namespaces.push_back({"init", "init"});
    CHECK_FALSE(docknet::real::checkPlanIsSelfContained(root));
    auto file = plan;
    file.files.push_back({"docknet-a", "../../passwd", "x"});
    CHECK_FALSE(docknet::real::checkPlanIsSelfContained(file));
}

TEST_CASE("one docknet real at a time: the state directory is locked", "[ledger]") {
    TempDir dir;
    Ledger first(dir.path);
    REQUIRE(first.lock());
    REQUIRE(first.lock());  // the holder may ask again
    Ledger second(dir.path);
    auto refused = second.lock();
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("another docknet real") != std::string::npos);
}

TEST_CASE("a batch of records gets consecutive line numbers after the ones there", "[ledger]") {
    TempDir dir;
    Ledger ledger(dir.path);
    REQUIRE(ledger.record("rundir", {"/run/netns"}) == 1u);
    auto lines = ledger.recordAll({{"netns", {"docknet-host"}}, {"netns", {"docknet-a"}}, {"netns", {"docknet-b"}}});
    REQUIRE(lines);
    CHECK(*lines == std::vector<std::size_t>{2, 3, 4});
    REQUIRE(ledger.cancel((*lines)[1]));  // docknet-a was someone else's
    auto records = Ledger(dir.path).load();
    REQUIRE(records->size() == 3);
    CHECK((*records)[2].toString() == "netns docknet-b");
    CHECK(Ledger::outlivesReboot("file"));
    CHECK_FALSE(Ledger::outlivesReboot("veth"));
}
