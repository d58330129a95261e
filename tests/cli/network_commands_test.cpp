// docker network ls|inspect|connect|disconnect|prune against moby v27's rules: the filter sets
// (FilterArgs, filterNetworks, the prune filter), the endpoint settings a connect records and
// every start re-applies, and the template method {{.Label}}.
#include <catch2/catch.hpp>

#include "sim/cli/docker_host.hpp"
#include "sim/cli/ipam_flags.hpp"
#include "sim/cli/network_filters.hpp"
#include "sim/gotemplate/go_template.hpp"
#include "sim/shell/script_runner.hpp"
#include "sim/wire/ipv6_address.hpp"

namespace {

using sim::cli::FilterArgs;

struct Lab {
    Lab() : host(sim::cli::DockerHostOptions{1, sim::core::SimTime::zero()}), runner(host) {}

    /// Runs one line; returns stdout, or stderr when it failed (with the status in `status`).
    std::string run(const std::string& line) {
        auto t = runner.run(line + "\n");
        REQUIRE(t);
        REQUIRE(t->steps.size() == 1);
        status = t->steps[0].exitCode;
        return status == 0 ? t->steps[0].output.stdoutText() : t->steps[0].output.stderrText();
    }
    std::vector<std::string> names(const FilterArgs& f) {
        auto shown = sim::cli::filterNetworks(host.engine(), host.engine().networks(), f);
        REQUIRE(shown);
        std::vector<std::string> out;
        for (const auto* n : *shown) out.push_back(n->name);
        std::sort(out.begin(), out.end());
        return out;
    }

    sim::cli::DockerHost host;
    sim::shell::ScriptRunner runner;
    int status = 0;
};

FilterArgs filters(std::vector<std::string> values) {
    auto f = FilterArgs::parse(values);
    REQUIRE(f);
    return *f;
}

}  // namespace

TEST_CASE("FilterArgs parses as opts.FilterOpt and matches as filters.Args", "[cli][network][filter]") {
    auto f = filters({" Name = web ", "name=^db", "label=a", "label=b=2", ""});
    CHECK(f.get("name") == std::vector<std::string>{"^db", "web"});
    CHECK(f.match("name", "myweb1"));         // regexp anywhere
    CHECK(f.match("name", "dbserver"));
    CHECK_FALSE(f.match("name", "mydb"));
    CHECK(f.exactMatch("driver", "x"));       // no values: everything passes
    CHECK(f.matchKVList("label", {{"a", ""}, {"b", "2"}}));
    CHECK_FALSE(f.matchKVList("label", {{"a", ""}, {"b", "3"}}));  // label values are AND-ed
    CHECK_FALSE(f.matchKVList("label", {}));
    CHECK_FALSE(FilterArgs::parse({"novalue"}));
    CHECK(f.validate({"name"}).error().message == "invalid filter 'label'");
    CHECK(filters({"name=(unclosed"}).match("name", "(unclosed"));  // exact match before the regexp
    CHECK_FALSE(filters({"name=(unclosed"}).match("name", "x(unclosed"));
}

TEST_CASE("network ls filters: keys AND-ed, values OR-ed, moby's refusals", "[cli][network][filter]") {
    Lab lab;
    lab.run("docker network create --label team=web --label env front");
    lab.run("docker network create --label team=db back");
    lab.run("docker run -d --name cc --network back alpine sleep 100");
    CHECK(lab.names(filters({"driver=bridge", "driver=null"})) == std::vector<std::string>{"back", "bridge", "front", "none"});
    CHECK(lab.names(filters({"name=ro"})) == std::vector<std::string>{"front"});
    CHECK(lab.names(filters({"name=ro", "driver=null"})).empty());
    CHECK(lab.names(filters({"label=team"})) == std::vector<std::string>{"back", "front"});
    CHECK(lab.names(filters({"label=team=db"})) == std::vector<std::string>{"back"});
    CHECK(lab.names(filters({"label=team", "label=env"})) == std::vector<std::string>{"front"});
    CHECK(lab.names(filters({"type=custom"})) == std::vector<std::string>{"back", "front"});
    CHECK(lab.names(filters({"type=builtin", "driver=bridge"})) == std::vector<std::string>{"bridge"});
    CHECK(lab.names(filters({"dangling=true"})) == std::vector<std::string>{"front"});
    CHECK(lab.names(filters({"dangling=0"})) == std::vector<std::string>{"back", "bridge", "host", "none"});
    CHECK(lab.names(filters({"scope=swarm"})).empty());
    const std::string id = lab.host.engine().findNetwork("front")->id;
    CHECK(lab.names(filters({"id=" + id.substr(0, 5)})) == std::vector<std::string>{"front"});

    CHECK(lab.run("docker network ls -f foo=1") == "Error response from daemon: invalid filter 'foo'\n");
    CHECK(lab.status == 1);
    CHECK(lab.run("docker network ls -f type=x") == "Error response from daemon: invalid filter: 'type'='x'\n");
    CHECK(lab.run("docker network ls -f dangling=1 -f dangling=0") ==
          "Error response from daemon: got more than one value for filter key \"dangling\"\n");
    CHECK(lab.run("docker network ls -f x") ==
          "invalid argument \"x\" for \"-f, --filter\" flag: bad format of filter (expected name=value)\n"
          "See 'docker network ls --help'.\n");
    CHECK(lab.status == 125);
}

TEST_CASE("network ls --format: .Label, json, and -q losing to a template", "[cli][network][format]") {
    Lab lab;
    lab.run("docker network create --label team=web front");
    CHECK(lab.run("docker network ls -f name=front --format '{{.Name}}={{.Label \"team\"}}/{{.Label \"none\"}}'") == "front=web/\n");
    CHECK(lab.run("docker network ls -f name=front --format '{{\"team\" | .Label}}'") == "web\n");
    CHECK(lab.run("docker network ls -f name=front -q --format '{{.Name}}'") == "front\n");
    CHECK(lab.run("docker network ls -f name=front -q") == lab.host.engine().findNetwork("front")->id.substr(0, 12) + "\n");
    const std::string json = lab.run("docker network ls -f name=front --format json");
    CHECK(json.starts_with("{\"CreatedAt\":"));
    CHECK(json.find("\"Labels\":\"team=web\",\"Name\":\"front\",\"Scope\":\"local\"}") != std::string::npos);
    // The header of a table template is what Go wrote before .Label failed on the header map.
    CHECK(lab.run("docker network ls -f name=front --format 'table {{.Name}}\\t{{.Label \"team\"}}'") == "NAME      \nfront     web\n");
    CHECK(lab.run("docker network ls --format '{{.Label 1}}'").find("expected string; found 1") !=
          std::string::npos);
}

TEST_CASE("Template methods are called as Go calls methods of the data", "[gotemplate][method]") {
    using sim::gotemplate::GoTemplate;
    sim::gotemplate::TemplateOptions o;
    o.methods["Greet"] = {2, [](const std::vector<std::string>& a) { return sim::core::JsonValue::string(a[0] + "," + a[1]); }};
    const auto data = sim::core::JsonValue::object().set("Inner", sim::core::JsonValue::object());
    CHECK(GoTemplate::parse("{{.Greet \"a\" \"b\"}}")->execute(data, o).value() == "a,b");
    CHECK(GoTemplate::parse("{{\"b\" | .Greet \"a\"}}")->execute(data, o).value() == "a,b");
    CHECK(GoTemplate::parse("{{$.Greet \"a\" \"b\"}}")->execute(data, o).value() == "a,b");
    CHECK(GoTemplate::parse("{{.Greet \"a\"}}")->execute(data, o).error().message ==
          "template: :1:2: executing \"\" at <.Greet>: wrong number of args for Greet: want 2 got 1");
    // Only the data itself has the methods.
    CHECK_FALSE(GoTemplate::parse("{{.Inner.Greet \"a\" \"b\"}}")->execute(data, o));
    CHECK(GoTemplate::parse("ab{{.Nope}}")->executeKeepingPartial(data, {}) == "ab");
}

TEST_CASE("network connect records the endpoint settings and every start applies them", "[cli][network][connect]") {
    Lab lab;
    lab.run("docker network create --subnet 172.30.0.0/16 iso");
    lab.run("docker create --name c2 alpine sleep 1000");
    CHECK(lab.run("docker network connect --ip 172.30.100.104 --alias app,api --link-local-ip 169.254.1.1 "
                  "--driver-opt k=v iso c2") == "");
    const auto* c = lab.host.engine().findContainer("c2");
    const auto* kept = lab.host.engine().endpointSettings(*c, "iso");
    REQUIRE(kept);
    CHECK(kept->ip->toString() == "172.30.100.104");
    CHECK(kept->aliases == std::vector<std::string>{"app", "api"});
    CHECK(kept->driverOpts.at("k") == "v");
    for (int round = 0; round < 2; ++round) {
        lab.run("docker start c2");
        REQUIRE(lab.status == 0);
        const std::string addr = lab.run("docker exec c2 ip -4 addr show eth1");
        CHECK(addr.find("inet 172.30.100.104/16") != std::string::npos);
        CHECK(addr.find("inet 169.254.1.1/16") != std::string::npos);
        lab.run("docker run --rm --network iso alpine ping -c 1 api");
        CHECK(lab.status == 0);
        lab.run("docker stop c2");
    }
    CHECK(lab.run("docker inspect -f '{{json .NetworkSettings.Networks.iso.IPAMConfig}} {{json .NetworkSettings.Networks.bridge.IPAMConfig}}' c2") ==
          "{\"IPv4Address\":\"172.30.100.104\",\"LinkLocalIPs\":[\"169.254.1.1\"]} null\n");
    lab.run("docker network disconnect iso c2");
    CHECK(lab.status == 0);
    CHECK(lab.host.engine().endpointSettings(*lab.host.engine().findContainer("c2"), "iso") == nullptr);
}

TEST_CASE("network connect refuses in validateEndpointSettings' words", "[cli][network][connect]") {
    Lab lab;
    lab.run("docker network create plain");
    lab.run("docker network create --subnet 10.9.0.0/24 sub");
    lab.run("docker run -d --name cc alpine sleep 1000");
    CHECK(lab.run("docker network connect --ip 172.18.0.9 plain cc") ==
          "Error response from daemon: invalid endpoint settings:\n"
          "user specified IP address is supported only when connecting to networks with user configured subnets\n");
    CHECK(lab.run("docker network connect --ip 10.9.1.1 sub cc") ==
          "Error response from daemon: invalid endpoint settings:\nno configured subnet or ip-range contain the IP address 10.9.1.1\n");
    CHECK(lab.run("docker network connect --ip 172.17.0.9 --alias a bridge cc") ==
          "Error response from daemon: invalid endpoint settings:\n"
          "* user specified IP address is supported on user defined networks only\n"
          "* network-scoped alias is supported only for containers in user defined networks\n");
    CHECK(lab.run("docker network connect --ip6 fe80::1 sub cc") ==
          "Error response from daemon: invalid endpoint settings:\n"
          "user specified IP address is supported only when connecting to networks with user configured subnets\n");
    CHECK(lab.run("docker network connect --link-local-ip nope sub cc") ==
          "Error response from daemon: invalid endpoint settings:\ninvalid link-local IP address: nope\n");
    CHECK(lab.run("docker network connect sub nosuch") == "Error response from daemon: No such container: nosuch\n");
    // A stopped container: validated against an existing network, recorded for a missing one.
    lab.run("docker stop cc");
    CHECK(lab.run("docker network connect --ip 172.18.0.9 plain cc").find("user configured subnets") != std::string::npos);
    CHECK(lab.run("docker network connect ghost cc") == "");
    CHECK(lab.run("docker start cc") == "Error response from daemon: network ghost not found\nError: failed to start containers: cc\n");
    CHECK(lab.run("docker network disconnect ghost cc") == "");
    lab.run("docker start cc");
    CHECK(lab.status == 0);
}

TEST_CASE("the endpoint checks read net.ParseIP's IPv6 forms (wire::Ipv6Address)", "[docker][network]") {
    auto isIpv6Text = [](const char* text) { return sim::wire::Ipv6Address::parse(text).has_value(); };
    CHECK(isIpv6Text("2001:db8::33"));
    CHECK(isIpv6Text("::1"));
    CHECK(isIpv6Text("::"));
    CHECK(isIpv6Text("1:2:3:4:5:6:7:8"));
    CHECK(isIpv6Text("::ffff:1.2.3.4"));
    CHECK_FALSE(isIpv6Text("1.2.3.4"));
    CHECK_FALSE(isIpv6Text("1:2:3:4:5:6:7:8:9"));
    CHECK_FALSE(isIpv6Text("1::2::3"));
    CHECK_FALSE(isIpv6Text("12345::"));
    CHECK_FALSE(isIpv6Text("1:2:"));
}

TEST_CASE("network prune: until, label, label!, and stopped containers' networks", "[cli][network][prune]") {
    Lab lab;
    lab.run("docker network create --label keep old");
    lab.host.engine().kernel().scheduler().runUntil(lab.host.engine().kernel().now() + sim::core::seconds(7200));
    lab.run("docker network create fresh");
    lab.run("docker network create used");
    lab.run("docker run -d --name uu --network used alpine sleep 1000");
    lab.run("docker run --name gone --network fresh alpine true");  // exited: no endpoint left
    CHECK(lab.run("docker network prune -f --filter until=1h --filter label!=keep") == "");
    CHECK(lab.run("docker network prune -f --filter until=1h") == "Deleted Networks:\nold\n\n");
    CHECK(lab.run("docker network prune -f") == "Deleted Networks:\nfresh\n\n");
    CHECK(lab.run("docker start gone") == "Error response from daemon: network " +
                                               lab.host.engine().findContainer("gone")->networks[0] +
                                               " not found\nError: failed to start containers: gone\n");
    CHECK(lab.run("docker network prune -f --filter label=x=y") == "");
    CHECK(lab.run("docker network prune --filter foo=1") ==
          "WARNING! This will remove all custom networks not used by at least one container.\n"
          "Are you sure you want to continue? [y/N] ");  // cancelled: exit 0, nothing asked of the daemon
    CHECK(lab.run("docker network prune -f --filter until=2024-13-01").find("month out of range") != std::string::npos);
}

TEST_CASE("network create's IPAM flags: the CLI's checks, then the daemon's", "[cli][network][create]") {
    using sim::cli::IpamFlags;
    auto cli = [](IpamFlags f) {
        auto r = sim::cli::consolidateIpam(f);
        return r ? std::string() : r.error().message;
    };
    CHECK(cli({{}, {}, {"10.0.0.1"}, {}}) == "every ip-range or gateway must have a corresponding subnet");
    CHECK(cli({{"10.0.0.0/16", "10.0.1.0/24"}, {}, {}, {}}) == "multiple overlapping subnet configuration is not supported");
    CHECK(cli({{"10.0.0.0/16"}, {"10.1.0.0/24"}, {}, {}}) == "no matching subnet for range 10.1.0.0/24");
    CHECK(cli({{"10.0.0.0/16"}, {}, {"10.1.0.1"}, {}}) == "no matching subnet for gateway 10.1.0.1");
    CHECK(cli({{"10.0.0.0/16"}, {}, {}, {{"h", "10.1.0.1"}}}) == "no matching subnet for aux-address 10.1.0.1");
    CHECK(cli({{"10.0.0.0/16", "10.2.0.0/16"}, {"10.0.0.0/24", "10.0.1.0/24"}, {}, {}}) ==
          "cannot configure multiple ranges (10.0.1.0/24, 10.0.0.0/24) on the same subnet (10.0.0.0/16)");
    CHECK(cli({{"bad"}, {}, {"10.0.0.1"}, {}}) == "invalid subnet: invalid CIDR address: bad");
    CHECK(cli({{"10.0.0.0/16"}, {"10.0.4.0/24"}, {"10.0.4.254"}, {{"r", "10.0.4.1"}}}).empty());

    auto daemon = [](IpamFlags f) {
        auto r = sim::cli::validateIpam(f);
        return r ? std::string() : r.error().message;
    };
    CHECK(daemon({{"10.0.0.5/16"}, {}, {}, {}}) == "invalid network config:\ninvalid subnet 10.0.0.5/16: it should be 10.0.0.0/16");
    CHECK(daemon({{"10.0.0.0/24"}, {"10.0.0.7/16"}, {}, {}}) ==
          "invalid network config:\n* invalid ip-range 10.0.0.7/16: CIDR block is bigger than its parent subnet 10.0.0.0/24\n"
          "* invalid ip-range 10.0.0.7/16: it should be 10.0.0.0/16");
    CHECK(daemon({{"10.0.0.0/24"}, {}, {"10.0.0.1/24"}, {}}) == "invalid network config:\ninvalid gateway 10.0.0.1/24: invalid address");

    Lab lab;
    lab.run("docker network create --subnet 10.20.0.0/24 --ip-range 10.20.0.128/25 --aux-address r=10.20.0.129 ranged");
    REQUIRE(lab.status == 0);
    lab.run("docker run -d --name r2 --network ranged alpine sleep 1000");
    CHECK(lab.run("docker inspect -f '{{.NetworkSettings.Networks.ranged.IPAddress}}' r2") == "10.20.0.130\n");
    CHECK(lab.run("docker network inspect -f '{{json .IPAM.Config}}' ranged") ==
          "[{\"Subnet\":\"10.20.0.0/24\",\"IPRange\":\"10.20.0.128/25\",\"AuxiliaryAddresses\":{\"r\":\"10.20.0.129\"}}]\n");
    CHECK(lab.run("docker network create --gateway 10.1.1.1 x") == "every ip-range or gateway must have a corresponding subnet\n");
    CHECK(lab.status == 1);
    CHECK(lab.run("docker network create --ipv6 --subnet 2001:db8::/64 --subnet 2001:db8:1::/64 x")
              .starts_with("docknet: more than one IPv4 or IPv6 subnet per network is not modelled"));
}

TEST_CASE("An ID prefix two networks share is ambiguous, in FindNetwork's words", "[cli][network]") {
    Lab lab;
    // Create networks until two IDs share their first character.
    std::map<char, std::string> byFirst;
    std::string prefix;
    for (int i = 0; prefix.empty() && i < 40; ++i) {
        const std::string id = lab.run("docker network create n" + std::to_string(i));
        if (byFirst.contains(id[0])) prefix = std::string(1, id[0]);
        byFirst[id[0]] = id;
    }
    REQUIRE_FALSE(prefix.empty());
    std::size_t count = 0;
    for (const auto* n : lab.host.engine().networks()) count += n->id.starts_with(prefix);
    const std::string ambiguous = "network " + prefix + " is ambiguous (" + std::to_string(count) + " matches found based on ID prefix)";
    CHECK(lab.run("docker network rm " + prefix) == "Error response from daemon: " + ambiguous + "\n");
    CHECK(lab.run("docker network inspect " + prefix) ==
          "Error response from daemon: " + std::to_string(count) + " matches found based on ID prefix: network " + prefix +
              " is ambiguous\n");
    CHECK(lab.run("docker network rm " + byFirst[prefix[0]].substr(0, 12)) == byFirst[prefix[0]].substr(0, 12) + "\n");
}
