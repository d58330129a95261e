#include "labs/lab_checks.hpp"

#include "sim/core/linear_regex.hpp"

#include <algorithm>
#include <regex>

#include "inspect/namespace_tables.hpp"
#include "sim/docker/docker_engine.hpp"
#include "sim/docker/embedded_dns.hpp"
#include "sim/shell/shell_script.hpp"
#include "sim/tools/resolver.hpp"

namespace docknet::labs {
namespace {

using sim::core::ErrorCode;
using sim::docker::Container;
using sim::docker::Endpoint;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return s;
}

/// The endpoint of `name` (optionally on `network`), or why there is none.
sim::core::Result<const Endpoint*> endpointOf(const sim::cli::DockerHost& host, const std::string& name, const std::string& network) {
    const auto& engine = host.engine();
    const Container* c = engine.findContainer(name);
    if (!c) return sim::core::fail(ErrorCode::NotFound, "no such container: " + name);
    if (!c->isRunning()) return sim::core::fail(ErrorCode::NotFound, "container " + name + " is not running");
    std::string netId;
    if (network.empty()) {
        for (const auto& id : c->networks)
            if (c->endpoints.contains(id)) {
                netId = id;
                break;
            }
    } else {
        const auto* n = engine.findNetwork(network);
        if (!n) return sim::core::fail(ErrorCode::NotFound, "no such network: " + network);
        netId = n->id;
    }
    const auto it = c->endpoints.find(netId);
    const Endpoint* ep = it == c->endpoints.end() ? nullptr : engine.endpoint(it->second);
    if (!ep || ep->address.address().isAny())
        return sim::core::fail(ErrorCode::NotFound, "container " + name + " has no address" + (network.empty() ? "" : " on " + network));
    return ep;
}

struct PingCommand {
    std::string from;  // "host" or the container as typed
    std::string to;
};

/// `ping ... TO` on the host, `docker exec [-flags] C ping ... TO` in a container.
std::optional<PingCommand> pingOf(const std::vector<std::string>& w) {
    std::size_t i = 0;
    PingCommand p{"host", {}};
    if (w.size() >= 2 && w[0] == "docker" && (w[1] == "exec" || (w.size() >= 3 && w[1] == "container" && w[2] == "exec"))) {
        i = w[1] == "exec" ? 2 : 3;
        while (i < w.size() && w[i].starts_with("-")) {
            const bool takesValue = w[i] == "-e" || w[i] == "--env" || w[i] == "-u" || w[i] == "--user" || w[i] == "-w" || w[i] == "--workdir";
            i += takesValue ? 2 : 1;
        }
        if (i >= w.size()) return std::nullopt;
        p.from = w[i++];
    }
    if (i >= w.size() || w[i] != "ping") return std::nullopt;
    for (std::size_t j = i + 1; j < w.size(); ++j) {
        if (w[j].starts_with("-")) {
            if (w[j] == "-c" || w[j] == "-i" || w[j] == "-W" || w[j] == "-s" || w[j] == "-w" || w[j] == "-I" || w[j] == "-t") ++j;
            continue;
        }
        p.to = w[j];
    }
    if (p.to.empty()) return std::nullopt;
    return p;
}

std::string joinedOutput(const std::vector<sim::shell::TranscriptStep>& steps) {
    std::string out;
    for (const auto& s : steps)
        for (const auto& [stream, text] : s.output.chunks) out += text;
    return out;
}

std::optional<docknet::gui::InspectTarget> placeTarget(const sim::cli::DockerHost& host, const std::string& at, bool bridge) {
    using Kind = docknet::gui::InspectTarget::Kind;
    if (at.empty() || at == "host") return docknet::gui::InspectTarget{Kind::Host, {}};
    if (bridge) {
        if (const auto* n = host.engine().findNetwork(at); n && !n->bridgeName.empty()) return docknet::gui::InspectTarget{Kind::Bridge, n->bridgeName};
        for (const auto* n : host.engine().networks())
            if (n->bridgeName == at) return docknet::gui::InspectTarget{Kind::Bridge, at};
        return std::nullopt;
    }
    if (!host.engine().findContainer(at)) return std::nullopt;
    return docknet::gui::InspectTarget{Kind::Container, at};
}

const docknet::gui::Table* tableOf(const std::vector<docknet::gui::Table>& tables, const std::string& id) {
    for (const auto& t : tables)
        if (t.id == id) return &t;
    return nullptr;
}

std::size_t column(const docknet::gui::Table& t, const std::string& key) {
    return static_cast<std::size_t>(std::find(t.columns.begin(), t.columns.end(), key) - t.columns.begin());
}

CheckResult pass(std::string what) { return {true, std::move(what), {}}; }
CheckResult failed(std::string what, std::string reason) { return {false, std::move(what), std::move(reason)}; }

/// The address a name has inside container `from` as its C library finds it: /etc/hosts first,
/// then Docker's embedded DNS when the container uses it (user-defined networks).
std::optional<std::string> resolveIn(const sim::cli::DockerHost& host, const Container& from, const std::string& name) {
    for (const auto& e : sim::tools::parseHosts(from.etcHosts))
        for (const auto& n : e.names)
            if (lower(n) == lower(name)) return e.address;
    const auto& dns = host.engine().embeddedDns();
    if (!dns.isServing(from)) return std::nullopt;
    if (const auto a = dns.resolve(from, name)) return a->v4.toString();
    return std::nullopt;
}

CheckResult evaluateExpanded(const Check& c, const sim::cli::DockerHost& host, const std::vector<sim::shell::TranscriptStep>& steps, Language lang) {
    const auto& engine = host.engine();
    const auto L = [lang](std::string en, std::string ko) { return lang == Language::Korean ? ko : en; };
    switch (c.kind) {
    case CheckKind::Output: {
        // The check reads the same whether it passed or not; the pattern goes in ‘ ’ because
        // patterns often hold double quotes themselves (JSON).
        std::vector<std::string> en, ko;
        if (c.has("contains")) en.push_back("shows ‘" + c.get("contains") + "’"), ko.push_back("‘" + c.get("contains") + "’이(가) 보임");
        if (c.has("not_contains")) en.push_back("does not show ‘" + c.get("not_contains") + "’"), ko.push_back("‘" + c.get("not_contains") + "’이(가) 없음");
        if (c.has("matches")) en.push_back("matches /" + c.get("matches") + "/"), ko.push_back("/" + c.get("matches") + "/ 패턴과 맞음");
        auto join = [](const std::vector<std::string>& parts, const std::string& sep) {
            std::string out;
            for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
            return out;
        };
        const std::string what = L("the output " + join(en, " and "), "출력에 " + join(ko, ", "));
        const std::string out = joinedOutput(steps);
        if (c.has("contains") && out.find(c.get("contains")) == std::string::npos)
            return failed(what, L("‘" + c.get("contains") + "’ is not in the output (yet)", "출력에 ‘" + c.get("contains") + "’이(가) 아직 보이지 않음"));
        if (c.has("not_contains") && out.find(c.get("not_contains")) != std::string::npos)
            return failed(what, L("the output shows ‘" + c.get("not_contains") + "’", "출력에 ‘" + c.get("not_contains") + "’이(가) 보임"));
        // Linear time: a lab from someone else cannot hang the check with its pattern.
        const auto re = c.has("matches") ? sim::core::LinearRegex::compile(c.get("matches"), sim::core::LinearRegex::Syntax::PosixExtended)
                                         : sim::core::Result<sim::core::LinearRegex>{};
        if (c.has("matches") && (!re || !re->search(out)))
            return failed(what, L("no line matches (yet)", "아직 맞는 줄이 없음"));
        return pass(what);
    }
    case CheckKind::ExitCode: {
        const std::string what = L("the last command exits with " + c.get("value"), "마지막 명령의 종료 코드가 " + c.get("value"));
        if (steps.empty()) return failed(what, L("no command has run in this step yet", "이 단계에서 아직 실행한 명령이 없음"));
        if (std::to_string(steps.back().exitCode) != c.get("value")) return failed(what, L("it exited with ", "종료 코드 ") + std::to_string(steps.back().exitCode));
        return pass(what);
    }
    case CheckKind::Ping: {
        const std::string from = c.get("from", "host");
        const bool wantOk = c.get("ok", "true") == "true";
        const std::string what = L("a ping from " + from + " to " + c.get("to") + (wantOk ? " gets answers" : " gets no answer"),
                                   from + "에서 " + c.get("to") + "(으)로 보낸 ping" + (wantOk ? "이 응답을 받음" : "이 응답을 받지 못함"));
        for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
            const auto words = commandWords(it->command);
            const auto p = words.empty() ? std::nullopt : pingOf(words.back());
            if (!p || p->to != c.get("to")) continue;
            bool sameFrom = p->from == from;
            if (!sameFrom && from != "host" && p->from != "host") {
                const auto* a = engine.findContainer(p->from);
                sameFrom = a && a == engine.findContainer(from);
            }
            if (!sameFrom) continue;
            if ((it->exitCode == 0) == wantOk) return pass(what);
            return failed(what, L("the ping exited with ", "ping의 종료 코드 ") + std::to_string(it->exitCode));
        }
        return failed(what, L("no such ping has run in this step yet", "이 단계에서 아직 그런 ping을 실행하지 않음"));
    }
    case CheckKind::Container: {
        std::string what = L("container " + c.get("name") + (c.has("state") ? " is " + c.get("state") : " exists"),
                             "컨테이너 " + c.get("name") + (c.has("state") ? "의 상태가 " + c.get("state") : "이(가) 있음"));
        if (c.has("exit_code")) what += L(" with exit code " + c.get("exit_code"), ", 종료 코드 " + c.get("exit_code"));
        const Container* ct = engine.findContainer(c.get("name"));
        if (!ct) return failed(what, L("no such container: ", "그런 컨테이너가 없음: ") + c.get("name"));
        const std::string state(sim::docker::toString(ct->status));
        if (c.has("state") && state != c.get("state")) return failed(what, L("it is ", "현재 상태: ") + state);
        if (c.has("exit_code") && std::to_string(ct->exitCode) != c.get("exit_code"))
            return failed(what, L("its exit code is ", "종료 코드: ") + std::to_string(ct->exitCode));
        return pass(what);
    }
    case CheckKind::Neighbor:
    case CheckKind::Fdb:
    case CheckKind::Port: {
        const bool isFdb = c.kind == CheckKind::Fdb;
        const std::string at = c.get("at", "host");
        std::string what;
        if (c.kind == CheckKind::Neighbor) what = L("the neighbour table of " + at + " has " + c.get("ip") + (c.has("mac") ? " at " + c.get("mac") : ""), at + "의 이웃(ARP) 테이블에 " + c.get("ip") + (c.has("mac") ? " → " + c.get("mac") : "") + " 항목이 있음") + (c.has("state") ? " (" + c.get("state") + ")" : "");
        else if (isFdb) what = L("bridge " + at + " has learned " + c.get("mac") + (c.has("port") ? " on port " + c.get("port") : ""), "브리지 " + at + "이(가) " + c.get("mac") + "을(를) " + (c.has("port") ? c.get("port") + " 포트에서 " : "") + "학습함");
        else what = L("something listens on " + c.get("proto", "tcp") + " port " + c.get("port") + " in " + at, at + "에서 " + c.get("proto", "tcp") + " " + c.get("port") + " 포트를 누군가 열고 있음") + (c.has("owner") ? " (" + c.get("owner") + ")" : "");
        const auto target = placeTarget(host, at, isFdb);
        if (!target) return failed(what, (isFdb ? L("no such bridge: ", "그런 브리지가 없음: ") : L("no such container: ", "그런 컨테이너가 없음: ")) + at);
        const auto tables = docknet::gui::inspectTables(host, *target);
        const auto* t = tableOf(tables, c.kind == CheckKind::Neighbor ? "neighbours" : isFdb ? "fdb" : "sockets");
        if (!t) return failed(what, at + L(" has no network namespace (is it running?)", "에 네트워크 네임스페이스가 없음 (실행 중인가요?)"));
        for (const auto& row : t->rows) {
            auto cell = [&](const std::string& key) { const auto i = column(*t, key); return i < row.size() ? row[i] : std::string(); };
            if (c.kind == CheckKind::Neighbor) {
                if (cell("ip") != c.get("ip")) continue;
                if (c.has("mac") && lower(cell("lladdr")) != lower(c.get("mac"))) return failed(what, L("it has " + c.get("ip") + " at " + cell("lladdr"), "항목은 " + c.get("ip") + " → " + cell("lladdr")));
                if (c.has("state") && cell("state") != c.get("state")) return failed(what, L("the entry is ", "항목 상태: ") + cell("state"));
                return pass(what);
            }
            if (isFdb) {
                if (lower(cell("mac")) != lower(c.get("mac")) || cell("local") == "yes") continue;
                if (c.has("port") && cell("port") != c.get("port")) return failed(what, L("it learned it on ", "학습한 포트: ") + cell("port"));
                return pass(what);
            }
            const std::string local = cell("local");
            if (cell("proto") != c.get("proto", "tcp") || !local.ends_with(":" + c.get("port"))) continue;
            if (c.has("owner") && cell("owner").find(c.get("owner")) == std::string::npos) return failed(what, L("the port is held by ", "포트를 가진 것: ") + cell("owner"));
            return pass(what);
        }
        return failed(what, c.kind == CheckKind::Neighbor ? L("there is no entry for ", "항목이 없음: ") + c.get("ip") : isFdb ? L("the FDB has no such entry", "FDB에 그런 항목이 없음") : L("nothing listens there", "그 포트를 연 것이 없음"));
    }
    case CheckKind::Resolves: {
        const bool wantNone = c.get("to") == "none";
        const std::string what = L(c.get("name") + (wantNone ? " does not resolve" : " resolves to " + c.get("to")) + " in " + c.get("from"),
                                   c.get("from") + "에서 " + c.get("name") + (wantNone ? "의 주소를 찾을 수 없음" : "이(가) " + c.get("to") + "(으)로 풀림"));
        const Container* from = engine.findContainer(c.get("from"));
        if (!from) return failed(what, L("no such container: ", "그런 컨테이너가 없음: ") + c.get("from"));
        if (!from->isRunning()) return failed(what, L("container " + c.get("from") + " is not running", "컨테이너 " + c.get("from") + "이(가) 실행 중이 아님"));
        const auto found = resolveIn(host, *from, c.get("name"));
        if (wantNone) return !found ? pass(what) : failed(what, L("it resolves to ", "풀린 주소: ") + *found);
        if (!found) return failed(what, L("the name is unknown there", "그곳에서는 모르는 이름"));
        if (*found != c.get("to")) return failed(what, L("it resolves to ", "풀린 주소: ") + *found);
        return pass(what);
    }
    case CheckKind::Dropped: {
        const std::string what = L("a packet was dropped by " + c.get("rule"), c.get("rule") + "에서 패킷이 버려짐");
        const auto& records = host.kernel().trace().records();
        for (const auto& s : steps)
            for (std::size_t i = s.traceBegin; i < s.traceEnd && i < records.size(); ++i) {
                const auto& r = records[i];
                if (r.kind != sim::core::TraceKind::Drop) continue;
                if (r.chain().find(c.get("rule")) != std::string::npos || r.rule().find(c.get("rule")) != std::string::npos) return pass(what);
            }
        return failed(what, L("no packet of this step was dropped there", "이 단계에서 그곳에서 버려진 패킷이 없음"));
    }
    case CheckKind::File: {
        const std::string path = c.get("path");
        const std::string what = L(path + " of " + c.get("at") + (c.has("contains") ? " contains \"" + c.get("contains") + "\"" : " does not contain \"" + c.get("not_contains") + "\""),
                                   c.get("at") + "의 " + path + (c.has("contains") ? "에 \"" + c.get("contains") + "\"이(가) 있음" : "에 \"" + c.get("not_contains") + "\"이(가) 없음"));
        const Container* ct = engine.findContainer(c.get("at"));
        if (!ct) return failed(what, L("no such container: ", "그런 컨테이너가 없음: ") + c.get("at"));
        const std::string& text = path == "/etc/hosts" ? ct->etcHosts : ct->resolvConf;
        if (c.has("contains") && text.find(c.get("contains")) == std::string::npos) return failed(what, L("it does not", "없음"));
        if (c.has("not_contains") && text.find(c.get("not_contains")) != std::string::npos) return failed(what, L("it does", "있음"));
        return pass(what);
    }
    }
    return failed("unknown check", "unknown check");
}

}  // namespace

bool allPassed(const std::vector<CheckResult>& results) {
    return !results.empty() && std::all_of(results.begin(), results.end(), [](const CheckResult& r) { return r.passed; });
}

const std::regex& placeholderPattern() {
    static const std::regex pattern(R"(\{(ip|mac|veth):([^}@]+)(@([^}]+))?\})");
    return pattern;
}

std::vector<std::vector<std::string>> commandWords(const std::string& line) {
    std::vector<std::vector<std::string>> out;
    const auto script = sim::shell::parseScript(line);
    if (!script) return out;
    for (const auto& list : script->lists)
        for (const auto& item : list.items)
            for (const auto& cmd : item.pipeline.commands) {
                std::vector<std::string> words;
                for (const auto& w : cmd.words) words.push_back(w.literal().value_or(w.raw));
                out.push_back(std::move(words));
            }
    return out;
}

sim::core::Result<std::string> expandPlaceholders(const std::string& text, const sim::cli::DockerHost& host) {
    std::string out;
    auto begin = std::sregex_iterator(text.begin(), text.end(), placeholderPattern());
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        out += text.substr(last, static_cast<std::size_t>(m.position()) - last);
        auto ep = endpointOf(host, m[2].str(), m[4].str());
        if (!ep) return std::unexpected(ep.error());
        const std::string kind = m[1].str();
        out += kind == "ip" ? (*ep)->address.address().toString() : kind == "mac" ? (*ep)->mac.toString() : (*ep)->hostVethName;
        last = static_cast<std::size_t>(m.position() + m.length());
    }
    return out + text.substr(last);
}

CheckResult evaluateCheck(const Check& check, const sim::cli::DockerHost& host, const std::vector<sim::shell::TranscriptStep>& steps, Language lang) {
    Check expanded = check;
    for (auto& [key, value] : expanded.args) {
        auto v = expandPlaceholders(value, host);
        if (!v) return failed((lang == Language::Korean ? "확인 (줄 " : "check on line ") + std::to_string(check.line) + (lang == Language::Korean ? ")" : ""), v.error().message);
        value = *v;
    }
    return evaluateExpanded(expanded, host, steps, lang);
}

}  // namespace docknet::labs
