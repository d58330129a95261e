#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "sim/cli/flag_parser.hpp"

using sim::cli::ArgCount;
using sim::cli::CliStyle;
using sim::cli::CommandSpec;
using sim::cli::FlagSpec;
using sim::cli::ParsedFlags;
using sim::core::ErrorCode;
using Strings = std::vector<std::string>;
using namespace std::chrono_literals;

namespace {

// A slice of `docker run`'s table (docker/cli cli/command/container/opts.go, run.go).
CommandSpec dockerRun() {
    CommandSpec c;
    c.path = "docker run";
    c.use = "[OPTIONS] IMAGE [COMMAND] [ARG...]";
    c.description = "Create and run a new container from an image";
    c.aliases = {"docker container run", "docker run"};
    c.args = ArgCount::atLeast(1);
    c.interspersed = false;
    const FlagSpec network = FlagSpec::list("network", 0, "Connect a container to a network", "network");
    const FlagSpec networkAlias = FlagSpec::list("network-alias", 0, "Add network-scoped alias for the container");
    c.flags = {
        FlagSpec::boolean("detach", 'd', "Run container in background and print container ID"),
        FlagSpec::list("env", 'e', "Set environment variables"),
        FlagSpec::string("hostname", 'h', "Container host name"),
        FlagSpec::boolean("interactive", 'i', "Keep STDIN open even if not attached"),
        FlagSpec::string("ip", 0, "IPv4 address (e.g., 172.30.100.104)"),
        FlagSpec::list("link", 0, "Add link to another container"),
        FlagSpec::string("name", 0, "Assign a name to the container"),
        network,
        network.alias("net"),
        networkAlias,
        networkAlias.alias("alias"),
        FlagSpec::list("publish", 'p', "Publish a container's port(s) to the host"),
        FlagSpec::boolean("publish-all", 'P', "Publish all exposed ports to random ports"),
        FlagSpec::boolean("rm", 0, "Automatically remove the container and its associated anonymous volumes when it exits"),
        FlagSpec::integer("cpu-shares", 'c', "CPU shares (relative weight)"),
        FlagSpec::duration("health-interval", 0, "Time between running the check (ms|s|m|h) (default 0s)"),
        FlagSpec::boolean("tty", 't', "Allocate a pseudo-TTY"),
    };
    return c;
}

// docker network create (docker/cli cli/command/network/create.go).
CommandSpec dockerNetworkCreate() {
    CommandSpec c;
    c.path = "docker network create";
    c.use = "[OPTIONS] NETWORK";
    c.description = "Create a network";
    c.args = ArgCount::exactly(1);
    c.flags = {
        FlagSpec::string("driver", 'd', "Driver to manage the Network", "bridge"),
        FlagSpec::list("opt", 'o', "Set driver specific options", "map"),
        FlagSpec::list("label", 0, "Set metadata on a network"),
        FlagSpec::boolean("internal", 0, "Restrict external access to the network"),
        FlagSpec::boolean("ipv6", 0, "Enable IPv6 networking"),
        FlagSpec::boolean("attachable", 0, "Enable manual container attachment"),
        FlagSpec::boolean("ingress", 0, "Create swarm routing-mesh network"),
        FlagSpec::string("scope", 0, "Control the network's scope"),
        FlagSpec::boolean("config-only", 0, "Create a configuration only network"),
        FlagSpec::string("config-from", 0, "The network from which to copy the configuration"),
        FlagSpec::string("ipam-driver", 0, "IP Address Management Driver", "default"),
        FlagSpec::slice("subnet", 0, "Subnet in CIDR format that represents a network segment"),
        FlagSpec::slice("ip-range", 0, "Allocate container ip from a sub-range"),
        FlagSpec::slice("gateway", 0, "IPv4 or IPv6 Gateway for the master subnet"),
        FlagSpec::list("aux-address", 0, "Auxiliary IPv4 or IPv6 addresses used by Network driver", "map"),
        FlagSpec::list("ipam-opt", 0, "Set IPAM driver specific options", "map"),
    };
    for (auto& f : c.flags)
        if (f.typeName == "map") f.defaultValue = "map[]";
    return c;
}

ParsedFlags parseOk(const CommandSpec& c, const Strings& argv) {
    auto r = sim::cli::parseFlags(c, argv);
    if (!r) FAIL("parse failed: " << r.error().message);
    return *r;
}

std::string errorOf(const CommandSpec& c, const Strings& argv) {
    auto r = sim::cli::parseFlags(c, argv);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == ErrorCode::InvalidArgument);
    return r.error().message;
}

}  // namespace

TEST_CASE("the tutorial's docker run lines", "[cli][flags]") {
    const CommandSpec run = dockerRun();
    const ParsedFlags db =
        parseOk(run, {"--name", "db", "-e", "MYSQL_ROOT_PASSWORD=1234", "-p", "3306:3306", "-d", "mysql-custom"});
    CHECK(db.getString("name") == "db");
    CHECK(db.getList("env") == Strings{"MYSQL_ROOT_PASSWORD=1234"});
    CHECK(db.getList("publish") == Strings{"3306:3306"});
    CHECK(db.getBool("detach"));
    CHECK_FALSE(db.getBool("rm"));
    CHECK(db.args == Strings{"mysql-custom"});

    const ParsedFlags nginx1 = parseOk(run, {"--name", "nginx1", "--link", "nginx:nginx", "-d", "nginx-custom"});
    CHECK(nginx1.getList("link") == Strings{"nginx:nginx"});
    CHECK(nginx1.args == Strings{"nginx-custom"});

    const ParsedFlags nginx4 = parseOk(run, {"--name", "nginx4", "--net=host", "-d", "nginx-custom"});
    CHECK(nginx4.getList("network") == Strings{"host"});
    CHECK(nginx4.changed("network"));
    CHECK(nginx4.occurrences[1] == std::pair<std::string, std::string>{"network", "host"});
}

TEST_CASE("value forms: --name web / --name=web / -p 80:80 / -p80:80 / -p=80:80", "[cli][flags]") {
    const CommandSpec run = dockerRun();
    CHECK(parseOk(run, {"--name", "web", "nginx"}).getString("name") == "web");
    CHECK(parseOk(run, {"--name=web", "nginx"}).getString("name") == "web");
    CHECK(parseOk(run, {"--name=", "nginx"}).getString("name").empty());
    CHECK(parseOk(run, {"--name=a=b", "nginx"}).getString("name") == "a=b");
    CHECK(parseOk(run, {"-p", "80:80", "nginx"}).getList("publish") == Strings{"80:80"});
    CHECK(parseOk(run, {"-p80:80", "nginx"}).getList("publish") == Strings{"80:80"});
    CHECK(parseOk(run, {"-p=80:80", "nginx"}).getList("publish") == Strings{"80:80"});
    // A flag's value may look like a flag.
    CHECK(parseOk(run, {"--name", "-x", "nginx"}).getString("name") == "-x");
}

TEST_CASE("bool groups and a value-taking shorthand at the end of a group", "[cli][flags]") {
    const CommandSpec run = dockerRun();
    for (const Strings& argv : {Strings{"-itd", "alpine"}, Strings{"-dit", "alpine"}, Strings{"-i", "-t", "-d", "alpine"}}) {
        const ParsedFlags f = parseOk(run, argv);
        CHECK(f.getBool("interactive"));
        CHECK(f.getBool("tty"));
        CHECK(f.getBool("detach"));
        CHECK(f.args == Strings{"alpine"});
    }
    const ParsedFlags dp = parseOk(run, {"-dp", "80:80", "nginx"});
    CHECK(dp.getBool("detach"));
    CHECK(dp.getList("publish") == Strings{"80:80"});
    CHECK(dp.args == Strings{"nginx"});
    CHECK(parseOk(run, {"-dp8080:80", "nginx"}).getList("publish") == Strings{"8080:80"});
    CHECK(parseOk(run, {"-dp=8080:80", "nginx"}).getList("publish") == Strings{"8080:80"});
    CHECK(parseOk(run, {"-P", "nginx"}).getBool("publish-all"));
}

TEST_CASE("bools: --rm / --rm=false / -d=false and a bool never takes the next argument", "[cli][flags]") {
    const CommandSpec run = dockerRun();
    CHECK(parseOk(run, {"--rm", "alpine"}).getBool("rm"));
    const ParsedFlags off = parseOk(run, {"--rm=false", "alpine"});
    CHECK_FALSE(off.getBool("rm"));
    CHECK(off.changed("rm"));
    CHECK(parseOk(run, {"--rm=1", "alpine"}).getBool("rm"));
    CHECK_FALSE(parseOk(run, {"-d=false", "alpine"}).getBool("detach"));
    CHECK(parseOk(run, {"--rm", "false"}).args == Strings{"false"});
    CHECK(errorOf(run, {"--rm=maybe", "alpine"}) ==
          "invalid argument \"maybe\" for \"--rm\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax");
}

TEST_CASE("docker run stops at IMAGE and the rest is the container's command", "[cli][flags]") {
    const CommandSpec run = dockerRun();
    const ParsedFlags f = parseOk(run, {"--rm", "--network", "mynet", "alpine", "ping", "-c", "3", "--name", "web"});
    CHECK(f.args == Strings{"alpine", "ping", "-c", "3", "--name", "web"});
    CHECK(f.getString("name").empty());
    CHECK(f.getList("network") == Strings{"mynet"});
    // "-" alone is an argument.
    CHECK(parseOk(run, {"-", "x"}).args == Strings{"-", "x"});

    // With interspersed flags (most commands) flags may follow arguments.
    const CommandSpec create = dockerNetworkCreate();
    const ParsedFlags n = parseOk(create, {"mynet", "--subnet", "10.0.0.0/24", "-d", "bridge"});
    CHECK(n.args == Strings{"mynet"});
    CHECK(n.getList("subnet") == Strings{"10.0.0.0/24"});
}

TEST_CASE("a double dash ends the flags", "[cli][flags]") {
    const CommandSpec create = dockerNetworkCreate();
    const ParsedFlags f = parseOk(create, {"--internal", "--", "--weird-name", "-d"});
    CHECK(f.getBool("internal"));
    CHECK(f.args == Strings{"--weird-name", "-d"});
    CHECK(f.argsLenAtDash == 0);
    CHECK(parseOk(create, {"net"}).argsLenAtDash == -1);
}

TEST_CASE("repeated list flags accumulate and slices split on commas", "[cli][flags]") {
    const CommandSpec run = dockerRun();
    const ParsedFlags f = parseOk(run, {"-p", "80:80", "-p", "443:443", "-e", "X=1", "-e", "Y=2,3", "--env=Z=", "nginx"});
    CHECK(f.getList("publish") == Strings{"80:80", "443:443"});
    CHECK(f.getList("env") == Strings{"X=1", "Y=2,3", "Z="});
    CHECK(f.getList("link").empty());

    const CommandSpec create = dockerNetworkCreate();
    const ParsedFlags n = parseOk(create, {"--subnet", "10.0.0.0/24,10.0.1.0/24", "--subnet=10.0.2.0/24", "n"});
    CHECK(n.getList("subnet") == Strings{"10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"});
    CHECK(n.getString("driver") == "bridge");
    CHECK_FALSE(n.changed("driver"));
    CHECK(parseOk(create, {"-d", "macvlan", "n"}).getString("driver") == "macvlan");
}

TEST_CASE("aliases share one value", "[cli][flags]") {
    const CommandSpec run = dockerRun();
    const ParsedFlags f =
        parseOk(run, {"--net", "a", "--network=b", "--alias", "web", "--network-alias", "www", "-h", "box", "nginx"});
    CHECK(f.getList("network") == Strings{"a", "b"});
    CHECK(f.getList("network-alias") == Strings{"web", "www"});
    CHECK(f.getString("hostname") == "box");
    CHECK_FALSE(f.helpRequested);
    CHECK_FALSE(f.values.contains("net"));
}

TEST_CASE("pflag's error texts", "[cli][flags]") {
    const CommandSpec run = dockerRun();
    CHECK(errorOf(run, {"--foo", "nginx"}) == "unknown flag: --foo");
    CHECK(errorOf(run, {"--foo=bar", "nginx"}) == "unknown flag: --foo");
    CHECK(errorOf(run, {"-x", "nginx"}) == "unknown shorthand flag: 'x' in -x");
    CHECK(errorOf(run, {"-dx", "nginx"}) == "unknown shorthand flag: 'x' in -x");
    CHECK(errorOf(run, {"-xd", "nginx"}) == "unknown shorthand flag: 'x' in -xd");
    CHECK(errorOf(run, {"--name"}) == "flag needs an argument: --name");
    CHECK(errorOf(run, {"-p"}) == "flag needs an argument: 'p' in -p");
    CHECK(errorOf(run, {"-dp"}) == "flag needs an argument: 'p' in -p");
    CHECK(errorOf(run, {"---x"}) == "bad flag syntax: ---x");
    CHECK(errorOf(run, {"--=x"}) == "bad flag syntax: --=x");
    CHECK(errorOf(run, {"-c", "abc", "nginx"}) ==
          "invalid argument \"abc\" for \"-c, --cpu-shares\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax");

    const std::vector<FlagSpec> ping = {FlagSpec::integer("count", 'c', "Stop after sending count packets")};
    auto bad = sim::cli::parseFlags(ping, {"-c", "abc"});
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message ==
          "invalid argument \"abc\" for \"-c, --count\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax");
    auto big = sim::cli::parseFlags(ping, {"--count=99999999999999999999"});
    REQUIRE_FALSE(big);
    CHECK(big.error().message == "invalid argument \"99999999999999999999\" for \"-c, --count\" flag: "
                                 "strconv.ParseInt: parsing \"99999999999999999999\": value out of range");
}

TEST_CASE("int and duration values use Go's syntax", "[cli][flags]") {
    const CommandSpec run = dockerRun();
    CHECK(parseOk(run, {"-c", "512", "x"}).getInt("cpu-shares") == 512);
    CHECK(parseOk(run, {"-c", "0x1f", "x"}).getInt("cpu-shares") == 31);
    CHECK(parseOk(run, {"-c", "-3", "x"}).getInt("cpu-shares") == -3);
    CHECK(parseOk(run, {"-c", "010", "x"}).getInt("cpu-shares") == 8);
    CHECK(parseOk(run, {"-c", "0x_1F", "x"}).getInt("cpu-shares") == 31);
    CHECK(parseOk(run, {"x"}).getInt("cpu-shares") == 0);
    CHECK(parseOk(run, {"-c", "1_000", "x"}).getInt("cpu-shares") == 1000);
    CHECK(errorOf(run, {"-c", "1__0", "x"}) ==
          "invalid argument \"1__0\" for \"-c, --cpu-shares\" flag: strconv.ParseInt: parsing \"1__0\": invalid syntax");
    CHECK(errorOf(run, {"-c", "_1", "x"}) ==
          "invalid argument \"_1\" for \"-c, --cpu-shares\" flag: strconv.ParseInt: parsing \"_1\": invalid syntax");
    CHECK(errorOf(run, {"-c", "0x", "x"}) ==
          "invalid argument \"0x\" for \"-c, --cpu-shares\" flag: strconv.ParseInt: parsing \"0x\": invalid syntax");

    CHECK(parseOk(run, {"--health-interval", "1m30s", "x"}).getDuration("health-interval") == 90s);
    CHECK(parseOk(run, {"--health-interval=250ms", "x"}).getDuration("health-interval") == 250ms);
    CHECK(parseOk(run, {"--health-interval=1.5h", "x"}).getDuration("health-interval") == 90min);
    CHECK(parseOk(run, {"--health-interval=0", "x"}).getDuration("health-interval") == 0s);
    CHECK(parseOk(run, {"x"}).getDuration("health-interval") == 0s);
    CHECK(errorOf(run, {"--health-interval", "abc", "x"}) ==
          "invalid argument \"abc\" for \"--health-interval\" flag: time: invalid duration \"abc\"");
    CHECK(errorOf(run, {"--health-interval", "10", "x"}) ==
          "invalid argument \"10\" for \"--health-interval\" flag: time: missing unit in duration \"10\"");
    CHECK(errorOf(run, {"--health-interval", "10x", "x"}) ==
          "invalid argument \"10x\" for \"--health-interval\" flag: time: unknown unit \"x\" in duration \"10x\"");
}

TEST_CASE("help flags: --help and the deprecated -h", "[cli][flags]") {
    const CommandSpec create = dockerNetworkCreate();
    const ParsedFlags help = parseOk(create, {"--help"});
    CHECK(help.helpRequested);
    CHECK(help.notices.empty());
    const ParsedFlags h = parseOk(create, {"-h"});
    CHECK(h.helpRequested);
    CHECK(h.notices == Strings{"Flag shorthand -h has been deprecated, use --help"});
    // docker run's -h is --hostname.
    CHECK(errorOf(dockerRun(), {"-h"}) == "flag needs an argument: 'h' in -h");
    // Flags after IMAGE are the container's, --help included.
    CHECK_FALSE(parseOk(dockerRun(), {"nginx", "--help"}).helpRequested);
    // --help skips the argument count check.
    auto r = sim::cli::parseCommandLine(create, {"--help"});
    REQUIRE(r);
    CHECK(r->helpRequested);
}

TEST_CASE("docker's argument-count messages (cli/required.go)", "[cli][flags]") {
    const CommandSpec create = dockerNetworkCreate();
    auto none = sim::cli::checkArgCount(create, {});
    REQUIRE_FALSE(none);
    CHECK(none.error().message ==
          "\"docker network create\" requires exactly 1 argument.\n"
          "See 'docker network create --help'.\n"
          "\n"
          "Usage:  docker network create [OPTIONS] NETWORK\n"
          "\n"
          "Create a network");
    CHECK(sim::cli::checkArgCount(create, {"mynet"}));
    CHECK_FALSE(sim::cli::checkArgCount(create, {"a", "b"}));

    auto current = sim::cli::checkArgCount(create, {}, CliStyle::Current);
    REQUIRE_FALSE(current);
    CHECK(current.error().message ==
          "docker: 'docker network create' requires 1 argument\n"
          "\n"
          "Usage:  docker network create [OPTIONS] NETWORK\n"
          "\n"
          "Run 'docker network create --help' for more information");

    const CommandSpec run = dockerRun();
    auto noImage = sim::cli::checkArgCount(run, {});
    REQUIRE_FALSE(noImage);
    CHECK(noImage.error().message ==
          "\"docker run\" requires at least 1 argument.\n"
          "See 'docker run --help'.\n"
          "\n"
          "Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n"
          "\n"
          "Create and run a new container from an image");

    CommandSpec ls;
    ls.path = "docker network ls";
    ls.use = "[OPTIONS]";
    ls.description = "List networks";
    ls.args = ArgCount::none();
    CHECK(sim::cli::checkArgCount(ls, {"x"}).error().message ==
          "\"docker network ls\" accepts no arguments.\nSee 'docker network ls --help'.\n\nUsage:  docker network ls "
          "[OPTIONS]\n\nList networks");
    CHECK(sim::cli::checkArgCount(ls, {"x"}, CliStyle::Current).error().message ==
          "docker: 'docker network ls' accepts no arguments\n\nUsage:  docker network ls [OPTIONS]\n\nRun 'docker "
          "network ls --help' for more information");

    CommandSpec connect;
    connect.path = "docker network connect";
    connect.use = "[OPTIONS] NETWORK CONTAINER";
    connect.description = "Connect a container to a network";
    connect.args = ArgCount::exactly(2);
    CHECK_THAT(sim::cli::checkArgCount(connect, {"n"}).error().message,
               Catch::StartsWith("\"docker network connect\" requires exactly 2 arguments.\n"));

    CommandSpec range;
    range.path = "docker x";
    range.use = "A [B]";
    range.description = "X";
    range.args = ArgCount::range(1, 2);
    CHECK_THAT(sim::cli::checkArgCount(range, {}).error().message,
               Catch::StartsWith("\"docker x\" requires at least 1 and at most 2 arguments.\n"));
    range.args = ArgCount::atMost(1);
    CHECK_THAT(sim::cli::checkArgCount(range, {"a", "b"}).error().message,
               Catch::StartsWith("\"docker x\" requires at most 1 argument.\n"));
}

TEST_CASE("flag errors as docker prints them", "[cli][flags]") {
    const CommandSpec run = dockerRun();
    CHECK(sim::cli::flagErrorMessage(run, "unknown flag: --foo") == "unknown flag: --foo\nSee 'docker run --help'.");
    CHECK(sim::cli::flagErrorMessage(run, "unknown flag: --foo", CliStyle::Current) ==
          "unknown flag: --foo\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for "
          "more information");
    auto r = sim::cli::parseCommandLine(run, {"--foo", "nginx"});
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "unknown flag: --foo\nSee 'docker run --help'.");
    auto noImage = sim::cli::parseCommandLine(run, {"-d"});
    REQUIRE_FALSE(noImage);
    CHECK_THAT(noImage.error().message, Catch::StartsWith("\"docker run\" requires at least 1 argument."));
    auto ok = sim::cli::parseCommandLine(run, {"-d", "nginx"});
    REQUIRE(ok);
    CHECK(ok->args == Strings{"nginx"});
}

TEST_CASE("help text in docker's layout", "[cli][flags]") {
    const std::string expected =
        "\n"
        "Usage:  docker network create [OPTIONS] NETWORK\n"
        "\n"
        "Create a network\n"
        "\n"
        "Options:\n"
        "      --attachable           Enable manual container attachment\n"
        "      --aux-address map      Auxiliary IPv4 or IPv6 addresses used by\n"
        "                             Network driver (default map[])\n"
        "      --config-from string   The network from which to copy the configuration\n"
        "      --config-only          Create a configuration only network\n"
        "  -d, --driver string        Driver to manage the Network (default \"bridge\")\n"
        "      --gateway strings      IPv4 or IPv6 Gateway for the master subnet\n"
        "      --ingress              Create swarm routing-mesh network\n"
        "      --internal             Restrict external access to the network\n"
        "      --ip-range strings     Allocate container ip from a sub-range\n"
        "      --ipam-driver string   IP Address Management Driver (default \"default\")\n"
        "      --ipam-opt map         Set IPAM driver specific options (default map[])\n"
        "      --ipv6                 Enable IPv6 networking\n"
        "      --label list           Set metadata on a network\n"
        "  -o, --opt map              Set driver specific options (default map[])\n"
        "      --scope string         Control the network's scope\n"
        "      --subnet strings       Subnet in CIDR format that represents a\n"
        "                             network segment\n";
    CHECK(sim::cli::helpText(dockerNetworkCreate()) == expected);

    const std::string run = sim::cli::helpText(dockerRun());
    CHECK_THAT(run, Catch::StartsWith("\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\n"
                                      "Create and run a new container from an image\n\n"
                                      "Aliases:\n  docker container run, docker run\n\nOptions:\n"));
    CHECK_THAT(run, Catch::Contains("  -e, --env list "));
    CHECK_THAT(run, Catch::Contains("      --network network "));
    CHECK_THAT(run, !Catch::Contains("--net "));
    CHECK_THAT(run, !Catch::Contains("--alias "));
    CHECK_THAT(run, Catch::Contains("      --health-interval duration "));
    CHECK_THAT(run, Catch::Contains("  -c, --cpu-shares int "));

    // A back-quoted word in the usage names the value.
    const std::string usages =
        sim::cli::flagUsages({FlagSpec::string("format", 'f', "Format output using a custom `template`")});
    CHECK(usages == "  -f, --format template   Format output using a custom template\n");
}

TEST_CASE("goQuote is Go's %q", "[cli][flags]") {
    CHECK(sim::cli::goQuote("abc") == "\"abc\"");
    CHECK(sim::cli::goQuote("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"");
    CHECK(sim::cli::goQuote(std::string("\x01", 1)) == "\"\\x01\"");
}
