#include <catch2/catch.hpp>

#include <iterator>
#include <random>
#include <string>

#include "sim/gotemplate/go_template.hpp"
#include "sim/core/json.hpp"

using sim::gotemplate::GoTemplate;
using sim::gotemplate::MissingKey;
using sim::gotemplate::TemplateOptions;
using sim::core::ErrorCode;
using sim::core::JsonValue;

namespace {

JsonValue str(const char* s) { return JsonValue::string(s); }

// A trimmed `docker inspect web` element: structs as insertion-ordered objects, Go maps
// (Labels, Networks, Ports) as sorted objects.
JsonValue webContainer() {
    auto bridge = JsonValue::object()
                      .set("Links", JsonValue())
                      .set("Aliases", JsonValue())
                      .set("NetworkID", str("17e324f45964"))
                      .set("EndpointID", str("03b6aafb7ca4"))
                      .set("Gateway", str("172.17.0.1"))
                      .set("IPAddress", str("172.17.0.3"))
                      .set("IPPrefixLen", JsonValue::number(16))
                      .set("MacAddress", str("02:42:ac:11:00:03"));
    return JsonValue::object()
        .set("Id", str("602dbf1edc81813304b6cf0a647e65333dc6fe6ee6ed572dc0f686a3307c6a2c"))
        .set("Path", str("nginx"))
        .set("Args", JsonValue::stringArray({"-g", "daemon off;"}))
        .set("State", JsonValue::object()
                          .set("Status", str("running"))
                          .set("Running", JsonValue::boolean(true))
                          .set("Pid", JsonValue::number(8983))
                          .set("ExitCode", JsonValue::number(0))
                          .set("Health", JsonValue()))
        .set("Name", str("/web"))
        .set("HostConfig", JsonValue::object()
                               .set("NetworkMode", str("default"))
                               .set("Links", JsonValue::stringArray({"/db:/web/db"})))
        .set("Config", JsonValue::object()
                           .set("Hostname", str("602dbf1edc81"))
                           .set("Env", JsonValue::stringArray({"PATH=/usr/bin", "NGINX_VERSION=1.25.3"}))
                           .set("Labels", JsonValue::sortedObject().set("maintainer", str("NGINX <docker-maint@nginx.com>"))))
        .set("NetworkSettings", JsonValue::object()
                                    .set("Ports", JsonValue::sortedObject().set(
                                                      "80/tcp", JsonValue::array().push(JsonValue::object()
                                                                                            .set("HostIp", str("0.0.0.0"))
                                                                                            .set("HostPort", str("8080")))))
                                    .set("IPAddress", str("172.17.0.3"))
                                    .set("Networks", JsonValue::sortedObject().set("bridge", std::move(bridge))));
}

// `docker network inspect bridge` with two containers (Containers is a map keyed by ID).
JsonValue bridgeNetwork() {
    const auto endpoint = [](const char* name, const char* ip, const char* mac) {
        return JsonValue::object()
            .set("Name", str(name))
            .set("EndpointID", str("03b6aafb7ca4"))
            .set("MacAddress", str(mac))
            .set("IPv4Address", str(ip))
            .set("IPv6Address", str(""));
    };
    return JsonValue::object()
        .set("Name", str("bridge"))
        .set("Driver", str("bridge"))
        .set("IPAM", JsonValue::object()
                         .set("Driver", str("default"))
                         .set("Options", JsonValue())
                         .set("Config", JsonValue::array().push(JsonValue::object()
                                                                    .set("Subnet", str("172.17.0.0/16"))
                                                                    .set("Gateway", str("172.17.0.1")))))
        .set("Containers", JsonValue::sortedObject()
                               .set("b2e1", endpoint("alpine2", "172.17.0.3/16", "02:42:ac:11:00:03"))
                               .set("a1f0", endpoint("alpine1", "172.17.0.2/16", "02:42:ac:11:00:02")))
        .set("Options", JsonValue::sortedObject()
                            .set("com.docker.network.bridge.name", str("docker0"))
                            .set("com.docker.network.driver.mtu", str("1500")))
        .set("Labels", JsonValue::sortedObject());
}

std::string run(std::string_view text, const JsonValue& dot, const TemplateOptions& options = {}) {
    const auto t = GoTemplate::parse(text);
    if (!t) return "PARSE: " + t.error().message;
    const auto out = t->execute(dot, options);
    if (!out) return "EXEC: " + out.error().message;
    return *out;
}

std::string parseError(std::string_view text) {
    const auto t = GoTemplate::parse(text);
    if (t) return "parsed: " + t->toString();
    CHECK(t.error().code == ErrorCode::InvalidArgument);
    return t.error().message;
}

std::string execError(std::string_view text, const JsonValue& dot, const TemplateOptions& options = {}) {
    const auto t = GoTemplate::parse(text);
    if (!t) return "parse error: " + t.error().message;
    const auto out = t->execute(dot, options);
    if (out) return "executed: " + *out;
    return out.error().message;
}

}  // namespace

TEST_CASE("Tutorial `docker inspect -f` templates", "[cli][template]") {
    const JsonValue web = webContainer();
    CHECK(run("{{.NetworkSettings.IPAddress}}", web) == "172.17.0.3");
    CHECK(run("{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", web) == "172.17.0.3");
    CHECK(run("{{.NetworkSettings.Networks.bridge.IPAddress}}", web) == "172.17.0.3");
    CHECK(run("{{json .NetworkSettings.Networks}}", web) ==
          R"({"bridge":{"Links":null,"Aliases":null,"NetworkID":"17e324f45964","EndpointID":"03b6aafb7ca4",)"
          R"("Gateway":"172.17.0.1","IPAddress":"172.17.0.3","IPPrefixLen":16,"MacAddress":"02:42:ac:11:00:03"}})");
    CHECK(run("{{.HostConfig.Links}}", web) == "[/db:/web/db]");
    CHECK(run("{{.Name | upper}}", web) == "/WEB");
    CHECK(run("{{join .Args \" \"}}", web) == "-g daemon off;");
    CHECK(run("{{if .State.Running}}up{{else}}down{{end}}", web) == "up");
    CHECK(run("{{.State.Pid}} {{.State.Running}} {{.State.Health}}", web) == "8983 true <nil>");
    CHECK(run("{{range $p, $conf := .NetworkSettings.Ports}}{{$p}} -> {{(index $conf 0).HostPort}}{{end}}", web) == "80/tcp -> 8080");
    CHECK(run("{{range .NetworkSettings.Networks}}{{.MacAddress}}{{end}}", web) == "02:42:ac:11:00:03");
    CHECK(run("{{index .Config.Labels \"maintainer\"}}", web) == "NGINX <docker-maint@nginx.com>");
    CHECK(run("{{json .Config.Labels}}", web) == R"({"maintainer":"NGINX <docker-maint@nginx.com>"})");  // no HTML escaping
    CHECK(run("{{.Config.Env}}", web) == "[PATH=/usr/bin NGINX_VERSION=1.25.3]");
    CHECK(run("{{range .Config.Env}}{{println .}}{{end}}", web) == "PATH=/usr/bin\nNGINX_VERSION=1.25.3\n");
    CHECK(run("{{.Id | printf \"%.12s\"}} {{truncate .Id 12}}", web) == "602dbf1edc81 602dbf1edc81");
    CHECK(run("{{lower .State.Status | title}}", web) == "Running");
    CHECK(run("{{len .Args}} {{len .NetworkSettings.Networks}}", web) == "2 1");
    CHECK(run("{{.HostConfig}}", web) == "map[Links:[/db:/web/db] NetworkMode:default]");
}

TEST_CASE("Tutorial `docker network inspect -f` templates", "[cli][template]") {
    const JsonValue bridge = bridgeNetwork();
    CHECK(run("{{range .Containers}}{{.Name}} {{.IPv4Address}}{{println}}{{end}}", bridge) ==
          "alpine1 172.17.0.2/16\nalpine2 172.17.0.3/16\n");  // map order: by container ID
    CHECK(run("{{range $k, $v := .Containers}}{{$k}}={{$v.Name}} {{end}}", bridge) == "a1f0=alpine1 b2e1=alpine2 ");
    CHECK(run("{{index .Options \"com.docker.network.bridge.name\"}}", bridge) == "docker0");
    CHECK(run("{{range .IPAM.Config}}{{.Subnet}} via {{.Gateway}}{{end}}", bridge) == "172.17.0.0/16 via 172.17.0.1");
    CHECK(run("{{.IPAM.Options}} {{.Labels}} {{len .Containers}}", bridge) == "<nil> map[] 2");
    CHECK(run("{{range .Containers}}{{if eq .Name \"alpine2\"}}{{.MacAddress}}{{end}}{{end}}", bridge) == "02:42:ac:11:00:03");
    CHECK(run("{{json .Options}}", bridge) ==
          R"({"com.docker.network.bridge.name":"docker0","com.docker.network.driver.mtu":"1500"})");
    CHECK(run("{{.Name}}: {{range $i, $c := .IPAM.Config}}{{$i}}={{$c.Subnet}}{{end}}", bridge) == "bridge: 0=172.17.0.0/16");
}

TEST_CASE("Values print as Go's fmt prints them", "[cli][template]") {
    const auto dot = JsonValue::object()
                         .set("S", str("text"))
                         .set("I", JsonValue::number(-42))
                         .set("D", JsonValue::number(1e6))
                         .set("H", JsonValue::number(0.5))
                         .set("T", JsonValue::boolean(true))
                         .set("N", JsonValue())
                         .set("A", JsonValue::array({str("a"), JsonValue::number(1), JsonValue(), JsonValue::array()}))
                         .set("O", JsonValue::object().set("z", JsonValue::number(1)).set("a", JsonValue::object().set("k", str("v"))))
                         .set("E", JsonValue::array());
    CHECK(run("{{.S}}|{{.I}}|{{.D}}|{{.H}}|{{.T}}|{{.N}}", dot) == "text|-42|1e+06|0.5|true|<nil>");
    CHECK(run("{{.A}}|{{.E}}", dot) == "[a 1 <nil> []]|[]");
    CHECK(run("{{.O}}", dot) == "map[a:map[k:v] z:1]");
    CHECK(run("{{.}}", JsonValue::number(7)) == "7");
    CHECK(run("{{3.5}} {{1e6}} {{0x1F}} {{0o17}} {{017}} {{1_000}} {{'a'}} {{-2}} {{true}} {{\"q\"}} {{`raw`}}", dot) ==
          "3.5 1e+06 31 15 15 1000 97 -2 true q raw");
    CHECK(run("{{print 1 2 \"a\" \"b\" 3 .N}}|{{println 1 \"a\"}}|{{print}}", dot) == "1 2ab3 <nil>|1 a\n|");
    CHECK(run("{{\"a\\tb\\n\\u00e9\\x41\\101\"}}", dot) == "a\tb\n\xC3\xA9" "AA");
}

TEST_CASE("printf supports the common verbs and Go's error markers", "[cli][template]") {
    const auto dot = JsonValue::object().set("S", str("web")).set("I", JsonValue::number(42)).set("F", JsonValue::number(1.5));
    CHECK(run("{{printf \"%s|%d|%v|%q|%5d|%-5s|%05d|%x|%X|%o|%b|%c|%t|%%\" .S .I .F .S .I .S .I 255 255 8 5 65 true}}", dot) ==
          "web|42|1.5|\"web\"|   42|web  |00042|ff|FF|10|101|A|true|%");
    CHECK(run("{{printf \"%.2f|%8.3f|%e|%g|%+d|%6.2s|%T|%T\" .F .F .F .F .I .S .I .S}}", dot) ==
          "1.50|   1.500|1.500000e+00|1.5|+42|    we|int|string");
    CHECK(run("{{printf \"%d\" .S}}|{{printf \"%s\" .I}}|{{printf \"%d\"}}|{{printf \"%d\" 1 2}}|{{printf \"%\"}}", dot) ==
          "%!d(string=web)|%!s(int=42)|%!d(MISSING)|1%!(EXTRA int=2)|%!(NOVERB)");
    CHECK(run("{{printf \"%v %s\" (split \"a b\" \" \") (split \"c d\" \" \")}}", dot) == "[a b] [c d]");
    CHECK(run("{{printf \"%q\" \"a\\\"b\\n\"}}", dot) == "\"a\\\"b\\n\"");
    CHECK(run("{{printf \"%*d|%-*d|\" 4 1 3 2}}", dot) == "   1|2  |");
}

TEST_CASE("Docker's template functions", "[cli][template]") {
    const auto dot = JsonValue::object().set("E", str("")).set("L", JsonValue::stringArray({"a", "b"}));
    CHECK(run("{{split \"a,b,,c\" \",\"}} {{len (split \"a,b\" \",\")}} {{split \"ab\" \"\"}}", dot) == "[a b  c] 2 [a b]");
    CHECK(run("{{join .L \", \"}}|{{join (split \"x:y\" \":\") \"-\"}}", dot) == "a, b|x-y");
    CHECK(run("{{title \"hello docker-world foo_bar\"}}", dot) == "Hello Docker-World Foo_bar");
    CHECK(run("{{upper \"straße café\"}} {{lower \"ÀB\"}}", dot) == "STRAßE CAFÉ àb");
    CHECK(run("[{{pad \"x\" 2 1}}][{{pad .E 2 1}}]", dot) == "[  x ][]");
    CHECK(run("{{truncate \"abcdef\" 3}} {{truncate \"ab\" 5}} {{truncate \"abc\" 3}}", dot) == "abc ab abc");
    CHECK(run("{{json .}}", dot) == R"({"E":"","L":["a","b"]})");
    CHECK(run("{{json \"<&>\"}}", dot) == R"("<&>")");
    CHECK(run("{{json .Missing}}", JsonValue::sortedObject()) == "null");
}

TEST_CASE("Go builtins: comparisons, logic, index, slice, len, escapes", "[cli][template]") {
    const auto dot = JsonValue::object()
                         .set("I", JsonValue::number(3))
                         .set("F", JsonValue::number(2.5))
                         .set("S", str("b"))
                         .set("N", JsonValue())
                         .set("A", JsonValue::array({JsonValue::number(10), JsonValue::number(20), JsonValue::number(30)}))
                         .set("M", JsonValue::sortedObject().set("k", str("v")))
                         .set("R", JsonValue::sortedObject().set("k", JsonValue::object().set("x", JsonValue::number(1))));
    CHECK(run("{{eq .I 3}} {{eq .I 1 2 3}} {{ne .S \"a\"}} {{eq .N nil}} {{eq .F 2.5}} {{eq .S \"b\"}}", dot) == "true true true true true true");
    CHECK(run("{{lt .I 4}} {{le .I 3}} {{gt .S \"a\"}} {{ge .F 3.0}}", dot) == "true true true false");
    CHECK(run("{{and .I .S}} {{and .I 0 .S}} {{or 0 \"\" .S}} {{or 0 \"\"}} {{not .N}} {{not .A}}", dot) == "b 0 b  true false");
    CHECK(run("{{index .A 1}} {{index .M \"k\"}} {{index .R \"k\" \"x\"}} {{index .S 0}}", dot) == "20 v 1 98");
    CHECK(run("[{{index .M \"nope\"}}] [{{index .R \"nope\"}}]", dot) == "[] [<nil>]");  // zero values
    CHECK(run("{{slice .A 1}} {{slice .A 1 2}} {{slice .S 0 1}} {{slice \"hello\" 1 3}}", dot) == "[20 30] [20] b el");
    CHECK(run("{{len .A}} {{len .S}} {{len .M}} {{len .N}}", dot) == "3 1 1 0");
    CHECK(run("{{html \"<a href='x'>&\\\"</a>\"}}", dot) == "&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;");
    CHECK(run("{{js \"it's <b>\"}} {{urlquery \"a b&c=d/é\"}}", dot) == "it\\'s \\u003Cb\\u003E a+b%26c%3Dd%2F%C3%A9");
    // and/or short-circuit: the failing index is never evaluated.
    CHECK(run("{{if and .N (index .A 99)}}x{{else}}y{{end}} {{or .I (index .A 99)}}", dot) == "y 3");
}

TEST_CASE("Control structures: if, else if, with, range, variables, break, continue", "[cli][template]") {
    const auto dot = JsonValue::object()
                         .set("L", JsonValue::stringArray({"a", "b", "c", "d"}))
                         .set("M", JsonValue::object().set("y", JsonValue::number(2)).set("x", JsonValue::number(1)))
                         .set("N", JsonValue())
                         .set("Z", JsonValue::number(0))
                         .set("E", JsonValue::array());
    CHECK(run("{{if .N}}a{{else if .Z}}b{{else if .L}}c{{else}}d{{end}}", dot) == "c");
    CHECK(run("{{with .M}}{{.x}}{{end}}{{with .N}}no{{else}}none{{end}}{{with .N}}1{{else with .L}}{{len .}}{{end}}", dot) == "1none4");
    CHECK(run("{{range .M}}{{.}}{{end}}|{{range $k, $v := .M}}{{$k}}{{$v}}{{end}}", dot) == "12|x1y2");  // keys sorted
    CHECK(run("{{range $v := .L}}{{$v}}{{end}}|{{range $i, $v := .L}}{{$i}}{{end}}", dot) == "abcd|0123");
    CHECK(run("{{range .E}}x{{else}}empty{{end}} {{range .N}}x{{else}}nil{{end}}", dot) == "empty nil");
    CHECK(run("{{range .L}}{{if eq . \"b\"}}{{continue}}{{end}}{{if eq . \"d\"}}{{break}}{{end}}{{.}}{{end}}", dot) == "ac");
    CHECK(run("{{range 3}}{{.}}{{end}}", dot) == "012");
    CHECK(run("{{$n := 0}}{{range .L}}{{$n = .}}{{end}}{{$n}}", dot) == "d");
    CHECK(run("{{range .L}}{{$.Z}}{{end}}", dot) == "0000");
    CHECK(run("{{$x := .M}}{{$x.y}} {{$x := 5}}{{$x}}", dot) == "2 5");
    CHECK(run("{{(index .L 2)}} {{(.M).x}} {{.L | len}}", dot) == "c 1 4");
}

TEST_CASE("Whitespace trimming and comments", "[cli][template]") {
    const auto dot = JsonValue::object().set("A", str("x"));
    CHECK(run("a  {{- .A -}}  \n b", dot) == "axb");
    // "{{-" without a space is not a trim marker but the start of a number.
    CHECK(run("a {{-.A}}", dot) == "PARSE: template: :1: bad number syntax: \"-.A\"");
    CHECK(run("{{- /* comment */ -}}\n  {{.A}}", dot) == "x");
    CHECK(run("1{{/* a\nmulti-line comment */}}2", dot) == "12");
    CHECK(run("{{ .A }} {{-3}}", dot) == "x -3");
    CHECK(run("{{range .B}}{{end}}", JsonValue::object().set("B", JsonValue::stringArray({"p"}))) == "");
    CHECK(run("{{range $i, $e := .B -}}\n  {{$e}}\n{{- end}}", JsonValue::object().set("B", JsonValue::stringArray({"p", "q"}))) == "pq");
}

TEST_CASE("Missing fields: Docker's error for structs, <no value> for maps", "[cli][template]") {
    const JsonValue web = webContainer();
    CHECK(execError("{{.Foo}}", web) == "template: :1:2: executing \"\" at <.Foo>: map has no entry for key \"Foo\"");
    CHECK(execError("{{ .Nmae }}", web) == "template: :1:3: executing \"\" at <.Nmae>: map has no entry for key \"Nmae\"");
    // A chain is positioned at its second field, as Go does: `{{.Config.env}}` -> 1:9.
    CHECK(execError("{{.Config.env}}", web) == "template: :1:9: executing \"\" at <.Config.env>: map has no entry for key \"env\"");
    CHECK(execError("{{range .NetworkSettings.Netwrks}}{{end}}", web) ==
          "template: :1:24: executing \"\" at <.NetworkSettings.Netwrks>: map has no entry for key \"Netwrks\"");
    CHECK(execError("{{range .NetworkSettings.Networks}}{{.IPAdress}}{{end}}", web) ==
          "template: :1:37: executing \"\" at <.IPAdress>: map has no entry for key \"IPAdress\"");
    CHECK(execError("line one\n  {{.Foo}}", web) == "template: :2:4: executing \"\" at <.Foo>: map has no entry for key \"Foo\"");
    // Go maps: a missing key is <no value>, and so is anything read from it.
    CHECK(run("{{.NetworkSettings.Networks.host.IPAddress}}|{{.Config.Labels.foo}}", web) == "<no value>|<no value>");
    // Fields of null and of scalars.
    CHECK(execError("{{.State.Health.Status}}", web) ==
          "template: :1:8: executing \"\" at <.State.Health.Status>: nil pointer evaluating interface {}.Status");
    CHECK(execError("{{.Name.First}}", web) ==
          "template: :1:7: executing \"\" at <.Name.First>: can't evaluate field First in type interface {}");
    CHECK(execError("{{$n := .Name}}{{$n.First}}", web) ==
          "template: :1:19: executing \"\" at <$n.First>: can't evaluate field First in type string");
    CHECK(execError("{{.Name \"arg\"}}", web) ==
          "template: :1:2: executing \"\" at <.Name>: Name is not a method but has arguments");

    TemplateOptions strict;
    strict.missingKey = MissingKey::Error;
    CHECK(execError("{{.NetworkSettings.Networks.host.IPAddress}}", web, strict) ==
          "template: :1:18: executing \"\" at <.NetworkSettings.Networks.host.IPAddress>: map has no entry for key \"host\"");
    TemplateOptions lenient;
    lenient.missingKey = MissingKey::NoValue;
    CHECK(run("{{.Foo}} {{.Foo.Bar}}", web, lenient) == "<no value> <no value>");
}

TEST_CASE("Execution errors carry Go's wording", "[cli][template]") {
    const auto dot = JsonValue::object()
                         .set("A", JsonValue::array({JsonValue::number(1)}))
                         .set("I", JsonValue::number(7))
                         .set("S", str("s"))
                         .set("N", JsonValue())
                         .set("F", JsonValue::number(1.5))
                         .set("P", JsonValue::object().set("80/tcp", JsonValue()));
    CHECK(execError("{{index .A 5}}", dot) == "template: :1:2: executing \"\" at <index .A 5>: error calling index: index out of range: 5");
    CHECK(execError("{{index .N 0}}", dot) == "template: :1:2: executing \"\" at <index .N 0>: error calling index: index of untyped nil");
    CHECK(execError("{{range $p, $conf := .P}} {{$p}} -> {{(index $conf 0).HostPort}} {{end}}", dot) ==
          "template: :1:39: executing \"\" at <index $conf 0>: error calling index: index of untyped nil");
    CHECK(execError("{{index .A \"x\"}}", dot) ==
          "template: :1:2: executing \"\" at <index .A \"x\">: error calling index: cannot index slice/array with type string");
    CHECK(execError("{{index .I 0}}", dot) == "template: :1:2: executing \"\" at <index .I 0>: error calling index: can't index item of type int");
    CHECK(execError("{{upper .I}}", dot) == "template: :1:8: executing \"\" at <.I>: wrong type for value; expected string; got int");
    CHECK(execError("{{.I | upper}}", dot) == "template: :1:7: executing \"\" at <upper>: wrong type for value; expected string; got int");
    CHECK(execError("{{join .A \",\"}}", dot) ==
          "template: :1:7: executing \"\" at <.A>: wrong type for value; expected []string; got []interface {}");
    CHECK(execError("{{pad .S \"1\" 2}}", dot) == "template: :1:9: executing \"\" at <\"1\">: expected integer; found \"1\"");
    CHECK(execError("{{truncate .S -1}}", dot) ==
          "template: :1:2: executing \"\" at <truncate .S -1>: error calling truncate: runtime error: slice bounds out of range [:-1]");
    CHECK(execError("{{len .I}}", dot) == "template: :1:2: executing \"\" at <len .I>: error calling len: len of type int");
    CHECK(execError("{{eq .S 1}}", dot) == "template: :1:2: executing \"\" at <eq .S 1>: error calling eq: incompatible types for comparison");
    CHECK(execError("{{lt .N 1}}", dot) == "template: :1:2: executing \"\" at <lt .N 1>: error calling lt: invalid type for comparison");
    CHECK(execError("{{eq .I}}", dot) == "template: :1:2: executing \"\" at <eq .I>: error calling eq: missing argument for comparison");
    CHECK(execError("{{upper}}", dot) == "template: :1:2: executing \"\" at <upper>: wrong number of args for upper: want 1 got 0");
    CHECK(execError("{{index}}", dot) == "template: :1:2: executing \"\" at <index>: wrong number of args for index: want at least 1 got 0");
    CHECK(execError("{{range .S}}{{end}}", dot) == "template: :1:8: executing \"\" at <.S>: range can't iterate over s");
    CHECK(execError("{{nil}}", dot) == "template: :1:2: executing \"\" at <nil>: nil is not a command");
    CHECK(execError("{{.S | 1}}", dot) == "parse error: template: :1: non executable command in pipeline stage 2");
    CHECK(execError("{{\"x\" .S}}", dot) == "template: :1:2: executing \"\" at <\"x\">: can't give argument to non-function \"x\"");
    CHECK(execError("{{$x = 1}}", dot) == "template: :1:7: executing \"\" at <1>: undefined variable: $x");
    CHECK(execError("{{.}}", JsonValue(), TemplateOptions{}) == "executed: <nil>");
    CHECK(execError("{{.X}}", JsonValue()) == "template: :1:2: executing \"\" at <.X>: nil data; no entry for key \"X\"");
}

TEST_CASE("Parse errors carry Go's wording", "[cli][template]") {
    CHECK(parseError("{{.Name }") == "template: :1: unexpected \"}\" in operand");
    CHECK(parseError("{{.Name}") == "template: :1: bad character U+007D '}'");
    CHECK(parseError("{{foo .Name}}") == "template: :1: function \"foo\" not defined");
    CHECK(parseError("{{range .X}}") == "template: :1: unexpected EOF");
    CHECK(parseError("{{if .X}}a{{else}}b") == "template: :1: unexpected EOF");
    CHECK(parseError("{{.Name") == "template: :1: unclosed action");
    CHECK(parseError("{{.Name\n") == "template: :2: unclosed action started at :1");
    CHECK(parseError("a\nb\n{{if .X}}\n{{.Y") == "template: :4: unclosed action");
    CHECK(parseError("{{end}}") == "template: :1: unexpected {{end}}");
    CHECK(parseError("{{else}}") == "template: :1: unexpected {{else}}");
    CHECK(parseError("{{if}}{{end}}") == "template: :1: missing value for if");
    CHECK(parseError("{{}}") == "template: :1: missing value for command");
    CHECK(parseError("{{$x}}") == "template: :1: undefined variable \"$x\"");
    CHECK(parseError("{{if 1}}{{$x := 1}}{{end}}{{$x}}") == "template: :1: undefined variable \"$x\"");
    CHECK(parseError("{{range $a, $b, $c := .X}}{{end}}") == "template: :1: too many declarations in range");
    CHECK(parseError("{{break}}") == "template: :1: {{break}} outside {{range}}");
    CHECK(parseError("{{(1}}") == "template: :1: unclosed left paren");
    CHECK(parseError("{{1)}}") == "template: :1: unexpected right paren");
    CHECK(parseError("{{(1) 2 3}}") == "parsed: {{(1) 2 3}}");
    CHECK(parseError("{{printf \"%d\" 1 ) }}") == "template: :1: unexpected right paren");
    CHECK(parseError("{{.A | 12345678901234}}") == "template: :1: non executable command in pipeline stage 2");
    CHECK(parseError("{{.A \"x\" : }}") == "template: :1: expected :=");
    CHECK(parseError("{{.A \"0123456789abc\" = }}") == "template: :1: unexpected \"=\" in operand");
    CHECK(parseError("{{(.A)\"0123456789abc\"}}") == "template: :1: unexpected \"\\\"012345678\"... in operand");
    CHECK(parseError("{{\"abc}}") == "template: :1: unterminated quoted string");
    CHECK(parseError("{{`abc}}") == "template: :1: unterminated raw quoted string");
    CHECK(parseError("{{\"\\q\"}}") == "template: :1: invalid syntax");
    CHECK(parseError("{{1.5.Foo}}") == "template: :1: unexpected . after term \"1.5\"");
    CHECK(parseError("{{.Networks.my-net.IPAddress}}") == "template: :1: bad character U+002D '-'");
    CHECK(parseError("{{/* x }}") == "template: :1: unclosed comment");
    CHECK(parseError("{{/* x */ }}") == "template: :1: comment ends before closing delimiter");
    CHECK(parseError("{{if .A}}{{else}}{{else}}{{end}}") == "template: :1: expected end; found {{else}}");
    CHECK(parseError("{{.A | \"a long string literal\"}}") == "template: :1: non executable command in pipeline stage 2");
    CHECK(parseError("{{.A \"a long string literal}}") == "template: :1: unterminated quoted string");
    CHECK(parseError("{{.A €}}") == "template: :1: unrecognized character in action: U+20AC '€'");
    CHECK(parseError("{{99999999999999999999}}") == "template: :1: integer overflow: \"99999999999999999999\"");
    CHECK(parseError("{{template \"x\"}}") == "template: :1: {{template}} is not supported");
    CHECK(parseError("{{define \"x\"}}{{end}}") == "template: :1: {{define}} is not supported");
    CHECK(parseError("{{.A}}{{if 1}}\n\n{{else}}{{else}}") == "template: :3: expected end; found {{else}}");
    CHECK(parseError("{{printf \"%d\" 1 | \"long literal here\"}}") == "template: :1: non executable command in pipeline stage 2");
    CHECK(parseError("{{.A 'ab'}}") == "template: :1: malformed character constant: 'ab'");
}

TEST_CASE("Parse round trips: toString parses back to the same tree", "[cli][template]") {
    const char* templates[] = {
        "{{.NetworkSettings.IPAddress}}",
        "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}",
        "{{range $k, $v := .Containers}}{{$k}}={{$v.Name}} {{end}}",
        "{{if .State.Running}}up{{else if .State.Paused}}paused{{else}}down{{end}}",
        "{{with $x := .State}}{{$x.Pid}}{{else with .Name}}{{.}}{{end}}",
        "{{- .Name | upper | printf \"%s!\" -}} text {{/* gone */}}",
        "{{(index .A 0).B.C}} {{$.X}} {{(.M).K}} {{join (split .S \",\") \"-\"}}",
        "{{range .L}}{{if eq . 1}}{{continue}}{{end}}{{break}}{{end}}",
        "{{$v := 1}}{{$v = 2}}{{$v}} {{nil | print}} {{true}} {{1.5}} {{'x'}} {{`raw`}} {{\"q\\n\"}}",
    };
    for (const char* text : templates) {
        INFO(text);
        const auto t = GoTemplate::parse(text);
        REQUIRE(t.has_value());
        CHECK(t->text() == text);
        const auto again = GoTemplate::parse(t->toString());
        REQUIRE(again.has_value());
        CHECK(again->toString() == t->toString());
    }
    CHECK(GoTemplate::parse("{{ .A  |  upper }}")->toString() == "{{.A | upper}}");
    CHECK(GoTemplate::parse("{{if .A}}x{{else if .B}}y{{end}}")->toString() == "{{if .A}}x{{else}}{{if .B}}y{{end}}{{end}}");
    // Executing the printed tree gives the same output.
    const JsonValue web = webContainer();
    const auto t = GoTemplate::parse("{{range $k, $v := .NetworkSettings.Networks -}} {{$k}}:{{$v.IPAddress}} {{- end}}");
    REQUIRE(t.has_value());
    CHECK(t->execute(web).value() == GoTemplate::parse(t->toString())->execute(web).value());
    CHECK(t->execute(web).value() == "bridge:172.17.0.3");
}

TEST_CASE("Templates are bounded: nesting, output size, steps", "[cli][template]") {
    std::string deep;
    for (int i = 0; i < 200; ++i) deep += "(";
    deep = "{{" + deep + "1";
    for (int i = 0; i < 200; ++i) deep += ")";
    deep += "}}";
    CHECK(parseError(deep) == "template: :1: max expression depth exceeded");
    std::string nested;
    for (int i = 0; i < 150; ++i) nested += "{{if 1}}";
    for (int i = 0; i < 150; ++i) nested += "{{end}}";
    CHECK(parseError(nested) == "template: :1: max expression depth exceeded");
    std::string ok;
    for (int i = 0; i < 50; ++i) ok += "{{if 1}}";
    ok += "x";
    for (int i = 0; i < 50; ++i) ok += "{{end}}";
    CHECK(run(ok, JsonValue()) == "x");

    TemplateOptions small;
    small.maxOutputBytes = 100;
    const auto out = GoTemplate::parse("{{range 1000}}xx{{end}}")->execute(JsonValue(), small);
    REQUIRE_FALSE(out.has_value());
    CHECK(out.error().code == ErrorCode::Exhausted);
    CHECK(out.error().message == "template: output exceeds 100 bytes");
    CHECK_FALSE(GoTemplate::parse("{{pad \"x\" 1000 0}}")->execute(JsonValue(), small).has_value());
    CHECK_FALSE(GoTemplate::parse("{{$s := \"ab\"}}{{range 20}}{{$s = printf \"%s%s\" $s $s}}{{end}}")
                    ->execute(JsonValue(), small)
                    .has_value());

    TemplateOptions few;
    few.maxSteps = 1000;
    const auto slow = GoTemplate::parse("{{range 1000000000}}{{end}}")->execute(JsonValue(), few);
    REQUIRE_FALSE(slow.has_value());
    CHECK(slow.error().code == ErrorCode::Exhausted);
}

TEST_CASE("Templates never crash on random or mutated input", "[cli][template][fuzz]") {
    std::mt19937 rng(4242);
    const JsonValue web = webContainer();
    const JsonValue bridge = bridgeNetwork();
    const std::string seeds[] = {
        "{{range $k, $v := .Containers}}{{$k}}={{$v.Name}} {{end}}",
        "{{if and .State.Running (eq .State.Pid 8983)}}{{printf \"%5.2f|%-3s|%q\" 1.5 .Name .Args}}{{else}}x{{end}}",
        "{{- range $i, $e := .Args -}}{{index $.Args $i | len}}{{slice $e 0 1}}{{end}}{{json .Config}}",
        "{{with .NetworkSettings.Networks}}{{range .}}{{.IPAddress | upper | title}}{{break}}{{end}}{{end}}",
        "{{$x := split \"a,b\" \",\"}}{{join $x \"-\"}}{{pad \"a\" 1 2}}{{truncate .Id 12}}{{/* c */}}{{'a'}}{{0x1F}}",
    };
    const char alphabet[] = "{}()|.$:=,\"`'-+ \n\tabxyz019eEiIrgnd%\\/*\x80\xc3\xa9";
    for (int i = 0; i < 4000; ++i) {
        std::string text;
        if (i % 3 == 0) {
            const std::size_t len = rng() % 48;
            for (std::size_t k = 0; k < len; ++k) text.push_back(alphabet[rng() % (sizeof alphabet - 1)]);
        } else {
            text = seeds[rng() % std::size(seeds)];
            const int edits = 1 + static_cast<int>(rng() % 4);
            for (int k = 0; k < edits && !text.empty(); ++k) {
                const std::size_t at = rng() % text.size();
                switch (rng() % 3) {
                    case 0: text[at] = alphabet[rng() % (sizeof alphabet - 1)]; break;
                    case 1: text.erase(at, 1 + rng() % 3); break;
                    default: text.insert(at, 1, alphabet[rng() % (sizeof alphabet - 1)]); break;
                }
            }
        }
        const auto t = GoTemplate::parse(text);
        if (!t) {
            CHECK(t.error().message.starts_with("template: "));
            continue;
        }
        TemplateOptions options;
        options.maxSteps = 20000;
        options.maxOutputBytes = 1 << 16;
        for (const JsonValue* dot : {&web, &bridge}) {
            const auto out = t->execute(*dot, options);
            if (!out) CHECK(out.error().message.starts_with("template: "));
        }
        // The printed tree always parses again.
        CHECK(GoTemplate::parse(t->toString()).has_value());
    }
}
