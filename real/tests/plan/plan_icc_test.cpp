// The plan of an ICC-off network: bridge-nf-call-iptables written in the namespace with the
// bridge, and the bridge-to-itself DROP in the lab's nft table. No root needed.
#include <algorithm>

#include "plan_fixture.hpp"
#include "sim/net/kernel.hpp"

namespace {

using namespace sim::plan;

const PlanSysctl* bridgeNfCall(const KernelPlan& plan, const std::string& ns) {
    const auto s = std::find_if(plan.sysctls.begin(), plan.sysctls.end(), [&](const PlanSysctl& p) {
        return p.ns == ns && p.key == "net/bridge/bridge-nf-call-iptables";
    });
    return s == plan.sysctls.end() ? nullptr : &*s;
}

}  // namespace

TEST_CASE("an ICC-off network plans br_netfilter's switch on and the bridge's DROP", "[plan][icc]") {
    auto host = plan_test::hostAfter("icc_off.sh");
    const KernelPlan plan = derivePlan(*host);
    const PlanSysctl* call = bridgeNfCall(plan, "docknet-host");
    REQUIRE(call);
    CHECK(call->value == "1");
    CHECK_FALSE(call->absentMeansValue);  // a kernel without br_netfilter cannot do ICC off
    // Only where a bridge is: the containers' and the router's namespaces have none.
    CHECK_FALSE(bridgeNfCall(plan, "docknet-q1"));
    CHECK_FALSE(bridgeNfCall(plan, "docknet-router"));
    const auto br = std::find_if(plan.bridges.begin(), plan.bridges.end(), [](const PlanBridge& b) { return b.name != "docker0"; });
    REQUIRE(br != plan.bridges.end());
    REQUIRE(plan.rulesets.size() == 1);
    const std::string drop = "iifname \"" + br->name + "\" oifname \"" + br->name + "\"";
    const auto& text = plan.rulesets.front().text;
    const auto at = text.find(drop);
    REQUIRE(at != std::string::npos);
    CHECK(text.substr(at, text.find('\n', at) - at).find("drop") != std::string::npos);
}

TEST_CASE("a host with bridge-nf-call-iptables off plans a 0, skipped where br_netfilter is missing", "[plan][icc]") {
    auto host = plan_test::hostAfter("default_bridge.sh");
    // Docker loads br_netfilter with the first bridge: the sim's host has it, switch at 1.
    const PlanSysctl* call = bridgeNfCall(derivePlan(*host), "docknet-host");
    REQUIRE(call);
    CHECK(call->value == "1");
    host->kernel().ns(host->kernel().findNamespace("host"))->setBridgeNfCallIptables(false);
    const KernelPlan off = derivePlan(*host);
    REQUIRE(bridgeNfCall(off, "docknet-host"));
    CHECK(bridgeNfCall(off, "docknet-host")->value == "0");
    CHECK(bridgeNfCall(off, "docknet-host")->absentMeansValue);
}
