#include <catch2/catch.hpp>

#include <filesystem>

#include "labs/lab_loader.hpp"
#include "labs/lab_progress.hpp"
#include "labs/lab_session.hpp"

using namespace docknet::labs;

namespace {

LabDefinition demoLab() {
    auto lab = parseLab(R"(name: demo
order: 1
minutes: 5
title: {en: Demo, ko: 데모}
goal: {en: Try it, ko: 해보기}
setup:
  - docker run -d --name web nginx
  - docker network create mynet
  - docker run -dit --name box alpine
steps:
  - id: ping
    text: {en: "Ping web.", ko: "web에 ping."}
    commands:
      - ping -c 1 {ip:web}
    checks:
      - ping: {to: 172.17.0.2}
      - neighbor: {at: host, ip: "{ip:web}", mac: "{mac:web}", state: REACHABLE}
      - fdb: {at: docker0, mac: "{mac:web}", port: "{veth:web}"}
      - port: {port: 80, at: web, owner: nginx}
  - id: dns
    text: {en: "Names on a user-defined network.", ko: "사용자 정의 네트워크의 이름."}
    commands:
      - docker run -d --name app --network mynet nginx
      - docker run -d --name api --network mynet nginx
    checks:
      - resolves: {from: app, name: api, to: "{ip:api@mynet}"}
      - resolves: {from: web, name: api, to: none}
      - file: {at: app, path: /etc/resolv.conf, contains: 127.0.0.11}
      - container: {name: api, state: running}
  - id: isolation
    text: {en: "Other networks are unreachable.", ko: "다른 네트워크에는 닿지 않습니다."}
    commands:
      - docker exec box ping -c 1 -W 1 {ip:app}
    checks:
      - ping: {from: box, to: "{ip:app}", ok: false}
      - dropped: {rule: DOCKER-ISOLATION}
)",
                        "demo.yaml");
    REQUIRE(lab.has_value());
    return *lab;
}

}  // namespace

TEST_CASE("checks fail before the step's commands and pass after them") {
    LabSession s(demoLab());
    REQUIRE(s.start().has_value());
    const auto before = s.evaluate();
    CHECK_FALSE(before[0].passed);
    CHECK(before[0].reason == "no such ping has run in this step yet");
    CHECK_FALSE(before[1].passed);  // no neighbour entry until the ping's ARP
    CHECK(before[3].passed);        // nginx listens from the start
    CHECK(s.commandText(s.step().commands[0]) == "ping -c 1 172.17.0.2");
    s.runStepCommands();
    CHECK(allPassed(s.evaluate()));
    s.advance();

    // The step's commands are what count: a ping of the previous step does not.
    CHECK(s.stepCommands().empty());
    CHECK(s.commandText("ping {ip:nobody}") == "ping <ip:nobody>");
    s.runStepCommands();
    CHECK(allPassed(s.evaluate()));
    s.advance();

    s.runStepCommands();
    const auto iso = s.evaluate();
    CHECK(iso[0].passed);
    CHECK(iso[1].passed);
    s.advance();
    CHECK(s.finished());
}

TEST_CASE("a wrong value names what the state has instead") {
    auto lab = demoLab();
    lab.steps[0].checks[1].args["mac"] = "02:42:ac:11:00:99";
    LabSession s(lab);
    REQUIRE(s.start().has_value());
    s.runStepCommands();
    const auto r = s.evaluate();
    CHECK_FALSE(r[1].passed);
    CHECK(r[1].reason == "it has 172.17.0.2 at 02:42:ac:11:00:02");
    const auto ko = s.evaluate(Language::Korean);
    CHECK(ko[1].what.find("이웃(ARP) 테이블") != std::string::npos);
}

TEST_CASE("a setup command that fails stops the lab with its message") {
    auto lab = demoLab();
    lab.setup.push_back("docker run -d --name web nginx");
    LabSession s(lab);
    const auto started = s.start();
    REQUIRE_FALSE(started.has_value());
    CHECK(started.error().message.find("setup: `docker run -d --name web nginx` exited with 125") == 0);
}

TEST_CASE("progress is kept across runs in its file") {
    const auto file = std::filesystem::temp_directory_path() / "docknet-progress-test" / "progress.json";
    std::filesystem::remove_all(file.parent_path());
    {
        LabProgress p(file);
        CHECK(p.doneSteps("demo") == 0);
        p.markDone("demo", "ping");
        p.markDone("demo", "dns");
        REQUIRE(p.save());
    }
    LabProgress again(file);
    CHECK(again.doneSteps("demo") == 2);
    CHECK(again.isDone("demo", "dns"));
    CHECK_FALSE(again.isDone("other", "dns"));
    std::filesystem::remove_all(file.parent_path());
}

TEST_CASE("every lab in scenarios/ loads") {
    const auto catalog = loadLabDirectory(DOCKNET_SOURCE_DIR "/scenarios");
    for (const auto& e : catalog.errors) FAIL(e);
    CHECK(catalog.errors.empty());
}
