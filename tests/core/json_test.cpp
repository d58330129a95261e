#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include "sim/core/json.hpp"

using sim::core::ErrorCode;
using sim::core::formatGoFloat;
using sim::core::JsonValue;
using sim::core::jsonQuote;
using sim::core::parseJson;

namespace {

JsonValue str(const char* s) { return JsonValue::string(s); }

// `docker network inspect bridge` (docker-facts.md §2.1), built the way the simulator will build it:
// struct fields in Go struct order, Go maps (Containers, Options, Labels) as sorted objects.
JsonValue bridgeNetwork() {
    auto containers = JsonValue::sortedObject().set(
        "602dbf1edc81813304b6cf0a647e65333dc6fe6ee6ed572dc0f686a3307c6a2c",
        JsonValue::object()
            .set("Name", str("alpine2"))
            .set("EndpointID", str("03b6aafb7ca4d7e531e292901b43719c0e34cc7eef565b38a6bf84acf50f38cd"))
            .set("MacAddress", str("02:42:ac:11:00:03"))
            .set("IPv4Address", str("172.17.0.3/16"))
            .set("IPv6Address", str("")));
    // Inserted out of order on purpose: a sorted object prints by key.
    auto options = JsonValue::sortedObject()
                       .set("com.docker.network.driver.mtu", str("1500"))
                       .set("com.docker.network.bridge.name", str("docker0"))
                       .set("com.docker.network.bridge.host_binding_ipv4", str("0.0.0.0"))
                       .set("com.docker.network.bridge.default_bridge", str("true"))
                       .set("com.docker.network.bridge.enable_ip_masquerade", str("true"))
                       .set("com.docker.network.bridge.enable_icc", str("true"));
    return JsonValue::object()
        .set("Name", str("bridge"))
        .set("Id", str("17e324f459648a9baaea32b248d3884da102dde19396c25b30ec800068ce6b10"))
        .set("Created", str("2017-06-22T20:27:43.826654485Z"))
        .set("Scope", str("local"))
        .set("Driver", str("bridge"))
        .set("EnableIPv6", JsonValue::boolean(false))
        .set("IPAM", JsonValue::object()
                         .set("Driver", str("default"))
                         .set("Options", JsonValue::null())
                         .set("Config", JsonValue::array().push(JsonValue::object()
                                                                    .set("Subnet", str("172.17.0.0/16"))
                                                                    .set("Gateway", str("172.17.0.1")))))
        .set("Internal", JsonValue::boolean(false))
        .set("Attachable", JsonValue::boolean(false))
        .set("Ingress", JsonValue::boolean(false))
        .set("ConfigFrom", JsonValue::object().set("Network", str("")))
        .set("ConfigOnly", JsonValue::boolean(false))
        .set("Containers", std::move(containers))
        .set("Options", std::move(options))
        .set("Labels", JsonValue::sortedObject());
}

// docker-facts.md §2.1, verbatim.
constexpr const char* kBridgeInspect = R"([
    {
        "Name": "bridge",
        "Id": "17e324f459648a9baaea32b248d3884da102dde19396c25b30ec800068ce6b10",
        "Created": "2017-06-22T20:27:43.826654485Z",
        "Scope": "local",
        "Driver": "bridge",
        "EnableIPv6": false,
        "IPAM": {
            "Driver": "default",
            "Options": null,
            "Config": [
                {
                    "Subnet": "172.17.0.0/16",
                    "Gateway": "172.17.0.1"
                }
            ]
        },
        "Internal": false,
        "Attachable": false,
        "Ingress": false,
        "ConfigFrom": {
            "Network": ""
        },
        "ConfigOnly": false,
        "Containers": {
            "602dbf1edc81813304b6cf0a647e65333dc6fe6ee6ed572dc0f686a3307c6a2c": {
                "Name": "alpine2",
                "EndpointID": "03b6aafb7ca4d7e531e292901b43719c0e34cc7eef565b38a6bf84acf50f38cd",
                "MacAddress": "02:42:ac:11:00:03",
                "IPv4Address": "172.17.0.3/16",
                "IPv6Address": ""
            }
        },
        "Options": {
            "com.docker.network.bridge.default_bridge": "true",
            "com.docker.network.bridge.enable_icc": "true",
            "com.docker.network.bridge.enable_ip_masquerade": "true",
            "com.docker.network.bridge.host_binding_ipv4": "0.0.0.0",
            "com.docker.network.bridge.name": "docker0",
            "com.docker.network.driver.mtu": "1500"
        },
        "Labels": {}
    }
])";

}  // namespace

TEST_CASE("JsonValue reproduces `docker network inspect bridge` byte for byte", "[core][json]") {
    const JsonValue inspect = JsonValue::array().push(bridgeNetwork());
    CHECK(inspect.toIndentedString() == kBridgeInspect);
    // The same document read back is the same value, and prints the same.
    const auto parsed = parseJson(kBridgeInspect);
    REQUIRE(parsed.has_value());
    CHECK(*parsed == inspect);
    CHECK(parsed->toIndentedString() == kBridgeInspect);
}

TEST_CASE("JsonValue prints `[]` when docker inspect matched nothing, and empty containers inline", "[core][json]") {
    CHECK(JsonValue::array().toIndentedString() == "[]");
    CHECK(JsonValue::object().toIndentedString() == "{}");
    const auto v = JsonValue::object().set("a", JsonValue::array()).set("b", JsonValue::sortedObject()).set("c", JsonValue());
    CHECK(v.toIndentedString() == "{\n    \"a\": [],\n    \"b\": {},\n    \"c\": null\n}");
    CHECK(v.toCompactString() == R"({"a":[],"b":{},"c":null})");
}

TEST_CASE("JsonValue compact output is json.Marshal's", "[core][json]") {
    const auto v = JsonValue::object()
                       .set("a", JsonValue::number(1))
                       .set("b", JsonValue::array({JsonValue::number(1), JsonValue::number(2)}))
                       .set("c", JsonValue::boolean(true))
                       .set("d", JsonValue::number(-7LL))
                       .set("e", JsonValue::stringArray({"x", "y"}));
    CHECK(v.toCompactString() == R"({"a":1,"b":[1,2],"c":true,"d":-7,"e":["x","y"]})");
    // Beyond int64 an unsigned value is stored as a double (and printed as Go prints that float64).
    CHECK(JsonValue::number(std::uint64_t{9223372036854775807u}).toCompactString() == "9223372036854775807");
    CHECK(JsonValue::number(std::uint64_t{18446744073709551615u}).isDouble());
    CHECK(JsonValue::number(std::uint64_t{18446744073709551615u}).toCompactString() == "18446744073709552000");
}

TEST_CASE("JsonValue objects: insertion order, sorted maps, replace in place, lookup", "[core][json]") {
    auto o = JsonValue::object().set("z", JsonValue::number(1)).set("a", JsonValue::number(2));
    o.set("z", JsonValue::number(3));  // replaced where it is
    CHECK(o.toCompactString() == R"({"z":3,"a":2})");
    CHECK_FALSE(o.isSortedObject());
    REQUIRE(o.find("a") != nullptr);
    CHECK(o.find("a")->asInteger() == 2);
    CHECK(o.find("missing") == nullptr);
    CHECK(o.contains("z"));
    CHECK(o.size() == 2);
    REQUIRE(o.items().size() == 2);
    CHECK(o.items()[0].first == "z");

    auto m = JsonValue::sortedObject().set("b", JsonValue::number(1)).set("a", JsonValue::number(2)).set("B", JsonValue::number(3));
    CHECK(m.toCompactString() == R"({"B":3,"a":2,"b":1})");  // byte order, like Go's sort.Strings
    m.set("a", JsonValue::number(9));
    CHECK(m.find("a")->asInteger() == 9);
    CHECK(m.size() == 3);

    o.sortKeys();
    CHECK(o.isSortedObject());
    CHECK(o.toCompactString() == R"({"a":2,"z":3})");
    o.set("m", JsonValue::null());
    CHECK(o.toCompactString() == R"({"a":2,"m":null,"z":3})");
    CHECK(o.remove("m"));
    CHECK_FALSE(o.remove("m"));

    // Duplicate members: the first position, the last value (like decoding into a Go map).
    const auto d = JsonValue::object({{"x", JsonValue::number(1)}, {"y", JsonValue::number(2)}, {"x", JsonValue::number(3)}});
    CHECK(d.toCompactString() == R"({"x":3,"y":2})");
}

TEST_CASE("JsonValue arrays and kind accessors", "[core][json]") {
    auto a = JsonValue::array();
    a.push(str("x")).push(JsonValue::number(2.5)).push(JsonValue());
    REQUIRE(a.size() == 3);
    CHECK(a[0].asString() == "x");
    CHECK(a[1].isDouble());
    CHECK(a[1].asDouble() == 2.5);
    CHECK(a[2].isNull());
    CHECK(a[3].isNull());  // out of range: a shared null, not a crash
    CHECK(a.elements().size() == 3);
    REQUIRE(a.at(0) != nullptr);
    *a.at(0) = str("y");
    CHECK(a[0].asString() == "y");
    CHECK(a.at(9) == nullptr);

    // Wrong-kind access returns zero values.
    CHECK(a.asString().empty());
    CHECK(a.asInteger() == 0);
    CHECK(str("x").size() == 0);
    CHECK(str("x").items().empty());
    CHECK(JsonValue::number(3).asDouble() == 3.0);
    CHECK(JsonValue().kind() == JsonValue::Kind::Null);

    // null becomes a container on first use; other kinds ignore set/push.
    JsonValue n;
    n.push(JsonValue::number(1));
    CHECK(n.toCompactString() == "[1]");
    JsonValue m;
    m.set("k", JsonValue::number(1));
    CHECK(m.toCompactString() == R"({"k":1})");
    auto s = str("s");
    s.set("k", JsonValue::number(1)).push(JsonValue::number(1));
    CHECK(s.toCompactString() == R"("s")");
    CHECK(JsonValue::number(1) != JsonValue::number(1.0));
}

TEST_CASE("JSON strings are escaped like Go's encoding/json", "[core][json]") {
    CHECK(jsonQuote("plain") == R"("plain")");
    CHECK(jsonQuote("a\"b\\c") == R"("a\"b\\c")");
    CHECK(jsonQuote("\n\r\t") == R"("\n\r\t")");
    CHECK(jsonQuote(std::string("\x01\x08\x0c\x1f", 4)) == R"("\u0001\u0008\u000c\u001f")");
    CHECK(jsonQuote(std::string(1, '\0')) == R"("\u0000")");
    CHECK(jsonQuote("<a href=\"x\">&</a>") == R"("\u003ca href=\"x\"\u003e\u0026\u003c/a\u003e")");
    CHECK(jsonQuote("<&>", false) == R"("<&>")");
    CHECK(jsonQuote("\xE2\x80\xA8\xE2\x80\xA9") == R"("\u2028\u2029")");
    CHECK(jsonQuote("\xE2\x80\xA8", false) == R"("\u2028")");  // escaped even without HTML escaping
    CHECK(jsonQuote("caf\xC3\xA9 \xF0\x9F\x90\xB3 \x7f") == "\"caf\xC3\xA9 \xF0\x9F\x90\xB3 \x7f\"");
    CHECK(jsonQuote("bad\xff\xC3") == R"("bad\ufffd\ufffd")");
    CHECK(jsonQuote("\xED\xA0\x80") == R"("\ufffd\ufffd\ufffd")");  // an encoded surrogate is invalid
    const auto v = JsonValue::object().set("k<", str("v>"));
    CHECK(v.toCompactString() == R"({"k\u003c":"v\u003e"})");
    CHECK(v.toCompactString(false) == R"({"k<":"v>"})");
}

TEST_CASE("Doubles print like Go: JSON encoder and %v", "[core][json]") {
    CHECK(JsonValue::number(0.5).toCompactString() == "0.5");
    CHECK(JsonValue::number(2.0).toCompactString() == "2");
    CHECK(JsonValue::number(-1500.0).toCompactString() == "-1500");
    CHECK(JsonValue::number(1e20).toCompactString() == "100000000000000000000");
    CHECK(JsonValue::number(1e21).toCompactString() == "1e+21");
    CHECK(JsonValue::number(1.5e-7).toCompactString() == "1.5e-7");
    CHECK(JsonValue::number(0.000001).toCompactString() == "0.000001");
    CHECK(JsonValue::number(1.0 / 3).toCompactString() == "0.3333333333333333");
    CHECK(JsonValue::number(std::numeric_limits<double>::infinity()).toCompactString() == "null");
    CHECK(JsonValue::number(std::nan("")).toCompactString() == "null");

    CHECK(formatGoFloat(1e6, 'g') == "1e+06");
    CHECK(formatGoFloat(100000.0, 'g') == "100000");
    CHECK(formatGoFloat(123456789.0, 'g') == "1.23456789e+08");
    CHECK(formatGoFloat(0.0001, 'g') == "0.0001");
    CHECK(formatGoFloat(0.00001, 'g') == "1e-05");
    CHECK(formatGoFloat(-0.0, 'g') == "-0");
    CHECK(formatGoFloat(5e-324, 'g') == "5e-324");
    CHECK(formatGoFloat(1.5, 'f', 2) == "1.50");
    CHECK(formatGoFloat(2.5, 'f', 0) == "2");  // round half to even, as Go
    CHECK(formatGoFloat(1234.5678, 'e', 3) == "1.235e+03");
    CHECK(formatGoFloat(1234.5678, 'E', -1) == "1.2345678E+03");
    CHECK(formatGoFloat(1234.5678, 'g', 3) == "1.23e+03");
    CHECK(formatGoFloat(0.5, 'g', 3) == "0.5");
    CHECK(formatGoFloat(0.0, 'g', 3) == "0");
    CHECK(formatGoFloat(std::numeric_limits<double>::infinity(), 'g') == "+Inf");
    CHECK(formatGoFloat(-std::numeric_limits<double>::infinity(), 'f', 2) == "-Inf");
    CHECK(formatGoFloat(std::nan(""), 'g') == "NaN");
}

TEST_CASE("parseJson reads every kind and keeps member order", "[core][json]") {
    const auto v = parseJson(R"( {"b": [true, false, null, 0, -12, 3.25, 1e2, "s"], "a": {"x": {}}, "e": ""} )");
    REQUIRE(v.has_value());
    CHECK(v->toCompactString() == R"({"b":[true,false,null,0,-12,3.25,100,"s"],"a":{"x":{}},"e":""})");
    CHECK((*v->find("b"))[4].isInteger());
    CHECK((*v->find("b"))[6].isDouble());  // an exponent makes a double, even when integral
    CHECK(parseJson("9223372036854775807")->isInteger());
    CHECK(parseJson("9223372036854775808")->isDouble());
    CHECK(parseJson("-9223372036854775808")->asInteger() == std::numeric_limits<std::int64_t>::min());
    CHECK(parseJson(R"("\u00e9\ud83d\udc33\/\b\f")")->asString() == "\xC3\xA9\xF0\x9F\x90\xB3/\b\f");
    CHECK(parseJson(R"("\ud800x")")->asString() == "\xEF\xBF\xBDx");  // lone surrogate -> U+FFFD
    CHECK(parseJson("\"bad\xff\"")->asString() == "bad\xEF\xBF\xBD");
    CHECK(parseJson(R"({"k":1,"k":2})")->toCompactString() == R"({"k":2})");
}

TEST_CASE("parseJson errors use Go's wording and the byte offset", "[core][json]") {
    const auto error = [](std::string_view text) {
        const auto r = parseJson(text);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == ErrorCode::InvalidArgument);
        return r.error().message;
    };
    CHECK(error("") == "unexpected end of JSON input (offset 0)");
    CHECK(error("[1, 2") == "unexpected end of JSON input (offset 5)");
    CHECK(error("x") == "invalid character 'x' looking for beginning of value (offset 0)");
    CHECK(error("[1,]") == "invalid character ']' looking for beginning of value (offset 3)");
    CHECK(error("[1 2]") == "invalid character '2' after array element (offset 3)");
    CHECK(error(R"({"a" 1})") == "invalid character '1' after object key (offset 5)");
    CHECK(error(R"({"a":1 "b":2})") == "invalid character '\"' after object key:value pair (offset 7)");
    CHECK(error("{1:2}") == "invalid character '1' looking for beginning of object key string (offset 1)");
    CHECK(error("01") == "invalid character '1' after top-level value (offset 1)");
    CHECK(error("-x") == "invalid character 'x' in numeric literal (offset 1)");
    CHECK(error("1.x") == "invalid character 'x' after decimal point in numeric literal (offset 2)");
    CHECK(error("1ex") == "invalid character 'x' in exponent of numeric literal (offset 2)");
    CHECK(error("trux") == "invalid character 'x' in literal true (expecting 'e') (offset 3)");
    CHECK(error("\"a\nb\"") == "invalid character '\\n' in string literal (offset 2)");
    CHECK(error(R"("\x")") == "invalid character 'x' in string escape code (offset 2)");
    CHECK(error(R"("\u12g4")") == "invalid character 'g' in \\u hexadecimal character escape (offset 5)");
    CHECK(error("1e400") == "json: cannot unmarshal number 1e400 into Go value of type float64 (offset 0)");
    CHECK(error("[1] x") == "invalid character 'x' after top-level value (offset 4)");
    CHECK(error(std::string(600, '[')) == "invalid character '[' exceeded max depth (offset 512)");
    CHECK(parseJson("[[1]]", 2).has_value());
    CHECK_FALSE(parseJson("[[[1]]]", 2).has_value());
}

TEST_CASE("JSON round trips: parse(print(v)) == v for both writers", "[core][json]") {
    const std::string documents[] = {
        kBridgeInspect,
        R"({"a":[1,2.5,-0.125,1e-7,12345678901234567890],"b":{"c":null,"d":"<\u2028>"},"e":[[],{}]})",
        R"(["\u0000\u001f","\\\"","caf\u00e9",true,false])",
    };
    for (const auto& doc : documents) {
        INFO(doc);
        const auto v = parseJson(doc);
        REQUIRE(v.has_value());
        CHECK(parseJson(v->toCompactString()).value() == *v);
        CHECK(parseJson(v->toCompactString(false)).value() == *v);
        CHECK(parseJson(v->toIndentedString()).value() == *v);
        CHECK(parseJson(v->toIndentedString()).value().toIndentedString() == v->toIndentedString());
    }
}

TEST_CASE("parseJson survives random and mutated input", "[core][json][fuzz]") {
    std::mt19937 rng(12345);
    const std::string seed = std::string(kBridgeInspect) + R"([{"a":[1,-2.5e3,"\u00e9\ud83d\udc33",true,null]}])";
    const char alphabet[] = "{}[]\":,-.0123456789eE+tfnrul\\ \n\x80\xff\xc3\xa9";
    for (int i = 0; i < 3000; ++i) {
        std::string text;
        if (i % 2 == 0) {
            const std::size_t len = rng() % 64;
            for (std::size_t k = 0; k < len; ++k) text.push_back(alphabet[rng() % (sizeof alphabet - 1)]);
        } else {
            text = seed.substr(0, rng() % seed.size());
            for (int k = 0; k < 4; ++k) {
                if (!text.empty()) text[rng() % text.size()] = alphabet[rng() % (sizeof alphabet - 1)];
            }
        }
        const auto r = parseJson(text);
        if (r) {
            // Whatever parses must print and parse back to the same value.
            CHECK(parseJson(r->toCompactString()).value() == *r);
        } else {
            CHECK_FALSE(r.error().message.empty());
        }
    }
}

// Found by fuzz_json (tests/fuzz/regressions/json/negative_zero): -0.0 printed as "-0", which
// read back as the Integer 0 and printed as "0".
TEST_CASE("JSON -0 is Go's negative zero: it reads as a double and prints back as -0", "[core][json]") {
    const auto minusZero = parseJson("-0");
    REQUIRE(minusZero.has_value());
    CHECK(minusZero->isDouble());
    CHECK(std::signbit(minusZero->asDouble()));
    CHECK(minusZero->toCompactString() == "-0");
    CHECK(parseJson("[-0.0,0,-0e0]")->toCompactString() == "[-0,0,-0]");
    CHECK(parseJson("0")->isInteger());
}
