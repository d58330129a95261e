#include <catch2/catch.hpp>

#include "labs/lab_loader.hpp"

using docknet::labs::CheckKind;
using docknet::labs::parseLab;

namespace {

const std::string kHeader = R"(name: demo
order: 1
minutes: 5
title: {en: Demo, ko: 데모}
goal: {en: Try it, ko: 해보기}
setup:
  - docker run -d --name web nginx
steps:
)";

std::string errorOf(const std::string& text) {
    const auto lab = parseLab(text, "lab.yaml");
    REQUIRE_FALSE(lab.has_value());
    return lab.error().message;
}

}  // namespace

TEST_CASE("a complete lab file loads with every field") {
    const auto lab = parseLab(kHeader + R"(  - id: one
    text: {en: "Ping web.", ko: "web에 ping 하세요."}
    commands: [ping -c 1 172.17.0.2]
    checks:
      - ping: {to: 172.17.0.2}
      - exit_code: 0
      - neighbor: {at: host, ip: "{ip:web}", mac: "{mac:web}", state: REACHABLE}
    hint: {en: use ping, ko: ping을 쓰세요}
    highlight: [docker0, web]
    question:
      ask: {en: "Who answers?", ko: "누가 답하나요?"}
      choices:
        - {key: a, en: web, ko: web}
        - {key: b, en: docker0, ko: docker0}
      answer: a
      explain: {en: The owner of the IP., ko: IP의 주인.}
)",
                                "lab.yaml");
    REQUIRE(lab.has_value());
    CHECK(lab->name == "demo");
    CHECK(lab->setup.size() == 1);
    REQUIRE(lab->steps.size() == 1);
    const auto& step = lab->steps[0];
    CHECK(step.checks.size() == 3);
    CHECK(step.checks[0].kind == CheckKind::Ping);
    CHECK(step.checks[1].get("value") == "0");
    CHECK(step.checks[2].get("mac") == "{mac:web}");
    CHECK(step.hint->ko == "ping을 쓰세요");
    CHECK(step.question->answer == "a");
    CHECK(step.highlight == std::vector<std::string>{"docker0", "web"});
}

TEST_CASE("bad YAML is reported with line and column") {
    CHECK(errorOf("name: x\norder: [1\n").starts_with("lab.yaml:3:1: "));
}

TEST_CASE("an unknown check kind names the kinds there are") {
    const auto e = errorOf(kHeader + "  - id: one\n    text: {en: a, ko: 가}\n    checks:\n      - pong: {to: 1.2.3.4}\n");
    CHECK(e == "lab.yaml:12:9: unknown check kind 'pong' (expected one of output, exit_code, ping, container, neighbor, fdb, port, "
               "resolves, dropped, file)");
}

TEST_CASE("a missing Korean translation is an error, not a fallback") {
    const auto e = errorOf(kHeader + "  - id: one\n    text: {en: a}\n    checks:\n      - exit_code: 0\n");
    CHECK(e == "lab.yaml:10:11: missing Korean translation 'ko' in step 'one' text");
}

TEST_CASE("a check naming a container no command creates is rejected") {
    const auto e = errorOf(kHeader + "  - id: one\n    text: {en: a, ko: 가}\n    checks:\n      - container: {name: db, state: running}\n");
    CHECK(e.starts_with("lab.yaml:12:27: check names an unknown container 'db'"));
    const auto p = errorOf(kHeader + "  - id: one\n    text: {en: a, ko: 가}\n    checks:\n      - ping: {to: \"{ip:db}\"}\n");
    CHECK(p.starts_with("lab.yaml:12:20: placeholder names an unknown container 'db'"));
}

TEST_CASE("unknown keys, wrong values and bad answers are caught") {
    CHECK(errorOf(kHeader + "  - id: one\n    txt: {en: a, ko: 가}\n").find("unknown key 'txt' in step") != std::string::npos);
    CHECK(errorOf(kHeader + "  - id: one\n    text: {en: a, ko: 가}\n    checks:\n      - container: {name: web, state: up}\n")
              .find("expected state running, exited or created, got 'up'") != std::string::npos);
    CHECK(errorOf(kHeader + "  - id: one\n    text: {en: a, ko: 가}\n    checks:\n      - port: {port: 70000}\n")
              .find("between 1 and 65535") != std::string::npos);
    CHECK(errorOf(kHeader + R"(  - id: one
    text: {en: a, ko: 가}
    checks: [exit_code: 0]
    question:
      ask: {en: q, ko: 질문}
      choices: [{key: a, en: x, ko: 엑스}, {key: b, en: y, ko: 와이}]
      answer: c
      explain: {en: e, ko: 설명}
)").find("answer 'c' is not one of the choices' keys") != std::string::npos);
    CHECK(errorOf(kHeader + "  - id: one\n    text: {en: a, ko: 가}\n    checks: [exit_code: zero]\n").find("a whole number") !=
          std::string::npos);
}
